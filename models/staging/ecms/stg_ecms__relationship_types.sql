with

source_rows as (

    select * from {{ source('ecms_ref', 'relationship_types') }}

),

renamed as (

    select
        cast(id as integer) as relationship_type_id,
        {{ clean_text('name', 255) }} as relationship_type_name,
        cast(sortorder as integer) as sort_order,
        {{ text_flag('islocked') }} as is_locked,
        {{ text_flag('isactive') }} as is_active,
        cast(inverseref as integer) as inverse_relationship_type_id,
        {{ text_flag('isprimary') }} as is_primary,
        {{ clean_text('relationshipmale', 255) }} as relationship_male_name,
        {{ clean_text('relationshipfemale', 255) }} as relationship_female_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
