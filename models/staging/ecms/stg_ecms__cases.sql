with

source_rows as (

    select * from {{ source('ecms', 'cases') }}

),

renamed as (

    select
        cast(id_pe as bigint) as case_id,
        cast(courtcourtlevelref_id as integer) as court_court_level_id,
        cast(lawtype_id as integer) as law_type_id,
        cast(localauthority_id as integer) as local_authority_id,
        cast(courtform_id as integer) as court_form_id,
        cast(casestatu_id as integer) as case_status_id,
        {{ clean_text('harm', 5) }} as harm_text,
        {{ text_flag('harm') }} as has_harm,
        cast(datereceived as date) as received_date,
        cast(closuredate as date) as closed_date,
        cast(reopendate as date) as reopened_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
