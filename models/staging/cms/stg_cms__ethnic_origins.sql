with

source_rows as (

    select * from {{ source('cms_ref', 'ethnic_origins') }}

),

renamed as (

    select
        cast(itemid as integer) as ethnicity_id,
        {{ clean_text('caption', 255) }} as ethnicity_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
