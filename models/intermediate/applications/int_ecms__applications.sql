-- One row per ECMS application (grain: application_id) with its type, court hierarchy, case law type and
-- local authority. Replaces 011create_applications (seed-pipeline §2.1). Fixes §5.16: the Stata
-- `num_applications` counted every raw row of the case, including applications nobody is on;
-- n_applications_in_case counts only applications with at least one person (the raw count is kept as
-- n_applications_in_case_raw). A repeated application id collapses to one row, chosen deterministically
-- (Stata assumed the id unique).

with

applications as (

    select * from {{ ref('stg_ecms__applications') }}
    where application_id is not null

),

ranked_applications as (

    -- Latest load first, then a row with a case, then the lowest value of every column.
    select
        applications.*,
        row_number() over (
            partition by application_id
            order by
                case when avail_from_date is null then 1 else 0 end asc,
                avail_from_date desc,
                case when case_id is null then 1 else 0 end asc,
                case_id asc,
                application_type_id asc,
                court_court_level_id asc,
                application_date asc,
                received_date asc,
                notified_date asc,
                completed_date asc,
                application_completed_date asc,
                new_application_date asc,
                revocation_applicant_type_id asc,
                application_reason_id asc
        ) as row_rank,
        count(*) over (partition by application_id) as n_source_rows
    from applications

),

deduplicated_applications as (

    select * from ranked_applications
    where row_rank = 1

),

ranked_cases as (

    -- Only law type and local authority are read from the case; a repeated case id keeps the latest
    -- load, then the row that records them, then the lowest codes.
    select
        case_id,
        law_type_id,
        local_authority_id,
        row_number() over (
            partition by case_id
            order by
                case when avail_from_date is null then 1 else 0 end asc,
                avail_from_date desc,
                case when law_type_id is null then 1 else 0 end asc,
                law_type_id asc,
                case when local_authority_id is null then 1 else 0 end asc,
                local_authority_id asc
        ) as row_rank
    from {{ ref('stg_ecms__cases') }}
    where case_id is not null

),

cases as (

    select
        case_id,
        law_type_id,
        local_authority_id
    from ranked_cases
    where row_rank = 1

),

persons_on_applications as (

    select
        application_id,
        count(*) as n_persons_on_application
    from {{ ref('int_ecms__person_application_roles') }}
    group by application_id

),

type_groups as (

    select
        application_type_id,
        is_s31
    from {{ ref('application_type_groups') }}
    where source_system = 'ECMS'

),

joined as (

    select
        deduplicated_applications.application_id,
        deduplicated_applications.case_id,
        deduplicated_applications.application_type_id,
        application_types.application_type_name,
        type_groups.is_s31,
        deduplicated_applications.application_date,
        deduplicated_applications.received_date,
        deduplicated_applications.notified_date,
        deduplicated_applications.completed_date,
        deduplicated_applications.application_completed_date,
        deduplicated_applications.new_application_date,
        deduplicated_applications.revocation_applicant_type_id,
        deduplicated_applications.application_reason_id,
        deduplicated_applications.court_court_level_id,
        court_court_levels.court_full_name,
        court_court_levels.court_id,
        courts.court_name,
        court_court_levels.court_level_id,
        court_levels.court_level_name,
        courts.dfj_area_id,
        dfj_areas.dfj_area_name,
        courts.circuit_id,
        circuits.circuit_name,
        cases.law_type_id,
        law_types.law_type_name,
        law_types.law_type,
        cases.local_authority_id,
        local_authorities.local_authority_name,
        deduplicated_applications.n_source_rows,
        coalesce(persons_on_applications.n_persons_on_application, 0) as n_persons_on_application
    from deduplicated_applications
    left join {{ ref('stg_ecms__application_types') }} as application_types
        on deduplicated_applications.application_type_id = application_types.application_type_id
    left join type_groups
        on deduplicated_applications.application_type_id = type_groups.application_type_id
    left join {{ ref('stg_ecms__court_court_levels') }} as court_court_levels
        on deduplicated_applications.court_court_level_id = court_court_levels.court_court_level_id
    left join {{ ref('stg_ecms__courts') }} as courts
        on court_court_levels.court_id = courts.court_id
    left join {{ ref('stg_ecms__court_levels') }} as court_levels
        on court_court_levels.court_level_id = court_levels.court_level_id
    left join {{ ref('stg_ecms__dfj_areas') }} as dfj_areas
        on courts.dfj_area_id = dfj_areas.dfj_area_id
    left join {{ ref('stg_ecms__circuits') }} as circuits
        on courts.circuit_id = circuits.circuit_id
    left join cases
        on deduplicated_applications.case_id = cases.case_id
    left join {{ ref('stg_ecms__law_types') }} as law_types
        on cases.law_type_id = law_types.law_type_id
    left join {{ ref('stg_ecms__local_authorities') }} as local_authorities
        on cases.local_authority_id = local_authorities.local_authority_id
    left join persons_on_applications
        on deduplicated_applications.application_id = persons_on_applications.application_id

),

final as (

    select
        application_id,
        case_id,
        application_type_id,
        application_type_name,
        cast(is_s31 as smallint) as is_s31,
        application_date,
        received_date,
        notified_date,
        completed_date,
        application_completed_date,
        new_application_date,
        revocation_applicant_type_id,
        application_reason_id,
        court_court_level_id,
        court_full_name,
        court_id,
        court_name,
        court_level_id,
        court_level_name,
        dfj_area_id,
        dfj_area_name,
        circuit_id,
        circuit_name,
        law_type_id,
        law_type_name,
        law_type,
        local_authority_id,
        local_authority_name,
        cast(n_persons_on_application as integer) as n_persons_on_application,
        -- Applications without a case id belong to no case: both counts stay NULL.
        cast(
            case
                when case_id is not null
                    then sum(case when n_persons_on_application > 0 then 1 else 0 end)
                        over (partition by case_id)
            end
            as integer
        ) as n_applications_in_case,
        cast(
            case
                when case_id is not null then count(*) over (partition by case_id)
            end
            as integer
        ) as n_applications_in_case_raw,
        cast(n_source_rows as integer) as n_source_rows
    from joined

)

select * from final
