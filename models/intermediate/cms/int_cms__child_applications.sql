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

    select
        roles.application_id,
        roles.person_id,
        roles.role_on_application,
        roles.is_subject,
        roles.is_party,
        roles.has_multiple_roles,
        applications.case_id,
        applications.application_date,
        people.date_of_birth,
        {{ days_between('people.date_of_birth', 'applications.application_date') }} as age_at_application_days,
        {{ age_in_years('people.date_of_birth', 'applications.application_date') }} as age_at_application_years
    from roles
    left join applications
        on roles.application_id = applications.application_id
    left join people
        on roles.person_id = people.person_id

),

children as (

    -- Under 18 = born on or before the application date and not yet 18; subjects are kept whatever their age.
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
            'CMS-' || cast(children.application_id as varchar(20)) || '-' || cast(children.person_id as varchar(20))
            as varchar(60)
        ) as child_application_key,
        {{ prefixed_key('CMS-', 'children.person_id') }} as child_id,
        cast('CMS' as varchar(4)) as source_system,
        cast('England' as varchar(7)) as country,
        children.person_id,
        children.application_id,
        children.case_id,
        {{ prefixed_key('CMS-', 'children.case_id') }} as case_key,
        cast(applications.application_type_id as integer) as application_type_id,
        cast(applications.application_type_name as varchar(255)) as application_type_name,
        cast(applications.is_s31 as smallint) as is_s31,
        cast(coalesce(applications.law_type, 'Unknown') as varchar(7)) as law_type,
        children.application_date,
        applications.received_date,
        applications.completed_date,
        cast(applications.court_name as varchar(255)) as court_name,
        cast(applications.court_level_name as varchar(255)) as court_level_name,
        cast(applications.dfj_area_name as varchar(255)) as dfj_area_name,
        cast(applications.circuit_name as varchar(255)) as circuit_name,
        cast(applications.local_authority_name as varchar(255)) as local_authority_name,
        cast(applications.n_applications_in_case as integer) as n_applications_in_case,
        cast(children.role_on_application as varchar(10)) as role_on_application,
        cast(children.is_subject as smallint) as is_subject,
        cast(children.is_under_18_at_application as smallint) as is_under_18_at_application,
        cast(children.is_party as smallint) as is_party,
        cast(children.has_multiple_roles as smallint) as has_multiple_roles,
        cast(coalesce(people.gender, 'Unknown') as varchar(7)) as gender,
        children.date_of_birth,
        cast(people.is_dob_corrected as smallint) as is_dob_corrected,
        cast(children.age_at_application_days as integer) as age_at_application_days,
        cast(children.age_at_application_years as integer) as age_at_application_years,
        cast(people.ethnicity_name as varchar(255)) as ethnicity_name,
        cast(people.religion_name as varchar(255)) as religion_name,
        -- CMS records no nationality.
        cast(null as varchar(255)) as nationality_name,
        cast(people.language_name as varchar(255)) as language_name,
        cast(people.has_disability as varchar(7)) as has_disability,
        families.mother_person_id,
        families.father_person_id,
        cast(coalesce(families.n_mothers, 0) as integer) as n_mothers,
        cast(coalesce(families.n_fathers, 0) as integer) as n_fathers,
        families.mother_date_of_birth,
        families.father_date_of_birth,
        cast(families.mother_age_at_child_birth_years as integer) as mother_age_at_child_birth_years,
        -- CMS records relationships from the child to parents and relatives only: siblings are not known.
        cast(null as integer) as n_natural_siblings,
        cast(null as integer) as n_half_siblings,
        cast(null as integer) as n_step_siblings,
        cast(coalesce(families.has_extended_family, 0) as smallint) as has_extended_family,
        {% for category in var('legal_output_categories') %}
            cast(
                case when children.is_subject = 1 then coalesce(case_orders.order_{{ category }}, 0) else 0 end
                as smallint
            ) as order_{{ category }},
        {% endfor %}
        cast(1 as smallint) as is_order_case_level,
        cast(
            case when children.is_subject = 1 then coalesce(case_orders.n_legal_outputs, 0) else 0 end
            as integer
        ) as n_legal_outputs,
        cast(
            case when children.is_subject = 1 then case_orders.highest_order_category end
            as varchar(30)
        ) as highest_order_category,
        case when children.is_subject = 1 then case_orders.final_order_date end as final_order_date,
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
    left join case_orders
        on children.case_id = case_orders.case_id

)

select * from final
