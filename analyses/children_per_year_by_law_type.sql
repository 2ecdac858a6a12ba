-- Children entering proceedings per calendar year of their first application, by law type of that first
-- application and source system. Counts below var small_number_threshold are suppressed (NULL) before
-- anything leaves SAIL. Run: dbt compile --select children_per_year_by_law_type, then the SQL in target/.

with

first_applications as (

    select
        child_id,
        source_system,
        law_type,
        application_date,
        row_number() over (
            partition by child_id
            order by
                case when application_date is null then 1 else 0 end asc,
                application_date asc,
                application_id asc
        ) as application_rank
    from {{ ref('child_applications') }}

),

counted as (

    select
        source_system,
        law_type,
        year(application_date) as first_application_year,
        count(*) as n_children
    from first_applications
    where application_rank = 1
    group by
        source_system,
        law_type,
        year(application_date)

)

select
    source_system,
    law_type,
    first_application_year,
    {{ suppress_small_number('n_children') }} as n_children,
    {{ is_small_number_suppressed('n_children') }} as is_suppressed
from counted
order by
    source_system asc,
    law_type asc,
    first_application_year asc
