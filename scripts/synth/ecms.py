"""ECMS (England, 2014 onwards): builds the 11 data tables and 18 lookups of schema.py.

Steps: families -> cases -> applications -> persons on applications -> legal outputs -> relationships
-> people -> characteristics -> faults -> SAIL ids. Sibling modules for CMS (England 2007-2014) and
Wales can follow the same `build(cfg, log) -> Generated` shape.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import lookups_ecms as lk
from .common import Frame, day_from_yyyymmdd, encrypt_ids, nrows, stream
from .ecms_cases import build_applications, build_case_rows, persons_on_applications, role_flags
from .ecms_families import build_cases, build_families
from .ecms_outputs import build_legal_outputs
from .ecms_people import build_characteristic, build_disabilities, build_people, characteristics, family_values
from .ecms_relationships import build_relationships
from .faults import FAULTS, Context, Tables
from .presets import Config

Log = Callable[[str, int, float], None]


@dataclass
class Generated:
    refresh_date: str  # YYYYMMDD suffix of this system's tables
    load_day: int  # AVAIL_FROM_DT of rows that carry none of their own
    data: dict[str, Frame]  # schema.py data-table name -> columns
    lookups: dict[str, Frame]  # schema.py lookup-table name -> columns
    faults: dict[str, dict[str, int]]  # ground truth of each injected fault


def build(cfg: Config, log: Log) -> Generated:
    rng = lambda name: stream(cfg.seed, f"ecms/{name}")  # noqa: E731
    clock = time.perf_counter()

    def done(stage: str, rows: int) -> None:
        nonlocal clock
        now = time.perf_counter()
        log(stage, rows, now - clock)
        clock = now

    fams = build_families(cfg, rng("families"))
    done("families (members)", len(fams.members["kind"]))
    cases = build_cases(cfg, fams, rng("cases"))
    done("cases", len(cases.law))
    apps, court_ref = build_applications(cfg, cases, fams, rng("applications"))
    case_rows = build_case_rows(cfg, cases, fams, apps, court_ref, rng("case_rows"))
    done("applications", nrows(apps))
    poa = persons_on_applications(cases, fams, apps)
    done("persons on applications", nrows(poa))
    los, has_r164 = build_legal_outputs(cfg, apps, poa, rng("legal_outputs"))
    poa |= role_flags(poa, apps["law"][poa["app"]], has_r164, rng("roles"))
    done("legal outputs", nrows(los))
    rels = build_relationships(fams, rng("relationships"))
    done("relationships", nrows(rels))
    people = build_people(fams, rng("people"))
    chars_rng = rng("characteristics")
    tables: Tables = {
        "CAFE_ECMS_APPLICATIONS": apps | {"app": np.arange(nrows(apps))},
        "CAFE_ECMS_PEOPLE": people,
        "CAFE_ECMS_PERSONSONAPPLICATIONS": poa,
        "CAFE_ECMS_PERSONRELATIONSHIPS": rels,
        "CAFE_ECMS_LEGALOUTPUTS": los,
        "CAFE_ECMS_CASES": case_rows,
    }
    for spec in characteristics():
        codes = fams.ethnicity if spec.type_col == "ETHNICITYTYPE_ID" else family_values(spec, len(fams.law), chars_rng)
        tables[spec.table] = build_characteristic(spec, fams, codes, chars_rng)
    tables["CAFE_ECMS_DISABILITIES"] = build_disabilities(fams, chars_rng)
    person_tables = ("CAFE_ECMS_PEOPLE", *(spec.table for spec in characteristics()), "CAFE_ECMS_DISABILITIES")
    done("people and characteristics", sum(nrows(tables[t]) for t in person_tables))

    for name, frame in tables.items():
        frame.setdefault("row", np.arange(nrows(frame)))
    load_day = day_from_yyyymmdd(cfg.ecms_refresh_date)  # every row is loaded with the refresh
    ctx = Context(fams.members, np.zeros(len(fams.members["kind"]), dtype=bool), load_day)
    truth: dict[str, dict[str, int]] = {}
    for fault in FAULTS:
        rate = cfg.fault_rates.get(fault.name, fault.default_rate)
        truth[fault.name] = fault.apply(tables, rate, rng(f"fault/{fault.name}"), ctx)
    done("faults", sum(v for t in truth.values() for k, v in t.items() if not k.startswith("out_of_")))
    data = {k: _sail_ids(k, v) for k, v in tables.items()}
    return Generated(cfg.ecms_refresh_date, load_day, data, lk.lookup_frames(), truth)


def person_ids(member: np.ndarray) -> np.ndarray:
    return encrypt_ids(member, "person")


def _sail_ids(name: str, frame: Frame) -> Frame:
    """Swap internal positions for SAIL-like encrypted ids (same position -> same id in every table)."""
    out = dict(frame)
    if name == "CAFE_ECMS_PEOPLE":
        out["ID_PE"] = person_ids(frame["member"])  # type: ignore[arg-type]
        return out
    out["ID_PE"] = encrypt_ids(frame["row"], name)  # type: ignore[arg-type]
    if name == "CAFE_ECMS_APPLICATIONS":
        out["ID_PE"] = encrypt_ids(frame["app"], "application")  # type: ignore[arg-type]
        out["CASE_ID_PE"] = encrypt_ids(frame["case"], "case")  # type: ignore[arg-type]
    elif name == "CAFE_ECMS_CASES":
        out["ID_PE"] = encrypt_ids(frame["row"], "case")  # type: ignore[arg-type]
    if "member" in frame:
        out["PERSON_ID_PE"] = person_ids(frame["member"])  # type: ignore[arg-type]
    if "related" in frame:
        out["RELATEDPERSON_ID_PE"] = person_ids(frame["related"])  # type: ignore[arg-type]
    if "app" in frame and name != "CAFE_ECMS_APPLICATIONS":
        out["APPLICATION_ID_PE"] = encrypt_ids(frame["app"], "application")  # type: ignore[arg-type]
    if name == "CAFE_ECMS_LEGALOUTPUTS":
        out["CASE_ID_PE"] = encrypt_ids(frame["case"], "case")  # type: ignore[arg-type]
    return out
