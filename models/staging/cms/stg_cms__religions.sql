with

source_rows as (

    select * from {{ source('cms_ref', 'religions') }}

),

renamed as (

    select
        cast(itemid as integer) as religion_id,
        {{ clean_text('caption', 255) }} as religion_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
