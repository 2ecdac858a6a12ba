with

source_rows as (

    select * from {{ source('cafw', 'alf') }}

),

renamed as (

    select
        cast(system_id_pe as bigint) as person_id,
        cast(alf_pe as bigint) as alf_pe,
        cast(alf_sts_cd as integer) as alf_sts_cd,
        cast(alf_mtch_pct as decimal(7, 6)) as alf_mtch_pct,
        cast(wob as date) as week_of_birth,
        cast(gndr_cd as integer) as gender_code,
        {{ clean_text('lsoa2011_cd', 10) }} as lsoa2011_code,
        {{ clean_text('cap_ethnicityidname') }} as ethnicity_name,
        {{ clean_text('cap_preferredlanguageidname') }} as language_name,
        {{ clean_text('cap_disabilityname') }} as disability_name,
        cast(avail_from_dt as date) as avail_from_date
    from source_rows

),

decoded as (

    select
        person_id,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        week_of_birth,
        gender_code,
        -- SAIL File-1 sex codes: 1 male, 2 female; 8 / 9 (not specified / unknown) and anything else: Unknown.
        cast(
            case
                when gender_code = 2 then 'Female'
                when gender_code = 1 then 'Male'
                else 'Unknown'
            end as varchar(7)
        ) as gender,
        lsoa2011_code,
        ethnicity_name,
        language_name,
        disability_name,
        avail_from_date
    from renamed

)

select * from decoded
