with

source_rows as (

    select * from {{ source('cms', 'person_relationships') }}

),

renamed as (

    select
        cast(personrelationshipid_pe as bigint) as person_relationship_id,
        {{ safe_cast_bigint('parentref_pe') }} as parent_person_id,
        {{ clean_text('parentref_pe', 20) }} as parent_person_id_text,
        {{ safe_cast_bigint('childref_pe') }} as child_person_id,
        {{ clean_text('childref_pe', 20) }} as child_person_id_text,
        cast(relationshipref as integer) as relationship_type_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
