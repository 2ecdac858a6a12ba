with

source_rows as (

    select * from {{ source('cms_ref', 'relationship_types') }}

),

renamed as (

    select
        cast(crsrelationshipid as integer) as relationship_type_id,
        {{ clean_text('crsrelationship', 255) }} as relationship_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
