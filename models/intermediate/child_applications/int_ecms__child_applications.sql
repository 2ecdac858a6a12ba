-- One row per child per ECMS application (grain: application_id x person_id): every person on an
-- application who is its subject or is aged under 18 on the application date, with the application, the
-- person's characteristics, family and legal outputs. Replaces 013 step 6-12, 014 step 6-8, 015 step 9 and
-- 016 step 3 (seed-pipeline §2.3-2.7). Fixes §5.8: both child definitions are kept as flags (Stata kept
-- under-18s only, the guidance said subjects), and people with an unknown DOB or not yet born are kept
-- instead of dropped by `age < 18`; persons on an application missing from its table are kept too.
-- The column list is the harmonised one of every source system (docs/ecms-marts-design.md).

with

roles as (

    select * from {{ ref('int_ecms__person_application_roles') }}

),

applications as (

    select * from {{ ref('int_ecms__applications') }}

),

people as (

    select * from {{ ref('int_ecms__people') }}

),

characteristics as (

    select * from {{ ref('int_ecms__person_characteristics') }}

),

families as (

    select * from {{ ref('int_ecms__child_families') }}

),

orders as (

    select * from {{ ref('int_ecms__child_application_orders') }}

),

aged as (

    {{ select_aged('roles', 'applications') }}

),

children as (

    {{ select_children('aged') }}

),

final as (

    select
        {{ harmonised_child_application_columns('ECMS', 'England') }}
    from children
    left join applications
        on children.application_id = applications.application_id
    left join people
        on children.person_id = people.person_id
    left join characteristics
        on children.person_id = characteristics.person_id
    left join families
        on
            children.person_id = families.person_id
            and children.application_id = families.application_id
    left join orders
        on
            children.person_id = orders.person_id
            and children.application_id = orders.application_id

)

select * from final
