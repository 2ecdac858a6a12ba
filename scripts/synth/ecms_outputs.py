"""Legal outputs: what the court ordered (or Cafcass did) for each child on each application.

Each application type follows a pathway: a few interim steps, each yielding at most one output on a
day after the application, then one final output at completion. Open applications only have the
interim outputs already made by the refresh date, which is why most child-applications without any
output belong to open cases. Siblings on one application share its outputs, with a few gaps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import lookups_ecms as lk
from .common import NULL, Frame, day_from_yyyymmdd, expand
from .ecms_families import APPLICANT, RESPONDENT, SUBJECT
from .presets import Config

Choice = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Step:
    """At most one of `outputs` (with these probabilities) on a day in [lo, hi] after the application."""

    outputs: Choice
    lo: int
    hi: int


@dataclass(frozen=True)
class Pathway:
    steps: tuple[Step, ...]
    final: Choice  # weights of the final output when the application completes


P_UNRECORDED = 0.0035  # seed-pipeline: 99.65 % of subjects on completed cases have an output
MAX_RECORDING_LAG = 120  # days: recent orders on open applications are not keyed in yet

_FHDRA = Step(
    (
        ("DR at FHDRA \u2013 full agreement \u2013 final order", 0.25),
        ("DR at FHDRA \u2013 no agreement \u2013 Cafcass further work", 0.42),
        ("DR at FHDRA \u2013 partial agreement \u2013 signpost to SPIP", 0.10),
        ("Referred to LA \u2013 SPH", 0.03),
        ("Referred to PSU \u2013 SPH", 0.02),
    ),
    35,
    60,
)
_PRIVATE_STEPS = (
    Step((("MIAM attended", 0.2), ("MIAM exemption claimed", 0.35), ("MIAM not attended", 0.05)), 0, 3),
    Step((("Safeguarding letter sent", 0.85), ("Cafcass safeguarding checks completed", 0.1)), 14, 28),
    _FHDRA,
    Step((("S.7 Report ordered", 0.33), ("S.7 Report (Local Authority) ordered", 0.07)), 40, 70),
    Step(((lk.RULE_16_4, 0.045),), 60, 160),
    Step(
        (
            ("Interim Child Arrangements Order (spends time with)", 0.15),
            ("Interim Child Arrangements Order (lives with)", 0.05),
        ),
        30,
        120,
    ),
    Step((("Fact-finding hearing ordered", 0.08),), 50, 100),
    Step((("Referral to Separated Parents Information Programme", 0.2), ("Activity Direction", 0.03)), 35, 60),
    Step((("Wishes and feelings report ordered", 0.05), ("S.16A Risk Assessment", 0.04)), 40, 140),
)
_PUBLIC_CARE_STEPS = (
    Step((("Children's Guardian appointed (r16.3)", 0.55),), 0, 10),
    Step((("Interim Care Order", 0.78), ("Interim Supervision Order", 0.12)), 0, 21),
    Step((("Viability assessment ordered", 0.25), ("Kinship assessment ordered", 0.1)), 7, 60),
    Step((("Parenting assessment ordered", 0.2), ("Residential assessment ordered (s38(6))", 0.03)), 10, 90),
    Step((("Expert assessment ordered (Part 25)", 0.25), ("Psychological assessment ordered", 0.1)), 20, 120),
    Step((("Interim care plan approved", 0.1),), 0, 30),
)
_ENDED: Choice = (("Withdrawn", 0.6), ("Refused", 0.25), ("Dismissed", 0.15))

PATHWAYS: dict[str, Pathway] = {
    "Care (s31)": Pathway(
        _PUBLIC_CARE_STEPS,
        (
            ("Care Order", 0.36),
            ("Supervision Order", 0.13),
            ("Special Guardianship Order", 0.14),
            ("Care and Placement Orders made", 0.03),
            ("Placement Order", 0.08),
            ("Child Arrangements Order (lives with)", 0.09),
            ("Care Order (placed at home)", 0.04),
            ("No Order", 0.03),
            ("Order of no order", 0.02),
            ("Withdrawn", 0.06),
            ("Final care plan approved", 0.02),
        ),
    ),
    "Supervision (s31)": Pathway(
        (Step((("Interim Supervision Order", 0.7), ("Interim Care Order", 0.1)), 0, 21), _PUBLIC_CARE_STEPS[0]),
        (
            ("Supervision Order", 0.6),
            ("Care Order", 0.1),
            ("Child Arrangements Order (lives with)", 0.1),
            ("No Order", 0.1),
            ("Withdrawn", 0.1),
        ),
    ),
    "Emergency Protection Order (s44)": Pathway(
        (),
        (
            ("Emergency Protection Order", 0.75),
            ("Refused", 0.1),
            ("Withdrawn", 0.1),
            ("Discharge of Emergency Protection Order", 0.05),
        ),
    ),
    "Child Assessment Order (s43)": Pathway(
        (), (("Child Assessment Order", 0.8), ("Refused", 0.1), ("Withdrawn", 0.1))
    ),
    "Discharge of care order (s39)": Pathway(
        (Step((("Directions order", 0.3),), 10, 60),),
        (
            ("Discharge of Care Order", 0.45),
            ("Special Guardianship Order", 0.15),
            ("Child Arrangements Order (lives with)", 0.1),
            ("Refused", 0.15),
            ("Withdrawn", 0.15),
        ),
    ),
    "Placement order (ACA 2002 s21)": Pathway((), (("Placement Order", 0.8), ("Refused", 0.05), ("Withdrawn", 0.15))),
    "Secure accommodation (s25)": Pathway(
        (Step((("Interim Secure Accommodation Order", 0.6),), 0, 7),),
        (("Secure Accommodation Order", 0.8), ("Refused", 0.1), ("Withdrawn", 0.1)),
    ),
    "Revocation of placement order (ACA 2002 s24)": Pathway(
        (), (("Revocation of Placement Order", 0.3), ("Refused", 0.5), ("Withdrawn", 0.2))
    ),
    "Contact with child in care (s34)": Pathway(
        (Step((("Interim Contact Order (s34)", 0.2),), 7, 40),),
        (
            ("Contact Order (s34)", 0.45),
            ("Authority to refuse contact (s34(4))", 0.2),
            ("Contact Order (s34) varied", 0.05),
            ("No Order", 0.1),
            ("Withdrawn", 0.2),
        ),
    ),
    "Recovery order (s50)": Pathway((), (("Recovery Order", 0.9), ("Withdrawn", 0.1))),
    "Inherent Jurisdiction/Wardship": Pathway(
        (Step((("Allocation to High Court Judge", 0.5),), 0, 14),),
        (
            ("Inherent Jurisdiction Order", 0.4),
            ("Wardship Order", 0.2),
            ("Deprivation of Liberty Order (Inherent Jurisdiction)", 0.3),
            ("Withdrawn", 0.1),
        ),
    ),
    "Extension of supervision order (Sch 3)": Pathway((), (("Extension of Supervision Order", 0.8), ("Refused", 0.2))),
    "Variation/discharge of supervision order (s39)": Pathway(
        (), (("Discharge of Supervision Order", 0.5), ("Variation of Supervision Order", 0.3), ("Refused", 0.2))
    ),
    "Extension of EPO (s45)": Pathway((), (("Extension of Emergency Protection Order", 0.9), ("Refused", 0.1))),
    "Education supervision order (s36)": Pathway((), (("Education Supervision Order", 0.8), ("Withdrawn", 0.2))),
    "Child Arrangements Order (s8)": Pathway(
        _PRIVATE_STEPS,
        (
            ("Child Arrangements Order (lives with)", 0.2),
            ("Child Arrangements Order (spends time with)", 0.24),
            ("Child Arrangements Order (lives with and spends time with)", 0.12),
            ("Child Arrangements Order (shared lives with)", 0.03),
            ("Consent Order", 0.07),
            ("No Order", 0.05),
            ("Order of no order", 0.03),
            ("Withdrawn", 0.14),
            ("Dismissed", 0.03),
            ("Refused", 0.02),
            ("Section 91(14) Order", 0.02),
            ("Prohibited Steps Order", 0.03),
            ("Agreed arrangements - no order needed", 0.02),
        ),
    ),
    "Prohibited Steps Order (s8)": Pathway(
        (
            _PRIVATE_STEPS[1],
            _FHDRA,
            Step((("Interim Prohibited Steps Order", 0.3),), 0, 14),
            _PRIVATE_STEPS[3],
            _PRIVATE_STEPS[4],
        ),
        (
            ("Prohibited Steps Order", 0.5),
            ("No Order", 0.15),
            ("Withdrawn", 0.2),
            ("Child Arrangements Order (lives with)", 0.1),
            ("Dismissed", 0.05),
        ),
    ),
    "Specific Issue Order (s8)": Pathway(
        (_PRIVATE_STEPS[1], _FHDRA, _PRIVATE_STEPS[4]),
        (("Specific Issue Order", 0.55), ("No Order", 0.15), ("Withdrawn", 0.2), ("Refused", 0.1)),
    ),
    "Enforcement of a Child Arrangements Order (s11J)": Pathway(
        (_PRIVATE_STEPS[1], Step((("S.7 Report addendum ordered", 0.2), ("Warning Notice attached", 0.15)), 20, 60)),
        (
            ("Enforcement Order (unpaid work requirement)", 0.15),
            ("Compensation for Financial Loss", 0.03),
            ("Variation of Child Arrangements Order", 0.27),
            ("No Order", 0.15),
            ("Enforcement application dismissed", 0.1),
            ("Withdrawn", 0.2),
            ("Existing order varied by consent", 0.1),
        ),
    ),
    "Parental Responsibility (s4)": Pathway(
        (_PRIVATE_STEPS[1],),
        (
            ("Parental Responsibility Order", 0.65),
            ("Parental Responsibility Agreement registered", 0.1),
            ("Refused", 0.1),
            ("Withdrawn", 0.15),
        ),
    ),
    "Special Guardianship Order (s14A)": Pathway(
        (_PRIVATE_STEPS[1], Step((("S.7 Report (Local Authority) ordered", 0.6),), 20, 60)),
        (
            ("Special Guardianship Order", 0.7),
            ("Child Arrangements Order (lives with)", 0.1),
            ("Withdrawn", 0.15),
            ("Refused", 0.05),
        ),
    ),
    "Leave to apply (s10)": Pathway((), (("Leave to apply granted", 0.6), ("Leave to apply refused", 0.4))),
    "Adoption (ACA 2002 s46)": Pathway(
        (), (("Adoption Order", 0.85), ("Withdrawn", 0.1), ("Adoption Order refused", 0.05))
    ),
    "Variation/discharge of Child Arrangements Order": Pathway(
        (_PRIVATE_STEPS[1], _FHDRA),
        (
            ("Variation of Child Arrangements Order", 0.5),
            ("Discharge of Child Arrangements Order", 0.1),
            ("No Order", 0.2),
            ("Withdrawn", 0.2),
        ),
    ),
    "Financial provision (Sch 1)": Pathway((), (("Financial Order (Schedule 1)", 0.7), ("Withdrawn", 0.3))),
    "Change of surname/removal from the jurisdiction (s13)": Pathway(
        (_PRIVATE_STEPS[1],),
        (
            ("Change of surname permitted", 0.3),
            ("Leave to remove from the jurisdiction", 0.3),
            ("Refused", 0.3),
            ("Withdrawn", 0.1),
        ),
    ),
    "Parental order (HFEA 2008 s54)": Pathway((), (("Parental Order (HFEA 2008)", 0.9), ("Withdrawn", 0.1))),
    "Declaration of parentage (FLA 1986 s55A)": Pathway(
        (Step((("DNA testing ordered", 0.5),), 10, 40),), (("Declaration of Parentage", 0.8), ("Withdrawn", 0.2))
    ),
    "Revocation of Special Guardianship Order": Pathway(
        (),
        (("Discharge of Special Guardianship Order", 0.3), ("Variation of Special Guardianship Order", 0.2), *_ENDED),
    ),
    "Family Assistance Order (s16)": Pathway((), (("Family Assistance Order", 0.8), ("Withdrawn", 0.2))),
    "Other private law application": Pathway(
        (Step((("Interim Order (other)", 0.3),), 10, 60),),
        (("Final Order (other)", 0.5), ("No Order", 0.2), ("Withdrawn", 0.3)),
    ),
}
# Outputs recorded against the adults of a private-law application (Stata later discards them).
ADULT_OUTPUTS: Choice = (
    ("MIAM attended", 0.03),
    ("MIAM exemption claimed", 0.02),
    ("Non-Molestation Order", 0.02),
    ("Undertaking accepted", 0.01),
)


def _choose(rng: np.random.Generator, n: int, choice: Choice) -> np.ndarray:
    """Output type id per row, or 0 where none happens."""
    ids = np.array([lk.LEGAL_OUTPUT_ID[name] for name, _ in choice] + [0])
    cum = np.cumsum([p for _, p in choice])
    return ids[np.searchsorted(cum, rng.random(n) * max(1.0, cum[-1]), side="right")]


def _application_outputs(cfg: Config, apps: Frame, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """(application row, output type, day, is_final) at application level."""
    end = day_from_yyyymmdd(cfg.ecms_refresh_date) - 1
    types, start, done = apps["APPLICATIONTYPE1_ID"], apps["DATEOFAPPLICATION"], apps["DATECOMPLETED"]
    n = len(types)
    recorded = rng.random(n) >= P_UNRECORDED
    limit = np.where(done == NULL, end - rng.integers(0, MAX_RECORDING_LAG, n), done)
    parts: list[tuple[np.ndarray, ...]] = []
    for app_type in lk.APPLICATION_TYPES:
        idx = np.flatnonzero(types == app_type.id)
        pathway = PATHWAYS[app_type.name]
        for step in pathway.steps:
            out = _choose(rng, len(idx), step.outputs)
            when = start[idx] + rng.integers(step.lo, step.hi + 1, len(idx))
            when = np.where(done[idx] != NULL, np.minimum(when, limit[idx]), when)
            ok = (out > 0) & (when <= limit[idx]) & recorded[idx]
            parts.append((idx[ok], out[ok], when[ok], np.zeros(ok.sum(), bool)))
        finished = idx[(done[idx] != NULL) & recorded[idx]]
        out = _choose(rng, len(finished), pathway.final)
        when = np.maximum(done[finished] - rng.integers(0, 8, len(finished)), start[finished])
        parts.append((finished, out, when, np.ones(len(finished), bool)))
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))


def build_legal_outputs(cfg: Config, apps: Frame, poa: Frame, rng: np.random.Generator) -> tuple[Frame, np.ndarray]:
    """Legal-output rows (person/application/case as internal row positions) and, per application,
    whether a rule 16.4 guardian was appointed."""
    app, out_type, when, final = _application_outputs(cfg, apps, rng)
    n_apps = len(apps["APPLICATIONTYPE1_ID"])
    r164_day = np.full(n_apps, np.iinfo(np.int64).max)
    is_r164 = out_type == lk.LEGAL_OUTPUT_ID[lk.RULE_16_4]
    np.minimum.at(r164_day, app[is_r164], when[is_r164])

    # Every subject of the application gets the application's outputs.
    subj = np.flatnonzero(poa["role"] == SUBJECT)
    subj = subj[np.argsort(poa["app"][subj], kind="stable")]
    subj_app = poa["app"][subj]
    first = np.searchsorted(subj_app, np.arange(n_apps))
    count = np.bincount(subj_app, minlength=n_apps)
    row, pos = expand(count[app])
    person_row = subj[first[app[row]] + pos]
    keep = final[row] | (rng.random(len(row)) > 0.03)
    row, person_row = row[keep], person_row[keep]

    adults = np.flatnonzero(np.isin(poa["role"], (APPLICANT, RESPONDENT)) & (apps["law"][poa["app"]] == lk.PRIVATE))
    adult_type = _choose(rng, len(adults), ADULT_OUTPUTS)
    adults, adult_type = adults[adult_type > 0], adult_type[adult_type > 0]
    a_app = poa["app"][adults]
    a_start, a_done = apps["DATEOFAPPLICATION"][a_app], apps["DATECOMPLETED"][a_app]
    a_limit = np.where(a_done == NULL, day_from_yyyymmdd(cfg.ecms_refresh_date) - 1, a_done)
    a_when = a_start + (rng.random(len(adults)) * (a_limit - a_start + 1)).astype(np.int64)

    person_rows = np.concatenate([person_row, adults])
    app_rows = np.concatenate([app[row], a_app])
    when_all = np.concatenate([when[row], a_when])
    frame: Frame = {
        "member": poa["member"][person_rows],
        "app": app_rows,
        "case": apps["case"][app_rows],
        "LEGALOUTPUTTYPE_ID": np.concatenate([out_type[row], adult_type]).astype(np.int64),
        "DATEORDERED": when_all,
        "ISFPR164": when_all >= r164_day[app_rows],
    }
    return frame, r164_day < np.iinfo(np.int64).max
