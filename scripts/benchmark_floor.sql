-- THE FLOOR of scripts/benchmark.py: the whole `children` mart (ECMS, CMS and CAFW rows) computed in one
-- DuckDB statement straight from the raw SAIL tables: no dbt, no staging or intermediate views, every raw
-- table read once where possible, picks done with DuckDB-only QUALIFY / arg_max, and only the work the
-- children mart needs (no religion, nationality, siblings, order flags or case attributes it does not read;
-- family and order work restricted to the children instead of every person on an application). It is the
-- reference for "how fast could this be"; it is not part of the product and is not portable (DuckDB only,
-- not linted with the models). scripts/tests/test_benchmark.py checks that it equals the mart, every row
-- and column, on the test data.
--
-- Same rules as the models (docs/ecms-marts-design.md), with the project's default vars written in:
-- project 1661, refreshes ECMS 20240111, CMS 20191220, CAFW 20230622; usable ALF status 1/4/39 with match
-- >= 0.9; week-of-birth century repairs 18->19, 22->20, 29->20, 79->19; newborn < 7 days (England),
-- < 14 days (Wales); return to court within 730 days. Repeated raw rows are treated as the models treat
-- them (deduplicated where a model deduplicates, joined as they are where a model joins them as they are).
-- Code lists are read from the seed CSVs (run from the repository root). linked_child_key groups children
-- of every system that share a usable ALF.
-- Run: attach the raw file as `raw`, then execute this file; result table children_floor.

-- Ids parsed once into a table (as relationships below): a filter on a parsed id in the same statement
-- would be pushed down and parse it again.
create or replace temp table poa as
select
    case
        when regexp_matches(trim(cast(person_id_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
            then cast(trim(cast(person_id_pe as varchar(40))) as bigint)
    end as person_id,
    application_id_pe as application_id,
    lower(trim(issubject)) in ('true', 't', 'yes', 'y', '1') as is_subject
from raw.sail1661v.cafe_ecms_personsonapplications_20240111;

create or replace temp table person_applications as
select
    person_id,
    application_id,
    max(case when is_subject then 1 else 0 end) as is_subject
from poa
where person_id is not null and application_id is not null
group by all;

drop table poa;

create or replace temp table apps_raw as
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
where id_pe is not null;

-- One row per application id: the same tie-break as int_ecms__applications.
create or replace temp table apps as
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
) = 1;

create or replace temp table cases_raw as
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
where id_pe is not null;

-- Law type as int_ecms__applications reads it from a repeated case.
create or replace temp table case_law_types as
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
) = 1;

-- Closure date as int_ecms__cases reads it from a repeated case.
create or replace temp table case_closures as
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
) = 1;

create or replace temp table people as
with

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
)

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
) = 1;

-- Subjects, and anyone born on or before the application date and not yet 18 on it.
create or replace temp table child_rows as
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
    );

-- Per child and application: the best-ranked order category and the last final-order date.
create or replace temp table child_outputs as
with

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
)

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
group by all;

-- Parsed once into a table: a filter on the parsed ids in the same statement would be pushed down and
-- parse each id again for every condition.
create or replace temp table relationships as
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
where groups.relationship_group in ('parent', 'child');

create or replace temp table parents as
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
    and people.gender in ('Female', 'Male');

drop table relationships;

-- The person-level columns the mart reads, for the ECMS children only.
create or replace temp table ecms_attributes as
with

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
)

select
    ids.person_id,
    coalesce(people.gender, 'Unknown') as gender,
    people.date_of_birth,
    case
        when ethnicity.person_id is null then null
        when ethnicity.n_known = 1 then nullif(trim(eth_types.name), '')
        when ethnicity.n_known > 1 then 'Conflicting'
        else 'Unknown'
    end as ethnicity_name,
    disability.has_disability,
    people.alf_pe,
    coalesce(people.has_usable_alf, 0) as has_usable_alf
from (select distinct person_id from child_rows) as ids
left join people on ids.person_id = people.person_id
left join ethnicity on ids.person_id = ethnicity.person_id
left join raw.sailcaferefv.ecms_ethnicitytypes_20240111 as eth_types on ethnicity.known_type_id = eth_types.id
left join disability on ids.person_id = disability.person_id;

-- ------------------------------------------------------------------ CMS (England 2007-2014)
-- One row per person and application; the subject is member type 4 (a converted type 16 never is).
create or replace temp table cms_roles as
select
    application_id,
    person_id,
    max(case when member_type = 4 then 1 else 0 end) as is_subject
from (
    select
        caseapplicationref_pe as application_id,
        case
            when regexp_matches(trim(cast(memberref_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(memberref_pe as varchar(40))) as bigint)
        end as person_id,
        membertype as member_type
    from raw.sail1661v.cafe_cms_tblcaseapplicationmember_20191220
) as members
where application_id is not null and person_id is not null
group by all;

create or replace temp table cms_apps_raw as
select
    caseapplicationid_pe as application_id,
    caseref_pe as case_id,
    caseapplicationtyperef as application_type_id,
    courtref,
    dateofapplication,
    datereceived,
    datecompleted,
    dateapplicationcompleted,
    avail_from_dt
from raw.sail1661v.cafe_cms_tblcaseapplication_20191220;

-- One row per application id: the same tie-break as int_cms__applications.
create or replace temp table cms_apps as
select
    application_id,
    case_id,
    application_type_id,
    dateofapplication as application_date
from cms_apps_raw
where application_id is not null
qualify row_number() over (
    partition by application_id
    order by
        case when avail_from_dt is null then 1 else 0 end, avail_from_dt desc,
        case when case_id is null then 1 else 0 end, case_id, application_type_id, courtref,
        dateofapplication, datereceived, datecompleted, dateapplicationcompleted
) = 1;

create or replace temp table cms_people as
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
    end as has_usable_alf,
    ethnicref,
    disabilityref
from (
    select
        case
            when regexp_matches(trim(cast(personid_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
                then cast(trim(cast(personid_pe as varchar(40))) as bigint)
        end as person_id,
        nullif(trim(personid_pe), '') as person_id_text,
        alf_pe,
        alf_sts_cd,
        alf_mtch_pct,
        alf2_pe,
        nullif(trim(gender), '') as gender_text,
        weekofbirth,
        ethnicref,
        religionref,
        firstlanguageref,
        case
            when lower(trim(interpreterreq)) in ('true', 't', 'yes', 'y', '1') then 1
            when lower(trim(interpreterreq)) in ('false', 'f', 'no', 'n', '0') then 0
        end as is_interpreter_requested,
        disabilityref,
        mob_linkage,
        avail_from_dt
    from raw.sail1661v.cafe_cms_tblperson_20191220
) as people_rows
where person_id is not null
qualify row_number() over (
    partition by person_id
    order by
        avail_from_dt desc,
        case when weekofbirth is null then 1 else 0 end,
        case when alf_pe is null then 1 else 0 end,
        weekofbirth, alf_pe, alf_sts_cd, alf_mtch_pct, alf2_pe, gender_text, ethnicref, religionref,
        firstlanguageref, is_interpreter_requested, disabilityref, mob_linkage, person_id_text
) = 1;

-- Law type from the application type, else from the case (int_cms__applications).
create or replace temp table cms_child_rows as
with

cms_law_types as (
    select
        itemid as law_type_id,
        case
            when lower(caption) like '%public%' then 'Public'
            when lower(caption) like '%private%' then 'Private'
            else 'Unknown'
        end as law_type
    from raw.sailcaferefv.cms_tlkplawtype_20191220
),

cms_case_law_types as (
    -- The case's law type as int_cms__applications reads it from a repeated case.
    select
        caseid_pe as case_id,
        lawtyperef as law_type_id
    from raw.sail1661v.cafe_cms_tblcase_20191220
    where caseid_pe is not null
    qualify row_number() over (
        partition by caseid_pe
        order by
            case when avail_from_dt is null then 1 else 0 end, avail_from_dt desc,
            case when lawtyperef is null then 1 else 0 end, lawtyperef,
            case when localauthorityref is null then 1 else 0 end, localauthorityref
    ) = 1
)

select
    cms_roles.person_id,
    cms_roles.application_id,
    cms_roles.is_subject,
    cms_apps.case_id,
    cms_apps.application_date,
    coalesce(type_law_types.law_type, case_law_types.law_type, 'Unknown') as law_type
from cms_roles
left join cms_apps on cms_roles.application_id = cms_apps.application_id
left join cms_people on cms_roles.person_id = cms_people.person_id
left join raw.sailcaferefv.cms_tlkpcaseapplicationtype as app_types
    on cms_apps.application_type_id = app_types.caseapplicationtypeid
left join cms_law_types as type_law_types on app_types.lawtypes = type_law_types.law_type_id
left join cms_case_law_types on cms_apps.case_id = cms_case_law_types.case_id
left join cms_law_types as case_law_types on cms_case_law_types.law_type_id = case_law_types.law_type_id
where
    cms_roles.is_subject = 1
    or (
        date_diff('day', cms_people.date_of_birth, cms_apps.application_date) >= 0
        and year(cms_apps.application_date) - year(cms_people.date_of_birth)
        - case
            when month(cms_apps.application_date) * 100 + day(cms_apps.application_date)
                < month(cms_people.date_of_birth) * 100 + day(cms_people.date_of_birth) then 1
            else 0
        end < 18
    );

-- Per case (CMS records outputs per case): the best-ranked order and the last final-order date.
create or replace temp table cms_case_orders as
select
    outputs.case_id,
    min(categories.hierarchy_rank) filter (where coalesce(types.is_order, 0) = 1) as best_rank,
    max(outputs.hearing_date) filter (where coalesce(types.is_final_order, 0) = 1) as final_order_date
from (
    select distinct
        caseref_pe as case_id,
        legaloutputtyperef as legal_output_type_id,
        legalorderhearingdate as hearing_date
    from raw.sail1661v.cafe_cms_tbllegaloutput_20191220
    where caseref_pe is not null
) as outputs
left join read_csv('seeds/legal_outputs/legal_output_type_categories.csv', header = true) as types
    on outputs.legal_output_type_id = types.legal_output_type_id and types.source_system = 'CMS'
left join read_csv('seeds/legal_outputs/legal_output_categories.csv', header = true) as categories
    on coalesce(types.category, 'other') = categories.category
group by outputs.case_id;

create or replace temp table cms_attributes as
select
    ids.person_id,
    coalesce(cms_people.gender, 'Unknown') as gender,
    cms_people.date_of_birth,
    case
        when cms_people.ethnicref is null then null
        when ethnicity_codes.type_id is not null then 'Unknown'
        else nullif(trim(origins.caption), '')
    end as ethnicity_name,
    case
        when cms_people.disabilityref is null then null
        when disability_codes.meaning = 'none' then 'No'
        when disability_codes.type_id is not null then 'Unknown'
        when disability_types.disabilityid is null then 'Unknown'
        else 'Yes'
    end as has_disability,
    cms_people.alf_pe,
    coalesce(cms_people.has_usable_alf, 0) as has_usable_alf
from (select distinct person_id from cms_child_rows) as ids
left join cms_people on ids.person_id = cms_people.person_id
left join raw.sailcaferefv.cms_tlkpethnicorigin_20191220 as origins on cms_people.ethnicref = origins.itemid
left join read_csv('seeds/people/characteristic_codes.csv', header = true) as ethnicity_codes
    on
        cms_people.ethnicref = ethnicity_codes.type_id and ethnicity_codes.source_system = 'CMS'
        and ethnicity_codes.characteristic = 'ethnicity'
left join raw.sailcaferefv.cms_tlkpdisability_20191220 as disability_types
    on cms_people.disabilityref = disability_types.disabilityid
left join read_csv('seeds/people/characteristic_codes.csv', header = true) as disability_codes
    on
        cms_people.disabilityref = disability_codes.type_id and disability_codes.source_system = 'CMS'
        and disability_codes.characteristic = 'disability';

create or replace temp table cms_relationships as
select
    case
        when regexp_matches(trim(cast(childref_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
            then cast(trim(cast(childref_pe as varchar(40))) as bigint)
    end as child_person_id,
    case
        when regexp_matches(trim(cast(parentref_pe as varchar(40))), '^[+-]?[0-9]{1,18}$')
            then cast(trim(cast(parentref_pe as varchar(40))) as bigint)
    end as parent_person_id,
    relationshipref
from raw.sail1661v.cafe_cms_tblcrspersonrelationship_20191220;

-- A (parent, child) pair recorded with one relationship type only, of group `parent`, whose parent has a
-- person row with a known gender (int_cms__child_families).
create or replace temp table cms_parent_links as
select
    pairs.child_person_id,
    pairs.parent_person_id,
    case cms_people.gender when 'Female' then 'Mother' else 'Father' end as parent_role,
    cms_people.date_of_birth is not null as has_dob
from (
    select
        child_person_id,
        parent_person_id,
        min(relationshipref) as relationship_type_id
    from cms_relationships as rels
    where
        child_person_id is not null and parent_person_id is not null
        and child_person_id <> parent_person_id and relationshipref is not null
    group by all
    having count(distinct relationshipref) = 1
) as pairs
inner join read_csv('seeds/families/relationship_type_groups.csv', header = true) as groups
    on
        pairs.relationship_type_id = groups.relationship_type_id and groups.source_system = 'CMS'
        and groups.relationship_group = 'parent'
inner join cms_people on pairs.parent_person_id = cms_people.person_id
where cms_people.gender in ('Female', 'Male');

drop table cms_relationships;

-- ------------------------------------------------------------------ CAFW (Wales)
create or replace temp table cafw_roles as
select
    record1id_pe as application_id,
    record2id_pe as person_id,
    max(case when upper(trim(record2roleidname)) = 'SUBJECT' then 1 else 0 end) as is_subject
from raw.sail1661v.cafw_cafcass_applicationserviceusers_20230622
where record1id_pe is not null and record2id_pe is not null
group by all;

-- Applications joined to their case rows as they are (int_cafw__applications deduplicates neither).
create or replace temp table cafw_apps as
select
    apps.cap_applicationid_pe as application_id,
    apps.cap_incidentid_pe as case_id,
    apps.cap_issuedate as application_date,
    case
        when upper(trim(apps.cap_lawtypename)) like 'PUBLIC%' then 'Public'
        when upper(trim(apps.cap_lawtypename)) like 'PRIVATE%' then 'Private'
        when upper(trim(incidents.cap_lawtypename)) like 'PUBLIC%' then 'Public'
        when upper(trim(incidents.cap_lawtypename)) like 'PRIVATE%' then 'Private'
        else 'Unknown'
    end as law_type
from raw.sail1661v.cafw_cafcass_application_20230622 as apps
left join raw.sail1661v.cafw_cafcass_incident_20230622 as incidents
    on apps.cap_incidentid_pe = incidents.incidentid_pe;

create or replace temp table cafw_people as
select
    system_id_pe as person_id,
    case gndr_cd when 2 then 'Female' when 1 then 'Male' else 'Unknown' end as gender,
    cast(
        wob + to_months(cast(12 * (
            case floor(year(wob) / 100)
                when 18 then 100 when 22 then -200 when 29 then -900 when 79 then -6000 else 0
            end
        ) as integer)) as date
    ) as date_of_birth,
    alf_pe,
    case
        when alf_pe is not null and alf_sts_cd in (1, 4, 39) and (alf_mtch_pct is null or alf_mtch_pct >= 0.9)
            then 1
        else 0
    end as has_usable_alf,
    nullif(trim(cap_ethnicityidname), '') as ethnicity_text,
    nullif(trim(cap_disabilityname), '') as disability_text
from raw.sail1661v.cafw_cafcass_alf_20230622
where system_id_pe is not null
qualify row_number() over (
    partition by system_id_pe
    order by
        avail_from_dt desc,
        case when alf_pe is null then 1 else 0 end,
        alf_pe, alf_sts_cd, alf_mtch_pct, wob, gndr_cd, nullif(trim(lsoa2011_cd), ''),
        nullif(trim(cap_ethnicityidname), ''), nullif(trim(cap_preferredlanguageidname), ''),
        nullif(trim(cap_disabilityname), '')
) = 1;

create or replace temp table cafw_child_rows as
select
    cafw_roles.person_id,
    cafw_roles.application_id,
    cafw_roles.is_subject,
    cafw_apps.case_id,
    cafw_apps.application_date,
    coalesce(cafw_apps.law_type, 'Unknown') as law_type
from cafw_roles
left join cafw_apps on cafw_roles.application_id = cafw_apps.application_id
left join cafw_people on cafw_roles.person_id = cafw_people.person_id
where
    cafw_roles.is_subject = 1
    or (
        date_diff('day', cafw_people.date_of_birth, cafw_apps.application_date) >= 0
        and year(cafw_apps.application_date) - year(cafw_people.date_of_birth)
        - case
            when month(cafw_apps.application_date) * 100 + day(cafw_apps.application_date)
                < month(cafw_people.date_of_birth) * 100 + day(cafw_people.date_of_birth) then 1
            else 0
        end < 18
    );

-- Per application (CAFW records outcomes per application): the best-ranked order, and the last date of
-- an outcome CAFW marks final.
create or replace temp table cafw_application_orders as
with

cafw_outcomes as (
    -- One row per outcome id, the tie-break of int_cafw__application_outcomes.
    select
        hearing_outcome_id,
        hearing_id,
        outcome_type_name,
        is_final
    from (
        select distinct
            cap_hearingoutcomeid_pe as hearing_outcome_id,
            cap_hearingid_pe as hearing_id,
            nullif(trim(cap_hearingoutcometypeidname), '') as outcome_type_name,
            case
                when lower(trim(cap_hearingoutcomefinalname)) in ('true', 't', 'yes', 'y', '1') then 1
                when lower(trim(cap_hearingoutcomefinalname)) in ('false', 'f', 'no', 'n', '0') then 0
            end as is_final
        from raw.sail1661v.cafw_cafcass_hearingoutcome_20230622
        where cap_hearingoutcomeid_pe is not null
    ) as outcome_rows
    qualify row_number() over (
        partition by hearing_outcome_id
        order by is_final desc, outcome_type_name asc, hearing_id asc
    ) = 1
)

select
    bridge.application_id,
    min(categories.hierarchy_rank) filter (where coalesce(types.is_order, 0) = 1) as best_rank,
    max(hearings.hearing_date) filter (where coalesce(cafw_outcomes.is_final, 0) = 1) as final_order_date
from (
    select distinct
        cap_applicationid_pe as application_id,
        cap_hearingoutcomeid_pe as hearing_outcome_id
    from raw.sail1661v.cafw_cafcass_hearingoutcomeapplication_20230622
    where cap_applicationid_pe is not null and cap_hearingoutcomeid_pe is not null
) as bridge
inner join cafw_outcomes on bridge.hearing_outcome_id = cafw_outcomes.hearing_outcome_id
left join (
    select cap_hearingid_pe as hearing_id, min(cap_hearingdatetime) as hearing_date
    from raw.sail1661v.cafw_cafcass_hearing_20230622
    where cap_hearingid_pe is not null
    group by cap_hearingid_pe
) as hearings on cafw_outcomes.hearing_id = hearings.hearing_id
left join (
    select category, is_order, upper(trim(legal_output_type_name)) as type_key
    from read_csv('seeds/legal_outputs/legal_output_type_categories.csv', header = true)
    where source_system = 'CAFW'
) as types on upper(cafw_outcomes.outcome_type_name) = types.type_key
left join read_csv('seeds/legal_outputs/legal_output_categories.csv', header = true) as categories
    on coalesce(types.category, 'other') = categories.category
group by bridge.application_id;

create or replace temp table cafw_attributes as
select
    ids.person_id,
    coalesce(cafw_people.gender, 'Unknown') as gender,
    cafw_people.date_of_birth,
    case
        when upper(cafw_people.ethnicity_text) in ('NOT STATED', 'NOT KNOWN', 'UNKNOWN', 'REFUSED') then 'Unknown'
        else cafw_people.ethnicity_text
    end as ethnicity_name,
    case
        when upper(cafw_people.disability_text) in ('YES', 'Y') then 'Yes'
        when upper(cafw_people.disability_text) in ('NO', 'N') then 'No'
        when cafw_people.disability_text is not null then 'Unknown'
    end as has_disability,
    cafw_people.alf_pe,
    coalesce(cafw_people.has_usable_alf, 0) as has_usable_alf
from (select distinct person_id from cafw_child_rows) as ids
left join cafw_people on ids.person_id = cafw_people.person_id;

-- Relationship rows read from both ends; the related person is a parent when its role label maps to the
-- group `parent` (int_cafw__relatives), and a mother or father by its gender.
create or replace temp table cafw_parent_links as
select distinct
    ends.person_id as child_person_id,
    ends.related_person_id as parent_person_id,
    case cafw_people.gender when 'Female' then 'Mother' else 'Father' end as parent_role,
    cafw_people.date_of_birth is not null as has_dob
from (
    select record1id_pe as person_id, record2id_pe as related_person_id, record2roleidname as related_role_name
    from raw.sail1661v.cafw_cafcass_relationships_20230622
    where record1id_pe is not null and record2id_pe is not null and record1id_pe <> record2id_pe
    union all
    select record2id_pe, record1id_pe, record1roleidname
    from raw.sail1661v.cafw_cafcass_relationships_20230622
    where record1id_pe is not null and record2id_pe is not null and record1id_pe <> record2id_pe
) as ends
left join (
    select distinct relationship_group, upper(trim(relationship_type_name)) as role_key
    from read_csv('seeds/families/relationship_type_groups.csv', header = true)
    where source_system = 'CAFW'
) as groups on upper(trim(ends.related_role_name)) = groups.role_key
inner join cafw_people on ends.related_person_id = cafw_people.person_id
where
    nullif(trim(ends.related_role_name), '') is not null
    and coalesce(groups.relationship_group, 'extended_family') = 'parent'
    and cafw_people.gender in ('Female', 'Male');

-- ------------------------------------------------------------------ every system: the children mart
-- The rows of child_applications the mart reads, with each system's orders attached as its model does.
create or replace temp table all_child_rows as
select
    'ECMS' as source_system,
    child_rows.person_id,
    child_rows.application_id,
    child_rows.case_id,
    child_rows.application_date,
    child_rows.law_type,
    child_rows.is_subject,
    child_outputs.best_rank,
    child_outputs.final_order_date
from child_rows
left join child_outputs
    on child_rows.person_id = child_outputs.person_id and child_rows.application_id = child_outputs.application_id
union all
-- CMS: the case's orders, for its subject children only.
select
    'CMS',
    cms_child_rows.person_id,
    cms_child_rows.application_id,
    cms_child_rows.case_id,
    cms_child_rows.application_date,
    cms_child_rows.law_type,
    cms_child_rows.is_subject,
    cms_case_orders.best_rank,
    cms_case_orders.final_order_date
from cms_child_rows
left join cms_case_orders
    on cms_child_rows.case_id = cms_case_orders.case_id and cms_child_rows.is_subject = 1
union all
-- CAFW: the application's outcomes, for every child on it.
select
    'CAFW',
    cafw_child_rows.person_id,
    cafw_child_rows.application_id,
    cafw_child_rows.case_id,
    cafw_child_rows.application_date,
    cafw_child_rows.law_type,
    cafw_child_rows.is_subject,
    cafw_application_orders.best_rank,
    cafw_application_orders.final_order_date
from cafw_child_rows
left join cafw_application_orders on cafw_child_rows.application_id = cafw_application_orders.application_id;

create or replace temp table all_attributes as
select 'ECMS' as source_system, * from ecms_attributes
union all
select 'CMS', * from cms_attributes
union all
select 'CAFW', * from cafw_attributes;

-- Steps no later statement reads: dropped to keep the memory of the temporary tables down.
drop table child_rows;
drop table child_outputs;
drop table ecms_attributes;
drop table cms_child_rows;
drop table cms_case_orders;
drop table cms_attributes;
drop table cafw_child_rows;
drop table cafw_application_orders;
drop table cafw_attributes;
drop table cases_raw;
drop table case_law_types;
drop table people;
drop table cms_people;
drop table cafw_people;
drop table cafw_apps;

-- One row per child and application, with the sort key of its latest row (has a date, the date, the id):
-- CAFW application rows are joined as they are, so one application can carry several dates.
create or replace temp table child_applications_distinct as
select
    source_system,
    person_id,
    application_id,
    max(case when application_date is null then 0 else 1 end) as has_application_date,
    max(coalesce(application_date, date '0001-01-01')) as latest_application_date
from all_child_rows
group by all;

-- Mother and father per child and application (macro chosen_parent_ctes, as one arg_min): on the same
-- application, then in the same case, then with a DOB, then the lowest id.
create or replace temp table chosen_parents as
with

parent_links as (
    select 'ECMS' as source_system, child_person_id, parent_person_id, parent_role, has_dob from parents
    union all
    select 'CMS', child_person_id, parent_person_id, parent_role, has_dob from cms_parent_links
    union all
    select 'CAFW', child_person_id, parent_person_id, parent_role, has_dob from cafw_parent_links
),

application_cases as (
    -- Every case id of every raw row of an application: the parent's "same case" is any of them.
    select distinct 'ECMS' as source_system, application_id, case_id from apps_raw
    union all
    select distinct 'CMS', application_id, case_id from cms_apps_raw
    union all
    select distinct 'CAFW', cap_applicationid_pe, cap_incidentid_pe from raw.sail1661v.cafw_cafcass_application_20230622
),

person_applications_all as (
    select 'ECMS' as source_system, person_id, application_id from person_applications
    union all
    select 'CMS', person_id, application_id from cms_roles
    union all
    select 'CAFW', person_id, application_id from cafw_roles
),

person_cases_all as (
    select distinct
        person_applications_all.source_system,
        person_applications_all.person_id,
        application_cases.case_id
    from person_applications_all
    inner join application_cases
        on
            person_applications_all.source_system = application_cases.source_system
            and person_applications_all.application_id = application_cases.application_id
    where application_cases.case_id is not null
)

select
    children.source_system,
    children.person_id,
    children.application_id,
    children.has_application_date,
    children.latest_application_date,
    parent_links.parent_role,
    arg_min(parent_links.parent_person_id, (
        case when same_application.person_id is null then 1 else 0 end,
        case when same_case.person_id is null then 1 else 0 end,
        case when parent_links.has_dob then 0 else 1 end,
        parent_links.parent_person_id
    )) as parent_person_id
from child_applications_distinct as children
inner join parent_links
    on children.source_system = parent_links.source_system and children.person_id = parent_links.child_person_id
left join application_cases as app_cases
    on children.source_system = app_cases.source_system and children.application_id = app_cases.application_id
left join person_applications_all as same_application
    on
        children.source_system = same_application.source_system
        and parent_links.parent_person_id = same_application.person_id
        and children.application_id = same_application.application_id
left join person_cases_all as same_case
    on
        children.source_system = same_case.source_system
        and parent_links.parent_person_id = same_case.person_id
        and app_cases.case_id = same_case.case_id
group by all;

-- The child's mother and father: from the latest application that has one.
create or replace temp table child_parents as
select
    source_system,
    person_id,
    arg_max(parent_person_id, (has_application_date, latest_application_date, application_id))
        filter (where parent_role = 'Mother') as mother_person_id,
    arg_max(parent_person_id, (has_application_date, latest_application_date, application_id))
        filter (where parent_role = 'Father') as father_person_id
from chosen_parents
group by all;

-- One row per child and case, with the law types of its applications in the case: plain counts below
-- instead of count(distinct).
create or replace temp table child_case_laws as
select
    source_system,
    person_id,
    case_id,
    max(case when law_type = 'Public' then 1 else 0 end) as is_public_law,
    max(case when law_type = 'Private' then 1 else 0 end) as is_private_law
from all_child_rows
where case_id is not null
group by all;

create or replace temp table child_cases as
with

case_starts as (
    -- The earliest application of the case, every application of it counted (with or without people).
    select 'ECMS' as source_system, case_id, min(application_date) as case_start_date
    from apps where case_id is not null group by case_id
    union all
    select 'CMS', case_id, min(application_date) from cms_apps where case_id is not null group by case_id
    union all
    select 'CAFW', cap_incidentid_pe, min(cap_issuedate)
    from raw.sail1661v.cafw_cafcass_application_20230622 where cap_incidentid_pe is not null group by cap_incidentid_pe
),

case_closures_all as (
    -- CMS records no closure; CAFW case rows are joined as they are (int_cafw__cases).
    select 'ECMS' as source_system, case_id, case_closed_date from case_closures
    union all
    select 'CAFW', incidentid_pe, cap_closeddate
    from raw.sail1661v.cafw_cafcass_incident_20230622 where incidentid_pe is not null
),

case_final_orders as (
    select source_system, case_id, max(final_order_date) as final_order_date
    from all_child_rows
    where case_id is not null
    group by all
)

select
    child_case_laws.source_system,
    child_case_laws.person_id,
    child_case_laws.case_id,
    case_starts.case_start_date,
    coalesce(case_final_orders.final_order_date, case_closures_all.case_closed_date) as case_end_date
from child_case_laws
left join case_starts
    on child_case_laws.source_system = case_starts.source_system and child_case_laws.case_id = case_starts.case_id
left join case_final_orders
    on
        child_case_laws.source_system = case_final_orders.source_system
        and child_case_laws.case_id = case_final_orders.case_id
left join case_closures_all
    on
        child_case_laws.source_system = case_closures_all.source_system
        and child_case_laws.case_id = case_closures_all.case_id;

-- Steps no later statement reads.
drop table person_applications;
drop table apps_raw;
drop table apps;
drop table case_closures;
drop table cms_roles;
drop table cms_apps_raw;
drop table cms_apps;
drop table cafw_roles;
drop table parents;
drop table cms_parent_links;
drop table cafw_parent_links;
drop table chosen_parents;

create or replace temp table court_returns as
select distinct earlier.source_system, earlier.person_id
from child_cases as earlier
inner join child_cases as later
    on
        earlier.source_system = later.source_system and earlier.person_id = later.person_id
        and earlier.case_id <> later.case_id
where
    later.case_start_date > earlier.case_end_date
    and date_diff('day', earlier.case_end_date, later.case_start_date) <= 730;

-- Steps no later statement reads.
drop table child_cases;

create or replace table children_floor as
with

summarised as (
    select
        source_system,
        person_id,
        min(application_date) as first_application_date,
        max(application_date) as last_application_date,
        min(application_date) filter (where law_type = 'Public') as first_public_date,
        max(is_subject) as ever_subject,
        min(final_order_date) as first_final_order_date,
        min(best_rank) as best_rank,
        -- Final legal outcome: the highest order of the latest application that reached a final order.
        arg_max_null(best_rank, (
            final_order_date,
            case when application_date is null then 0 else 1 end,
            coalesce(application_date, date '0001-01-01'), application_id
        )) filter (where final_order_date is not null) as final_outcome_rank,
        max(final_order_date) as final_legal_outcome_date
    from all_child_rows
    group by source_system, person_id
),

application_counts as (
    select source_system, person_id, count(*) as n_applications
    from child_applications_distinct
    group by all
),

case_counts as (
    select
        source_system,
        person_id,
        count(*) as n_cases,
        sum(is_public_law) as n_public_law_cases,
        sum(is_private_law) as n_private_law_cases
    from child_case_laws
    group by all
),

aged as (
    select
        summarised.*,
        summarised.source_system || '-' || cast(summarised.person_id as varchar(20)) as child_id,
        case when summarised.source_system = 'CAFW' then 'Wales' else 'England' end as country,
        all_attributes.gender,
        all_attributes.date_of_birth,
        all_attributes.ethnicity_name,
        all_attributes.has_disability,
        all_attributes.alf_pe,
        all_attributes.has_usable_alf,
        date_diff('day', all_attributes.date_of_birth, summarised.first_application_date) as age_days,
        case
            when summarised.first_application_date >= all_attributes.date_of_birth
                then year(summarised.first_application_date) - year(all_attributes.date_of_birth)
                - case
                    when month(summarised.first_application_date) * 100 + day(summarised.first_application_date)
                        < month(all_attributes.date_of_birth) * 100 + day(all_attributes.date_of_birth) then 1
                    else 0
                end
        end as age_years,
        date_diff('day', all_attributes.date_of_birth, summarised.first_public_date) as age_public_days
    from summarised
    inner join all_attributes
        on summarised.source_system = all_attributes.source_system and summarised.person_id = all_attributes.person_id
),

usable_alfs as (
    -- Children of any system sharing a usable ALF: the group's key is its lowest child_id (an aggregate and
    -- a join: cheaper than a window over every child).
    select
        alf_pe,
        min(child_id) as linked_child_key
    from aged
    where has_usable_alf = 1 and alf_pe is not null
    group by alf_pe
)

select
    cast(aged.child_id as varchar(25)) as child_id,
    cast(aged.source_system as varchar(4)) as source_system,
    cast(aged.country as varchar(7)) as country,
    aged.person_id,
    aged.alf_pe as alf_pe,
    cast(aged.has_usable_alf as smallint) as has_usable_alf,
    cast(coalesce(usable_alfs.linked_child_key, aged.child_id) as varchar(30)) as linked_child_key,
    cast(aged.gender as varchar(7)) as gender,
    aged.date_of_birth,
    cast(aged.ethnicity_name as varchar(255)) as ethnicity_name,
    cast(aged.has_disability as varchar(7)) as has_disability,
    aged.first_application_date,
    aged.last_application_date,
    cast(aged.age_days as integer) as age_at_first_application_days,
    cast(aged.age_years as integer) as age_at_first_application_years,
    cast(bands.band_name as varchar(40)) as age_band_at_first_application,
    cast(
        case
            when aged.first_public_date is null then 0
            when aged.age_public_days is null then null
            when aged.age_public_days >= 0 and aged.age_public_days < case when aged.country = 'Wales' then 14 else 7 end
                then 1
            else 0
        end as smallint
    ) as is_newborn_at_first_public_law,
    cast(application_counts.n_applications as integer) as n_applications,
    cast(coalesce(case_counts.n_cases, 0) as integer) as n_cases,
    cast(coalesce(case_counts.n_public_law_cases, 0) as integer) as n_public_law_cases,
    cast(coalesce(case_counts.n_private_law_cases, 0) as integer) as n_private_law_cases,
    cast(aged.ever_subject as smallint) as ever_subject,
    child_parents.mother_person_id,
    child_parents.father_person_id,
    cast(order_categories.category as varchar(30)) as highest_order_category_ever,
    aged.first_final_order_date,
    cast(final_categories.category as varchar(30)) as final_legal_outcome,
    aged.final_legal_outcome_date,
    cast(case when court_returns.person_id is null then 0 else 1 end as smallint) as returned_to_court_within_2_years
from aged
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
left join usable_alfs
    on aged.alf_pe = usable_alfs.alf_pe and aged.has_usable_alf = 1
inner join application_counts
    on aged.source_system = application_counts.source_system and aged.person_id = application_counts.person_id
left join case_counts
    on aged.source_system = case_counts.source_system and aged.person_id = case_counts.person_id
left join child_parents
    on aged.source_system = child_parents.source_system and aged.person_id = child_parents.person_id
left join court_returns
    on aged.source_system = court_returns.source_system and aged.person_id = court_returns.person_id;
