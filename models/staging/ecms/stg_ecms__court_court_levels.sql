with

source_rows as (

    select * from {{ source('ecms_ref', 'court_court_levels') }}

),

renamed as (

    select
        cast(id as integer) as court_court_level_id,
        {{ clean_text('courtfullname', 255) }} as court_full_name,
        cast(court_id as integer) as court_id,
        cast(courtlevelref_id as integer) as court_level_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
