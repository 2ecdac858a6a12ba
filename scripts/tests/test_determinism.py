"""Determinism harness: the marts do not depend on row order, dbt threads or how often they are built.

The Stata code keeps "an arbitrary row" in several places, so two runs on the same data can disagree. Here
every mart (every model under models/marts, read from dbt's manifest, so new marts are covered without
editing this file) is fingerprinted by an order-independent hash: its row count, the sum of the hashes of
its rows, and per column the sum of the hashes of its values (to name the columns that differ). The
fingerprints must be identical
  (a) when every raw table's rows are shuffled (a copy written with ORDER BY random(), same names/types),
  (b) between dbt threads=1 and threads=4,
  (c) between a first build and a second build over it.
Four builds of the marts and their parents on generated data (preset small, scale from
CAFCASS_DETERMINISM_SCALE, default 0.5), data and unit tests excluded: about a minute or two.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dbt_isolated import DbtFolder, generate, output

SEED = 20240111
SCALE = os.environ.get("CAFCASS_DETERMINISM_SCALE", "0.5")
MARTS_DIR = "models/marts/"
BUILD = ["build", "--select", "+path:models/marts", "--exclude-resource-type", "unit_test", "test"]
CONTRACT_MARTS = {"child_applications", "children", "cases"}


@dataclass(frozen=True)
class Mart:
    name: str
    schema: str
    alias: str

    @property
    def relation(self) -> str:
        return f"{self.schema}.{self.alias}"


@dataclass
class Fingerprint:
    n_rows: int
    row_hash: int
    column_hashes: dict[str, int] = field(default_factory=dict)


@dataclass
class Runs:
    marts: list[Mart]
    prints: dict[str, dict[str, Fingerprint]]  # run label -> mart name -> fingerprint
    copies: dict[str, Path]  # run label -> copy of its build database


def discover_marts(target: Path) -> list[Mart]:
    manifest: dict[str, Any] = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    marts = [
        Mart(n["name"], n["schema"], n["alias"])
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model"
        and n["original_file_path"].replace("\\", "/").startswith(MARTS_DIR)
        and n["config"].get("enabled", True)
    ]
    return sorted(marts, key=lambda m: m.name)


def fingerprint(build: Path, marts: list[Mart]) -> dict[str, Fingerprint]:
    con = duckdb.connect(str(build), read_only=True)
    try:
        out: dict[str, Fingerprint] = {}
        for mart in marts:
            columns = [r[0] for r in con.execute(f"describe {mart.relation}").fetchall()]
            per_column = ", ".join(f'coalesce(sum(hash(t."{c}")), 0)' for c in columns)
            row = con.execute(
                f"select count(*), coalesce(sum(hash(t)), 0), {per_column} from {mart.relation} as t"
            ).fetchone()
            assert row is not None
            out[mart.name] = Fingerprint(int(row[0]), int(row[1]), dict(zip(columns, map(int, row[2:]), strict=True)))
        return out
    finally:
        con.close()


def shuffled_copy(source: Path, dest: Path, seed: float = 0.42) -> int:
    """Every base table of source, rows in random order, into dest under the same schema and table names."""
    dest.unlink(missing_ok=True)
    con = duckdb.connect(str(dest))
    try:
        con.execute(f"attach '{source}' as src (read_only)")
        con.execute(f"select setseed({seed})")
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_catalog = 'src' and table_type = 'BASE TABLE' order by all"
        ).fetchall()
        for schema, table in tables:
            con.execute(f'create schema if not exists "{schema}"')
            con.execute(f'create table "{schema}"."{table}" as select * from src."{schema}"."{table}" order by random()')
        con.execute("detach src")
        return len(tables)
    finally:
        con.close()


def first_rows(path: Path, n: int = 50) -> list[tuple[Any, ...]]:
    """The first rows of the largest table in scan order (to prove a shuffle moved rows)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        schema, table = con.execute(
            "select schema_name, table_name from duckdb_tables() order by estimated_size desc, table_name limit 1"
        ).fetchone() or ("", "")
        return con.execute(f'select * from "{schema}"."{table}" limit {n}').fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    folder = DbtFolder(tmp_path_factory.mktemp("determinism"))
    original = folder.root / "original.duckdb"
    shuffled = folder.root / "shuffled.duckdb"
    generate(original, "--preset", "small", "--scale", SCALE, "--seed", str(SEED))
    n_tables = shuffled_copy(original, shuffled)
    assert n_tables > 20, f"only {n_tables} raw tables copied"
    assert first_rows(original) != first_rows(shuffled), "the shuffled copy kept the row order"

    prints: dict[str, dict[str, Fingerprint]] = {}
    copies: dict[str, Path] = {}
    marts: list[Mart] = []

    def build(label: str, raw: Path, threads: int, fresh: bool) -> None:
        nonlocal marts
        shutil.copyfile(raw, folder.raw)  # one raw path for every run keeps dbt's partial parse
        if fresh:
            folder.remove_build()
        done = folder.dbt(*BUILD, "--threads", str(threads))
        assert done.returncode == 0, f"{label}: dbt build failed\n{output(done)[-6000:]}"
        if not marts:
            marts = discover_marts(folder.target)
        prints[label] = fingerprint(folder.build, marts)
        copies[label] = folder.root / f"build_{label}.duckdb"
        shutil.copyfile(folder.build, copies[label])

    build("threads_1", original, threads=1, fresh=True)
    build("second_run", original, threads=1, fresh=False)
    build("threads_4", original, threads=4, fresh=True)
    build("shuffled_raw", shuffled, threads=4, fresh=True)
    yield Runs(marts, prints, copies)


def differences(runs: Runs, left: str, right: str) -> list[str]:
    """What differs between two runs, per mart: row counts, columns, and rows found in only one of them."""
    problems: list[str] = []
    for mart in runs.marts:
        a, b = runs.prints[left][mart.name], runs.prints[right][mart.name]
        if a == b:
            continue
        columns = [c for c in a.column_hashes if a.column_hashes[c] != b.column_hashes.get(c)]
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"attach '{runs.copies[left]}' as l (read_only)")
            con.execute(f"attach '{runs.copies[right]}' as r (read_only)")
            only_left = con.execute(
                f"select count(*) from (select * from l.{mart.relation} except all select * from r.{mart.relation})"
            ).fetchone()
        finally:
            con.close()
        problems.append(
            f"{mart.name}: rows {a.n_rows} vs {b.n_rows}; {only_left[0] if only_left else '?'} rows of {left} "
            f"not in {right}; columns that differ: {columns or 'none (values re-paired between rows)'}"
        )
    return problems


def test_marts_are_discovered_and_not_empty(runs: Runs) -> None:
    names = {m.name for m in runs.marts}
    assert CONTRACT_MARTS <= names, f"marts found in the manifest: {sorted(names)}"
    for name in CONTRACT_MARTS:
        assert runs.prints["threads_1"][name].n_rows > 0, f"{name} is empty: the comparison would prove nothing"


def test_second_build_gives_the_same_marts(runs: Runs) -> None:
    assert differences(runs, "threads_1", "second_run") == []


def test_threads_do_not_change_the_marts(runs: Runs) -> None:
    assert differences(runs, "threads_1", "threads_4") == []


def test_raw_row_order_does_not_change_the_marts(runs: Runs) -> None:
    assert differences(runs, "threads_4", "shuffled_raw") == []


def test_fingerprint_sees_a_changed_value_and_a_re_pairing(tmp_path: Path) -> None:
    """The fingerprint must fail on what it is meant to catch (a self-test on a synthetic table)."""
    db = tmp_path / "fp.duckdb"
    mart = [Mart("m", "main", "m")]
    con = duckdb.connect(str(db))
    con.execute("create table m as select * from (values (1, 'a'), (2, 'b'), (3, 'c')) as v(k, x)")
    con.close()
    base = fingerprint(db, mart)["m"]
    con = duckdb.connect(str(db))
    con.execute("create or replace table m as select * from (values (3, 'c'), (1, 'a'), (2, 'b')) as v(k, x)")
    con.close()
    assert fingerprint(db, mart)["m"] == base, "row order must not matter"
    con = duckdb.connect(str(db))
    con.execute("create or replace table m as select * from (values (1, 'b'), (2, 'a'), (3, 'c')) as v(k, x)")
    con.close()
    swapped = fingerprint(db, mart)["m"]
    assert swapped.row_hash != base.row_hash and swapped.column_hashes == base.column_hashes
    con = duckdb.connect(str(db))
    con.execute("create or replace table m as select * from (values (1, 'a'), (2, 'b'), (3, 'z')) as v(k, x)")
    con.close()
    changed = fingerprint(db, mart)["m"]
    assert changed.column_hashes["x"] != base.column_hashes["x"] and changed.column_hashes["k"] == base.column_hashes["k"]
