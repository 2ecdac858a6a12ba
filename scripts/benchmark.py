"""Benchmark the national-scale build against a hand-written floor, and how its cost grows with volume.

    python scripts/benchmark.py                      # national preset, plus half scale; ~10 minutes
    python scripts/benchmark.py --preset small --half-scale 0   # seconds: checks the machinery only

Steps (each timed; dbt runs on DuckDB with its own target, log and database paths under --work):
  1. generate the raw data (scripts/generate_data.py) at full and at half scale;
  2. `dbt parse` from cold, then `dbt build --exclude-resource-type unit_test` (seeds, models, data
     tests; re-using that parse): wall time and peak RSS;
  3. `dbt run` on the same database (models only): wall time and peak RSS;
  4. the floor: scripts/benchmark_floor.sql, one hand-written DuckDB script that builds the whole `children`
     mart (ECMS, CMS and CAFW rows, every column) straight from the raw tables (no dbt, no views: temporary
     tables, then children_floor), whose row count must equal the mart's; the target is the models-only
     `dbt run` within run_to_floor_ratio of it (the tests check the floor equals the mart on the test data);
  5. the row count of every mart; the same build and run at half scale, for the full/half ratios.
Prints a table and writes it as JSON (default data/benchmark/benchmark.json). Exit code 1 when the
floor's row count differs from the mart's or a step fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FLOOR_SQL = REPO / "scripts" / "benchmark_floor.sql"
DEFAULT_WORK = REPO / "data" / "benchmark"
FLOOR_MART = "children"  # the mart the floor computes, whole
HEARTBEAT_SECONDS = 20.0

# Targets of issue 8 (2-core machine, national scale): (metric, limit, unit).
TARGETS: tuple[tuple[str, float, str], ...] = (
    ("generate_seconds", 120.0, "s"),
    ("build_seconds", 120.0, "s"),
    ("build_peak_rss_gb", 6.0, "GB"),
    ("run_to_floor_ratio", 3.0, "x"),
    ("run_full_to_half_ratio", 2.3, "x"),
)


@dataclass
class Timing:
    seconds: float  # wall clock
    peak_rss_bytes: int | None = None
    cpu_seconds: float | None = None  # user + system of the process tree: less sensitive to machine load


@dataclass
class ScaleResult:
    scale: float
    generate: Timing
    generator_row_counts: dict[str, int]
    build: Timing | None = None
    parse: Timing | None = None  # cold `dbt parse`: the build after it re-uses the parsed project
    run: Timing | None = None
    mart_row_counts: dict[str, int] = field(default_factory=dict)
    children_by_system: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- pure helpers (tested)


def maxrss_bytes(ru_maxrss: int, system: str) -> int:
    """getrusage's ru_maxrss in bytes: kilobytes on Linux and BSD, bytes on macOS."""
    return ru_maxrss if system == "Darwin" else ru_maxrss * 1024


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def gigabytes(n_bytes: int | None) -> float | None:
    return None if n_bytes is None else n_bytes / 1e9


def check_targets(metrics: dict[str, float | None]) -> list[dict[str, Any]]:
    """One row per target: value, limit and met (None when the metric was not measured)."""
    rows = []
    for name, limit, unit in TARGETS:
        value = metrics.get(name)
        rows.append({"metric": name, "value": value, "limit": limit, "unit": unit, "met": None if value is None else value <= limit})
    return rows


def format_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain-text table: numbers right-aligned (floats to 1 decimal, ints with thousands separators)."""

    def cell(value: Any) -> str:
        if value is None:
            return "-"
        if isinstance(value, bool):
            return "yes" if value else "NO"
        if isinstance(value, int):
            return f"{value:,}"
        if isinstance(value, float):
            return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
        return str(value)

    cells = [[cell(v) for v in row] for row in rows]
    numeric = [all(isinstance(r[i], (int, float)) or r[i] is None for r in rows) and bool(rows) for i in range(len(headers))]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])


SUMMARY_HEADERS = ["step", "full s", "full CPU s", "half s", "half CPU s", "full/half", "full/half CPU", "peak RSS GB"]


def summary_rows(full: ScaleResult, half: ScaleResult | None, floor: Timing | None, floor_rows: int | None) -> list[list[Any]]:
    """The benchmark table (SUMMARY_HEADERS): wall and CPU seconds at full and half scale, their ratios, RSS."""

    def t(result: ScaleResult | None, attr: str) -> Timing | None:
        return None if result is None else getattr(result, attr)

    rows: list[list[Any]] = []
    steps = (
        ("generate raw data", "generate"),
        ("dbt parse (cold, before the build)", "parse"),
        ("dbt build (models + data tests)", "build"),
        ("dbt run (models only)", "run"),
    )
    for label, attr in steps:
        f, h = t(full, attr), t(half, attr)
        rows.append([
            label,
            None if f is None else f.seconds,
            None if f is None else f.cpu_seconds,
            None if h is None else h.seconds,
            None if h is None else h.cpu_seconds,
            ratio(None if f is None else f.seconds, None if h is None else h.seconds),
            ratio(None if f is None else f.cpu_seconds, None if h is None else h.cpu_seconds),
            None if f is None else gigabytes(f.peak_rss_bytes),
        ])
    label = f"floor: {FLOOR_MART}, one SQL script ({floor_rows:,} rows)" if floor_rows is not None else "floor"
    rows.append([
        label,
        None if floor is None else floor.seconds,
        None if floor is None else floor.cpu_seconds,
        None,
        None,
        None,
        None,
        None if floor is None else gigabytes(floor.peak_rss_bytes),
    ])
    run = full.run
    rows.append([
        "dbt run / floor",
        ratio(None if run is None else run.seconds, None if floor is None else floor.seconds),
        ratio(None if run is None else run.cpu_seconds, None if floor is None else floor.cpu_seconds),
        None,
        None,
        None,
        None,
        None,
    ])
    return rows


# ---------------------------------------------------------------- measurement


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run_measured(cmd: list[str], env: dict[str, str], log_path: Path) -> Timing:
    """Run cmd, output to log_path with a heartbeat on stdout; wall time, CPU time and peak RSS.

    os.wait4 returns the rusage of that child and its waited-for descendants, so the peak is this
    command's own (dbt runs DuckDB in-process: the dbt process RSS is the database's memory).
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    done = [0]
    stop = threading.Event()

    def heartbeat() -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            print(f"    ... {time.monotonic() - started:.0f}s, {done[0]} dbt nodes done (log {log_path})", flush=True)

    beat = threading.Thread(target=heartbeat, daemon=True)
    beat.start()
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            log.write(line)
            if any(f" [{status} " in line for status in ("OK", "PASS", "WARN", "ERROR", "FAIL")):
                done[0] += 1
            if " [ERROR " in line or " [FAIL " in line:
                print("    " + line.rstrip(), flush=True)
        proc.stdout.close()
        rss: int | None = None
        cpu: float | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            rss = maxrss_bytes(usage.ru_maxrss, platform.system())
            cpu = round(usage.ru_utime + usage.ru_stime, 2)
        else:  # Windows: no rusage
            proc.wait()
    stop.set()
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"FAILED (exit {proc.returncode}) after {elapsed:.1f}s: {' '.join(cmd)}\n  see {log_path}")
    return Timing(seconds=round(elapsed, 2), peak_rss_bytes=rss, cpu_seconds=cpu)


def dbt_env(work: Path, raw_db: Path, build_db: Path, threads: int, memory_limit: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DBT_PROFILES_DIR": str(REPO),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "CAFCASS_RAW_DB": str(raw_db),
        "CAFCASS_BUILD_DB": str(build_db),
        "CAFCASS_DUCKDB_TEMP": str(work / "tmp"),
        "CAFCASS_THREADS": str(threads),
        "CAFCASS_DUCKDB_MEMORY": memory_limit,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",  # plain log lines: the progress count matches "[OK in", "[PASS in"
    })
    env.pop("CAFCASS_TARGET", None)
    return env


def remove_db(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


def mart_names(target: Path) -> list[str]:
    """Models under models/marts/ in the manifest dbt just wrote."""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    return sorted(
        n["name"]
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["original_file_path"].replace("\\", "/").startswith("models/marts/")
    )


def count_marts(build_db: Path, marts: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    import duckdb

    con = duckdb.connect(str(build_db), read_only=True)
    try:
        counts = {m: int(con.execute(f"select count(*) from cafcass.{m}").fetchone()[0]) for m in marts}
        by_system = dict(con.execute("select source_system, count(*) from cafcass.children group by source_system order by source_system").fetchall())
    finally:
        con.close()
    return counts, {str(k): int(v) for k, v in by_system.items()}


def run_floor(raw_db: Path, out_db: Path, work: Path, memory_limit: str, threads: int) -> tuple[Timing, int]:
    """The floor in a child process (so its peak RSS is its own): the SQL script, all its statements in one
    execute, on a fresh database."""
    remove_db(out_db)
    code = (
        "import sys, duckdb\n"
        "con = duckdb.connect(sys.argv[2])\n"
        "con.execute(f\"set memory_limit = '{sys.argv[4]}'\")\n"
        "con.execute(f'set threads = {int(sys.argv[5])}')\n"
        "con.execute('set preserve_insertion_order = false')\n"
        "con.execute('set enable_progress_bar = false')\n"
        "con.execute(f\"set temp_directory = '{sys.argv[6]}'\")\n"
        "con.execute(f\"attach '{sys.argv[1]}' as raw (read_only)\")\n"
        "con.execute(open(sys.argv[3], encoding='utf-8').read())\n"
        "con.execute('checkpoint')\n"
        "print(con.execute('select count(*) from children_floor').fetchone()[0])\n"
    )
    log = work / "logs" / "floor.log"
    cmd = [sys.executable, "-c", code, str(raw_db), str(out_db), str(FLOOR_SQL), memory_limit, str(threads), str(work / "tmp")]
    timing = run_measured(cmd, dict(os.environ), log)
    rows = int(log.read_text(encoding="utf-8").strip().splitlines()[-1])
    return timing, rows


def generate(work: Path, preset: str, scale: float, seed: int, label: str) -> tuple[Path, Timing, dict[str, int]]:
    raw_db = work / f"raw_{label}.duckdb"
    progress(f"generate {label}: preset {preset}, scale {scale}, seed {seed} -> {raw_db}")
    cmd = [sys.executable, "scripts/generate_data.py", "--preset", preset, "--scale", str(scale), "--seed", str(seed), "--out", str(raw_db)]
    timing = run_measured(cmd, dict(os.environ), work / "logs" / f"generate_{label}.log")
    summary = json.loads(raw_db.with_name(raw_db.name + ".summary.json").read_text(encoding="utf-8"))
    counts = {k: int(v) for k, v in summary["row_counts"].items()}
    progress(f"  {timing.seconds:.1f}s, {sum(counts.values()):,} rows in {len(counts)} tables")
    return raw_db, timing, counts


def dbt_steps(work: Path, raw_db: Path, label: str, threads: int, memory_limit: str) -> tuple[Timing, Timing, Timing, Path]:
    build_db = work / f"build_{label}.duckdb"
    remove_db(build_db)
    env = dbt_env(work, raw_db, build_db, threads, memory_limit)
    dbt = [sys.executable, "-m", "dbt.cli.main"]
    (work / "target" / "partial_parse.msgpack").unlink(missing_ok=True)
    progress(f"dbt parse {label} (cold: no saved parse)")
    parse = run_measured([*dbt, "parse"], env, work / "logs" / f"parse_{label}.log")
    progress(f"  {parse.seconds:.1f}s")
    progress(f"dbt build {label} (models + data tests, no unit tests) -> {build_db}")
    build = run_measured([*dbt, "build", "--exclude-resource-type", "unit_test"], env, work / "logs" / f"build_{label}.log")
    shutil.copy(work / "target" / "run_results.json", work / f"run_results_build_{label}.json")
    progress(f"  {build.seconds:.1f}s, peak RSS {gigabytes(build.peak_rss_bytes) or 0:.2f} GB")
    progress(f"dbt run {label} (models only, same database)")
    run = run_measured([*dbt, "run"], env, work / "logs" / f"run_{label}.log")
    shutil.copy(work / "target" / "run_results.json", work / f"run_results_run_{label}.json")
    progress(f"  {run.seconds:.1f}s, peak RSS {gigabytes(run.peak_rss_bytes) or 0:.2f} GB")
    return parse, build, run, build_db


def machine_load() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="national")
    parser.add_argument("--scale", type=float, default=1.0, help="full scale (multiplies the preset)")
    parser.add_argument("--half-scale", type=float, default=0.5, help="the smaller scale to compare with; 0 skips it")
    parser.add_argument("--seed", type=int, default=20240111)
    parser.add_argument("--threads", type=int, default=int(os.environ.get("CAFCASS_THREADS", "3")), help="dbt threads (profiles.yml default 3); DuckDB itself, in dbt and in the floor, uses one thread per core")
    parser.add_argument("--memory-limit", default=os.environ.get("CAFCASS_DUCKDB_MEMORY", "4GB"), help="DuckDB memory_limit of dbt (profiles.yml) and the floor")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="raw, build and floor databases, dbt target and logs")
    parser.add_argument("--json", type=Path, help="where to write the results (default <work>/benchmark.json)")
    args = parser.parse_args(argv)
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    (work / "tmp").mkdir(exist_ok=True)
    load_before = machine_load()
    progress(f"machine: {os.cpu_count()} CPUs; {load_before}")

    raw_full, gen_full, counts_full = generate(work, args.preset, args.scale, args.seed, "full")
    full = ScaleResult(scale=args.scale, generate=gen_full, generator_row_counts=counts_full)
    full.parse, full.build, full.run, build_full = dbt_steps(work, raw_full, "full", args.threads, args.memory_limit)
    marts = mart_names(work / "target")
    full.mart_row_counts, full.children_by_system = count_marts(build_full, marts)

    progress("floor: scripts/benchmark_floor.sql on the full raw data")
    floor, floor_rows = run_floor(raw_full, work / "floor.duckdb", work, args.memory_limit, os.cpu_count() or 2)
    mart_rows = full.mart_row_counts.get(FLOOR_MART, 0)
    progress(f"  {floor.seconds:.1f}s; floor {floor_rows:,} rows, {FLOOR_MART} mart {mart_rows:,} rows")

    half: ScaleResult | None = None
    if args.half_scale > 0:
        raw_half, gen_half, counts_half = generate(work, args.preset, args.scale * args.half_scale, args.seed, "half")
        half = ScaleResult(scale=args.scale * args.half_scale, generate=gen_half, generator_row_counts=counts_half)
        half.parse, half.build, half.run, build_half = dbt_steps(work, raw_half, "half", args.threads, args.memory_limit)
        half.mart_row_counts, half.children_by_system = count_marts(build_half, marts)

    metrics: dict[str, float | None] = {
        "generate_seconds": full.generate.seconds,
        "parse_seconds": full.parse.seconds,
        "build_seconds": full.build.seconds,
        "build_peak_rss_gb": gigabytes(full.build.peak_rss_bytes),
        "run_seconds": full.run.seconds,
        "floor_seconds": floor.seconds,
        "run_to_floor_ratio": ratio(full.run.seconds, floor.seconds),
        "run_to_floor_cpu_ratio": ratio(full.run.cpu_seconds, floor.cpu_seconds),
        "build_full_to_half_ratio": ratio(full.build.seconds, half.build.seconds if half and half.build else None),
        "run_full_to_half_ratio": ratio(full.run.seconds, half.run.seconds if half and half.run else None),
        "run_full_to_half_cpu_ratio": ratio(full.run.cpu_seconds, half.run.cpu_seconds if half and half.run else None),
    }
    targets = check_targets(metrics)
    load_after = machine_load()
    floor_matches = floor_rows == mart_rows

    print(f"\nfull = preset {args.preset} x{args.scale:g}, half = x{args.scale * args.half_scale:g}; {args.threads} dbt threads")
    print(format_table(SUMMARY_HEADERS, summary_rows(full, half, floor, floor_rows)))
    print()
    print(format_table(["mart", "rows (full)", "rows (half)"], [[m, full.mart_row_counts[m], half.mart_row_counts.get(m) if half else None] for m in marts]))
    print()
    print(format_table(["target", "value", "limit", "met"], [[f"{t['metric']} ({t['unit']})", t["value"], t["limit"], t["met"]] for t in targets]))
    print(f"\nfloor rows {floor_rows:,} vs {FLOOR_MART} mart rows {mart_rows:,}: {'match' if floor_matches else 'MISMATCH'}")
    print(f"load before: {load_before}\nload after:  {load_after}")

    out = args.json or work / "benchmark.json"
    result = {
        "started_load": load_before,
        "finished_load": load_after,
        "cpus": os.cpu_count(),
        "preset": args.preset,
        "threads": args.threads,
        "memory_limit": args.memory_limit,
        "full": asdict(full),
        "half": None if half is None else asdict(half),
        "floor": {"mart": FLOOR_MART, "sql": str(FLOOR_SQL.relative_to(REPO)), **asdict(floor), "rows": floor_rows, "children_mart_rows": mart_rows, "rows_match": floor_matches},
        "metrics": metrics,
        "targets": targets,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {out}")
    return 0 if floor_matches else 1


if __name__ == "__main__":
    sys.exit(main())
