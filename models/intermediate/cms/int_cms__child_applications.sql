-- One row per child per CMS application (grain: application_id x person_id): every person on an
-- application who is its subject (member type 4, resolved through CONVERTEDTYPE) or aged under 18 on the
-- application date, with the application, the person, family and the case's legal outputs. Replaces
-- 03application_members_cms step 4-6, 04 step 7, 05 step 7 and 06 (seed-pipeline §2C.3-2C.6). Fixes §5.8:
-- both child definitions are flags (the Stata code kept subjects under 18 only, and dropped unknown ages), and
-- §5.9: ages use the century-repaired date of birth. Legal outputs are recorded per case in CMS: the case's
-- outputs are attached to every subject child of the case (is_order_case_level = 1 on every CMS row; a child
-- who is not a subject gets none). Column list, names, order and types are the harmonised ones of
-- int_ecms__child_applications.

with

roles as (

    select * from {{ ref('int_cms__person_application_roles') }}

),

applications as (

    select * from {{ ref('int_cms__applications') }}

),

people as (

    select * from {{ ref('int_cms__people') }}

),

families as (

    select * from {{ ref('int_cms__child_families') }}

),

case_orders as (

    select * from {{ ref('int_cms__case_orders') }}

),

aged as (

    {{ select_aged('roles', 'applications') }}

),

children as (

    {{ select_children('aged') }}

),

final as (

    -- CMS records no nationality, and relationships from the child to parents and relatives only (siblings
    -- are not known); its legal outputs are the case's, attached to the subject children only.
    select
        {{ harmonised_child_application_columns(
            'CMS',
            'England',
            sources={'characteristics': 'people', 'orders': 'case_orders'},
            not_recorded=['nationality_name', 'n_natural_siblings', 'n_half_siblings', 'n_step_siblings'],
            orders_only_when='children.is_subject = 1',
            is_order_case_level=1
        ) }}
    from children
    left join applications
        on children.application_id = applications.application_id
    left join people
        on children.person_id = people.person_id
    left join families
        on
            children.person_id = families.person_id
            and children.application_id = families.application_id
    left join case_orders
        on children.case_id = case_orders.case_id

)

select * from final
