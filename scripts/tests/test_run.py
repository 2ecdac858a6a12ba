"""The orchestration script: its commands are the ones the README and CI use."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import run

REPO = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python scripts/run.py build" in readme
    assert "python scripts/run.py test" in readme
    assert re.search(r'scripts/run\.py" test|scripts/run\.py test', ci)


def test_venv_python_layout_per_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    base = Path("/x/.venv")
    monkeypatch.setattr(run.os, "name", "nt")
    assert run.venv_python(base) == base / "Scripts" / "python.exe"
    monkeypatch.setattr(run.os, "name", "posix")
    assert run.venv_python(base) == base / "bin" / "python"


def test_dbt_env_points_dbt_at_the_given_files(tmp_path: Path) -> None:
    env = run.dbt_env(tmp_path / "raw.duckdb", tmp_path / "build" / "out.duckdb", threads=3)
    assert env["CAFCASS_RAW_DB"] == str(tmp_path / "raw.duckdb")
    assert env["CAFCASS_BUILD_DB"] == str(tmp_path / "build" / "out.duckdb")
    assert env["DBT_PROFILES_DIR"] == str(REPO)
    assert env["CAFCASS_THREADS"] == "3"
    assert (tmp_path / "build").is_dir()


def test_build_on_a_missing_raw_file_stops_with_a_clear_message(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "run.py"), "build", "--raw-db", str(missing)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode != 0
    assert f"--raw-db {missing} does not exist" in result.stderr
    assert not missing.exists()


def test_query_without_a_build_says_what_to_run(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "run.py"), "query", "select 1", "--build-db", str(tmp_path / "b.duckdb")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode != 0
    assert "run `python scripts/run.py build` first" in result.stderr
