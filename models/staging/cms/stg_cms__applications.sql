with

source_rows as (

    select * from {{ source('cms', 'case_applications') }}

),

renamed as (

    select
        cast(caseapplicationid_pe as bigint) as application_id,
        cast(caseref_pe as bigint) as case_id,
        cast(caseapplicationtyperef as integer) as application_type_id,
        cast(courtref as integer) as court_id,
        cast(dateofapplication as date) as application_date,
        cast(datereceived as date) as received_date,
        cast(datecompleted as date) as completed_date,
        cast(dateapplicationcompleted as date) as application_completed_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
