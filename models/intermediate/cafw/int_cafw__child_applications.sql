-- One row per child per Cafcass Cymru application (grain: application_id x person_id): every person on an
-- application who is its subject or is aged under 18 on the application date, with the harmonised column
-- list of int_ecms__child_applications (same names, order and types). Roles from APPLICATIONSERVICEUSERS,
-- parents from RELATIONSHIPS, outcomes from HEARINGOUTCOME through HEARINGOUTCOMEAPPLICATION. CAFW has text
-- labels only (application_type_id is NULL) and records neither religion, nationality, party status nor the
-- court level, DFJ area or circuit (NULL); outcomes are recorded per application and attached to each child.

with

person_applications as (

    select * from {{ ref('int_cafw__person_applications') }}

),

applications as (

    select * from {{ ref('int_cafw__applications') }}

),

people as (

    select * from {{ ref('int_cafw__people') }}

),

families as (

    select * from {{ ref('int_cafw__child_families') }}

),

orders as (

    select * from {{ ref('int_cafw__application_orders') }}

),

aged as (

    -- CAFW records no party status; the application date comes with the person's application.
    {{ select_aged('person_applications', role_columns=['role_on_application', 'is_subject', 'has_multiple_roles']) }}

),

children as (

    {{ select_children('aged') }}

),

final as (

    select
        {{ harmonised_child_application_columns(
            'CAFW',
            'Wales',
            sources={'characteristics': 'people'},
            overrides={
                'ethnicity_name': unknown_if_not_stated('people.ethnicity_name'),
                'language_name': unknown_if_not_stated('people.language_name'),
                'has_disability': has_disability_from_text('people.disability_name')
            },
            not_recorded=[
                'application_type_id', 'court_level_name', 'dfj_area_name', 'circuit_name', 'is_party',
                'religion_name', 'nationality_name'
            ]
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
    left join orders
        on children.application_id = orders.application_id

)

select * from final
