with

source_rows as (

    select * from {{ source('cafw', 'application') }}

),

renamed as (

    select
        cast(cap_applicationid_pe as bigint) as application_id,
        cast(cap_incidentid_pe as bigint) as case_id,
        {{ clean_text('cap_lawtypename') }} as law_type_name,
        {{ clean_text('cap_primaryapplicationtypename') }} as application_type_name,
        cast(cap_issuedate as date) as issue_date,
        cast(cap_receiptdate as date) as received_date,
        cast(cap_dateofcompletion as date) as completed_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        application_id,
        case_id,
        law_type_name,
        {{ cafw_law_type('law_type_name') }} as law_type,
        application_type_name,
        issue_date,
        received_date,
        completed_date,
        avail_from_date
    from renamed

)

select * from decoded
