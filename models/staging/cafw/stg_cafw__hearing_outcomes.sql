with

source_rows as (

    select * from {{ source('cafw', 'hearingoutcome') }}

),

renamed as (

    select
        cast(cap_hearingoutcomeid_pe as bigint) as hearing_outcome_id,
        cast(cap_hearingid_pe as bigint) as hearing_id,
        cast(cap_caseid_pe as bigint) as case_id,
        {{ clean_text('cap_hearingoutcometypeidname') }} as outcome_type_name,
        {{ clean_text('cap_hearingoutcomefinalname', 10) }} as final_name,
        {{ text_flag('cap_hearingoutcomefinalname') }} as is_final,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
