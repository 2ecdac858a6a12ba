-- One row per child (grain: child_id), rolled up from child_applications and cases whatever the source
-- system. The Stata code stops at one row per person per application (seed-pipeline §3.1); this is the
-- child-level roll-up it left to the user. Every "pick one" ranks on a full tie-break.


{#- The latest application first (undated last, then the highest application id): the full tie-break of
    every per-child pick below. -#}
{%- set latest_application_first =
    'case when application_date is null then 1 else 0 end asc, application_date desc, application_id desc' %}

with

child_applications as (

    -- Only the columns the roll-up reads: the CTE is read several times, and a wide `select *` would be
    -- materialised whole.
    select
        child_id,
        source_system,
        country,
        person_id,
        application_id,
        application_date,
        case_key,
        law_type,
        is_subject,
        final_order_date,
        highest_order_category,
        gender,
        date_of_birth,
        ethnicity_name,
        has_disability,
        alf_pe,
        has_usable_alf,
        mother_person_id,
        father_person_id
    from {{ ref('child_applications') }}

),

cases as (

    select
        case_key,
        case_start_date,
        final_order_date,
        case_closed_date
    from {{ ref('cases') }}

),

ranked_latest as (

    -- The child's person-level attributes are the same on every row of a system; the latest application
    -- (then the highest application id) is the one row they are read from. The mother and father are
    -- those of the latest application that names one: first non-NULL value in the same window, so the
    -- three picks share one sort.
    select
        child_id,
        gender,
        date_of_birth,
        ethnicity_name,
        has_disability,
        alf_pe,
        has_usable_alf,
        row_number() over (
            partition by child_id
            order by {{ latest_application_first }}
        ) as latest_rank,
        {{ first_value_ignore_nulls('mother_person_id') }} over (
            partition by child_id
            order by {{ latest_application_first }}
            rows between unbounded preceding and unbounded following
        ) as mother_person_id,
        {{ first_value_ignore_nulls('father_person_id') }} over (
            partition by child_id
            order by {{ latest_application_first }}
            rows between unbounded preceding and unbounded following
        ) as father_person_id
    from child_applications

),

latest as (

    select * from ranked_latest
    where latest_rank = 1

),

ranked_final_outcomes as (

    -- The final legal outcome: the highest order made on the child's most recent application that reached
    -- a final order (latest final-order date, then latest application date, then highest application id).
    select
        child_id,
        highest_order_category,
        final_order_date,
        row_number() over (
            partition by child_id
            order by final_order_date desc, {{ latest_application_first }}
        ) as outcome_rank
    from child_applications
    where final_order_date is not null

),

highest_orders as (

    -- hierarchy_rank is unique (seed test), so the best rank names one category.
    select
        child_applications.child_id,
        min(categories.hierarchy_rank) as best_hierarchy_rank
    from child_applications
    inner join {{ ref('legal_output_categories') }} as categories
        on child_applications.highest_order_category = categories.category
    group by child_applications.child_id

),

summarised as (

    select
        child_id,
        max(source_system) as source_system,
        max(country) as country,
        max(person_id) as person_id,
        min(application_date) as first_application_date,
        max(application_date) as last_application_date,
        min(case when law_type = 'Public' then application_date end) as first_public_law_application_date,
        count(distinct application_id) as n_applications,
        max(is_subject) as ever_subject,
        min(final_order_date) as first_final_order_date
    from child_applications
    group by child_id

),

child_case_laws as (

    -- One row per child and case, with the law types its applications carry: the case counts below are
    -- plain counts, not count(distinct) (which DuckDB runs as one extra aggregate and join each).
    select
        child_id,
        case_key,
        max(case when law_type = 'Public' then 1 else 0 end) as is_public_law,
        max(case when law_type = 'Private' then 1 else 0 end) as is_private_law
    from child_applications
    where case_key is not null
    group by
        child_id,
        case_key

),

case_counts as (

    select
        child_id,
        count(*) as n_cases,
        sum(is_public_law) as n_public_law_cases,
        sum(is_private_law) as n_private_law_cases
    from child_case_laws
    group by child_id

),

child_cases as (

    select
        child_case_laws.child_id,
        cases.case_key,
        cases.case_start_date,
        coalesce(cases.final_order_date, cases.case_closed_date) as case_end_date
    from child_case_laws
    inner join cases
        on child_case_laws.case_key = cases.case_key

),

court_returns as (

    -- A return: another case of the child that starts after an earlier case ended, within the window.
    select distinct earlier.child_id
    from child_cases as earlier
    inner join child_cases as later
        on
            earlier.child_id = later.child_id
            and earlier.case_key <> later.case_key
    where
        later.case_start_date > earlier.case_end_date
        and {{ days_between('earlier.case_end_date', 'later.case_start_date') }}
        <= {{ var('return_to_court_days') }}

),

aged as (

    select
        summarised.*,
        latest.gender,
        latest.date_of_birth,
        latest.ethnicity_name,
        latest.has_disability,
        latest.alf_pe,
        latest.has_usable_alf,
        latest.mother_person_id,
        latest.father_person_id,
        {{ days_between('latest.date_of_birth', 'summarised.first_application_date') }}
            as age_at_first_application_days,
        {{ age_in_years('latest.date_of_birth', 'summarised.first_application_date') }}
            as age_at_first_application_years,
        {{ days_between('latest.date_of_birth', 'summarised.first_public_law_application_date') }}
            as age_at_first_public_law_days
    from summarised
    inner join latest
        on summarised.child_id = latest.child_id

),

banded as (

    select
        aged.child_id,
        age_bands.band_name
    from aged
    inner join {{ ref('age_bands') }} as age_bands
        on
            (age_bands.lower_days is null or aged.age_at_first_application_days >= age_bands.lower_days)
            and (age_bands.upper_days is null or aged.age_at_first_application_days < age_bands.upper_days)
            and (
                age_bands.lower_years is null
                or aged.age_at_first_application_years >= age_bands.lower_years
            )
            and (
                age_bands.upper_years is null
                or aged.age_at_first_application_years < age_bands.upper_years
            )
    where aged.age_at_first_application_days is not null

),

usable_alfs as (

    -- The same child in several systems (or twice in one) shares a usable ALF: the group's key is its
    -- lowest child_id.
    select
        alf_pe,
        min(child_id) as linked_child_key
    from aged
    where has_usable_alf = 1 and alf_pe is not null
    group by alf_pe

),

final as (

    select
        aged.child_id,
        cast(aged.source_system as varchar(4)) as source_system,
        cast(aged.country as varchar(7)) as country,
        aged.person_id,
        aged.alf_pe,
        cast(aged.has_usable_alf as smallint) as has_usable_alf,
        cast(coalesce(usable_alfs.linked_child_key, aged.child_id) as varchar(30)) as linked_child_key,
        cast(aged.gender as varchar(7)) as gender,
        aged.date_of_birth,
        cast(aged.ethnicity_name as varchar(255)) as ethnicity_name,
        cast(aged.has_disability as varchar(7)) as has_disability,
        aged.first_application_date,
        aged.last_application_date,
        cast(aged.age_at_first_application_days as integer) as age_at_first_application_days,
        cast(aged.age_at_first_application_years as integer) as age_at_first_application_years,
        cast(banded.band_name as varchar(40)) as age_band_at_first_application,
        cast(
            case
                when aged.first_public_law_application_date is null then 0
                when aged.age_at_first_public_law_days is null then null
                when
                    aged.age_at_first_public_law_days >= 0
                    and aged.age_at_first_public_law_days < case
                        when aged.country = 'Wales' then {{ var('newborn_days_wales') }}
                        else {{ var('newborn_days_england') }}
                    end
                    then 1
                else 0
            end
            as smallint
        ) as is_newborn_at_first_public_law,
        cast(aged.n_applications as integer) as n_applications,
        cast(coalesce(case_counts.n_cases, 0) as integer) as n_cases,
        cast(coalesce(case_counts.n_public_law_cases, 0) as integer) as n_public_law_cases,
        cast(coalesce(case_counts.n_private_law_cases, 0) as integer) as n_private_law_cases,
        cast(aged.ever_subject as smallint) as ever_subject,
        aged.mother_person_id,
        aged.father_person_id,
        cast(best_categories.category as varchar(30)) as highest_order_category_ever,
        aged.first_final_order_date,
        cast(ranked_final_outcomes.highest_order_category as varchar(30)) as final_legal_outcome,
        ranked_final_outcomes.final_order_date as final_legal_outcome_date,
        cast(case when court_returns.child_id is null then 0 else 1 end as smallint)
            as returned_to_court_within_2_years
    from aged
    left join banded
        on aged.child_id = banded.child_id
    left join usable_alfs
        on aged.alf_pe = usable_alfs.alf_pe and aged.has_usable_alf = 1
    left join case_counts
        on aged.child_id = case_counts.child_id
    left join highest_orders
        on aged.child_id = highest_orders.child_id
    left join {{ ref('legal_output_categories') }} as best_categories
        on highest_orders.best_hierarchy_rank = best_categories.hierarchy_rank
    left join ranked_final_outcomes
        on aged.child_id = ranked_final_outcomes.child_id and ranked_final_outcomes.outcome_rank = 1
    left join court_returns
        on aged.child_id = court_returns.child_id

)

select * from final
