"""Faults injected into the CAFW tables at configurable rates (`--fault cafw_<name>=RATE`).

As in faults.py, each fault hits exactly round(rate x base) rows, people or hearings, chosen at random,
and reports what it did (`out_of_*` keys give the base), so tests can compare the data with the ground
truth. Rate 0 injects nothing; the clean tables contain none of these patterns. They run in the order
below: removals first, so dates are blanked only on rows that stay; duplicates last, so a duplicate can
copy a faulty row but no fault hides another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .common import NULL, Coded, Frame, concat, encrypt_ids, exact_subset, nrows, take

Tables = dict[str, Frame]
Truth = dict[str, int]

# (table, column) pairs blanked by cafw_missing_dates; never NULL in clean data.
DATE_COLUMNS = (
    ("CAFW_CAFCASS_APPLICATION", "CAP_ISSUEDATE"),
    ("CAFW_CAFCASS_APPLICATION", "CAP_RECEIPTDATE"),
    ("CAFW_CAFCASS_ALF", "WOB"),
    ("CAFW_CAFCASS_HEARING", "CAP_HEARINGDATETIME"),
    ("CAFW_CAFCASS_INCIDENT", "CREATEDON"),
)
DUPLICATED_TABLES = (
    "CAFW_CAFCASS_ALF",
    "CAFW_CAFCASS_APPLICATIONSERVICEUSERS",
    "CAFW_CAFCASS_APPLICATIONORDERS",
    "CAFW_CAFCASS_HEARINGOUTCOME",
    "CAFW_CAFCASS_HEARINGOUTCOMEAPPLICATION",
    "CAFW_CAFCASS_RELATIONSHIPS",
)
ASU = "CAFW_CAFCASS_APPLICATIONSERVICEUSERS"
ADDED = 10**9  # sequence numbers of added connection rows start here, clear of the clean rows


def missing_dates(tables: Tables, rate: float, rng: np.random.Generator) -> Truth:
    """NULL dates where clean data always has one."""
    truth: Truth = {}
    for name, col in DATE_COLUMNS:
        values = tables[name][col]
        eligible = np.flatnonzero(values != NULL)
        chosen = eligible[exact_subset(rng, len(eligible), rate)]
        values[chosen] = NULL  # type: ignore[index]
        truth[f"{name}.{col}"] = len(chosen)
    return truth


def people_without_alf_row(tables: Tables, rate: float, rng: np.random.Generator) -> Truth:
    """Service users with no CAFCASS_ALF row at all (their connection rows stay)."""
    on_apps = np.unique(tables[ASU]["RECORD2ID_PE"])  # type: ignore[arg-type]
    gone = on_apps[exact_subset(rng, len(on_apps), rate)]
    alf = tables["CAFW_CAFCASS_ALF"]
    tables["CAFW_CAFCASS_ALF"] = take(alf, np.flatnonzero(~np.isin(alf["SYSTEM_ID_PE"], gone)))
    return {"people": len(gone), "out_of_people_on_applications": len(on_apps)}


def outcomes_without_hearing(tables: Tables, rate: float, rng: np.random.Generator) -> Truth:
    """Hearings deleted while their outcome rows stay (outcomes pointing at a missing hearing)."""
    outcome_hearing = tables["CAFW_CAFCASS_HEARINGOUTCOME"]["CAP_HEARINGID_PE"]
    with_outcomes = np.unique(outcome_hearing)  # type: ignore[arg-type]
    gone = with_outcomes[exact_subset(rng, len(with_outcomes), rate)]
    hearings = tables["CAFW_CAFCASS_HEARING"]
    tables["CAFW_CAFCASS_HEARING"] = take(hearings, np.flatnonzero(~np.isin(hearings["CAP_HEARINGID_PE"], gone)))
    return {
        "hearings": len(gone),
        "outcome_rows": int(np.isin(outcome_hearing, gone).sum()),
        "out_of_hearings_with_outcomes": len(with_outcomes),
    }


def two_roles(tables: Tables, rate: float, rng: np.random.Generator) -> Truth:
    """A second connection row giving the same person another role on the same application."""
    asu = tables[ASU]
    n = nrows(asu)
    chosen = exact_subset(rng, n, rate)
    rows = take(asu, chosen)
    role: Coded = rows["RECORD2ROLEIDNAME"]  # type: ignore[assignment]
    shift = rng.integers(1, len(role.labels), len(chosen))
    rows["RECORD2ROLEIDNAME"] = Coded((role.codes + shift) % len(role.labels), role.labels)
    start = ADDED + int(n)
    rows["CONNECTIONID_PE"] = encrypt_ids(np.arange(start, start + len(chosen)), "cafw_asu")
    tables[ASU] = concat([asu, rows])
    return {"person_applications": len(chosen), "out_of_person_applications": n}


def exact_duplicate_rows(tables: Tables, rate: float, rng: np.random.Generator) -> Truth:
    """Whole rows repeated, row id included."""
    truth: Truth = {}
    for name in DUPLICATED_TABLES:
        idx = exact_subset(rng, nrows(tables[name]), rate)
        tables[name] = concat([tables[name], take(tables[name], idx)])
        truth[name] = len(idx)
    return truth


FaultFn = Callable[[Tables, float, np.random.Generator], Truth]


@dataclass(frozen=True)
class Fault:
    name: str
    default_rate: float
    apply: FaultFn
    doc: str


FAULTS: tuple[Fault, ...] = (
    Fault(
        "cafw_people_without_alf_row",
        0.01,
        people_without_alf_row,
        "CAFW: share of people on applications with no CAFCASS_ALF row",
    ),
    Fault(
        "cafw_outcomes_without_hearing",
        0.005,
        outcomes_without_hearing,
        "CAFW: share of hearings with outcomes deleted, leaving their outcomes orphaned",
    ),
    Fault("cafw_missing_dates", 0.005, missing_dates, "CAFW: share of each key date column set to NULL"),
    Fault(
        "cafw_two_roles", 0.005, two_roles, "CAFW: share of service-user rows given a second row with another role"
    ),
    Fault(
        "cafw_exact_duplicate_rows",
        0.01,
        exact_duplicate_rows,
        "CAFW: share of rows repeated whole in ALF, service users, application orders, outcomes, bridge, relationships",
    ),
)
FAULTS_BY_NAME: dict[str, Fault] = {f.name: f for f in FAULTS}
DEFAULT_RATES: dict[str, float] = {f.name: f.default_rate for f in FAULTS}
