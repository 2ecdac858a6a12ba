with

source_rows as (

    select * from {{ source('ecms_ref', 'law_types') }}

),

renamed as (

    select
        cast(id as integer) as law_type_id,
        {{ clean_text('caption', 255) }} as law_type_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        law_type_id,
        law_type_name,
        cast(
            case
                when lower(law_type_name) like '%public%' then 'Public'
                when lower(law_type_name) like '%private%' then 'Private'
                else 'Unknown'
            end as varchar(7)
        ) as law_type,
        avail_from_date
    from renamed

)

select * from decoded
