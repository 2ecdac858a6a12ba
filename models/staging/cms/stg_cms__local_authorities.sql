with

source_rows as (

    select * from {{ source('cms_ref', 'local_authorities') }}

),

renamed as (

    select
        cast(localauthorityid as integer) as local_authority_id,
        {{ clean_text('authority', 255) }} as local_authority_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
