"""CMS code lists (the 16 SAILCAFEREFV `CMS_TLKP*` lookups, seed-pipeline.md 1E) and their draw weights.

CMS (England, April 2007 to 2014) predates the 2014 reforms: private law has residence and contact orders
(not child arrangements orders), guardians for children in private law are appointed under rule 9.5
(FPR 1991) until April 2011 and rule 16.4 (FPR 2010) after, and MIAMs start in April 2011. Courts sit as
magistrates' Family Proceedings Courts, County Courts or the High Court; the single Family Court opened on
22 April 2014, after most CMS cases. Geography, ethnicity, religion and language names are shared with ECMS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import geography_england as geo
from . import lookups_ecms as lke
from .common import Frame

PUBLIC, PRIVATE, LAW_UNKNOWN = 1, 2, 3
LAW_TYPES = ((PUBLIC, "Public Law"), (PRIVATE, "Private Law"), (LAW_UNKNOWN, "Not Known"))

# MEMBERTYPE codes (seed-pipeline.md 4): 16 marks a record converted from the legacy system, its role in text.
MEMBER_APPLICANT, MEMBER_RESPONDENT, MEMBER_SUBJECT, MEMBER_UNKNOWN, MEMBER_CONVERTED = 1, 2, 4, 8, 16
CONVERTED_TEXT = {MEMBER_APPLICANT: "Adult Applicant", MEMBER_RESPONDENT: "Adult Respondent", MEMBER_UNKNOWN: "Adult"}

FPC, COUNTY_COURT, HIGH_COURT, FAMILY_COURT = 1, 2, 3, 4
COURT_LEVELS = (
    (FPC, "Family Proceedings Court"),
    (COUNTY_COURT, "County Court"),
    (HIGH_COURT, "High Court"),
    (FAMILY_COURT, "Family Court"),
    (5, "Court of Appeal"),
)
FAMILY_COURT_START = "2014-04-22"

CASE_OPEN, CASE_CLOSED, CASE_REOPENED, CASE_TRANSFERRED = 1, 2, 3, 4
CASE_STATUSES = (
    (CASE_OPEN, "Open"),
    (CASE_CLOSED, "Closed"),
    (CASE_REOPENED, "Re-opened"),
    (CASE_TRANSFERRED, "Transferred to ECMS"),
    (5, "Transferred to Cafcass Cymru"),
)

REL_PARENT, REL_STEP_PARENT, REL_GRANDPARENT, REL_AUNT_UNCLE = 1, 2, 3, 4
RELATIONSHIPS = (
    (REL_PARENT, "Parent"),
    (REL_STEP_PARENT, "Step-parent"),
    (REL_GRANDPARENT, "Grandparent"),
    (REL_AUNT_UNCLE, "Aunt/Uncle"),
    (5, "Sibling"),
    (6, "Foster carer"),
    (7, "Special guardian"),
    (8, "Adoptive parent"),
    (9, "Other relative"),
    (10, "Family friend"),
    (11, "Not known"),
)

ETHNICITY_UNKNOWN = 22
RELIGION_UNKNOWN = 24
DISABILITY_NONE, DISABILITY_NOT_KNOWN, DISABILITY_DECLINED = 1, 9, 10
# (id, name, weight among people with a disability recorded as a type)
DISABILITIES: tuple[tuple[int, str, float], ...] = (
    (DISABILITY_NONE, "None", 0.0),
    (2, "Physical disability", 20.0),
    (3, "Learning disability", 25.0),
    (4, "Visual impairment", 5.0),
    (5, "Hearing impairment", 6.0),
    (6, "Mental health condition", 22.0),
    (7, "Autistic spectrum disorder", 12.0),
    (8, "Other disability", 10.0),
    (DISABILITY_NOT_KNOWN, "Not known", 0.0),
    (DISABILITY_DECLINED, "Declined to say", 0.0),
)


@dataclass(frozen=True)
class ApplicationType:
    id: int
    name: str
    law: int
    first_weight: float
    later_weight: float
    median_days: float  # date of application to completion, before the 2013-14 26-week reforms


APPLICATION_TYPES: tuple[ApplicationType, ...] = (
    ApplicationType(1, "Care Order (s31)", PUBLIC, 63.0, 12.0, 350),
    ApplicationType(2, "Supervision Order (s31)", PUBLIC, 7.0, 5.0, 330),
    ApplicationType(3, "Emergency Protection Order (s44)", PUBLIC, 8.0, 0.0, 8),
    ApplicationType(4, "Child Assessment Order (s43)", PUBLIC, 0.5, 0.0, 30),
    ApplicationType(5, "Discharge of Care Order (s39)", PUBLIC, 6.0, 8.0, 150),
    ApplicationType(6, "Placement Order (ACA 2002 s21)", PUBLIC, 5.0, 40.0, 200),
    ApplicationType(7, "Secure Accommodation Order (s25)", PUBLIC, 4.0, 5.0, 40),
    ApplicationType(8, "Contact with Child in Care (s34)", PUBLIC, 3.0, 15.0, 120),
    ApplicationType(9, "Recovery Order (s50)", PUBLIC, 1.0, 3.0, 14),
    ApplicationType(10, "Extension of Supervision Order", PUBLIC, 0.5, 4.0, 60),
    ApplicationType(11, "Education Supervision Order (s36)", PUBLIC, 2.0, 0.0, 90),
    ApplicationType(20, "Residence Order (s8)", PRIVATE, 34.0, 12.0, 170),
    ApplicationType(21, "Contact Order (s8)", PRIVATE, 44.0, 25.0, 160),
    ApplicationType(22, "Prohibited Steps Order (s8)", PRIVATE, 7.0, 18.0, 120),
    ApplicationType(23, "Specific Issue Order (s8)", PRIVATE, 4.0, 10.0, 110),
    ApplicationType(24, "Parental Responsibility (s4)", PRIVATE, 4.0, 12.0, 140),
    ApplicationType(25, "Special Guardianship Order (s14A)", PRIVATE, 2.5, 3.0, 200),
    ApplicationType(26, "Enforcement of Contact Order (s11J)", PRIVATE, 2.0, 12.0, 120),
    ApplicationType(27, "Leave to Apply (s10)", PRIVATE, 1.0, 4.0, 40),
    ApplicationType(28, "Family Assistance Order (s16)", PRIVATE, 0.5, 2.0, 60),
    ApplicationType(29, "Other Private Law Application", PRIVATE, 1.0, 2.0, 100),
)
APP_TYPE_ID: dict[str, int] = {a.name: a.id for a in APPLICATION_TYPES}
S31_TYPES = (1, 2)

LO_CLASSES = ((1, "Final order"), (2, "Interim order"), (3, "Report or direction"), (4, "Outcome without order"))
FINAL, INTERIM, REPORT, OUTCOME = 1, 2, 3, 4
LEGAL_OUTPUT_TYPES: tuple[tuple[int, str, int], ...] = (
    (1, "Care Order", FINAL),
    (2, "Interim Care Order", INTERIM),
    (3, "Supervision Order", FINAL),
    (4, "Interim Supervision Order", INTERIM),
    (5, "Placement Order", FINAL),
    (6, "Special Guardianship Order", FINAL),
    (7, "Residence Order", FINAL),
    (8, "Interim Residence Order", INTERIM),
    (9, "Shared Residence Order", FINAL),
    (10, "Contact Order", FINAL),
    (11, "Interim Contact Order", INTERIM),
    (12, "Contact Order (s34)", FINAL),
    (13, "Emergency Protection Order", FINAL),
    (14, "Prohibited Steps Order", FINAL),
    (15, "Specific Issue Order", FINAL),
    (16, "Family Assistance Order", FINAL),
    (17, "Parental Responsibility Order", FINAL),
    (18, "Secure Accommodation Order", FINAL),
    (19, "Discharge of Care Order", FINAL),
    (20, "Education Supervision Order", FINAL),
    (21, "Recovery Order", FINAL),
    (22, "Child Assessment Order", FINAL),
    (23, "Extension of Supervision Order", FINAL),
    (24, "Enforcement Order", FINAL),
    (25, "No Order", OUTCOME),
    (26, "Order Refused", OUTCOME),
    (27, "Application Withdrawn", OUTCOME),
    (28, "Rule 9.5 Appointment", REPORT),
    (29, "Rule16.4", REPORT),
    (30, "S.7 Report", REPORT),
    (31, "MIAM", REPORT),
    (32, "Directions", REPORT),
    (33, "S.37 Report", REPORT),
)
LO_ID: dict[str, int] = {name: i for i, name, _ in LEGAL_OUTPUT_TYPES}


def courts() -> list[tuple[int, int, int, int, str, int]]:
    """(COURTID, level, circuit id, DFJ area id, name, ECMS court-centre id): each ECMS court centre as a magistrates' FPC and a
    County Court (principal centres also as the High Court, and all as the Family Court from 2014)."""
    level_name = dict(COURT_LEVELS)
    rows: list[tuple[int, int, int, int, str, int]] = []
    for court in lke.courts():
        levels = [FPC, COUNTY_COURT, FAMILY_COURT] + ([HIGH_COURT] if court.is_main else [])
        for level in levels:
            name = f"{court.name} ({level_name[level]})"
            rows.append((len(rows) + 1, level, court.circuit_id, court.area_id, name, court.id))
    return rows


REGIONS = ("Midlands", "North East", "North West", "South East", "South West", "London", "National")


def region_of_area() -> np.ndarray:
    """Cafcass operational region id per DFJ area id (regions followed the circuits)."""
    out = np.zeros(len(geo.AREAS) + 1, dtype=np.int64)
    for area_id, area in enumerate(geo.AREAS, start=1):
        out[area_id] = geo.CIRCUITS.index(area.circuit) + 1
    return out


def _pairs(key: str, label: str, pairs: list[tuple[int, str]] | tuple[tuple[int, str], ...]) -> Frame:
    return {
        key: np.array([i for i, _ in pairs], dtype=np.int64),
        label: np.array([n for _, n in pairs], dtype=object),
    }


def lookup_frames() -> dict[str, Frame]:
    """The 16 lookups keyed by schema.py base name (AVAIL_FROM_DT is the writer's job)."""
    f: dict[str, Frame] = {}
    f["CMS_TLKPCASEAPPLICATIONTYPE"] = _pairs(
        "CASEAPPLICATIONTYPEID", "CASEAPPLICATIONTYPE", [(a.id, a.name) for a in APPLICATION_TYPES]
    ) | {"LAWTYPES": np.array([a.law for a in APPLICATION_TYPES], dtype=np.int64)}
    cs = courts()
    f["CMS_TLKPCOURT"] = {
        "COURTID": np.array([c[0] for c in cs], dtype=np.int64),
        "COURT": np.array([c[4] for c in cs], dtype=object),
        "COURTLEVELREF": np.array([c[1] for c in cs], dtype=np.int64),
        "CIRCUITREF": np.array([c[2] for c in cs], dtype=np.int64),
        "DFJAREAREF": np.array([c[3] for c in cs], dtype=np.int64),
    }
    f["CMS_TLKPCOURTLEVEL"] = _pairs("ITEMID", "CAPTION", COURT_LEVELS)
    f["CMS_TLKPCIRCUIT"] = _pairs("ITEMID", "CAPTION", [(i + 1, c) for i, c in enumerate(geo.CIRCUITS)])
    f["CMS_TLKPDFJAREA"] = _pairs("ITEMID", "CAPTION", [(i + 1, a.name) for i, a in enumerate(geo.AREAS)])
    f["CMS_TLKPLAWTYPE"] = _pairs("ITEMID", "CAPTION", LAW_TYPES)
    f["CMS_TLKPDISABILITY"] = _pairs("DISABILITYID", "DISABILITY", [(i, n) for i, n, _ in DISABILITIES])
    f["CMS_TLKPETHNICORIGIN"] = _pairs("ITEMID", "CAPTION", [(i, n) for i, n, _ in lke.ETHNICITIES])
    f["CMS_TLKPLANGUAGE"] = _pairs("ITEMID", "CAPTION", lke.language_codes())
    f["CMS_TLKPRELIGION"] = _pairs("ITEMID", "CAPTION", [(i, n) for i, n, _ in lke.RELIGIONS])
    f["CMS_TLKPCRSRELATIONSHIP"] = _pairs("CRSRELATIONSHIPID", "CRSRELATIONSHIP", RELATIONSHIPS)
    f["CMS_TLKPLEGALOUTPUTTYPE"] = _pairs(
        "LEGALOUTPUTTYPEID", "LEGALOUTPUTTYPE", [(i, n) for i, n, _ in LEGAL_OUTPUT_TYPES]
    ) | {"LEGALOUTPUTCLASSREF": np.array([c for _, _, c in LEGAL_OUTPUT_TYPES], dtype=np.int64)}
    f["CMS_TLKPLEGALOUTPUTCLASS"] = _pairs("LEGALOUTPUTCLASSID", "LEGALOUTPUTCLASS", LO_CLASSES)
    f["CMS_TLKPCASESTATUS"] = _pairs("ITEMID", "CAPTION", CASE_STATUSES)
    f["CMS_TLKPLOCALAUTHORITY"] = _pairs(
        "LOCALAUTHORITYID", "AUTHORITY", [(i, n) for i, n, _, _ in lke.local_authorities()]
    )
    f["CMS_TLKPREGION"] = _pairs("REGIONID", "REGION", [(i + 1, r) for i, r in enumerate(REGIONS)])
    return f
