"""One entry point for users and CI. Standard library only, so it runs on a bare Python 3.11.

    python scripts/run.py build   # set up, generate synthetic data, dbt build, say where results are
    python scripts/run.py test    # set up, then every test: lint, dbt build on test data, DB2 check, pytest
    python scripts/run.py query "select count(*) from cafcass.stg_ecms__people"
    python scripts/run.py handoff # build, then docs site, Stata .dta/do-file, Parquet, summary report
    python scripts/run.py benchmark  # national-scale timings against the floor (scripts/benchmark.py)

It creates `.venv` from the pinned requirements.txt on first use (and again only when that file
changes) and runs every tool through that environment's Python, so Windows and Linux behave alike.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
REQUIREMENTS = REPO / "requirements.txt"
STAMP = VENV / ".requirements.sha256"

DEFAULT_RAW_DB = REPO / "data" / "raw" / "cafcass_raw.duckdb"
DEFAULT_BUILD_DB = REPO / "data" / "build" / "cafcass_dataset.duckdb"
TEST_RAW_DB = REPO / "data" / "test" / "cafcass_raw.duckdb"
TEST_BUILD_DB = REPO / "data" / "test" / "cafcass_dataset.duckdb"
DEFAULT_EXPORTS = REPO / "data" / "exports"
DEFAULT_REPORT = REPO / "data" / "reports" / "summary.html"
# Test data is fixed: the dbt tests and pytest compare against this preset and seed.
TEST_PRESET = "small"
TEST_SEED = 20240111


def venv_python(venv_dir: Path = VENV) -> Path:
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


def step(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    """Run a command from the repo root, streaming its output; stop everything on failure."""
    started = time.monotonic()
    print("$ " + " ".join(str(c) for c in cmd), flush=True)
    completed = subprocess.run(cmd, cwd=REPO, env=env)
    elapsed = time.monotonic() - started
    if completed.returncode != 0:
        print(f"FAILED after {elapsed:.1f}s (exit {completed.returncode}): {' '.join(map(str, cmd))}", flush=True)
        sys.exit(completed.returncode)
    print(f"    done in {elapsed:.1f}s", flush=True)


def ensure_venv() -> Path:
    """Create .venv and install the pinned requirements, unless already done for this file."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return python
    step(f"Setting up {VENV.name} from {REQUIREMENTS.name} (first run only; about a minute)")
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS)])
    STAMP.write_text(wanted)
    return python


def dbt_env(raw_db: Path, build_db: Path, threads: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["DBT_PROFILES_DIR"] = str(REPO)
    env["CAFCASS_RAW_DB"] = str(raw_db)
    env["CAFCASS_BUILD_DB"] = str(build_db)
    env.setdefault("CAFCASS_DUCKDB_TEMP", str(build_db.parent / "tmp"))
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    if threads is not None:
        env["CAFCASS_THREADS"] = str(threads)
    build_db.parent.mkdir(parents=True, exist_ok=True)
    return env


def generate(python: Path, preset: str, seed: int, out: Path, extra: list[str] | None = None) -> None:
    step(f"Generating synthetic SAIL-shaped raw data: preset {preset}, seed {seed}")
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(python), "scripts/generate_data.py", "--preset", preset, "--seed", str(seed), "--out", str(out)]
    run(cmd + (extra or []))


def dbt(python: Path, args: list[str], env: dict[str, str]) -> None:
    run([str(python), "-m", "dbt.cli.main", *args], env=env)


def cmd_build(args: argparse.Namespace) -> None:
    raw_db = Path(args.raw_db).resolve() if args.raw_db else DEFAULT_RAW_DB
    build_db = Path(args.build_db).resolve() if args.build_db else DEFAULT_BUILD_DB
    if args.raw_db and not raw_db.exists():
        sys.exit(f"--raw-db {raw_db} does not exist: give the path of a DuckDB file holding the raw tables.")
    python = ensure_venv()
    if args.raw_db:
        step(f"Using your raw tables in {raw_db}")
    else:
        generate(python, args.preset, args.seed, raw_db)
    env = dbt_env(raw_db, build_db, args.threads)
    step("dbt build (seeds, models, data tests and unit tests) on DuckDB")
    dbt(python, ["build", *args.dbt_args], env)
    rel = os.path.relpath(build_db, Path.cwd())
    print(
        f"""
Results: {build_db}
  DuckDB database; the models are in schema `cafcass` (raw tables stay in {raw_db}).
Query them:
  python scripts/run.py query "select count(*) from cafcass.stg_ecms__people"
  or, from Python:  import duckdb; duckdb.connect(r"{rel}", read_only=True).sql("show all tables").show()
""",
        flush=True,
    )


def cmd_test(args: argparse.Namespace) -> None:
    python = ensure_venv()
    generate(python, TEST_PRESET, TEST_SEED, TEST_RAW_DB)
    env = dbt_env(TEST_RAW_DB, TEST_BUILD_DB)
    step("sqlfluff lint (models, tests, analyses)")
    run([str(python), "-m", "sqlfluff", "lint", "models", "tests", "analyses"], env=env)
    step("dbt build on the test data (models, data tests, unit tests)")
    dbt(python, ["build"], env)
    if (REPO / "scripts" / "db2_check.py").exists():
        step("DB2 check: compile for db2_offline, parse with sqlfluff's db2 dialect, denylist")
        run([str(python), "scripts/db2_check.py"], env=env)
    ensure_chromium()
    step("pytest")
    env["CAFCASS_TEST_RAW_DB"] = str(TEST_RAW_DB)
    env["CAFCASS_TEST_BUILD_DB"] = str(TEST_BUILD_DB)
    run([str(python), "-m", "pytest", *args.pytest_args], env=env)


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def ensure_chromium() -> None:
    """Headless Chromium renders the summary report in pytest; as root on Debian/Ubuntu, install it if missing.

    Elsewhere (or if apt fails) say so and go on: the rendering test then skips and says why.
    """
    if any(shutil.which(name) for name in CHROMIUM_NAMES):
        return
    can_apt = sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    if not can_apt:
        print("note: no Chromium on PATH; the report rendering test will be skipped (install chromium to run it)")
        return
    step("Installing Debian's chromium for the report rendering test (first run only; about a minute)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL).returncode != 0:
            print(f"note: `{' '.join(cmd)}` failed; the report rendering test will be skipped", flush=True)
            return


def handoff_commands(python: Path, build_db: Path, target: Path) -> list[tuple[str, list[str]]]:
    """What `handoff` runs after the build, in order: docs first (its manifest and catalog feed the rest)."""
    return [
        ("dbt docs generate --static (one HTML file)", [str(python), "-m", "dbt.cli.main", "docs", "generate", "--static"]),
        (
            "Stata do-file, labelled .dta and Parquet exports of every mart",
            [str(python), "scripts/stata_handoff.py", "--manifest", str(target / "manifest.json"),
             "--build-db", str(build_db), "--out", str(DEFAULT_EXPORTS)],
        ),
        ("summary report (small numbers suppressed)",
         [str(python), "scripts/report.py", "--build-db", str(build_db), "--out", str(DEFAULT_REPORT)]),
    ]  # fmt: skip


def cmd_handoff(args: argparse.Namespace) -> None:
    if not args.no_build:
        cmd_build(args)
    raw_db = Path(args.raw_db).resolve() if args.raw_db else DEFAULT_RAW_DB
    build_db = Path(args.build_db).resolve() if args.build_db else DEFAULT_BUILD_DB
    if not build_db.exists():
        sys.exit(f"{build_db} does not exist yet: run `python scripts/run.py build` first (or drop --no-build).")
    python = ensure_venv()
    env = dbt_env(raw_db, build_db)
    target = REPO / env.get("DBT_TARGET_PATH", "target")
    for message, cmd in handoff_commands(python, build_db, target):
        step(message)
        run(cmd, env=env)
    print(
        f"""
For analysts:
  docs (open in a browser):   {target / "static_index.html"}
  Stata:                      {DEFAULT_EXPORTS / "stata"}  (<mart>.dta; label_marts.do for the marts inside SAIL)
  R / Python (Parquet):       {DEFAULT_EXPORTS / "parquet"}
  summary report:             {DEFAULT_REPORT}
""",
        flush=True,
    )


def cmd_query(args: argparse.Namespace) -> None:
    build_db = Path(args.build_db).resolve() if args.build_db else DEFAULT_BUILD_DB
    if not build_db.exists():
        sys.exit(f"{build_db} does not exist yet: run `python scripts/run.py build` first.")
    python = ensure_venv()
    code = (
        "import sys, duckdb\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "con.sql(sys.argv[2]).show(max_rows=int(sys.argv[3]))\n"
    )
    run([str(python), "-c", code, str(build_db), args.sql, str(args.max_rows)])


def cmd_benchmark(args: argparse.Namespace) -> None:
    python = ensure_venv()
    step("Benchmark: national data, dbt build and run, the floor, half scale (data/benchmark/)")
    run([str(python), "scripts/benchmark.py", *args.benchmark_args])


def cmd_setup(_: argparse.Namespace) -> None:
    python = ensure_venv()
    print(f"Environment ready: {python}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p_build = sub.add_parser("build", help="set up, generate synthetic data, run dbt build")
    p_build.add_argument("--preset", default="small", help="synthetic data preset: small (default) or national")
    p_build.add_argument("--seed", type=int, default=42)
    p_build.add_argument("--raw-db", help="build on your own DuckDB file of raw tables instead of synthetic data")
    p_build.add_argument("--build-db", help=f"where to write the models (default {DEFAULT_BUILD_DB})")
    p_build.add_argument("--threads", type=int, help="dbt threads (default 2)")
    p_build.add_argument("dbt_args", nargs="*", help="extra dbt build arguments, after --")
    p_build.set_defaults(func=cmd_build)

    p_test = sub.add_parser("test", help="set up and run every test")
    p_test.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    p_test.set_defaults(func=cmd_test)

    p_query = sub.add_parser("query", help="run one SQL query against the built DuckDB database")
    p_query.add_argument("sql")
    p_query.add_argument("--build-db")
    p_query.add_argument("--max-rows", type=int, default=40)
    p_query.set_defaults(func=cmd_query)

    p_handoff = sub.add_parser("handoff", help="build, then docs site, Stata/Parquet exports and summary report")
    p_handoff.add_argument("--no-build", action="store_true", help="reuse the existing build instead of building")
    p_handoff.add_argument("--preset", default="small", help="synthetic data preset: small (default) or national")
    p_handoff.add_argument("--seed", type=int, default=42)
    p_handoff.add_argument("--raw-db", help="build on your own DuckDB file of raw tables instead of synthetic data")
    p_handoff.add_argument("--build-db", help=f"where the models are (default {DEFAULT_BUILD_DB})")
    p_handoff.add_argument("--threads", type=int, help="dbt threads (default 2)")
    p_handoff.add_argument("dbt_args", nargs="*", help="extra dbt build arguments, after --")
    p_handoff.set_defaults(func=cmd_handoff)

    p_benchmark = sub.add_parser("benchmark", help="time the national-scale build against the floor")
    p_benchmark.add_argument("benchmark_args", nargs="*", help="scripts/benchmark.py arguments, after --")
    p_benchmark.set_defaults(func=cmd_benchmark)

    p_setup = sub.add_parser("setup", help="only create .venv with the pinned requirements")
    p_setup.set_defaults(func=cmd_setup)

    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
