"""scripts/benchmark.py: its pure helpers (units, ratios, targets, the table) and the floor SQL's contract."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import benchmark
from benchmark import ScaleResult, Timing

REPO = Path(__file__).resolve().parents[2]


def test_maxrss_is_kilobytes_on_linux_and_bytes_on_macos() -> None:
    assert benchmark.maxrss_bytes(2048, "Linux") == 2048 * 1024
    assert benchmark.maxrss_bytes(2048, "Darwin") == 2048


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(6.0, 2.0, 3.0), (1.0, 4.0, 0.25), (None, 2.0, None), (2.0, None, None), (2.0, 0.0, None), (2.0, -1.0, None)],
)
def test_ratio_is_none_unless_both_measured_and_denominator_positive(
    numerator: float | None, denominator: float | None, expected: float | None
) -> None:
    assert benchmark.ratio(numerator, denominator) == expected


def test_check_targets_compares_each_metric_with_its_limit() -> None:
    rows = benchmark.check_targets({"build_seconds": 119.9, "generate_seconds": 120.5, "run_to_floor_ratio": 3.0})
    by_name = {r["metric"]: r for r in rows}
    assert [r["metric"] for r in rows] == [name for name, _, _ in benchmark.TARGETS]
    assert by_name["build_seconds"]["met"] is True
    assert by_name["generate_seconds"]["met"] is False
    assert by_name["run_to_floor_ratio"]["met"] is True  # the limit itself is within target
    assert by_name["build_peak_rss_gb"]["met"] is None  # not measured is not "met"
    assert by_name["build_peak_rss_gb"]["limit"] == 6.0


def test_format_table_aligns_columns_and_formats_values() -> None:
    text = benchmark.format_table(["step", "seconds", "ok"], [["build", 112.345, True], ["floor", 3.14159, None], ["rows", 1234567, False]])
    lines = text.splitlines()
    assert lines[0].split() == ["step", "seconds", "ok"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert "112.3" in lines[2] and "3.14" in lines[3] and "1,234,567" in lines[4]
    assert lines[2].endswith("yes") and lines[4].endswith("NO") and lines[3].rstrip().endswith("-")
    # The numeric column is right-aligned: its values end at the same position.
    ends = {line.index(value) + len(value) for line, value in zip(lines[2:], ["112.3", "3.14", "1,234,567"], strict=True)}
    assert len(ends) == 1


def test_summary_rows_give_full_half_ratios_and_the_floor_ratio() -> None:
    full = ScaleResult(
        1.0, Timing(100.0), {}, build=Timing(120.0, 4_000_000_000, 200.0), run=Timing(60.0, 3_000_000_000, 90.0),
        parse=Timing(15.0),
    )
    half = ScaleResult(0.5, Timing(50.0), {}, build=Timing(60.0, None, 80.0), run=Timing(30.0))
    rows = benchmark.summary_rows(full, half, Timing(20.0, 1_000_000_000, 45.0), 1000)
    assert all(len(r) == len(benchmark.SUMMARY_HEADERS) for r in rows)
    by_label = {r[0]: r for r in rows}
    assert by_label["dbt build (models + data tests)"][1:] == [120.0, 200.0, 60.0, 80.0, 2.0, 2.5, 4.0]
    assert by_label["dbt run (models only)"][5] == 2.0
    assert by_label["dbt run (models only)"][6] is None  # half-scale CPU not measured
    assert by_label["dbt run / floor"][1:3] == [3.0, 2.0]
    assert by_label["dbt parse (cold, before the build)"][1] == 15.0
    assert not any("ECMS" in str(r[0]) for r in rows)  # the floor is the whole mart: no per-system run
    floor_row = next(r for r in rows if str(r[0]).startswith("floor"))
    assert "1,000 rows" in floor_row[0] and floor_row[1:3] == [20.0, 45.0]


def test_summary_rows_without_half_scale_leave_ratios_empty() -> None:
    full = ScaleResult(1.0, Timing(10.0), {}, build=Timing(12.0), run=Timing(6.0))
    rows = benchmark.summary_rows(full, None, None, None)
    assert all(r[3] is None and r[4] is None and r[5] is None and r[6] is None for r in rows)
    assert rows[-1][1] is None and rows[-1][2] is None and rows[-2][1] is None


def test_floor_sql_is_one_script_on_raw_tables_only() -> None:
    """One script: temporary tables for the steps (dropped once read), then the one table children_floor; no
    views, no dbt."""
    sql = benchmark.FLOOR_SQL.read_text(encoding="utf-8")
    code = "\n".join(line.split("--")[0] for line in sql.splitlines())
    assert code.strip().endswith(";")
    statements = [s.strip() for s in code.split(";") if s.strip()]
    assert statements[-1].startswith("create or replace table children_floor as")
    assert all(re.match(r"(create or replace temp table|drop table) \w+", s) for s in statements[:-1])
    created = {m.group(1) for s in statements[:-1] if (m := re.match(r"create or replace temp table (\w+)", s))}
    dropped = [m.group(1) for s in statements if (m := re.match(r"drop table (\w+)", s))]
    assert created and set(dropped) <= created and len(dropped) == len(set(dropped))
    assert not re.search(r"\b(stg|int)_(ecms|cms|cafw)__", code)  # no dbt relations: the raw tables only
    assert not re.search(r"create\s+(or\s+replace\s+)?(temp\s+|temporary\s+)?view", code)
    assert "cafcass." not in code  # nothing read from a built database


@pytest.mark.skipif(
    not os.environ.get("CAFCASS_TEST_RAW_DB") or not os.environ.get("CAFCASS_TEST_BUILD_DB"),
    reason="needs CAFCASS_TEST_RAW_DB and CAFCASS_TEST_BUILD_DB (python scripts/run.py test sets them)",
)
def test_floor_equals_the_children_mart_on_the_test_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The floor is only a fair floor if it computes the same rows: every column of every child, all systems."""
    import duckdb

    con = duckdb.connect(str(tmp_path / "floor.duckdb"))
    monkeypatch.chdir(REPO)  # the floor reads the seed CSVs by relative path
    con.execute(f"attach '{os.environ['CAFCASS_TEST_RAW_DB']}' as raw (read_only)")
    con.execute(benchmark.FLOOR_SQL.read_text(encoding="utf-8"))
    con.execute(f"attach '{os.environ['CAFCASS_TEST_BUILD_DB']}' as built (read_only)")
    columns = [r[0].lower() for r in con.execute("select column_name from (describe children_floor)").fetchall()]
    mart_columns = [r[0] for r in con.execute("select column_name from (describe built.cafcass.children)").fetchall()]
    assert columns == mart_columns, "the floor must compute every column of the children mart, in order"
    listed = ", ".join(columns)
    floor = f"select {listed} from children_floor"
    mart = f"select {listed} from built.cafcass.children"
    by_system = "select source_system, count(*) from ({}) group by source_system order by source_system"
    n_floor = con.execute(by_system.format(floor)).fetchall()
    n_mart = con.execute(by_system.format(mart)).fetchall()
    assert n_floor == n_mart
    assert [s for s, n in n_mart if n > 0] == ["CAFW", "CMS", "ECMS"]  # every system is compared
    only_floor = con.execute(f"select count(*) from ({floor} except all {mart})").fetchone()[0]
    only_mart = con.execute(f"select count(*) from ({mart} except all {floor})").fetchone()[0]
    assert (only_floor, only_mart) == (0, 0)
    # The comparison covers the cross-system linkage: some groups hold children of more than one system.
    n_cross = con.execute(
        "select count(*) from children_floor where split_part(linked_child_key, '-', 1) <> source_system"
    ).fetchone()[0]
    assert n_cross > 0


def test_run_py_benchmark_calls_the_script_through_the_venv(monkeypatch: pytest.MonkeyPatch) -> None:
    import run

    calls: list[list[str]] = []
    monkeypatch.setattr(run, "ensure_venv", lambda: Path("/venv/bin/python"))
    monkeypatch.setattr(run, "run", lambda cmd, env=None: calls.append([str(c) for c in cmd]))
    run.main(["benchmark", "--", "--half-scale", "0"])
    assert calls == [["/venv/bin/python", "scripts/benchmark.py", "--half-scale", "0"]]
