"""Applications, their courts and dates, the case rows, and persons on applications.

Columns named in upper case are SAIL's; lower-case columns are internal links (row positions) used by
later steps and never written.
"""

from __future__ import annotations

import numpy as np

from . import lookups_ecms as lk
from .common import NULL, Frame, cumsum_within, day, day_from_yyyymmdd, expand, pick
from .ecms_families import APPLICANT, FATHER_A, MOTHER, OTHER, RESPONDENT, SUBJECT, Cases, Families
from .presets import Config

APPS_PER_CASE = ([0.78, 0.15, 0.05, 0.02], [0.85, 0.11, 0.03, 0.01])
FAMILY_COURT_START = day("2014-04-22")  # the single Family Court replaced FPCs and County Courts
PARENT_APPLIES = (
    "Discharge of care order (s39)",
    "Revocation of placement order (ACA 2002 s24)",
    "Contact with child in care (s34)",
    "Variation/discharge of supervision order (s39)",
)

_TYPES = lk.APPLICATION_TYPES
_TYPE_IDS = np.array([a.id for a in _TYPES])


def _draw_types(rng: np.random.Generator, law: np.ndarray, later: np.ndarray) -> np.ndarray:
    out = np.zeros(len(law), dtype=np.int64)
    for law_id in (lk.PUBLIC, lk.PRIVATE):
        for is_later in (False, True):
            idx = np.flatnonzero((law == law_id) & (later == is_later))
            weights = [(a.later_weight if is_later else a.first_weight) * (a.law == law_id) for a in _TYPES]
            out[idx] = _TYPE_IDS[pick(rng, len(idx), weights)]
    return out


def _type_attr(type_ids: np.ndarray, attr: str) -> np.ndarray:
    table = np.zeros(_TYPE_IDS.max() + 1)
    for a in _TYPES:
        table[a.id] = getattr(a, attr)
    return table[type_ids]


def _court_refs(
    rng: np.random.Generator, la: np.ndarray, date: np.ndarray, law: np.ndarray, high: np.ndarray
) -> np.ndarray:
    """A court-level reference for each case: a court of the local authority's DFJ area, at the level
    the date implies (magistrates/county court before the Family Court opened)."""
    area_of_la = np.zeros(200, dtype=np.int64)
    for la_id, _, area_id, _ in lk.local_authorities():
        area_of_la[la_id] = area_id
    courts = lk.courts()
    area = area_of_la[la]
    court = np.zeros(len(la), dtype=np.int64)
    for area_id in np.unique(area):
        idx = np.flatnonzero(area == area_id)
        mine = [c for c in courts if c.area_id == area_id]
        court[idx] = np.array([c.id for c in mine])[pick(rng, len(idx), [2.0 if c.is_main else 1.0 for c in mine])]
    main_of_area = np.zeros(len(courts) + 1, dtype=np.int64)
    for c in courts:
        if c.is_main:
            main_of_area[c.area_id] = c.id
    county = rng.random(len(la)) < np.where(law == lk.PUBLIC, 0.3, 0.2)
    level = np.where(date < FAMILY_COURT_START, np.where(county, lk.COUNTY_COURT, lk.FPC), lk.FAMILY_COURT)
    level = np.where(high, lk.HIGH_COURT, level)
    court = np.where(high, main_of_area[area], court)
    ref = np.zeros((len(courts) + 1, 6), dtype=np.int64)
    for ref_id, court_id, level_id, _ in lk.court_level_refs():
        ref[court_id, level_id] = ref_id
    return ref[court, level]


def build_applications(cfg: Config, cases: Cases, fams: Families, rng: np.random.Generator) -> tuple[Frame, np.ndarray]:
    """Application rows, and the court-level reference of each case."""
    end = day_from_yyyymmdd(cfg.ecms_refresh_date)
    pub = cases.law == lk.PUBLIC
    n_apps = np.where(pub, pick(rng, len(pub), APPS_PER_CASE[0]), pick(rng, len(pub), APPS_PER_CASE[1])) + 1
    case, pos = expand(n_apps)
    law = cases.law[case]
    types = _draw_types(rng, law, pos > 0)
    first_type = types[np.arange(len(case)) - pos]  # the type of the case's first application (row index)
    epo = lk.APP_TYPE_ID["Emergency Protection Order (s44)"]
    types = np.where((pos == 1) & (first_type == epo), lk.APP_TYPE_ID["Care (s31)"], types)
    prev_type = np.where(pos > 0, types[np.maximum(np.arange(len(case)) - 1, 0)], 0)
    gap = np.where(
        pos == 0, 0, np.where(prev_type == epo, rng.integers(1, 11, len(case)), rng.integers(14, 400, len(case)))
    )
    date = cases.date[case] + cumsum_within(gap, case)
    keep = (pos == 0) | (date < end - 1)
    case, pos, types, date = case[keep], pos[keep], types[keep], date[keep]
    law = cases.law[case]
    n = len(case)

    year = (date.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970) - 2014
    median = _type_attr(types, "median_days") * (1 + _type_attr(types, "trend") * np.maximum(year, 0))
    sigma = np.where(median < 20, 0.6, 0.45)
    duration = np.maximum(np.round(median * np.exp(rng.normal(0, sigma))), 1).astype(np.int64)
    received = date + np.where(rng.random(n) < 0.03, rng.integers(10, 90, n), rng.poisson(1.5, n))
    received = np.minimum(received, end - 1)
    notified = np.minimum(received + rng.poisson(0.4, n), end - 1)
    completed = date + duration
    completed = np.where(completed < end, completed, NULL)
    delay = np.where(rng.random(n) < 0.8, 0, rng.integers(1, 15, n))
    app_completed = np.where(
        (completed != NULL) & (completed + delay < end) & (rng.random(n) > 0.04), completed + delay, NULL
    )
    revocation_type = lk.APP_TYPE_ID["Revocation of placement order (ACA 2002 s24)"]

    high = types == lk.APP_TYPE_ID["Inherent Jurisdiction/Wardship"]
    case_high = np.zeros(len(cases.law), bool)
    case_high[case[high & (pos == 0)]] = True
    court_ref = _court_refs(rng, fams.la[cases.fam], cases.date, cases.law, case_high)
    app_ref = court_ref[case]
    moved = (pos > 0) & (high | (rng.random(n) < 0.02))  # later applications sometimes go up to the High Court
    high_ref = _court_refs(rng, fams.la[cases.fam[case]], date, law, np.ones(n, bool))
    app_ref = np.where(moved, high_ref, app_ref)

    apps = {
        "case": case,
        "pos": pos,
        "law": law,
        "CASE_ID_PE": case,  # replaced by encrypted ids in ecms.py
        "APPLICATIONTYPE1_ID": types,
        "COURTCOURTLEVELREF_ID": app_ref,
        "DATEOFAPPLICATION": date,
        "DATERECEIVED": received,
        "DATENOTIFIED": notified,
        "DATECOMPLETED": completed,
        "DATEAPPLICATIONCOMPLETED": app_completed,
        "NEWAPPLICATIONDATE": np.where(rng.random(n) < 0.04, date + rng.integers(0, 30, n), NULL),
        "REVOCATIONAPPLICANTTYPEID": np.where(types == revocation_type, rng.integers(1, 4, n), NULL),
        "APPLICATIONREASON_ID": np.where(rng.random(n) < 0.15, pick(rng, n, [5, 3, 2, 1, 1]) + 1, NULL),
    }
    return apps, court_ref


def build_case_rows(
    cfg: Config, cases: Cases, fams: Families, apps: Frame, court_ref: np.ndarray, rng: np.random.Generator
) -> Frame:
    end = day_from_yyyymmdd(cfg.ecms_refresh_date)
    nc = len(cases.law)
    first = np.flatnonzero(apps["pos"] == 0)  # one per case, in case order
    first_type = apps["APPLICATIONTYPE1_ID"][first]
    forms = np.array([lk.COURT_FORM_ID[a.form] for a in _TYPES])[np.searchsorted(_TYPE_IDS, first_type)]
    s31 = np.isin(first_type, [lk.APP_TYPE_ID["Care (s31)"], lk.APP_TYPE_ID["Supervision (s31)"]])
    forms = np.where(s31 & (cases.date < FAMILY_COURT_START), lk.COURT_FORM_ID[lk.LEGACY_CARE_FORM], forms)

    open_app = np.zeros(nc, bool)
    open_app[apps["case"][apps["DATECOMPLETED"] == NULL]] = True
    last_done = np.full(nc, NULL)
    np.maximum.at(last_done, apps["case"], apps["DATECOMPLETED"])
    closure = last_done + rng.integers(0, 46, nc)
    closure = np.where(open_app | (closure >= end), NULL, closure)
    closed = closure != NULL
    reopen = closure + rng.integers(20, 500, nc)
    reopened = closed & (rng.random(nc) < 0.03) & (reopen < end)
    reclose = reopen + rng.integers(20, 200, nc)
    reclosed = reopened & (reclose < end) & (rng.random(nc) < 0.4)
    status = np.select([reopened & ~reclosed, closed], [lk.CASE_REOPENED, lk.CASE_CLOSED], lk.CASE_OPEN)
    pub = cases.law == lk.PUBLIC
    la = fams.la[cases.fam]
    harm = np.where(rng.random(nc) < np.where(pub, 0.2, 0.55), 1, 0)
    return {
        "ID_PE": np.arange(nc),
        "COURTCOURTLEVELREF_ID": court_ref,
        "LAWTYPE_ID": cases.law.astype(np.int64),
        "LOCALAUTHORITY_ID": np.where(~pub & (rng.random(nc) < 0.1), NULL, la),
        "COURTFORM_ID": forms,
        "CASESTATU_ID": status,
        "HARM": np.where(rng.random(nc) < 0.03, NULL, harm),
        "DATERECEIVED": apps["DATERECEIVED"][first],
        "CLOSUREDATE": np.where(reclosed, reclose, closure),
        "REOPENDATE": np.where(reopened, reopen, NULL),
    }


def persons_on_applications(cases: Cases, fams: Families, apps: Frame) -> Frame:
    """One row per application x case member, roles from the case (public-law parents apply only
    in applications about an existing order)."""
    cm = cases.members
    nc = len(cases.law)
    starts = np.searchsorted(cm["case"], np.arange(nc))
    sizes = np.bincount(cm["case"], minlength=nc)
    app, pos = expand(sizes[apps["case"]])
    row = starts[apps["case"][app]] + pos
    role = cm["role"][row].copy()
    kind = fams.members["kind"][cm["member"][row]]

    parent_applies = np.isin(apps["APPLICATIONTYPE1_ID"][app], [lk.APP_TYPE_ID[t] for t in PARENT_APPLIES])
    has_mother = np.zeros(len(apps["case"]), bool)
    has_mother[app[kind == MOTHER]] = True
    applicant_kind = np.where(has_mother[app], MOTHER, FATHER_A)
    role = np.where(parent_applies & (kind == applicant_kind) & (role != OTHER), APPLICANT, role)
    return {"app": app, "member": cm["member"][row], "role": role, "case": apps["case"][app]}


def role_flags(poa: Frame, law: np.ndarray, app_has_r164: np.ndarray, rng: np.random.Generator) -> Frame:
    """The six SAIL text flags. Public-law children are parties (through their guardian); private-law
    children only once a rule 16.4 guardian is appointed."""
    role = poa["role"]
    n = len(role)
    subject = role == SUBJECT
    public = law == lk.PUBLIC
    subject_party = subject & np.where(public, rng.random(n) < 0.95, app_has_r164[poa["app"]])
    return {
        "ISSUBJECT": subject,
        "ISRESPONDENT": role == RESPONDENT,
        "ISAPPLICANT": role == APPLICANT,
        "ISOTHER": role == OTHER,
        "ISSUBJECTPARTY": subject_party,
        "ISOTHERPARTY": (role == OTHER) & (rng.random(n) < 0.5),
    }
