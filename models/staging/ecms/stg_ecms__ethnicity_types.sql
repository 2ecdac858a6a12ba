with

source_rows as (

    select * from {{ source('ecms_ref', 'ethnicity_types') }}

),

renamed as (

    select
        cast(id as integer) as ethnicity_type_id,
        {{ clean_text('name', 255) }} as ethnicity_type_name,
        cast(sortorder as integer) as sort_order,
        {{ text_flag('islocked') }} as is_locked,
        {{ text_flag('isactive') }} as is_active,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
