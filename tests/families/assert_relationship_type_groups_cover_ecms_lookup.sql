-- Every ECMS relationship type (in the lookup, or used by a relationship row) has a group in the seed
-- relationship_type_groups. A type added to ECMS must be placed in a group before the family variables
-- can be trusted: returns the types that are missing.

with

ecms_types as (

    select
        relationship_type_id,
        relationship_type_name
    from {{ ref('stg_ecms__relationship_types') }}

    union

    select
        relationship_type_id,
        cast(null as varchar(255)) as relationship_type_name
    from {{ ref('stg_ecms__person_relationships') }}
    where
        relationship_type_id is not null
        and relationship_type_id not in (
            select lookup_types.relationship_type_id
            from {{ ref('stg_ecms__relationship_types') }} as lookup_types
            where lookup_types.relationship_type_id is not null
        )

),

grouped as (

    select relationship_type_id
    from {{ ref('relationship_type_groups') }}
    where source_system = 'ECMS'

)

select
    ecms_types.relationship_type_id,
    ecms_types.relationship_type_name
from ecms_types
where
    ecms_types.relationship_type_id is not null
    and not exists (
        select 1
        from grouped
        where grouped.relationship_type_id = ecms_types.relationship_type_id
    )
