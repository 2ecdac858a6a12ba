with

source_rows as (

    select * from {{ source('cms_ref', 'case_statuses') }}

),

renamed as (

    select
        cast(itemid as integer) as case_status_id,
        {{ clean_text('caption', 255) }} as case_status_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
