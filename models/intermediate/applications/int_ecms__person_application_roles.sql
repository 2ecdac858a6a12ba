-- One row per person on an application (grain: application_id × person_id). Replaces the role steps of
-- 013create_personsonapplication (seed-pipeline §2.3 steps 1-5). Fixes §5.12: every row of the person on
-- the application counts, not only pairs of rows, so two or more distinct roles always give `Unclear`
-- (Stata made exactly-two-row pairs `Unclear` even when both rows had the same role, and kept an
-- arbitrary role for three or more rows); the party flag comes from all rows, not an arbitrary one.

with

role_rows as (

    select
        application_id,
        person_id,
        is_subject,
        is_respondent,
        is_applicant,
        is_other,
        is_subject_party,
        is_other_party,
        avail_from_date
    from {{ ref('stg_ecms__persons_on_applications') }}
    where
        application_id is not null
        and person_id is not null

),

raw_counts as (

    select
        application_id,
        person_id,
        count(*) as n_role_rows
    from role_rows
    group by
        application_id,
        person_id

),

distinct_rows as (

    -- Repeated rows (equal on every column but the row id, as the Stata step 3) count once.
    select distinct
        application_id,
        person_id,
        is_subject,
        is_respondent,
        is_applicant,
        is_other,
        is_subject_party,
        is_other_party,
        avail_from_date
    from role_rows

),

flagged as (

    select
        application_id,
        person_id,
        max(case when is_subject = 1 then 1 else 0 end) as is_subject,
        max(case when is_respondent = 1 then 1 else 0 end) as is_respondent,
        max(case when is_applicant = 1 then 1 else 0 end) as is_applicant,
        max(case when is_other = 1 then 1 else 0 end) as is_other,
        -- 1 if any row records a party flag 1; 0 if some row records a 0 and none a 1; NULL if none recorded.
        max(
            case
                when is_subject_party = 1 or is_other_party = 1 then 1
                when is_subject_party = 0 or is_other_party = 0 then 0
            end
        ) as is_party,
        count(*) as n_distinct_role_rows
    from distinct_rows
    group by
        application_id,
        person_id

),

resolved as (

    select
        flagged.application_id,
        flagged.person_id,
        flagged.is_subject,
        flagged.is_respondent,
        flagged.is_applicant,
        flagged.is_other,
        flagged.is_party,
        raw_counts.n_role_rows,
        flagged.n_distinct_role_rows,
        flagged.is_subject + flagged.is_respondent + flagged.is_applicant + flagged.is_other as n_roles
    from flagged
    inner join raw_counts
        on
            flagged.application_id = raw_counts.application_id
            and flagged.person_id = raw_counts.person_id

),

final as (

    select
        application_id,
        person_id,
        cast(
            case
                when n_roles = 0 then 'Missing'
                when n_roles > 1 then 'Unclear'
                when is_subject = 1 then 'Subject'
                when is_respondent = 1 then 'Respondent'
                when is_applicant = 1 then 'Applicant'
                when is_other = 1 then 'Other'
            end
            as varchar(10)
        ) as role_on_application,
        cast(is_subject as smallint) as is_subject,
        cast(is_respondent as smallint) as is_respondent,
        cast(is_applicant as smallint) as is_applicant,
        cast(is_other as smallint) as is_other,
        cast(is_party as smallint) as is_party,
        cast(case when n_roles > 1 then 1 else 0 end as smallint) as has_multiple_roles,
        cast(n_role_rows as integer) as n_role_rows,
        cast(n_distinct_role_rows as integer) as n_distinct_role_rows
    from resolved

)

select * from final
