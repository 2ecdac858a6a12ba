"""Static checks of the DB2 set-up: dispatch macros, profiles, DB2 table configs, models' SQL sources.

Standard library and PyYAML-free: runs anywhere pytest does, without compiled output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db2_paths import REPO, SNAPSHOT_ANALYSIS

MACRO_FILES = sorted((REPO / "macros").rglob("*.sql"))
MACRO_DEF = re.compile(r"\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(")
DISPATCH = re.compile(r"adapter\.dispatch\(\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\s*,\s*['\"]cafcass['\"]")


def _macros() -> dict[str, Path]:
    defined: dict[str, Path] = {}
    for path in MACRO_FILES:
        for name in MACRO_DEF.findall(path.read_text(encoding="utf-8")):
            assert name not in defined, f"macro {name} defined in {defined[name]} and {path}"
            defined[name] = path
    return defined


DEFINED = _macros()
DISPATCHED = sorted({n for p in MACRO_FILES for n in DISPATCH.findall(p.read_text(encoding="utf-8"))})


def test_there_are_dispatch_macros() -> None:
    assert {"add_days", "days_between", "age_in_years", "string_agg", "safe_cast_date"} <= set(DISPATCHED)


@pytest.mark.parametrize("name", DISPATCHED)
def test_dispatch_macro_has_duckdb_and_both_db2_versions(name: str) -> None:
    missing = [f"{prefix}__{name}" for prefix in ("default", "db2", "ibmdb2") if f"{prefix}__{name}" not in DEFINED]
    assert not missing, f"{name} dispatches but {missing} are not defined (DuckDB, ibm-dbt-db2, dbt-ibmdb2)"


@pytest.mark.parametrize("name", DISPATCHED)
def test_dispatch_macro_has_a_snapshot(name: str) -> None:
    analysis = (REPO / "analyses" / f"{SNAPSHOT_ANALYSIS}.sql").read_text(encoding="utf-8")
    assert re.search(rf"\{{\{{\s*(cafcass\.)?{name}\(", analysis), (
        f"add a `-- snapshot: {name}` rendering of {name} to analyses/{SNAPSHOT_ANALYSIS}.sql, "
        "then UPDATE_SNAPSHOTS=1 (see scripts/tests/test_db2_snapshots.py)"
    )


# --------------------------------------------------------------------------------------------------
# profiles.yml (read as text: the file is Jinja, and the tests must not need PyYAML)


def _output_block(name: str) -> str:
    text = (REPO / "profiles.yml").read_text(encoding="utf-8")
    m = re.search(rf"^    {name}:\n((?:      .*\n|\s*#.*\n|\s*\n)+)", text, re.MULTILINE)
    assert m, f"profiles.yml has no output {name}"
    return m.group(1)


def test_local_target_is_default_and_needs_no_db2_variables() -> None:
    text = (REPO / "profiles.yml").read_text(encoding="utf-8")
    assert re.search(r"target: \"\{\{ env_var\('CAFCASS_TARGET', 'local'\) \}\}\"", text)
    local = _output_block("local")
    assert "type: duckdb" in local
    assert "SAIL_DB2" not in local
    for call in re.findall(r"env_var\(([^)]*)\)", local):
        assert "," in call, f"env_var({call}) in the local target has no default"


def test_sail_target_takes_secrets_from_environment_only() -> None:
    sail = _output_block("sail")
    assert re.search(r"^\s+type: db2$", sail, re.MULTILINE)
    for key, var in [("host", "SAIL_DB2_HOST"), ("port", "SAIL_DB2_PORT"), ("database", "SAIL_DB2_DATABASE"),
                     ("user", "SAIL_DB2_USER"), ("password", "SAIL_DB2_PASSWORD")]:  # fmt: skip
        m = re.search(rf"^\s+{key}: (.*)$", sail, re.MULTILINE)
        assert m and f"env_var('{var}'" in m.group(1), f"sail {key} must come from {var}"
    for secret in ("user", "password"):
        m = re.search(rf"^\s+{secret}: (.*)$", sail, re.MULTILINE)
        assert m and re.fullmatch(r"\"\{\{ env_var\('SAIL_DB2_\w+'\) \}\}\"", m.group(1)), (
            f"sail {secret} must be a required environment variable with no default"
        )


def test_db2_targets_write_to_the_project_workspace_schema() -> None:
    project = (REPO / "dbt_project.yml").read_text(encoding="utf-8")
    default_project = re.search(r"^\s+sail_project: \"(\d+)\"", project, re.MULTILINE)
    assert default_project
    for name in ("sail", "db2_offline"):
        m = re.search(r"^\s+schema: (.*)$", _output_block(name), re.MULTILINE)
        assert m and "'SAILW'" in m.group(1) or m and "SAILW{{" in m.group(1), f"{name} schema is not SAILW<project>V"
        assert f"var('sail_project', '{default_project.group(1)}')" in m.group(1), (
            f"{name}: the schema's default project must equal dbt_project.yml's sail_project"
        )


def test_db2_offline_target_is_loopback() -> None:
    block = _output_block("db2_offline")
    assert "type: db2" in block and "host: 127.0.0.1" in block


# --------------------------------------------------------------------------------------------------
# DB2 table configs and the materialization that reads them


def test_marts_are_distributed_and_organised_on_db2() -> None:
    project = (REPO / "dbt_project.yml").read_text(encoding="utf-8")
    marts = re.search(r"^    marts:\n((?:      .*\n)+)", project, re.MULTILINE)
    assert marts and "+distribute_by: auto" in marts.group(1) and "+organize_by: row" in marts.group(1)
    assert "db2_distribution_key_candidates" in project


def test_db2_table_materialization_keeps_ctes() -> None:
    """ibm-dbt-db2 1.0.0 cuts WITH ... at the last SELECT; the project's materialization must not."""
    text = (REPO / "macros" / "db2" / "table.sql").read_text(encoding="utf-8")
    assert "{% materialization table, adapter='db2' %}" in text
    assert "rfind" not in text
    assert re.search(r"create view \{\{ source_view \}\} as\s+\{\{ sql \}\}", text)


# --------------------------------------------------------------------------------------------------
# Model SQL sources: dialect differences belong in macros


MODEL_FILES = sorted((REPO / "models").rglob("*.sql"))
SOURCE_RULES = {
    r"\btarget\.(type|name)\b": "branching on the target in a model: put the difference in a dispatch macro",
    r"\bdbt\.(dateadd|datediff)\b": "dbt.dateadd/datediff differ between adapters (broken on dbt-ibmdb2): "
    "use add_days/add_months/days_between/age_in_years",
    r"\badapter\.dispatch\b": "dispatch belongs in macros/",
}


@pytest.mark.parametrize("path", MODEL_FILES, ids=[p.relative_to(REPO).as_posix() for p in MODEL_FILES])
def test_model_source_has_no_dialect_branching(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    problems = [msg for pattern, msg in SOURCE_RULES.items() if re.search(pattern, text)]
    assert not problems, f"{path.relative_to(REPO)}: " + "; ".join(problems)
