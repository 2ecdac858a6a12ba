-- No child lost: every person on a CMS application in the raw data who is a subject on any row (member type
-- 4), or who is under 18 on the application date, appears in child_applications exactly once for that
-- application. Computed from the staging views, not from the intermediate models that build the mart.
-- Returns each missing or repeated person-application.

with

person_rows as (

    select
        application_id,
        person_id,
        max(case when member_type = 4 then 1 else 0 end) as is_subject
    from {{ ref('stg_cms__application_members') }}
    where
        application_id is not null
        and person_id is not null
    group by
        application_id,
        person_id

),

applications as (

    select
        application_id,
        min(application_date) as application_date
    from {{ ref('stg_cms__applications') }}
    group by application_id

),

week_of_birth as (

    -- A person with several person rows counts as under 18 if any row says so after the century repair.
    select
        person_id,
        {{ repair_week_of_birth('week_of_birth') }} as date_of_birth
    from {{ ref('stg_cms__people') }}
    where person_id is not null

),

expected as (

    select distinct
        person_rows.application_id,
        person_rows.person_id
    from person_rows
    left join applications
        on person_rows.application_id = applications.application_id
    left join week_of_birth
        on person_rows.person_id = week_of_birth.person_id
    where
        person_rows.is_subject = 1
        or (
            week_of_birth.date_of_birth <= applications.application_date
            and {{ age_in_years('week_of_birth.date_of_birth', 'applications.application_date') }} < 18
        )

),

in_mart as (

    select
        application_id,
        person_id,
        count(*) as n_rows
    from {{ ref('child_applications') }}
    where source_system = 'CMS'
    group by
        application_id,
        person_id

)

select
    expected.application_id,
    expected.person_id,
    coalesce(in_mart.n_rows, 0) as n_rows_in_mart
from expected
left join in_mart
    on
        expected.application_id = in_mart.application_id
        and expected.person_id = in_mart.person_id
where coalesce(in_mart.n_rows, 0) <> 1
