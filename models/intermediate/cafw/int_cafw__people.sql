-- One row per Cafcass Cymru person (grain: person_id). CAFCASS_ALF repeats whole rows; where one person has
-- rows that differ, the latest load wins, then a row with an ALF, then the lowest value of every other column,
-- so the pick never depends on row order.

with

people as (

    select * from {{ ref('stg_cafw__people') }}
    where person_id is not null

),

ranked as (

    select
        people.*,
        row_number() over (
            partition by person_id
            order by
                avail_from_date desc,
                case when alf_pe is null then 1 else 0 end asc,
                alf_pe asc,
                alf_sts_cd asc,
                alf_mtch_pct asc,
                week_of_birth asc,
                gender_code asc,
                lsoa2011_code asc,
                ethnicity_name asc,
                language_name asc,
                disability_name asc
        ) as row_rank,
        count(*) over (partition by person_id) as n_source_rows
    from people

),

final as (

    select
        person_id,
        gender_code,
        gender,
        week_of_birth,
        {{ repair_week_of_birth('week_of_birth') }} as date_of_birth,
        {{ is_week_of_birth_repaired('week_of_birth') }} as is_dob_corrected,
        lsoa2011_code,
        ethnicity_name,
        language_name,
        disability_name,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        {{ usable_alf_flag() }} as has_usable_alf,
        cast(n_source_rows as integer) as n_source_rows
    from ranked
    where row_rank = 1

)

select * from final
