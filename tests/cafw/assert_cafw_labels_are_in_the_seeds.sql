-- Every CAFW text label that a seed classifies has a CAFW row in that seed (CAFW has no codes: the seeds are
-- joined on the name, case-insensitive). An unmapped label would silently become a non-s31 application, a
-- non-order `other` outcome or extended family. Returns each missing label with the seed it is missing from.

with

application_types as (

    select distinct
        'application_type_groups' as seed_name,
        application_type_name as label_name
    from {{ ref('stg_cafw__applications') }}
    where application_type_name is not null

),

outcome_types as (

    select distinct
        'legal_output_type_categories' as seed_name,
        outcome_type_name as label_name
    from {{ ref('stg_cafw__hearing_outcomes') }}
    where outcome_type_name is not null

),

relationship_roles as (

    select
        'relationship_type_groups' as seed_name,
        person_role_name as label_name
    from {{ ref('stg_cafw__relationships') }}
    where person_role_name is not null
    union
    select
        'relationship_type_groups' as seed_name,
        related_person_role_name as label_name
    from {{ ref('stg_cafw__relationships') }}
    where related_person_role_name is not null

),

labels as (

    select
        seed_name,
        label_name
    from application_types
    union all
    select
        seed_name,
        label_name
    from outcome_types
    union all
    select
        seed_name,
        label_name
    from relationship_roles

),

seeded as (

    select
        'application_type_groups' as seed_name,
        upper(trim(application_type_name)) as label_key
    from {{ ref('application_type_groups') }}
    where source_system = 'CAFW'
    union all
    select
        'legal_output_type_categories' as seed_name,
        upper(trim(legal_output_type_name)) as label_key
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'CAFW'
    union all
    select
        'relationship_type_groups' as seed_name,
        upper(trim(relationship_type_name)) as label_key
    from {{ ref('relationship_type_groups') }}
    where source_system = 'CAFW'

)

select
    labels.seed_name,
    labels.label_name
from labels
where not exists (
    select 1
    from seeded
    where
        seeded.seed_name = labels.seed_name
        and seeded.label_key = upper(labels.label_name)
)
