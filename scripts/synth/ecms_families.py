"""Families and the cases they bring: who exists, how old they are, and who is on each case.

A family is the unit everyone else hangs off: its children, parents and relatives become the people
table, its internal ties become relationships, and its cases list a subset of its members. Some
families return to court later (a new case): private-law families with the same children, public-law
mothers often with a new baby. That gives children several cases and mothers recurrent proceedings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import lookups_ecms as lk
from .common import Frame, cumsum_within, day, day_from_yyyymmdd, expand, pick
from .presets import ECMS_START, ECMS_VOLUMES, Config

# member kinds
CHILD, NEWBORN, SIB_NAT, SIB_HALF, SIB_STEP = 0, 1, 2, 3, 4
MOTHER, FATHER_A, FATHER_B, FATHER_C, PARTNER, GRANDMOTHER, AUNT_UNCLE, FRIEND = 5, 6, 7, 8, 9, 10, 11, 12
CHILD_LIKE = (CHILD, NEWBORN, SIB_NAT, SIB_HALF, SIB_STEP)
SINGLE_ADULTS = (MOTHER, FATHER_A, FATHER_B, FATHER_C, PARTNER, GRANDMOTHER, AUNT_UNCLE, FRIEND)
# father slots of child-like members: whose child they are
SLOT_A, SLOT_B, SLOT_C, SLOT_UNRECORDED, SLOT_PARTNER = 0, 1, 2, 3, 4
FATHER_OF_SLOT = {SLOT_A: FATHER_A, SLOT_B: FATHER_B, SLOT_C: FATHER_C, SLOT_PARTNER: PARTNER}

FEMALE, MALE, UNKNOWN = 0, 1, 2
GENDER_LABELS = ("Female", "Male", "Unknown")
SUBJECT, RESPONDENT, APPLICANT, OTHER = 0, 1, 2, 3

YEAR = 365.25

# (public, private) parameters
CHILDREN_PER_CASE = ([0.62, 0.23, 0.095, 0.035, 0.015, 0.005], [0.605, 0.295, 0.075, 0.02, 0.005, 0.0])
RETURN_RATE = (0.10, 0.14)
P_MOTHER, P_FATHER_A, P_SECOND_FATHER = (0.97, 0.97), (0.80, 0.97), (0.25, 0.06)
P_PARTNER, P_GRANDMOTHER, P_AUNT_UNCLE, P_FRIEND = (0.18, 0.08), (0.35, 0.12), (0.12, 0.05), (0.01, 0.02)
SIBLINGS_NOT_SUBJECT = (0.6, 0.3)  # Poisson mean of siblings outside the proceedings
# Age of the youngest subject child, (low, high, weight) bins in years; negative = unborn.
YOUNGEST_AGE = (
    [(-0.3, 0.0, 3), (0.0, 0.04, 14), (0.04, 1, 19), (1, 5, 22), (5, 10, 21), (10, 16, 18), (16, 18, 3)],
    [(0.1, 1, 4), (1, 2, 8), (2, 5, 30), (5, 10, 38), (10, 14, 15), (14, 18, 5)],
)
MOTHER_AGE_AT_YOUNGEST = ((26.0, 6.5), (30.0, 6.0))


@dataclass
class Families:
    law: np.ndarray  # law type of the first case
    date: np.ndarray  # first case's first application date
    la: np.ndarray  # local authority id
    ethnicity: np.ndarray  # the family's usual ethnicity code
    members: Frame  # fam, kind, dob, gender, slot, case_only (-1 or the case a newborn belongs to)


@dataclass
class Cases:
    fam: np.ndarray
    law: np.ndarray
    date: np.ndarray
    is_return: np.ndarray
    members: Frame  # case, member, role; sorted by case


def _by_law(law: np.ndarray, pair: tuple[float, float]) -> np.ndarray:
    return np.where(law == lk.PUBLIC, pair[0], pair[1])


def _family_dates(cfg: Config, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """First-case dates at the yearly volumes, fewer by the share of cases that are returns."""
    start, end = day(ECMS_START), day_from_yyyymmdd(cfg.ecms_refresh_date)
    laws, dates = [], []
    last = max(ECMS_VOLUMES)
    for fy in range(min(ECMS_VOLUMES), max(last, int(cfg.ecms_refresh_date[:4])) + 1):
        lo, hi = max(day(f"{fy}-04-01"), start), min(day(f"{fy + 1}-04-01"), end)
        if hi <= lo:
            continue
        share = (hi - lo) / (day(f"{fy + 1}-04-01") - day(f"{fy}-04-01"))
        for law, volume in zip((lk.PUBLIC, lk.PRIVATE), ECMS_VOLUMES[min(fy, last)]):
            n = int(round(volume * share * cfg.volume_factor / (1 + RETURN_RATE[law - 1])))
            laws.append(np.full(n, law))
            dates.append(rng.integers(lo, hi, n))
    law, date = np.concatenate(laws), np.concatenate(dates)
    # Courts issue on working days: most weekend draws move to the Monday.
    weekday = (date + 3) % 7
    weekend = (weekday >= 5) & (rng.random(len(date)) < 0.9)
    date = np.where(weekend, date + 7 - weekday, date)
    date = np.minimum(date, end - 1)
    order = np.argsort(date, kind="stable")
    return law[order], date[order]


def _ages(rng: np.random.Generator, law: np.ndarray) -> np.ndarray:
    """Age in years of the youngest subject child."""
    out = np.empty(len(law))
    for li, bins in enumerate(YOUNGEST_AGE):
        idx = np.flatnonzero(law == li + 1)
        b = pick(rng, len(idx), [w for _, _, w in bins])
        lo, hi = np.array([x[0] for x in bins])[b], np.array([x[1] for x in bins])[b]
        out[idx] = lo + (hi - lo) * rng.random(len(idx))
    return out


def _kind_block(fam: np.ndarray, kind: int, dob: np.ndarray, gender: np.ndarray, slot: int | np.ndarray = -1) -> Frame:
    n = len(fam)
    return {
        "fam": fam.astype(np.int64),
        "kind": np.full(n, kind, dtype=np.int64),
        "dob": dob.astype(np.int64),
        "gender": gender.astype(np.int64),
        "slot": np.broadcast_to(np.asarray(slot, dtype=np.int64), (n,)).copy(),
        "case_only": np.full(n, -1, dtype=np.int64),
    }


def _child_gender(rng: np.random.Generator, n: int, unborn: np.ndarray) -> np.ndarray:
    g = pick(rng, n, [49.0, 49.0, 1.5, 0.5])  # Female, Male, Unknown, NULL
    g = np.where(g == 3, -1, g)
    return np.where(unborn & (rng.random(n) < 0.6), UNKNOWN, g)


def _adult_gender(rng: np.random.Generator, n: int, female_share: float) -> np.ndarray:
    g = np.where(rng.random(n) < female_share, FEMALE, MALE)
    return np.where(rng.random(n) < 0.003, -1, g)


def build_families(cfg: Config, rng: np.random.Generator) -> Families:
    law, date = _family_dates(cfg, rng)
    nf = len(law)
    pub = law == lk.PUBLIC

    # Subject children: youngest first, older siblings spaced 1-5 years apart.
    n_child = np.where(pub, pick(rng, nf, CHILDREN_PER_CASE[0]), pick(rng, nf, CHILDREN_PER_CASE[1])) + 1
    youngest = _ages(rng, law)
    c_fam, c_pos = expand(n_child)
    gap = np.where(c_pos == 0, 0.0, 1.0 + rng.gamma(2.0, 1.0, len(c_fam)))
    c_age = np.minimum(youngest[c_fam] + cumsum_within(gap, c_fam), 17.9)
    c_age = np.where(c_pos == 0, youngest[c_fam], c_age)
    c_slot = np.where((c_pos > 0) & (rng.random(len(c_fam)) < _by_law(law[c_fam], P_SECOND_FATHER)), SLOT_B, SLOT_A)
    eldest = np.zeros(nf)
    np.maximum.at(eldest, c_fam, c_age)

    has_partner = rng.random(nf) < _by_law(law, P_PARTNER)
    # Siblings outside the proceedings: older natural or half siblings, or the partner's children.
    n_sib = np.minimum(rng.poisson(_by_law(law, SIBLINGS_NOT_SUBJECT)), 3)
    s_fam, s_pos = expand(n_sib)
    s_kind = np.array([SIB_NAT, SIB_HALF, SIB_STEP])[pick(rng, len(s_fam), [0.5, 0.35, 0.15])]
    s_kind = np.where((s_kind == SIB_STEP) & ~has_partner[s_fam], SIB_HALF, s_kind)
    s_age = eldest[s_fam] + (s_pos + 1) * (1.0 + rng.gamma(2.0, 1.0, len(s_fam)))
    s_age = np.where(s_kind == SIB_STEP, rng.uniform(0.5, 22.0, len(s_fam)), s_age)
    s_slot = np.select([s_kind == SIB_NAT, s_kind == SIB_HALF], [SLOT_A, SLOT_UNRECORDED], SLOT_PARTNER)
    oldest_own = eldest.copy()
    np.maximum.at(oldest_own, s_fam[s_kind != SIB_STEP], s_age[s_kind != SIB_STEP])

    mu = _by_law(law, (MOTHER_AGE_AT_YOUNGEST[0][0], MOTHER_AGE_AT_YOUNGEST[1][0]))
    sd = _by_law(law, (MOTHER_AGE_AT_YOUNGEST[0][1], MOTHER_AGE_AT_YOUNGEST[1][1]))
    at_birth = np.clip(rng.normal(mu, sd), 14.0, 47.0)
    m_age = np.maximum(np.maximum(youngest, 0) + at_birth, oldest_own + 14.0 + rng.random(nf))
    fa_age = np.maximum(m_age + rng.normal(3.0, 4.0, nf), oldest_own + 16.0)
    fb_age = np.maximum(m_age + rng.normal(2.0, 5.0, nf), eldest + 16.0)

    blocks: list[Frame] = []

    def add(kind: int, present: np.ndarray, age: np.ndarray, gender: np.ndarray, slot: int | np.ndarray = -1) -> None:
        fam = np.flatnonzero(present)
        dob = date[fam] - np.round(age[fam] * YEAR + rng.integers(-3, 4, len(fam))).astype(np.int64)
        blocks.append(_kind_block(fam, kind, dob, gender[fam] if len(gender) == nf else gender, slot))

    unborn = c_age < 0
    c_dob = date[c_fam] - np.round(c_age * YEAR).astype(np.int64)
    blocks.append(_kind_block(c_fam, CHILD, c_dob, _child_gender(rng, len(c_fam), unborn), c_slot))
    s_dob = date[s_fam] - np.round(s_age * YEAR).astype(np.int64)
    blocks.append(
        {
            **_kind_block(s_fam, SIB_NAT, s_dob, _child_gender(rng, len(s_fam), np.zeros(len(s_fam), bool)), s_slot),
            "kind": s_kind,
        }
    )
    add(MOTHER, rng.random(nf) < _by_law(law, P_MOTHER), m_age, _adult_gender(rng, nf, 1.0))
    add(FATHER_A, rng.random(nf) < _by_law(law, P_FATHER_A), fa_age, _adult_gender(rng, nf, 0.0))
    any_b = np.zeros(nf, bool)
    any_b[c_fam[c_slot == SLOT_B]] = True
    add(FATHER_B, any_b & (rng.random(nf) < 0.7), fb_age, _adult_gender(rng, nf, 0.0))
    add(PARTNER, has_partner, np.maximum(m_age + rng.normal(1.0, 6.0, nf), 18.0), _adult_gender(rng, nf, 0.05))
    gm_age = np.minimum(m_age + np.clip(rng.normal(24.0, 5.0, nf), 15.0, 40.0), 96.0)
    add(GRANDMOTHER, rng.random(nf) < _by_law(law, P_GRANDMOTHER), gm_age, _adult_gender(rng, nf, 1.0))
    add(
        AUNT_UNCLE,
        rng.random(nf) < _by_law(law, P_AUNT_UNCLE),
        np.maximum(m_age + rng.normal(0, 5, nf), 16.0),
        _adult_gender(rng, nf, 0.6),
    )
    add(
        FRIEND,
        rng.random(nf) < _by_law(law, P_FRIEND),
        np.clip(rng.normal(42, 12, nf), 18, 85),
        _adult_gender(rng, nf, 0.6),
    )

    members = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
    order = np.lexsort((members["kind"], members["fam"]))
    members = {k: v[order] for k, v in members.items()}
    las = lk.local_authorities()
    la = np.array([i for i, *_ in las])[pick(rng, nf, [w for *_, w in las])]
    eth = np.array([i for i, _, _ in lk.ETHNICITIES])[pick(rng, nf, [w for *_, w in lk.ETHNICITIES])]
    return Families(law=law, date=date, la=la, ethnicity=eth, members=members)


def _family_single(members: Frame, kind: int, nf: int) -> np.ndarray:
    """Member index of the family's one member of `kind`, or -1."""
    out = np.full(nf, -1, dtype=np.int64)
    idx = np.flatnonzero(members["kind"] == kind)
    out[members["fam"][idx]] = idx
    return out


def build_cases(cfg: Config, fams: Families, rng: np.random.Generator) -> Cases:
    """First cases (one per family) plus return cases; appends newborns and their fathers to the members."""
    nf = len(fams.law)
    end = day_from_yyyymmdd(cfg.ecms_refresh_date)
    typical = _by_law(fams.law, (240.0, 160.0))
    ret_date = (fams.date + typical + 60 + rng.exponential(500.0, nf)).astype(np.int64)
    returns = np.flatnonzero((rng.random(nf) < _by_law(fams.law, RETURN_RATE)) & (ret_date < end - 1))
    other_law = np.where(fams.law == lk.PUBLIC, lk.PRIVATE, lk.PUBLIC)
    ret_law = np.where(rng.random(len(returns)) < 0.85, fams.law[returns], other_law[returns])

    fam = np.concatenate([np.arange(nf), returns])
    law = np.concatenate([fams.law, ret_law])
    date = np.concatenate([fams.date, ret_date[returns]])
    is_return = np.concatenate([np.zeros(nf, bool), np.ones(len(returns), bool)])
    ret_case = nf + np.arange(len(returns))

    m = fams.members
    mother = _family_single(m, MOTHER, nf)
    father_a = _family_single(m, FATHER_A, nf)
    # A public-law return usually concerns a new baby (recurrent care proceedings).
    m_age_at_return = np.where(mother[returns] >= 0, (ret_date[returns] - m["dob"][mother[returns]]) / YEAR, 99.0)
    baby = (ret_law == lk.PUBLIC) & (m_age_at_return < 44) & (rng.random(len(returns)) < 0.6)
    b_fam, b_case = returns[baby], ret_case[baby]
    new_father = (father_a[b_fam] < 0) | (rng.random(len(b_fam)) < 0.5)
    b_slot = np.where(new_father, SLOT_C, SLOT_A)
    b_dob = ret_date[b_fam] - rng.integers(-60, 15, len(b_fam))  # some still unborn at the application
    newborns = _kind_block(b_fam, NEWBORN, b_dob, _child_gender(rng, len(b_fam), b_dob > ret_date[b_fam]), b_slot)
    newborns["case_only"] = b_case.astype(np.int64)
    c_fam = b_fam[new_father & (rng.random(len(b_fam)) < 0.6)]
    c_dob = m["dob"][mother[c_fam]] - np.round(rng.normal(2.0, 5.0, len(c_fam)) * YEAR).astype(np.int64)
    fathers_c = _kind_block(c_fam, FATHER_C, c_dob, _adult_gender(rng, len(c_fam), 0.0))
    members = {k: np.concatenate([m[k], newborns[k], fathers_c[k]]) for k in m}
    order = np.lexsort((members["kind"], members["fam"]))
    fams.members = {k: v[order] for k, v in members.items()}

    case_members = _case_members(fams, fam, law, date, is_return, baby_case=b_case, rng=rng)
    keep = np.zeros(len(fam), bool)
    keep[case_members["case"][case_members["role"] == SUBJECT]] = True  # returns whose children are all adults vanish
    remap = np.cumsum(keep) - 1
    cm_keep = keep[case_members["case"]]
    case_members = {k: v[cm_keep] for k, v in case_members.items()}
    case_members["case"] = remap[case_members["case"]]
    m_case = fams.members["case_only"]
    fams.members["case_only"] = np.where(m_case >= 0, remap[np.maximum(m_case, 0)], -1)
    return Cases(fam=fam[keep], law=law[keep], date=date[keep], is_return=is_return[keep], members=case_members)


def _case_members(
    fams: Families,
    case_fam: np.ndarray,
    case_law: np.ndarray,
    case_date: np.ndarray,
    is_return: np.ndarray,
    baby_case: np.ndarray,
    rng: np.random.Generator,
) -> Frame:
    """Who is on each case and in which role (roles hold for every application of the case)."""
    m = fams.members
    nf = len(fams.law)
    fam_first = np.searchsorted(m["fam"], np.arange(nf))
    fam_size = np.bincount(m["fam"], minlength=nf)
    case, pos = expand(fam_size[case_fam])
    mem = fam_first[case_fam[case]] + pos
    kind, law, ret = m["kind"][mem], case_law[case], is_return[case]
    age = (case_date[case] - m["dob"][mem]) / YEAR
    pub = law == lk.PUBLIC
    u = rng.random(len(case))
    has_baby = np.zeros(len(case_fam), bool)
    has_baby[baby_case] = True

    subject = np.select(
        [kind == CHILD, kind == NEWBORN],
        [~ret | ((age < 18) & (~has_baby[case] | (u < 0.2))), m["case_only"][mem] == case],
        False,
    )
    slot_on_case = np.zeros((len(case_fam), 5), bool)
    slot_on_case[case[subject], m["slot"][mem][subject]] = True
    father_needed = np.select(
        [kind == FATHER_A, kind == FATHER_B, kind == FATHER_C],
        [slot_on_case[case, SLOT_A], slot_on_case[case, SLOT_B], slot_on_case[case, SLOT_C]],
        False,
    )
    included = subject | np.select(
        [
            kind == MOTHER,
            kind == FATHER_A,
            kind == FATHER_B,
            kind == FATHER_C,
            kind == PARTNER,
            np.isin(kind, (SIB_NAT, SIB_HALF, SIB_STEP)),
            kind == GRANDMOTHER,
            kind == AUNT_UNCLE,
            kind == FRIEND,
        ],
        [
            np.ones(len(case), bool),
            father_needed,
            father_needed & (pub | (u < 0.5)),
            father_needed,
            u < np.where(ret, 0.3, np.where(pub, 0.5, 0.2)),
            ~ret & (age < 18) & (u < np.where(pub, 0.35, 0.2)),
            ~ret & (u < np.where(pub, 0.4, 0.25)),
            ~ret & (u < np.where(pub, 0.2, 0.05)),
            ~ret,
        ],
        False,
    )
    # One row per person on the case.
    rows = np.flatnonzero(included)
    case, mem, kind, pub = case[rows], mem[rows], kind[rows], pub[rows]
    role = np.select(
        [kind == CHILD, kind == NEWBORN, np.isin(kind, (SIB_NAT, SIB_HALF, SIB_STEP, AUNT_UNCLE, FRIEND, GRANDMOTHER))],
        [SUBJECT, SUBJECT, OTHER],
        RESPONDENT,
    )
    role = np.where((kind == PARTNER) & (rng.random(len(case)) < 0.5), OTHER, role)
    applicant = _applicant_kind(case, kind, pub, len(case_fam), rng)
    role = np.where(kind == applicant[case], APPLICANT, role)
    return {"case": case, "member": mem, "role": role.astype(np.int64)}


def _applicant_kind(
    case: np.ndarray, kind: np.ndarray, pub: np.ndarray, n_cases: int, rng: np.random.Generator
) -> np.ndarray:
    """Which member kind applies, per case (-1 = nobody in the family: the local authority in public law).

    Private law: mostly a parent against the other (fathers apply more often), sometimes a grandmother.
    Public law: the local authority; parents apply only in applications about an existing order,
    which the applications step marks separately.
    """
    on = np.zeros((n_cases, 13), bool)
    on[case, kind] = True
    case_pub = np.zeros(n_cases, bool)
    case_pub[case] = pub
    u = rng.random(n_cases)
    both = on[:, MOTHER] & on[:, FATHER_A]
    private = np.select(
        [
            on[:, GRANDMOTHER] & (u < 0.2),
            both & (u < 0.68),
            both,
            on[:, MOTHER],
            on[:, FATHER_A] | on[:, FATHER_B],
        ],
        [GRANDMOTHER, FATHER_A, MOTHER, MOTHER, np.where(on[:, FATHER_A], FATHER_A, FATHER_B)],
        -1,
    )
    return np.where(case_pub, -1, private)
