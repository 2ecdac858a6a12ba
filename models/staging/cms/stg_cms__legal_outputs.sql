with

source_rows as (

    select * from {{ source('cms', 'legal_outputs') }}

),

renamed as (

    select
        cast(legaloutputid_pe as bigint) as legal_output_id,
        cast(caseref_pe as bigint) as case_id,
        cast(casehearingref_pe as bigint) as case_hearing_id,
        cast(legaloutputtyperef as integer) as legal_output_type_id,
        cast(furtherworktyperef as integer) as further_work_type_id,
        {{ text_flag('iscafcasswork') }} as is_cafcass_work,
        cast(expirydate as date) as expiry_date,
        {{ text_flag('isfinal') }} as is_final,
        cast(legalorderhearingdate as date) as hearing_date,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
