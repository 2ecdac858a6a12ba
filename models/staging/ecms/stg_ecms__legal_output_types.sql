with

source_rows as (

    select * from {{ source('ecms_ref', 'legal_output_types') }}

),

renamed as (

    select
        cast(id as integer) as legal_output_type_id,
        {{ clean_text('name', 255) }} as legal_output_type_name,
        cast(sortorder as integer) as sort_order,
        {{ text_flag('islocked') }} as is_locked,
        {{ text_flag('isactive') }} as is_active,
        cast(publicsortorder as integer) as public_sort_order,
        cast(privatesortorder as integer) as private_sort_order,
        {{ text_flag('appliestosubject') }} as is_applicable_to_subject,
        {{ text_flag('allapplicationtypes') }} as is_for_all_application_types,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
