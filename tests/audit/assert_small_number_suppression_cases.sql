-- The small-number suppression macros on fixed cases (seed small_number_suppression_cases): a count from 1 to
-- var small_number_threshold - 1 is withheld (NULL, flag 1); 0, the threshold and above are shown as they are
-- (flag 0); a NULL count stays NULL and is not flagged. Returns each case the macros get wrong, and one row
-- when cases are missing from the seed (so an emptied seed cannot pass).

with

cases as (

    select
        c.case_name,
        c.is_expected_suppressed,
        case
            when c.threshold_offset is null then c.count_value
            else {{ var('small_number_threshold') }} + c.threshold_offset
        end as n
    from {{ ref('small_number_suppression_cases') }} as c

),

results as (

    select
        cases.case_name,
        cases.n,
        cases.is_expected_suppressed,
        {{ suppress_small_number('cases.n') }} as shown_value,
        {{ is_small_number_suppressed('cases.n') }} as is_suppressed
    from cases

),

wrong_cases as (

    select
        results.case_name,
        results.n,
        results.shown_value,
        results.is_suppressed,
        results.is_expected_suppressed
    from results
    where
        results.is_suppressed <> results.is_expected_suppressed
        or (results.is_expected_suppressed = 1 and results.shown_value is not null)
        or (
            results.is_expected_suppressed = 0
            and results.n is not null
            and (results.shown_value is null or results.shown_value <> results.n)
        )
        or (results.n is null and results.shown_value is not null)

),

missing_cases as (

    select
        cast('seed has fewer than 7 cases' as varchar(30)) as case_name,
        cast(null as integer) as n,
        cast(null as integer) as shown_value,
        cast(null as smallint) as is_suppressed,
        cast(null as smallint) as is_expected_suppressed
    from results
    having count(*) < 7

)

select
    wrong_cases.case_name,
    wrong_cases.n,
    wrong_cases.shown_value,
    wrong_cases.is_suppressed,
    wrong_cases.is_expected_suppressed
from wrong_cases
union all
select
    missing_cases.case_name,
    missing_cases.n,
    missing_cases.shown_value,
    missing_cases.is_suppressed,
    missing_cases.is_expected_suppressed
from missing_cases
