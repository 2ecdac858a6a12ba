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

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in ECMS_TABLES}
