-- One row per person and application (grain: person_id x application_id) with the family variables, as
-- int_ecms__child_families: the mother (father) is one person chosen by a full ranking (on the same
-- application, then in the same case, then has a DOB, then lowest id), every attribute from that person;
-- sibling counts are of distinct related persons.

with

person_applications as (

    select
        person_id,
        application_id,
        case_id
    from {{ ref('int_cafw__person_applications') }}

),

person_cases as (

    select distinct
        person_id,
        case_id
    from person_applications
    where case_id is not null

),

relatives as (

    select * from {{ ref('int_cafw__relatives') }}

),

people as (

    select
        person_id,
        gender,
        date_of_birth
    from {{ ref('int_cafw__people') }}

),

parents as (

    select
        relatives.person_id as child_person_id,
        relatives.related_person_id as parent_person_id,
        people.date_of_birth as parent_date_of_birth,
        case people.gender
            when 'Female' then 'Mother'
            when 'Male' then 'Father'
            else 'Parent'
        end as parent_role
    from relatives
    left join people
        on relatives.related_person_id = people.person_id
    where relatives.relationship_group = 'parent'

),

parent_counts as (

    select
        child_person_id,
        count(distinct case when parent_role = 'Mother' then parent_person_id end) as n_mothers,
        count(distinct case when parent_role = 'Father' then parent_person_id end) as n_fathers
    from parents
    group by child_person_id

),

{{ chosen_parent_ctes('person_applications', 'person_applications') }},

relative_counts as (

    select
        person_id,
        count(distinct case when relationship_group = 'natural_sibling' then related_person_id end)
            as n_natural_siblings,
        count(distinct case when relationship_group = 'half_sibling' then related_person_id end)
            as n_half_siblings,
        count(distinct case when relationship_group = 'step_sibling' then related_person_id end)
            as n_step_siblings,
        max(case when relationship_group = 'extended_family' then 1 else 0 end) as has_extended_family
    from relatives
    group by person_id

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
        {{ age_in_years('chosen_mothers.parent_date_of_birth', 'people.date_of_birth') }}
            as mother_age_at_child_birth_years,
        cast(coalesce(relative_counts.n_natural_siblings, 0) as integer) as n_natural_siblings,
        cast(coalesce(relative_counts.n_half_siblings, 0) as integer) as n_half_siblings,
        cast(coalesce(relative_counts.n_step_siblings, 0) as integer) as n_step_siblings,
        cast(coalesce(relative_counts.has_extended_family, 0) as smallint) as has_extended_family
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
    left join relative_counts
        on person_applications.person_id = relative_counts.person_id
    left join people
        on person_applications.person_id = people.person_id

)

select * from final
