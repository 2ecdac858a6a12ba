"""Offline DB2 check: proves the project compiles for SAIL's DB2 and that the SQL is DB2's, with no server.

    python scripts/db2_check.py              # what `python scripts/run.py test` runs
    python scripts/db2_check.py --help

Standard library only, so any Python 3.10-3.12 can run it (ibm-dbt-db2 needs one of those). Steps:

  1. create or update `.venv-db2` from requirements-db2.txt (IBM's ibm-dbt-db2 adapter, dbt-core 1.11,
     sqlfluff, pytest); skipped when the stamp of the requirements hash matches;
  2. `dbt compile --target db2_offline --no-populate-cache --no-introspect --target-path target_db2`,
     unit tests excluded (they run on DuckDB only): every model, data test and analysis must compile;
  3. parse every compiled file under target_db2/compiled with sqlfluff's `db2` dialect: zero errors;
  4. pytest scripts/tests/test_db2_denylist.py and test_db2_snapshots.py over the compiled SQL: the
     denylist of what the parser lets through (`::`, LIMIT, INTERVAL, GROUP BY 1, bare TRUE, ...) and
     the golden files of every cross-database macro's DB2 rendering.

Exit status 0 only when every step passes. The compiled SQL stays in target_db2/compiled for review.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REQUIREMENTS = REPO / "requirements-db2.txt"
DEFAULT_VENV = REPO / ".venv-db2"
TARGET = "db2_offline"
DEFAULT_TARGET_PATH = "target_db2"
PYTEST_FILES = ["scripts/tests/test_db2_denylist.py", "scripts/tests/test_db2_snapshots.py"]
# Resource types whose compiled SQL must exist after the compile (unit tests are excluded on purpose).
COMPILED_TYPES = ("model", "test", "analysis", "snapshot")


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    steps: list[StepResult] = field(default_factory=list)

    def add(self, name: str, ok: bool, started: float, detail: str = "") -> bool:
        self.steps.append(StepResult(name, ok, time.monotonic() - started, detail))
        mark = "ok" if ok else "FAILED"
        print(f"--> {name}: {mark} in {time.monotonic() - started:.1f}s{'  (' + detail + ')' if detail else ''}", flush=True)
        return ok

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.steps)

    def print_summary(self, total_started: float) -> None:
        print("\nDB2 check summary", flush=True)
        width = max(len(s.name) for s in self.steps) if self.steps else 10
        for s in self.steps:
            print(f"  {'PASS' if s.ok else 'FAIL'}  {s.name:<{width}}  {s.seconds:6.1f}s  {s.detail}", flush=True)
        verdict = "PASSED" if self.ok else "FAILED"
        print(f"DB2 check {verdict} in {time.monotonic() - total_started:.1f}s", flush=True)


def banner(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def venv_python(venv_dir: Path) -> Path:
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    print("$ " + " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, cwd=REPO, env=env).returncode


def requirements_hash(requirements: Path) -> str:
    return hashlib.sha256(requirements.read_bytes()).hexdigest()


def ensure_venv(venv_dir: Path, requirements: Path = REQUIREMENTS) -> tuple[bool, str]:
    """Create venv_dir and install the pinned requirements, unless its stamp says that is done."""
    stamp = venv_dir / ".requirements.sha256"
    python = venv_python(venv_dir)
    wanted = requirements_hash(requirements)
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return True, f"{venv_dir.name} up to date"
    if not (3, 10) <= sys.version_info[:2] <= (3, 12):
        return False, f"ibm-dbt-db2 needs Python 3.10-3.12; this is {sys.version.split()[0]}"
    print(f"Setting up {venv_dir} from {requirements.name} (first run only; about a minute)", flush=True)
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    code = run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(requirements)])
    if code != 0:
        return False, f"pip install failed (exit {code})"
    stamp.write_text(wanted)
    return True, f"installed into {venv_dir.name}"


def dbt_env() -> dict[str, str]:
    env = dict(os.environ)
    env["DBT_PROFILES_DIR"] = str(REPO)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    env.pop("CAFCASS_TARGET", None)
    return env


def compile_for_db2(python: Path, target_path: str) -> tuple[bool, str]:
    compiled = REPO / target_path / "compiled"
    if compiled.exists():
        shutil.rmtree(compiled)  # no stale files from deleted or renamed models
    cmd = [
        str(python), "-m", "dbt.cli.main", "compile",
        "--target", TARGET,
        "--no-populate-cache", "--no-introspect",
        "--target-path", target_path,
        "--exclude", "resource_type:unit_test",
        "--warn-error-options", '{"silence": ["NoNodesForSelectionCriteria"]}',
    ]  # fmt: skip
    code = run(cmd, env=dbt_env())
    if code != 0:
        return False, f"dbt compile exit {code}"
    return check_compiled_everything(REPO / target_path)


def check_compiled_everything(target_dir: Path) -> tuple[bool, str]:
    """Every enabled model, data test, analysis and snapshot in the manifest has its compiled file,
    and every compile result is a success."""
    manifest = json.loads((target_dir / "manifest.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {t: 0 for t in COMPILED_TYPES}
    missing: list[str] = []
    for node in manifest["nodes"].values():
        kind = node["resource_type"]
        if kind not in COMPILED_TYPES:
            continue
        counts[kind] += 1
        path = node.get("compiled_path")
        if not path or not (REPO / path).is_file():
            missing.append(node["unique_id"])
    results = json.loads((target_dir / "run_results.json").read_text(encoding="utf-8"))["results"]
    failed = [r["unique_id"] for r in results if r["status"] != "success"]
    for uid in missing:
        print(f"  not compiled: {uid}", flush=True)
    for uid in failed:
        print(f"  compile did not succeed: {uid}", flush=True)
    plural = {"analysis": "analyses"}
    detail = ", ".join(f"{n} {plural.get(kind, kind + 's') if n != 1 else kind}" for kind, n in counts.items() if n)
    return not missing and not failed, detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="environment with ibm-dbt-db2 (default .venv-db2)")
    parser.add_argument("--target-path", default=DEFAULT_TARGET_PATH, help="dbt target path (default target_db2)")
    parser.add_argument("--processes", type=int, default=min(4, os.cpu_count() or 1), help="parallel sqlfluff parsers")
    parser.add_argument("--skip-compile", action="store_true", help="check the SQL already in <target-path>/compiled")
    args = parser.parse_args(argv)

    total_started = time.monotonic()
    report = Report()
    venv_dir = args.venv if args.venv.is_absolute() else (Path.cwd() / args.venv)
    compiled_dir = REPO / args.target_path / "compiled"

    banner(f"1/4 DB2 environment ({venv_dir})")
    started = time.monotonic()
    ok, detail = ensure_venv(venv_dir)
    if not report.add("DB2 environment", ok, started, detail):
        report.print_summary(total_started)
        return 1
    python = venv_python(venv_dir)

    banner(f"2/4 dbt compile --target {TARGET} (offline, no server), unit tests excluded")
    started = time.monotonic()
    if args.skip_compile:
        ok, detail = compiled_dir.is_dir(), "skipped: using existing compiled SQL"
    else:
        ok, detail = compile_for_db2(python, args.target_path)
    if not report.add("dbt compile for DB2", ok, started, detail):
        report.print_summary(total_started)
        return 1

    banner(f"3/4 sqlfluff parse, dialect db2, of every file under {os.path.relpath(compiled_dir, REPO)}")
    started = time.monotonic()
    n_files = sum(1 for _ in compiled_dir.rglob("*.sql"))
    cache = REPO / args.target_path / "db2_parse_cache.json"
    code = run(
        [
            str(python), str(REPO / "scripts" / "db2_sql_rules.py"), "parse", str(compiled_dir),
            "--processes", str(args.processes), "--cache", str(cache),
        ]
    )  # fmt: skip
    report.add("sqlfluff db2 parse", code == 0, started, f"{n_files} files" + ("" if code == 0 else ", parse errors above"))

    banner("4/4 pytest: denylist and macro snapshots over the compiled SQL")
    started = time.monotonic()
    env = dict(os.environ)
    env["CAFCASS_DB2_COMPILED_DIR"] = str(compiled_dir)
    code = run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *PYTEST_FILES], env=env)
    report.add("pytest denylist + snapshots", code == 0, started, "" if code == 0 else f"pytest exit {code}")

    report.print_summary(total_started)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
