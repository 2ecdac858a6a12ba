"""The Cafcass Cymru (CAFW) part of the generator: schema contract, determinism, keys, faults, ALF linkage."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth import cafw_faults, faults
from synth.schema import CAFW_TABLES, TABLES_BY_NAME
from test_generator_support import TEST_SEED, Built, build, cli_build, run_cli

ALL_ZERO = tuple((name, 0.0) for name in (*faults.DEFAULT_RATES, *cafw_faults.DEFAULT_RATES))
HIGH = 0.04  # every CAFW fault at 4 %, so each is measurable on the small preset


def default() -> Built:
    return cli_build("--preset", "small", "--seed", str(TEST_SEED))


def renamed() -> Built:
    return cli_build("--preset", "small", "--scale", "0.3", "--project", "9999", "--cafw-refresh-date", "20220101")


def clean() -> Built:
    return build(fault_items=ALL_ZERO)


def high() -> Built:
    return build(fault_items=tuple((name, HIGH) for name in cafw_faults.DEFAULT_RATES))


def t(b: Built, base: str) -> str:
    table = TABLES_BY_NAME[base]
    return f'"{b.summary["data_schema"]}"."{table.physical_name(b.summary["cafw_refresh_date"])}"'


def q(b: Built, sql: str) -> list[tuple[object, ...]]:
    """Run sql with {ALF}, {APPLICATION}, ... replaced by the CAFW physical names."""
    names = {x.name.removeprefix("CAFW_CAFCASS_"): t(b, x.name) for x in CAFW_TABLES}
    return b.con().execute(sql.format(**names)).fetchall()


def one(b: Built, sql: str) -> object:
    return q(b, sql)[0][0]


# --- contract and command line ----------------------------------------------------------------------------------


def _duckdb_type(sql_type: str) -> str:
    return "VARCHAR" if sql_type.startswith("VARCHAR") else sql_type


@pytest.mark.parametrize("table", CAFW_TABLES, ids=lambda x: x.name)
@pytest.mark.parametrize("which", ["default", "renamed"])
def test_every_cafw_table_and_column_has_its_type(table: object, which: str) -> None:
    b = default() if which == "default" else renamed()
    schema, name = (x.strip('"') for x in t(b, table.name).split("."))  # type: ignore[attr-defined]
    found = b.rows(
        "select column_name, data_type from information_schema.columns"
        f" where table_schema = '{schema}' and table_name = '{name}' order by ordinal_position"
    )
    assert found == [(c, _duckdb_type(ty)) for c, ty in table.columns]  # type: ignore[attr-defined]
    assert one(b, f"select count(*) from {t(b, table.name)}") > 0  # type: ignore[attr-defined]


def test_physical_names_use_the_cafw_refresh_date_and_project_schema() -> None:
    b = renamed()
    found = set(b.rows("select table_schema, table_name from information_schema.tables where table_name like 'CAFW%'"))
    assert found == {("SAIL9999V", f"{x.name}_20220101") for x in CAFW_TABLES}
    assert b.summary["cafw_refresh_date"] == "20220101"
    for x in CAFW_TABLES:
        assert q(b, f"select distinct AVAIL_FROM_DT::varchar from {t(b, x.name)}") == [("2022-01-01",)], x.name
    assert one(b, "select max(CAP_ISSUEDATE)::varchar from {APPLICATION}") <= "2022-01-01"


def test_cli_rejects_a_bad_cafw_refresh_date_and_accepts_cafw_faults(tmp_path: Path) -> None:
    bad = run_cli("--cafw-refresh-date", "2023-06-22", "--out", str(tmp_path / "x.duckdb"))
    assert bad.returncode == 2 and "--cafw-refresh-date must be YYYYMMDD" in bad.stderr
    assert not (tmp_path / "x.duckdb").exists()
    b = cli_build("--preset", "small", "--scale", "0.2", "--fault", "cafw_two_roles=0.1")
    assert b.summary["cafw"]["fault_rates"]["cafw_two_roles"] == 0.1
    assert b.summary["cafw"]["faults_injected"]["cafw_two_roles"]["person_applications"] > 0


def test_cafw_volumes_follow_wales() -> None:
    b = default()
    assert b.summary["cafw"]["volume_factor"] == 0.05
    per_year = dict(
        q(b, "select CAP_LAWTYPENAME || year(CAP_ISSUEDATE), count(*) from {APPLICATION} group by all")
    )
    # small = 5 % of Wales: ~560-800 public applications a year -> 28-40; ~3-3.8k private cases -> 150-230 apps
    assert all(20 <= per_year[f"Public{y}"] <= 50 for y in range(2011, 2023))
    assert all(120 <= per_year[f"Private{y}"] <= 260 for y in range(2005, 2023))
    assert "Public2010" not in per_year and "Private2004" not in per_year
    assert one(b, "select min(year(CAP_ISSUEDATE)) from {APPLICATION} where CAP_LAWTYPENAME = 'Public'") == 2011


# --- determinism ----------------------------------------------------------------------------------------------


def _hashes(b: Built) -> dict[str, int]:
    return {x.name: int(one(b, f"select coalesce(sum(hash(r)), 0) from {t(b, x.name)} r")) for x in CAFW_TABLES}


def test_same_seed_same_cafw_tables_and_another_seed_changes_each() -> None:
    same = _hashes(default())
    assert same == _hashes(build())
    other = _hashes(build(seed=TEST_SEED + 1))
    for name in same:
        assert same[name] != other[name], name


# --- labels and codes -----------------------------------------------------------------------------------------

LABELS = [
    ("APPLICATION", "CAP_LAWTYPENAME", {"Public", "Private"}),
    ("INCIDENT", "CAP_LAWTYPENAME", {"Public", "Private"}),
    ("APPLICATIONSERVICEUSERS", "RECORD2ROLEIDNAME", {"Subject", "Respondent", "Applicant", "Other party"}),
    ("HEARINGOUTCOME", "CAP_HEARINGOUTCOMEFINALNAME", {"Yes", "No"}),
    ("RELATIONSHIPS", "RECORD1ROLEIDNAME || '>' || RECORD2ROLEIDNAME",
     {"Parent>Child", "Child>Parent", "Sibling>Sibling", "Grandparent>Grandchild", "Grandchild>Grandparent"}),
    ("ALF", "GNDR_CD", {1, 2}),
    ("ALF", "ALF_STS_CD", {1, 4, 35, 39, 99}),
]  # fmt: skip


@pytest.mark.parametrize(("table", "expr", "values"), LABELS, ids=lambda x: str(x)[:30])
def test_labels_are_the_crm_display_names(table: str, expr: str, values: set[object]) -> None:
    found = {r[0] for r in q(default(), f"select distinct {expr} from {{{table}}}")}
    assert found == values


def test_outcome_names_include_the_ones_public_code_relies_on() -> None:
    found = {r[0] for r in q(default(), "select distinct CAP_HEARINGOUTCOMETYPEIDNAME from {HEARINGOUTCOME}")}
    assert {"Care Order", "Placement Order", "Child Arrangements Order", "Interim Care Order"} <= found
    interim = q(
        default(),
        "select count(*) from {HEARINGOUTCOME} where CAP_HEARINGOUTCOMETYPEIDNAME like 'Interim%'"
        " and CAP_HEARINGOUTCOMEFINALNAME = 'Yes'",
    )
    assert interim == [(0,)]


def test_alf_status_and_match_score_agree() -> None:
    b = clean()
    assert one(b, "select count(*) from {ALF} where (ALF_PE is null) <> (ALF_STS_CD = 99)") == 0
    assert one(b, "select count(*) from {ALF} where ALF_MTCH_PCT < 0 or ALF_MTCH_PCT > 1") == 0
    assert one(b, "select count(*) from {ALF} where ALF_STS_CD = 39 and ALF_MTCH_PCT < 0.9") == 0
    assert one(b, "select count(*) from {ALF} where ALF_STS_CD = 35 and ALF_MTCH_PCT >= 0.9") == 0
    assert one(b, "select count(*) from {ALF} where ALF_STS_CD = 99 and ALF_MTCH_PCT is not null") == 0


# --- keys -----------------------------------------------------------------------------------------------------

# (child table, child column, parent table, parent column)
KEYS = [
    ("APPLICATION", "CAP_INCIDENTID_PE", "INCIDENT", "INCIDENTID_PE"),
    ("APPLICATIONSERVICEUSERS", "RECORD1ID_PE", "APPLICATION", "CAP_APPLICATIONID_PE"),
    ("APPLICATIONSERVICEUSERS", "RECORD2ID_PE", "ALF", "SYSTEM_ID_PE"),
    ("APPLICATIONORDERS", "CAP_APPLICATIONID_PE", "APPLICATION", "CAP_APPLICATIONID_PE"),
    ("HEARING", "CAP_CASEID_PE", "INCIDENT", "INCIDENTID_PE"),
    ("HEARINGOUTCOME", "CAP_HEARINGID_PE", "HEARING", "CAP_HEARINGID_PE"),
    ("HEARINGOUTCOME", "CAP_CASEID_PE", "INCIDENT", "INCIDENTID_PE"),
    ("HEARINGOUTCOMEAPPLICATION", "CAP_HEARINGOUTCOMEID_PE", "HEARINGOUTCOME", "CAP_HEARINGOUTCOMEID_PE"),
    ("HEARINGOUTCOMEAPPLICATION", "CAP_APPLICATIONID_PE", "APPLICATION", "CAP_APPLICATIONID_PE"),
    ("RELATIONSHIPS", "RECORD1ID_PE", "ALF", "SYSTEM_ID_PE"),
    ("RELATIONSHIPS", "RECORD2ID_PE", "ALF", "SYSTEM_ID_PE"),
]
# Keys a fault breaks on purpose: (child table, column) -> (fault, what the orphans are counted as)
BROKEN_BY = {
    ("APPLICATIONSERVICEUSERS", "RECORD2ID_PE"): ("cafw_people_without_alf_row", "people"),
    ("RELATIONSHIPS", "RECORD1ID_PE"): ("cafw_people_without_alf_row", "people"),
    ("RELATIONSHIPS", "RECORD2ID_PE"): ("cafw_people_without_alf_row", "people"),
    ("HEARINGOUTCOME", "CAP_HEARINGID_PE"): ("cafw_outcomes_without_hearing", "hearings"),
}


def _orphan_ids(b: Built, child: str, col: str, parent: str, pcol: str) -> int:
    return int(
        one(b, f"select count(distinct {col}) from {{{child}}} where {col} not in (select {pcol} from {{{parent}}})")
    )


@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"{k[0]}.{k[1]}")
def test_foreign_keys_hold_except_where_a_fault_breaks_them(key: tuple[str, str, str, str]) -> None:
    assert _orphan_ids(clean(), *key) == 0
    b = default()
    orphans = _orphan_ids(b, *key)
    if key[:2] in BROKEN_BY:
        fault, what = BROKEN_BY[key[:2]]
        injected = b.summary["cafw"]["faults_injected"][fault][what]
        assert 0 < orphans <= injected  # relationships only reach the removed people who have relatives
        if key[0] != "RELATIONSHIPS":
            assert orphans == injected
    else:
        assert orphans == 0


def test_outcome_bridge_and_applications_stay_within_one_case() -> None:
    b = default()
    mismatched = one(
        b,
        "select count(*) from {HEARINGOUTCOMEAPPLICATION} x"
        " join {APPLICATION} a on a.CAP_APPLICATIONID_PE = x.CAP_APPLICATIONID_PE"
        " join (select distinct CAP_HEARINGOUTCOMEID_PE, CAP_CASEID_PE from {HEARINGOUTCOME}) o"
        " on o.CAP_HEARINGOUTCOMEID_PE = x.CAP_HEARINGOUTCOMEID_PE"
        " where a.CAP_INCIDENTID_PE <> x.CAP_CASEID_PE or o.CAP_CASEID_PE <> x.CAP_CASEID_PE",
    )
    assert mismatched == 0


def test_ids_unique_in_clean_data() -> None:
    b = clean()
    for table, key in [
        ("ALF", "SYSTEM_ID_PE"), ("INCIDENT", "INCIDENTID_PE"), ("APPLICATION", "CAP_APPLICATIONID_PE"),
        ("APPLICATIONSERVICEUSERS", "CONNECTIONID_PE"), ("APPLICATIONORDERS", "CAP_APPLICATIONORDERID_PE"),
        ("HEARING", "CAP_HEARINGID_PE"), ("HEARINGOUTCOME", "CAP_HEARINGOUTCOMEID_PE"),
        ("HEARINGOUTCOMEAPPLICATION", "CAP_HEARINGOUTCOMEAPPLICATIONID_PE"), ("RELATIONSHIPS", "CONNECTIONID_PE"),
    ]:  # fmt: skip
        assert one(b, f"select count(*) - count(distinct {key}) from {{{table}}}") == 0, table
    pairs = "select RECORD1ID_PE, RECORD2ID_PE, count(distinct RECORD2ROLEIDNAME) n from {APPLICATIONSERVICEUSERS}"
    assert one(b, f"select count(*) from ({pairs} group by all) where n > 1") == 0


# --- faults ---------------------------------------------------------------------------------------------------


def measure(b: Built) -> dict[str, dict[str, tuple[int, int]]]:
    """(count found in the data, base) per fault and part, measured with SQL only."""
    m: dict[str, dict[str, tuple[int, int]]] = {}
    m["cafw_missing_dates"] = {
        f"{tb}.{col}": q(
            b, f"select count(*) - count({col}), count(*) from (select distinct * from {{{tb.removeprefix('CAFW_CAFCASS_')}}})"
        )[0]
        for tb, col in cafw_faults.DATE_COLUMNS
    }  # type: ignore[misc]
    m["cafw_people_without_alf_row"] = {
        "people": q(
            b,
            "select count(distinct RECORD2ID_PE) filter (where RECORD2ID_PE not in (select SYSTEM_ID_PE from {ALF})),"
            " count(distinct RECORD2ID_PE) from {APPLICATIONSERVICEUSERS}",
        )[0]
    }  # type: ignore[dict-item]
    m["cafw_outcomes_without_hearing"] = {
        "hearings": q(
            b,
            "select count(distinct CAP_HEARINGID_PE) filter (where CAP_HEARINGID_PE not in"
            " (select CAP_HEARINGID_PE from {HEARING})), count(distinct CAP_HEARINGID_PE) from {HEARINGOUTCOME}",
        )[0]
    }  # type: ignore[dict-item]
    m["cafw_two_roles"] = {
        "person_applications": q(
            b,
            "select count(*) filter (where n > 1), count(*) from (select count(distinct RECORD2ROLEIDNAME) n"
            " from {APPLICATIONSERVICEUSERS} group by RECORD1ID_PE, RECORD2ID_PE)",
        )[0]
    }  # type: ignore[dict-item]
    m["cafw_exact_duplicate_rows"] = {}
    for tb in cafw_faults.DUPLICATED_TABLES:
        short = tb.removeprefix("CAFW_CAFCASS_")
        distinct = one(b, f"select count(*) from (select distinct * from {{{short}}})")
        m["cafw_exact_duplicate_rows"][tb] = (int(one(b, f"select count(*) from {{{short}}}")) - distinct, distinct)  # type: ignore[operator]
    return m


@pytest.mark.parametrize("fault", list(cafw_faults.DEFAULT_RATES))
def test_each_fault_hits_its_configured_rate(fault: str) -> None:
    b = high()
    assert b.summary["cafw"]["fault_rates"][fault] == HIGH
    injected = b.summary["cafw"]["faults_injected"][fault]
    for part, (found, base) in measure(b)[fault].items():
        assert found > 0, part
        # the base measured after the fault: a removal shrinks it, an addition grows it
        assert found / base == pytest.approx(HIGH, abs=0.01), part
        assert found == injected[part], part  # the data holds exactly what the summary reports


@pytest.mark.parametrize("fault", list(cafw_faults.DEFAULT_RATES))
def test_default_rates_are_used_and_reported(fault: str) -> None:
    b = default()
    assert b.summary["cafw"]["fault_rates"][fault] == cafw_faults.DEFAULT_RATES[fault]
    for part, (found, base) in measure(b)[fault].items():
        assert found / base == pytest.approx(cafw_faults.DEFAULT_RATES[fault], abs=0.004), part


def test_clean_data_has_none_of_the_faults() -> None:
    b = clean()
    assert all(v == 0 for t_ in b.summary["cafw"]["faults_injected"].values() for k, v in t_.items() if not k.startswith("out_of_"))
    for fault, parts in measure(b).items():
        for part, (found, _) in parts.items():
            assert found == 0, (fault, part)


# --- ALF linkage ----------------------------------------------------------------------------------------------


def test_about_80_percent_of_people_have_an_alf() -> None:
    b = clean()
    alf = b.summary["cafw"]["alf"]
    share = one(b, "select avg(case when ALF_PE is not null then 1.0 else 0 end) from {ALF}")
    assert share == pytest.approx(alf["share_of_people_with_alf"], abs=1e-6)
    assert share == pytest.approx(alf["expected_share_with_alf"], abs=0.02)
    assert 0.75 <= share <= 0.86


def test_summary_linkage_truth_is_what_the_data_holds() -> None:
    """The per law type and role truth equals a count straight from the clean tables."""
    b = clean()
    rows = q(
        b,
        "with pa as (select distinct a.CAP_LAWTYPENAME law, u.RECORD2ROLEIDNAME role_name, year(a.CAP_ISSUEDATE) y,"
        " u.RECORD2ID_PE person from {APPLICATIONSERVICEUSERS} u"
        " join {APPLICATION} a on a.CAP_APPLICATIONID_PE = u.RECORD1ID_PE)"
        " select law, role_name, count(*), count(*) filter (where l.ALF_STS_CD in (1, 4, 39)"
        " and (l.ALF_MTCH_PCT is null or l.ALF_MTCH_PCT >= 0.9)) from pa left join {ALF} l on l.SYSTEM_ID_PE = pa.person"
        " group by all",
    )
    truth = b.summary["cafw"]["alf"]["usable_by_law_type_and_role"]
    assert len(rows) == 7  # no applicant persons in public law (the local authority applies)
    for law, role_name, n, k in rows:
        cell = truth[law]["Other" if role_name == "Other party" else role_name]
        assert (cell["n_person_years"], cell["n_usable"]) == (n, k)
        assert cell["rate"] == pytest.approx(cell["expected_rate"], abs=0.12)
    assert truth["Public"]["Applicant"]["n_person_years"] == 0
    subjects = truth["Public"]["Subject"]["rate"]
    assert subjects < truth["Private"]["Respondent"]["rate"]  # infants in public law are matched less often


def test_dbt_sources_yaml_declares_exactly_the_generated_columns() -> None:
    """models/staging/cafw/_cafw__sources.yml and schema.py describe the same tables, columns and types."""
    import yaml

    path = Path(__file__).resolve().parents[2] / "models" / "staging" / "cafw" / "_cafw__sources.yml"
    source = yaml.safe_load(path.read_text())["sources"][0]
    declared = {x["identifier"].split("_{{")[0]: x for x in source["tables"]}
    assert set(declared) == {x.name for x in CAFW_TABLES}
    for x in CAFW_TABLES:
        assert [(c["name"], c["data_type"]) for c in declared[x.name]["columns"]] == [
            (c.lower(), ty.lower()) for c, ty in x.columns
        ], x.name
    assert source["meta"]["assumptions"]["to_be_checked_inside_sail"] is True
