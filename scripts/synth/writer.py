"""Writes frames to DuckDB under SAIL's schema and table names, with the exact types of schema.py.

Each frame becomes an Arrow table (nulls as validity masks, repeated text as dictionaries), and one
CREATE TABLE ... AS SELECT CAST(...) per table fixes the SQL types. The file is built under a
temporary name and renamed at the end, so a failed run never leaves a half-written database.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from .common import NULL, Coded, Column
from .schema import DATE, FLAG, Table

Log = Callable[[str, int, float], None]


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


def write_database(
    out: Path,
    tables: list[tuple[str, Table, dict[str, Column]]],
    refresh_date: str,
    avail_from: int,
    log: Log,
) -> dict[str, int]:
    """Write (schema, table, frame) triples to a new DuckDB file at `out`; returns rows per physical table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp))
    try:
        for schema in sorted({s for s, _, _ in tables}):
            con.execute(f'CREATE SCHEMA "{schema}"')
        for schema, table, frame in tables:
            started = time.perf_counter()
            arrow = arrow_table(table, frame, avail_from)
            con.register("frame_view", arrow)
            select = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in table.columns)
            physical = f'"{schema}"."{table.physical_name(refresh_date)}"'
            con.execute(f"CREATE TABLE {physical} AS SELECT {select} FROM frame_view")
            con.unregister("frame_view")
            counts[f"{schema}.{table.physical_name(refresh_date)}"] = arrow.num_rows
            log(f"write {table.name}", arrow.num_rows, time.perf_counter() - started)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, out)
    return counts
