with

source_rows as (

    select * from {{ source('ecms', 'applications') }}

),

renamed as (

    select
        cast(id_pe as bigint) as application_id,
        cast(case_id_pe as bigint) as case_id,
        cast(applicationtype1_id as integer) as application_type_id,
        cast(courtcourtlevelref_id as integer) as court_court_level_id,
        cast(revocationapplicanttypeid as integer) as revocation_applicant_type_id,
        cast(applicationreason_id as integer) as application_reason_id,
        cast(dateofapplication as date) as application_date,
        cast(datereceived as date) as received_date,
        cast(datenotified as date) as notified_date,
        cast(datecompleted as date) as completed_date,
        cast(dateapplicationcompleted as date) as application_completed_date,
        cast(newapplicationdate as date) as new_application_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
