with

source_rows as (

    select * from {{ source('cafw', 'hearing') }}

),

renamed as (

    select
        cast(cap_hearingid_pe as bigint) as hearing_id,
        cast(cap_caseid_pe as bigint) as case_id,
        cast(cap_hearingdatetime as date) as hearing_date,
        {{ clean_text('cap_courtidname') }} as court_name,
        {{ clean_text('cap_hearingtypeidname') }} as hearing_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
