with

source_rows as (

    select * from {{ source('cms_ref', 'legal_output_classes') }}

),

renamed as (

    select
        cast(legaloutputclassid as integer) as legal_output_class_id,
        {{ clean_text('legaloutputclass', 255) }} as legal_output_class_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
