"""One generation run: build every system's tables, write the DuckDB file, write the summary JSON."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from . import ecms
from .common import day_from_yyyymmdd
from .faults import DEFAULT_RATES
from .presets import Config
from .schema import DATA_SCHEMA_KIND, TABLES_BY_NAME
from .writer import write_database


def print_progress(stage: str, rows: int, seconds: float) -> None:
    print(f"  {stage:<40} {rows:>12,} rows {seconds:8.2f}s", flush=True)


def generate(cfg: Config, out: Path, log: ecms.Log = print_progress) -> dict[str, Any]:
    started = time.perf_counter()
    built = ecms.build(cfg, log)
    tables = []
    for name, frame in [*built.data.items(), *built.lookups.items()]:
        table = TABLES_BY_NAME[name]
        schema = cfg.data_schema if table.kind == DATA_SCHEMA_KIND else cfg.ref_schema
        tables.append((schema, table, frame))
    order = {name: i for i, name in enumerate(TABLES_BY_NAME)}
    tables.sort(key=lambda t: order[t[1].name])
    avail_from = day_from_yyyymmdd(cfg.refresh_date)  # every row loaded with the refresh
    counts = write_database(out, tables, cfg.refresh_date, avail_from, log)
    summary = {
        "preset": cfg.preset,
        "seed": cfg.seed,
        "scale": cfg.scale,
        "project": cfg.project,
        "ecms_refresh_date": cfg.refresh_date,
        "data_schema": cfg.data_schema,
        "ref_schema": cfg.ref_schema,
        "fault_rates": {name: cfg.fault_rates.get(name, rate) for name, rate in DEFAULT_RATES.items()},
        "row_counts": counts,
        "faults_injected": built.faults,
        "generation_seconds": round(time.perf_counter() - started, 2),
    }
    summary_path = out.with_name(out.name + ".summary.json")
    tmp = summary_path.with_name(f".{summary_path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, summary_path)
    return summary
