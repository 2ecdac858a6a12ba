-- One row per person and application (grain: person_id × application_id) with the family variables.
-- Replaces 014create_linkingdatasets (seed-pipeline §2.5 steps 5-7); the child mart keeps only children.
-- Fixes §5.14: the mother (father) is one person chosen by a full ranking (same application, then same
-- case, then has a DOB, then lowest id) and every attribute comes from that person, not slot by slot.
-- Fixes §5.13: counts are of distinct related persons, so repeated rows do not inflate them, and no
-- 14-slot limit applies. Fixes §5.1 and §5.9 in spirit: parents' DOBs are the century-repaired ones.

with

person_applications as (

    select distinct
        person_id,
        application_id
    from {{ ref('stg_ecms__persons_on_applications') }}
    where
        person_id is not null
        and application_id is not null

),

applications as (

    -- One row per application (int_ecms__applications dedupes the raw rows): a repeated application row
    -- must not repeat the person's row here.
    select
        application_id,
        case_id
    from {{ ref('int_ecms__applications') }}

),

child_applications as (

    select
        person_applications.person_id,
        person_applications.application_id,
        applications.case_id
    from person_applications
    left join applications
        on person_applications.application_id = applications.application_id

),

person_cases as (

    select distinct
        person_applications.person_id,
        applications.case_id
    from person_applications
    inner join applications
        on person_applications.application_id = applications.application_id
    where applications.case_id is not null

),

parents as (

    select
        child_person_id,
        parent_person_id,
        parent_role,
        parent_date_of_birth,
        parent_is_dob_corrected,
        parent_alf_pe,
        parent_has_usable_alf
    from {{ ref('int_ecms__child_parents') }}

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

{{ chosen_parent_ctes(
    'child_applications',
    'person_applications',
    extra_parent_columns=['parent_is_dob_corrected', 'parent_alf_pe', 'parent_has_usable_alf']
) }},

type_groups as (

    select
        relationship_type_id,
        relationship_group
    from {{ ref('relationship_type_groups') }}
    where source_system = 'ECMS'

),

relationships as (

    select
        person_id,
        related_person_id,
        relationship_type_id
    from {{ ref('stg_ecms__person_relationships') }}
    where
        person_id is not null
        and related_person_id is not null
        and person_id <> related_person_id

),

related_persons as (

    -- What each related person is to the anchor person: one row per pair, a 0/1 per relationship group
    -- (a pair can hold several, e.g. natural and half sibling rows), so the counts below are plain sums of
    -- distinct related persons. A type missing from the seed counts as extended family, as in the Stata
    -- rule (any recorded type not in the excluded list); the singular test
    -- assert_relationship_type_groups_cover_ecms_lookup fails the build before that can happen silently.
    select
        relationships.person_id,
        relationships.related_person_id,
        max(case when type_groups.relationship_group = 'natural_sibling' then 1 else 0 end) as is_natural_sibling,
        max(case when type_groups.relationship_group = 'half_sibling' then 1 else 0 end) as is_half_sibling,
        max(case when type_groups.relationship_group = 'step_sibling' then 1 else 0 end) as is_step_sibling,
        max(
            case
                when type_groups.relationship_group in ('natural_sibling', 'half_sibling', 'step_sibling') then 1
                else 0
            end
        ) as is_sibling,
        max(
            case when coalesce(type_groups.relationship_group, 'extended_family') = 'extended_family' then 1 else 0 end
        ) as is_extended_family
    from relationships
    left join type_groups
        on relationships.relationship_type_id = type_groups.relationship_type_id
    where relationships.relationship_type_id is not null
    group by
        relationships.person_id,
        relationships.related_person_id

),

relative_counts as (

    select
        person_id,
        sum(is_natural_sibling) as n_natural_siblings,
        sum(is_half_sibling) as n_half_siblings,
        sum(is_step_sibling) as n_step_siblings,
        sum(is_sibling) as n_siblings,
        max(is_extended_family) as has_extended_family
    from related_persons
    group by person_id

),

related_anywhere as (

    -- Persons named in at least one relationship row, on either side (Stata flag_norel, inverted).
    select person_id from relationships
    union
    select related_person_id as person_id from relationships

),

people as (

    select
        person_id,
        date_of_birth
    from {{ ref('int_ecms__people') }}

),

final as (

    select
        child_applications.person_id,
        child_applications.application_id,
        chosen_mothers.parent_person_id as mother_person_id,
        chosen_mothers.parent_date_of_birth as mother_date_of_birth,
        chosen_mothers.parent_is_dob_corrected as mother_is_dob_corrected,
        chosen_mothers.parent_alf_pe as mother_alf_pe,
        cast(chosen_mothers.parent_has_usable_alf as smallint) as mother_has_usable_alf,
        chosen_fathers.parent_person_id as father_person_id,
        chosen_fathers.parent_date_of_birth as father_date_of_birth,
        chosen_fathers.parent_is_dob_corrected as father_is_dob_corrected,
        chosen_fathers.parent_alf_pe as father_alf_pe,
        cast(chosen_fathers.parent_has_usable_alf as smallint) as father_has_usable_alf,
        cast(coalesce(parent_counts.n_mothers, 0) as integer) as n_mothers,
        cast(coalesce(parent_counts.n_fathers, 0) as integer) as n_fathers,
        cast(coalesce(parent_counts.n_parents, 0) as integer) as n_parents,
        {{ age_in_years('chosen_mothers.parent_date_of_birth', 'people.date_of_birth') }}
            as mother_age_at_child_birth_years,
        cast(coalesce(relative_counts.n_natural_siblings, 0) as integer) as n_natural_siblings,
        cast(coalesce(relative_counts.n_half_siblings, 0) as integer) as n_half_siblings,
        cast(coalesce(relative_counts.n_step_siblings, 0) as integer) as n_step_siblings,
        cast(coalesce(relative_counts.n_siblings, 0) as integer) as n_siblings,
        cast(coalesce(relative_counts.has_extended_family, 0) as smallint) as has_extended_family,
        cast(case when related_anywhere.person_id is null then 0 else 1 end as smallint) as has_any_relationship
    from child_applications
    left join chosen_mothers
        on
            child_applications.person_id = chosen_mothers.person_id
            and child_applications.application_id = chosen_mothers.application_id
    left join chosen_fathers
        on
            child_applications.person_id = chosen_fathers.person_id
            and child_applications.application_id = chosen_fathers.application_id
    left join parent_counts
        on child_applications.person_id = parent_counts.child_person_id
    left join relative_counts
        on child_applications.person_id = relative_counts.person_id
    left join related_anywhere
        on child_applications.person_id = related_anywhere.person_id
    left join people
        on child_applications.person_id = people.person_id

)

select * from final
