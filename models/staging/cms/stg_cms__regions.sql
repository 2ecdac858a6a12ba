with

source_rows as (

    select * from {{ source('cms_ref', 'regions') }}

),

renamed as (

    select
        cast(regionid as integer) as region_id,
        {{ clean_text('region', 255) }} as region_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
