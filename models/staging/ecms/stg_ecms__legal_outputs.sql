with

source_rows as (

    select * from {{ source('ecms', 'legal_outputs') }}

),

renamed as (

    select
        cast(id_pe as bigint) as legal_output_row_id,
        {{ safe_cast_bigint('person_id_pe') }} as person_id,
        {{ clean_text('person_id_pe', 20) }} as person_id_text,
        cast(application_id_pe as bigint) as application_id,
        cast(case_id_pe as bigint) as case_id,
        cast(legaloutputtype_id as integer) as legal_output_type_id,
        {{ text_flag('isfpr164') }} as is_fpr_rule_16_4,
        cast(dateordered as date) as ordered_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
