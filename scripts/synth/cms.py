"""CMS (England, April 2007 to 2014): builds the 6 data tables and 16 lookups of schema.py (CMS_TABLES).

Steps: cases with their people -> applications -> application members -> child-parent relationships ->
legal outputs per case and hearing -> people -> case rows -> cms_faults (incl. the ECMS linkage) -> SAIL ids.
Tables carry CMS's own refresh date (Config.cms_refresh_date); the lookup CMS_TLKPCASEAPPLICATIONTYPE has
no date suffix (schema.py marks it undated).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import lookups_cms as lk
from . import lookups_ecms as lke
from .cms_cases import CHILD, GENDER_LABELS, build_applications, build_case_rows, build_cases, build_members
from .cms_cases import build_relationships
from .cms_faults import CMS_ALF_OFFSET, CMS_FAULTS, Context, Tables
from .cms_outputs import build_legal_outputs
from .common import NULL, Coded, Frame, day_from_yyyymmdd, encrypt_ids, monday_of, nrows, pick, stream
from .ecms import Generated, Log
from .ecms_people import ALF_STATUS
from .presets import Config

ENGLISH = lke.language_codes()[[n for _, n in lke.language_codes()].index("English")][0]


def _people(cases_members: Frame, case_date: np.ndarray, rng: np.random.Generator) -> Frame:
    m = cases_members
    n = len(m["kind"])
    dob = m["dob"]
    child = m["kind"] == CHILD
    infant = dob > case_date[m["case"]] - 30
    status = np.array([s for s, _ in ALF_STATUS])[pick(rng, n, [w for _, w in ALF_STATUS])]
    status = np.where(infant & (rng.random(n) < 0.6), 99, status)
    u = rng.random(n)
    pct = np.select(
        [status == 1, status == 4, status == 39, status == 35],
        [np.ones(n), 0.95 + 0.05 * u, 0.9 + 0.1 * u, 0.5 + 0.4 * u],
        np.where(u < 0.5, np.nan, 0.5 * rng.random(n)),
    )
    seq = np.arange(n)
    eth_ids = np.array([i for i, _, w in lke.ETHNICITIES if w > 0])
    case_eth = eth_ids[pick(rng, len(case_date), [w for _, _, w in lke.ETHNICITIES if w > 0])]
    own_eth = eth_ids[pick(rng, n, [w for _, _, w in lke.ETHNICITIES if w > 0])]
    eth = np.where(rng.random(n) < 0.85, case_eth[m["case"]], own_eth)
    eth = np.where(rng.random(n) < np.where(child, 0.08, 0.15), lk.ETHNICITY_UNKNOWN, eth)
    rel_ids = np.array([i for i, _, w in lke.RELIGIONS if w > 0])
    religion = rel_ids[pick(rng, n, [w for _, _, w in lke.RELIGIONS if w > 0])]
    religion = np.where(rng.random(n) < 0.35, NULL, np.where(rng.random(n) < 0.1, lk.RELIGION_UNKNOWN, religion))
    langs = [(i, lke.LANGUAGE_WEIGHTS.get(name, 0.5)) for i, name in lke.language_codes()[:-2]]
    language = np.array([i for i, _ in langs])[pick(rng, n, [w for _, w in langs])]
    language = np.where(rng.random(n) < 0.25, NULL, language)
    foreign = (language != NULL) & (language != ENGLISH)
    interpreter = np.where(rng.random(n) < 0.2, NULL, (foreign & (rng.random(n) < 0.4)).astype(np.int64))
    dis_types = [(i, w) for i, _, w in lk.DISABILITIES if w > 0]
    disabled = rng.random(n) < np.where(child, 0.10, 0.15)
    disability = np.where(
        disabled, np.array([i for i, _ in dis_types])[pick(rng, n, [w for _, w in dis_types])], lk.DISABILITY_NONE
    )
    disability = np.where(rng.random(n) < 0.05, lk.DISABILITY_NOT_KNOWN, disability)
    disability = np.where(rng.random(n) < 0.4, NULL, disability)
    month_start = dob.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return {
        "member": seq,
        "dob": dob.copy(),
        "ALF_PE": np.where(status == 99, NULL, encrypt_ids(CMS_ALF_OFFSET + seq, "alf")),
        "ALF_STS_CD": status.astype(np.int64),
        "ALF_MTCH_PCT": np.round(pct, 6),
        "ALF2_PE": np.where(rng.random(n) < 0.6, encrypt_ids(CMS_ALF_OFFSET + seq, "alf2"), NULL),
        "GENDER": Coded(m["gender"].astype(np.int32), GENDER_LABELS),
        "WEEKOFBIRTH": monday_of(dob),
        "ETHNICREF": eth.astype(np.int64),
        "RELIGIONREF": religion.astype(np.int64),
        "FIRSTLANGUAGEREF": language.astype(np.int64),
        "INTERPRETERREQ": interpreter,
        "DISABILITYREF": disability.astype(np.int64),
        "MOB_LINKAGE": month_start,
    }


@dataclass
class CmsGenerated(Generated):
    summary: dict[str, Any] = field(default_factory=dict)  # merged into the run summary (pipeline.generate)


def build(cfg: Config, log: Log) -> CmsGenerated:
    rng = lambda name: stream(cfg.seed, f"cms/{name}")  # noqa: E731
    clock = time.perf_counter()

    def done(stage: str, rows: int) -> None:
        nonlocal clock
        now = time.perf_counter()
        log(stage, rows, now - clock)
        clock = now

    cases = build_cases(cfg, rng("cases"))
    done("cms cases and people", len(cases.members["kind"]))
    apps = build_applications(cases, rng("applications"))
    members = build_members(cases, apps, rng("members"))
    members["CONVERTEDTYPE"] = Coded(np.full(nrows(members), -1, dtype=np.int32), tuple(lk.CONVERTED_TEXT.values()))
    done("cms applications and members", nrows(apps) + nrows(members))
    rels = build_relationships(cases)
    los = build_legal_outputs(apps, rng("legal_outputs"))
    done("cms relationships and legal outputs", nrows(rels) + nrows(los))
    tables: Tables = {
        "CAFE_CMS_TBLCASEAPPLICATION": apps | {"app": np.arange(nrows(apps))},
        "CAFE_CMS_TBLPERSON": _people(cases.members, cases.date, rng("people")),
        "CAFE_CMS_TBLCASEAPPLICATIONMEMBER": members,
        "CAFE_CMS_TBLCRSPERSONRELATIONSHIP": rels,
        "CAFE_CMS_TBLLEGALOUTPUT": los,
        "CAFE_CMS_TBLCASE": build_case_rows(cases, apps, rng("case_rows")),
    }
    for frame in tables.values():
        frame.setdefault("row", np.arange(nrows(frame)))
    n = len(cases.members["kind"])
    ctx = Context(cfg, cases.members["kind"], cases.date[cases.members["case"]], np.zeros(n, dtype=bool))
    rates = {f.name: cfg.fault_rates.get(f.name, f.default_rate) for f in CMS_FAULTS}
    truth = {f.name: f.apply(tables, rates[f.name], rng(f"fault/{f.name}"), ctx) for f in CMS_FAULTS}
    done("cms faults and linkage", sum(v for t in truth.values() for k, v in t.items() if not k.startswith("out_of_")))
    data = {k: _sail_ids(k, v) for k, v in tables.items()}
    load_day = day_from_yyyymmdd(cfg.cms_refresh_date)
    summary = {"cms_refresh_date": cfg.cms_refresh_date, "cms": {"fault_rates": rates, "faults_injected": truth}}
    return CmsGenerated(cfg.cms_refresh_date, load_day, data, lk.lookup_frames(), {}, summary)


def person_ids(member: np.ndarray) -> np.ndarray:
    return encrypt_ids(member, "cms-person")


def _sail_ids(name: str, frame: Frame) -> Frame:
    out = dict(frame)
    if name == "CAFE_CMS_TBLCASEAPPLICATION":
        out["CASEAPPLICATIONID_PE"] = encrypt_ids(frame["app"], "cms-application")  # type: ignore[arg-type]
        out["CASEREF_PE"] = encrypt_ids(frame["case"], "cms-case")  # type: ignore[arg-type]
    elif name == "CAFE_CMS_TBLPERSON":
        out["PERSONID_PE"] = person_ids(frame["member"])  # type: ignore[arg-type]
    elif name == "CAFE_CMS_TBLCASEAPPLICATIONMEMBER":
        out["CASEAPPLICATIONMEMBERID_PE"] = encrypt_ids(frame["row"], name)  # type: ignore[arg-type]
        out["CASEAPPLICATIONREF_PE"] = encrypt_ids(frame["app"], "cms-application")  # type: ignore[arg-type]
        out["MEMBERREF_PE"] = person_ids(frame["member"])  # type: ignore[arg-type]
    elif name == "CAFE_CMS_TBLCRSPERSONRELATIONSHIP":
        out["PERSONRELATIONSHIPID_PE"] = encrypt_ids(frame["row"], name)  # type: ignore[arg-type]
        out["PARENTREF_PE"] = person_ids(frame["parent"])  # type: ignore[arg-type]
        out["CHILDREF_PE"] = person_ids(frame["child"])  # type: ignore[arg-type]
    elif name == "CAFE_CMS_TBLLEGALOUTPUT":
        out["LEGALOUTPUTID_PE"] = encrypt_ids(frame["row"], name)  # type: ignore[arg-type]
        out["CASEREF_PE"] = encrypt_ids(frame["case"], "cms-case")  # type: ignore[arg-type]
        out["CASEHEARINGREF_PE"] = encrypt_ids(frame["hearing"], "cms-hearing")  # type: ignore[arg-type]
    elif name == "CAFE_CMS_TBLCASE":
        out["CASEID_PE"] = encrypt_ids(frame["case"], "cms-case")  # type: ignore[arg-type]
    return out
