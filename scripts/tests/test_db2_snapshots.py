"""Golden files of every cross-database macro's rendering, so a reviewer sees exactly what runs on SAIL.

analyses/cross_db_macro_snapshots.sql calls each macro once, after a `-- snapshot: <name>` comment.
  - DB2: its compilation for db2_offline (made by scripts/db2_check.py) is cut into one section per
    snapshot and compared with scripts/tests/snapshots/db2/<name>.sql.
  - DuckDB: the same analysis compiled for the local target (dbt-duckdb, in the main environment)
    against scripts/tests/snapshots/duckdb/<name>.sql.
A change to a macro therefore shows up as a diff of its golden file. After an intended change:

    UPDATE_SNAPSHOTS=1 python -m pytest scripts/tests/test_db2_snapshots.py   # after scripts/db2_check.py
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from db2_paths import COMPILED_DIR, NO_COMPILED_SQL, REPO, SNAPSHOT_ANALYSIS, SNAPSHOT_DIR

UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
MARKER = re.compile(r"^\s*-- snapshot: (\S+)\s*$")
END = re.compile(r"^from\b")
DUCKDB_TARGET_PATH = "target_snapshots_duckdb"


def sections(compiled_sql: str) -> dict[str, str]:
    """{snapshot name: its rendering}: dedented, without trailing whitespace, a trailing comma or the
    /* */ lines around a rendering kept in a comment (DDL, which sqlfluff's db2 dialect cannot parse)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in compiled_sql.splitlines():
        m = MARKER.match(line)
        if m:
            current = found.setdefault(m.group(1), [])
        elif END.match(line):
            current = None
        elif current is not None and line.strip() not in ("/*", "*/"):
            current.append(line.rstrip())
    out: dict[str, str] = {}
    for name, lines in found.items():
        while lines and not lines[-1]:
            lines.pop()
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        text = "\n".join(x[indent:] for x in lines).rstrip()
        out[name] = re.sub(r",$", "", text) + "\n"
    return out


def compare(engine: str, rendered: dict[str, str]) -> None:
    folder = SNAPSHOT_DIR / engine
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(p.stem for p in folder.glob("*.sql")) - set(rendered):
            (folder / f"{stale}.sql").unlink()
        for name, text in rendered.items():
            (folder / f"{name}.sql").write_text(text, encoding="utf-8")
        return
    golden = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.sql")}
    assert set(rendered) == set(golden), (
        f"snapshots in the analysis and golden files in {folder.relative_to(REPO)} differ: "
        f"new {sorted(set(rendered) - set(golden))}, gone {sorted(set(golden) - set(rendered))}. "
        "Run with UPDATE_SNAPSHOTS=1 after checking the rendering."
    )
    changed = [name for name in rendered if rendered[name] != golden[name]]
    details = "\n".join(
        f"--- {engine}/{name}.sql (golden)\n{golden[name]}+++ rendered now\n{rendered[name]}" for name in changed
    )
    assert not changed, f"{engine} rendering changed for {changed} (UPDATE_SNAPSHOTS=1 to accept):\n{details}"


def test_db2_renderings_match_golden_files() -> None:
    compiled = COMPILED_DIR / "cafcass" / "analyses" / f"{SNAPSHOT_ANALYSIS}.sql"
    if not COMPILED_DIR.is_dir():
        pytest.skip(NO_COMPILED_SQL)
    assert compiled.is_file(), f"{compiled} was not compiled"
    rendered = sections(compiled.read_text(encoding="utf-8"))
    assert rendered, "no `-- snapshot:` sections found"
    compare("db2", rendered)


def test_duckdb_renderings_match_golden_files(tmp_path: Path) -> None:
    if importlib.util.find_spec("dbt.adapters.duckdb") is None:
        pytest.skip("dbt-duckdb is not installed in this environment (the DB2 one): DuckDB snapshots skipped")
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(REPO),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        # compile never opens these: the analysis is only rendered
        CAFCASS_BUILD_DB=str(tmp_path / "unused.duckdb"),
        CAFCASS_RAW_DB=str(tmp_path / "unused_raw.duckdb"),
        CAFCASS_DUCKDB_TEMP=str(tmp_path / "tmp"),
    )
    env.pop("CAFCASS_TARGET", None)
    cmd = [
        sys.executable, "-m", "dbt.cli.main", "compile", "--target", "local", "--select", SNAPSHOT_ANALYSIS,
        "--no-populate-cache", "--no-introspect", "--target-path", DUCKDB_TARGET_PATH, "--quiet",
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    compiled = REPO / DUCKDB_TARGET_PATH / "compiled" / "cafcass" / "analyses" / f"{SNAPSHOT_ANALYSIS}.sql"
    compare("duckdb", sections(compiled.read_text(encoding="utf-8")))


def test_sections_parser() -> None:
    sql = "select\n    -- snapshot: a\n    x + 1 as a,\n    -- snapshot: b\n    y\n        + 2 as b\nfrom t\n"
    assert sections(sql) == {"a": "x + 1 as a\n", "b": "y\n    + 2 as b\n"}
