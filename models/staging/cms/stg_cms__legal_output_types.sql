with

source_rows as (

    select * from {{ source('cms_ref', 'legal_output_types') }}

),

renamed as (

    select
        cast(legaloutputtypeid as integer) as legal_output_type_id,
        {{ clean_text('legaloutputtype', 255) }} as legal_output_type_name,
        cast(legaloutputclassref as integer) as legal_output_class_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
