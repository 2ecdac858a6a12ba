-- Every CMS application type, relationship type and legal-output type (in its lookup or used by a data row)
-- has a CMS row in its mapping seed (application_type_groups, relationship_type_groups,
-- legal_output_type_categories). An unmapped type would silently count as not s31, as extended family or
-- as a non-order `other`: returns one row per missing type.

with

used_types as (

    select
        'application_type_groups' as seed_name,
        application_type_id as type_id
    from {{ ref('stg_cms__application_types') }}

    union

    select
        'application_type_groups' as seed_name,
        application_type_id as type_id
    from {{ ref('stg_cms__applications') }}

    union

    select
        'relationship_type_groups' as seed_name,
        relationship_type_id as type_id
    from {{ ref('stg_cms__relationship_types') }}

    union

    select
        'relationship_type_groups' as seed_name,
        relationship_type_id as type_id
    from {{ ref('stg_cms__person_relationships') }}

    union

    select
        'legal_output_type_categories' as seed_name,
        legal_output_type_id as type_id
    from {{ ref('stg_cms__legal_output_types') }}

    union

    select
        'legal_output_type_categories' as seed_name,
        legal_output_type_id as type_id
    from {{ ref('stg_cms__legal_outputs') }}

),

mapped as (

    select
        'application_type_groups' as seed_name,
        application_type_id as type_id
    from {{ ref('application_type_groups') }}
    where source_system = 'CMS'

    union all

    select
        'relationship_type_groups' as seed_name,
        relationship_type_id as type_id
    from {{ ref('relationship_type_groups') }}
    where source_system = 'CMS'

    union all

    select
        'legal_output_type_categories' as seed_name,
        legal_output_type_id as type_id
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'CMS'

)

select
    used_types.seed_name,
    used_types.type_id
from used_types
where
    used_types.type_id is not null
    and not exists (
        select 1
        from mapped
        where
            mapped.seed_name = used_types.seed_name
            and mapped.type_id = used_types.type_id
    )
