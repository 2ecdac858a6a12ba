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

    select
        person_applications.application_id,
        person_applications.person_id,
        person_applications.case_id,
        person_applications.role_on_application,
        person_applications.is_subject,
        person_applications.has_multiple_roles,
        person_applications.application_date,
        people.date_of_birth,
        {{ days_between('people.date_of_birth', 'person_applications.application_date') }}
            as age_at_application_days,
        {{ age_in_years('people.date_of_birth', 'person_applications.application_date') }}
            as age_at_application_years
    from person_applications
    left join people
        on person_applications.person_id = people.person_id

),

children as (

    -- Under 18 = born on or before the application date and not yet 18 (unknown age is not under 18);
    -- subjects are kept whatever their age, as in ECMS.
    select
        aged.*,
        case
            when aged.age_at_application_days >= 0 and aged.age_at_application_years < 18 then 1
            else 0
        end as is_under_18_at_application
    from aged
    where
        aged.is_subject = 1
        or (aged.age_at_application_days >= 0 and aged.age_at_application_years < 18)

),

final as (

    select
        cast(
            'CAFW-' || cast(children.application_id as varchar(20)) || '-' || cast(children.person_id as varchar(20))
            as varchar(60)
        ) as child_application_key,
        {{ prefixed_key('CAFW-', 'children.person_id') }} as child_id,
        cast('CAFW' as varchar(4)) as source_system,
        cast('Wales' as varchar(7)) as country,
        children.person_id,
        children.application_id,
        children.case_id,
        {{ prefixed_key('CAFW-', 'children.case_id') }} as case_key,
        cast(null as integer) as application_type_id,
        cast(applications.application_type_name as varchar(255)) as application_type_name,
        cast(applications.is_s31 as smallint) as is_s31,
        cast(coalesce(applications.law_type, 'Unknown') as varchar(7)) as law_type,
        children.application_date,
        applications.received_date,
        applications.completed_date,
        cast(applications.court_name as varchar(255)) as court_name,
        cast(null as varchar(255)) as court_level_name,
        cast(null as varchar(255)) as dfj_area_name,
        cast(null as varchar(255)) as circuit_name,
        cast(applications.local_authority_name as varchar(255)) as local_authority_name,
        cast(applications.n_applications_in_case as integer) as n_applications_in_case,
        cast(children.role_on_application as varchar(10)) as role_on_application,
        cast(children.is_subject as smallint) as is_subject,
        cast(children.is_under_18_at_application as smallint) as is_under_18_at_application,
        cast(null as smallint) as is_party,
        cast(children.has_multiple_roles as smallint) as has_multiple_roles,
        cast(coalesce(people.gender, 'Unknown') as varchar(7)) as gender,
        children.date_of_birth,
        cast(people.is_dob_corrected as smallint) as is_dob_corrected,
        cast(children.age_at_application_days as integer) as age_at_application_days,
        cast(children.age_at_application_years as integer) as age_at_application_years,
        -- 'Not stated' and the like are the source saying unknown (mart contract: 'Unknown'; NULL = nothing).
        cast(
            case
                when upper(people.ethnicity_name) in ('NOT STATED', 'NOT KNOWN', 'UNKNOWN', 'REFUSED') then 'Unknown'
                else people.ethnicity_name
            end as varchar(255)
        ) as ethnicity_name,
        cast(null as varchar(255)) as religion_name,
        cast(null as varchar(255)) as nationality_name,
        cast(
            case
                when upper(people.language_name) in ('NOT STATED', 'NOT KNOWN', 'UNKNOWN', 'REFUSED') then 'Unknown'
                else people.language_name
            end as varchar(255)
        ) as language_name,
        cast(
            case
                when upper(people.disability_name) in ('YES', 'Y') then 'Yes'
                when upper(people.disability_name) in ('NO', 'N') then 'No'
                when people.disability_name is not null then 'Unknown'
            end as varchar(7)
        ) as has_disability,
        families.mother_person_id,
        families.father_person_id,
        cast(coalesce(families.n_mothers, 0) as integer) as n_mothers,
        cast(coalesce(families.n_fathers, 0) as integer) as n_fathers,
        families.mother_date_of_birth,
        families.father_date_of_birth,
        cast(families.mother_age_at_child_birth_years as integer) as mother_age_at_child_birth_years,
        cast(coalesce(families.n_natural_siblings, 0) as integer) as n_natural_siblings,
        cast(coalesce(families.n_half_siblings, 0) as integer) as n_half_siblings,
        cast(coalesce(families.n_step_siblings, 0) as integer) as n_step_siblings,
        cast(coalesce(families.has_extended_family, 0) as smallint) as has_extended_family,
        {% for category in var('legal_output_categories') %}
            cast(coalesce(orders.order_{{ category }}, 0) as smallint) as order_{{ category }},
        {% endfor %}
        cast(0 as smallint) as is_order_case_level,
        cast(coalesce(orders.n_legal_outputs, 0) as integer) as n_legal_outputs,
        cast(orders.highest_order_category as varchar(30)) as highest_order_category,
        orders.final_order_date,
        people.alf_pe,
        cast(people.alf_sts_cd as integer) as alf_sts_cd,
        cast(people.alf_mtch_pct as decimal(7, 6)) as alf_mtch_pct,
        cast(coalesce(people.has_usable_alf, 0) as smallint) as has_usable_alf
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
