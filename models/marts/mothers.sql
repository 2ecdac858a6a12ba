-- One row per mother (grain: mother_key), every source system: her sets of public-law s31 proceedings
-- (recurrence, gaps between sets, her age at the first set) and her children and cases in any proceedings.
-- A mother is anyone chosen as `mother_person_id` on a child-application; ids are per source system, so
-- the same woman in two systems is two mothers.

with

mother_rows as (

    select
        source_system,
        mother_person_id,
        mother_date_of_birth,
        child_id,
        case_key,
        application_date,
        child_application_key,
        case
            {% for system in ['ECMS', 'CMS', 'CAFW'] %}
                when source_system = '{{ system }}' then {{ prefixed_key(system ~ '-', 'mother_person_id') }}
            {% endfor %}
        end as mother_key
    from {{ ref('child_applications') }}
    where mother_person_id is not null

),

ranked_dobs as (

    -- Her DOB comes from one person row, so the rows agree; should they not, the most recent
    -- child-application with a DOB wins (latest application date, then child_application_key).
    select
        mother_key,
        mother_date_of_birth,
        row_number() over (
            partition by mother_key
            order by
                case when mother_date_of_birth is null then 1 else 0 end asc,
                case when application_date is null then 1 else 0 end asc,
                application_date desc,
                child_application_key desc
        ) as dob_rank
    from mother_rows

),

dobs as (

    select * from ranked_dobs
    where dob_rank = 1

),

summarised as (

    -- Her children on any application (public or private law, subject or under 18) and their cases.
    select
        mother_key,
        max(source_system) as source_system,
        max(mother_person_id) as mother_person_id,
        count(distinct child_id) as n_children_in_proceedings,
        count(distinct case_key) as n_cases,
        min(application_date) as first_application_date
    from mother_rows
    group by mother_key

),

sets as (

    select
        mother_key,
        count(*) as n_s31_proceedings,
        min(case when set_number = 1 then case_start_date end) as first_s31_start_date,
        min(case when set_number = 2 then days_from_previous_set_start end) as days_to_second_set,
        min(days_from_previous_set_start) as min_days_between_sets,
        avg(cast(days_from_previous_set_start as decimal(12, 2))) as mean_days_between_sets
    from {{ ref('int_mothers__s31_proceedings') }}
    group by mother_key

),

final as (

    select
        cast(summarised.mother_key as varchar(30)) as mother_key,
        cast(summarised.source_system as varchar(4)) as source_system,
        summarised.mother_person_id,
        dobs.mother_date_of_birth,
        cast(coalesce(sets.n_s31_proceedings, 0) as integer) as n_s31_proceedings,
        cast(case when sets.n_s31_proceedings > 1 then 1 else 0 end as smallint) as is_recurrent,
        sets.first_s31_start_date,
        cast(sets.days_to_second_set as integer) as days_to_second_set,
        cast(sets.min_days_between_sets as integer) as min_days_between_sets,
        cast(sets.mean_days_between_sets as decimal(10, 1)) as mean_days_between_sets,
        cast(
            {{ age_in_years('dobs.mother_date_of_birth', 'sets.first_s31_start_date') }} as integer
        ) as mother_age_at_first_s31_years,
        cast(
            {{ age_in_years('dobs.mother_date_of_birth', 'summarised.first_application_date') }} as integer
        ) as mother_age_at_first_application_years,
        cast(summarised.n_children_in_proceedings as integer) as n_children_in_proceedings,
        cast(summarised.n_cases as integer) as n_cases,
        summarised.first_application_date
    -- Left joins: a row whose key could not be built (NULL) stays and fails the not_null test.
    from summarised
    left join dobs
        on summarised.mother_key = dobs.mother_key
    left join sets
        on summarised.mother_key = sets.mother_key

)

select * from final
