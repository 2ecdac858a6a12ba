with

source_rows as (

    select * from {{ source('cms', 'persons') }}

),

renamed as (

    select
        {{ safe_cast_bigint('personid_pe') }} as person_id,
        {{ clean_text('personid_pe', 20) }} as person_id_text,
        cast(alf_pe as bigint) as alf_pe,
        cast(alf_sts_cd as integer) as alf_sts_cd,
        cast(alf_mtch_pct as decimal(7, 6)) as alf_mtch_pct,
        cast(alf2_pe as bigint) as alf2_pe,
        {{ clean_text('gender', 20) }} as gender_text,
        cast(weekofbirth as date) as week_of_birth,
        cast(ethnicref as integer) as ethnicity_id,
        cast(religionref as integer) as religion_id,
        cast(firstlanguageref as integer) as first_language_id,
        {{ text_flag('interpreterreq') }} as is_interpreter_requested,
        cast(disabilityref as integer) as disability_id,
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
        ethnicity_id,
        religion_id,
        first_language_id,
        is_interpreter_requested,
        disability_id,
        birth_month_for_linkage,
        avail_from_date
    from renamed

)

select * from decoded
