with

source_rows as (

    select * from {{ source('ecms_ref', 'court_forms') }}

),

renamed as (

    select
        cast(id as integer) as court_form_id,
        {{ clean_text('formname', 255) }} as court_form_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
