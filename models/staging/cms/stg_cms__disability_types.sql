with

source_rows as (

    select * from {{ source('cms_ref', 'disabilities') }}

),

renamed as (

    select
        cast(disabilityid as integer) as disability_id,
        {{ clean_text('disability', 255) }} as disability_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
