"""Cafcass Cymru (Wales): builds the nine CAFW_CAFCASS_* tables of schema.CAFW_TABLES.

CAFW looks like a Dynamics CRM extract (data-resource.md 1.3): a case is an "incident", people attach to
applications and to each other through connection tables (RECORD1ID / RECORD2ID with role names), and
lookups arrive as text labels. Steps: cases (public law 2011-, private law 2005-) -> families (some return
in a later case) -> applications -> service users -> hearings and outcomes -> relationships -> ALF rows
-> true linkage rates (for the summary) -> faults (cafw_faults.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import cafw_faults
from . import lookups_cafw as lk
from .common import NULL, Coded, Frame, day, day_from_yyyymmdd, encrypt_ids, expand, monday_of, nrows, pairs_within
from .common import pick, stream, year_of
from .ecms import Generated, Log
from .presets import Config

PUBLIC_APPS_PER_CASE = (0.80, 0.15, 0.05)  # 1, 2, 3 applications
PRIVATE_APPS_PER_CASE = (0.85, 0.15)
CHILDREN_PER_CASE = {lk.PUBLIC: (0.58, 0.24, 0.11, 0.05, 0.02), lk.PRIVATE: (0.62, 0.27, 0.08, 0.03)}
RETURN_SHARE = 0.10  # cases that bring back the family of an earlier case of the same law type
# Public-law duration (weeks, mean) by year of start: long before the 2014 26-week limit, longer again after 2020.
PUBLIC_WEEKS = {2011: 45, 2012: 40, 2013: 33, 2014: 28, 2015: 27, 2016: 28, 2017: 30, 2018: 31, 2019: 34,
                2020: 42, 2021: 45, 2022: 45, 2023: 44}  # fmt: skip
PRIVATE_WEEKS = 20
# Children's age at case start: (unborn, under 1, 1-4, 5-9, 10-15, 16-17) shares; bounds in days.
CHILD_AGE_BANDS = ((-200, 0), (0, 365), (365, 5 * 365), (5 * 365, 10 * 365), (10 * 365, 16 * 365), (16 * 365, 18 * 365))
CHILD_AGE_SHARES = {lk.PUBLIC: (0.06, 0.24, 0.25, 0.22, 0.18, 0.05), lk.PRIVATE: (0.0, 0.06, 0.30, 0.33, 0.28, 0.03)}
USABLE_STATUS = (1, 4, 39)  # dbt var alf_usable_status_codes default; status 39 always scores >= 0.9 here
USABLE_GIVEN_MATCH = sum(w for c, w in lk.ALF_MATCHED_STATUS if c in USABLE_STATUS) / sum(
    w for _, w in lk.ALF_MATCHED_STATUS
)


@dataclass
class CafwGenerated(Generated):
    summary: dict[str, Any] = field(default_factory=dict)  # merged into the run summary


def volume_factor(cfg: Config) -> float:
    return lk.CAFW_PRESETS[cfg.preset] * cfg.scale


def _labels(*groups: tuple[tuple[Any, ...], ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen[item[0]] = None
    return tuple(seen)


def _code(labels: tuple[str, ...], names: list[str] | tuple[str, ...]) -> np.ndarray:
    return np.array([labels.index(n) for n in names], dtype=np.int64)


def _case_starts(volumes: dict[int, int], per_year: float, refresh: int, rng: np.random.Generator) -> np.ndarray:
    starts = []
    for year, volume in volumes.items():
        y0, y1 = day(f"{year}-01-01"), day(f"{year + 1}-01-01")
        end = min(y1, refresh + 1)
        if end <= y0:
            continue
        n = int(round(volume * per_year * (end - y0) / (y1 - y0)))
        starts.append(rng.integers(y0, end, n))
    return np.sort(np.concatenate(starts)) if starts else np.zeros(0, dtype=np.int64)


@dataclass
class Cases:
    law: np.ndarray
    start: np.ndarray
    end: np.ndarray  # final hearing day (may lie after the refresh: still open)
    family: np.ndarray  # family index
    la: np.ndarray


def build_cases(cfg: Config, refresh: int, rng: np.random.Generator) -> Cases:
    factor = volume_factor(cfg)
    mean_apps = float(np.dot(PUBLIC_APPS_PER_CASE, np.arange(1, 4)))
    public = _case_starts(lk.CAFW_PUBLIC_APPLICATIONS, factor / mean_apps, refresh, rng)
    private = _case_starts(lk.CAFW_PRIVATE_CASES, factor, refresh, rng)
    law = np.r_[np.full(len(public), lk.PUBLIC), np.full(len(private), lk.PRIVATE)]
    start = np.r_[public, private]
    n = len(start)
    weeks = np.where(
        law == lk.PUBLIC,
        np.array([PUBLIC_WEEKS.get(int(y), 30) for y in year_of(start)]) if n else np.zeros(0),
        PRIVATE_WEEKS,
    )
    shape = np.where(law == lk.PUBLIC, 6.0, 3.0)
    end = start + np.maximum(7, np.round(rng.gamma(shape, weeks * 7 / shape))).astype(np.int64)
    # Returning families: a later case of the same law type with the family of an earlier one.
    owner = np.arange(n)
    for first, count in ((0, len(public)), (len(public), len(private))):
        pos = np.arange(1, count)
        chosen = np.sort(rng.choice(pos, size=int(round(RETURN_SHARE * len(pos))), replace=False)) if len(pos) else pos
        earlier = (rng.random(len(chosen)) * chosen).astype(np.int64)
        for i, j in zip(chosen + first, earlier + first, strict=True):
            owner[i] = owner[j]
    owners = np.flatnonzero(owner == np.arange(n))
    la = pick(rng, n, lk.LA_WEIGHTS)
    return Cases(law, start, end, np.searchsorted(owners, owner), la)


@dataclass
class Families:
    owner_case: np.ndarray  # first case of each family
    members: Frame  # fam, kind, gender (1 male / 2 female), dob


def build_families(cases: Cases, rng: np.random.Generator) -> Families:
    owner_case = np.unique(cases.family, return_index=True)[1]
    nf = len(owner_case)
    law = cases.law[owner_case]
    start = cases.start[owner_case]
    n_children = np.ones(nf, dtype=np.int64)
    for lt, weights in CHILDREN_PER_CASE.items():
        at = law == lt
        n_children[at] = pick(rng, int(at.sum()), weights) + 1
    has_father = np.where(law == lk.PUBLIC, rng.random(nf) < 0.85, True)
    has_gp = rng.random(nf) < np.where(law == lk.PUBLIC, 0.10, 0.05)
    size = n_children + 1 + has_father + has_gp
    fam, pos = expand(size)
    nc = n_children[fam]
    kind = np.select(
        [pos < nc, pos == nc, (pos == nc + 1) & has_father[fam]], [lk.CHILD, lk.MOTHER, lk.FATHER], lk.GRANDPARENT
    )
    n = len(fam)
    band = np.zeros(n, dtype=np.int64)
    for lt, shares in CHILD_AGE_SHARES.items():
        at = law[fam] == lt
        band[at] = pick(rng, int(at.sum()), shares)
    lo, hi = np.array(CHILD_AGE_BANDS).T
    child_age = lo[band] + (rng.random(n) * (hi[band] - lo[band])).astype(np.int64)
    child_age = np.where(kind == lk.CHILD, child_age, 0)
    oldest = np.zeros(nf, dtype=np.int64)
    np.maximum.at(oldest, fam, child_age)
    base = np.where(law == lk.PUBLIC, 18.0, 22.0)
    mother_age = np.maximum(base + rng.gamma(3.0, 3.5, nf), oldest / 365.25 + 16) * 365.25
    adult_age = np.select(
        [kind == lk.MOTHER, kind == lk.FATHER, kind == lk.GRANDPARENT],
        [mother_age[fam], np.maximum(mother_age[fam] + rng.normal(3, 4, n) * 365.25, 16 * 365.25),
         mother_age[fam] + (25 + 10 * rng.random(n)) * 365.25],
        0,
    ).astype(np.int64)  # fmt: skip
    age = np.where(kind == lk.CHILD, child_age, adult_age)
    gender = np.select(
        [kind == lk.MOTHER, kind == lk.FATHER, kind == lk.GRANDPARENT],
        [2, 1, np.where(rng.random(n) < 0.7, 2, 1)],
        np.where(rng.random(n) < 0.5, 2, 1),
    )
    return Families(owner_case, {"fam": fam, "kind": kind, "gender": gender, "dob": start[fam] - age})


def build_applications(cases: Cases, refresh: int, rng: np.random.Generator) -> tuple[Frame, tuple[str, ...]]:
    n = len(cases.law)
    n_apps = np.where(
        cases.law == lk.PUBLIC, pick(rng, n, PUBLIC_APPS_PER_CASE) + 1, pick(rng, n, PRIVATE_APPS_PER_CASE) + 1
    )
    case, pos = expand(n_apps)
    m = len(case)
    issue = np.where(pos == 0, cases.start[case], np.minimum(cases.start[case] + rng.integers(0, 121, m), refresh))
    labels = _labels(lk.PUBLIC_APPLICATION_TYPES, lk.PRIVATE_APPLICATION_TYPES, lk.PRE_2014_PRIVATE_TYPES)
    kind = np.zeros(m, dtype=np.int64)
    law = cases.law[case]
    pre = issue < day(lk.CAO_START)
    pre_types = lk.PRE_2014_PRIVATE_TYPES + lk.PRIVATE_APPLICATION_TYPES[1:]
    for mask, types in (
        (law == lk.PUBLIC, lk.PUBLIC_APPLICATION_TYPES),
        ((law == lk.PRIVATE) & ~pre, lk.PRIVATE_APPLICATION_TYPES),
        ((law == lk.PRIVATE) & pre, pre_types),
    ):
        codes = _code(labels, [t[0] for t in types])
        kind[mask] = codes[pick(rng, int(mask.sum()), [t[1] for t in types])]
    receipt = np.minimum(issue + rng.integers(0, 9, m), refresh)
    end = cases.end[case]
    apps: Frame = {
        "case": case,
        "law": law,
        "CAP_LAWTYPENAME": Coded(law, lk.LAW_TYPES),
        "CAP_PRIMARYAPPLICATIONTYPENAME": Coded(kind, labels),
        "CAP_RECEIPTDATE": receipt,
        "CAP_ISSUEDATE": issue,
        "CAP_DATEOFCOMPLETION": np.where(end <= refresh, np.maximum(end, issue), NULL),
    }
    return apps, labels


def build_incidents(cases: Cases, apps: Frame, refresh: int, rng: np.random.Generator) -> Frame:
    n = len(cases.law)
    first_receipt = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first_receipt, apps["case"], apps["CAP_RECEIPTDATE"])  # type: ignore[arg-type]
    closed = cases.end <= refresh
    closed_day = np.where(closed, np.minimum(cases.end + rng.integers(0, 31, n), refresh), NULL)
    reopened = closed & (rng.random(n) < 0.03) & (closed_day < refresh)
    reopen_day = np.where(
        reopened, closed_day + (rng.random(n) * (refresh - np.where(reopened, closed_day, refresh))).astype(np.int64) + 1, NULL
    )
    reopen_day = np.where(reopened, np.minimum(reopen_day, refresh), NULL)
    status = np.where(reopened, 2, np.where(closed, 1, 0))
    return {
        "CAP_LAWTYPENAME": Coded(cases.law, lk.LAW_TYPES),
        "CAP_LOCALAUTHORITYIDNAME": Coded(np.where(cases.law == lk.PUBLIC, cases.la, -1), lk.LOCAL_AUTHORITIES),
        "CAP_COURTIDNAME": Coded(np.array(lk.LA_COURT)[cases.la], lk.COURTS),
        "STATUSCODENAME": Coded(status, lk.CASE_STATUSES),
        "CREATEDON": first_receipt,
        "CAP_CLOSEDDATE": closed_day,
        "CAP_REOPENEDDATE": reopen_day,
    }


OUTCOME_LABELS = _labels(
    lk.PUBLIC_INTERIM, lk.PUBLIC_FINAL, lk.PRIVATE_INTERIM, lk.PRIVATE_FINAL, (("Residence Order",),)
)


def build_hearings(cases: Cases, apps: Frame, refresh: int, rng: np.random.Generator) -> tuple[Frame, Frame, Frame]:
    """Hearings (up to four slots per case), their outcomes, and the outcome-application bridge."""
    n = len(cases.law)
    public = cases.law == lk.PUBLIC
    s, e = cases.start, cases.end
    slot_day = np.stack(
        [
            s + np.where(public, rng.integers(0, 8, n), rng.integers(21, 43, n)),
            np.where(public, s + rng.integers(21, 43, n), NULL),
            np.where(public | (rng.random(n) < 0.4), e - rng.integers(14, 43, n), NULL),
            e,
        ],
        axis=1,
    )
    slot_type = np.stack(
        [np.where(public, 0, 4), np.full(n, 1), np.where(public, 2, 5), np.full(n, 3)], axis=1
    )  # HEARING_TYPES positions
    valid = (slot_day != NULL) & (slot_day <= refresh) & (slot_day >= s[:, None])
    valid[:, :3] &= slot_day[:, :3] < e[:, None]
    valid[:, 2] &= slot_day[:, 2] > np.where(valid[:, 1], slot_day[:, 1], slot_day[:, 0])
    case, slot = np.nonzero(valid)
    court = np.array(lk.LA_COURT)[cases.la[case]]
    hearings: Frame = {
        "case": case,
        "CAP_HEARINGDATETIME": slot_day[case, slot],
        "CAP_COURTIDNAME": Coded(court, lk.COURTS),
        "CAP_HEARINGTYPEIDNAME": Coded(slot_type[case, slot], lk.HEARING_TYPES),
    }
    h = len(case)
    hday = hearings["CAP_HEARINGDATETIME"]
    # Outcomes: an interim order at the first hearing (sometimes none), one or two final orders at the last.
    out_hearing, out_type, out_final = [], [], []
    first = slot == 0
    for law_type, interim in ((lk.PUBLIC, lk.PUBLIC_INTERIM), (lk.PRIVATE, lk.PRIVATE_INTERIM)):
        idx = np.flatnonzero(first & (cases.law[case] == law_type))
        weights = [w for _, w in interim] + [100.0 - sum(w for _, w in interim)]
        choice = pick(rng, len(idx), weights)
        keep = choice < len(interim)
        out_hearing.append(idx[keep])
        out_type.append(_code(OUTCOME_LABELS, [t for t, _ in interim])[choice[keep]])
        out_final.append(np.zeros(int(keep.sum()), dtype=np.int64))
    for law_type, final in ((lk.PUBLIC, lk.PUBLIC_FINAL), (lk.PRIVATE, lk.PRIVATE_FINAL)):
        idx = np.flatnonzero((slot == 3) & (cases.law[case] == law_type))
        codes = _code(OUTCOME_LABELS, [t for t, _ in final])[pick(rng, len(idx), [w for _, w in final])]
        out_hearing.append(idx)
        out_type.append(codes)
        out_final.append(np.ones(len(idx), dtype=np.int64))
        for first_order, second_order in lk.SECOND_FINAL.items():
            two = idx[(codes == OUTCOME_LABELS.index(first_order)) & (rng.random(len(idx)) < 0.4)]
            out_hearing.append(two)
            out_type.append(np.full(len(two), OUTCOME_LABELS.index(second_order)))
            out_final.append(np.ones(len(two), dtype=np.int64))
    oh = np.concatenate(out_hearing)
    order = np.argsort(oh, kind="stable")
    oh, ot, of = oh[order], np.concatenate(out_type)[order], np.concatenate(out_final)[order]
    for new, old in lk.PRE_2014_PRIVATE_FINAL.items():
        ot = np.where((ot == OUTCOME_LABELS.index(new)) & (hday[oh] < day(lk.CAO_START)), OUTCOME_LABELS.index(old), ot)
    outcomes: Frame = {
        "hearing": oh,
        "case": case[oh],
        "CAP_HEARINGOUTCOMETYPEIDNAME": Coded(ot, OUTCOME_LABELS),
        "CAP_HEARINGOUTCOMEFINALNAME": Coded(1 - of, ("Yes", "No")),
    }
    # Bridge: each outcome applies to every application of its case issued by the hearing date.
    app_case = apps["case"]
    app_first = np.searchsorted(app_case, np.arange(n))  # type: ignore[arg-type]
    app_count = np.bincount(app_case, minlength=n)  # type: ignore[arg-type]
    o, k = expand(app_count[case[oh]])
    app = app_first[case[oh][o]] + k
    keep = apps["CAP_ISSUEDATE"][app] <= hday[oh[o]]  # type: ignore[index]
    bridge: Frame = {"outcome": o[keep], "app": app[keep], "case": case[oh[o[keep]]]}
    assert h == nrows(hearings)
    return hearings, outcomes, bridge


def build_application_orders(apps: Frame, labels: tuple[str, ...], rng: np.random.Generator) -> tuple[Frame, tuple[str, ...]]:
    types = lk.PUBLIC_APPLICATION_TYPES + lk.PRIVATE_APPLICATION_TYPES + lk.PRE_2014_PRIVATE_TYPES
    order_labels = (*dict.fromkeys(t[2] for t in types), "Interim Care Order")
    order_of_type = np.array([order_labels.index(next(t[2] for t in types if t[0] == name)) for name in labels])
    kind: Coded = apps["CAP_PRIMARYAPPLICATIONTYPENAME"]  # type: ignore[assignment]
    m = len(kind)
    care = kind.codes == labels.index("Care Order (s31)")
    interim = np.flatnonzero(care & (rng.random(m) < 0.8))
    app = np.r_[np.arange(m), interim]
    code = np.r_[order_of_type[kind.codes], np.full(len(interim), order_labels.index("Interim Care Order"))]
    order = np.argsort(app, kind="stable")
    return {"app": app[order], "CAP_ORDERTYPEIDNAME": Coded(code[order], order_labels)}, order_labels


def build_service_users(cases: Cases, fams: Families, apps: Frame, rng: np.random.Generator) -> Frame:
    m = fams.members
    fam_first = np.searchsorted(m["fam"], np.arange(len(fams.owner_case)))  # type: ignore[arg-type]
    fam_size = np.bincount(m["fam"], minlength=len(fams.owner_case))  # type: ignore[arg-type]
    app_fam = cases.family[apps["case"]]  # type: ignore[index]
    a, k = expand(fam_size[app_fam])
    member = fam_first[app_fam[a]] + k
    kind = m["kind"][member]
    law = apps["law"][a]  # type: ignore[index]
    # Private law: the father applies in 60 % of cases (73 % of men in Wales were applicants), else the mother.
    father_applies = (rng.random(len(cases.law)) < 0.6)[apps["case"][a]]  # type: ignore[index]
    role = np.select(
        [
            kind == lk.CHILD,
            kind == lk.GRANDPARENT,
            law == lk.PUBLIC,
            (kind == lk.FATHER) == father_applies,
        ],
        [lk.SUBJECT, lk.OTHER_PARTY, lk.RESPONDENT, lk.APPLICANT],
        lk.RESPONDENT,
    )
    return {"app": a, "member": member, "RECORD2ROLEIDNAME": Coded(role, lk.ROLES)}


def build_relationships(fams: Families) -> Frame:
    m = fams.members
    kind, fam = m["kind"], m["fam"]
    child = np.flatnonzero(kind == lk.CHILD)
    firsts, seconds, roles = [], [], []
    for adult_kind, role1, role2 in (
        (lk.MOTHER, lk.PARENT, lk.CHILD_ROLE),
        (lk.FATHER, lk.PARENT, lk.CHILD_ROLE),
        (lk.GRANDPARENT, lk.GRANDPARENT_ROLE, lk.GRANDCHILD_ROLE),
    ):
        adult_of_fam = np.full(len(fams.owner_case), -1)
        adults = np.flatnonzero(kind == adult_kind)
        adult_of_fam[fam[adults]] = adults
        kids = child[adult_of_fam[fam[child]] >= 0]
        parent = adult_of_fam[fam[kids]]
        firsts += [parent, kids]
        seconds += [kids, parent]
        roles += [np.stack([np.full(len(kids), role1), np.full(len(kids), role2)], 1),
                  np.stack([np.full(len(kids), role2), np.full(len(kids), role1)], 1)]  # fmt: skip
    i, j = pairs_within(fam[child])
    firsts.append(child[i])
    seconds.append(child[j])
    roles.append(np.full((len(i), 2), lk.SIBLING))
    r = np.concatenate(roles)
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    order = np.lexsort((b, a))
    return {
        "member": a[order],
        "related": b[order],
        "RECORD1ROLEIDNAME": Coded(r[order, 0], lk.REL_ROLES),
        "RECORD2ROLEIDNAME": Coded(r[order, 1], lk.REL_ROLES),
    }


def _family_pick(rng: np.random.Generator, fam: np.ndarray, options: tuple[tuple[str, float], ...], p_null: float,
                 own_share: float) -> np.ndarray:  # fmt: skip
    """Codes into `options` (-1 = NULL): most members take their family's value, some their own."""
    weights = [w for _, w in options]
    family_value = pick(rng, int(fam.max()) + 1 if len(fam) else 0, weights)
    own = pick(rng, len(fam), weights)
    value = np.where(rng.random(len(fam)) < own_share, own, family_value[fam])
    return np.where(rng.random(len(fam)) < p_null, -1, value)


def build_alf(cases: Cases, fams: Families, rng: np.random.Generator) -> tuple[Frame, np.ndarray]:
    """One CAFCASS_ALF row per person; also each person's probability of a usable ALF (for the truth)."""
    m = fams.members
    n = len(m["kind"])
    law = cases.law[fams.owner_case][m["fam"]]
    start = cases.start[fams.owner_case][m["fam"]]
    p_alf = np.array([lk.P_ALF[lt] for lt in (lk.PUBLIC, lk.PRIVATE)])[law, m["kind"]]
    infant = (m["kind"] == lk.CHILD) & (m["dob"] > start - 30)
    p_alf = np.where(infant, lk.P_ALF_INFANT, p_alf)
    matched = rng.random(n) < p_alf
    codes = np.array([c for c, _ in lk.ALF_MATCHED_STATUS])
    weights = np.array([w for _, w in lk.ALF_MATCHED_STATUS])
    status = np.where(matched, codes[pick(rng, n, weights)], 99)
    u = rng.random(n)
    pct = np.select(
        [status == 1, status == 4, status == 39, status == 35],
        [np.ones(n), 0.95 + 0.05 * u, 0.9 + 0.1 * u, 0.5 + 0.399 * u],
        np.nan,
    )
    seq = np.arange(n)
    lsoa = np.array([f"W01{i:06d}" for i in range(1, 1959)], dtype=object)
    lsoa_code = np.where(rng.random(n) < 0.08, -1, pick(rng, n, np.ones(len(lsoa))))
    p_usable = p_alf * USABLE_GIVEN_MATCH
    alf: Frame = {
        "member": seq,
        "SYSTEM_ID_PE": person_ids(seq),
        "ALF_PE": np.where(matched, encrypt_ids(seq, "cafw_alf"), NULL),
        "ALF_STS_CD": status.astype(np.int64),
        "ALF_MTCH_PCT": np.round(pct, 6),
        "WOB": monday_of(m["dob"]),
        "GNDR_CD": m["gender"].astype(np.int64),
        "LSOA2011_CD": Coded(lsoa_code, tuple(lsoa)),
        "CAP_ETHNICITYIDNAME": Coded(_family_pick(rng, m["fam"], lk.ETHNICITIES, 0.25, 0.15), _labels(lk.ETHNICITIES)),
        "CAP_PREFERREDLANGUAGEIDNAME": Coded(_family_pick(rng, m["fam"], lk.LANGUAGES, 0.30, 0.10), _labels(lk.LANGUAGES)),
        "CAP_DISABILITYNAME": Coded(_family_pick(rng, m["fam"], lk.DISABILITY, 0.40, 1.0), _labels(lk.DISABILITY)),
    }
    return alf, p_usable


def person_ids(member: np.ndarray) -> np.ndarray:
    return encrypt_ids(member, "cafw_person")


def linkage_truth(apps: Frame, users: Frame, usable: np.ndarray, p_usable: np.ndarray) -> dict[str, Any]:
    """Usable-ALF rate per law type and role, counted like the linkage_rates mart: one count per distinct
    (person, law type, year of application, role), pooled over years. Taken before faults are injected."""
    law = apps["law"][users["app"]]  # type: ignore[index]
    year = year_of(apps["CAP_ISSUEDATE"][users["app"]])  # type: ignore[arg-type, index]
    role = users["RECORD2ROLEIDNAME"].codes  # type: ignore[union-attr]
    member = users["member"]
    keys = np.unique(np.stack([law, role, year, member], 1), axis=0)
    out: dict[str, Any] = {}
    for lt, law_name in enumerate(lk.LAW_TYPES):
        out[law_name] = {}
        for r, role_name in enumerate(lk.ROLES):
            who = keys[(keys[:, 0] == lt) & (keys[:, 1] == r), 3]
            k = int(usable[who].sum())
            years = keys[(keys[:, 0] == lt) & (keys[:, 1] == r), 2]
            by_year = {
                str(y): [int((years == y).sum()), int(usable[who[years == y]].sum())] for y in np.unique(years)
            }
            out[law_name]["Other" if role_name == "Other party" else role_name] = {
                "n_person_years": len(who),
                "n_usable": k,
                "rate": round(k / len(who), 6) if len(who) else None,
                "expected_rate": round(float(p_usable[who].mean()), 6) if len(who) else None,
                "by_year": by_year,  # year -> [people, with a usable ALF], the cells of linkage_rates
            }
    return out


def build(cfg: Config, log: Log) -> CafwGenerated:
    rng = lambda name: stream(cfg.seed, f"cafw/{name}")  # noqa: E731
    clock = time.perf_counter()

    def done(stage: str, rows: int) -> None:
        nonlocal clock
        now = time.perf_counter()
        log(stage, rows, now - clock)
        clock = now

    refresh = day_from_yyyymmdd(cfg.cafw_refresh_date)
    cases = build_cases(cfg, refresh, rng("cases"))
    fams = build_families(cases, rng("families"))
    done("cafw cases and families", len(cases.law))
    apps, app_labels = build_applications(cases, refresh, rng("applications"))
    incidents = build_incidents(cases, apps, refresh, rng("incidents"))
    orders, _ = build_application_orders(apps, app_labels, rng("orders"))
    users = build_service_users(cases, fams, apps, rng("service_users"))
    done("cafw applications and service users", nrows(apps) + nrows(users))
    hearings, outcomes, bridge = build_hearings(cases, apps, refresh, rng("hearings"))
    rels = build_relationships(fams)
    alf, p_usable = build_alf(cases, fams, rng("alf"))
    done("cafw hearings, relationships, ALF", nrows(hearings) + nrows(rels) + nrows(alf))
    status = alf["ALF_STS_CD"]
    usable = np.isin(status, USABLE_STATUS) & ~(alf["ALF_MTCH_PCT"] < 0.9)  # type: ignore[operator]
    truth = linkage_truth(apps, users, usable, p_usable)
    alf_share = float((alf["ALF_PE"] != NULL).mean()) if nrows(alf) else 0.0

    tables: dict[str, Frame] = {
        "CAFW_CAFCASS_ALF": {k: v for k, v in alf.items() if k != "member"},
        "CAFW_CAFCASS_INCIDENT": {"INCIDENTID_PE": case_ids(np.arange(len(cases.law)))} | incidents,
        "CAFW_CAFCASS_APPLICATION": {
            "CAP_APPLICATIONID_PE": application_ids(np.arange(nrows(apps))),
            "CAP_INCIDENTID_PE": case_ids(apps["case"]),  # type: ignore[arg-type]
        }
        | {k: v for k, v in apps.items() if k.startswith("CAP_")},
        "CAFW_CAFCASS_APPLICATIONSERVICEUSERS": {
            "CONNECTIONID_PE": encrypt_ids(np.arange(nrows(users)), "cafw_asu"),
            "RECORD1ID_PE": application_ids(users["app"]),  # type: ignore[arg-type]
            "RECORD2ID_PE": person_ids(users["member"]),  # type: ignore[arg-type]
            "RECORD2ROLEIDNAME": users["RECORD2ROLEIDNAME"],
        },
        "CAFW_CAFCASS_APPLICATIONORDERS": {
            "CAP_APPLICATIONORDERID_PE": encrypt_ids(np.arange(nrows(orders)), "cafw_order"),
            "CAP_APPLICATIONID_PE": application_ids(orders["app"]),  # type: ignore[arg-type]
            "CAP_ORDERTYPEIDNAME": orders["CAP_ORDERTYPEIDNAME"],
        },
        "CAFW_CAFCASS_HEARING": {
            "CAP_HEARINGID_PE": hearing_ids(np.arange(nrows(hearings))),
            "CAP_CASEID_PE": case_ids(hearings["case"]),  # type: ignore[arg-type]
        }
        | {k: v for k, v in hearings.items() if k.startswith("CAP_")},
        "CAFW_CAFCASS_HEARINGOUTCOME": {
            "CAP_HEARINGOUTCOMEID_PE": outcome_ids(np.arange(nrows(outcomes))),
            "CAP_HEARINGID_PE": hearing_ids(outcomes["hearing"]),  # type: ignore[arg-type]
            "CAP_CASEID_PE": case_ids(outcomes["case"]),  # type: ignore[arg-type]
        }
        | {k: v for k, v in outcomes.items() if k.startswith("CAP_HEARINGOUTCOME")},
        "CAFW_CAFCASS_HEARINGOUTCOMEAPPLICATION": {
            "CAP_HEARINGOUTCOMEAPPLICATIONID_PE": encrypt_ids(np.arange(nrows(bridge)), "cafw_hoa"),
            "CAP_CASEID_PE": case_ids(bridge["case"]),  # type: ignore[arg-type]
            "CAP_HEARINGOUTCOMEID_PE": outcome_ids(bridge["outcome"]),  # type: ignore[arg-type]
            "CAP_APPLICATIONID_PE": application_ids(bridge["app"]),  # type: ignore[arg-type]
        },
        "CAFW_CAFCASS_RELATIONSHIPS": {
            "CONNECTIONID_PE": encrypt_ids(np.arange(nrows(rels)), "cafw_rel"),
            "RECORD1ID_PE": person_ids(rels["member"]),  # type: ignore[arg-type]
            "RECORD1ROLEIDNAME": rels["RECORD1ROLEIDNAME"],
            "RECORD2ID_PE": person_ids(rels["related"]),  # type: ignore[arg-type]
            "RECORD2ROLEIDNAME": rels["RECORD2ROLEIDNAME"],
        },
    }
    rates = {f.name: cfg.fault_rates.get(f.name, f.default_rate) for f in cafw_faults.FAULTS}
    injected = {f.name: f.apply(tables, rates[f.name], rng(f"fault/{f.name}")) for f in cafw_faults.FAULTS}
    done("cafw faults", sum(v for t in injected.values() for k, v in t.items() if not k.startswith("out_of_")))
    summary = {
        "cafw_refresh_date": cfg.cafw_refresh_date,
        "cafw": {
            "volume_factor": volume_factor(cfg),
            "fault_rates": rates,
            "faults_injected": injected,
            "alf": {
                "share_of_people_with_alf": round(alf_share, 6),
                "expected_share_with_alf": round(float(np.mean(p_usable / USABLE_GIVEN_MATCH)) if len(p_usable) else 0.0, 6),
                "usable_status_codes": list(USABLE_STATUS),
                "min_match_pct": 0.9,
                "usable_by_law_type_and_role": truth,
            },
        },
    }
    return CafwGenerated(cfg.cafw_refresh_date, refresh, tables, {}, {}, summary)


def case_ids(case: np.ndarray) -> np.ndarray:
    return encrypt_ids(case, "cafw_case")


def application_ids(app: np.ndarray) -> np.ndarray:
    return encrypt_ids(app, "cafw_application")


def hearing_ids(hearing: np.ndarray) -> np.ndarray:
    return encrypt_ids(hearing, "cafw_hearing")


def outcome_ids(outcome: np.ndarray) -> np.ndarray:
    return encrypt_ids(outcome, "cafw_outcome")
