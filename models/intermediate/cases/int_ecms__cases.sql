-- One row per ECMS case (grain: case_id): the case's own received date, status, court, law type, local
-- authority, closure and reopening, with its applications, children, final order and duration. Replaces
-- 016create_cases (seed-pipeline §2.7). Fixes §5.7: the case's DATERECEIVED is kept (Stata lost it in a
-- name clash with the application's), and the case court and status are carried. Case ids used by an
-- application but absent from the cases table get a row too, with NULL case attributes, so every
-- child-application has its case.

with

ranked_cases as (

    -- A repeated case id keeps the latest load, then the row with the most recorded, then the lowest codes.
    select
        cases.*,
        row_number() over (
            partition by case_id
            order by
                case when avail_from_date is null then 1 else 0 end asc,
                avail_from_date desc,
                case when law_type_id is null then 1 else 0 end asc,
                case when received_date is null then 1 else 0 end asc,
                law_type_id asc,
                local_authority_id asc,
                court_court_level_id asc,
                case_status_id asc,
                received_date asc,
                closed_date asc,
                reopened_date asc,
                court_form_id asc,
                harm_text asc
        ) as row_rank
    from {{ ref('stg_ecms__cases') }} as cases
    where case_id is not null

),

case_rows as (

    select * from ranked_cases
    where row_rank = 1

),

applications as (

    select * from {{ ref('int_ecms__applications') }}
    where case_id is not null

),

application_summary as (

    {{ case_application_summary('applications') }}

),

child_summary as (

    {{ case_child_summary(ref('int_ecms__child_applications')) }}

),

all_case_ids as (

    select case_id from case_rows
    union
    select case_id from application_summary

),

joined as (

    select
        all_case_ids.case_id,
        law_types.law_type,
        local_authorities.local_authority_name,
        courts.court_name,
        case_statuses.case_status_name,
        application_summary.case_start_date,
        case_rows.received_date as case_received_date,
        case_rows.closed_date as case_closed_date,
        case_rows.reopened_date as case_reopened_date,
        coalesce(application_summary.n_applications, 0) as n_applications,
        coalesce(child_summary.n_children, 0) as n_children,
        coalesce(application_summary.has_s31_application, 0) as has_s31_application,
        child_summary.final_order_date,
        {{ days_between(
            'application_summary.case_start_date',
            'coalesce(child_summary.final_order_date, case_rows.closed_date)'
        ) }} as duration_days
    from all_case_ids
    left join case_rows
        on all_case_ids.case_id = case_rows.case_id
    left join application_summary
        on all_case_ids.case_id = application_summary.case_id
    left join child_summary
        on all_case_ids.case_id = child_summary.case_id
    left join {{ ref('stg_ecms__law_types') }} as law_types
        on case_rows.law_type_id = law_types.law_type_id
    left join {{ ref('stg_ecms__local_authorities') }} as local_authorities
        on case_rows.local_authority_id = local_authorities.local_authority_id
    left join {{ ref('stg_ecms__court_court_levels') }} as court_court_levels
        on case_rows.court_court_level_id = court_court_levels.court_court_level_id
    left join {{ ref('stg_ecms__courts') }} as courts
        on court_court_levels.court_id = courts.court_id
    left join {{ ref('stg_ecms__case_statuses') }} as case_statuses
        on case_rows.case_status_id = case_statuses.case_status_id

),

final as (

    select
        {{ harmonised_case_columns('ECMS', 'England') }}
    from joined

)

select * from final
