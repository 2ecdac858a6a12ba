"""dbt's manifest.json and catalog.json for the built test database, generated once per pytest process.

`python scripts/run.py test` builds the test database and sets CAFCASS_TEST_BUILD_DB (and
CAFCASS_TEST_RAW_DB) before pytest; tests that need the built marts call `artifacts()`, which runs
`dbt docs generate --static` into a private target folder (never the shared target/), or skip when the
build database is absent.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
MARTS_DIR = "models/marts"


@dataclass(frozen=True)
class Artifacts:
    target: Path
    build_db: Path
    raw_db: Path | None
    manifest: dict[str, Any]
    catalog: dict[str, Any]


def build_db_or_skip() -> Path:
    value = os.environ.get("CAFCASS_TEST_BUILD_DB", "")
    if not value or not Path(value).is_file():
        pytest.skip(
            "CAFCASS_TEST_BUILD_DB does not name a built database: run `python scripts/run.py test` "
            "(which builds data/test/cafcass_dataset.duckdb and sets it)"
        )
    return Path(value)


@functools.lru_cache(maxsize=1)
def _generate(build_db: str, raw_db: str) -> Artifacts:
    target = Path(tempfile.mkdtemp(prefix="cafcass_docs_"))
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(REPO),
        DBT_TARGET_PATH=str(target),
        DBT_LOG_PATH=str(target / "logs"),
        CAFCASS_BUILD_DB=build_db,
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    env.setdefault("CAFCASS_DUCKDB_TEMP", str(target / "tmp"))
    if raw_db:
        env["CAFCASS_RAW_DB"] = raw_db
    cmd = [sys.executable, "-m", "dbt.cli.main", "docs", "generate", "--static", "--quiet"]
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"dbt docs generate failed:\n{done.stdout}\n{done.stderr}"
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    return Artifacts(target, Path(build_db), Path(raw_db) if raw_db else None, manifest, catalog)


def artifacts() -> Artifacts:
    build_db = build_db_or_skip()
    raw_db = os.environ.get("CAFCASS_TEST_RAW_DB", "")
    return _generate(str(build_db), raw_db if raw_db and Path(raw_db).is_file() else "")


def mart_nodes_or_skip(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["original_file_path"].replace("\\", "/").startswith(MARTS_DIR + "/")
    ]
    if not nodes:
        pytest.skip(f"no models under {MARTS_DIR} in the project yet: nothing to hand off")
    return sorted(nodes, key=lambda n: n["name"])
