"""Paths shared by the DB2 tests (scripts/tests/test_db2_*.py)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# SQL compiled for db2_offline by scripts/db2_check.py (which sets this variable when it runs pytest).
COMPILED_DIR = Path(os.environ.get("CAFCASS_DB2_COMPILED_DIR", REPO / "target_db2" / "compiled"))
SNAPSHOT_ANALYSIS = "cross_db_macro_snapshots"
SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshots"
DB2_VENV = REPO / ".venv-db2"
NO_COMPILED_SQL = (
    f"no SQL compiled for DB2 in {COMPILED_DIR}: run `python scripts/db2_check.py` first "
    "(python scripts/run.py test always does)"
)


def venv_python(venv_dir: Path) -> Path:
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
