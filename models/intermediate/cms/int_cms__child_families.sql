-- One row per person and CMS application (grain: person_id x application_id) with the family variables.
-- Replaces 04create_relationships_cms (seed-pipeline §2C.4). CMS records direct child -> parent/relative
-- rows only, so a parent is a row of group `parent` (seed relationship_type_groups, CMS rows) and siblings
-- are not counted (NULL: not recorded). A (parent, child) pair recorded with two different types is
-- conflicting and counts as no relationship (the Stata code sets such pairs to unclear, §2C.4 step 2);
-- repeated rows count once. The mother (father) is one person chosen by a full ranking (same application,
-- then same case, then has a DOB, then lowest id), every attribute from that person (fixes §5.14), with the
-- century-repaired DOB (fixes §5.9). Pairs whose parent has no person row are kept, as in the Stata code.

with

person_applications as (

    select distinct
        members.person_id,
        members.application_id,
        applications.case_id
    from {{ ref('stg_cms__application_members') }} as members
    -- int_cms__applications: one row per application, so a repeated raw row cannot add a second case
    left join {{ ref('int_cms__applications') }} as applications
        on members.application_id = applications.application_id
    where
        members.person_id is not null
        and members.application_id is not null

),

person_cases as (

    select distinct
        person_id,
        case_id
    from person_applications
    where case_id is not null

),

pairs as (

    -- One row per (parent, child) pair; conflicting types leave the pair without a type.
    select
        child_person_id,
        parent_person_id,
        case
            when count(distinct relationship_type_id) = 1 then max(relationship_type_id)
        end as relationship_type_id,
        count(distinct relationship_type_id) as n_relationship_types
    from {{ ref('stg_cms__person_relationships') }}
    where
        child_person_id is not null
        and parent_person_id is not null
        and child_person_id <> parent_person_id
        and relationship_type_id is not null
    group by
        child_person_id,
        parent_person_id

),

type_groups as (

    select
        relationship_type_id,
        relationship_group
    from {{ ref('relationship_type_groups') }}
    where source_system = 'CMS'

),

grouped_pairs as (

    -- A type missing from the seed counts as extended family (any other recorded relative).
    select
        pairs.child_person_id,
        pairs.parent_person_id,
        case
            when pairs.relationship_type_id is null then 'conflicting'
            else coalesce(type_groups.relationship_group, 'extended_family')
        end as relationship_group
    from pairs
    left join type_groups
        on pairs.relationship_type_id = type_groups.relationship_type_id

),

people as (

    select
        person_id,
        gender,
        date_of_birth
    from {{ ref('int_cms__people') }}

),

parents as (

    select
        grouped_pairs.child_person_id,
        grouped_pairs.parent_person_id,
        people.date_of_birth as parent_date_of_birth,
        case people.gender
            when 'Female' then 'Mother'
            when 'Male' then 'Father'
            else 'Parent'
        end as parent_role
    from grouped_pairs
    left join people
        on grouped_pairs.parent_person_id = people.person_id
    where grouped_pairs.relationship_group = 'parent'

),

parent_counts as (

    select
        child_person_id,
        sum(case when parent_role = 'Mother' then 1 else 0 end) as n_mothers,
        sum(case when parent_role = 'Father' then 1 else 0 end) as n_fathers,
        count(*) as n_parents
    from parents
    group by child_person_id

),

{{ chosen_parent_ctes('person_applications', 'person_applications') }},

extended_family as (

    select
        child_person_id,
        max(case when relationship_group = 'extended_family' then 1 else 0 end) as has_extended_family
    from grouped_pairs
    group by child_person_id

),

final as (

    select
        person_applications.person_id,
        person_applications.application_id,
        chosen_mothers.parent_person_id as mother_person_id,
        chosen_mothers.parent_date_of_birth as mother_date_of_birth,
        chosen_fathers.parent_person_id as father_person_id,
        chosen_fathers.parent_date_of_birth as father_date_of_birth,
        cast(coalesce(parent_counts.n_mothers, 0) as integer) as n_mothers,
        cast(coalesce(parent_counts.n_fathers, 0) as integer) as n_fathers,
        cast(coalesce(parent_counts.n_parents, 0) as integer) as n_parents,
        {{ age_in_years('chosen_mothers.parent_date_of_birth', 'people.date_of_birth') }}
            as mother_age_at_child_birth_years,
        cast(coalesce(extended_family.has_extended_family, 0) as smallint) as has_extended_family
    from person_applications
    left join chosen_mothers
        on
            person_applications.person_id = chosen_mothers.person_id
            and person_applications.application_id = chosen_mothers.application_id
    left join chosen_fathers
        on
            person_applications.person_id = chosen_fathers.person_id
            and person_applications.application_id = chosen_fathers.application_id
    left join parent_counts
        on person_applications.person_id = parent_counts.child_person_id
    left join extended_family
        on person_applications.person_id = extended_family.child_person_id
    left join people
        on person_applications.person_id = people.person_id

)

select * from final
