with

source_rows as (

    select * from {{ source('cms_ref', 'courts') }}

),

renamed as (

    select
        cast(courtid as integer) as court_id,
        {{ clean_text('court', 255) }} as court_name,
        cast(courtlevelref as integer) as court_level_id,
        cast(circuitref as integer) as circuit_id,
        cast(dfjarearef as integer) as dfj_area_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
