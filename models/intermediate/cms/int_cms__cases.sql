-- One row per CMS case (grain: case_id): status, law type, local authority, court, start, applications,
-- children, final order and duration. Replaces 06create_cases_cms (seed-pipeline §2C.6). The CMS case
-- table records no received, closure or reopening date: case_received_date is the earliest application
-- received date and the closure and reopening dates are NULL; duration runs to the final order only. The
-- case court is the court of the first application (earliest date, then lowest id). Case ids used by an
-- application but absent from the cases table get a row too, with NULL case attributes. Column list, names,
-- order and types are the harmonised ones of int_ecms__cases.

with

ranked_cases as (

    select
        cases.*,
        row_number() over (
            partition by case_id
            order by
                case when avail_from_date is null then 1 else 0 end asc,
                avail_from_date desc,
                case when law_type_id is null then 1 else 0 end asc,
                law_type_id asc,
                local_authority_id asc,
                case_status_id asc,
                region_id asc
        ) as row_rank
    from {{ ref('stg_cms__cases') }} as cases
    where case_id is not null

),

case_rows as (

    select * from ranked_cases
    where row_rank = 1

),

applications as (

    select * from {{ ref('int_cms__applications') }}
    where case_id is not null

),

application_summary as (

    {{ case_application_summary('applications', ['min(received_date) as case_received_date']) }}

),

ranked_first_applications as (

    select
        case_id,
        court_name,
        law_type,
        row_number() over (
            partition by case_id
            order by
                case when application_date is null then 1 else 0 end asc,
                application_date asc,
                application_id asc
        ) as application_rank
    from applications

),

first_applications as (

    select * from ranked_first_applications
    where application_rank = 1

),

child_summary as (

    {{ case_child_summary(ref('int_cms__child_applications')) }}

),

law_types as (

    select
        law_type_id,
        case
            when lower(law_type_name) like '%public%' then 'Public'
            when lower(law_type_name) like '%private%' then 'Private'
            else 'Unknown'
        end as law_type
    from {{ ref('stg_cms__law_types') }}

),

all_case_ids as (

    select case_id from case_rows
    union
    select case_id from application_summary

),

joined as (

    select
        all_case_ids.case_id,
        coalesce(law_types.law_type, first_applications.law_type) as law_type,
        local_authorities.local_authority_name,
        first_applications.court_name,
        case_statuses.case_status_name,
        application_summary.case_start_date,
        application_summary.case_received_date,
        coalesce(application_summary.n_applications, 0) as n_applications,
        coalesce(child_summary.n_children, 0) as n_children,
        coalesce(application_summary.has_s31_application, 0) as has_s31_application,
        child_summary.final_order_date,
        {{ days_between('application_summary.case_start_date', 'child_summary.final_order_date') }}
            as duration_days
    from all_case_ids
    left join case_rows
        on all_case_ids.case_id = case_rows.case_id
    left join application_summary
        on all_case_ids.case_id = application_summary.case_id
    left join first_applications
        on all_case_ids.case_id = first_applications.case_id
    left join child_summary
        on all_case_ids.case_id = child_summary.case_id
    left join law_types
        on case_rows.law_type_id = law_types.law_type_id
    left join {{ ref('stg_cms__local_authorities') }} as local_authorities
        on case_rows.local_authority_id = local_authorities.local_authority_id
    left join {{ ref('stg_cms__case_statuses') }} as case_statuses
        on case_rows.case_status_id = case_statuses.case_status_id

),

final as (

    select
        {{ harmonised_case_columns('CMS', 'England', not_recorded=['case_closed_date', 'case_reopened_date']) }}
    from joined

)

select * from final
