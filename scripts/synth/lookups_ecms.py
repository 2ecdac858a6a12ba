"""ECMS code lists (the 18 SAILCAFEREFV lookups) and the weights the generator draws them with.

Ids and names follow what the Stata code relies on (seed-pipeline.md section 4): ethnicity 19 -> 22 and
22 highest; religion 23 -> 24; nationality 229 -> 230; language 814 -> 815; disability 19 = None and
12/20/23 = unknown-type answers, with id 7 retired so that the 20th row by id is Down's Syndrome
(written with a typographic apostrophe); legal-output names sorted byte-wise put the five names with
en dashes at positions 45, 46, 47, 113 and 115.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import geography_england as geo
from .common import NULL, Frame

# --- characteristics ------------------------------------------------------------------------------------------

ETHNICITY_PREFER_NOT, ETHNICITY_UNKNOWN = 19, 22
RELIGION_PREFER_NOT, RELIGION_UNKNOWN = 23, 24
NATIONALITY_REFUSED, NATIONALITY_UNKNOWN = 229, 230
LANGUAGE_REFUSED, LANGUAGE_UNKNOWN = 814, 815
DISABILITY_NONE = 19
DISABILITY_UNKNOWN_TYPES = (12, 20, 23)

# (id, name, weight among families in family proceedings; 0 = never drawn as a known value)
ETHNICITIES: tuple[tuple[int, str, float], ...] = (
    (1, "White - English/Welsh/Scottish/Northern Irish/British", 68.0),
    (2, "White - Irish", 0.8),
    (3, "White - Gypsy or Irish Traveller", 0.9),
    (4, "White - Any other White background", 6.5),
    (5, "Mixed - White and Black Caribbean", 3.0),
    (6, "Mixed - White and Black African", 1.2),
    (7, "Mixed - White and Asian", 1.4),
    (8, "Mixed - Any other Mixed background", 2.0),
    (9, "Asian/Asian British - Indian", 1.5),
    (10, "Asian/Asian British - Pakistani", 4.0),
    (11, "Asian/Asian British - Bangladeshi", 1.6),
    (12, "Asian/Asian British - Chinese", 0.3),
    (13, "Asian/Asian British - Any other Asian background", 1.3),
    (14, "Black/Black British - African", 3.0),
    (15, "Black/Black British - Caribbean", 1.6),
    (16, "Black/Black British - Any other Black background", 0.8),
    (17, "Other ethnic group - Arab", 0.6),
    (18, "Other ethnic group - Any other ethnic group", 1.0),
    (ETHNICITY_PREFER_NOT, "Prefer not to say", 0.0),
    (20, "White - Roma", 0.5),
    (21, "Mixed - White and Arab", 0.2),
    (ETHNICITY_UNKNOWN, "Unknown", 0.0),
)

RELIGIONS: tuple[tuple[int, str, float], ...] = (
    (1, "No religion", 38.0),
    (2, "Christian", 24.0),
    (3, "Church of England", 8.0),
    (4, "Roman Catholic", 7.0),
    (5, "Muslim", 10.0),
    (6, "Hindu", 1.0),
    (7, "Sikh", 0.8),
    (8, "Jewish", 0.4),
    (9, "Buddhist", 0.4),
    (10, "Jehovah's Witness", 0.5),
    (11, "Pentecostal", 0.7),
    (12, "Methodist", 0.4),
    (13, "Baptist", 0.4),
    (14, "Orthodox Christian", 1.2),
    (15, "Rastafarian", 0.2),
    (16, "Any other Christian denomination", 1.5),
    (17, "Any other religion", 0.6),
    (18, "Spiritualist", 0.2),
    (19, "Pagan", 0.2),
    (20, "Church of Jesus Christ of Latter-day Saints", 0.1),
    (21, "Seventh-day Adventist", 0.2),
    (22, "Humanist", 0.1),
    (RELIGION_PREFER_NOT, "Prefer not to say", 0.0),
    (RELIGION_UNKNOWN, "Unknown", 0.0),
)

_NATIONALITY_NAMES = """British|Irish|Polish|Romanian|Lithuanian|Latvian|Slovak|Czech|Hungarian|Bulgarian|Portuguese|Spanish|
Italian|French|German|Dutch|Belgian|Greek|Cypriot|Maltese|Estonian|Slovenian|Croatian|Austrian|Swedish|
Danish|Finnish|Luxembourger|Albanian|Kosovan|Serbian|Bosnian|Macedonian|Montenegrin|Moldovan|Ukrainian|
Belarusian|Russian|Georgian|Armenian|Azerbaijani|Turkish|Norwegian|Icelandic|Swiss|Liechtensteiner|
Monegasque|Andorran|San Marinese|Vatican citizen|Pakistani|Indian|Bangladeshi|Sri Lankan|Nepalese|
Bhutanese|Afghan|Iranian|Iraqi|Syrian|Lebanese|Jordanian|Palestinian|Israeli|Saudi Arabian|Yemeni|Omani|
Emirati|Qatari|Bahraini|Kuwaiti|Egyptian|Libyan|Tunisian|Algerian|Moroccan|Sudanese|South Sudanese|
Eritrean|Ethiopian|Somali|Djiboutian|Kenyan|Ugandan|Tanzanian|Rwandan|Burundian|Congolese (DRC)|
Congolese (Republic)|Angolan|Zambian|Zimbabwean|Malawian|Mozambican|South African|Namibian|Botswanan|
Mosotho|Swazi|Malagasy|Mauritian|Seychellois|Comorian|Nigerian|Ghanaian|Sierra Leonean|Liberian|Gambian|
Senegalese|Guinean|Bissau-Guinean|Ivorian|Malian|Burkinabe|Nigerien|Chadian|Cameroonian|Gabonese|
Equatorial Guinean|Central African|Togolese|Beninese|Cape Verdean|Mauritanian|São Toméan|Chinese|
Hong Kong Chinese|Taiwanese|Japanese|South Korean|North Korean|Mongolian|Vietnamese|Thai|Cambodian|
Laotian|Burmese|Malaysian|Singaporean|Indonesian|Filipino|Bruneian|East Timorese|Kazakh|Uzbek|Turkmen|
Kyrgyz|Tajik|Maldivian|Australian|New Zealander|Fijian|Papua New Guinean|Samoan|Tongan|Solomon Islander|
Ni-Vanuatu|I-Kiribati|Tuvaluan|Nauruan|Palauan|Marshallese|Micronesian|American|Canadian|Mexican|
Guatemalan|Belizean|Honduran|Salvadoran|Nicaraguan|Costa Rican|Panamanian|Cuban|Jamaican|Haitian|
Dominican (Republic)|Dominican (Commonwealth)|Barbadian|Trinidadian|Grenadian|St Lucian|Vincentian|
Antiguan|Kittitian|Bahamian|Guyanese|Surinamese|Venezuelan|Colombian|Ecuadorian|Peruvian|Bolivian|
Brazilian|Paraguayan|Uruguayan|Argentine|Chilean|Bermudian|Gibraltarian|Montserratian|Anguillan|
Caymanian|Turks and Caicos Islander|British Virgin Islander|Falkland Islander|St Helenian|
Pitcairn Islander|British Overseas Territories citizen|British Overseas citizen|
British National (Overseas)|British Protected Person|British Subject|Stateless|Dual nationality|
Other nationality"""
NATIONALITY_NAMES: tuple[str, ...] = tuple(n.strip() for n in _NATIONALITY_NAMES.replace("\n", "").split("|"))
NATIONALITY_WEIGHTS: dict[str, float] = {
    "British": 880.0,
    "Polish": 16.0,
    "Romanian": 12.0,
    "Irish": 5.0,
    "Lithuanian": 5.0,
    "Pakistani": 6.0,
    "Indian": 3.0,
    "Bangladeshi": 2.0,
    "Nigerian": 5.0,
    "Somali": 3.0,
    "Eritrean": 2.0,
    "Afghan": 2.0,
    "Iraqi": 2.0,
    "Latvian": 2.0,
    "Slovak": 2.0,
    "Portuguese": 2.0,
    "Zimbabwean": 2.0,
    "Jamaican": 2.0,
    "Dual nationality": 3.0,
}

_LANGUAGE_NAMES = """English|Polish|Urdu|Punjabi|Bengali (Sylheti)|Bengali|Gujarati|Arabic|Romanian|Portuguese|Spanish|French|
Somali|Turkish|Kurdish|Farsi|Pashto|Dari|Tamil|Lithuanian|Latvian|Russian|Slovak|Czech|Hungarian|
Bulgarian|Albanian|Tigrinya|Amharic|Yoruba|Igbo|Twi|Lingala|Swahili|Shona|Ndebele|Chinese (Mandarin)|
Chinese (Cantonese)|Vietnamese|Tagalog|Thai|Hindi|Malayalam|Telugu|Nepali|Sinhala|Italian|German|Greek|
Ukrainian|Welsh|British Sign Language|Makaton|Romany|Irish|Scottish Gaelic|Cornish|Hebrew|Yiddish|
Japanese|Korean|Krio|Jamaican Patois|Hausa|Wolof|Fula|Oromo|Luganda|Kinyarwanda|Tigre|Hindko|Mirpuri|
Pahari|Kashmiri|Malay|Indonesian|Burmese|Khmer|Lao|Mongolian|Georgian|Armenian|Azeri|Uzbek|Kazakh|
Serbian|Croatian|Bosnian|Macedonian|Slovenian|Estonian|Finnish|Swedish|Danish|Norwegian|Dutch|Afrikaans|
Zulu|Xhosa|Sesotho|Setswana|Chichewa|Bemba|Kikuyu|Luo|Ewe|Ga|Fante|Edo|Efik|Ibibio|Tiv|Mandinka|Temne|
Mende|Other sign language|Other language"""
LANGUAGE_NAMES: tuple[str, ...] = tuple(n.strip() for n in _LANGUAGE_NAMES.replace("\n", "").split("|"))
LANGUAGE_WEIGHTS: dict[str, float] = {
    "English": 900.0,
    "Polish": 14.0,
    "Urdu": 8.0,
    "Romanian": 9.0,
    "Punjabi": 5.0,
    "Bengali (Sylheti)": 4.0,
    "Arabic": 6.0,
    "Lithuanian": 4.0,
    "Somali": 3.0,
    "Portuguese": 3.0,
    "Tigrinya": 2.0,
    "Kurdish": 2.0,
    "Farsi": 2.0,
    "Pashto": 2.0,
    "Turkish": 2.0,
    "British Sign Language": 1.0,
}

# (id, name, weight for a person with a disability): 19/12/20/23 are answers, not disabilities.
DISABILITY_RETIRED_ID = 7
DISABILITIES: tuple[tuple[int, str, float], ...] = (
    (1, "Autism or Spectrum Disorders", 14.0),
    (2, "Blind/Partially Sighted", 1.5),
    (3, "Cerebral Palsy", 1.0),
    (4, "Deaf/Hearing Impaired", 2.0),
    (5, "Dyslexia", 3.0),
    (6, "Facial Disfigurement", 0.3),
    (8, "Global Development Delay", 5.0),
    (9, "Learning Difficulties (e.g. Dyslexia, Dyspraxia, ADHD)", 12.0),
    (10, "Learning Disability", 8.0),
    (11, "Manual Dexterity", 0.5),
    (12, "Declined to specify", 0.0),
    (13, "Mental Health Difficulties", 25.0),
    (14, "Need Personal Care Support", 1.0),
    (15, "Other", 6.0),
    (16, "Progressive Conditions", 1.0),
    (17, "Speech Impairment", 3.0),
    (18, "Unseen Disabilities", 4.0),
    (DISABILITY_NONE, "None", 0.0),
    (20, "Prefer Not to Say", 0.0),
    (21, "Down\u2019s Syndrome", 0.6),
    (22, "Wheelchair/Mobility Difficulties", 1.5),
    (23, "Unknown", 0.0),
)

SOURCES: tuple[tuple[int, str, float], ...] = (
    (1, "Self-reported", 40.0),
    (2, "Local authority", 25.0),
    (3, "Court", 10.0),
    (4, "Cafcass practitioner", 18.0),
    (5, "Solicitor", 3.0),
    (6, "Parent/carer", 3.0),
    (7, "Other agency", 1.0),
)

# --- relationships --------------------------------------------------------------------------------------------

REL_PARENT, REL_CHILD, REL_PARTNER, REL_NOT_RELATED = 1, 9, 14, 24
REL_GRANDPARENT, REL_GRANDCHILD, REL_AUNT_UNCLE, REL_NIECE_NEPHEW = 2, 10, 3, 11
REL_STEP_PARENT, REL_STEP_CHILD, REL_EX_PARTNER = 5, 13, 20
RETIRED_RELATIONSHIP = 25  # "Other relative": kept for old records, no longer offered
REL_BROTHER, REL_SISTER, REL_HALF_BROTHER, REL_HALF_SISTER, REL_STEP_BROTHER, REL_STEP_SISTER = 34, 35, 40, 41, 51, 52


@dataclass(frozen=True)
class RelationshipType:
    id: int
    name: str
    male: str
    female: str
    inverse: int
    primary: bool = False


RELATIONSHIP_TYPES: tuple[RelationshipType, ...] = (
    RelationshipType(1, "Parent", "Father", "Mother", 9, True),
    RelationshipType(2, "Grandparent", "Grandfather", "Grandmother", 10),
    RelationshipType(3, "Aunt/Uncle", "Uncle", "Aunt", 11),
    RelationshipType(4, "Great-grandparent", "Great-grandfather", "Great-grandmother", 12),
    RelationshipType(5, "Step-parent", "Stepfather", "Stepmother", 13),
    RelationshipType(6, "Foster carer", "Foster father", "Foster mother", 15),
    RelationshipType(7, "Adoptive parent", "Adoptive father", "Adoptive mother", 16),
    RelationshipType(8, "Special guardian", "Special guardian", "Special guardian", 17),
    RelationshipType(9, "Child", "Son", "Daughter", 1, True),
    RelationshipType(10, "Grandchild", "Grandson", "Granddaughter", 2),
    RelationshipType(11, "Niece/Nephew", "Nephew", "Niece", 3),
    RelationshipType(12, "Great-grandchild", "Great-grandson", "Great-granddaughter", 4),
    RelationshipType(13, "Step-child", "Stepson", "Stepdaughter", 5),
    RelationshipType(14, "Partner", "Partner", "Partner", 14, True),
    RelationshipType(15, "Foster child", "Foster son", "Foster daughter", 6),
    RelationshipType(16, "Adopted child", "Adopted son", "Adopted daughter", 7),
    RelationshipType(17, "Child subject to special guardianship", "Ward", "Ward", 8),
    RelationshipType(18, "Cousin", "Cousin", "Cousin", 18),
    RelationshipType(19, "Spouse", "Husband", "Wife", 19),
    RelationshipType(20, "Ex-partner", "Ex-partner", "Ex-partner", 20),
    RelationshipType(21, "Family friend", "Family friend", "Family friend", 21),
    RelationshipType(22, "Godparent", "Godfather", "Godmother", 23),
    RelationshipType(23, "Godchild", "Godson", "Goddaughter", 22),
    RelationshipType(24, "Not related", "Not related", "Not related", 24),
    RelationshipType(25, "Other relative", "Other relative", "Other relative", 25),
    RelationshipType(30, "Great-aunt/Great-uncle", "Great-uncle", "Great-aunt", 31),
    RelationshipType(31, "Great-niece/Great-nephew", "Great-nephew", "Great-niece", 30),
    # Gender-specific sibling types: the inverse points at the male form, the data picks by gender.
    RelationshipType(34, "Brother", "Brother", "Brother", 34, True),
    RelationshipType(35, "Sister", "Sister", "Sister", 34, True),
    RelationshipType(40, "Half-brother", "Half-brother", "Half-brother", 40),
    RelationshipType(41, "Half-sister", "Half-sister", "Half-sister", 40),
    RelationshipType(51, "Step-brother", "Step-brother", "Step-brother", 51),
    RelationshipType(52, "Step-sister", "Step-sister", "Step-sister", 51),
)

# --- applications and courts ----------------------------------------------------------------------------------

PUBLIC, PRIVATE = 1, 2
LAW_TYPES = ((PUBLIC, "Public Law"), (PRIVATE, "Private Law"), (3, "Unknown"))


@dataclass(frozen=True)
class ApplicationType:
    id: int
    name: str
    law: int
    form: str
    first_weight: float  # share among first applications of a case of this law type
    later_weight: float  # share among second and later applications
    median_days: float  # DATEOFAPPLICATION to DATECOMPLETED in 2014
    trend: float = 0.0  # yearly growth of the median (care proceedings lengthened after 2016)


APPLICATION_TYPES: tuple[ApplicationType, ...] = (
    ApplicationType(1, "Care (s31)", PUBLIC, "C110A", 62.0, 15.0, 189, 0.066),
    ApplicationType(2, "Supervision (s31)", PUBLIC, "C110A", 8.0, 5.0, 189, 0.066),
    ApplicationType(3, "Emergency Protection Order (s44)", PUBLIC, "C110A", 7.0, 0.0, 8),
    ApplicationType(4, "Child Assessment Order (s43)", PUBLIC, "C110A", 1.0, 0.0, 30),
    ApplicationType(5, "Discharge of care order (s39)", PUBLIC, "C110A", 6.0, 8.0, 140),
    ApplicationType(6, "Placement order (ACA 2002 s21)", PUBLIC, "A50", 6.0, 35.0, 180),
    ApplicationType(7, "Secure accommodation (s25)", PUBLIC, "C1", 4.0, 5.0, 40),
    ApplicationType(8, "Revocation of placement order (ACA 2002 s24)", PUBLIC, "A52", 1.0, 3.0, 120),
    ApplicationType(9, "Contact with child in care (s34)", PUBLIC, "C110A", 2.5, 12.0, 120),
    ApplicationType(10, "Recovery order (s50)", PUBLIC, "C110A", 1.0, 4.0, 14),
    ApplicationType(11, "Inherent Jurisdiction/Wardship", PUBLIC, "C66", 1.0, 3.0, 90),
    ApplicationType(12, "Extension of supervision order (Sch 3)", PUBLIC, "C110A", 0.5, 3.0, 60),
    ApplicationType(13, "Variation/discharge of supervision order (s39)", PUBLIC, "C110A", 0.5, 2.0, 100),
    ApplicationType(14, "Extension of EPO (s45)", PUBLIC, "C110A", 0.0, 5.0, 7),
    ApplicationType(15, "Education supervision order (s36)", PUBLIC, "C110A", 0.2, 0.0, 90),
    ApplicationType(20, "Child Arrangements Order (s8)", PRIVATE, "C100", 72.0, 10.0, 140, 0.03),
    ApplicationType(21, "Prohibited Steps Order (s8)", PRIVATE, "C100", 8.0, 20.0, 120, 0.03),
    ApplicationType(22, "Specific Issue Order (s8)", PRIVATE, "C100", 5.0, 10.0, 110, 0.03),
    ApplicationType(23, "Enforcement of a Child Arrangements Order (s11J)", PRIVATE, "C79", 5.0, 35.0, 120),
    ApplicationType(24, "Parental Responsibility (s4)", PRIVATE, "C1", 2.5, 3.0, 110),
    ApplicationType(25, "Special Guardianship Order (s14A)", PRIVATE, "C1", 3.0, 2.0, 180),
    ApplicationType(26, "Leave to apply (s10)", PRIVATE, "C2", 1.0, 3.0, 40),
    ApplicationType(27, "Adoption (ACA 2002 s46)", PRIVATE, "A58", 1.0, 1.0, 150),
    ApplicationType(28, "Variation/discharge of Child Arrangements Order", PRIVATE, "C100", 1.0, 15.0, 120),
    ApplicationType(29, "Financial provision (Sch 1)", PRIVATE, "C1", 0.5, 0.5, 150),
    ApplicationType(30, "Change of surname/removal from the jurisdiction (s13)", PRIVATE, "C100", 0.5, 1.0, 110),
    ApplicationType(31, "Parental order (HFEA 2008 s54)", PRIVATE, "C51", 0.3, 0.0, 150),
    ApplicationType(32, "Declaration of parentage (FLA 1986 s55A)", PRIVATE, "C63", 0.2, 0.0, 120),
    ApplicationType(33, "Revocation of Special Guardianship Order", PRIVATE, "C1", 0.2, 0.5, 150),
    ApplicationType(34, "Family Assistance Order (s16)", PRIVATE, "C1", 0.3, 2.0, 60),
    ApplicationType(35, "Other private law application", PRIVATE, "C1", 0.5, 2.0, 100),
)
APP_TYPE_ID: dict[str, int] = {a.name: a.id for a in APPLICATION_TYPES}

COURT_FORMS: tuple[str, ...] = (
    "C1",
    "C2",
    "C3",
    "C4",
    "C12",
    "C51",
    "C63",
    "C66",
    "C79",
    "C100",
    "C110",
    "C110A",
    "A50",
    "A52",
    "A58",
    "FL401",
    "Other",
)
COURT_FORM_ID: dict[str, int] = {name: i + 1 for i, name in enumerate(COURT_FORMS)}
LEGACY_CARE_FORM = "C110"  # replaced by C110A when the single Family Court opened on 22 April 2014

FAMILY_COURT, HIGH_COURT, FPC, COUNTY_COURT = 1, 2, 3, 4
COURT_LEVELS = (
    (FAMILY_COURT, "Family Court"),
    (HIGH_COURT, "High Court (Family Division)"),
    (FPC, "Family Proceedings Court (Magistrates)"),
    (COUNTY_COURT, "County Court"),
    (5, "Court of Appeal"),
)

CASE_OPEN, CASE_CLOSED, CASE_REOPENED = 1, 2, 3
CASE_STATUSES = (
    (CASE_OPEN, "Open"),
    (CASE_CLOSED, "Closed"),
    (CASE_REOPENED, "Re-opened"),
    (4, "Closure pending"),
    (5, "Transferred to Cafcass Cymru"),
)

# --- legal outputs --------------------------------------------------------------------------------------------

# (name, law scope: "pub" / "priv" / "both", applies to the subject child, valid for every application type)
_LO = tuple[str, str, bool, bool]
LEGAL_OUTPUT_TYPES: tuple[_LO, ...] = (
    ("Interim Care Order", "pub", True, False),
    ("Care Order", "pub", True, False),
    ("Interim Supervision Order", "pub", True, False),
    ("Supervision Order", "pub", True, False),
    ("Extension of Supervision Order", "pub", True, False),
    ("Discharge of Care Order", "pub", True, False),
    ("Discharge of Supervision Order", "pub", True, False),
    ("Variation of Supervision Order", "pub", True, False),
    ("Placement Order", "pub", True, False),
    ("Revocation of Placement Order", "pub", True, False),
    ("Emergency Protection Order", "pub", True, False),
    ("Extension of Emergency Protection Order", "pub", True, False),
    ("Discharge of Emergency Protection Order", "pub", True, False),
    ("Child Assessment Order", "pub", True, False),
    ("Secure Accommodation Order", "pub", True, False),
    ("Interim Secure Accommodation Order", "pub", True, False),
    ("Contact Order (s34)", "pub", True, False),
    ("Authority to refuse contact (s34(4))", "pub", True, False),
    ("Recovery Order", "pub", True, False),
    ("Education Supervision Order", "pub", True, False),
    ("Wardship Order", "both", True, False),
    ("Inherent Jurisdiction Order", "both", True, False),
    ("Deprivation of Liberty Order (Inherent Jurisdiction)", "pub", True, False),
    ("Care Order (placed at home)", "pub", True, False),
    ("Special Guardianship Order", "both", True, False),
    ("Variation of Special Guardianship Order", "priv", True, False),
    ("Discharge of Special Guardianship Order", "priv", True, False),
    ("Child Arrangements Order (lives with)", "both", True, False),
    ("Child Arrangements Order (spends time with)", "both", True, False),
    ("Child Arrangements Order (lives with and spends time with)", "both", True, False),
    ("Interim Child Arrangements Order (lives with)", "both", True, False),
    ("Interim Child Arrangements Order (spends time with)", "both", True, False),
    ("Variation of Child Arrangements Order", "priv", True, False),
    ("Discharge of Child Arrangements Order", "priv", True, False),
    ("Prohibited Steps Order", "priv", True, False),
    ("Interim Prohibited Steps Order", "priv", True, False),
    ("Specific Issue Order", "priv", True, False),
    ("Family Assistance Order", "both", True, False),
    ("Parental Responsibility Order", "priv", True, False),
    ("Parental Responsibility Agreement registered", "priv", True, False),
    ("Termination of Parental Responsibility", "priv", True, False),
    ("Enforcement Order (unpaid work requirement)", "priv", False, False),
    ("Warning Notice attached", "priv", True, False),
    ("Compensation for Financial Loss", "priv", False, False),
    ("Activity Direction", "priv", False, False),
    ("Activity Condition", "priv", False, False),
    ("Referral to Separated Parents Information Programme", "priv", False, False),
    ("Contact Activity Monitoring", "priv", True, False),
    ("Leave to apply granted", "priv", True, False),
    ("Leave to apply refused", "priv", True, False),
    ("Leave to remove from the jurisdiction", "priv", True, False),
    ("Change of surname permitted", "priv", True, False),
    ("Adoption Order", "priv", True, False),
    ("Adoption Order refused", "priv", True, False),
    ("Parental Order (HFEA 2008)", "priv", True, False),
    ("Declaration of Parentage", "priv", True, False),
    ("Section 91(14) Order", "both", True, True),
    ("Non-Molestation Order", "priv", False, False),
    ("Occupation Order", "priv", False, False),
    ("Undertaking accepted", "priv", False, False),
    ("Financial Order (Schedule 1)", "priv", True, False),
    ("Return Order (Hague Convention)", "priv", True, False),
    ("No Order", "both", True, True),
    ("Order of no order", "both", True, True),
    ("Withdrawn", "both", True, True),
    ("Withdrawn with permission of the court", "both", True, True),
    ("Refused", "both", True, True),
    ("Dismissed", "both", True, True),
    ("Struck out", "both", True, True),
    ("Consent Order", "both", True, True),
    ("Adjourned generally", "both", True, True),
    ("Transferred to another court", "both", True, True),
    ("Transferred to High Court", "both", True, True),
    ("Consolidated with other proceedings", "both", True, True),
    ("Proceedings stayed", "both", True, True),
    ("Rule 16.4 appointment", "priv", True, False),
    ("Rule 16.4 appointment discharged", "priv", True, False),
    ("Children's Guardian appointed (r16.3)", "pub", True, False),
    ("S.7 Report ordered", "priv", True, False),
    ("S.7 Report addendum ordered", "priv", True, False),
    ("S.7 Report (Local Authority) ordered", "priv", True, False),
    ("S.37 Report ordered", "both", True, False),
    ("S.16A Risk Assessment", "both", True, False),
    ("MIAM attended", "priv", False, False),
    ("MIAM exemption claimed", "priv", False, False),
    ("MIAM not attended", "priv", False, False),
    ("Safeguarding letter sent", "priv", True, False),
    ("DR at FHDRA \u2013 full agreement \u2013 final order", "priv", True, False),
    ("DR at FHDRA \u2013 no agreement \u2013 Cafcass further work", "priv", True, False),
    ("DR at FHDRA \u2013 partial agreement \u2013 signpost to SPIP", "priv", True, False),
    ("Referred to LA \u2013 SPH", "priv", True, False),
    ("Referred to PSU \u2013 SPH", "priv", True, False),
    ("Referred to Local Authority (s47 enquiries)", "both", True, False),
    ("Fact-finding hearing ordered", "priv", True, False),
    ("Expert assessment ordered (Part 25)", "both", True, False),
    ("Residential assessment ordered (s38(6))", "pub", True, False),
    ("Parenting assessment ordered", "pub", True, False),
    ("Kinship assessment ordered", "pub", True, False),
    ("Viability assessment ordered", "pub", True, False),
    ("DNA testing ordered", "priv", True, False),
    ("Hair strand testing ordered", "both", False, False),
    ("Interim care plan approved", "pub", True, False),
    ("Final care plan approved", "pub", True, False),
    ("Directions order", "both", True, True),
    ("Final hearing listed", "both", True, True),
    ("Child made party to proceedings", "priv", True, False),
    ("Separate representation ordered", "priv", True, False),
    ("Wishes and feelings report ordered", "priv", True, False),
    ("Child Impact Analysis completed", "priv", True, False),
    ("Letter to the child sent", "both", True, False),
    ("Contact centre referral", "priv", True, False),
    ("Supervised contact ordered", "priv", True, False),
    ("Indirect contact ordered", "priv", True, False),
    ("Interim Order (other)", "both", True, True),
    ("Final Order (other)", "both", True, True),
    ("Application resolved without order", "both", True, True),
    ("Case closed - no further action", "both", True, True),
    ("Transferred to Cafcass Cymru", "both", True, True),
    ("Placement with parents approved", "pub", True, False),
    ("Pre-proceedings letter noted", "pub", False, False),
    ("Reunification plan approved", "pub", True, False),
    ("Activity Direction - DAPP referral", "priv", False, False),
    ("Adjournment for non-court dispute resolution", "priv", True, True),
    ("Agreed arrangements - no order needed", "priv", True, False),
    ("Allocation to High Court Judge", "both", True, True),
    ("Amended care plan approved", "pub", True, False),
    ("Anonymised judgment published", "both", True, True),
    ("Appeal allowed", "both", True, True),
    ("Appeal dismissed", "both", True, True),
    ("Assessment of contact ordered", "priv", True, False),
    ("Cafcass safeguarding checks completed", "priv", True, False),
    ("Capacity assessment ordered", "both", False, False),
    ("Care and Placement Orders made", "pub", True, False),
    ("Case management order", "both", True, True),
    ("Child Arrangements Order (shared lives with)", "both", True, False),
    ("Child Protection Plan noted", "pub", True, False),
    ("Child and Adolescent Mental Health Services referral", "both", True, False),
    ("Committal order", "priv", False, False),
    ("Costs order", "both", False, True),
    ("Contact Order (s34) varied", "pub", True, False),
    ("Drug and alcohol testing ordered", "both", False, False),
    ("Enforcement application dismissed", "priv", True, False),
    ("Existing order varied by consent", "both", True, True),
    ("Interim Contact Order (s34)", "pub", True, False),
    ("Interim residence with kinship carer", "pub", True, False),
    ("Judgment reserved", "both", True, True),
    ("No order - agreement reached", "priv", True, False),
    ("Parenting plan agreed", "priv", True, False),
    ("Psychological assessment ordered", "both", True, False),
    ("Recital of agreement", "priv", True, False),
)
LEGAL_OUTPUT_ID: dict[str, int] = {name: i + 1 for i, (name, *_rest) in enumerate(LEGAL_OUTPUT_TYPES)}
RULE_16_4 = "Rule 16.4 appointment"
# Positions (1-based, byte-wise sort by NAME) the Stata code overwrites with ASCII spellings.
ASCII_OVERWRITE_POSITIONS = (45, 46, 47, 113, 115)


# --- lookup tables --------------------------------------------------------------------------------------------


def _ids_names(pairs: tuple[tuple[int, str], ...] | list[tuple[int, str]]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([i for i, _ in pairs], dtype=np.int64), np.array([n for _, n in pairs], dtype=object)


def _simple(pairs: list[tuple[int, str]], label: str = "NAME") -> Frame:
    ids, names = _ids_names(pairs)
    return {"ID": ids, label: names}


def _admin(ids: np.ndarray, locked: tuple[int, ...], active: np.ndarray | None = None) -> Frame:
    """Housekeeping columns; `locked` rows are the ones the application itself relies on."""
    n = len(ids)
    return {
        "SORTORDER": np.arange(1, n + 1, dtype=np.int64) * 10,
        "ISLOCKED": np.isin(ids, locked),
        "ISACTIVE": np.ones(n, dtype=bool) if active is None else active,
    }


def nationality_codes() -> list[tuple[int, str]]:
    return [(i + 1, n) for i, n in enumerate(NATIONALITY_NAMES)] + [
        (NATIONALITY_REFUSED, "Refused / prefer not to say"),
        (NATIONALITY_UNKNOWN, "Unknown"),
    ]


def language_codes() -> list[tuple[int, str]]:
    first = LANGUAGE_REFUSED - len(LANGUAGE_NAMES)
    return [(first + i, n) for i, n in enumerate(LANGUAGE_NAMES)] + [
        (LANGUAGE_REFUSED, "Refused"),
        (LANGUAGE_UNKNOWN, "Unknown"),
    ]


@dataclass(frozen=True)
class Court:
    id: int
    name: str
    area_id: int
    circuit_id: int
    is_main: bool  # the area's principal centre, which also sits as the High Court


def courts() -> list[Court]:
    out: list[Court] = []
    for area_id, area in enumerate(geo.AREAS, start=1):
        circuit_id = geo.CIRCUITS.index(area.circuit) + 1
        for k, name in enumerate(area.courts):
            out.append(Court(len(out) + 1, name, area_id, circuit_id, k == 0))
    return out


def court_level_refs() -> list[tuple[int, int, int, str]]:
    """(id, court id, level id, full name): every court sits as the Family Court and, for 2014 legacy
    cases, as a magistrates' FPC and County Court; principal centres also sit as the High Court."""
    level_name = dict(COURT_LEVELS)
    rows: list[tuple[int, int, int, str]] = []
    for court in courts():
        levels = [FAMILY_COURT, FPC, COUNTY_COURT] + ([HIGH_COURT] if court.is_main else [])
        for level in levels:
            rows.append((len(rows) + 1, court.id, level, f"{court.name} ({level_name[level]})"))
    return rows


def local_authorities() -> list[tuple[int, str, int, float]]:
    """(id, name, DFJ area id, weight), ids in alphabetical order of name."""
    rows = [(name, area_id, w) for area_id, a in enumerate(geo.AREAS, start=1) for name, w in a.authorities]
    return [(i + 1, name, area_id, w) for i, (name, area_id, w) in enumerate(sorted(rows))]


def lookup_frames() -> dict[str, Frame]:
    """The 18 lookup tables keyed by schema.py base name, without AVAIL_FROM_DT (the writer's job)."""
    f: dict[str, Frame] = {}
    f["ECMS_APPLICATIONTYPES"] = _simple([(a.id, a.name) for a in APPLICATION_TYPES])
    refs = court_level_refs()
    f["ECMS_COURTCOURTLEVELREFS"] = {
        "ID": np.array([r[0] for r in refs], dtype=np.int64),
        "COURTFULLNAME": np.array([r[3] for r in refs], dtype=object),
        "COURT_ID": np.array([r[1] for r in refs], dtype=np.int64),
        "COURTLEVELREF_ID": np.array([r[2] for r in refs], dtype=np.int64),
    }
    cs = courts()
    f["ECMS_COURTS"] = {
        "ID": np.array([c.id for c in cs], dtype=np.int64),
        "NAME": np.array([c.name for c in cs], dtype=object),
        "DJAREAREF_ID": np.array([c.area_id for c in cs], dtype=np.int64),
        "CIRCUITREF_ID": np.array([c.circuit_id for c in cs], dtype=np.int64),
    }
    f["ECMS_COURTLEVELREFS"] = _simple(list(COURT_LEVELS))
    f["ECMS_DJAREAREFS"] = _simple([(i + 1, a.name) for i, a in enumerate(geo.AREAS)])
    f["ECMS_CIRCUITREFS"] = _simple([(i + 1, c) for i, c in enumerate(geo.CIRCUITS)])
    f["ECMS_SOURCES"] = _simple([(i, n) for i, n, _ in SOURCES])
    ethnic_active = np.array([i not in (ETHNICITY_PREFER_NOT, 20, 21) for i, _, _ in ETHNICITIES])
    eth = _simple([(i, n) for i, n, _ in ETHNICITIES])
    f["ECMS_ETHNICITYTYPES"] = eth | _admin(eth["ID"], (ETHNICITY_PREFER_NOT, ETHNICITY_UNKNOWN), ethnic_active)
    f["ECMS_RELIGIONTYPES"] = _simple([(i, n) for i, n, _ in RELIGIONS])
    f["ECMS_NATIONALITYTYPES"] = _simple(nationality_codes())
    f["ECMS_LANGUAGETYPES"] = _simple(language_codes())
    f["ECMS_DISABILITYTYPES"] = _simple([(i, n) for i, n, _ in DISABILITIES])
    rel = RELATIONSHIP_TYPES
    rel_frame = _simple([(r.id, r.name) for r in rel])
    f["ECMS_RELATIONSHIPTYPES"] = (
        rel_frame
        | _admin(rel_frame["ID"], tuple(r.id for r in rel if r.primary), rel_frame["ID"] != RETIRED_RELATIONSHIP)
        | {
            "INVERSEREF": np.array([r.inverse for r in rel], dtype=np.int64),
            "ISPRIMARY": np.array([r.primary for r in rel]),
            "RELATIONSHIPMALE": np.array([r.male for r in rel], dtype=object),
            "RELATIONSHIPFEMALE": np.array([r.female for r in rel], dtype=object),
        }
    )
    f["ECMS_LEGALOUTPUTTYPES"] = _legal_output_frame()
    f["ECMS_LAWTYPES"] = _simple(list(LAW_TYPES), label="CAPTION")
    f["ECMS_LOCALAUTHORITIES"] = _simple([(i, n) for i, n, _, _ in local_authorities()])
    f["ECMS_COURTFORMS"] = _simple([(COURT_FORM_ID[n], n) for n in COURT_FORMS], label="FORMNAME")
    f["ECMS_CASESTATUS"] = _simple(list(CASE_STATUSES))
    return f


def _legal_output_frame() -> Frame:
    scope = [s for _, s, _, _ in LEGAL_OUTPUT_TYPES]
    pub_order = np.cumsum([s != "priv" for s in scope]) * 10
    priv_order = np.cumsum([s != "pub" for s in scope]) * 10
    inactive = {"Transferred to Cafcass Cymru", "Contact Activity Monitoring", "Termination of Parental Responsibility"}
    ids = np.array(list(LEGAL_OUTPUT_ID.values()), dtype=np.int64)
    generic = tuple(LEGAL_OUTPUT_ID[name] for name, _, _, every_type in LEGAL_OUTPUT_TYPES if every_type)
    return {
        "ID": ids,
        "NAME": np.array(list(LEGAL_OUTPUT_ID), dtype=object),
        **_admin(ids, generic, np.array([name not in inactive for name in LEGAL_OUTPUT_ID])),
        "PUBLICSORTORDER": np.where(np.array(scope) != "priv", pub_order, NULL),
        "PRIVATESORTORDER": np.where(np.array(scope) != "pub", priv_order, NULL),
        "APPLIESTOSUBJECT": np.array([s for _, _, s, _ in LEGAL_OUTPUT_TYPES]),
        "ALLAPPLICATIONTYPES": np.array([a for _, _, _, a in LEGAL_OUTPUT_TYPES]),
    }
