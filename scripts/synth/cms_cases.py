"""CMS cases, the people on them, applications, application members, parent relationships and case rows.

One family per case (CMS cases in this generator do not recur; cross-system recurrence comes from
cms_faults.children_in_ecms). Columns in upper case are SAIL's; lower-case ones are internal positions
(`case`, `app`, `member`, `parent`, `child`, `row`) that cms.py turns into encrypted ids.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import lookups_cms as lk
from . import lookups_ecms as lke
from .common import NULL, Frame, cumsum_within, day, expand, pick
from .ecms_families import CHILDREN_PER_CASE, MOTHER_AGE_AT_YOUNGEST, YEAR, YOUNGEST_AGE
from .presets import CMS_VOLUMES, Config

CMS_START, CMS_LAST_CASE, CMS_END = day("2007-04-01"), day("2014-04-01"), day("2014-07-01")
FAMILY_COURT_START = day(lk.FAMILY_COURT_START)
FPR_2010 = day("2011-04-06")  # rule 16.4 replaces rule 9.5; MIAMs expected from here

# member kinds
CHILD, MOTHER, FATHER_A, FATHER_B, PARTNER, GRANDPARENT, AUNT_UNCLE = 0, 1, 2, 3, 4, 5, 6
ADULTS = (MOTHER, FATHER_A, FATHER_B, PARTNER, GRANDPARENT, AUNT_UNCLE)
FEMALE, MALE, UNKNOWN = 0, 1, 2
GENDER_LABELS = ("Female", "Male", "Unknown")
APPS_PER_CASE = ([0.74, 0.17, 0.06, 0.03], [0.70, 0.21, 0.07, 0.02])
# (public, private): probability the kind exists, and that an existing one is on the case
P_EXISTS = {
    MOTHER: (0.97, 0.98),
    FATHER_A: (0.85, 0.98),
    PARTNER: (0.18, 0.08),
    GRANDPARENT: (0.35, 0.12),
    AUNT_UNCLE: (0.12, 0.05),
}
P_ON_CASE = {
    MOTHER: (0.98, 0.99),
    FATHER_A: (0.80, 0.98),
    FATHER_B: (0.75, 0.6),
    PARTNER: (0.5, 0.2),
    GRANDPARENT: (0.5, 0.3),
    AUNT_UNCLE: (0.3, 0.1),
}
RELATION_OF_KIND = {
    MOTHER: lk.REL_PARENT,
    FATHER_A: lk.REL_PARENT,
    FATHER_B: lk.REL_PARENT,
    PARTNER: lk.REL_STEP_PARENT,
    GRANDPARENT: lk.REL_GRANDPARENT,
    AUNT_UNCLE: lk.REL_AUNT_UNCLE,
}
# s31 durations (days) lengthened to ~55 weeks by 2011 and fell with the 26-week pilots of 2012-14.
S31_MEDIAN_BY_YEAR = {2007: 330, 2008: 345, 2009: 370, 2010: 385, 2011: 375, 2012: 320, 2013: 230, 2014: 200}


@dataclass
class Cases:
    law: np.ndarray
    date: np.ndarray
    la: np.ndarray
    court_centre: np.ndarray  # ECMS court id of the case's court centre
    members: Frame  # case, kind, dob, gender, slot, on_case; sorted by (case, kind)


def _by_law(law: np.ndarray, pair: tuple[float, float]) -> np.ndarray:
    return np.where(law == lk.PUBLIC, pair[0], pair[1])


def _case_dates(cfg: Config, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    laws, dates = [], []
    for fy, volumes in CMS_VOLUMES.items():
        lo, hi = max(day(f"{fy}-04-01"), CMS_START), min(day(f"{fy + 1}-04-01"), CMS_LAST_CASE)
        for law, volume in zip((lk.PUBLIC, lk.PRIVATE), volumes):
            n = int(round(volume * cfg.volume_factor))
            laws.append(np.full(n, law))
            dates.append(rng.integers(lo, hi, n))
    law, date = np.concatenate(laws), np.concatenate(dates)
    weekday = (date + 3) % 7
    date = np.where((weekday >= 5) & (rng.random(len(date)) < 0.9), date + 7 - weekday, date)
    order = np.argsort(date, kind="stable")
    return law[order], date[order]


def _block(case: np.ndarray, kind: int, dob: np.ndarray, gender: np.ndarray, slot: np.ndarray | int = 0) -> Frame:
    n = len(case)
    return {
        "case": case.astype(np.int64),
        "kind": np.full(n, kind, dtype=np.int64),
        "dob": dob.astype(np.int64),
        "gender": gender.astype(np.int64),
        "slot": np.broadcast_to(np.asarray(slot, dtype=np.int64), (n,)).copy(),
    }


def build_cases(cfg: Config, rng: np.random.Generator) -> Cases:
    law, date = _case_dates(cfg, rng)
    nc = len(law)
    pub = law == lk.PUBLIC
    n_child = np.where(pub, pick(rng, nc, CHILDREN_PER_CASE[0]), pick(rng, nc, CHILDREN_PER_CASE[1])) + 1
    youngest = np.empty(nc)
    for li, bins in enumerate(YOUNGEST_AGE):
        idx = np.flatnonzero(law == li + 1)
        b = pick(rng, len(idx), [w for _, _, w in bins])
        lo, hi = np.array([x[0] for x in bins])[b], np.array([x[1] for x in bins])[b]
        youngest[idx] = lo + (hi - lo) * rng.random(len(idx))
    c_case, c_pos = expand(n_child)
    gap = np.where(c_pos == 0, 0.0, 1.0 + rng.gamma(2.0, 1.0, len(c_case)))
    c_age = np.minimum(youngest[c_case] + cumsum_within(gap, c_case), 17.9)
    c_slot = np.where((c_pos > 0) & (rng.random(len(c_case)) < _by_law(law[c_case], (0.25, 0.06))), 1, 0)
    eldest = np.zeros(nc)
    np.maximum.at(eldest, c_case, c_age)
    c_gender = pick(rng, len(c_case), [49.0, 49.0, 1.5, 0.5])
    c_gender = np.where(c_gender == 3, -1, np.where((c_age < 0) & (rng.random(len(c_case)) < 0.6), UNKNOWN, c_gender))
    blocks = [_block(c_case, CHILD, date[c_case] - np.round(c_age * YEAR).astype(np.int64), c_gender, c_slot)]

    mu = _by_law(law, (MOTHER_AGE_AT_YOUNGEST[0][0], MOTHER_AGE_AT_YOUNGEST[1][0]))
    sd = _by_law(law, (MOTHER_AGE_AT_YOUNGEST[0][1], MOTHER_AGE_AT_YOUNGEST[1][1]))
    m_age = np.maximum(np.maximum(youngest, 0) + np.clip(rng.normal(mu, sd), 14.0, 47.0), eldest + 14.0)
    ages = {
        MOTHER: m_age,
        FATHER_A: np.maximum(m_age + rng.normal(3.0, 4.0, nc), eldest + 16.0),
        FATHER_B: np.maximum(m_age + rng.normal(2.0, 5.0, nc), eldest + 16.0),
        PARTNER: np.maximum(m_age + rng.normal(1.0, 6.0, nc), 18.0),
        GRANDPARENT: np.minimum(m_age + np.clip(rng.normal(24.0, 5.0, nc), 15.0, 40.0), 95.0),
        AUNT_UNCLE: np.maximum(m_age + rng.normal(0.0, 5.0, nc), 16.0),
    }
    female_share = {MOTHER: 1.0, FATHER_A: 0.0, FATHER_B: 0.0, PARTNER: 0.05, GRANDPARENT: 0.8, AUNT_UNCLE: 0.6}
    any_b = np.zeros(nc, bool)
    any_b[c_case[c_slot == 1]] = True
    for kind in ADULTS:
        exists = any_b & (rng.random(nc) < 0.7) if kind == FATHER_B else rng.random(nc) < _by_law(law, P_EXISTS[kind])
        case = np.flatnonzero(exists)
        dob = date[case] - np.round(ages[kind][case] * YEAR + rng.integers(-3, 4, len(case))).astype(np.int64)
        gender = np.where(rng.random(len(case)) < female_share[kind], FEMALE, MALE)
        blocks.append(_block(case, kind, dob, np.where(rng.random(len(case)) < 0.003, -1, gender)))
    members = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
    order = np.lexsort((members["kind"], members["case"]))
    members = {k: v[order] for k, v in members.items()}
    kind = members["kind"]
    p_on = np.ones(len(kind))
    for k, pair in P_ON_CASE.items():
        p_on = np.where(kind == k, _by_law(law[members["case"]], pair), p_on)
    members["on_case"] = rng.random(len(kind)) < p_on

    las = lke.local_authorities()
    la = np.array([i for i, *_ in las])[pick(rng, nc, [w for *_, w in las])]
    area_of_la = np.zeros(max(i for i, *_ in las) + 1, dtype=np.int64)
    for la_id, _, area_id, _ in las:
        area_of_la[la_id] = area_id
    centres = lke.courts()
    centre = np.zeros(nc, dtype=np.int64)
    area = area_of_la[la]
    for area_id in np.unique(area):
        idx = np.flatnonzero(area == area_id)
        mine = [c for c in centres if c.area_id == area_id]
        centre[idx] = np.array([c.id for c in mine])[pick(rng, len(idx), [2.0 if c.is_main else 1.0 for c in mine])]
    return Cases(law=law, date=date, la=la, court_centre=centre, members=members)


def _draw_types(rng: np.random.Generator, law: np.ndarray, later: np.ndarray) -> np.ndarray:
    ids = np.array([a.id for a in lk.APPLICATION_TYPES])
    out = np.zeros(len(law), dtype=np.int64)
    for law_id in (lk.PUBLIC, lk.PRIVATE):
        for is_later in (False, True):
            idx = np.flatnonzero((law == law_id) & (later == is_later))
            w = [(a.later_weight if is_later else a.first_weight) * (a.law == law_id) for a in lk.APPLICATION_TYPES]
            out[idx] = ids[pick(rng, len(idx), w)]
    return out


def _court_ids(centre: np.ndarray, level: np.ndarray) -> np.ndarray:
    table = np.zeros((max(c.id for c in lke.courts()) + 1, 6), dtype=np.int64)
    for court_id, lvl, _, _, _, centre_id in lk.courts():
        table[centre_id, lvl] = court_id
    return table[centre, level]


def build_applications(cases: Cases, rng: np.random.Generator) -> Frame:
    pub = cases.law == lk.PUBLIC
    nc = len(pub)
    n_apps = np.where(pub, pick(rng, nc, APPS_PER_CASE[0]), pick(rng, nc, APPS_PER_CASE[1])) + 1
    case, pos = expand(n_apps)
    law = cases.law[case]
    types = _draw_types(rng, law, pos > 0)
    epo = lk.APP_TYPE_ID["Emergency Protection Order (s44)"]
    first_type = types[np.arange(len(case)) - pos]  # the case's first application (rows are grouped by case)
    types = np.where((pos == 1) & (first_type == epo), lk.APP_TYPE_ID["Care Order (s31)"], types)
    # private s8 cases often open with residence and contact applications made together
    together = (pos == 1) & (law == lk.PRIVATE) & (rng.random(len(case)) < 0.5)
    gap = np.where(pos == 0, 0, np.where(together, 0, rng.integers(14, 400, len(case))))
    gap = np.where((pos == 1) & (first_type == epo), rng.integers(1, 11, len(case)), gap)
    date = cases.date[case] + cumsum_within(gap, case)
    keep = (pos == 0) | (date < CMS_END)
    case, pos, types, date, law = case[keep], pos[keep], types[keep], date[keep], law[keep]
    n = len(case)
    year = date.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    median = np.array([a.median_days for a in lk.APPLICATION_TYPES])[
        np.searchsorted([a.id for a in lk.APPLICATION_TYPES], types)
    ]
    s31 = np.isin(types, lk.S31_TYPES)
    s31_median = np.array([S31_MEDIAN_BY_YEAR[min(max(y, 2007), 2014)] for y in range(2007, 2015)])
    median = np.where(s31, s31_median[np.clip(year, 2007, 2014) - 2007], median)
    duration = np.maximum(np.round(median * np.exp(rng.normal(0, np.where(median < 20, 0.6, 0.45)))), 1)
    completed = date + duration.astype(np.int64)
    completed = np.where(completed < CMS_END, completed, NULL)  # open at migration: finished in ECMS
    received = date + np.where(rng.random(n) < 0.03, rng.integers(10, 90, n), rng.poisson(1.5, n))
    delay = np.where(rng.random(n) < 0.8, 0, rng.integers(1, 15, n))
    app_completed = np.where((completed != NULL) & (rng.random(n) > 0.05), completed + delay, NULL)

    county = rng.random(nc) < np.where(pub, 0.3, 0.65)
    case_level = np.where(county, lk.COUNTY_COURT, lk.FPC)
    level = np.where(date >= FAMILY_COURT_START, lk.FAMILY_COURT, case_level[case])
    level = np.where((pos > 0) & (rng.random(n) < 0.02), lk.HIGH_COURT, level)
    main = {c.area_id: c.id for c in lke.courts() if c.is_main}
    area = {c.id: c.area_id for c in lke.courts()}
    main_of_centre = np.zeros(max(area) + 1, dtype=np.int64)
    for cid, aid in area.items():
        main_of_centre[cid] = main[aid]
    centre = np.where(level == lk.HIGH_COURT, main_of_centre[cases.court_centre[case]], cases.court_centre[case])
    return {
        "case": case,
        "pos": pos,
        "law": law,
        "CASEAPPLICATIONTYPEREF": types,
        "COURTREF": _court_ids(centre, level),
        "DATEOFAPPLICATION": date,
        "DATERECEIVED": received,
        "DATECOMPLETED": completed,
        "DATEAPPLICATIONCOMPLETED": app_completed,
    }


def build_members(cases: Cases, apps: Frame, rng: np.random.Generator) -> Frame:
    """One row per application x person on the case. Private law: one parent applies (fathers more
    often), the other responds; public law: the local authority applies (it is not a member), parents
    respond, relatives are recorded as 'Unknown' (8) or respondents."""
    m = cases.members
    on = np.flatnonzero(m["on_case"])
    on_case = m["case"][on]
    nc = len(cases.law)
    starts = np.searchsorted(on_case, np.arange(nc))
    sizes = np.bincount(on_case, minlength=nc)
    app, pos = expand(sizes[apps["case"]])
    member = on[starts[apps["case"][app]] + pos]
    kind = m["kind"][member]
    law = apps["law"][app]
    pub = law == lk.PUBLIC
    n = len(app)
    father_applies = rng.random(nc) < 0.68
    case = apps["case"][app]
    applicant_kind = np.where(father_applies[case], FATHER_A, MOTHER)
    grand_applies = (rng.random(nc) < 0.08)[case] & (kind == GRANDPARENT)
    relative = np.isin(kind, (GRANDPARENT, AUNT_UNCLE, PARTNER))
    member_type = np.select(
        [
            kind == CHILD,
            pub & relative,
            pub,
            grand_applies | (kind == applicant_kind),
            relative,
        ],
        [
            lk.MEMBER_SUBJECT,
            np.where(rng.random(n) < 0.6, lk.MEMBER_UNKNOWN, lk.MEMBER_RESPONDENT),
            lk.MEMBER_RESPONDENT,
            lk.MEMBER_APPLICANT,
            lk.MEMBER_UNKNOWN,
        ],
        lk.MEMBER_RESPONDENT,
    )
    # Children are parties in public law (through their guardian), in private law only with a rule 9.5/16.4 guardian.
    party = np.select(
        [member_type == lk.MEMBER_SUBJECT, member_type == lk.MEMBER_UNKNOWN],
        [rng.random(n) < np.where(pub, 0.95, 0.05), rng.random(n) < 0.2],
        True,
    )
    la_rep = (member_type == lk.MEMBER_UNKNOWN) & pub & (rng.random(n) < 0.05)
    return {
        "app": app,
        "member": member,
        "MEMBERTYPE": member_type.astype(np.int64),
        "ISPARTY": party,
        "ISLAREP": la_rep,
    }


def build_relationships(cases: Cases) -> Frame:
    """Direct child -> adult rows (CMS records them once, from the child's side): every child of the case
    with its mother, its own father (slot A or B), the mother's partner, grandparent and aunt/uncle, whether
    or not the adult is on the case."""
    m = cases.members
    nc = len(cases.law)
    kind, case = m["kind"], m["case"]
    child = np.flatnonzero(kind == CHILD)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for k in ADULTS:
        single = np.full(nc, -1, dtype=np.int64)
        idx = np.flatnonzero(kind == k)
        single[case[idx]] = idx
        adult = single[case[child]]
        if k == FATHER_A:
            adult = np.where(m["slot"][child] == 0, adult, -1)
        elif k == FATHER_B:
            adult = np.where(m["slot"][child] == 1, adult, -1)
        ok = adult >= 0
        parts.append((adult[ok], child[ok], np.full(int(ok.sum()), RELATION_OF_KIND[k], dtype=np.int64)))
    parent, kid, rel = (np.concatenate([p[i] for p in parts]) for i in range(3))
    order = np.lexsort((parent, kid))
    return {"parent": parent[order], "child": kid[order], "RELATIONSHIPREF": rel[order]}


def build_case_rows(cases: Cases, apps: Frame, rng: np.random.Generator) -> Frame:
    nc = len(cases.law)
    open_app = np.zeros(nc, bool)
    open_app[apps["case"][apps["DATECOMPLETED"] == NULL]] = True
    status = np.where(
        open_app,
        np.where(rng.random(nc) < 0.9, lk.CASE_TRANSFERRED, lk.CASE_OPEN),
        np.where(rng.random(nc) < 0.02, lk.CASE_REOPENED, lk.CASE_CLOSED),
    )
    pub = cases.law == lk.PUBLIC
    area_of_la = {i: a for i, _, a, _ in lke.local_authorities()}
    region = lk.region_of_area()[np.array([area_of_la[int(x)] for x in cases.la])] if nc else np.zeros(0, np.int64)
    return {
        "case": np.arange(nc),
        "CASESTATUSREF": status.astype(np.int64),
        "LOCALAUTHORITYREF": np.where(~pub & (rng.random(nc) < 0.15), NULL, cases.la),
        "REGIONREF": region.astype(np.int64),
        "LAWTYPEREF": cases.law.astype(np.int64),
    }
