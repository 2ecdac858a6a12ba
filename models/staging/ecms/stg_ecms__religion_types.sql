with

source_rows as (

    select * from {{ source('ecms_ref', 'religion_types') }}

),

renamed as (

    select
        cast(id as integer) as religion_type_id,
        {{ clean_text('name', 255) }} as religion_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
