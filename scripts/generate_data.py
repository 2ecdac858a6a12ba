"""Generate SAIL-shaped synthetic Cafcass raw tables into one DuckDB file.

    python scripts/generate_data.py --preset small                      # ~0.5 % of England, seconds
    python scripts/generate_data.py --preset national --seed 7          # true England volumes 2014-
    python scripts/generate_data.py --preset small --fault two_mothers=0.05 --fault exact_duplicate_rows=0

Tables: SAIL<project>V.CAFE_ECMS_<X>_<refresh date> (data) and SAILCAFEREFV.ECMS_<X>_<refresh date>
(lookups), SAIL<project>V.CAFE_CMS_<X>_<cms refresh date> and SAILCAFEREFV.CMS_TLKP<X>_<cms refresh date>
(England CMS 2007-2014), and the Wales CAFW_CAFCASS_* tables, as listed in scripts/synth/schema.py.
Same seed and options give identical tables.
Also writes <out>.summary.json (row counts, fault rates and the faults actually injected).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth.cafw_faults import FAULTS as CAFW_FAULTS  # noqa: E402
from synth.cms_faults import CMS_FAULTS  # noqa: E402
from synth.faults import FAULTS, FAULTS_BY_NAME  # noqa: E402
from synth.pipeline import generate  # noqa: E402
from synth.presets import PRESETS, Config  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _fault(text: str) -> tuple[str, float]:
    name, sep, rate = text.partition("=")
    names = [*FAULTS_BY_NAME, *(f.name for f in CAFW_FAULTS), *(f.name for f in CMS_FAULTS)]
    if not sep or name not in names:
        raise argparse.ArgumentTypeError(f"expected NAME=RATE with NAME one of: {', '.join(names)}")
    try:
        value = float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError(f"rate of {name} is not a number: {rate!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"rate of {name} must be between 0 and 1, got {value}")
    return name, value


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be > 0")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    every = (*FAULTS, *CAFW_FAULTS, *CMS_FAULTS)
    faults = "\n".join(f"  {f.name:<30} default {f.default_rate:<6} {f.doc}" for f in every)
    parser = argparse.ArgumentParser(
        description=__doc__, epilog=f"faults:\n{faults}", formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=REPO / "data" / "raw" / "cafcass_raw.duckdb")
    parser.add_argument("--project", default="1661", help="SAIL project number: schema SAIL<project>V")
    parser.add_argument("--ecms-refresh-date", default="20240111", help="YYYYMMDD suffix of the ECMS tables")
    parser.add_argument("--cms-refresh-date", default="20191220", help="YYYYMMDD suffix of the CMS tables")
    parser.add_argument("--cafw-refresh-date", default="20230622", help="YYYYMMDD suffix of the CAFW tables")
    parser.add_argument("--scale", type=_positive, default=1.0, help="multiplies the preset's volumes")
    parser.add_argument("--fault", type=_fault, action="append", default=[], metavar="NAME=RATE")
    args = parser.parse_args(argv)
    if not re.fullmatch(r"\d{8}", args.ecms_refresh_date):
        parser.error("--ecms-refresh-date must be YYYYMMDD")
    if not re.fullmatch(r"\d{8}", args.cms_refresh_date):
        parser.error("--cms-refresh-date must be YYYYMMDD")
    if not re.fullmatch(r"\d{8}", args.cafw_refresh_date):
        parser.error("--cafw-refresh-date must be YYYYMMDD")
    if not re.fullmatch(r"\d+", args.project):
        parser.error("--project must be digits, e.g. 1661")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    cfg = Config(
        preset=args.preset,
        seed=args.seed,
        scale=args.scale,
        project=args.project,
        ecms_refresh_date=args.ecms_refresh_date,
        cafw_refresh_date=args.cafw_refresh_date,
        cms_refresh_date=args.cms_refresh_date,
        fault_rates=dict(args.fault),
    )
    started = time.perf_counter()
    print(f"Generating preset {cfg.preset} (scale {cfg.scale}, seed {cfg.seed}) -> {args.out}", flush=True)
    summary = generate(cfg, args.out)
    total = sum(summary["row_counts"].values())
    print(
        f"Wrote {len(summary['row_counts'])} tables, {total:,} rows in {time.perf_counter() - started:.1f}s", flush=True
    )


if __name__ == "__main__":
    main()
