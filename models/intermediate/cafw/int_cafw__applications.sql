-- One row per Cafcass Cymru application (grain: application_id) with its case's attributes. CAFW holds text
-- labels only, so the law type is the application's label, else the case's, else Unknown, and the s31 flag
-- comes from the CAFW rows of the seed application_type_groups joined on the type name (NULL if unmapped).

with

applications as (

    select * from {{ ref('stg_cafw__applications') }}

),

cases as (

    select * from {{ ref('stg_cafw__cases') }}

),

type_groups as (

    select
        is_s31,
        upper(trim(application_type_name)) as type_key
    from {{ ref('application_type_groups') }}
    where source_system = 'CAFW'

),

persons as (

    select
        application_id,
        count(distinct person_id) as n_persons_on_application
    from {{ ref('stg_cafw__application_service_users') }}
    where person_id is not null
    group by application_id

),

joined as (

    select
        applications.application_id,
        applications.case_id,
        applications.application_type_name,
        cast(type_groups.is_s31 as smallint) as is_s31,
        cast(
            case
                when applications.law_type <> 'Unknown' then applications.law_type
                else coalesce(cases.law_type, 'Unknown')
            end as varchar(7)
        ) as law_type,
        applications.issue_date as application_date,
        applications.received_date,
        applications.completed_date,
        cases.local_authority_name,
        cases.court_name,
        cast(coalesce(persons.n_persons_on_application, 0) as integer) as n_persons_on_application
    from applications
    left join cases
        on applications.case_id = cases.case_id
    left join type_groups
        on upper(applications.application_type_name) = type_groups.type_key
    left join persons
        on applications.application_id = persons.application_id

),

final as (

    select
        application_id,
        case_id,
        application_type_name,
        is_s31,
        law_type,
        application_date,
        received_date,
        completed_date,
        local_authority_name,
        court_name,
        n_persons_on_application,
        -- Applications in the case that list at least one person (as ECMS counts them).
        cast(
            sum(case when n_persons_on_application > 0 then 1 else 0 end) over (partition by case_id)
            as integer
        ) as n_applications_in_case
    from joined

)

select * from final
