"""dbt runs isolated from the shared repo state, for tests that build their own data (no tests here).

Each run gets its own target, log, build-database and temp paths under a test's temporary folder, so
tests never touch target/, data/ or another process's DuckDB files (DuckDB locks them). Keep the raw
and build paths of one folder fixed between runs: dbt then re-uses its partial parse (a changed path
is a changed profile and forces a full parse).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "scripts" / "generate_data.py"


@dataclass(frozen=True)
class DbtFolder:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw.duckdb"

    @property
    def build(self) -> Path:
        return self.root / "build.duckdb"

    @property
    def target(self) -> Path:
        return self.root / "target"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("CAFCASS_TARGET", "CAFCASS_THREADS"):
            env.pop(name, None)
        env.update(
            DBT_PROFILES_DIR=str(REPO),
            DBT_TARGET_PATH=str(self.target),
            DBT_LOG_PATH=str(self.root / "logs"),
            CAFCASS_RAW_DB=str(self.raw),
            CAFCASS_BUILD_DB=str(self.build),
            CAFCASS_DUCKDB_TEMP=str(self.root / "tmp"),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        )
        return env

    def dbt(self, *args: str, timeout: int = 1200) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "dbt.cli.main", *args]
        return subprocess.run(cmd, cwd=REPO, env=self.env(), capture_output=True, text=True, timeout=timeout)

    def remove_build(self) -> None:
        for path in (self.build, self.build.with_name(self.build.name + ".wal")):
            path.unlink(missing_ok=True)


def generate(out: Path, *args: str) -> None:
    """scripts/generate_data.py into out (e.g. generate(p, "--preset", "small", "--seed", "7"))."""
    done = subprocess.run(
        [sys.executable, str(GENERATOR), *args, "--out", str(out)], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr
