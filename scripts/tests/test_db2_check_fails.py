"""End to end: a model that uses QUALIFY or date - date makes the DB2 check fail.

A copy of the project's configuration and macros gets two bad models, which are compiled for db2_offline through the real adapter
(.venv-db2, made by scripts/db2_check.py), and the two checks db2_check.py runs over compiled SQL - the
sqlfluff db2 parse and the denylist - must both report it. Skipped only when .venv-db2 does not exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from db2_paths import DB2_VENV, REPO, venv_python

# The project's configuration and macros, without its models (so the test does not depend on them).
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", "packages.yml", "macros"]

QUALIFY_MODEL = """-- Deliberately not DB2: QUALIFY.
with applications as (
    select application_id, case_id, application_date
    from some_schema.applications
)

select application_id
from applications
qualify row_number() over (partition by case_id order by application_date) = 1
"""

DATE_MINUS_DATE_MODEL = """-- Deliberately not DB2: date - date is a yyyymmdd duration there, not days.
select
    application_id,
    completed_date - application_date as duration_days
from some_schema.applications
"""


@pytest.fixture(scope="module")
def compiled_bad_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    python = venv_python(DB2_VENV)
    if not python.exists():
        pytest.skip(f"{DB2_VENV} does not exist: run `python scripts/db2_check.py` first")
    project = tmp_path_factory.mktemp("project") / "cafcass"
    project.mkdir()
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file():
            shutil.copy2(source, project / name)
    bad = project / "models" / "zz_db2_check"
    bad.mkdir(parents=True)
    (bad / "zz_uses_qualify.sql").write_text(QUALIFY_MODEL, encoding="utf-8")
    (bad / "zz_uses_date_minus_date.sql").write_text(DATE_MINUS_DATE_MODEL, encoding="utf-8")
    env = dict(os.environ, DBT_PROFILES_DIR=str(project), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    env.pop("CAFCASS_TARGET", None)
    cmd = [
        str(python), "-m", "dbt.cli.main", "compile", "--target", "db2_offline",
        "--no-populate-cache", "--no-introspect", "--quiet",
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    compiled = project / "target" / "compiled"
    assert len(list(compiled.rglob("zz_*.sql"))) == 2
    return compiled


def _check(compiled: Path, check: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(venv_python(DB2_VENV)), str(REPO / "scripts" / "db2_sql_rules.py"), check, str(compiled)]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_parse_step_fails_on_qualify(compiled_bad_models: Path) -> None:
    done = _check(compiled_bad_models, "parse")
    assert done.returncode == 1, done.stdout
    assert "zz_uses_qualify.sql" in done.stdout and "unparsable" in done.stdout.lower()


def test_denylist_step_fails_on_qualify_and_date_minus_date(compiled_bad_models: Path) -> None:
    done = _check(compiled_bad_models, "denylist")
    assert done.returncode == 1, done.stdout
    assert "zz_uses_qualify.sql" in done.stdout and "[qualify]" in done.stdout
    assert "zz_uses_date_minus_date.sql" in done.stdout and "[date_minus_date]" in done.stdout
