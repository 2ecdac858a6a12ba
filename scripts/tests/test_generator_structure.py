"""The synthetic data looks like ECMS: family structure, roles, dates, legal outputs, linkage fields and
the code lists the Stata pipeline depends on (seed-pipeline.md sections 1, 4 and 5)."""

from __future__ import annotations

import pytest

from synth import lookups_ecms as lk
from test_generator_support import Built, build, no_faults


def data() -> Built:
    return build()


def clean() -> Built:
    return build(fault_items=no_faults())


# --- families and cases ---------------------------------------------------------------------------------------

CHILDREN_PER_CASE = """
    select c.LAWTYPE_ID, count(distinct p.PERSON_ID_PE || '/' || c.ID_PE) / count(distinct c.ID_PE)
    from {CASES} c join {APPLICATIONS} a on a.CASE_ID_PE = c.ID_PE
    join {PERSONSONAPPLICATIONS} p on p.APPLICATION_ID_PE = a.ID_PE and p.ISSUBJECT = 'true'
    group by 1 order by 1"""


def test_children_per_case_match_cafcass_ratios() -> None:
    ratios = dict(clean().rows(CHILDREN_PER_CASE))
    assert ratios[lk.PUBLIC] == pytest.approx(1.6, abs=0.1)
    assert ratios[lk.PRIVATE] == pytest.approx(1.5, abs=0.1)


def test_case_volumes_are_half_a_percent_of_england() -> None:
    per_year = dict(
        clean().rows(
            "select LAWTYPE_ID, count(*) / 9.0 from {CASES} where DATERECEIVED between '2014-04-01' and '2023-03-31' group by 1"
        )
    )
    assert 0.005 * 15_000 <= per_year[lk.PUBLIC] <= 0.005 * 21_000
    assert 0.005 * 33_000 <= per_year[lk.PRIVATE] <= 0.005 * 46_000


def test_cases_have_one_to_four_applications_in_date_order() -> None:
    b = clean()
    counts = dict(
        b.rows("select n, count(*) from (select count(*) n from {APPLICATIONS} group by CASE_ID_PE) group by n")
    )
    assert set(counts) == {1, 2, 3, 4}
    assert counts[1] / sum(counts.values()) == pytest.approx(0.82, abs=0.06)
    first = "select CASE_ID_PE, min(DATEOFAPPLICATION) d from {APPLICATIONS} group by 1"
    assert (
        b.one(f"select count(*) from {{CASES}} c join ({first}) f on f.CASE_ID_PE = c.ID_PE where c.DATERECEIVED < f.d")
        == 0
    )


def test_application_dates_are_consistent() -> None:
    b = clean()
    assert (
        b.one(
            "select count(*) from {APPLICATIONS} where DATERECEIVED < DATEOFAPPLICATION or DATENOTIFIED < DATERECEIVED"
        )
        == 0
    )
    assert b.one("select count(*) from {APPLICATIONS} where DATECOMPLETED <= DATEOFAPPLICATION") == 0
    assert b.one("select count(*) from {APPLICATIONS} where greatest(DATERECEIVED, DATECOMPLETED) >= '2024-01-11'") == 0
    open_share = b.one("select avg((DATECOMPLETED is null)::int) from {APPLICATIONS}")
    assert 0.02 < open_share < 0.15
    recent = b.one(
        "select avg((DATECOMPLETED is null)::int) from {APPLICATIONS} where DATEOFAPPLICATION >= '2023-10-01'"
    )
    assert recent > 0.6  # open applications are the recent ones


@pytest.mark.parametrize(("types", "low", "high"), [((1,), 25, 45), ((20,), 15, 30)], ids=["s31 care", "private CAO"])
def test_median_durations_in_weeks(types: tuple[int, ...], low: float, high: float) -> None:
    weeks = clean().one(
        "select median(datediff('day', DATEOFAPPLICATION, DATECOMPLETED)) / 7 from {APPLICATIONS}"
        f" where APPLICATIONTYPE1_ID in ({', '.join(map(str, types))}) and DATEOFAPPLICATION < '2022-01-01'"
    )
    assert low <= weeks <= high


def test_s31_is_about_seventy_percent_of_public_law_cases() -> None:
    share = clean().one(
        "select avg((a.APPLICATIONTYPE1_ID in (1, 2))::int) from {APPLICATIONS} a join {CASES} c on c.ID_PE = a.CASE_ID_PE"
        " where c.LAWTYPE_ID = 1 and a.DATEOFAPPLICATION ="
        " (select min(DATEOFAPPLICATION) from {APPLICATIONS} x where x.CASE_ID_PE = a.CASE_ID_PE)"
    )
    assert share == pytest.approx(0.70, abs=0.05)


def test_case_status_matches_closure_and_reopening() -> None:
    rows = dict(
        (
            (s, (n, closed, reopened))
            for s, n, closed, reopened in clean().rows(
                "select CASESTATU_ID, count(*), count(CLOSUREDATE), count(REOPENDATE) from {CASES} group by 1"
            )
        )
    )
    assert rows[lk.CASE_OPEN][1] == 0
    assert rows[lk.CASE_CLOSED][0] == rows[lk.CASE_CLOSED][1]
    assert rows[lk.CASE_REOPENED][0] == rows[lk.CASE_REOPENED][2] > 0
    assert rows[lk.CASE_CLOSED][2] > 0  # re-opened and closed again


def test_some_children_return_in_a_later_case() -> None:
    b = clean()
    shares = b.one(
        "select avg((n > 1)::int) from (select p.PERSON_ID_PE, count(distinct a.CASE_ID_PE) n from {PERSONSONAPPLICATIONS} p"
        " join {APPLICATIONS} a on a.ID_PE = p.APPLICATION_ID_PE where p.ISSUBJECT = 'true' group by 1)"
    )
    assert 0.03 < shares < 0.2


# --- people, roles, relationships -----------------------------------------------------------------------------

AGE = "datediff('day', pe.WEEKOFBIRTH, a.DATEOFAPPLICATION) / 365.25"
SUBJECT_AGES = f"""
    select c.LAWTYPE_ID, {AGE} age from {{PERSONSONAPPLICATIONS}} p
    join {{APPLICATIONS}} a on a.ID_PE = p.APPLICATION_ID_PE join {{CASES}} c on c.ID_PE = a.CASE_ID_PE
    join {{PEOPLE}} pe on pe.ID_PE = p.PERSON_ID_PE where p.ISSUBJECT = 'true'"""


def test_public_law_has_many_babies_and_some_unborn_children() -> None:
    b = clean()
    unborn, infant, median = b.rows(
        f"select avg((age < 0)::int), avg((age < 1)::int), median(age) from ({SUBJECT_AGES}) where LAWTYPE_ID = 1"
    )[0]
    assert 0.005 < unborn < 0.06
    assert 0.15 < infant < 0.35
    assert 3 < median < 8


def test_private_law_children_are_mostly_two_to_twelve() -> None:
    share = clean().one(f"select avg((age between 2 and 13)::int) from ({SUBJECT_AGES}) where LAWTYPE_ID = 2")
    assert share > 0.7


def test_roles_by_law_type() -> None:
    b = clean()
    roles = ", ".join(
        f"sum(({flag} = 'true')::int)" for flag in ("ISSUBJECT", "ISRESPONDENT", "ISAPPLICANT", "ISOTHER")
    )
    per_law = {
        law: (s, r, a, o)
        for law, s, r, a, o in b.rows(
            f"select c.LAWTYPE_ID, {roles} from {{PERSONSONAPPLICATIONS}} p join {{APPLICATIONS}} x on x.ID_PE = p.APPLICATION_ID_PE"
            " join {CASES} c on c.ID_PE = x.CASE_ID_PE group by 1"
        )
    }
    s, r, a, o = per_law[lk.PUBLIC]
    assert a < 0.1 * r  # the local authority applies; parents respond
    s, r, a, o = per_law[lk.PRIVATE]
    assert 0.7 < a / r < 1.3  # one parent against the other
    one_role = b.one(
        "select count(*) from {PERSONSONAPPLICATIONS} where (ISSUBJECT = 'true')::int + (ISRESPONDENT = 'true')::int"
        " + (ISAPPLICANT = 'true')::int + (ISOTHER = 'true')::int <> 1"
    )
    assert one_role == 0
    party = dict(
        b.rows(
            "select c.LAWTYPE_ID, avg((ISSUBJECTPARTY = 'true')::int) from {PERSONSONAPPLICATIONS} p"
            " join {APPLICATIONS} x on x.ID_PE = p.APPLICATION_ID_PE"
            " join {CASES} c on c.ID_PE = x.CASE_ID_PE where ISSUBJECT = 'true' group by 1"
        )
    )
    assert party[lk.PUBLIC] > 0.9 and party[lk.PRIVATE] < 0.1


def test_under_18s_who_are_not_subjects_are_on_applications() -> None:
    b = clean()
    n = b.one(
        f"select count(*) from {{PERSONSONAPPLICATIONS}} p join {{APPLICATIONS}} a on a.ID_PE = p.APPLICATION_ID_PE"
        f" join {{PEOPLE}} pe on pe.ID_PE = p.PERSON_ID_PE where p.ISSUBJECT = 'false' and {AGE} < 18"
    )
    teen_parents = b.one(
        f"select count(*) from {{PERSONSONAPPLICATIONS}} p join {{APPLICATIONS}} a on a.ID_PE = p.APPLICATION_ID_PE"
        f" join {{PEOPLE}} pe on pe.ID_PE = p.PERSON_ID_PE where p.ISRESPONDENT = 'true' and {AGE} < 18"
    )
    assert n > 50 and teen_parents > 0


def test_relationships_come_in_both_directions_with_inverse_types() -> None:
    b = data()
    one_way = b.one(
        "select count(*) from {PERSONRELATIONSHIPS} r where not exists (select 1 from {PERSONRELATIONSHIPS} s"
        " where s.PERSON_ID_PE = r.RELATEDPERSON_ID_PE and s.RELATEDPERSON_ID_PE = r.PERSON_ID_PE)"
    )
    assert one_way == 0
    wrong_inverse = b.one(
        "select count(*) from {PERSONRELATIONSHIPS} r join {PERSONRELATIONSHIPS} s"
        " on s.PERSON_ID_PE = r.RELATEDPERSON_ID_PE and s.RELATEDPERSON_ID_PE = r.PERSON_ID_PE"
        " where r.RELATIONSHIPTYPE_ID = 1 and s.RELATIONSHIPTYPE_ID <> 9"
    )
    assert wrong_inverse == 0


def test_mothers_fathers_siblings_and_extended_family_are_recorded() -> None:
    b = clean()
    by_type = dict(b.rows("select RELATIONSHIPTYPE_ID, count(*) from {PERSONRELATIONSHIPS} group by 1"))
    for code in (1, 9, 14, 24, 34, 35, 40, 41, 51, 52, 2, 3):
        assert by_type.get(code, 0) > 0, code
    parents = dict(
        b.rows(
            "select pe.GENDER, count(*) from {PERSONRELATIONSHIPS} r join {PEOPLE} pe on pe.ID_PE = r.RELATEDPERSON_ID_PE"
            " where r.RELATIONSHIPTYPE_ID = 1 and r.RELATIONSHIPFEMALE = 'Mother' and r.RELATIONSHIPMALE = 'Father' group by 1"
        )
    )
    assert parents["Female"] > parents["Male"] > 0.6 * parents["Female"]
    sibling_genders = b.one(
        "select count(*) from {PERSONRELATIONSHIPS} r join {PEOPLE} pe on pe.ID_PE = r.RELATEDPERSON_ID_PE"
        " where (r.RELATIONSHIPTYPE_ID in (34, 40, 51) and pe.GENDER = 'Female')"
        " or (r.RELATIONSHIPTYPE_ID in (35, 41, 52) and pe.GENDER = 'Male')"
    )
    assert sibling_genders == 0
    two_parents_at_most = b.one(
        "select max(n) from (select count(*) filter (where pe.GENDER = 'Female') n from {PERSONRELATIONSHIPS} r"
        " join {PEOPLE} pe on pe.ID_PE = r.RELATEDPERSON_ID_PE where r.RELATIONSHIPTYPE_ID = 1 group by r.PERSON_ID_PE)"
    )
    assert two_parents_at_most == 1


def test_people_have_gender_text_and_linkage_fields() -> None:
    b = data()
    genders = dict(b.rows("select coalesce(GENDER, 'NULL'), count(*) from {PEOPLE} group by 1"))
    assert set(genders) == {"Female", "Male", "Unknown", "NULL"}
    assert (genders["Unknown"] + genders["NULL"]) / sum(genders.values()) < 0.03
    statuses = {r[0] for r in b.rows("select distinct ALF_STS_CD from {PEOPLE}")}
    assert statuses == {1, 4, 39, 35, 99}
    assert b.one("select count(*) from {PEOPLE} where (ALF_PE is null) <> (ALF_STS_CD = 99)") == 0
    assert b.one("select avg((ALF_PE is not null)::int) from {PEOPLE}") == pytest.approx(0.8, abs=0.05)
    assert b.one("select count(*) from {PEOPLE} where ALF_MTCH_PCT < 0 or ALF_MTCH_PCT > 1") == 0
    assert b.one("select count(*) from {PEOPLE} where ALF_STS_CD = 39 and ALF_MTCH_PCT < 0.9") == 0
    assert (
        b.one(
            "select count(*) from {PEOPLE} where isodow(WEEKOFBIRTH) <> 1 and year(WEEKOFBIRTH) between 1900 and 2099"
        )
        == 0
    )


def test_characteristics_are_long_with_sources() -> None:
    b = clean()
    codes = {
        "ETHNICITIES": "ETHNICITYTYPE_ID",
        "RELIGIONS": "RELIGIONTYPE_ID",
        "NATIONALITIES": "NATIONALITYTYPE_ID",
        "LANGUAGES": "LANGUAGETYPE_ID",
        "DISABILITIES": "DISABILITYTYPE_ID",
    }
    for table, code in codes.items():
        rows_per_person = dict(
            b.rows(f"select n, count(*) from (select count(*) n from {{{table}}} group by PERSON_ID_PE) group by 1")
        )
        assert rows_per_person[1] > rows_per_person[2] > 0, table
        covered = b.one(f"select count(distinct PERSON_ID_PE) from {{{table}}}") / b.one(
            "select count(*) from {PEOPLE}"
        )
        assert 0.5 < covered < 0.95, table
        same_twice = f"select 1 from {{{table}}} group by PERSON_ID_PE, SOURCE_ID, {code} having count(*) > 1"
        assert b.one(f"select count(*) from ({same_twice})") == 0, table  # a second row is another source or value
    disabled = b.one("select avg((DISABILITYTYPE_ID <> 19)::int) from {DISABILITIES}")
    assert 0.05 < disabled < 0.3


# --- legal outputs --------------------------------------------------------------------------------------------

CHILD_APPS = f"""
    select distinct p.PERSON_ID_PE, p.APPLICATION_ID_PE, p.ISSUBJECT = 'true' subject, a.DATECOMPLETED is null open
    from {{PERSONSONAPPLICATIONS}} p join {{APPLICATIONS}} a on a.ID_PE = p.APPLICATION_ID_PE
    join {{PEOPLE}} pe on pe.ID_PE = p.PERSON_ID_PE where {AGE} < 18"""


def test_legal_outputs_per_child_per_application() -> None:
    b = clean()
    none = b.rows(
        f"select subject, open, avg((l.PERSON_ID_PE is null)::int), count(*) from ({CHILD_APPS}) c"
        " left join (select distinct PERSON_ID_PE, APPLICATION_ID_PE from {LEGALOUTPUTS}) l using (PERSON_ID_PE, APPLICATION_ID_PE)"
        " group by rollup(subject, open)"
    )
    share = {(s, o): v for s, o, v, _ in none}
    assert share[(True, False)] < 0.01  # completed subjects almost always have an order
    assert share[(True, True)] > 0.2  # open applications often have none yet
    assert share[(False, None)] > 0.8  # under-18s who are not subjects rarely get outputs
    assert 0.04 < share[(None, None)] < 0.12  # seed-pipeline: ~8 %
    per_child = b.one("select count(*) / count(distinct PERSON_ID_PE || '/' || APPLICATION_ID_PE) from {LEGALOUTPUTS}")
    assert 1.5 < per_child < 5


def test_legal_outputs_are_dated_within_the_application() -> None:
    b = clean()
    outside = b.one(
        "select count(*) from {LEGALOUTPUTS} l join {APPLICATIONS} a on a.ID_PE = l.APPLICATION_ID_PE"
        " where l.DATEORDERED < a.DATEOFAPPLICATION or l.DATEORDERED > coalesce(a.DATECOMPLETED, '2024-01-10'::date)"
    )
    assert outside == 0


def test_public_law_interim_then_final_and_private_law_pathway() -> None:
    b = clean()
    names = dict(
        b.rows(
            "select t.NAME, count(*) from {LEGALOUTPUTS} l join {ECMS_LEGALOUTPUTTYPES} t on t.ID = l.LEGALOUTPUTTYPE_ID group by 1"
        )
    )
    for name in (
        "Interim Care Order",
        "Care Order",
        "Special Guardianship Order",
        "Placement Order",
        lk.RULE_16_4,
        "S.7 Report ordered",
        "MIAM attended",
        "Child Arrangements Order (spends time with)",
        "DR at FHDRA \u2013 full agreement \u2013 final order",
        "Referred to LA \u2013 SPH",
    ):
        assert names.get(name, 0) > 0, name
    ico_after_care = b.one(
        "select count(*) from {LEGALOUTPUTS} i join {LEGALOUTPUTS} f using (PERSON_ID_PE, APPLICATION_ID_PE)"
        f" where i.LEGALOUTPUTTYPE_ID = {lk.LEGAL_OUTPUT_ID['Interim Care Order']}"
        f" and f.LEGALOUTPUTTYPE_ID = {lk.LEGAL_OUTPUT_ID['Care Order']}"
        " and i.DATEORDERED > f.DATEORDERED"
    )
    assert ico_after_care == 0
    r164 = b.one(
        f"select bool_and(ISFPR164 = 'true') from {{LEGALOUTPUTS}} where LEGALOUTPUTTYPE_ID = {lk.LEGAL_OUTPUT_ID[lk.RULE_16_4]}"
    )
    assert r164


# --- code lists (seed-pipeline section 4) ---------------------------------------------------------------------


def names_by_id(b: Built, lookup: str) -> dict[int, str]:
    label = {
        "ECMS_LAWTYPES": "CAPTION",
        "ECMS_COURTFORMS": "FORMNAME",
        "ECMS_COURTCOURTLEVELREFS": "COURTFULLNAME",
    }.get(lookup, "NAME")
    return dict(b.rows(f"select ID, {label} from {{{lookup}}} order by ID"))


def test_special_characteristic_codes() -> None:
    b = data()
    eth = names_by_id(b, "ECMS_ETHNICITYTYPES")
    assert eth[19] == "Prefer not to say" and eth[22] == "Unknown" and max(eth) == 22
    rel = names_by_id(b, "ECMS_RELIGIONTYPES")
    assert rel[24] == "Unknown" and "prefer not" in rel[23].lower()
    nat = names_by_id(b, "ECMS_NATIONALITYTYPES")
    assert "refused" in nat[229].lower() and nat[230] == "Unknown" and len(nat) > 200
    lang = names_by_id(b, "ECMS_LANGUAGETYPES")
    assert lang[814] == "Refused" and lang[815] == "Unknown" and max(lang) == 815 and len(lang) > 100


def test_disability_types_and_the_twentieth_row() -> None:
    dis = names_by_id(data(), "ECMS_DISABILITYTYPES")
    assert len(dis) == 22 == len(set(dis.values()))
    assert dis[19] == "None"
    assert {dis[12], dis[20], dis[23]} == {"Declined to specify", "Prefer Not to Say", "Unknown"}
    twentieth = list(dis.values())[19]
    assert twentieth.replace("\u2019", "'") == "Down's Syndrome" and not twentieth.isascii()
    flags = {name[:30] for name in dis.values()} - {"Declined to specify", "Prefer Not to Say", "Unknown", "None"}
    assert {"Learning Difficulties (e.g. Dy", "Wheelchair/Mobility Difficulti", "Need Personal Care Support"} <= flags
    assert len(flags) == 18


def test_legal_output_names_the_stata_code_overwrites() -> None:
    names = list(names_by_id(data(), "ECMS_LEGALOUTPUTTYPES").values())
    assert len(names) >= 115
    by_bytes = sorted(names, key=lambda n: n.encode("utf-8"))
    ascii_versions = [
        "DR at FHDRA full agreement final order",
        "DR at FHDRA no agreement Cafcass further work",
        "DR at FHDRA partial agreement signpost to SPIP",
        "Referred to LA - SPH",
        "Referred to PSU - SPH",
    ]
    for position, ascii_name in zip(lk.ASCII_OVERWRITE_POSITIONS, ascii_versions):
        name = by_bytes[position - 1]
        assert not name.isascii()
        assert " ".join(name.replace("\u2013", "-").replace(" - ", " ").split()) == ascii_name.replace(" - ", " ")


def test_relationship_types_are_gendered_with_inverses() -> None:
    b = data()
    rows = {
        r[0]: r[1:]
        for r in b.rows(
            "select ID, NAME, RELATIONSHIPMALE, RELATIONSHIPFEMALE, INVERSEREF from {ECMS_RELATIONSHIPTYPES}"
        )
    }
    assert rows[1] == ("Parent", "Father", "Mother", 9)
    assert rows[9][3] == 1 and rows[14][3] == 14 and 24 in rows
    for code in (34, 35, 40, 41, 51, 52):
        assert code in rows


def test_courts_areas_circuits_and_local_authorities() -> None:
    b = data()
    circuits = set(names_by_id(b, "ECMS_CIRCUITREFS").values())
    assert {"Midland", "North Eastern", "Northern", "South Eastern", "Western"} <= circuits and "Wales" not in circuits
    las = names_by_id(b, "ECMS_LOCALAUTHORITIES")
    assert len(las) == 152 and {"Birmingham", "Kent", "Tower Hamlets", "Cornwall"} <= set(las.values())
    assert set(names_by_id(b, "ECMS_LAWTYPES").values()) >= {"Public Law", "Private Law"}
    assert {"C100", "C110A", "C1", "C2"} <= set(names_by_id(b, "ECMS_COURTFORMS").values())
    levels = set(names_by_id(b, "ECMS_COURTLEVELREFS").values())
    assert {"Family Court", "High Court (Family Division)"} <= levels
    las_used = b.one("select count(distinct LOCALAUTHORITY_ID) from {CASES}")
    assert las_used > 120
