-- One row per person and related person with what the related person is to them (grain: person_id x
-- related_person_id x relationship_group). CAFW connection rows name a role at each end (record 1 'Parent',
-- record 2 'Child'); both ends are read, so a link recorded from either side (or both) counts once. Role
-- labels map to groups through the CAFW rows of the seed relationship_type_groups (by name: CAFW has no
-- codes); an unmapped label counts as extended family, as in ECMS, and a singular test names it first.

with

relationships as (

    select
        person_id,
        person_role_name,
        related_person_id,
        related_person_role_name
    from {{ ref('stg_cafw__relationships') }}
    where
        person_id is not null
        and related_person_id is not null
        and person_id <> related_person_id

),

role_groups as (

    select
        relationship_group,
        upper(trim(relationship_type_name)) as role_key
    from {{ ref('relationship_type_groups') }}
    where source_system = 'CAFW'

),

ends as (

    -- Seen from record 1, the related person is record 2 with record 2's role, and the other way round.
    select
        person_id,
        related_person_id,
        related_person_role_name as related_role_name
    from relationships
    union all
    select
        related_person_id as person_id,
        person_id as related_person_id,
        person_role_name as related_role_name
    from relationships

),

final as (

    select distinct
        ends.person_id,
        ends.related_person_id,
        cast(coalesce(role_groups.relationship_group, 'extended_family') as varchar(40)) as relationship_group
    from ends
    left join role_groups
        on upper(ends.related_role_name) = role_groups.role_key
    where ends.related_role_name is not null

)

select * from final
