with

source_rows as (

    select * from {{ source('cms_ref', 'application_types') }}

),

renamed as (

    select
        cast(caseapplicationtypeid as integer) as application_type_id,
        {{ clean_text('caseapplicationtype', 255) }} as application_type_name,
        cast(lawtypes as integer) as law_type_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
