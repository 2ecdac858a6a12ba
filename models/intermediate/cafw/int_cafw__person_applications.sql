-- One row per person on a Cafcass Cymru application (grain: application_id x person_id), with the resolved
-- role, the application's law type and date, and the person's SAIL linkage. Connection rows repeated whole
-- count once; two or more different roles give `Unclear` (as ECMS); a row with no role label counts only when
-- the person has no labelled row (`Missing`). People with no CAFCASS_ALF row are kept, without an ALF.

with

role_rows as (

    select
        application_id,
        person_id,
        role_on_application
    from {{ ref('stg_cafw__application_service_users') }}
    where
        application_id is not null
        and person_id is not null

),

resolved as (

    select
        application_id,
        person_id,
        count(*) as n_role_rows,
        count(distinct case when role_on_application <> 'Missing' then role_on_application end) as n_roles,
        max(case when role_on_application <> 'Missing' then role_on_application end) as single_role,
        max(case when role_on_application = 'Subject' then 1 else 0 end) as is_subject
    from role_rows
    group by
        application_id,
        person_id

),

applications as (

    select * from {{ ref('int_cafw__applications') }}

),

people as (

    select * from {{ ref('int_cafw__people') }}

),

final as (

    select
        resolved.application_id,
        resolved.person_id,
        applications.case_id,
        cast(
            case
                when resolved.n_roles = 0 then 'Missing'
                when resolved.n_roles > 1 then 'Unclear'
                else resolved.single_role
            end as varchar(10)
        ) as role_on_application,
        cast(resolved.is_subject as smallint) as is_subject,
        cast(case when resolved.n_roles > 1 then 1 else 0 end as smallint) as has_multiple_roles,
        cast(resolved.n_role_rows as integer) as n_role_rows,
        cast(coalesce(applications.law_type, 'Unknown') as varchar(7)) as law_type,
        applications.application_date,
        applications.received_date,
        cast(year(coalesce(applications.application_date, applications.received_date)) as integer)
            as application_year,
        cast(case when people.person_id is null then 0 else 1 end as smallint) as has_alf_row,
        people.alf_pe,
        people.alf_sts_cd,
        people.alf_mtch_pct,
        cast(coalesce(people.has_usable_alf, 0) as smallint) as has_usable_alf
    from resolved
    left join applications
        on resolved.application_id = applications.application_id
    left join people
        on resolved.person_id = people.person_id

)

select * from final
