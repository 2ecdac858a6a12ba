"""One generation run: build every system's tables, write the DuckDB file, write the summary JSON.

Systems are modules with `build(cfg, log) -> Generated`; today only ECMS (England 2014-). CMS (England
2007-2014) and Cafcass Cymru modules can be appended to SYSTEMS with their own refresh dates.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from . import cafw, cms, ecms
from .faults import DEFAULT_RATES
from .presets import Config
from .schema import DATA_SCHEMA_KIND, TABLES_BY_NAME
from .writer import Target, write_database

SYSTEMS = (ecms, cafw, cms)


def print_progress(stage: str, rows: int, seconds: float) -> None:
    print(f"  {stage:<40} {rows:>12,} rows {seconds:8.2f}s", flush=True)


def generate(cfg: Config, out: Path, log: ecms.Log = print_progress) -> dict[str, Any]:
    started = time.perf_counter()
    targets: list[Target] = []
    injected: dict[str, dict[str, int]] = {}
    extra: dict[str, Any] = {}  # a system's own summary keys (e.g. cafw_refresh_date, cafw)
    for system in SYSTEMS:
        built = system.build(cfg, log)
        injected |= built.faults
        extra |= getattr(built, "summary", {})
        for name, frame in [*built.data.items(), *built.lookups.items()]:
            table = TABLES_BY_NAME[name]
            schema = cfg.data_schema if table.kind == DATA_SCHEMA_KIND else cfg.ref_schema
            targets.append(Target(schema, table.physical_name(built.refresh_date), table, frame, built.load_day))
    order = {name: i for i, name in enumerate(TABLES_BY_NAME)}
    targets.sort(key=lambda t: order[t.table.name])
    counts = write_database(out, targets, log)
    summary = {
        "preset": cfg.preset,
        "seed": cfg.seed,
        "scale": cfg.scale,
        "project": cfg.project,
        "ecms_refresh_date": cfg.ecms_refresh_date,
        "data_schema": cfg.data_schema,
        "ref_schema": cfg.ref_schema,
        "fault_rates": {name: cfg.fault_rates.get(name, rate) for name, rate in DEFAULT_RATES.items()},
        "row_counts": counts,
        "faults_injected": injected,
        **extra,
        "generation_seconds": round(time.perf_counter() - started, 2),
    }
    summary_path = out.with_name(out.name + ".summary.json")
    tmp = summary_path.with_name(f".{summary_path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, summary_path)
    return summary
