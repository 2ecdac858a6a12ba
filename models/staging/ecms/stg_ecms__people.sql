with

source_rows as (

    select * from {{ source('ecms', 'people') }}

),

renamed as (

    select
        {{ safe_cast_bigint('id_pe') }} as person_id,
        {{ clean_text('id_pe', 20) }} as person_id_text,
        cast(alf_pe as bigint) as alf_pe,
        cast(alf_sts_cd as integer) as alf_sts_cd,
        cast(alf_mtch_pct as decimal(7, 6)) as alf_mtch_pct,
        cast(alf2_pe as bigint) as alf2_pe,
        {{ clean_text('gender', 20) }} as gender_text,
        cast(weekofbirth as date) as week_of_birth,
        cast(mob_linkage as date) as birth_month_for_linkage,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        person_id,
        person_id_text,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        alf2_pe,
        gender_text,
        cast(
            case
                when lower(gender_text) in ('female', 'f') then 'Female'
                when lower(gender_text) in ('male', 'm') then 'Male'
                else 'Unknown'
            end as varchar(7)
        ) as gender,
        week_of_birth,
        birth_month_for_linkage,
        avail_from_date
    from renamed

)

select * from decoded
