"""The DB2 denylist over SQL compiled for db2_offline, and proof that the checks catch non-DB2 SQL.

The compiled SQL comes from scripts/db2_check.py (directory in CAFCASS_DB2_COMPILED_DIR, default
target_db2/compiled). The rule tests need nothing but this file and scripts/db2_sql_rules.py; the sqlfluff
ones need sqlfluff (in both the main environment and .venv-db2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db2_paths import COMPILED_DIR, NO_COMPILED_SQL
from db2_sql_rules import (
    _main as rules_main,
    compiled_sql_files,
    denylist_violations,
    parse_errors,
    strip_literals_and_comments,
)

COMPILED_FILES = compiled_sql_files(COMPILED_DIR) if COMPILED_DIR.is_dir() else []


def _id(path: Path) -> str:
    return path.relative_to(COMPILED_DIR).as_posix()


# --------------------------------------------------------------------------------------------------
# The project's compiled SQL


def test_compiled_sql_exists() -> None:
    if not COMPILED_DIR.is_dir():
        pytest.skip(NO_COMPILED_SQL)
    assert COMPILED_FILES, f"{COMPILED_DIR} holds no .sql files"
    assert any("/models/" in p.as_posix() for p in COMPILED_FILES), "no compiled model"


@pytest.mark.parametrize("path", COMPILED_FILES, ids=[_id(p) for p in COMPILED_FILES])
def test_compiled_sql_passes_denylist(path: Path) -> None:
    found = denylist_violations(path.read_text(encoding="utf-8"))
    assert not found, f"{_id(path)} uses SQL that DB2 does not run:\n" + "\n".join(f"  {v}" for v in found)


# --------------------------------------------------------------------------------------------------
# Each rule catches what it should (synthetic SQL)

BAD_SQL = [
    ("double_colon_cast", "select a::integer as a from t"),
    ("interval", "select d + interval 7 day as d from t"),
    ("limit", "select a from t limit 10"),
    ("qualify", "select a from t qualify row_number() over (partition by a order by b) = 1"),
    ("group_by_position", "select a, count(*) as n from t group by 1"),
    ("group_by_position", "select a, b, count(*) as n from t group by a, 2"),
    ("group_by_all", "select a, count(*) as n from t group by all"),
    ("select_star_exclude", "select * exclude (a) from t"),
    ("varchar_without_length", "select cast(a as varchar) as a from t"),
    ("varchar_without_length", "select cast(a as char) as a from t"),
    ("datetime", "select cast(a as datetime) as a from t"),
    ("select_without_from", "select 1 as one"),
    ("select_without_from", "with x as (select 1 as one) select one from x"),
    ("boolean_literal", "select a from t where is_active = true"),
    ("boolean_literal", "select false as flag from t"),
    ("date_minus_date", "select end_date - start_date as days from t"),
    ("date_minus_date", "select t.completed_date - t.application_date as d from t"),
    ("date_minus_date", "select current_date - birth_date as d from t"),
    ("try_cast", "select try_cast(a as integer) as a from t"),
    ("string_agg", "select string_agg(a, ',') as a from t"),
    ("ilike", "select a from t where a ilike 'x%'"),
    ("filter_where", "select count(*) filter (where a = 1) as n from t"),
    ("date_diff", "select date_diff('day', a, b) as d from t"),
    ("greatest_with_nullable_argument", "select greatest(a, b) as g from t"),
    ("least_with_nullable_argument", "select least(coalesce(a, b), b) as g from t"),
    ("concat_arity", "select concat(a, b, c) as s from t"),
    ("quoted_lowercase_identifier", 'select "person_id" from t'),
    ("type_boolean", "select cast(a as boolean) as a from t"),
    ("type_string", "select cast(a as string) as a from t"),
    ("with_recursive", "with recursive r as (select 1 as n from t) select n from r"),
    ("substring", "select substring(a, 1, 2) as s from t"),
]


@pytest.mark.parametrize(("rule", "sql"), BAD_SQL, ids=[f"{r}:{s[:40]}" for r, s in BAD_SQL])
def test_denylist_catches(rule: str, sql: str) -> None:
    assert rule in {v.rule for v in denylist_violations(sql)}


GOOD_SQL = [
    # What the project's DB2 macros and models render to.
    "select cast(add_days(t.start_date, 7) as date) as d from t",
    "select (days(t.end_date) - days(t.start_date)) as n from t",
    "select t.birth_date + 7 days as d, current date - 1 month as m from t",
    "select listagg(t.code, ', ') within group (order by t.code) as codes from t group by t.case_id",
    "select greatest(coalesce(a, b), coalesce(b, a)) as g, least(1, 2) as l from t",
    "select cast(a as varchar(20)) as a, cast(b as char(2)) as b, cast(c as decimal(7, 6)) as c from t",
    "select a from t where a is distinct from b",
    "select extract(year from d) as y, trim(leading '0' from c) as c from t",
    "select 'ECMS-' || cast(id as varchar(20)) as k from t",
    "select a, count(*) as n from t group by a having count(*) > 1 order by 1",
    "select * from (select a from t) as s where s.a in (select b from u)",
    "select a from t union all select b from u",
    "select 1 as ok from sysibm.sysdummy1",
    "with x as (select a, row_number() over (partition by a order by b) as rn from t) select a from x where rn = 1",
    "select case when flag_text in ('true', 'false') then 1 end as f from t -- true, false, limit, ::",
    "select a /* select 1 */ from t",
    "select update_count - insert_count as n, t.is_true_flag from t",
]


@pytest.mark.parametrize("sql", GOOD_SQL, ids=[s[:50] for s in GOOD_SQL])
def test_denylist_accepts_db2_sql(sql: str) -> None:
    assert denylist_violations(sql) == []


def test_strings_and_comments_are_blanked_keeping_lines() -> None:
    sql = "select 'it''s -- not a comment' as a, -- limit 1\n  b /* qualify\n */ from t"
    blank = strip_literals_and_comments(sql)
    assert "limit" not in blank and "qualify" not in blank and "not a comment" not in blank
    assert blank.count("\n") == sql.count("\n")
    assert "from t" in blank


def test_violation_reports_line() -> None:
    (violation,) = denylist_violations("select a\nfrom t\nlimit 5")
    assert violation.rule == "limit" and violation.line == 3


# --------------------------------------------------------------------------------------------------
# sqlfluff's db2 dialect rejects what DB2 rejects (and the parse step fails on it)


def test_sqlfluff_db2_rejects_qualify_and_exclude() -> None:
    pytest.importorskip("sqlfluff")
    assert parse_errors("select a from t qualify row_number() over (partition by a order by b) = 1")
    assert parse_errors("select * exclude (a) from t")
    assert parse_errors("select count(*) filter (where a = 1) as n from t")


def test_sqlfluff_db2_accepts_db2_sql() -> None:
    pytest.importorskip("sqlfluff")
    for sql in GOOD_SQL:
        assert parse_errors(sql) == [], sql


BAD_MODEL = """with ranked as (
    select person_id, application_date, completed_date
    from SAILW1661V.stg_ecms__applications
)
select person_id, completed_date - application_date as duration
from ranked
qualify row_number() over (partition by person_id order by application_date) = 1
"""


def test_check_steps_fail_on_a_bad_compiled_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The two checks db2_check.py runs over target_db2/compiled both fail on a model using QUALIFY and
    date - date (scripts/tests/test_db2_check_fails.py does the same through a real dbt compile)."""
    compiled = tmp_path / "compiled" / "cafcass" / "models"
    compiled.mkdir(parents=True)
    (compiled / "bad_model.sql").write_text(BAD_MODEL, encoding="utf-8")
    (compiled / "good_model.sql").write_text("select a from SAILW1661V.t\n", encoding="utf-8")

    assert rules_main(["denylist", str(tmp_path / "compiled")]) == 1
    out = capsys.readouterr().out
    assert "bad_model.sql" in out and "[qualify]" in out and "[date_minus_date]" in out
    assert "good_model.sql" not in out

    pytest.importorskip("sqlfluff")
    assert rules_main(["parse", str(tmp_path / "compiled"), "--processes", "1"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "bad_model.sql" in out and "unparsable" in out.lower()
