with

source_rows as (

    select * from {{ source('cafw', 'relationships') }}

),

renamed as (

    select
        cast(connectionid_pe as bigint) as relationship_row_id,
        cast(record1id_pe as bigint) as person_id,
        {{ clean_text('record1roleidname', 50) }} as person_role_name,
        cast(record2id_pe as bigint) as related_person_id,
        {{ clean_text('record2roleidname', 50) }} as related_person_role_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

)

select * from renamed
