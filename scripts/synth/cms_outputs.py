"""CMS legal outputs: recorded per case and hearing (not per child), as CMS held them.

Each application gets a first hearing (interim orders, directions, reports ordered: S.7, a rule 9.5
guardian before April 2011 or a rule 16.4 guardian after, MIAM from April 2011) and, once completed, a
final hearing with its outcome (ISFINAL true). About 8 % of completed applications have no output at all
(seed-pipeline.md 4); applications still open when CMS closed have interim outputs only.
"""

from __future__ import annotations

import numpy as np

from . import lookups_cms as lk
from .cms_cases import FPR_2010
from .common import NULL, Frame, pick

NO_OUTPUT = 0.08
_W = tuple[tuple[str, float], ...]
FINAL_OUTCOMES: dict[str, _W] = {
    "Care Order (s31)": (
        ("Care Order", 0.45),
        ("Supervision Order", 0.12),
        ("Special Guardianship Order", 0.11),
        ("Residence Order", 0.10),
        ("Placement Order", 0.12),
        ("No Order", 0.04),
        ("Application Withdrawn", 0.06),
    ),
    "Supervision Order (s31)": (
        ("Supervision Order", 0.6),
        ("Care Order", 0.1),
        ("Residence Order", 0.1),
        ("No Order", 0.1),
        ("Application Withdrawn", 0.1),
    ),
    "Emergency Protection Order (s44)": (
        ("Emergency Protection Order", 0.8),
        ("Order Refused", 0.1),
        ("Application Withdrawn", 0.1),
    ),
    "Child Assessment Order (s43)": (("Child Assessment Order", 0.8), ("Order Refused", 0.1), ("Application Withdrawn", 0.1)),
    "Discharge of Care Order (s39)": (
        ("Discharge of Care Order", 0.5),
        ("Special Guardianship Order", 0.15),
        ("Order Refused", 0.2),
        ("Application Withdrawn", 0.15),
    ),
    "Placement Order (ACA 2002 s21)": (("Placement Order", 0.85), ("Order Refused", 0.05), ("Application Withdrawn", 0.1)),
    "Secure Accommodation Order (s25)": (
        ("Secure Accommodation Order", 0.85),
        ("Order Refused", 0.1),
        ("Application Withdrawn", 0.05),
    ),
    "Contact with Child in Care (s34)": (("Contact Order (s34)", 0.6), ("No Order", 0.15), ("Application Withdrawn", 0.25)),
    "Recovery Order (s50)": (("Recovery Order", 0.9), ("Application Withdrawn", 0.1)),
    "Extension of Supervision Order": (("Extension of Supervision Order", 0.8), ("Order Refused", 0.2)),
    "Education Supervision Order (s36)": (("Education Supervision Order", 0.8), ("Application Withdrawn", 0.2)),
    "Residence Order (s8)": (
        ("Residence Order", 0.45),
        ("Shared Residence Order", 0.12),
        ("Contact Order", 0.10),
        ("No Order", 0.08),
        ("Application Withdrawn", 0.20),
        ("Order Refused", 0.05),
    ),
    "Contact Order (s8)": (
        ("Contact Order", 0.60),
        ("No Order", 0.10),
        ("Application Withdrawn", 0.22),
        ("Order Refused", 0.05),
        ("Family Assistance Order", 0.03),
    ),
    "Prohibited Steps Order (s8)": (
        ("Prohibited Steps Order", 0.55),
        ("No Order", 0.15),
        ("Application Withdrawn", 0.25),
        ("Order Refused", 0.05),
    ),
    "Specific Issue Order (s8)": (
        ("Specific Issue Order", 0.6),
        ("No Order", 0.1),
        ("Application Withdrawn", 0.25),
        ("Order Refused", 0.05),
    ),
    "Parental Responsibility (s4)": (
        ("Parental Responsibility Order", 0.6),
        ("Order Refused", 0.1),
        ("Application Withdrawn", 0.3),
    ),
    "Special Guardianship Order (s14A)": (
        ("Special Guardianship Order", 0.7),
        ("Residence Order", 0.1),
        ("Application Withdrawn", 0.2),
    ),
    "Enforcement of Contact Order (s11J)": (("Enforcement Order", 0.3), ("No Order", 0.4), ("Application Withdrawn", 0.3)),
    "Leave to Apply (s10)": (("Directions", 0.6), ("Order Refused", 0.4)),
    "Family Assistance Order (s16)": (("Family Assistance Order", 0.8), ("Application Withdrawn", 0.2)),
    "Other Private Law Application": (("Directions", 0.4), ("No Order", 0.3), ("Application Withdrawn", 0.3)),
}
CAFCASS_WORK = {"S.7 Report": 1, "Rule 9.5 Appointment": 2, "Rule16.4": 2, "Family Assistance Order": 3, "S.37 Report": 4}
EXPIRY_DAYS = {
    "Supervision Order": 365,
    "Interim Care Order": 56,
    "Interim Supervision Order": 56,
    "Emergency Protection Order": 8,
    "Education Supervision Order": 365,
    "Interim Residence Order": 90,
    "Interim Contact Order": 90,
}


def _final_types(rng: np.random.Generator, types: np.ndarray) -> np.ndarray:
    out = np.zeros(len(types), dtype=np.int64)
    for a in lk.APPLICATION_TYPES:
        idx = np.flatnonzero(types == a.id)
        options = FINAL_OUTCOMES[a.name]
        out[idx] = np.array([lk.LO_ID[n] for n, _ in options])[pick(rng, len(idx), [w for _, w in options])]
    return out


def build_legal_outputs(apps: Frame, rng: np.random.Generator) -> Frame:
    n = len(apps["case"])
    types, date, done = apps["CASEAPPLICATIONTYPEREF"], apps["DATEOFAPPLICATION"], apps["DATECOMPLETED"]
    public = apps["law"] == lk.PUBLIC
    s31 = np.isin(types, lk.S31_TYPES)
    epo = types == lk.APP_TYPE_ID["Emergency Protection Order (s44)"]
    private_s8 = ~public & (types <= lk.APP_TYPE_ID["Specific Issue Order (s8)"])
    first_hearing = date + np.where(epo, 0, np.where(public, rng.poisson(7, n), 28 + rng.poisson(14, n)))
    none = rng.random(n) < NO_OUTPUT
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []  # app, hearing slot, type, date

    def add(mask: np.ndarray, slot: int, lo: np.ndarray | int, when: np.ndarray) -> None:
        idx = np.flatnonzero(mask & ~none)
        lo_arr = np.broadcast_to(np.asarray(lo, dtype=np.int64), (n,))
        parts.append((idx, np.full(len(idx), slot), lo_arr[idx], when[idx]))

    u = rng.random(n)
    interim = np.where(u < 0.82, lk.LO_ID["Interim Care Order"], lk.LO_ID["Interim Supervision Order"])
    add(s31 & (u < 0.95), 0, interim, first_hearing)
    add(s31 & (rng.random(n) < 0.6), 0, lk.LO_ID["Directions"], first_hearing)
    fpr = first_hearing >= FPR_2010
    add(private_s8 & (rng.random(n) < 0.35), 0, lk.LO_ID["S.7 Report"], first_hearing)
    guardian = np.where(fpr, lk.LO_ID["Rule16.4"], lk.LO_ID["Rule 9.5 Appointment"])
    add(private_s8 & (rng.random(n) < 0.05), 0, guardian, first_hearing)
    add(private_s8 & fpr & (rng.random(n) < 0.10), 0, lk.LO_ID["MIAM"], first_hearing)
    u = rng.random(n)
    interim_s8 = np.where(u < 0.1, lk.LO_ID["Interim Contact Order"], lk.LO_ID["Interim Residence Order"])
    add(private_s8 & (u < 0.15), 0, interim_s8, first_hearing)
    add(public & ~s31 & ~epo & (rng.random(n) < 0.3), 0, lk.LO_ID["Directions"], first_hearing)
    completed = done != NULL
    final = _final_types(rng, types)
    final_when = np.where(epo, first_hearing, np.maximum(done, first_hearing))
    add(completed, 1, final, final_when)
    care_and_placement = (final == lk.LO_ID["Placement Order"]) & s31
    add(completed & care_and_placement, 1, lk.LO_ID["Care Order"], final_when)

    app, slot, lo, when = (np.concatenate([p[i] for p in parts]) for i in range(4))
    order = np.lexsort((lo, slot, app))
    app, slot, lo, when = app[order], slot[order], lo[order], when[order]
    names = {i: name for i, name, _ in lk.LEGAL_OUTPUT_TYPES}
    work = np.zeros(max(names) + 1, dtype=np.int64)
    expiry = np.full(max(names) + 1, NULL, dtype=np.int64)
    for i, name in names.items():
        work[i] = CAFCASS_WORK.get(name, 0)
        expiry[i] = EXPIRY_DAYS.get(name, NULL)
    return {
        "case": apps["case"][app],
        "hearing": app * 2 + slot,
        "LEGALOUTPUTTYPEREF": lo,
        "FURTHERWORKTYPEREF": np.where(work[lo] > 0, work[lo], NULL),
        "ISCAFCASSWORK": work[lo] > 0,
        "EXPIRYDATE": np.where(expiry[lo] == NULL, NULL, when + np.where(expiry[lo] == NULL, 0, expiry[lo])),
        "ISFINAL": slot == 1,
        "LEGALORDERHEARINGDATE": when,
    }
