-- CMS legal outputs are recorded per case: every CMS subject row of child_applications carries the number
-- of distinct outputs of its case (rows equal on every column but the row id count once), counted here from
-- the staging view, and is_order_case_level = 1. Returns each row where that does not hold.

with

distinct_outputs as (

    select distinct
        case_id,
        case_hearing_id,
        legal_output_type_id,
        further_work_type_id,
        is_cafcass_work,
        expiry_date,
        is_final,
        hearing_date,
        avail_from_date
    from {{ ref('stg_cms__legal_outputs') }}
    where case_id is not null

),

case_outputs as (

    select
        case_id,
        count(*) as n_outputs
    from distinct_outputs
    group by case_id

)

select
    child_applications.child_application_key,
    child_applications.n_legal_outputs,
    child_applications.is_order_case_level,
    coalesce(case_outputs.n_outputs, 0) as n_case_outputs
from {{ ref('child_applications') }} as child_applications
left join case_outputs
    on child_applications.case_id = case_outputs.case_id
where
    child_applications.source_system = 'CMS'
    and child_applications.is_subject = 1
    and (
        child_applications.n_legal_outputs <> coalesce(case_outputs.n_outputs, 0)
        or child_applications.is_order_case_level <> 1
    )
