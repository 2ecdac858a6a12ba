-- Every ECMS relationship type in the lookup has a group in the seed
-- relationship_type_groups. A type added to ECMS must be placed in a group before the family variables
-- can be trusted: returns the types that are missing.
-- A row whose code is missing from the lookup itself is a fault of the extract: the relationships test
-- of stg_ecms__person_relationships reports it as a warning (staging tests warn), and it is not a seed gap.

with

ecms_types as (

    select
        relationship_type_id,
        relationship_type_name
    from {{ ref('stg_ecms__relationship_types') }}

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
