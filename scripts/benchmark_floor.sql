-- THE FLOOR of scripts/benchmark.py: the ECMS rows of the `children` mart computed in one DuckDB statement
-- straight from the raw SAIL tables: no dbt, no staging or intermediate views, every raw table read once
-- where possible, picks done with DuckDB-only QUALIFY / arg_min, and the family and order work restricted
-- to the children instead of every person on an application. It is the reference for "how fast could
-- this be"; it is not part of the product and is not portable (DuckDB only, not linted with the models).
--
-- Same rules as the models (docs/ecms-marts-design.md), with the project's default vars written in:
-- project 1661, ECMS refresh 20240111, usable ALF status 1/4/39 with match >= 0.9, week-of-birth century
-- repairs 18->19, 22->20, 29->20, 79->19, newborn < 7 days (England), return to court within 730 days.
-- Code lists are read from the seed CSVs (run from the repository root). ECMS only: CMS and CAFW marts
-- are not in the floor, so linked_child_key groups ECMS children only (the mart's groups span systems).
-- Run: attach the raw file as `raw`, then execute this file; result table children_floor.

create or replace table children_floor as
with

poa as (
    select
        case
            when regexp_matches(trim(cast(person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(person_id_pe as varchar(40))) as bigint)
        end as person_id,
        application_id_pe as application_id,
        lower(trim(issubject)) in ('true', 't', 'yes', 'y', '1') as is_subject
    from raw.sail1661v.cafe_ecms_personsonapplications_20240111
),

person_applications as (
    select
        person_id,
        application_id,
        max(case when is_subject then 1 else 0 end) as is_subject
    from poa
    where person_id is not null and application_id is not null
    group by all
),

apps_raw as (
    select
        id_pe as application_id,
        case_id_pe as case_id,
        applicationtype1_id,
        courtcourtlevelref_id,
        dateofapplication,
        datereceived,
        datenotified,
        datecompleted,
        dateapplicationcompleted,
        newapplicationdate,
        revocationapplicanttypeid,
        applicationreason_id,
        avail_from_dt
    from raw.sail1661v.cafe_ecms_applications_20240111
    where id_pe is not null
),

apps as (
    -- One row per application id: the same tie-break as int_ecms__applications.
    select
        application_id,
        case_id,
        dateofapplication as application_date
    from apps_raw
    qualify row_number() over (
        partition by application_id
        order by
            case when avail_from_dt is null then 1 else 0 end, avail_from_dt desc,
            case when case_id is null then 1 else 0 end, case_id, applicationtype1_id,
            courtcourtlevelref_id, dateofapplication, datereceived, datenotified, datecompleted,
            dateapplicationcompleted, newapplicationdate, revocationapplicanttypeid, applicationreason_id
    ) = 1
),

cases_raw as (
    select
        id_pe as case_id,
        lawtype_id,
        localauthority_id,
        courtcourtlevelref_id,
        casestatu_id,
        datereceived,
        closuredate,
        reopendate,
        courtform_id,
        cast(nullif(trim(harm), '') as varchar(5)) as harm_text,
        avail_from_dt
    from raw.sail1661v.cafe_ecms_cases_20240111
    where id_pe is not null
),

case_law_types as (
    -- Law type as int_ecms__applications reads it from a repeated case.
    select
        cases_raw.case_id,
        case
            when lower(trim(law_types.caption)) like '%public%' then 'Public'
            when lower(trim(law_types.caption)) like '%private%' then 'Private'
            else 'Unknown'
        end as law_type
    from cases_raw
    left join raw.sailcaferefv.ecms_lawtypes_20240111 as law_types on cases_raw.lawtype_id = law_types.id
    qualify row_number() over (
        partition by cases_raw.case_id
        order by
            case when cases_raw.avail_from_dt is null then 1 else 0 end, cases_raw.avail_from_dt desc,
            case when cases_raw.lawtype_id is null then 1 else 0 end, cases_raw.lawtype_id,
            case when cases_raw.localauthority_id is null then 1 else 0 end, cases_raw.localauthority_id
    ) = 1
),

case_closures as (
    -- Closure date as int_ecms__cases reads it from a repeated case.
    select
        case_id,
        closuredate as case_closed_date
    from cases_raw
    qualify row_number() over (
        partition by case_id
        order by
            case when avail_from_dt is null then 1 else 0 end, avail_from_dt desc,
            case when lawtype_id is null then 1 else 0 end,
            case when datereceived is null then 1 else 0 end,
            lawtype_id, localauthority_id, courtcourtlevelref_id, casestatu_id, datereceived, closuredate,
            reopendate, courtform_id, harm_text
    ) = 1
),

people_raw as (
    select
        case
            when regexp_matches(trim(cast(id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(id_pe as varchar(40))) as bigint)
        end as person_id,
        cast(nullif(trim(id_pe), '') as varchar(20)) as person_id_text,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        alf2_pe,
        cast(nullif(trim(gender), '') as varchar(20)) as gender_text,
        weekofbirth,
        mob_linkage,
        avail_from_dt
    from raw.sail1661v.cafe_ecms_people_20240111
),

people as (
    select
        person_id,
        case
            when lower(gender_text) in ('female', 'f') then 'Female'
            when lower(gender_text) in ('male', 'm') then 'Male'
            else 'Unknown'
        end as gender,
        cast(
            weekofbirth + to_months(cast(12 * (
                case floor(year(weekofbirth) / 100)
                    when 18 then 100 when 22 then -200 when 29 then -900 when 79 then -6000 else 0
                end
            ) as integer)) as date
        ) as date_of_birth,
        alf_pe,
        case
            when alf_pe is not null and alf_sts_cd in (1, 4, 39) and (alf_mtch_pct is null or alf_mtch_pct >= 0.9)
                then 1
            else 0
        end as has_usable_alf
    from people_raw
    where person_id is not null
    qualify row_number() over (
        partition by person_id
        order by
            avail_from_dt desc,
            case when weekofbirth is null then 1 else 0 end,
            case when alf_pe is null then 1 else 0 end,
            weekofbirth, alf_pe, alf_sts_cd, alf_mtch_pct, alf2_pe, gender_text, mob_linkage, person_id_text
    ) = 1
),

child_rows as (
    -- Subjects, and anyone born on or before the application date and not yet 18 on it.
    select
        person_applications.person_id,
        person_applications.application_id,
        person_applications.is_subject,
        apps.case_id,
        apps.application_date,
        coalesce(case_law_types.law_type, 'Unknown') as law_type
    from person_applications
    left join apps on person_applications.application_id = apps.application_id
    left join people on person_applications.person_id = people.person_id
    left join case_law_types on apps.case_id = case_law_types.case_id
    where
        person_applications.is_subject = 1
        or (
            date_diff('day', people.date_of_birth, apps.application_date) >= 0
            and year(apps.application_date) - year(people.date_of_birth)
            - case
                when month(apps.application_date) * 100 + day(apps.application_date)
                    < month(people.date_of_birth) * 100 + day(people.date_of_birth) then 1
                else 0
            end < 18
        )
),

output_categories as (
    select
        types.legal_output_type_id,
        types.category,
        types.is_order,
        types.is_final_order,
        categories.hierarchy_rank
    from read_csv('seeds/legal_outputs/legal_output_type_categories.csv', header = true) as types
    left join read_csv('seeds/legal_outputs/legal_output_categories.csv', header = true) as categories
        on types.category = categories.category
    where types.source_system = 'ECMS'
),

child_outputs as (
    -- Per child and application: the best-ranked order category and the last final-order date.
    select
        child_rows.person_id,
        child_rows.application_id,
        min(output_categories.hierarchy_rank) filter (where output_categories.is_order = 1) as best_rank,
        max(case when output_categories.is_final_order = 1 then outputs.dateordered end) as final_order_date
    from raw.sail1661v.cafe_ecms_legaloutputs_20240111 as outputs
    inner join child_rows
        on
            outputs.application_id_pe = child_rows.application_id
            and case
                when regexp_matches(trim(cast(outputs.person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                    then cast(trim(cast(outputs.person_id_pe as varchar(40))) as bigint)
            end = child_rows.person_id
    left join output_categories on outputs.legaloutputtype_id = output_categories.legal_output_type_id
    group by all
),

relationships as (
    select
        case
            when regexp_matches(trim(cast(person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(person_id_pe as varchar(40))) as bigint)
        end as person_id,
        case
            when regexp_matches(trim(cast(relatedperson_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(relatedperson_id_pe as varchar(40))) as bigint)
        end as related_person_id,
        groups.relationship_group
    from raw.sail1661v.cafe_ecms_personrelationships_20240111 as rels
    inner join read_csv('seeds/families/relationship_type_groups.csv', header = true) as groups
        on rels.relationshiptype_id = groups.relationship_type_id and groups.source_system = 'ECMS'
    where groups.relationship_group in ('parent', 'child')
),

parents as (
    select distinct
        case when links.relationship_group = 'parent' then links.person_id else links.related_person_id end
            as child_person_id,
        case when links.relationship_group = 'parent' then links.related_person_id else links.person_id end
            as parent_person_id,
        case people.gender when 'Female' then 'Mother' else 'Father' end as parent_role,
        people.date_of_birth is not null as has_dob
    from relationships as links
    inner join people
        on case when links.relationship_group = 'parent' then links.related_person_id else links.person_id end
        = people.person_id
    where
        links.person_id is not null and links.related_person_id is not null
        and links.person_id <> links.related_person_id
        and people.gender in ('Female', 'Male')
),

person_cases as (
    select distinct
        person_applications.person_id,
        apps_raw.case_id
    from person_applications
    inner join apps_raw on person_applications.application_id = apps_raw.application_id
    where apps_raw.case_id is not null
),

chosen_parents as (
    -- Mother and father per child and application: on the same application, then in the same case
    -- (any raw row of the application), then with a DOB, then the lowest id (int_ecms__child_families).
    select
        child_rows.person_id,
        child_rows.application_id,
        parents.parent_role,
        parents.parent_person_id
    from child_rows
    inner join parents on child_rows.person_id = parents.child_person_id
    left join apps_raw as app_cases on child_rows.application_id = app_cases.application_id
    left join person_applications as same_application
        on parents.parent_person_id = same_application.person_id
        and child_rows.application_id = same_application.application_id
    left join person_cases as same_case
        on parents.parent_person_id = same_case.person_id and app_cases.case_id = same_case.case_id
    qualify row_number() over (
        partition by child_rows.person_id, child_rows.application_id, parents.parent_role
        order by
            case when same_application.person_id is null then 0 else 1 end desc,
            case when same_case.person_id is null then 0 else 1 end desc,
            parents.has_dob desc,
            parents.parent_person_id asc
    ) = 1
),

child_parents as (
    -- The child's mother and father: from the latest application that has one.
    select
        chosen_parents.person_id,
        arg_max(chosen_parents.parent_person_id, (
            case when child_rows.application_date is null then 0 else 1 end,
            coalesce(child_rows.application_date, date '0001-01-01'), child_rows.application_id
        )) filter (where chosen_parents.parent_role = 'Mother') as mother_person_id,
        arg_max(chosen_parents.parent_person_id, (
            case when child_rows.application_date is null then 0 else 1 end,
            coalesce(child_rows.application_date, date '0001-01-01'), child_rows.application_id
        )) filter (where chosen_parents.parent_role = 'Father') as father_person_id
    from chosen_parents
    inner join child_rows
        on chosen_parents.person_id = child_rows.person_id
        and chosen_parents.application_id = child_rows.application_id
    group by chosen_parents.person_id
),

ethnicity as (
    select
        person_id,
        count(distinct ethnicity_type_id) filter (where is_known) as n_known,
        min(ethnicity_type_id) filter (where is_known) as known_type_id
    from (
        select
            case
                when regexp_matches(trim(cast(eth.person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                    then cast(trim(cast(eth.person_id_pe as varchar(40))) as bigint)
            end as person_id,
            eth.ethnicitytype_id as ethnicity_type_id,
            eth.ethnicitytype_id is not null and codes.type_id is null as is_known
        from raw.sail1661v.cafe_ecms_ethnicities_20240111 as eth
        left join read_csv('seeds/people/characteristic_codes.csv', header = true) as codes
            on eth.ethnicitytype_id = codes.type_id and codes.source_system = 'ECMS'
            and codes.characteristic = 'ethnicity'
    ) as rows_known
    where person_id is not null
    group by person_id
),

disability as (
    select
        person_id,
        case
            when bool_or(flag_name is not null) then 'Yes'
            when bool_or(flag_name is null and coalesce(meaning, '') <> 'none') then 'Unknown'
            else 'No'
        end as has_disability
    from (
        select
            case
                when regexp_matches(trim(cast(dis.person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                    then cast(trim(cast(dis.person_id_pe as varchar(40))) as bigint)
            end as person_id,
            flags.flag_name,
            codes.meaning
        from raw.sail1661v.cafe_ecms_disabilities_20240111 as dis
        left join read_csv('seeds/people/disability_type_flags.csv', header = true) as flags
            on dis.disabilitytype_id = flags.disability_type_id and flags.source_system = 'ECMS'
        left join read_csv('seeds/people/characteristic_codes.csv', header = true) as codes
            on dis.disabilitytype_id = codes.type_id and codes.source_system = 'ECMS'
            and codes.characteristic = 'disability'
    ) as classified
    where person_id is not null
    group by person_id
),

case_summary as (
    -- Start (earliest application of the case, all applications) and end (last final order of its
    -- children, else closure) of every case a child is in.
    select
        case_ids.case_id,
        starts.case_start_date,
        coalesce(orders.final_order_date, case_closures.case_closed_date) as case_end_date
    from (select distinct case_id from child_rows where case_id is not null) as case_ids
    left join (
        select case_id, min(application_date) as case_start_date from apps where case_id is not null group by case_id
    ) as starts on case_ids.case_id = starts.case_id
    left join (
        select child_rows.case_id, max(child_outputs.final_order_date) as final_order_date
        from child_rows
        inner join child_outputs
            on child_rows.person_id = child_outputs.person_id and child_rows.application_id = child_outputs.application_id
        group by child_rows.case_id
    ) as orders on case_ids.case_id = orders.case_id
    left join case_closures on case_ids.case_id = case_closures.case_id
),

child_cases as (
    select distinct
        child_rows.person_id,
        child_rows.case_id,
        case_summary.case_start_date,
        case_summary.case_end_date
    from child_rows
    inner join case_summary on child_rows.case_id = case_summary.case_id
),

court_returns as (
    select distinct earlier.person_id
    from child_cases as earlier
    inner join child_cases as later
        on earlier.person_id = later.person_id and earlier.case_id <> later.case_id
    where
        later.case_start_date > earlier.case_end_date
        and date_diff('day', earlier.case_end_date, later.case_start_date) <= 730
),

summarised as (
    select
        child_rows.person_id,
        min(child_rows.application_date) as first_application_date,
        max(child_rows.application_date) as last_application_date,
        min(child_rows.application_date) filter (where child_rows.law_type = 'Public') as first_public_date,
        count(distinct child_rows.application_id) as n_applications,
        count(distinct child_rows.case_id) as n_cases,
        count(distinct child_rows.case_id) filter (where child_rows.law_type = 'Public') as n_public_law_cases,
        count(distinct child_rows.case_id) filter (where child_rows.law_type = 'Private') as n_private_law_cases,
        max(child_rows.is_subject) as ever_subject,
        min(child_outputs.final_order_date) as first_final_order_date,
        min(child_outputs.best_rank) as best_rank,
        -- Final legal outcome: the highest order of the latest application that reached a final order.
        arg_max_null(child_outputs.best_rank, (
            child_outputs.final_order_date,
            case when child_rows.application_date is null then 0 else 1 end,
            coalesce(child_rows.application_date, date '0001-01-01'), child_rows.application_id
        )) filter (where child_outputs.final_order_date is not null) as final_outcome_rank,
        max(child_outputs.final_order_date) as final_legal_outcome_date
    from child_rows
    left join child_outputs
        on child_rows.person_id = child_outputs.person_id and child_rows.application_id = child_outputs.application_id
    group by child_rows.person_id
),

aged as (
    select
        summarised.*,
        coalesce(people.gender, 'Unknown') as gender,
        people.date_of_birth,
        people.alf_pe,
        coalesce(people.has_usable_alf, 0) as has_usable_alf,
        date_diff('day', people.date_of_birth, summarised.first_application_date) as age_days,
        case
            when summarised.first_application_date >= people.date_of_birth
                then year(summarised.first_application_date) - year(people.date_of_birth)
                - case
                    when month(summarised.first_application_date) * 100 + day(summarised.first_application_date)
                        < month(people.date_of_birth) * 100 + day(people.date_of_birth) then 1
                    else 0
                end
        end as age_years,
        date_diff('day', people.date_of_birth, summarised.first_public_date) as age_public_days
    from summarised
    left join people on summarised.person_id = people.person_id
)

select
    cast('ECMS-' || cast(aged.person_id as varchar(20)) as varchar(25)) as child_id,
    cast('ECMS' as varchar(4)) as source_system,
    cast('England' as varchar(7)) as country,
    aged.person_id,
    aged.alf_pe as alf_pe,
    cast(aged.has_usable_alf as smallint) as has_usable_alf,
    cast(
        case
            when aged.has_usable_alf = 1 and aged.alf_pe is not null
                then min('ECMS-' || cast(aged.person_id as varchar(20))) over (partition by aged.alf_pe, aged.has_usable_alf)
            else 'ECMS-' || cast(aged.person_id as varchar(20))
        end as varchar(30)
    ) as linked_child_key,
    cast(aged.gender as varchar(7)) as gender,
    aged.date_of_birth,
    cast(case when ethnicity.person_id is null then null when ethnicity.n_known = 1 then nullif(trim(eth_types.name), '')
        when ethnicity.n_known > 1 then 'Conflicting' else 'Unknown' end as varchar(255)) as ethnicity_name,
    cast(disability.has_disability as varchar(7)) as has_disability,
    aged.first_application_date,
    aged.last_application_date,
    cast(aged.age_days as integer) as age_at_first_application_days,
    cast(aged.age_years as integer) as age_at_first_application_years,
    cast(bands.band_name as varchar(40)) as age_band_at_first_application,
    cast(
        case
            when aged.first_public_date is null then 0
            when aged.age_public_days is null then null
            when aged.age_public_days >= 0 and aged.age_public_days < 7 then 1
            else 0
        end as smallint
    ) as is_newborn_at_first_public_law,
    cast(aged.n_applications as integer) as n_applications,
    cast(aged.n_cases as integer) as n_cases,
    cast(aged.n_public_law_cases as integer) as n_public_law_cases,
    cast(aged.n_private_law_cases as integer) as n_private_law_cases,
    cast(aged.ever_subject as smallint) as ever_subject,
    child_parents.mother_person_id,
    child_parents.father_person_id,
    cast(order_categories.category as varchar(30)) as highest_order_category_ever,
    aged.first_final_order_date,
    cast(final_categories.category as varchar(30)) as final_legal_outcome,
    aged.final_legal_outcome_date,
    cast(case when court_returns.person_id is null then 0 else 1 end as smallint) as returned_to_court_within_2_years
from aged
left join ethnicity on aged.person_id = ethnicity.person_id
left join raw.sailcaferefv.ecms_ethnicitytypes_20240111 as eth_types on ethnicity.known_type_id = eth_types.id
left join disability on aged.person_id = disability.person_id
left join read_csv('seeds/children/age_bands.csv', header = true) as bands
    on
        aged.age_days is not null
        and (bands.lower_days is null or aged.age_days >= bands.lower_days)
        and (bands.upper_days is null or aged.age_days < bands.upper_days)
        and (bands.lower_years is null or aged.age_years >= bands.lower_years)
        and (bands.upper_years is null or aged.age_years < bands.upper_years)
left join read_csv('seeds/legal_outputs/legal_output_categories.csv', header = true) as order_categories
    on aged.best_rank = order_categories.hierarchy_rank
left join read_csv('seeds/legal_outputs/legal_output_categories.csv', header = true) as final_categories
    on aged.final_outcome_rank = final_categories.hierarchy_rank
left join child_parents on aged.person_id = child_parents.person_id
left join court_returns on aged.person_id = court_returns.person_id;
