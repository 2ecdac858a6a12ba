-- One row per CMS application (grain: application_id) with its type, law type, s31 flag, court hierarchy
-- and the case's local authority. Replaces 01create_applications_cms (seed-pipeline §2C.1). The law type
-- comes from the application type (`LAWTYPES`, as in the Stata code), else from the case. Fixes §5.16 for
-- CMS: n_applications_in_case counts only applications with at least one member.

with

applications as (

    select * from {{ ref('stg_cms__applications') }}
    where application_id is not null

),

ranked_applications as (

    -- A repeated application id keeps the latest load, then a row with a case, then the lowest values.
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
                court_id asc,
                application_date asc,
                received_date asc,
                completed_date asc,
                application_completed_date asc
        ) as row_rank
    from applications

),

deduplicated as (

    select * from ranked_applications
    where row_rank = 1

),

ranked_cases as (

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
    from {{ ref('stg_cms__cases') }}
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

applications_with_members as (

    select distinct application_id
    from {{ ref('stg_cms__application_members') }}
    where
        application_id is not null
        and person_id is not null

),

type_groups as (

    select
        application_type_id,
        is_s31
    from {{ ref('application_type_groups') }}
    where source_system = 'CMS'

),

law_types as (

    select
        law_type_id,
        law_type_name,
        case
            when lower(law_type_name) like '%public%' then 'Public'
            when lower(law_type_name) like '%private%' then 'Private'
            else 'Unknown'
        end as law_type
    from {{ ref('stg_cms__law_types') }}

),

joined as (

    select
        deduplicated.application_id,
        deduplicated.case_id,
        deduplicated.application_type_id,
        application_types.application_type_name,
        deduplicated.application_date,
        deduplicated.received_date,
        deduplicated.completed_date,
        deduplicated.application_completed_date,
        deduplicated.court_id,
        courts.court_name,
        courts.court_level_id,
        court_levels.court_level_name,
        courts.dfj_area_id,
        dfj_areas.dfj_area_name,
        courts.circuit_id,
        circuits.circuit_name,
        cases.local_authority_id,
        local_authorities.local_authority_name,
        cast(coalesce(type_groups.is_s31, 0) as smallint) as is_s31,
        coalesce(application_types.law_type_id, cases.law_type_id) as law_type_id,
        coalesce(type_law_types.law_type, case_law_types.law_type, 'Unknown') as law_type,
        case when applications_with_members.application_id is null then 0 else 1 end as has_members
    from deduplicated
    left join {{ ref('stg_cms__application_types') }} as application_types
        on deduplicated.application_type_id = application_types.application_type_id
    left join type_groups
        on deduplicated.application_type_id = type_groups.application_type_id
    left join cases
        on deduplicated.case_id = cases.case_id
    left join law_types as type_law_types
        on application_types.law_type_id = type_law_types.law_type_id
    left join law_types as case_law_types
        on cases.law_type_id = case_law_types.law_type_id
    left join {{ ref('stg_cms__courts') }} as courts
        on deduplicated.court_id = courts.court_id
    left join {{ ref('stg_cms__court_levels') }} as court_levels
        on courts.court_level_id = court_levels.court_level_id
    left join {{ ref('stg_cms__dfj_areas') }} as dfj_areas
        on courts.dfj_area_id = dfj_areas.dfj_area_id
    left join {{ ref('stg_cms__circuits') }} as circuits
        on courts.circuit_id = circuits.circuit_id
    left join {{ ref('stg_cms__local_authorities') }} as local_authorities
        on cases.local_authority_id = local_authorities.local_authority_id
    left join applications_with_members
        on deduplicated.application_id = applications_with_members.application_id

),

final as (

    select
        application_id,
        case_id,
        cast(application_type_id as integer) as application_type_id,
        cast(application_type_name as varchar(255)) as application_type_name,
        is_s31,
        cast(law_type_id as integer) as law_type_id,
        cast(law_type as varchar(7)) as law_type,
        application_date,
        received_date,
        completed_date,
        application_completed_date,
        cast(court_id as integer) as court_id,
        cast(court_name as varchar(255)) as court_name,
        cast(court_level_name as varchar(255)) as court_level_name,
        cast(dfj_area_name as varchar(255)) as dfj_area_name,
        cast(circuit_name as varchar(255)) as circuit_name,
        cast(local_authority_id as integer) as local_authority_id,
        cast(local_authority_name as varchar(255)) as local_authority_name,
        cast(has_members as smallint) as has_members,
        cast(
            case
                when case_id is null then has_members
                else sum(has_members) over (partition by case_id)
            end
            as integer
        ) as n_applications_in_case
    from joined

)

select * from final
