"""The pre-flight check (macros/preflight/preflight_check.sql, dbt_project.yml on-run-start).

Small synthetic raw data is generated into a temporary file, broken in one way per test, and `dbt run`
(a subprocess with its own target, log and build paths) must stop before building anything with one
message that names the missing table, column or var. Intact data, the skip var and `dbt compile` pass.
Each dbt run takes ~10-15 s (mostly parsing), so the selections are small staging models.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dbt_isolated import DbtFolder, generate, output

SEED = 20240111
DATA = "SAIL1661V"
REF = "SAILCAFEREFV"
PEOPLE = "CAFE_ECMS_PEOPLE_20240111"
LEGAL_OUTPUTS = "CAFE_ECMS_LEGALOUTPUTS_20240111"
COURTS = "ECMS_COURTS_20240111"
CASES = "CAFE_ECMS_CASES_20240111"
FAILED = "Pre-flight check failed"


@dataclass(frozen=True)
class Workspace:
    folder: DbtFolder  # fixed raw/build/target paths, so dbt keeps its partial parse between runs
    pristine: Path  # generated once, never modified

    @property
    def raw(self) -> Path:
        return self.folder.raw

    def reset(self) -> None:
        shutil.copyfile(self.pristine, self.raw)

    def execute(self, *statements: str) -> None:
        con = duckdb.connect(str(self.raw))
        try:
            for sql in statements:
                con.execute(sql)
        finally:
            con.close()

    def dbt(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.folder.dbt(*args, timeout=600)

    def built_views(self) -> set[str]:
        if not self.folder.build.exists():
            return set()
        con = duckdb.connect(str(self.folder.build), read_only=True)
        try:
            rows = con.execute("select table_name from information_schema.tables where table_schema = 'cafcass'")
            return {r[0] for r in rows.fetchall()}
        finally:
            con.close()


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("preflight")
    pristine = root / "pristine.duckdb"
    generate(pristine, "--preset", "small", "--scale", "0.2", "--seed", str(SEED))
    yield Workspace(DbtFolder(root), pristine)


def assert_stopped_by_preflight(ws: Workspace, done: subprocess.CompletedProcess[str]) -> str:
    text = output(done)
    assert done.returncode != 0, text
    assert FAILED in text, text
    assert text.count(FAILED) == 1, "one message, not one per table"
    assert "START sql" not in text, "a model started although the pre-flight check failed"
    return text


def test_intact_data_passes_and_builds(ws: Workspace) -> None:
    ws.reset()
    done = ws.dbt("run", "--select", "path:models/staging/ecms")
    text = output(done)
    assert done.returncode == 0, text
    assert "Pre-flight check passed" in text
    assert FAILED not in text
    assert "stg_ecms__people" in ws.built_views()


def test_dropped_table_and_columns_are_named_in_one_message(ws: Workspace) -> None:
    ws.reset()
    ws.execute(
        f"drop table {DATA}.{LEGAL_OUTPUTS}",
        f"alter table {DATA}.{PEOPLE} drop column gender",
        f"alter table {DATA}.{PEOPLE} drop column weekofbirth",
        f"alter table {REF}.{COURTS} drop column name",
        f"alter table {DATA}.{CASES} drop column closuredate",  # not read by the selection
    )
    done = ws.dbt("run", "--select", "stg_ecms__legal_outputs", "stg_ecms__people", "stg_ecms__courts")
    text = assert_stopped_by_preflight(ws, done)
    assert "Missing tables (1 of 3):" in text
    assert f"raw.{DATA}.{LEGAL_OUTPUTS} (source ecms.legal_outputs)" in text
    assert f"raw.{DATA}.{PEOPLE} (source ecms.people): GENDER, WEEKOFBIRTH" in text
    assert f"raw.{REF}.{COURTS} (source ecms_ref.courts): NAME" in text
    assert "ecms_refresh_date" in text  # what to check for a table of a dated source
    assert CASES not in text and "CLOSUREDATE" not in text


def test_wrong_refresh_date_names_the_var_and_the_dates_found(ws: Workspace) -> None:
    ws.reset()
    done = ws.dbt("run", "--select", "stg_ecms__people", "--vars", "{ecms_refresh_date: '20250101'}")
    text = assert_stopped_by_preflight(ws, done)
    assert f"raw.{DATA}.CAFE_ECMS_PEOPLE_20250101 (source ecms.people)" in text
    assert "var ecms_refresh_date is '20250101', but the tables exist for refresh date(s) 20240111" in text
    assert "--vars '{ecms_refresh_date: \"20240111\"}'" in text


def test_malformed_refresh_date_is_called_out(ws: Workspace) -> None:
    ws.reset()
    done = ws.dbt("run", "--select", "stg_ecms__people", "--vars", "{ecms_refresh_date: '2024-01-11'}")
    text = assert_stopped_by_preflight(ws, done)
    assert "var ecms_refresh_date is '2024-01-11': it must be a refresh date written YYYYMMDD" in text


def test_wrong_raw_file_names_the_environment_variable(ws: Workspace) -> None:
    ws.raw.unlink()
    ws.execute("create schema other")
    done = ws.dbt("run", "--select", "stg_ecms__people")
    text = assert_stopped_by_preflight(ws, done)
    assert f"schema {DATA} has no tables in catalog raw" in text
    assert "sail_project" in text
    assert f"CAFCASS_RAW_DB must name the DuckDB file holding the raw tables (now '{ws.raw}'" in text


def test_only_sources_the_selection_reads_are_checked(ws: Workspace) -> None:
    ws.reset()
    ws.execute(f"drop table {DATA}.{LEGAL_OUTPUTS}")
    done = ws.dbt("run", "--select", "stg_ecms__people")
    text = output(done)
    assert done.returncode == 0, text
    assert "Pre-flight check passed: 1 source tables" in text


def test_skip_var_turns_the_check_off(ws: Workspace) -> None:
    ws.reset()
    ws.execute(f"drop table {DATA}.{LEGAL_OUTPUTS}")
    done = ws.dbt("run", "--select", "stg_ecms__legal_outputs", "--vars", "{preflight_check: false}")
    text = output(done)
    assert "Pre-flight check of the source tables skipped: var preflight_check is false" in text
    assert FAILED not in text
    # without the check, DuckDB itself reports the missing table once the model runs
    assert done.returncode != 0 and LEGAL_OUTPUTS.lower() in text.lower(), text


def test_compile_does_not_check(ws: Workspace) -> None:
    ws.reset()
    ws.execute(f"drop table {DATA}.{PEOPLE}")
    done = ws.dbt("compile", "--select", "stg_ecms__people")
    text = output(done)
    assert done.returncode == 0, text
    assert FAILED not in text
