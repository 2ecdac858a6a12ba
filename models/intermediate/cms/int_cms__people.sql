-- One row per CMS person with SAIL linkage, repaired date of birth and the single-valued characteristics
-- named. Replaces 02create_people_cms (seed-pipeline §2C.2). Fixes §5.9 for CMS: the Stata code never
-- century-repaired CMS weeks of birth; here the same macros as ECMS repair them. Codes that mean "not known"
-- come from the seed characteristic_codes (CMS rows), so nothing is hard-coded.

with

people as (

    select * from {{ ref('stg_cms__people') }}
    where person_id is not null

),

ranked as (

    -- Rows repeating one person: the latest load, then the row with a week of birth, then one with an
    -- ALF; every other column breaks the remaining ties so the pick never depends on row order.
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
                ethnicity_id asc,
                religion_id asc,
                first_language_id asc,
                is_interpreter_requested asc,
                disability_id asc,
                birth_month_for_linkage asc,
                person_id_text asc
        ) as row_rank,
        count(*) over (partition by person_id) as n_source_rows
    from people

),

chosen as (

    select * from ranked
    where row_rank = 1

),

not_known_codes as (

    select
        characteristic,
        type_id,
        meaning
    from {{ ref('characteristic_codes') }}
    where source_system = 'CMS'

),

final as (

    select
        chosen.person_id,
        chosen.person_id_text,
        chosen.gender,
        chosen.week_of_birth,
        {{ repair_week_of_birth('chosen.week_of_birth') }} as date_of_birth,
        {{ is_week_of_birth_repaired('chosen.week_of_birth') }} as is_dob_corrected,
        chosen.alf_pe,
        chosen.alf_sts_cd,
        chosen.alf_mtch_pct,
        {{ usable_alf_flag('chosen.alf_pe', 'chosen.alf_sts_cd', 'chosen.alf_mtch_pct') }} as has_usable_alf,
        chosen.alf2_pe,
        chosen.ethnicity_id,
        cast(
            case
                when chosen.ethnicity_id is null then null
                when ethnicity_codes.type_id is not null then 'Unknown'
                else ethnic_origins.ethnicity_name
            end
            as varchar(255)
        ) as ethnicity_name,
        chosen.religion_id,
        cast(
            case
                when chosen.religion_id is null then null
                when religion_codes.type_id is not null then 'Unknown'
                else religions.religion_name
            end
            as varchar(255)
        ) as religion_name,
        chosen.first_language_id,
        cast(
            case
                when chosen.first_language_id is null then null
                when language_codes.type_id is not null then 'Unknown'
                else languages.language_name
            end
            as varchar(255)
        ) as language_name,
        chosen.is_interpreter_requested,
        chosen.disability_id,
        disability_types.disability_name,
        cast(
            case
                when chosen.disability_id is null then null
                when disability_codes.meaning = 'none' then 'No'
                when disability_codes.type_id is not null then 'Unknown'
                when disability_types.disability_id is null then 'Unknown'
                else 'Yes'
            end
            as varchar(7)
        ) as has_disability,
        cast(chosen.n_source_rows as integer) as n_source_rows
    from chosen
    left join {{ ref('stg_cms__ethnic_origins') }} as ethnic_origins
        on chosen.ethnicity_id = ethnic_origins.ethnicity_id
    left join not_known_codes as ethnicity_codes
        on
            chosen.ethnicity_id = ethnicity_codes.type_id
            and ethnicity_codes.characteristic = 'ethnicity'
    left join {{ ref('stg_cms__religions') }} as religions
        on chosen.religion_id = religions.religion_id
    left join not_known_codes as religion_codes
        on
            chosen.religion_id = religion_codes.type_id
            and religion_codes.characteristic = 'religion'
    left join {{ ref('stg_cms__languages') }} as languages
        on chosen.first_language_id = languages.language_id
    left join not_known_codes as language_codes
        on
            chosen.first_language_id = language_codes.type_id
            and language_codes.characteristic = 'language'
    left join {{ ref('stg_cms__disability_types') }} as disability_types
        on chosen.disability_id = disability_types.disability_id
    left join not_known_codes as disability_codes
        on
            chosen.disability_id = disability_codes.type_id
            and disability_codes.characteristic = 'disability'

)

select * from final
