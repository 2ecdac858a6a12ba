"""Data faults the Stata code meets in real extracts (seed-pipeline.md sections 2, 4 and 5), injected
at configurable rates into otherwise clean tables.

Every fault hits an exact share (round(rate x eligible)) chosen at random, and reports what it did
(counts; keys starting `out_of_` give the base the rate applied to), so tests can compare the data
with the ground truth. Rate 0 injects nothing: the clean tables contain
none of these patterns. Faults run in a fixed order so that later ones cannot hide earlier ones
(e.g. duplicates are added last, dates are blanked only where the year was not mistyped).

Tables here still carry internal row positions: `member` (person), `related`, `app`, `case`, and `row`
(becomes the row's ID_PE, so duplicated rows share it); ecms.py turns them into SAIL ids afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import lookups_ecms as lk
from .common import NULL, Frame, concat, encrypt_ids, exact_subset, nrows, present, take, with_year, year_of
from .ecms_families import APPLICANT, CHILD_LIKE, FEMALE, MOTHER, OTHER, RESPONDENT, SUBJECT
from .ecms_relationships import relationship_frame

Tables = dict[str, Frame]
Truth = dict[str, int]

CHARACTERISTIC_TABLES: dict[str, tuple[str, tuple[int, ...]]] = {
    "CAFE_ECMS_ETHNICITIES": ("ETHNICITYTYPE_ID", (lk.ETHNICITY_PREFER_NOT, lk.ETHNICITY_UNKNOWN)),
    "CAFE_ECMS_RELIGIONS": ("RELIGIONTYPE_ID", (lk.RELIGION_PREFER_NOT, lk.RELIGION_UNKNOWN)),
    "CAFE_ECMS_NATIONALITIES": ("NATIONALITYTYPE_ID", (lk.NATIONALITY_REFUSED, lk.NATIONALITY_UNKNOWN)),
    "CAFE_ECMS_LANGUAGES": ("LANGUAGETYPE_ID", (lk.LANGUAGE_REFUSED, lk.LANGUAGE_UNKNOWN)),
    "CAFE_ECMS_DISABILITIES": ("DISABILITYTYPE_ID", lk.DISABILITY_UNKNOWN_TYPES),
}
DUPLICATED_TABLES = (
    "CAFE_ECMS_PEOPLE",
    *CHARACTERISTIC_TABLES,
    "CAFE_ECMS_PERSONSONAPPLICATIONS",
    "CAFE_ECMS_PERSONRELATIONSHIPS",
    "CAFE_ECMS_LEGALOUTPUTS",
)
# (table, column) pairs blanked by missing_dates; none of them is ever NULL in clean data.
DATE_COLUMNS = (
    ("CAFE_ECMS_APPLICATIONS", "DATEOFAPPLICATION"),
    ("CAFE_ECMS_APPLICATIONS", "DATERECEIVED"),
    ("CAFE_ECMS_APPLICATIONS", "DATENOTIFIED"),
    ("CAFE_ECMS_PEOPLE", "WEEKOFBIRTH"),
    ("CAFE_ECMS_CASES", "DATERECEIVED"),
    ("CAFE_ECMS_LEGALOUTPUTS", "DATEORDERED"),
)
ADDED = 10**9  # internal positions of rows a fault adds start here, clear of the clean rows
EARLIER_LOAD_DAYS = 182  # reloaded rows carry the previous refresh's load date (SAIL refreshes twice a year)


@dataclass
class Context:
    members: Frame  # the family members behind the people table (kind, gender, fam)
    protected: np.ndarray  # mask over members: a later fault must not remove them (they carry a fault)
    load_day: int  # AVAIL_FROM_DT of the current load

    def protect(self, member: np.ndarray) -> None:
        self.protected[member[member < len(self.protected)]] = True


def _append(tables: Tables, name: str, rows: Frame) -> None:
    tables[name] = concat([tables[name], rows])


def _new_rows(tables: Tables, name: str, template: np.ndarray) -> Frame:
    """Copies of rows `template` with fresh row positions."""
    rows = take(tables[name], template)
    start = ADDED + int((tables[name]["row"] >= ADDED).sum())
    rows["row"] = np.arange(start, start + len(template))
    return rows


def unknown_codes(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Characteristic rows answered 'unknown' / 'prefer not to say' / 'refused'."""
    truth: Truth = {}
    for name, (col, unknown) in CHARACTERISTIC_TABLES.items():
        idx = exact_subset(rng, nrows(tables[name]), rate)
        tables[name][col][idx] = np.array(unknown)[rng.integers(0, len(unknown), len(idx))]  # type: ignore[index]
        ctx.protect(tables[name]["member"][idx])  # type: ignore[index]
        truth[name] = len(idx)
    return truth


def conflicting_ethnicity(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """A second ethnicity row, from another source, with a different known code."""
    eth = tables["CAFE_ECMS_ETHNICITIES"]
    count = np.bincount(eth["member"])  # type: ignore[arg-type]
    code = eth["ETHNICITYTYPE_ID"]
    single_row = count[eth["member"]] == 1  # type: ignore[index]
    eligible = np.flatnonzero(single_row & ~np.isin(code, (lk.ETHNICITY_PREFER_NOT, lk.ETHNICITY_UNKNOWN)))
    n_people = int((count > 0).sum())
    k = min(len(eligible), int(round(rate * n_people)))
    chosen = np.sort(rng.choice(eligible, size=k, replace=False))
    rows = _new_rows(tables, "CAFE_ECMS_ETHNICITIES", chosen)
    known = np.array([i for i, _, w in lk.ETHNICITIES if w > 0])
    at = np.searchsorted(known, code[chosen])
    rows["ETHNICITYTYPE_ID"] = known[(at + rng.integers(1, len(known), k)) % len(known)]
    sources = np.array([i for i, _, _ in lk.SOURCES])
    s_at = np.searchsorted(sources, eth["SOURCE_ID"][chosen])
    rows["SOURCE_ID"] = sources[(s_at + rng.integers(1, len(sources), k)) % len(sources)]
    _append(tables, "CAFE_ECMS_ETHNICITIES", rows)
    ctx.protect(rows["member"])  # type: ignore[arg-type]
    return {"people": k, "out_of_people_with_ethnicity": n_people}


def mistyped_birth_century(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Week-of-birth years typed 18xx / 79xx for 19xx births and 22xx / 29xx for 20xx births."""
    people = tables["CAFE_ECMS_PEOPLE"]
    wob = people["WEEKOFBIRTH"]
    idx = exact_subset(rng, len(wob), rate)
    year = year_of(wob[idx])
    typo = np.where(
        year >= 2000, np.where(rng.random(len(idx)) < 0.5, 2200, 2900), np.where(rng.random(len(idx)) < 0.5, 1800, 7900)
    )
    wob[idx] = with_year(wob[idx], typo + year % 100)  # type: ignore[index]
    ctx.protect(people["member"][idx])  # type: ignore[index]
    child = np.isin(ctx.members["kind"][people["member"][idx]], CHILD_LIKE)
    return {"people": len(idx), "children": int(child.sum()), "adults": int((~child).sum())}


def missing_dates(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """NULL dates where clean data always has one (a mistyped week of birth is left as it is)."""
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


def two_mothers(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Subject children with a second parent-type relationship to another woman (both directions)."""
    poa, rel = tables["CAFE_ECMS_PERSONSONAPPLICATIONS"], tables["CAFE_ECMS_PERSONRELATIONSHIPS"]
    kind, gender = ctx.members["kind"], ctx.members["gender"]
    n = len(kind)
    subject = present(poa["member"][poa["role"] == SUBJECT], n)  # type: ignore[index]
    mother_rows = (rel["RELATIONSHIPTYPE_ID"] == lk.REL_PARENT) & (gender[rel["related"]] == FEMALE)
    with_mother = np.flatnonzero(subject & present(rel["member"][mother_rows], n))  # type: ignore[index]
    chosen = with_mother[exact_subset(rng, len(with_mother), rate)]
    women = np.flatnonzero((kind == MOTHER) & (gender == FEMALE))
    fam = ctx.members["fam"]
    second = women[rng.integers(0, len(women), len(chosen))]
    second = np.where(fam[second] == fam[chosen], women[(np.searchsorted(women, second) + 1) % len(women)], second)
    anchor = np.concatenate([chosen, second])
    related = np.concatenate([second, chosen])
    types = np.concatenate([np.full(len(chosen), lk.REL_PARENT), np.full(len(chosen), lk.REL_CHILD)])
    rows = relationship_frame(anchor, related, types, kind[related], rng)
    start = ADDED + int((rel["row"] >= ADDED).sum())
    rows["row"] = np.arange(start, start + len(anchor))
    _append(tables, "CAFE_ECMS_PERSONRELATIONSHIPS", rows)
    first_mothers = rel["related"][mother_rows & present(chosen, n)[rel["member"]]]  # type: ignore[index]
    ctx.protect(np.concatenate([chosen, second, first_mothers]))  # type: ignore[list-item]
    return {"children": len(chosen), "out_of_children_with_a_mother": len(with_mother)}


def multi_role_rows(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Person-applications recorded with 2 or 3 rows, each with a different role."""
    name = "CAFE_ECMS_PERSONSONAPPLICATIONS"
    poa = tables[name]
    chosen = exact_subset(rng, nrows(poa), rate)
    three = rng.random(len(chosen)) < 0.3
    shift1 = rng.integers(1, 4, len(chosen))
    shift2 = (shift1 + rng.integers(1, 3, len(chosen)) - 1) % 3 + 1  # differs from shift1
    template = np.concatenate([chosen, chosen[three]])
    shift = np.concatenate([shift1, shift2[three]])
    rows = _new_rows(tables, name, template)
    role = (poa["role"][template] + shift) % 4
    rows["role"] = role
    rows["ISSUBJECT"], rows["ISRESPONDENT"] = role == SUBJECT, role == RESPONDENT
    rows["ISAPPLICANT"], rows["ISOTHER"] = role == APPLICANT, role == OTHER
    rows["ISSUBJECTPARTY"] = (role == SUBJECT) & (rng.random(len(role)) < 0.5)
    rows["ISOTHERPARTY"] = (role == OTHER) & (rng.random(len(role)) < 0.5)
    _append(tables, name, rows)
    return {"person_applications_2_rows": int((~three).sum()), "person_applications_3_rows": int(three.sum())}


def applications_without_persons(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Extra applications on existing cases that list nobody."""
    name = "CAFE_ECMS_APPLICATIONS"
    apps = tables[name]
    template = exact_subset(rng, nrows(apps), rate)
    rows = take(apps, template)
    start = ADDED + int((apps["app"] >= ADDED).sum())
    rows["app"] = np.arange(start, start + len(template))
    _append(tables, name, rows)
    return {"applications": len(template)}


def people_never_on_application(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """People with no application and no relationship (e.g. ids carried over from CMS)."""
    name = "CAFE_ECMS_PEOPLE"
    people = tables[name]
    years = year_of(np.where(people["WEEKOFBIRTH"] == NULL, 0, people["WEEKOFBIRTH"]))
    plausible = np.flatnonzero((people["WEEKOFBIRTH"] != NULL) & (years >= 1900) & (years < 2100))
    k = int(round(rate * nrows(people)))
    rows = take(people, plausible[rng.integers(0, len(plausible), k)])
    member = ADDED + int((people["member"] >= ADDED).sum()) + np.arange(k)
    rows["member"] = member
    rows["ALF_PE"] = np.where(rows["ALF_PE"] == NULL, NULL, encrypt_ids(member, "alf"))  # type: ignore[operator]
    rows["ALF2_PE"] = np.where(rows["ALF2_PE"] == NULL, NULL, encrypt_ids(member, "alf2"))  # type: ignore[operator]
    _append(tables, name, rows)
    return {"people": k}


def persons_missing_from_people(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Persons on applications with no people row (their other rows stay, as in real extracts)."""
    n = len(ctx.members["kind"])
    on_apps = np.flatnonzero(present(tables["CAFE_ECMS_PERSONSONAPPLICATIONS"]["member"], n))  # type: ignore[arg-type]
    k = int(round(rate * len(on_apps)))
    eligible = on_apps[~ctx.protected[on_apps]]
    gone = present(rng.choice(eligible, size=min(k, len(eligible)), replace=False), n)
    member = tables["CAFE_ECMS_PEOPLE"]["member"]
    keep = (member >= n) | ~gone[np.minimum(member, n - 1)]  # type: ignore[operator, call-overload]
    tables["CAFE_ECMS_PEOPLE"] = take(tables["CAFE_ECMS_PEOPLE"], np.flatnonzero(keep))
    return {"persons": int(gone.sum()), "out_of_persons_on_applications": len(on_apps)}


def reloaded_rows(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Rows kept from an earlier load: same content, an older AVAIL_FROM_DT (people: same person id, MOB_LINKAGE
    sometimes blank; characteristics: a new row id). Stata's dedupe keeps them (seed-pipeline 2.2, 5.10)."""
    truth: Truth = {}
    for name in ("CAFE_ECMS_PEOPLE", *CHARACTERISTIC_TABLES):
        frame = tables[name]
        n = nrows(frame)
        frame.setdefault("AVAIL_FROM_DT", np.full(n, ctx.load_day, dtype=np.int64))
        if name == "CAFE_ECMS_PEOPLE":
            eligible = np.arange(n)
        else:  # known values only, so the unknown-code count stays exact
            col, unknown = CHARACTERISTIC_TABLES[name]
            eligible = np.flatnonzero(~np.isin(frame[col], unknown))
        chosen = eligible[
            np.sort(rng.choice(len(eligible), size=min(len(eligible), int(round(rate * n))), replace=False))
        ]
        rows = take(frame, chosen) if name == "CAFE_ECMS_PEOPLE" else _new_rows(tables, name, chosen)
        rows["AVAIL_FROM_DT"] = np.full(len(chosen), ctx.load_day - EARLIER_LOAD_DAYS, dtype=np.int64)
        if name == "CAFE_ECMS_PEOPLE":
            rows["MOB_LINKAGE"] = np.where(rng.random(len(chosen)) < 0.5, NULL, rows["MOB_LINKAGE"])  # type: ignore[arg-type]
        _append(tables, name, rows)
        truth[name] = len(chosen)
    return truth


def exact_duplicate_rows(tables: Tables, rate: float, rng: np.random.Generator, ctx: Context) -> Truth:
    """Whole rows repeated, row id included."""
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


# Run order matters (see module docstring).
FAULTS: tuple[Fault, ...] = (
    Fault("unknown_codes", 0.03, unknown_codes, "share of characteristic rows coded unknown/prefer not to say"),
    Fault(
        "conflicting_ethnicity",
        0.01,
        conflicting_ethnicity,
        "share of people with ethnicity who get a second, different known code",
    ),
    Fault(
        "mistyped_birth_century",
        0.005,
        mistyped_birth_century,
        "share of people rows with WEEKOFBIRTH year typed 18xx/22xx/29xx/79xx",
    ),
    Fault(
        "applications_without_persons",
        0.005,
        applications_without_persons,
        "extra applications with nobody on them, as a share of applications",
    ),
    Fault("missing_dates", 0.005, missing_dates, "share of each key date column set to NULL"),
    Fault("two_mothers", 0.005, two_mothers, "share of subject children with a mother who get a second mother"),
    Fault("multi_role_rows", 0.005, multi_role_rows, "share of person-applications given 2 or 3 role rows"),
    Fault(
        "people_never_on_application",
        0.02,
        people_never_on_application,
        "extra people on no application, as a share of people",
    ),
    Fault(
        "persons_missing_from_people",
        0.005,
        persons_missing_from_people,
        "share of persons on applications with no people row",
    ),
    Fault(
        "reloaded_rows",
        0.005,
        reloaded_rows,
        "share of people and characteristic rows repeated from an earlier load (older AVAIL_FROM_DT)",
    ),
    Fault(
        "exact_duplicate_rows",
        0.01,
        exact_duplicate_rows,
        "share of rows repeated whole (row id included) in people, characteristics, persons on applications,"
        " relationships and legal outputs",
    ),
)
FAULTS_BY_NAME: dict[str, Fault] = {f.name: f for f in FAULTS}
DEFAULT_RATES: dict[str, float] = {f.name: f.default_rate for f in FAULTS}
