"""Cafcass Cymru in the harmonised marts, on the built test database: int_cafw__child_applications and
int_cafw__cases have exactly the column list (names, order, types) of their ECMS references, and the marts
carry Wales rows that trace back to the raw CAFW tables.

Needs CAFCASS_TEST_BUILD_DB (set by `python scripts/run.py test`); skips otherwise.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from dbt_artifacts import build_db_or_skip


def _rows(sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(build_db_or_skip()), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _columns(model: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in _rows(
            "select column_name, data_type from information_schema.columns"
            f" where table_schema = 'cafcass' and table_name = '{model}' order by ordinal_position"
        )
    ]


@pytest.mark.parametrize("entity", ["child_applications", "cases"])
def test_cafw_models_have_the_ecms_column_list(entity: str) -> None:
    ecms, cafw = _columns(f"int_ecms__{entity}"), _columns(f"int_cafw__{entity}")
    assert ecms, f"int_ecms__{entity} is not built"
    assert cafw == ecms


def test_marts_hold_wales_rows_for_every_cafw_child_application_and_case() -> None:
    # (the intermediate models are views over the raw catalog, so the marts, which are tables, are read)
    counts = dict(_rows("select source_system || '/' || country, count(*) from cafcass.child_applications group by all"))
    assert counts.get("CAFW/Wales", 0) > 1000 and not [k for k in counts if k.startswith("CAFW/") and k != "CAFW/Wales"]
    cases = dict(_rows("select source_system || '/' || country, count(*) from cafcass.cases group by all"))
    assert cases.get("CAFW/Wales", 0) > 1000
    # Every CAFW child-application's case is a CAFW case of the cases mart.
    orphans = _rows(
        "select count(*) from cafcass.child_applications a where a.source_system = 'CAFW'"
        " and a.case_key not in (select case_key from cafcass.cases)"
    )[0][0]
    assert orphans == 0


def test_cafw_children_have_parents_outcomes_and_linkage() -> None:
    row = _rows(
        "select avg(case when mother_person_id is not null then 1.0 else 0 end),"
        " avg(case when final_order_date is not null then 1.0 else 0 end), avg(has_usable_alf),"
        " count(*) filter (where application_type_id is not null), count(*) filter (where is_party is not null)"
        " from cafcass.child_applications where source_system = 'CAFW' and is_subject = 1"
    )[0]
    mothers, finals, usable, type_ids, party = row
    assert mothers > 0.9  # every generated child has a mother linked as 'Parent' -> 'Child'
    assert finals > 0.8  # most cases have reached a final hearing by the refresh date
    assert 0.6 < usable < 0.85
    assert type_ids == 0 and party == 0  # CAFW records text labels only and no party flag
