-- One row per child and parent (grain: child_person_id × parent_person_id). Replaces the parent part of
-- 014create_linkingdatasets (seed-pipeline §2.5 steps 2-5, 7). A link is found from either side of the
-- relationship table: a row anchored on the child whose related person is in group `parent`, or a row
-- anchored on the parent whose related person is in group `child` (seed relationship_type_groups).
-- Fixes §5.13: repeated and reciprocal rows collapse to one link (counted in n_relationship_rows), and a
-- parent missing from the people table is kept (has_people_row = 0) instead of silently dropped.

with

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

type_groups as (

    select
        relationship_type_id,
        relationship_group
    from {{ ref('relationship_type_groups') }}
    where source_system = 'ECMS'

),

links as (

    -- Anchor = child: the related person is the child's parent.
    select
        relationships.person_id as child_person_id,
        relationships.related_person_id as parent_person_id,
        1 as is_child_side,
        0 as is_parent_side
    from relationships
    inner join type_groups
        on relationships.relationship_type_id = type_groups.relationship_type_id
    where type_groups.relationship_group = 'parent'

    union all

    -- Anchor = parent: the related person is the parent's child.
    select
        relationships.related_person_id as child_person_id,
        relationships.person_id as parent_person_id,
        0 as is_child_side,
        1 as is_parent_side
    from relationships
    inner join type_groups
        on relationships.relationship_type_id = type_groups.relationship_type_id
    where type_groups.relationship_group = 'child'

),

deduplicated as (

    select
        child_person_id,
        parent_person_id,
        max(is_child_side) as found_from_child_side,
        max(is_parent_side) as found_from_parent_side,
        count(*) as n_relationship_rows
    from links
    group by
        child_person_id,
        parent_person_id

),

people as (

    select
        person_id,
        gender,
        date_of_birth,
        is_dob_corrected,
        alf_pe,
        has_usable_alf
    from {{ ref('int_ecms__people') }}

),

final as (

    select
        deduplicated.child_person_id,
        deduplicated.parent_person_id,
        cast(coalesce(people.gender, 'Unknown') as varchar(10)) as parent_gender,
        cast(
            case people.gender
                when 'Female' then 'Mother'
                when 'Male' then 'Father'
                else 'Parent'
            end
            as varchar(10)
        ) as parent_role,
        people.date_of_birth as parent_date_of_birth,
        people.is_dob_corrected as parent_is_dob_corrected,
        people.alf_pe as parent_alf_pe,
        cast(coalesce(people.has_usable_alf, 0) as smallint) as parent_has_usable_alf,
        cast(case when people.person_id is null then 0 else 1 end as smallint) as has_people_row,
        cast(deduplicated.found_from_child_side as smallint) as found_from_child_side,
        cast(deduplicated.found_from_parent_side as smallint) as found_from_parent_side,
        cast(deduplicated.n_relationship_rows as integer) as n_relationship_rows
    from deduplicated
    left join people
        on deduplicated.parent_person_id = people.person_id

)

select * from final
