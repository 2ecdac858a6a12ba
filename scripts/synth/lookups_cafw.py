"""Cafcass Cymru (Wales) volumes and display labels. CAFW is a Dynamics-CRM-like extract, so its "codes"
are the text labels of CRM lookups (data-resource.md 1.3-1.4); the labels below are the starting set
(public code shows 'Public', 'Subject', 'Respondent', 'Parent'/'Child', 'Yes', 'Care Order',
'Placement Order'); the rest are assumptions to be checked inside SAIL with SELECT DISTINCT.
"""

from __future__ import annotations

# Public-law applications per calendar year in Wales (about 5 % of England and Wales, data-resource.md 4.3:
# ~600-800 a year; Johnson 2020: public law 2011-2019). The last year is cut at the refresh date.
CAFW_PUBLIC_APPLICATIONS: dict[int, int] = {
    2011: 560, 2012: 600, 2013: 620, 2014: 640, 2015: 680, 2016: 720, 2017: 760,
    2018: 800, 2019: 790, 2020: 760, 2021: 740, 2022: 720, 2023: 700,
}  # fmt: skip
# Private-law cases per calendar year (~3-4k a year; Johnson 2020: private law 2005-2019).
CAFW_PRIVATE_CASES: dict[int, int] = {
    2005: 3000, 2006: 3050, 2007: 3100, 2008: 3150, 2009: 3250, 2010: 3300, 2011: 3350, 2012: 3400,
    2013: 3300, 2014: 3200, 2015: 3300, 2016: 3450, 2017: 3600, 2018: 3700, 2019: 3800, 2020: 3600,
    2021: 3650, 2022: 3600, 2023: 3550,
}  # fmt: skip

# Volume factor per preset. Wales is ~5 % of England and Wales, so `small` keeps 5 % of Wales (about the
# same number of cases as ECMS `small`, enough for linkage rates per law type and role to be stable).
CAFW_PRESETS: dict[str, float] = {"national": 1.0, "small": 0.05}

LAW_TYPES = ("Public", "Private")
PUBLIC, PRIVATE = 0, 1

# Roles on APPLICATIONSERVICEUSERS.RECORD2ROLEIDNAME.
ROLES = ("Subject", "Respondent", "Applicant", "Other party")
SUBJECT, RESPONDENT, APPLICANT, OTHER_PARTY = range(4)

# Kinds of family member (internal).
CHILD, MOTHER, FATHER, GRANDPARENT = range(4)

# (CAP_PRIMARYAPPLICATIONTYPENAME, weight, order applied for) per law type. Before the Children and
# Families Act 2014 (22 April 2014) residence and contact orders stood where child arrangements orders are.
PUBLIC_APPLICATION_TYPES: tuple[tuple[str, float, str], ...] = (
    ("Care Order (s31)", 70.0, "Care Order"),
    ("Supervision Order (s31)", 5.0, "Supervision Order"),
    ("Emergency Protection Order (s44)", 8.0, "Emergency Protection Order"),
    ("Placement Order (s21)", 7.0, "Placement Order"),
    ("Discharge of Care Order (s39)", 5.0, "Discharge of Care Order"),
    ("Secure Accommodation Order (s25)", 3.0, "Secure Accommodation Order"),
    ("Contact with Child in Care (s34)", 2.0, "Contact with Child in Care"),
)
PRIVATE_APPLICATION_TYPES: tuple[tuple[str, float, str], ...] = (
    ("Child Arrangements Order (s8)", 75.0, "Child Arrangements Order"),
    ("Prohibited Steps Order (s8)", 10.0, "Prohibited Steps Order"),
    ("Specific Issue Order (s8)", 5.0, "Specific Issue Order"),
    ("Enforcement Order (s11J)", 5.0, "Enforcement Order"),
    ("Parental Responsibility (s4)", 5.0, "Parental Responsibility Order"),
)
PRE_2014_PRIVATE_TYPES: tuple[tuple[str, float, str], ...] = (
    ("Residence Order (s8)", 45.0, "Residence Order"),
    ("Contact Order (s8)", 30.0, "Contact Order"),
)
CAO_START = "2014-04-22"

# Hearing outcome types (CAP_HEARINGOUTCOMETYPEIDNAME); interim ones have CAP_HEARINGOUTCOMEFINALNAME 'No'.
PUBLIC_INTERIM = (("Interim Care Order", 70.0), ("Interim Supervision Order", 10.0))
PUBLIC_FINAL = (
    ("Care Order", 35.0),
    ("Placement Order", 20.0),
    ("Special Guardianship Order", 15.0),
    ("Supervision Order", 12.0),
    ("Child Arrangements Order", 10.0),
    ("No Order", 4.0),
    ("Withdrawn", 3.0),
    ("Refused", 1.0),
)
PRIVATE_INTERIM = (("Interim Child Arrangements Order", 30.0),)
PRIVATE_FINAL = (
    ("Child Arrangements Order", 65.0),
    ("Prohibited Steps Order", 8.0),
    ("Specific Issue Order", 5.0),
    ("Family Assistance Order", 3.0),
    ("No Order", 6.0),
    ("Withdrawn", 12.0),
    ("Refused", 1.0),
)
# A second final order made with the first at the final hearing (e.g. SGO with a supervision order).
SECOND_FINAL = {"Placement Order": "Care Order", "Special Guardianship Order": "Supervision Order"}
PRE_2014_PRIVATE_FINAL = {"Child Arrangements Order": "Residence Order"}

HEARING_TYPES = (
    "First Hearing",
    "Case Management Hearing",
    "Issues Resolution Hearing",
    "Final Hearing",
    "First Hearing Dispute Resolution Appointment",
    "Dispute Resolution Appointment",
)

# The 22 Welsh local authorities (public law only: the applicant authority) and family court centres.
LOCAL_AUTHORITIES = (
    "Blaenau Gwent", "Bridgend", "Caerphilly", "Cardiff", "Carmarthenshire", "Ceredigion", "Conwy",
    "Denbighshire", "Flintshire", "Gwynedd", "Isle of Anglesey", "Merthyr Tydfil", "Monmouthshire",
    "Neath Port Talbot", "Newport", "Pembrokeshire", "Powys", "Rhondda Cynon Taf", "Swansea", "Torfaen",
    "Vale of Glamorgan", "Wrexham",
)  # fmt: skip
LA_WEIGHTS = (
    3, 6, 8, 16, 8, 3, 5, 4, 6, 5, 3, 3, 4, 6, 7, 5, 5, 10, 11, 4, 5, 6,
)  # fmt: skip
COURTS = (
    "Cardiff Civil and Family Justice Centre", "Swansea Civil Justice Centre", "Newport Family Court",
    "Wrexham Law Courts", "Prestatyn Family Court", "Caernarfon Justice Centre", "Merthyr Tydfil Combined Court",
    "Pontypridd Family Court", "Carmarthen Family Court", "Haverfordwest Family Court", "Aberystwyth Justice Centre",
)  # fmt: skip
# Court serving each local authority (index into COURTS), in LOCAL_AUTHORITIES order.
LA_COURT = (6, 0, 7, 0, 8, 10, 4, 4, 3, 5, 5, 6, 2, 1, 2, 9, 1, 7, 1, 2, 0, 3)

CASE_STATUSES = ("Active", "Closed", "Reopened")

ETHNICITIES = (
    ("White", 86.0), ("Mixed", 4.0), ("Asian or Asian British", 3.0), ("Black or Black British", 2.0),
    ("Other ethnic group", 1.0), ("Not stated", 4.0),
)  # fmt: skip
LANGUAGES = (("English", 84.0), ("Welsh", 13.0), ("Other", 3.0))
DISABILITY = (("Yes", 6.0), ("No", 70.0), ("Unknown", 24.0))

# Relationship connections (RECORD1ROLEIDNAME -> RECORD2ROLEIDNAME); both directions are stored.
REL_ROLES = ("Parent", "Child", "Sibling", "Grandparent", "Grandchild")
PARENT, CHILD_ROLE, SIBLING, GRANDPARENT_ROLE, GRANDCHILD_ROLE = range(5)

# SAIL ALF status codes (data-resource.md 3.3): 1, 4 deterministic; 39 probabilistic >= 0.9;
# 35 probabilistic 0.5-0.9 (weaker); 99 not matched (no ALF). Shares among people who have an ALF.
ALF_MATCHED_STATUS = ((1, 60.0), (4, 22.0), (39, 10.0), (35, 8.0))
# Probability of any ALF by kind of person (children, mothers, fathers, grandparents) and law type;
# unborn and newborn children (no NHS number yet at the time of the case) are matched far less often.
P_ALF: dict[int, tuple[float, float, float, float]] = {
    PUBLIC: (0.80, 0.88, 0.78, 0.82),
    PRIVATE: (0.82, 0.86, 0.80, 0.80),
}
P_ALF_INFANT = 0.45
