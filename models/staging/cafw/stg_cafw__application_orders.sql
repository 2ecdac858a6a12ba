with

source_rows as (

    select * from {{ source('cafw', 'applicationorders') }}

),

renamed as (

    select
        cast(cap_applicationorderid_pe as bigint) as application_order_row_id,
        cast(cap_applicationid_pe as bigint) as application_id,
        {{ clean_text('cap_ordertypeidname') }} as order_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
