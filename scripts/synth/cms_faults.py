"""CMS data faults (seed-pipeline.md 2C, 4, 5) and the CMS -> ECMS child linkage, at configurable rates.

Same contract as faults.py: each fault hits exactly round(rate x base) rows or people, reports counts
(`out_of_*` = the base), and clean data (rate 0) holds none of these patterns. Names start with `cms_`
so they sit beside the ECMS faults in one --fault namespace and one summary.

`cms_children_in_ecms` is not a fault but a linkage share: that share of CMS subject children with an ALF
take the ALF (with its status and match score), gender and week of birth of an ECMS subject child whose
first ECMS case starts at least 180 days after the CMS case. The ECMS side is rebuilt here with ECMS's own
random streams (families, cases, people: the same positions, so the same `encrypt_ids(position, "alf")`
values ECMS writes); CMS's own ALFs use positions from CMS_ALF_OFFSET upward, so no other ALF is shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import ecms_families as ef
from . import lookups_cms as lk
from .cms_cases import CHILD
from .common import NULL, Coded, Frame, concat, exact_subset, monday_of, nrows, present, stream, take, with_year, year_of
from .ecms_people import build_people as ecms_people
from .presets import Config

Tables = dict[str, Frame]
Truth = dict[str, int]
ADDED = 10**9
CMS_ALF_OFFSET = 5 * 10**8  # ECMS people sit below 1e8 (clean) and from 1e9 (added by faults)
LINK_MAX_DOB_DAYS = 30
LINK_MIN_GAP_DAYS = 180
DUPLICATED_TABLES = (
    "CAFE_CMS_TBLPERSON",
    "CAFE_CMS_TBLCASEAPPLICATIONMEMBER",
    "CAFE_CMS_TBLCRSPERSONRELATIONSHIP",
    "CAFE_CMS_TBLLEGALOUTPUT",
)
DATE_COLUMNS = (
    ("CAFE_CMS_TBLCASEAPPLICATION", "DATEOFAPPLICATION"),
    ("CAFE_CMS_TBLCASEAPPLICATION", "DATERECEIVED"),
    ("CAFE_CMS_TBLPERSON", "WEEKOFBIRTH"),
    ("CAFE_CMS_TBLLEGALOUTPUT", "LEGALORDERHEARINGDATE"),
)
ROLE_TYPES = (lk.MEMBER_APPLICANT, lk.MEMBER_RESPONDENT, lk.MEMBER_SUBJECT, lk.MEMBER_UNKNOWN)
CONFLICT_TYPES = (lk.REL_PARENT, lk.REL_STEP_PARENT, lk.REL_GRANDPARENT, lk.REL_AUNT_UNCLE, 9)


@dataclass
class Context:
    cfg: Config
    kind: np.ndarray  # member kind per CMS person position
    case_date: np.ndarray  # the person's case start date
    protected: np.ndarray  # persons a later fault must not remove (they carry a measured fault)

    def protect(self, member: np.ndarray) -> None:
        self.protected[member[member < len(self.protected)]] = True


def _append(tables: Tables, name: str, rows: Frame) -> None:
    tables[name] = concat([tables[name], rows])


def _new_rows(tables: Tables, name: str, template: np.ndarray) -> Frame:
    rows = take(tables[name], template)
    start = ADDED + int((tables[name]["row"] >= ADDED).sum())
    rows["row"] = np.arange(start, start + len(template))
    return rows


def ecms_subject_children(cfg: Config) -> Frame:
    """ECMS subject children (kind CHILD) with an ALF: position-derived ALF columns, gender, dob, first case."""
    rng = lambda name: stream(cfg.seed, f"ecms/{name}")  # noqa: E731
    fams = ef.build_families(cfg, rng("families"))
    cases = ef.build_cases(cfg, fams, rng("cases"))
    people = ecms_people(fams, rng("people"))
    cm = cases.members
    subject = cm["role"] == ef.SUBJECT
    member, case = cm["member"][subject], cm["case"][subject]
    first = np.full(len(fams.members["kind"]), np.iinfo(np.int64).max)
    np.minimum.at(first, member, cases.date[case])
    m = np.flatnonzero(
        (first < np.iinfo(np.int64).max)
        & (fams.members["kind"] == ef.CHILD)
        & (people["ALF_PE"] != NULL)
        & np.isin(fams.members["gender"], (ef.FEMALE, ef.MALE))
    )
    return {
        "member": m,
        "gender": fams.members["gender"][m],
        "dob": fams.members["dob"][m],
        "first_case": first[m],
        "ALF_PE": people["ALF_PE"][m],
        "ALF_STS_CD": people["ALF_STS_CD"][m],
        "ALF_MTCH_PCT": people["ALF_MTCH_PCT"][m],
    }


def children_in_ecms(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    people = tables["CAFE_CMS_TBLPERSON"]
    n = len(ctx.kind)
    subjects = present(tables["CAFE_CMS_TBLCASEAPPLICATIONMEMBER"]["member"], n) & (ctx.kind == CHILD)
    gender = people["GENDER"].codes  # type: ignore[union-attr]
    base = np.flatnonzero(subjects & (people["ALF_PE"] != NULL))
    chosen = base[exact_subset(rng, len(base), rate)]
    born = (people["dob"][chosen] < ctx.case_date[chosen] - 60) & np.isin(gender[chosen], (0, 1))
    chosen = chosen[born]
    if rate == 0 or len(chosen) == 0:
        return {"children": 0, "out_of_children_with_alf": len(base)}
    pool = ecms_subject_children(ctx.cfg)
    key = pool["gender"] * 10**6 + pool["dob"] + 10**5
    order = np.argsort(key, kind="stable")
    key = key[order]
    want = gender[chosen] * 10**6 + people["dob"][chosen] + 10**5
    by_want = np.argsort(want, kind="stable")
    chosen, want = chosen[by_want], want[by_want]
    # Greedy in order of birth: the first pool child at or after the wanted key not already taken (positions
    # strictly increase), so no ECMS child is given to two CMS children.
    step = np.arange(len(want))
    best = np.maximum.accumulate(np.searchsorted(key, want) - step) + step
    found = best < len(key)
    best = np.minimum(best, len(key) - 1)
    # same gender, born within LINK_MAX_DOB_DAYS, first ECMS case well after the CMS case
    later = pool["first_case"][order[best]] >= ctx.case_date[chosen] + LINK_MIN_GAP_DAYS
    ok = found & (np.abs(key[best] - want) <= LINK_MAX_DOB_DAYS) & later
    linked, src = chosen[ok], order[best[ok]]
    for col in ("ALF_PE", "ALF_STS_CD", "ALF_MTCH_PCT"):
        people[col][linked] = pool[col][src]  # type: ignore[index]
    people["dob"][linked] = pool["dob"][src]  # type: ignore[index]
    people["WEEKOFBIRTH"][linked] = monday_of(pool["dob"][src])  # type: ignore[index]
    ctx.protect(linked)
    return {"children": len(linked), "out_of_children_with_alf": len(base)}


def converted_member_type(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Adult rows carried over from the legacy system: MEMBERTYPE 16, the role only in CONVERTEDTYPE."""
    rows = tables["CAFE_CMS_TBLCASEAPPLICATIONMEMBER"]
    adult = np.flatnonzero(np.isin(rows["MEMBERTYPE"], tuple(lk.CONVERTED_TEXT)))
    chosen = adult[exact_subset(rng, len(adult), rate)]
    labels = tuple(lk.CONVERTED_TEXT.values())
    codes = rows["CONVERTEDTYPE"].codes  # type: ignore[union-attr]
    codes[chosen] = np.searchsorted(list(lk.CONVERTED_TEXT), rows["MEMBERTYPE"][chosen])
    rows["CONVERTEDTYPE"] = Coded(codes, labels)
    rows["MEMBERTYPE"][chosen] = lk.MEMBER_CONVERTED  # type: ignore[index]
    return {"rows": len(chosen), "out_of_adult_rows": len(adult)}


def person_twice_on_application(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """A second membership row (new row id) for the same person and application, with another member type."""
    name = "CAFE_CMS_TBLCASEAPPLICATIONMEMBER"
    rows = tables[name]
    n = nrows(rows)
    chosen = exact_subset(rng, n, rate)
    chosen = chosen[rows["MEMBERTYPE"][chosen] != lk.MEMBER_CONVERTED]
    new = _new_rows(tables, name, chosen)
    types = np.array(ROLE_TYPES)
    at = np.searchsorted(types, rows["MEMBERTYPE"][chosen])
    new["MEMBERTYPE"] = types[(at + rng.integers(1, len(types), len(chosen))) % len(types)]
    _append(tables, name, new)
    return {"person_applications": len(chosen), "out_of_person_applications": n}


def conflicting_relationship(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """A second row for the same (parent, child) pair with a different relationship type."""
    name = "CAFE_CMS_TBLCRSPERSONRELATIONSHIP"
    rows = tables[name]
    n = nrows(rows)
    chosen = exact_subset(rng, n, rate)
    new = _new_rows(tables, name, chosen)
    types = np.array(CONFLICT_TYPES)
    at = np.searchsorted(types, rows["RELATIONSHIPREF"][chosen])
    new["RELATIONSHIPREF"] = types[(at + rng.integers(1, len(types), len(chosen))) % len(types)]
    _append(tables, name, new)
    return {"pairs": len(chosen), "out_of_pairs": n}


def mistyped_birth_century(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    people = tables["CAFE_CMS_TBLPERSON"]
    wob = people["WEEKOFBIRTH"]
    idx = exact_subset(rng, len(wob), rate)
    year = year_of(wob[idx])
    low = rng.random(len(idx)) < 0.5
    typo = np.where(year >= 2000, np.where(low, 2200, 2900), np.where(low, 1800, 7900))
    wob[idx] = with_year(wob[idx], typo + year % 100)  # type: ignore[index]
    ctx.protect(people["member"][idx])  # type: ignore[index]
    return {"people": len(idx), "out_of_people": len(wob)}


def missing_dates(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    truth: Truth = {}
    for name, col in DATE_COLUMNS:
        values = tables[name][col]
        eligible = np.flatnonzero(values != NULL)
        if col == "WEEKOFBIRTH":
            years = year_of(values[eligible])  # type: ignore[arg-type]
            eligible = eligible[(years >= 1900) & (years < 2100)]
        chosen = eligible[exact_subset(rng, len(eligible), rate)]
        values[chosen] = NULL  # type: ignore[index]
        if "member" in tables[name]:
            ctx.protect(tables[name]["member"][chosen])  # type: ignore[index]
        truth[f"{name}.{col}"] = len(chosen)
    return truth


def _drop_people(tables: Tables, gone: np.ndarray) -> None:
    member = tables["CAFE_CMS_TBLPERSON"]["member"]
    keep = ~gone[member]  # type: ignore[index]
    tables["CAFE_CMS_TBLPERSON"] = take(tables["CAFE_CMS_TBLPERSON"], np.flatnonzero(keep))


def persons_missing_from_people(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Members of applications with no person row."""
    n = len(ctx.kind)
    on_apps = np.flatnonzero(present(tables["CAFE_CMS_TBLCASEAPPLICATIONMEMBER"]["member"], n))  # type: ignore[arg-type]
    eligible = on_apps[~ctx.protected[on_apps]]
    k = min(len(eligible), int(round(rate * len(on_apps))))
    gone = present(rng.choice(eligible, size=k, replace=False), n)
    _drop_people(tables, gone)
    return {"persons": k, "out_of_persons_on_applications": len(on_apps)}


def parents_missing_from_people(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Relatives named only in relationships (on no application) with no person row."""
    n = len(ctx.kind)
    on_apps = present(tables["CAFE_CMS_TBLCASEAPPLICATIONMEMBER"]["member"], n)  # type: ignore[arg-type]
    parents = present(tables["CAFE_CMS_TBLCRSPERSONRELATIONSHIP"]["parent"], n)  # type: ignore[arg-type]
    base = np.flatnonzero(parents & ~on_apps)
    eligible = base[~ctx.protected[base]]
    k = min(len(eligible), int(round(rate * len(base))))
    _drop_people(tables, present(rng.choice(eligible, size=k, replace=False), n))
    return {"parents": k, "out_of_parents_on_no_application": len(base)}


def exact_duplicate_rows(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    truth: Truth = {}
    for name in DUPLICATED_TABLES:
        idx = exact_subset(rng, nrows(tables[name]), rate)
        _append(tables, name, take(tables[name], idx))
        truth[name] = len(idx)
    return truth


FaultFn = Callable[[Tables, float, np.random.Generator, Context], Truth]


@dataclass(frozen=True)
class Fault:
    name: str
    default_rate: float
    apply: FaultFn
    doc: str


# Run order matters: linkage first (it sets week of birth), removals after the measured faults, duplicates last.
CMS_FAULTS: tuple[Fault, ...] = (
    Fault(
        "cms_children_in_ecms",
        0.15,
        children_in_ecms,
        "share of CMS subject children with an ALF who take the ALF of a later ECMS subject child (linkage, not a fault)",
    ),
    Fault(
        "cms_converted_member_type",
        0.05,
        converted_member_type,
        "share of adult CMS member rows stored as MEMBERTYPE 16 with the role in CONVERTEDTYPE",
    ),
    Fault(
        "cms_person_twice_on_application",
        0.005,
        person_twice_on_application,
        "share of CMS member rows given a second row of another member type (same person and application)",
    ),
    Fault(
        "cms_conflicting_relationship",
        0.005,
        conflicting_relationship,
        "share of CMS (parent, child) pairs given a second row with another relationship type",
    ),
    Fault(
        "cms_mistyped_birth_century",
        0.005,
        mistyped_birth_century,
        "share of CMS person rows with WEEKOFBIRTH year typed 18xx/22xx/29xx/79xx",
    ),
    Fault("cms_missing_dates", 0.005, missing_dates, "share of each CMS key date column set to NULL"),
    Fault(
        "cms_persons_missing_from_people",
        0.005,
        persons_missing_from_people,
        "share of CMS application members with no person row",
    ),
    Fault(
        "cms_parents_missing_from_people",
        0.01,
        parents_missing_from_people,
        "share of CMS relatives on no application (named only in relationships) with no person row",
    ),
    Fault(
        "cms_exact_duplicate_rows",
        0.01,
        exact_duplicate_rows,
        "share of CMS person, member, relationship and legal-output rows repeated whole (row id included)",
    ),
)
CMS_FAULTS_BY_NAME: dict[str, Fault] = {f.name: f for f in CMS_FAULTS}
CMS_DEFAULT_RATES: dict[str, float] = {f.name: f.default_rate for f in CMS_FAULTS}
