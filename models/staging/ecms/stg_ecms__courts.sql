with

source_rows as (

    select * from {{ source('ecms_ref', 'courts') }}

),

renamed as (

    select
        cast(id as integer) as court_id,
        {{ clean_text('name', 255) }} as court_name,
        cast(djarearef_id as integer) as dfj_area_id,
        cast(circuitref_id as integer) as circuit_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
