-- One row per ECMS person. Replaces the people base of 012create_people (seed-pipeline §2.2) and the
-- DOB cleaning of 013 (§2.3 step 8). Fixes §5.10: the Stata code dropped exact duplicates before
-- dropping load columns, so rows differing only in AVAIL_FROM_DT or MOB_LINKAGE stayed duplicated.

with

people as (

    select * from {{ ref('stg_ecms__people') }}
    where person_id is not null

),

ranked as (

    -- Conflicting rows for one person: the latest load wins, then the row that has a week of birth,
    -- then the one with an ALF; the remaining columns break any tie so the pick never depends on row order.
    select
        people.*,
        row_number() over (
            partition by person_id
            order by
                avail_from_date desc,
                case when week_of_birth is null then 1 else 0 end asc,
                case when alf_pe is null then 1 else 0 end asc,
                week_of_birth asc,
                alf_pe asc,
                alf_sts_cd asc,
                alf_mtch_pct asc,
                alf2_pe asc,
                gender_text asc,
                birth_month_for_linkage asc,
                person_id_text asc
        ) as row_rank,
        count(*) over (partition by person_id) as n_source_rows
    from people

),

final as (

    select
        person_id,
        person_id_text,
        gender,
        week_of_birth,
        {{ repair_week_of_birth('week_of_birth') }} as date_of_birth,
        {{ is_week_of_birth_repaired('week_of_birth') }} as is_dob_corrected,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        {{ usable_alf_flag('alf_pe', 'alf_sts_cd', 'alf_mtch_pct') }} as has_usable_alf,
        alf2_pe,
        cast(n_source_rows as integer) as n_source_rows
    from ranked
    where row_rank = 1

)

select * from final
