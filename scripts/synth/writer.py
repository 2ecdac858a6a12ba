"""Writes frames to DuckDB under SAIL's schema and table names, with the exact types of schema.py.

Each frame becomes an Arrow table (nulls as validity masks, repeated text as dictionaries), and one
CREATE TABLE ... AS SELECT CAST(...) per table fixes the SQL types. The file is built under a
temporary name and renamed at the end, so a failed run never leaves a half-written database.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from .common import NULL, Coded, Column
from .schema import DATE, FLAG, Table

Log = Callable[[str, int, float], None]


@dataclass(frozen=True)
class Target:
    """One table to write: where, its schema.py contract, its columns, and the load date to fill in."""

    schema: str
    physical_name: str
    table: Table
    frame: dict[str, Column]
    load_day: int


def _arrow(values: Column, sql_type: str) -> pa.Array:
    if isinstance(values, Coded):
        codes = values.codes.astype(np.int32)
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), pa.array(values.labels, pa.string()))
    if values.dtype == object:
        return pa.array(values.tolist(), pa.string())
    if values.dtype == bool:
        return pa.array(values)
    if values.dtype.kind == "f":
        return pa.array(values, mask=np.isnan(values))
    missing = values == NULL
    if sql_type == DATE:
        return pa.array(np.where(missing, 0, values).astype(np.int32), mask=missing).cast(pa.date32())
    if sql_type == FLAG:  # 0/1 with NULLs
        return pa.array(values == 1, mask=missing)
    return pa.array(values.astype(np.int64), mask=missing)


def arrow_table(table: Table, frame: dict[str, Column], avail_from: int) -> pa.Table:
    """The frame's columns in schema order; AVAIL_FROM_DT filled with the load date."""
    n = len(next(iter(frame.values())))
    columns = {}
    for name, sql_type in table.columns:
        if name == "AVAIL_FROM_DT" and name not in frame:
            columns[name] = _arrow(np.full(n, avail_from, dtype=np.int64), DATE)
        elif name not in frame:
            raise KeyError(f"{table.name} has no column {name}")
        else:
            columns[name] = _arrow(frame[name], sql_type)
    return pa.table(columns)


def write_database(out: Path, targets: list[Target], log: Log) -> dict[str, int]:
    """Write every target to a new DuckDB file at `out`; returns rows per schema.physical name."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    _remove(tmp)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp))
    try:
        for schema in sorted({t.schema for t in targets}):
            con.execute(f'CREATE SCHEMA "{schema}"')
        for t in targets:
            started = time.perf_counter()
            arrow = arrow_table(t.table, t.frame, t.load_day)
            con.register("frame_view", arrow)
            select = ", ".join(f'CAST("{c}" AS {sql_type}) AS "{c}"' for c, sql_type in t.table.columns)
            con.execute(f'CREATE TABLE "{t.schema}"."{t.physical_name}" AS SELECT {select} FROM frame_view')
            con.unregister("frame_view")
            counts[f"{t.schema}.{t.physical_name}"] = arrow.num_rows
            log(f"write {t.table.name}", arrow.num_rows, time.perf_counter() - started)
        con.execute("CHECKPOINT")
        con.close()
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    os.replace(tmp, out)
    return counts


def _remove(db: Path) -> None:
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
