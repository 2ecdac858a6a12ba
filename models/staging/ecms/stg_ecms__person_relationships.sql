with

source_rows as (

    select * from {{ source('ecms', 'person_relationships') }}

),

renamed as (

    select
        cast(id_pe as bigint) as person_relationship_row_id,
        {{ safe_cast_bigint('person_id_pe') }} as person_id,
        {{ clean_text('person_id_pe', 20) }} as person_id_text,
        {{ safe_cast_bigint('relatedperson_id_pe') }} as related_person_id,
        {{ clean_text('relatedperson_id_pe', 20) }} as related_person_id_text,
        cast(relationshiptype_id as integer) as relationship_type_id,
        cast(parentalresponsibilitytype_id as integer) as parental_responsibility_type_id,
        {{ clean_text('relationshipmale', 255) }} as relationship_male_name,
        {{ clean_text('relationshipfemale', 255) }} as relationship_female_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
