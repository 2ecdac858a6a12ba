"""Property-based fault injection: whatever mix of bad input the raw ECMS tables hold, the build succeeds and
loses nothing it should keep.

Each example generates a small raw dataset (preset small, scale 0.1, a drawn seed and drawn generator fault
rates) and then damages the ECMS tables the way real extracts can: NULL keys, codes with no lookup row,
flag text written 'TRUE' / ' true' / '1', person ids as text with leading zeros, future dates, subjects
aged over 18, and empty tables. On every example:
  - every seed and model builds;
  - every data test passes (warnings allowed): the raw-data checks on the staging views warn by design
    (dbt_project.yml), so NULL keys and codes missing from a lookup are reported and never stop the build;
  - every (application, person) marked subject in the raw ECMS table reaches child_applications;
  - every mart key (each column a `unique` test is attached to in the manifest) is unique;
  - dq_reconciliation balances: per raw ECMS table, the sum over reasons equals a direct count.
Two explicit examples (every kind of damage; every kind but NULL keys and missing codes) and
CAFCASS_FAULT_EXAMPLES (default 3) drawn ones.
Examples are derandomized (the same in every CI run) unless CAFCASS_FAULT_RANDOM=1. A dbt build per example
takes about a minute, so the default run (5 examples) takes roughly five.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dbt_isolated import DbtFolder, output
from synth.faults import DEFAULT_RATES
from synth.pipeline import generate
from synth.presets import Config

N_EXAMPLES = int(os.environ.get("CAFCASS_FAULT_EXAMPLES", "3"))
RANDOM = os.environ.get("CAFCASS_FAULT_RANDOM") == "1"
SCALE = 0.1
DATA = "SAIL1661V"
REFRESH = "20240111"
# Seeds and models first, then every data test: a failing test on a staging model makes `dbt build` skip the
# marts, and the marts are what the properties are about.
BUILD_MODELS = ["build", "--exclude-resource-type", "test", "unit_test"]
TESTS = ["test", "--exclude-resource-type", "unit_test"]
SUBJECT_TEXT = "lower(trim(ISSUBJECT)) in ('true', 't', 'yes', 'y', '1')"  # macro text_flag


def t(name: str) -> str:
    return f"{DATA}.CAFE_ECMS_{name}_{REFRESH}"


POA = t("PERSONSONAPPLICATIONS")
PEOPLE = t("PEOPLE")
APPLICATIONS = t("APPLICATIONS")
EMPTYABLE = ["LEGALOUTPUTS", "PERSONRELATIONSHIPS", "DISABILITIES", "ETHNICITIES", "CASES", "PEOPLE", "APPLICATIONS"]
CHARACTERISTICS = ["ETHNICITIES", "RELIGIONS", "NATIONALITIES", "LANGUAGES", "DISABILITIES"]


@dataclass(frozen=True)
class Damage:
    seed: int
    fault_level: float  # multiplies every generator fault rate (0 = a clean extract)
    every: int  # a damaged row is one whose row id is divisible by this
    null_keys: bool
    missing_lookups: bool
    flag_text: bool
    leading_zeros: bool
    future_dates: bool
    adult_subjects: bool
    empty_tables: tuple[str, ...]

    def statements(self) -> list[str]:
        n = self.every
        sql: list[str] = []
        if self.null_keys:
            sql += [
                f"update {POA} set PERSON_ID_PE = null where ID_PE % {n} = 1 and not {SUBJECT_TEXT}",
                f"update {POA} set APPLICATION_ID_PE = null where ID_PE % {n} = 2 and not {SUBJECT_TEXT}",
                f"update {PEOPLE} set ID_PE = null where try_cast(ID_PE as bigint) % {n} = 3",
                f"update {APPLICATIONS} set CASE_ID_PE = null where ID_PE % {n} = 4",
                f"update {t('LEGALOUTPUTS')} set PERSON_ID_PE = null where ID_PE % {n} = 5",
                f"update {t('PERSONRELATIONSHIPS')} set RELATEDPERSON_ID_PE = null where ID_PE % {n} = 6",
                f"update {t('ETHNICITIES')} set PERSON_ID_PE = null where ID_PE % {n} = 7",
            ]
        if self.missing_lookups:
            sql += [
                f"update {APPLICATIONS} set APPLICATIONTYPE1_ID = 99999, COURTCOURTLEVELREF_ID = 99999"
                f" where ID_PE % {n} = 0",
                f"update {t('ETHNICITIES')} set ETHNICITYTYPE_ID = 99999, SOURCE_ID = 99999 where ID_PE % {n} = 0",
                f"update {t('DISABILITIES')} set DISABILITYTYPE_ID = 99999 where ID_PE % {n} = 0",
                f"update {t('PERSONRELATIONSHIPS')} set RELATIONSHIPTYPE_ID = 99999 where ID_PE % {n} = 0",
                f"update {t('CASES')} set LAWTYPE_ID = 99999, LOCALAUTHORITY_ID = 99999 where ID_PE % {n} = 0",
            ]
        if self.flag_text:
            sql += [
                f"update {POA} set ISSUBJECT = case ID_PE % 3 when 0 then 'TRUE' when 1 then ' true' else '1' end"
                " where lower(ISSUBJECT) = 'true'",
                f"update {POA} set ISRESPONDENT = 'FALSE ', ISOTHER = '0' where lower(ISRESPONDENT) = 'false'"
                f" and ID_PE % {n} = 0",
            ]
        if self.leading_zeros:
            sql += [
                f"update {POA} set PERSON_ID_PE = lpad(trim(PERSON_ID_PE), 15, '0') where ID_PE % 2 = 0",
                f"update {PEOPLE} set ID_PE = '00' || trim(ID_PE) where try_cast(ID_PE as bigint) % 2 = 1",
            ] + [f"update {t(c)} set PERSON_ID_PE = '0' || trim(PERSON_ID_PE) where ID_PE % 3 = 0" for c in CHARACTERISTICS]
        if self.future_dates:
            sql += [
                f"update {APPLICATIONS} set DATEOFAPPLICATION = date '2099-06-01' where ID_PE % {n} = 1",
                f"update {PEOPLE} set WEEKOFBIRTH = date '2098-01-05' where try_cast(ID_PE as bigint) % {n} = 2",
                f"update {t('LEGALOUTPUTS')} set DATEORDERED = date '2099-12-31' where ID_PE % {n} = 3",
            ]
        if self.adult_subjects:
            sql.append(
                f"update {PEOPLE} set WEEKOFBIRTH = date '1950-01-02' where try_cast(ID_PE as bigint) in"
                f" (select try_cast(PERSON_ID_PE as bigint) from {POA} where {SUBJECT_TEXT} and ID_PE % {n} = 0)"
            )
        sql += [f"delete from {t(name)}" for name in self.empty_tables]
        return sql


damages = st.builds(
    Damage,
    seed=st.integers(min_value=1, max_value=99_999),
    fault_level=st.sampled_from([0.0, 1.0, 5.0]),
    every=st.integers(min_value=3, max_value=25),
    null_keys=st.booleans(),
    missing_lookups=st.booleans(),
    flag_text=st.booleans(),
    leading_zeros=st.booleans(),
    future_dates=st.booleans(),
    adult_subjects=st.booleans(),
    empty_tables=st.lists(st.sampled_from(EMPTYABLE), max_size=2, unique=True).map(tuple),
)
EVERYTHING = Damage(20240111, 5.0, 7, True, True, True, True, True, True, ("LEGALOUTPUTS", "PERSONRELATIONSHIPS"))
# the damage that leaves every key and code resolvable, with two other tables emptied
NO_KEY_DAMAGE = Damage(7, 5.0, 5, False, False, True, True, True, True, ("DISABILITIES", "CASES"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbtFolder]:
    yield DbtFolder(tmp_path_factory.mktemp("fault_injection"))


def make_raw(folder: DbtFolder, damage: Damage) -> None:
    rates = {name: min(rate * damage.fault_level, 0.2) for name, rate in DEFAULT_RATES.items()}
    staging = folder.root / "generated.duckdb"
    for stale in (staging, staging.with_name(staging.name + ".summary.json")):
        stale.unlink(missing_ok=True)
    generate(Config(preset="small", seed=damage.seed, scale=SCALE, fault_rates=rates), staging, log=lambda *_: None)
    con = duckdb.connect(str(staging))
    try:
        for sql in damage.statements():
            con.execute(sql)
    finally:
        con.close()
    shutil.copyfile(staging, folder.raw)  # one raw path for every example keeps dbt's partial parse


def unique_keys(target: Path) -> list[tuple[str, str]]:
    """(relation, column) for every `unique` test on a model under models/marts."""
    manifest: dict[str, Any] = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    nodes = manifest["nodes"]
    keys: list[tuple[str, str]] = []
    for node in nodes.values():
        if node["resource_type"] != "test" or (node.get("test_metadata") or {}).get("name") != "unique":
            continue
        model = nodes.get(node.get("attached_node") or "", {})
        if not model.get("original_file_path", "").replace("\\", "/").startswith("models/marts/"):
            continue
        column = node.get("column_name") or node["test_metadata"]["kwargs"].get("column_name")
        keys.append((f"{model['schema']}.{model['alias']}", column))
    return sorted(set(keys))


def check_properties(folder: DbtFolder) -> None:
    keys = unique_keys(folder.target)
    assert any(rel.endswith(".child_applications") for rel, _ in keys), "no unique key found on child_applications"
    con = duckdb.connect(str(folder.build), read_only=True)
    try:
        con.execute(f"attach '{folder.raw}' as raw_db (read_only)")
        missing = con.execute(
            f"""
            select count(*), min(s.person_id), min(s.application_id) from (
                select distinct
                    try_cast(trim(PERSON_ID_PE) as bigint) as person_id, APPLICATION_ID_PE as application_id
                from raw_db.{POA}
                where {SUBJECT_TEXT}
            ) as s
            where s.person_id is not null and s.application_id is not null and not exists (
                select 1 from cafcass.child_applications as c
                where c.source_system = 'ECMS' and c.person_id = s.person_id and c.application_id = s.application_id
            )
            """
        ).fetchone()
        assert missing is not None and missing[0] == 0, f"raw subjects missing from child_applications: {missing}"
        for relation, column in keys:
            row = con.execute(f"select count(*), count(distinct {column}) from {relation} where {column} is not null")
            n, n_distinct = row.fetchone() or (0, 0)
            assert n == n_distinct, f"{relation}.{column}: {n - n_distinct} duplicate keys"
        tables = con.execute(
            f"select table_name from duckdb_tables() where database_name = 'raw_db' and schema_name = '{DATA}'"
            " and table_name like 'CAFE_ECMS_%'"
        ).fetchall()
        assert len(tables) == 11, tables
        for (table,) in tables:
            direct = (con.execute(f"select count(*) from raw_db.{DATA}.{table}").fetchone() or (0,))[0]
            summed = con.execute(
                "select coalesce(sum(n_rows), 0) from cafcass.dq_reconciliation where raw_table_name = ?", [table]
            ).fetchone()
            assert summed is not None and summed[0] == direct, f"dq_reconciliation of {table}: {summed[0]} != {direct}"
    finally:
        con.close()


@settings(
    max_examples=N_EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
@example(damage=EVERYTHING)
@example(damage=NO_KEY_DAMAGE)
@given(damage=damages)
def test_build_survives_bad_input_and_loses_no_subject(folder: DbtFolder, damage: Damage) -> None:
    make_raw(folder, damage)
    folder.remove_build()
    done = folder.dbt(*BUILD_MODELS)
    assert done.returncode == 0, f"models failed to build on {damage}\n{output(done)[-8000:]}"
    done = folder.dbt(*TESTS)
    failing = failing_tests(folder.target)
    assert done.returncode == 0 and not failing, f"data tests failed on {damage}: {failing}\n{output(done)[-4000:]}"
    check_properties(folder)


def failing_tests(target: Path) -> list[str]:
    """Data tests of the last run that failed or errored (a warning is not a failure)."""
    manifest: dict[str, Any] = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    return sorted(
        manifest["nodes"].get(r["unique_id"], {}).get("name", r["unique_id"])
        for r in results
        if r["status"] in ("fail", "error")
    )


def test_damage_changes_the_data(tmp_path: Path) -> None:
    """The damage statements do what they claim (so a passing property is not a no-op)."""
    f = DbtFolder(tmp_path)
    make_raw(f, EVERYTHING)
    con = duckdb.connect(str(f.raw), read_only=True)
    try:
        def one(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            assert row is not None
            return row[0]

        assert one(f"select count(*) from {t('LEGALOUTPUTS')}") == 0
        assert one(f"select count(*) from {POA} where PERSON_ID_PE is null") > 0
        assert one(f"select count(*) from {POA} where ISSUBJECT in ('TRUE', ' true', '1')") > 0
        assert one(f"select count(*) from {POA} where PERSON_ID_PE like '0%'") > 0
        assert one(f"select count(*) from {APPLICATIONS} where DATEOFAPPLICATION > date '2090-01-01'") > 0
        assert one(f"select count(*) from {APPLICATIONS} where APPLICATIONTYPE1_ID = 99999") > 0
        assert one(f"select count(*) from {PEOPLE} where WEEKOFBIRTH = date '1950-01-02'") > 0
    finally:
        con.close()
