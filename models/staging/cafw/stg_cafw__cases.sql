with

source_rows as (

    select * from {{ source('cafw', 'incident') }}

),

renamed as (

    select
        cast(incidentid_pe as bigint) as case_id,
        {{ clean_text('cap_lawtypename') }} as law_type_name,
        {{ clean_text('cap_localauthorityidname') }} as local_authority_name,
        {{ clean_text('cap_courtidname') }} as court_name,
        {{ clean_text('statuscodename') }} as case_status_name,
        cast(createdon as date) as received_date,
        cast(cap_closeddate as date) as closed_date,
        cast(cap_reopeneddate as date) as reopened_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        case_id,
        law_type_name,
        {{ cafw_law_type('law_type_name') }} as law_type,
        local_authority_name,
        court_name,
        case_status_name,
        received_date,
        closed_date,
        reopened_date,
        avail_from_date
    from renamed

)

select * from decoded
