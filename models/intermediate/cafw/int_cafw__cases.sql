-- One row per Cafcass Cymru case (grain: case_id) with the harmonised column list of int_ecms__cases: the
-- case's own received date, status, court, law type and local authority (CAFCASS_INCIDENT), with its
-- applications, children, final order and duration. Case ids used by an application but absent from the
-- incident table get a row too, with NULL case attributes, so every child-application has its case.

{%- set application_law_type =
    "max(case when law_type in ('Public', 'Private') then law_type end) as application_law_type" %}

with

case_rows as (

    select * from {{ ref('stg_cafw__cases') }}
    where case_id is not null

),

applications as (

    select * from {{ ref('int_cafw__applications') }}
    where case_id is not null

),

application_summary as (

    -- With the law type of the applications, for a case row that has none.
    {{ case_application_summary('applications', [application_law_type]) }}

),

child_summary as (

    {{ case_child_summary(ref('int_cafw__child_applications')) }}

),

all_case_ids as (

    select case_id from case_rows
    union
    select case_id from application_summary

),

joined as (

    select
        all_case_ids.case_id,
        case
            when case_rows.law_type in ('Public', 'Private') then case_rows.law_type
            when application_summary.application_law_type in ('Public', 'Private')
                then application_summary.application_law_type
            else 'Unknown'
        end as law_type,
        case_rows.local_authority_name,
        case_rows.court_name,
        case_rows.case_status_name,
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

),

final as (

    select
        {{ harmonised_case_columns('CAFW', 'Wales') }}
    from joined

)

select * from final
