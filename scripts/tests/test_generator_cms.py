"""The CMS part of the synthetic generator (England 2007-2014): table contract, determinism, shape,
foreign keys, each cms_* fault at its rate, and the CMS -> ECMS ALF linkage."""

from __future__ import annotations

from typing import Any

import pytest

from synth import cms_faults, lookups_cms as lk
from synth.schema import CMS_DATA_TABLES, CMS_LOOKUPS, CMS_TABLES, DATA_SCHEMA_KIND, Table
from test_generator_support import TEST_SEED, Built, build, cli_build, no_faults

CMS_CLEAN = tuple((f.name, 0.0) for f in cms_faults.CMS_FAULTS if f.name != "cms_children_in_ecms")


def t(b: Built, table: str) -> str:
    spec = next(x for x in CMS_TABLES if x.name == table)
    schema = b.summary["data_schema"] if spec.kind == DATA_SCHEMA_KIND else b.summary["ref_schema"]
    return f'"{schema}"."{spec.physical_name(b.summary["cms_refresh_date"])}"'


def q(b: Built, sql: str) -> list[tuple[Any, ...]]:
    """SQL with {TBLPERSON}, {CMS_TLKPCOURT}... replaced by physical names ({ECMS_PEOPLE} for ECMS people)."""
    names = {x.name.removeprefix("CAFE_CMS_"): t(b, x.name) for x in CMS_TABLES}
    names["ECMS_PEOPLE"] = b.t("CAFE_ECMS_PEOPLE")
    return b.con().execute(sql.format(**names)).fetchall()


def one(b: Built, sql: str) -> Any:
    return q(b, sql)[0][0]


def default() -> Built:
    return build()


def clean() -> Built:
    """Every fault off, ECMS's and CMS's (the linkage share stays at its default)."""
    return build(fault_items=no_faults() + CMS_CLEAN)


def truth(b: Built, fault: str) -> dict[str, int]:
    return b.summary["cms"]["faults_injected"][fault]


# --- contract ---------------------------------------------------------------------------------------------------


def _duckdb_type(sql_type: str) -> str:
    return "VARCHAR" if sql_type.startswith("VARCHAR") else sql_type


@pytest.mark.parametrize("table", CMS_TABLES, ids=lambda x: x.name)
def test_every_cms_table_has_its_columns_and_types(table: Table) -> None:
    b = default()
    schema = b.summary["data_schema"] if table.kind == DATA_SCHEMA_KIND else b.summary["ref_schema"]
    cols = b.rows(
        "select column_name, data_type from information_schema.columns"
        f" where table_schema = '{schema}' and table_name = '{table.physical_name('20191220')}' order by ordinal_position"
    )
    assert cols == [(c, _duckdb_type(s)) for c, s in table.columns]
    assert one(b, f"select count(*) from {{{table.name.removeprefix('CAFE_CMS_')}}}") > 0


def test_names_refresh_date_and_undated_application_type_lookup() -> None:
    assert len(CMS_DATA_TABLES) == 6 and len(CMS_LOOKUPS) == 16
    assert [x.name for x in CMS_LOOKUPS if not x.dated] == ["CMS_TLKPCASEAPPLICATIONTYPE"]
    b = cli_build("--preset", "small", "--scale", "0.2", "--cms-refresh-date", "20200131", "--project", "4321")
    names = {n.split(".")[1] for n in b.summary["row_counts"] if "CMS_" in n}
    assert "CAFE_CMS_TBLPERSON_20200131" in names and "CMS_TLKPCASEAPPLICATIONTYPE" in names
    assert "CMS_TLKPCOURT_20200131" in names and not any(n.endswith("_20191220") for n in names)
    assert b.summary["cms_refresh_date"] == "20200131"
    assert "SAIL4321V.CAFE_CMS_TBLCASE_20200131" in b.summary["row_counts"]
    assert one(b, "select min(AVAIL_FROM_DT) = max(AVAIL_FROM_DT) and min(AVAIL_FROM_DT) = date '2020-01-31' from {TBLCASE}")


def test_cli_rejects_a_bad_cms_refresh_date(tmp_path: Any) -> None:
    from test_generator_support import run_cli

    result = run_cli("--cms-refresh-date", "2019-12-20", "--out", str(tmp_path / "x.duckdb"))
    assert result.returncode == 2 and "--cms-refresh-date must be YYYYMMDD" in result.stderr


def _fingerprint(b: Built) -> dict[str, int]:
    return {x.name: int(one(b, f"select coalesce(sum(hash(r)), 0) from {t(b, x.name)} r")) for x in CMS_DATA_TABLES}


def test_same_seed_same_tables_other_seed_other_tables() -> None:
    first = _fingerprint(build(seed=TEST_SEED, scale=0.5))
    assert _fingerprint(build(seed=TEST_SEED, scale=0.5, fault_items=(("two_mothers", 0.005),))) == first
    other = _fingerprint(build(seed=TEST_SEED + 1, scale=0.5))
    assert all(first[k] != other[k] for k in first)


# --- shape ------------------------------------------------------------------------------------------------------


def test_volumes_dates_and_children_per_case() -> None:
    b = clean()
    years = dict(q(b, "select year(DATEOFAPPLICATION), count(*) from {TBLCASEAPPLICATION} group by 1"))
    assert min(years) == 2007 and max(years) == 2014
    assert one(b, "select min(DATEOFAPPLICATION) >= date '2007-04-01' from {TBLCASEAPPLICATION}")
    # data-resource.md 4: ~1.6 children per public-law case, ~1.5 per private-law case
    per_case = dict(
        q(
            b,
            "select c.LAWTYPEREF, count(distinct a.CASEREF_PE || '-' || m.MEMBERREF_PE) / count(distinct a.CASEREF_PE)"
            " from {TBLCASEAPPLICATIONMEMBER} m join {TBLCASEAPPLICATION} a on a.CASEAPPLICATIONID_PE = m.CASEAPPLICATIONREF_PE"
            " join {TBLCASE} c on c.CASEID_PE = a.CASEREF_PE where m.MEMBERTYPE = 4 group by 1",
        )
    )
    assert 1.5 <= per_case[lk.PUBLIC] <= 1.75 and 1.4 <= per_case[lk.PRIVATE] <= 1.65
    cases = one(b, "select count(*) from {TBLCASE}")
    assert 0.005 * 360_000 <= cases <= 0.005 * 420_000
    assert one(b, "select count(*) from {TBLCASE} where LAWTYPEREF = 1") / cases == pytest.approx(0.23, abs=0.04)
    # every application type belongs to its case's law type (s31 applications only in public-law cases)
    mismatched = one(
        b,
        "select count(*) from {TBLCASEAPPLICATION} a join {TBLCASE} c on c.CASEID_PE = a.CASEREF_PE"
        " join {CMS_TLKPCASEAPPLICATIONTYPE} t on t.CASEAPPLICATIONTYPEID = a.CASEAPPLICATIONTYPEREF"
        " where t.LAWTYPES <> c.LAWTYPEREF",
    )
    assert mismatched == 0


def test_member_types_relationships_and_legal_outputs() -> None:
    b = default()
    types = {r[0] for r in q(b, "select distinct MEMBERTYPE from {TBLCASEAPPLICATIONMEMBER}")}
    assert types == {1, 2, 4, 8, 16}
    assert one(b, "select count(*) from {TBLCASEAPPLICATIONMEMBER} where (MEMBERTYPE = 16) <> (CONVERTEDTYPE is not null)") == 0
    converted = {r[0] for r in q(b, "select distinct CONVERTEDTYPE from {TBLCASEAPPLICATIONMEMBER} where MEMBERTYPE = 16")}
    assert converted == {"Adult Applicant", "Adult Respondent", "Adult"}
    # relationships run from a subject child to an adult; 1 = parent dominates; others occur
    rels = dict(q(b, "select RELATIONSHIPREF, count(*) from {TBLCRSPERSONRELATIONSHIP} group by 1"))
    assert rels[lk.REL_PARENT] > 0.6 * sum(rels.values()) and {2, 3, 4} <= set(rels)
    not_subject = one(
        b,
        "select count(*) from {TBLCRSPERSONRELATIONSHIP} where CHILDREF_PE not in"
        " (select MEMBERREF_PE from {TBLCASEAPPLICATIONMEMBER} where MEMBERTYPE = 4)",
    )
    assert not_subject == 0
    finals = dict(q(b, "select ISFINAL, count(*) from {TBLLEGALOUTPUT} group by 1"))
    assert set(finals) == {"true", "false"}
    # legal outputs are per case: most cases with a completed application have a final output
    share = one(
        b,
        "select avg(case when c in (select CASEREF_PE from {TBLLEGALOUTPUT} where ISFINAL = 'true') then 1.0 else 0 end)"
        " from (select distinct CASEREF_PE c from {TBLCASEAPPLICATION} where DATECOMPLETED is not null)",
    )
    assert 0.85 <= share <= 0.97
    names = {r[0] for r in q(b, "select LEGALOUTPUTTYPE from {TBLLEGALOUTPUT} join {CMS_TLKPLEGALOUTPUTTYPE} on LEGALOUTPUTTYPEID = LEGALOUTPUTTYPEREF")}
    assert {"Rule16.4", "S.7 Report", "MIAM", "Care Order", "Residence Order", "Contact Order"} <= names


# --- foreign keys -----------------------------------------------------------------------------------------------

FOREIGN_KEYS = (
    ("TBLCASEAPPLICATION", "CASEREF_PE", "TBLCASE", "CASEID_PE"),
    ("TBLCASEAPPLICATION", "CASEAPPLICATIONTYPEREF", "CMS_TLKPCASEAPPLICATIONTYPE", "CASEAPPLICATIONTYPEID"),
    ("TBLCASEAPPLICATION", "COURTREF", "CMS_TLKPCOURT", "COURTID"),
    ("TBLCASEAPPLICATIONMEMBER", "CASEAPPLICATIONREF_PE", "TBLCASEAPPLICATION", "CASEAPPLICATIONID_PE"),
    ("TBLCASEAPPLICATIONMEMBER", "MEMBERREF_PE", "TBLPERSON", "PERSONID_PE"),
    ("TBLCRSPERSONRELATIONSHIP", "CHILDREF_PE", "TBLPERSON", "PERSONID_PE"),
    ("TBLCRSPERSONRELATIONSHIP", "PARENTREF_PE", "TBLPERSON", "PERSONID_PE"),
    ("TBLCRSPERSONRELATIONSHIP", "RELATIONSHIPREF", "CMS_TLKPCRSRELATIONSHIP", "CRSRELATIONSHIPID"),
    ("TBLLEGALOUTPUT", "CASEREF_PE", "TBLCASE", "CASEID_PE"),
    ("TBLLEGALOUTPUT", "LEGALOUTPUTTYPEREF", "CMS_TLKPLEGALOUTPUTTYPE", "LEGALOUTPUTTYPEID"),
    ("TBLPERSON", "ETHNICREF", "CMS_TLKPETHNICORIGIN", "ITEMID"),
    ("TBLPERSON", "RELIGIONREF", "CMS_TLKPRELIGION", "ITEMID"),
    ("TBLPERSON", "FIRSTLANGUAGEREF", "CMS_TLKPLANGUAGE", "ITEMID"),
    ("TBLPERSON", "DISABILITYREF", "CMS_TLKPDISABILITY", "DISABILITYID"),
    ("TBLCASE", "CASESTATUSREF", "CMS_TLKPCASESTATUS", "ITEMID"),
    ("TBLCASE", "LOCALAUTHORITYREF", "CMS_TLKPLOCALAUTHORITY", "LOCALAUTHORITYID"),
    ("TBLCASE", "REGIONREF", "CMS_TLKPREGION", "REGIONID"),
    ("TBLCASE", "LAWTYPEREF", "CMS_TLKPLAWTYPE", "ITEMID"),
    ("CMS_TLKPCASEAPPLICATIONTYPE", "LAWTYPES", "CMS_TLKPLAWTYPE", "ITEMID"),
    ("CMS_TLKPCOURT", "COURTLEVELREF", "CMS_TLKPCOURTLEVEL", "ITEMID"),
    ("CMS_TLKPCOURT", "CIRCUITREF", "CMS_TLKPCIRCUIT", "ITEMID"),
    ("CMS_TLKPCOURT", "DFJAREAREF", "CMS_TLKPDFJAREA", "ITEMID"),
    ("CMS_TLKPLEGALOUTPUTTYPE", "LEGALOUTPUTCLASSREF", "CMS_TLKPLEGALOUTPUTCLASS", "LEGALOUTPUTCLASSID"),
)


def _orphans(b: Built, child: str, col: str, parent: str, key: str) -> int:
    return one(b, f"select count(distinct {col}) from {{{child}}} where {col} is not null and {col} not in (select {key} from {{{parent}}})")


@pytest.mark.parametrize("fk", FOREIGN_KEYS, ids=lambda fk: f"{fk[0]}.{fk[1]}")
def test_foreign_keys_hold_in_clean_data(fk: tuple[str, str, str, str]) -> None:
    assert _orphans(clean(), *fk) == 0


def test_foreign_keys_break_only_where_a_fault_breaks_them() -> None:
    b = default()
    for fk in FOREIGN_KEYS:
        found = _orphans(b, *fk)
        if fk[:2] == ("TBLCASEAPPLICATIONMEMBER", "MEMBERREF_PE"):
            assert found == truth(b, "cms_persons_missing_from_people")["persons"] > 0
        elif fk[:2] == ("TBLCRSPERSONRELATIONSHIP", "PARENTREF_PE"):
            # parents gone on purpose, plus adults removed as application members
            assert found >= truth(b, "cms_parents_missing_from_people")["parents"] > 0
        elif fk[:2] == ("TBLCRSPERSONRELATIONSHIP", "CHILDREF_PE"):
            assert found <= truth(b, "cms_persons_missing_from_people")["persons"]
        else:
            assert found == 0, fk


def test_keys_are_unique_in_clean_data() -> None:
    b = clean()
    for table, key in (
        ("TBLCASEAPPLICATION", "CASEAPPLICATIONID_PE"),
        ("TBLPERSON", "PERSONID_PE"),
        ("TBLCASEAPPLICATIONMEMBER", "CASEAPPLICATIONMEMBERID_PE"),
        ("TBLCRSPERSONRELATIONSHIP", "PERSONRELATIONSHIPID_PE"),
        ("TBLLEGALOUTPUT", "LEGALOUTPUTID_PE"),
        ("TBLCASE", "CASEID_PE"),
    ):
        assert one(b, f"select count(*) - count(distinct {key}) from {{{table}}}") == 0, table
    assert one(b, "select count(*) - count(distinct (PARENTREF_PE, CHILDREF_PE)) from {TBLCRSPERSONRELATIONSHIP}") == 0
    assert one(b, "select count(*) - count(distinct (CASEAPPLICATIONREF_PE, MEMBERREF_PE)) from {TBLCASEAPPLICATIONMEMBER}") == 0


# --- faults -----------------------------------------------------------------------------------------------------


def measure(b: Built) -> dict[str, dict[str, int]]:
    m: dict[str, dict[str, int]] = {}
    m["cms_converted_member_type"] = {
        "rows": one(b, "select count(distinct CASEAPPLICATIONMEMBERID_PE) from {TBLCASEAPPLICATIONMEMBER} where MEMBERTYPE = 16")
    }
    m["cms_person_twice_on_application"] = {
        "person_applications": one(
            b,
            "select count(*) from (select 1 from {TBLCASEAPPLICATIONMEMBER} group by CASEAPPLICATIONREF_PE, MEMBERREF_PE"
            " having count(distinct CASEAPPLICATIONMEMBERID_PE) > 1)",
        )
    }
    m["cms_conflicting_relationship"] = {
        "pairs": one(
            b,
            "select count(*) from (select 1 from {TBLCRSPERSONRELATIONSHIP} group by PARENTREF_PE, CHILDREF_PE"
            " having count(distinct RELATIONSHIPREF) > 1)",
        )
    }
    m["cms_mistyped_birth_century"] = {
        "people": one(b, "select count(distinct PERSONID_PE) from {TBLPERSON} where year(WEEKOFBIRTH) < 1900 or year(WEEKOFBIRTH) >= 2100")
    }
    ids = {"TBLCASEAPPLICATION": "CASEAPPLICATIONID_PE", "TBLPERSON": "PERSONID_PE", "TBLLEGALOUTPUT": "LEGALOUTPUTID_PE"}
    m["cms_missing_dates"] = {
        f"{table}.{col}": one(
            b, f"select count(distinct {ids[table.removeprefix('CAFE_CMS_')]}) from {{{table.removeprefix('CAFE_CMS_')}}} where {col} is null"
        )
        for table, col in cms_faults.DATE_COLUMNS
    }
    m["cms_persons_missing_from_people"] = {
        "persons": one(b, "select count(distinct MEMBERREF_PE) from {TBLCASEAPPLICATIONMEMBER} where MEMBERREF_PE not in (select PERSONID_PE from {TBLPERSON})")
    }
    m["cms_parents_missing_from_people"] = {
        "parents": one(
            b,
            "select count(distinct PARENTREF_PE) from {TBLCRSPERSONRELATIONSHIP} where PARENTREF_PE not in (select PERSONID_PE from {TBLPERSON})"
            " and PARENTREF_PE not in (select MEMBERREF_PE from {TBLCASEAPPLICATIONMEMBER})",
        )
    }
    m["cms_exact_duplicate_rows"] = {
        name: one(b, f"select (select count(*) from {{{name.removeprefix('CAFE_CMS_')}}}) - count(*) from (select distinct * from {{{name.removeprefix('CAFE_CMS_')}}})")
        for name in cms_faults.DUPLICATED_TABLES
    }
    return m


MEASURED = [f.name for f in cms_faults.CMS_FAULTS if f.name != "cms_children_in_ecms"]


@pytest.mark.parametrize("fault", MEASURED)
def test_each_fault_is_in_the_data_as_reported(fault: str) -> None:
    b = default()
    got = measure(b)[fault]
    reported = {k: v for k, v in truth(b, fault).items() if not k.startswith("out_of_")}
    assert got == reported
    assert all(v > 0 for v in got.values()), got


@pytest.mark.parametrize("fault", MEASURED)
def test_each_fault_hits_its_rate(fault: str) -> None:
    rate = 0.04
    b = build(fault_items=((fault, rate),))
    assert b.summary["cms"]["fault_rates"][fault] == rate
    report = truth(b, fault)
    base = next((v for k, v in report.items() if k.startswith("out_of_")), None)
    hits = {k: v for k, v in report.items() if not k.startswith("out_of_")}
    assert measure(b)[fault] == hits
    if base is not None:
        (count,) = hits.values()
        # person_twice skips rows already converted to 16 (about 3 % of rows)
        assert count == pytest.approx(rate * base, rel=0.06 if fault == "cms_person_twice_on_application" else 0.002, abs=1)


def test_rate_zero_injects_nothing() -> None:
    b = clean()
    for fault, found in measure(b).items():
        assert all(v == 0 for v in found.values()), (fault, found)
    assert one(b, "select count(*) from {TBLCASEAPPLICATIONMEMBER} where MEMBERTYPE = 16") == 0


# --- linkage with ECMS ------------------------------------------------------------------------------------------


def _shared_alfs(b: Built) -> int:
    return one(b, "select count(distinct ALF_PE) from {TBLPERSON} where ALF_PE in (select ALF_PE from {ECMS_PEOPLE})")


def test_share_of_cms_children_reappear_in_ecms_with_the_same_alf() -> None:
    b = clean()  # ECMS faults off too, so no ECMS person row is missing
    linked = truth(b, "cms_children_in_ecms")
    assert _shared_alfs(b) == linked["children"]
    assert 0.5 * 0.15 * linked["out_of_children_with_alf"] <= linked["children"] <= 0.15 * linked["out_of_children_with_alf"]
    # the shared ALF belongs to a CMS subject child and an ECMS person of the same gender and week of birth
    mismatched = one(
        b,
        "select count(*) from {TBLPERSON} c join {ECMS_PEOPLE} e on e.ALF_PE = c.ALF_PE"
        " where c.GENDER <> e.GENDER or c.WEEKOFBIRTH <> e.WEEKOFBIRTH",
    )
    assert mismatched == 0


def test_no_alf_is_shared_by_accident() -> None:
    b = build(fault_items=(("cms_children_in_ecms", 0.0),))
    assert _shared_alfs(b) == 0

