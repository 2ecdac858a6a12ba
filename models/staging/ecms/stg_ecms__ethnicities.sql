with

source_rows as (

    select * from {{ source('ecms', 'ethnicities') }}

),

renamed as (

    select
        cast(id_pe as bigint) as ethnicity_row_id,
        {{ safe_cast_bigint('person_id_pe') }} as person_id,
        {{ clean_text('person_id_pe', 20) }} as person_id_text,
        cast(ethnicitytype_id as integer) as ethnicity_type_id,
        cast(source_id as integer) as source_id,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
