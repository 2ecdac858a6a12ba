with

source_rows as (

    select * from {{ source('cms', 'case_application_members') }}

),

renamed as (

    select
        cast(caseapplicationmemberid_pe as bigint) as application_member_id,
        cast(caseapplicationref_pe as bigint) as application_id,
        {{ safe_cast_bigint('memberref_pe') }} as person_id,
        {{ clean_text('memberref_pe', 20) }} as person_id_text,
        cast(membertype as integer) as member_type,
        {{ clean_text('convertedtype', 50) }} as converted_type,
        {{ text_flag('isparty') }} as is_party,
        {{ text_flag('islarep') }} as is_la_representative,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
