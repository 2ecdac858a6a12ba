"""The synthetic generator: command line, determinism, the schema.py contract, keys and structure.

Fault rates are tested in test_generator_faults.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from synth import faults
from synth.schema import ECMS_DATA_TABLES, ECMS_LOOKUP_TABLES, ECMS_TABLES, FLAG, Table
from test_generator_support import TEST_SEED, Built, build, cli_build, missing_persons_count, no_faults, run_cli


def default() -> Built:
    return cli_build("--preset", "small", "--seed", str(TEST_SEED))


def renamed() -> Built:
    return cli_build("--preset", "small", "--scale", "0.3", "--project", "9999", "--ecms-refresh-date", "20230630")


def clean() -> Built:
    return build(fault_items=no_faults())


# --- command line ---------------------------------------------------------------------------------------------


def test_cli_writes_the_database_and_a_truthful_summary() -> None:
    b = default()
    s = b.summary
    assert (s["preset"], s["seed"], s["scale"], s["project"]) == ("small", TEST_SEED, 1.0, "1661")
    assert s["fault_rates"] == faults.DEFAULT_RATES
    assert set(s["faults_injected"]) == set(faults.DEFAULT_RATES)
    assert s["generation_seconds"] > 0
    assert len([n for n in s["row_counts"] if "ECMS_" in n]) == len(ECMS_TABLES)  # other systems: their own tests
    for name, n in s["row_counts"].items():
        schema, table = name.split(".")
        assert b.one(f'select count(*) from "{schema}"."{table}"') == n
    assert sorted(p.name for p in b.path.parent.iterdir()) == ["raw.duckdb", "raw.duckdb.summary.json"]


def test_cli_prints_progress_and_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "x.duckdb"
    out.write_text("not a database")
    result = run_cli("--preset", "small", "--scale", "0.1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    for table in ECMS_TABLES:
        assert re.search(rf"write {table.name}\s+[\d,]+ rows\s+[\d.]+s", result.stdout), table.name
    assert re.search(r"families \(members\)\s+[\d,]+ rows", result.stdout)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.duckdb", "x.duckdb.summary.json"]
    assert (
        Built(out, {"data_schema": "SAIL1661V", "ref_schema": "SAILCAFEREFV", "ecms_refresh_date": "20240111"}).one(
            "select count(*) from {CASES}"
        )
        > 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fault", "nonsense=0.1"], "NAME one of"),
        (["--fault", "two_mothers=2"], "between 0 and 1"),
        (["--fault", "two_mothers"], "NAME=RATE"),
        (["--ecms-refresh-date", "2024-01-11"], "YYYYMMDD"),
        (["--preset", "huge"], "invalid choice"),
    ],
)
def test_cli_rejects_bad_options(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_cli(*args, "--out", str(tmp_path / "x.duckdb"))
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


# --- determinism ----------------------------------------------------------------------------------------------


def table_hashes(b: Built) -> dict[str, int]:
    return {t.name: int(b.one(f"select coalesce(sum(hash(x)), 0) from {b.t(t.name)} x")) for t in ECMS_TABLES}


def test_same_seed_gives_identical_tables() -> None:
    from_cli, in_process = table_hashes(default()), table_hashes(build())
    assert from_cli == in_process


def test_another_seed_changes_every_data_table_but_no_lookup() -> None:
    a, b = table_hashes(build()), table_hashes(build(seed=TEST_SEED + 1))
    for t in ECMS_DATA_TABLES:
        assert a[t.name] != b[t.name], t.name
    for t in ECMS_LOOKUP_TABLES:
        assert a[t.name] == b[t.name], t.name


# --- the schema.py contract -----------------------------------------------------------------------------------


def _duckdb_type(sql_type: str) -> str:
    return "VARCHAR" if sql_type.startswith("VARCHAR") else sql_type  # DuckDB keeps no VARCHAR length


@pytest.mark.parametrize("table", ECMS_TABLES, ids=lambda t: t.name)
@pytest.mark.parametrize("which", ["default", "renamed"])
def test_table_columns_and_types_follow_schema_py(table: Table, which: str) -> None:
    b = default() if which == "default" else renamed()
    schema, name = (x.strip('"') for x in b.t(table.name).split("."))
    found = b.rows(
        "select column_name, data_type from information_schema.columns"
        f" where table_schema = '{schema}' and table_name = '{name}' order by ordinal_position"
    )
    assert found == [(c, _duckdb_type(t)) for c, t in table.columns]


def test_schemas_and_physical_names() -> None:
    b = renamed()
    tables = set(b.rows("select table_schema, table_name from information_schema.tables where table_name like '%ECMS%'"))
    expected = {("SAIL9999V", f"{t.name}_20230630") for t in ECMS_DATA_TABLES}
    expected |= {("SAILCAFEREFV", f"{t.name}_20230630") for t in ECMS_LOOKUP_TABLES}
    assert tables == expected
    assert all(t.name.startswith("CAFE_ECMS_") for t in ECMS_DATA_TABLES)


def test_every_row_carries_the_load_date() -> None:
    b = renamed()
    reloaded = {"CAFE_ECMS_PEOPLE", *faults.CHARACTERISTIC_TABLES}
    for t in ECMS_TABLES:
        dates = {r[0] for r in b.rows(f"select distinct AVAIL_FROM_DT::varchar from {b.t(t.name)}")}
        assert dates == ({"2023-06-30", "2022-12-30"} if t.name in reloaded else {"2023-06-30"}), t.name
    assert clean().rows("select distinct AVAIL_FROM_DT::varchar from {PEOPLE}") == [("2024-01-11",)]


def test_flags_are_true_false_text_and_person_ids_numeric_text() -> None:
    b = default()
    for t in ECMS_TABLES:
        for col, sql_type in t.columns:
            if sql_type == FLAG:
                values = {r[0] for r in b.rows(f"select distinct {col} from {b.t(t.name)}")}
                assert values <= {"true", "false", None} and {"true", "false"} <= values, (t.name, col)
            if col.endswith("PERSON_ID_PE") or (t.name == "CAFE_ECMS_PEOPLE" and col == "ID_PE"):
                assert (
                    b.one(f"select count(*) from {b.t(t.name)} where not regexp_full_match({col}, '[1-9][0-9]+')") == 0
                )


# --- keys -----------------------------------------------------------------------------------------------------

# (child table, column, parent table, parent column)
PERSON_KEYS = [
    *[(c, "PERSON_ID_PE") for c in ("ETHNICITIES", "RELIGIONS", "NATIONALITIES", "LANGUAGES", "DISABILITIES")],
    ("PERSONSONAPPLICATIONS", "PERSON_ID_PE"),
    ("PERSONRELATIONSHIPS", "PERSON_ID_PE"),
    ("PERSONRELATIONSHIPS", "RELATEDPERSON_ID_PE"),
    ("LEGALOUTPUTS", "PERSON_ID_PE"),
]
KEYS = [
    ("APPLICATIONS", "CASE_ID_PE", "CASES", "ID_PE"),
    ("PERSONSONAPPLICATIONS", "APPLICATION_ID_PE", "APPLICATIONS", "ID_PE"),
    ("LEGALOUTPUTS", "APPLICATION_ID_PE", "APPLICATIONS", "ID_PE"),
    ("LEGALOUTPUTS", "CASE_ID_PE", "CASES", "ID_PE"),
    ("APPLICATIONS", "APPLICATIONTYPE1_ID", "ECMS_APPLICATIONTYPES", "ID"),
    ("APPLICATIONS", "COURTCOURTLEVELREF_ID", "ECMS_COURTCOURTLEVELREFS", "ID"),
    ("CASES", "COURTCOURTLEVELREF_ID", "ECMS_COURTCOURTLEVELREFS", "ID"),
    ("CASES", "LAWTYPE_ID", "ECMS_LAWTYPES", "ID"),
    ("CASES", "LOCALAUTHORITY_ID", "ECMS_LOCALAUTHORITIES", "ID"),
    ("CASES", "COURTFORM_ID", "ECMS_COURTFORMS", "ID"),
    ("CASES", "CASESTATU_ID", "ECMS_CASESTATUS", "ID"),
    ("ETHNICITIES", "ETHNICITYTYPE_ID", "ECMS_ETHNICITYTYPES", "ID"),
    ("RELIGIONS", "RELIGIONTYPE_ID", "ECMS_RELIGIONTYPES", "ID"),
    ("NATIONALITIES", "NATIONALITYTYPE_ID", "ECMS_NATIONALITYTYPES", "ID"),
    ("LANGUAGES", "LANGUAGETYPE_ID", "ECMS_LANGUAGETYPES", "ID"),
    ("DISABILITIES", "DISABILITYTYPE_ID", "ECMS_DISABILITYTYPES", "ID"),
    *[
        (c, "SOURCE_ID", "ECMS_SOURCES", "ID")
        for c in ("ETHNICITIES", "RELIGIONS", "NATIONALITIES", "LANGUAGES", "DISABILITIES")
    ],
    ("PERSONRELATIONSHIPS", "RELATIONSHIPTYPE_ID", "ECMS_RELATIONSHIPTYPES", "ID"),
    ("LEGALOUTPUTS", "LEGALOUTPUTTYPE_ID", "ECMS_LEGALOUTPUTTYPES", "ID"),
    ("ECMS_COURTCOURTLEVELREFS", "COURT_ID", "ECMS_COURTS", "ID"),
    ("ECMS_COURTCOURTLEVELREFS", "COURTLEVELREF_ID", "ECMS_COURTLEVELREFS", "ID"),
    ("ECMS_COURTS", "DJAREAREF_ID", "ECMS_DJAREAREFS", "ID"),
    ("ECMS_COURTS", "CIRCUITREF_ID", "ECMS_CIRCUITREFS", "ID"),
    ("ECMS_RELATIONSHIPTYPES", "INVERSEREF", "ECMS_RELATIONSHIPTYPES", "ID"),
]


def _orphans(b: Built, child: str, col: str, parent: str, parent_col: str) -> int:
    return int(
        b.one(
            f"select count(*) from {{{child}}} where {col} is not null and {col} not in (select {parent_col} from {{{parent}}})"
        )
    )


@pytest.mark.parametrize("which", ["clean", "default"])
@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"{k[0]}.{k[1]}")
def test_keys_and_codes_always_resolve(key: tuple[str, str, str, str], which: str) -> None:
    b = clean() if which == "clean" else default()
    assert _orphans(b, *key) == 0


@pytest.mark.parametrize("key", PERSON_KEYS, ids=lambda k: f"{k[0]}.{k[1]}")
def test_person_keys_break_only_for_persons_missing_from_people(key: tuple[str, str]) -> None:
    child, col = key
    assert _orphans(clean(), child, col, "PEOPLE", "ID_PE") == 0
    b = default()
    missing = (
        "(select PERSON_ID_PE from {PERSONSONAPPLICATIONS} where PERSON_ID_PE not in (select ID_PE from {PEOPLE}))"
    )
    stray = b.one(
        f"select count(*) from {{{child}}} where {col} not in (select ID_PE from {{PEOPLE}}) and {col} not in {missing}"
    )
    assert stray == 0
    assert missing_persons_count(b)[0] == b.summary["faults_injected"]["persons_missing_from_people"]["persons"] > 0


def test_legal_outputs_belong_to_their_application_case_and_person() -> None:
    b = default()
    assert (
        b.one(
            "select count(*) from {LEGALOUTPUTS} l join {APPLICATIONS} a on a.ID_PE = l.APPLICATION_ID_PE"
            " where a.CASE_ID_PE <> l.CASE_ID_PE"
        )
        == 0
    )
    assert (
        b.one(
            "select count(*) from {LEGALOUTPUTS} l where not exists (select 1 from {PERSONSONAPPLICATIONS} p"
            " where p.PERSON_ID_PE = l.PERSON_ID_PE and p.APPLICATION_ID_PE = l.APPLICATION_ID_PE)"
        )
        == 0
    )


def test_ids_are_unique_where_no_fault_repeats_them() -> None:
    b = clean()
    for t in ECMS_DATA_TABLES:
        assert b.one(f"select count(*) - count(distinct ID_PE) from {b.t(t.name)}") == 0, t.name
