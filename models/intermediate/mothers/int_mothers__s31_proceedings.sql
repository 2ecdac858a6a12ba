-- One row per mother and set of public-law s31 proceedings (grain: mother_key x case_key), every source
-- system. A set is a distinct case with an s31 application in which at least one of the mother's children
-- is a subject (data-resource §5, Recurrence (mother); Broadhurst 2015). Built on the marts so that it is
-- system-agnostic like `children`. Mothers are not linked across source systems: the mother id is only
-- unique within one.

with

subject_children as (

    -- Her children as subjects: child_applications names one chosen mother per child-application.
    select distinct
        source_system,
        mother_person_id,
        child_id,
        case_key
    from {{ ref('child_applications') }}
    where
        mother_person_id is not null
        and case_key is not null
        and is_subject = 1

),

s31_cases as (

    select
        case_key,
        case_start_date,
        -- The end of a set as in `children` (return to court): the final order, else the closure.
        coalesce(final_order_date, case_closed_date) as case_end_date
    from {{ ref('cases') }}
    where has_s31_application = 1

),

mother_sets as (

    select
        subject_children.source_system,
        subject_children.mother_person_id,
        s31_cases.case_key,
        s31_cases.case_start_date,
        s31_cases.case_end_date,
        count(distinct subject_children.child_id) as n_subject_children
    from subject_children
    inner join s31_cases
        on subject_children.case_key = s31_cases.case_key
    group by
        subject_children.source_system,
        subject_children.mother_person_id,
        s31_cases.case_key,
        s31_cases.case_start_date,
        s31_cases.case_end_date

),

keyed as (

    -- The mother key is per source system (prefixed_key); a system not listed gives NULL, which the
    -- not_null test on mother_key reports.
    select
        mother_sets.*,
        case
            {% for system in ['ECMS', 'CMS', 'CAFW'] %}
                when source_system = '{{ system }}' then {{ prefixed_key(system ~ '-', 'mother_person_id') }}
            {% endfor %}
        end as mother_key
    from mother_sets

),

numbered as (

    -- Sets in order of start, a case without a start date last; case_key (unique) breaks every tie.
    select
        keyed.*,
        row_number() over (
            partition by mother_key
            order by
                case when case_start_date is null then 1 else 0 end asc,
                case_start_date asc,
                case_key asc
        ) as set_number,
        count(*) over (partition by mother_key) as n_sets
    from keyed

),

final as (

    select
        cast(numbered.mother_key as varchar(30)) as mother_key,
        cast(numbered.source_system as varchar(4)) as source_system,
        numbered.mother_person_id,
        cast(numbered.case_key as varchar(30)) as case_key,
        cast(numbered.set_number as integer) as set_number,
        cast(numbered.n_sets as integer) as n_sets,
        numbered.case_start_date,
        numbered.case_end_date,
        cast(numbered.n_subject_children as integer) as n_subject_children,
        cast(previous_set.case_key as varchar(30)) as previous_case_key,
        cast(
            {{ days_between('previous_set.case_start_date', 'numbered.case_start_date') }} as integer
        ) as days_from_previous_set_start,
        cast(
            {{ days_between('previous_set.case_end_date', 'numbered.case_start_date') }} as integer
        ) as days_from_previous_set_end
    from numbered
    left join numbered as previous_set
        on
            numbered.mother_key = previous_set.mother_key
            and numbered.set_number = previous_set.set_number + 1

)

select * from final
