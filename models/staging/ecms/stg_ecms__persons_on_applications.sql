with

source_rows as (

    select * from {{ source('ecms', 'persons_on_applications') }}

),

renamed as (

    select
        cast(id_pe as bigint) as person_on_application_row_id,
        {{ safe_cast_bigint('person_id_pe') }} as person_id,
        {{ clean_text('person_id_pe', 20) }} as person_id_text,
        cast(application_id_pe as bigint) as application_id,
        {{ text_flag('issubject') }} as is_subject,
        {{ text_flag('isrespondent') }} as is_respondent,
        {{ text_flag('isapplicant') }} as is_applicant,
        {{ text_flag('isother') }} as is_other,
        {{ text_flag('issubjectparty') }} as is_subject_party,
        {{ text_flag('isotherparty') }} as is_other_party,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
