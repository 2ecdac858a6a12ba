"""The raw table layouts the synthetic generator writes, as SAIL holds them.

This module is the single contract between the generator, its tests and the dbt sources:
table names (without the refresh-date suffix), column names in SAIL's upper case, and the
SQL types SAIL uses. Column lists follow seed-pipeline.md section 1A-1B; SAIL adds
ALF_STS_CD / ALF_MTCH_PCT beside every ALF_PE and AVAIL_FROM_DT to every table.
"""

from __future__ import annotations

from dataclasses import dataclass

ID = "BIGINT"  # SAIL stores encrypted (_PE) keys as BIGINT
CODE = "INTEGER"  # lookup ids
DATE = "DATE"
FLAG = "VARCHAR(5)"  # 'true' / 'false' text flags
TEXT_ID = "VARCHAR(20)"  # person ids the Stata code converts from text to number
NAME = "VARCHAR(255)"

DATA_SCHEMA_KIND = "data"  # SAIL<project>V
REF_SCHEMA_KIND = "ref"  # SAILCAFEREFV


@dataclass(frozen=True)
class Table:
    """One raw table: its SAIL base name (no date suffix), schema kind and ordered columns."""

    name: str
    kind: str
    columns: tuple[tuple[str, str], ...]
    dated: bool = True

    def physical_name(self, refresh_date: str) -> str:
        return f"{self.name}_{refresh_date}" if self.dated else self.name

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


def _characteristic(name: str, type_col: str) -> Table:
    return Table(
        name,
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("PERSON_ID_PE", TEXT_ID),
            (type_col, CODE),
            ("SOURCE_ID", CODE),
            ("AVAIL_FROM_DT", DATE),
        ),
    )


def _lookup(name: str, *extra: tuple[str, str], label: str = "NAME") -> Table:
    return Table(name, REF_SCHEMA_KIND, (("ID", CODE), (label, NAME), *extra, ("AVAIL_FROM_DT", DATE)))


ECMS_DATA_TABLES: tuple[Table, ...] = (
    Table(
        "CAFE_ECMS_APPLICATIONS",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("CASE_ID_PE", ID),
            ("APPLICATIONTYPE1_ID", CODE),
            ("COURTCOURTLEVELREF_ID", CODE),
            ("DATEOFAPPLICATION", DATE),
            ("DATERECEIVED", DATE),
            ("DATENOTIFIED", DATE),
            ("DATECOMPLETED", DATE),
            ("DATEAPPLICATIONCOMPLETED", DATE),
            ("NEWAPPLICATIONDATE", DATE),
            ("REVOCATIONAPPLICANTTYPEID", CODE),
            ("APPLICATIONREASON_ID", CODE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_ECMS_PEOPLE",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", TEXT_ID),
            ("ALF_PE", ID),
            ("ALF_STS_CD", CODE),
            ("ALF_MTCH_PCT", "DECIMAL(7,6)"),
            ("ALF2_PE", ID),
            ("GENDER", "VARCHAR(20)"),
            ("WEEKOFBIRTH", DATE),
            ("MOB_LINKAGE", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    _characteristic("CAFE_ECMS_ETHNICITIES", "ETHNICITYTYPE_ID"),
    _characteristic("CAFE_ECMS_RELIGIONS", "RELIGIONTYPE_ID"),
    _characteristic("CAFE_ECMS_NATIONALITIES", "NATIONALITYTYPE_ID"),
    _characteristic("CAFE_ECMS_LANGUAGES", "LANGUAGETYPE_ID"),
    _characteristic("CAFE_ECMS_DISABILITIES", "DISABILITYTYPE_ID"),
    Table(
        "CAFE_ECMS_PERSONSONAPPLICATIONS",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("PERSON_ID_PE", TEXT_ID),
            ("APPLICATION_ID_PE", ID),
            ("ISSUBJECT", FLAG),
            ("ISRESPONDENT", FLAG),
            ("ISAPPLICANT", FLAG),
            ("ISOTHER", FLAG),
            ("ISSUBJECTPARTY", FLAG),
            ("ISOTHERPARTY", FLAG),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_ECMS_PERSONRELATIONSHIPS",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("PERSON_ID_PE", TEXT_ID),
            ("RELATEDPERSON_ID_PE", TEXT_ID),
            ("RELATIONSHIPTYPE_ID", CODE),
            ("PARENTALRESPONSIBILITYTYPE_ID", CODE),
            ("RELATIONSHIPMALE", NAME),
            ("RELATIONSHIPFEMALE", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_ECMS_LEGALOUTPUTS",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("PERSON_ID_PE", TEXT_ID),
            ("APPLICATION_ID_PE", ID),
            ("CASE_ID_PE", ID),
            ("LEGALOUTPUTTYPE_ID", CODE),
            ("DATEORDERED", DATE),
            ("ISFPR164", FLAG),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_ECMS_CASES",
        DATA_SCHEMA_KIND,
        (
            ("ID_PE", ID),
            ("COURTCOURTLEVELREF_ID", CODE),
            ("LAWTYPE_ID", CODE),
            ("LOCALAUTHORITY_ID", CODE),
            ("COURTFORM_ID", CODE),
            ("CASESTATU_ID", CODE),
            ("HARM", FLAG),
            ("DATERECEIVED", DATE),
            ("CLOSUREDATE", DATE),
            ("REOPENDATE", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
)

_ADMIN = (("SORTORDER", CODE), ("ISLOCKED", FLAG), ("ISACTIVE", FLAG))

ECMS_LOOKUP_TABLES: tuple[Table, ...] = (
    _lookup("ECMS_APPLICATIONTYPES"),
    _lookup(
        "ECMS_COURTCOURTLEVELREFS",
        ("COURT_ID", CODE),
        ("COURTLEVELREF_ID", CODE),
        label="COURTFULLNAME",
    ),
    _lookup("ECMS_COURTS", ("DJAREAREF_ID", CODE), ("CIRCUITREF_ID", CODE)),
    _lookup("ECMS_COURTLEVELREFS"),
    _lookup("ECMS_DJAREAREFS"),
    _lookup("ECMS_CIRCUITREFS"),
    _lookup("ECMS_SOURCES"),
    _lookup("ECMS_ETHNICITYTYPES", *_ADMIN),
    _lookup("ECMS_RELIGIONTYPES"),
    _lookup("ECMS_NATIONALITYTYPES"),
    _lookup("ECMS_LANGUAGETYPES"),
    _lookup("ECMS_DISABILITYTYPES"),
    _lookup(
        "ECMS_RELATIONSHIPTYPES",
        *_ADMIN,
        ("INVERSEREF", CODE),
        ("ISPRIMARY", FLAG),
        ("RELATIONSHIPMALE", NAME),
        ("RELATIONSHIPFEMALE", NAME),
    ),
    _lookup(
        "ECMS_LEGALOUTPUTTYPES",
        *_ADMIN,
        ("PUBLICSORTORDER", CODE),
        ("PRIVATESORTORDER", CODE),
        ("APPLIESTOSUBJECT", FLAG),
        ("ALLAPPLICATIONTYPES", FLAG),
    ),
    _lookup("ECMS_LAWTYPES", label="CAPTION"),
    _lookup("ECMS_LOCALAUTHORITIES"),
    _lookup("ECMS_COURTFORMS", label="FORMNAME"),
    _lookup("ECMS_CASESTATUS"),
)

ECMS_TABLES: tuple[Table, ...] = ECMS_DATA_TABLES + ECMS_LOOKUP_TABLES

# --- CMS (England 2007-2014): seed-pipeline.md 1D-1E; its own refresh date (Config.cms_refresh_date) -------------
# Person ids are text (as in ECMS; the Stata code destrings PARENTREF_PE); CMS flags are assumed to be the same
# 'true'/'false' text as ECMS (the Stata code never tests their values).


def _cms_lookup(name: str, key: str, label: str, *extra: tuple[str, str], dated: bool = True) -> Table:
    return Table(name, REF_SCHEMA_KIND, ((key, CODE), (label, NAME), *extra, ("AVAIL_FROM_DT", DATE)), dated)


CMS_DATA_TABLES: tuple[Table, ...] = (
    Table(
        "CAFE_CMS_TBLCASEAPPLICATION",
        DATA_SCHEMA_KIND,
        (
            ("CASEAPPLICATIONID_PE", ID),
            ("CASEREF_PE", ID),
            ("CASEAPPLICATIONTYPEREF", CODE),
            ("COURTREF", CODE),
            ("DATEOFAPPLICATION", DATE),
            ("DATERECEIVED", DATE),
            ("DATECOMPLETED", DATE),
            ("DATEAPPLICATIONCOMPLETED", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_CMS_TBLPERSON",
        DATA_SCHEMA_KIND,
        (
            ("PERSONID_PE", TEXT_ID),
            ("ALF_PE", ID),
            ("ALF_STS_CD", CODE),
            ("ALF_MTCH_PCT", "DECIMAL(7,6)"),
            ("ALF2_PE", ID),
            ("GENDER", "VARCHAR(20)"),
            ("WEEKOFBIRTH", DATE),
            ("ETHNICREF", CODE),
            ("RELIGIONREF", CODE),
            ("FIRSTLANGUAGEREF", CODE),
            ("INTERPRETERREQ", FLAG),
            ("DISABILITYREF", CODE),
            ("MOB_LINKAGE", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_CMS_TBLCASEAPPLICATIONMEMBER",
        DATA_SCHEMA_KIND,
        (
            ("CASEAPPLICATIONMEMBERID_PE", ID),
            ("CASEAPPLICATIONREF_PE", ID),
            ("MEMBERREF_PE", TEXT_ID),
            ("MEMBERTYPE", CODE),
            ("CONVERTEDTYPE", "VARCHAR(50)"),
            ("ISPARTY", FLAG),
            ("ISLAREP", FLAG),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_CMS_TBLCRSPERSONRELATIONSHIP",
        DATA_SCHEMA_KIND,
        (
            ("PERSONRELATIONSHIPID_PE", ID),
            ("PARENTREF_PE", TEXT_ID),
            ("CHILDREF_PE", TEXT_ID),
            ("RELATIONSHIPREF", CODE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_CMS_TBLLEGALOUTPUT",
        DATA_SCHEMA_KIND,
        (
            ("LEGALOUTPUTID_PE", ID),
            ("CASEREF_PE", ID),
            ("CASEHEARINGREF_PE", ID),
            ("LEGALOUTPUTTYPEREF", CODE),
            ("FURTHERWORKTYPEREF", CODE),
            ("ISCAFCASSWORK", FLAG),
            ("EXPIRYDATE", DATE),
            ("ISFINAL", FLAG),
            ("LEGALORDERHEARINGDATE", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFE_CMS_TBLCASE",
        DATA_SCHEMA_KIND,
        (
            ("CASEID_PE", ID),
            ("CASESTATUSREF", CODE),
            ("LOCALAUTHORITYREF", CODE),
            ("REGIONREF", CODE),
            ("LAWTYPEREF", CODE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
)

CMS_LOOKUPS: tuple[Table, ...] = (
    _cms_lookup(
        "CMS_TLKPCASEAPPLICATIONTYPE", "CASEAPPLICATIONTYPEID", "CASEAPPLICATIONTYPE", ("LAWTYPES", CODE), dated=False
    ),
    _cms_lookup(
        "CMS_TLKPCOURT", "COURTID", "COURT", ("COURTLEVELREF", CODE), ("CIRCUITREF", CODE), ("DFJAREAREF", CODE)
    ),
    _cms_lookup("CMS_TLKPCOURTLEVEL", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPCIRCUIT", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPDFJAREA", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPLAWTYPE", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPDISABILITY", "DISABILITYID", "DISABILITY"),
    _cms_lookup("CMS_TLKPETHNICORIGIN", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPLANGUAGE", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPRELIGION", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPCRSRELATIONSHIP", "CRSRELATIONSHIPID", "CRSRELATIONSHIP"),
    _cms_lookup("CMS_TLKPLEGALOUTPUTTYPE", "LEGALOUTPUTTYPEID", "LEGALOUTPUTTYPE", ("LEGALOUTPUTCLASSREF", CODE)),
    _cms_lookup("CMS_TLKPLEGALOUTPUTCLASS", "LEGALOUTPUTCLASSID", "LEGALOUTPUTCLASS"),
    _cms_lookup("CMS_TLKPCASESTATUS", "ITEMID", "CAPTION"),
    _cms_lookup("CMS_TLKPLOCALAUTHORITY", "LOCALAUTHORITYID", "AUTHORITY"),
    _cms_lookup("CMS_TLKPREGION", "REGIONID", "REGION"),
)

CMS_TABLES: tuple[Table, ...] = CMS_DATA_TABLES + CMS_LOOKUPS

# Cafcass Cymru (Wales): a Dynamics-CRM-like extract in the project schema, CAFW_CAFCASS_<X>_<refresh date>
# (data-resource.md 1.2-1.4). Columns seen in public SAIL code keep their names with the project `_PE`
# suffix; the rest (INCIDENT, APPLICATIONORDERS, connection row ids, demographics on the ALF table) are
# assumptions listed once in models/staging/cafw/_cafw__sources.yml, "to be checked inside SAIL".
PCT = "DECIMAL(7,6)"
CAFW_TABLES: tuple[Table, ...] = (
    Table(
        "CAFW_CAFCASS_ALF",
        DATA_SCHEMA_KIND,
        (
            ("SYSTEM_ID_PE", ID),
            ("ALF_PE", ID),
            ("ALF_STS_CD", CODE),
            ("ALF_MTCH_PCT", PCT),
            ("WOB", DATE),
            ("GNDR_CD", CODE),
            ("LSOA2011_CD", "VARCHAR(10)"),
            ("CAP_ETHNICITYIDNAME", NAME),
            ("CAP_PREFERREDLANGUAGEIDNAME", NAME),
            ("CAP_DISABILITYNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_INCIDENT",
        DATA_SCHEMA_KIND,
        (
            ("INCIDENTID_PE", ID),
            ("CAP_LAWTYPENAME", NAME),
            ("CAP_LOCALAUTHORITYIDNAME", NAME),
            ("CAP_COURTIDNAME", NAME),
            ("STATUSCODENAME", NAME),
            ("CREATEDON", DATE),
            ("CAP_CLOSEDDATE", DATE),
            ("CAP_REOPENEDDATE", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_APPLICATION",
        DATA_SCHEMA_KIND,
        (
            ("CAP_APPLICATIONID_PE", ID),
            ("CAP_INCIDENTID_PE", ID),
            ("CAP_LAWTYPENAME", NAME),
            ("CAP_PRIMARYAPPLICATIONTYPENAME", NAME),
            ("CAP_RECEIPTDATE", DATE),
            ("CAP_ISSUEDATE", DATE),
            ("CAP_DATEOFCOMPLETION", DATE),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_APPLICATIONSERVICEUSERS",
        DATA_SCHEMA_KIND,
        (
            ("CONNECTIONID_PE", ID),
            ("RECORD1ID_PE", ID),
            ("RECORD2ID_PE", ID),
            ("RECORD2ROLEIDNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_APPLICATIONORDERS",
        DATA_SCHEMA_KIND,
        (
            ("CAP_APPLICATIONORDERID_PE", ID),
            ("CAP_APPLICATIONID_PE", ID),
            ("CAP_ORDERTYPEIDNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_HEARING",
        DATA_SCHEMA_KIND,
        (
            ("CAP_HEARINGID_PE", ID),
            ("CAP_CASEID_PE", ID),
            ("CAP_HEARINGDATETIME", DATE),
            ("CAP_COURTIDNAME", NAME),
            ("CAP_HEARINGTYPEIDNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_HEARINGOUTCOME",
        DATA_SCHEMA_KIND,
        (
            ("CAP_HEARINGOUTCOMEID_PE", ID),
            ("CAP_HEARINGID_PE", ID),
            ("CAP_CASEID_PE", ID),
            ("CAP_HEARINGOUTCOMETYPEIDNAME", NAME),
            ("CAP_HEARINGOUTCOMEFINALNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_HEARINGOUTCOMEAPPLICATION",
        DATA_SCHEMA_KIND,
        (
            ("CAP_HEARINGOUTCOMEAPPLICATIONID_PE", ID),
            ("CAP_CASEID_PE", ID),
            ("CAP_HEARINGOUTCOMEID_PE", ID),
            ("CAP_APPLICATIONID_PE", ID),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
    Table(
        "CAFW_CAFCASS_RELATIONSHIPS",
        DATA_SCHEMA_KIND,
        (
            ("CONNECTIONID_PE", ID),
            ("RECORD1ID_PE", ID),
            ("RECORD1ROLEIDNAME", NAME),
            ("RECORD2ID_PE", ID),
            ("RECORD2ROLEIDNAME", NAME),
            ("AVAIL_FROM_DT", DATE),
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in ECMS_TABLES + CAFW_TABLES + CMS_TABLES}
