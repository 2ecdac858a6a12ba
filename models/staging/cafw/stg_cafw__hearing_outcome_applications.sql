with

source_rows as (

    select * from {{ source('cafw', 'hearingoutcomeapplication') }}

),

renamed as (

    select
        cast(cap_hearingoutcomeapplicationid_pe as bigint) as hearing_outcome_application_row_id,
        cast(cap_caseid_pe as bigint) as case_id,
        cast(cap_hearingoutcomeid_pe as bigint) as hearing_outcome_id,
        cast(cap_applicationid_pe as bigint) as application_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
