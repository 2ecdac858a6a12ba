with

source_rows as (

    select * from {{ source('ecms_ref', 'disability_types') }}

),

renamed as (

    select
        cast(id as integer) as disability_type_id,
        {{ clean_text('name', 255) }} as disability_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
