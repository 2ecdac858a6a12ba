with

source_rows as (

    select * from {{ source('cms', 'cases') }}

),

renamed as (

    select
        cast(caseid_pe as bigint) as case_id,
        cast(casestatusref as integer) as case_status_id,
        cast(localauthorityref as integer) as local_authority_id,
        cast(regionref as integer) as region_id,
        cast(lawtyperef as integer) as law_type_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
