"""The project's DB2 table materialization (macros/db2/table.sql) and data-test wrapper (macros/db2/tests.sql),
run by dbt through ibm-dbt-db2 against a fake DB2 driver (scripts/tests/fake_db2_driver.py) that records
every statement.

Proves what the compile cannot: the statements `dbt build --target sail` sends, in order. For a table:
the model's CTEs kept in a staging view, DISTRIBUTE BY HASH on the documented child/person key, ORGANIZE
BY ROW, the old table dropped only after the new SQL was accepted, the staging view dropped. For a data
test: the test's CTEs hoisted to the top of the statement (DB2 allows no WITH inside a subquery), 0/1
flags instead of boolean columns, and SQL that sqlfluff's db2 dialect and the denylist accept.
Needs .venv-db2 (made by scripts/db2_check.py); skipped without it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from db2_paths import DB2_VENV, REPO, venv_python
from db2_sql_rules import denylist_violations, parse_errors

DRIVER = Path(__file__).resolve().parent / "fake_db2_driver.py"

MART = """with people as (
    select person_id, name from some_schema.people
),

final as (
    select person_id, name from people
)

select * from final
"""

MART_YML = """version: 2
models:
  - name: zz_children
    columns:
      - name: name
        data_tests:
          - accepted_values:
              arguments:
                values: ["x", "y"]
      - name: person_id
        data_tests:
          - not_null
          - unique
          - relationships:
              arguments:
                to: ref('zz_explicit')
                field: person_id
  - name: zz_explicit
    config:
      distribute_by: [case_id, person_id]
      organize_by: column
"""

SINGULAR_TEST = """-- a singular test with CTEs, a comment holding a parenthesis, and a string holding SELECT
with a as (
    select person_id from {{ ref('zz_children') }}  -- (not a paren
),

b as (select 'select (' as s, person_id from a)

select * from b where person_id < 0 -- none
"""

PLAIN_TABLE = "{{ config(materialized='table') }}\nselect 1 as n from sysibm.sysdummy1\n"
EXPLICIT = "select case_id, person_id from some_schema.cases\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not venv_python(DB2_VENV).exists():
        pytest.skip(f"{DB2_VENV} does not exist: run `python scripts/db2_check.py` first")
    root = tmp_path_factory.mktemp("fake_db2") / "cafcass"
    root.mkdir()
    for name in ("dbt_project.yml", "profiles.yml", "macros"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    marts = root / "models" / "marts"
    marts.mkdir(parents=True)
    (marts / "zz_children.sql").write_text(MART, encoding="utf-8")
    (marts / "zz_explicit.sql").write_text(EXPLICIT, encoding="utf-8")
    (marts / "_zz__models.yml").write_text(MART_YML, encoding="utf-8")
    (root / "models" / "zz_plain_table.sql").write_text(PLAIN_TABLE, encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "zz_singular.sql").write_text(SINGULAR_TEST, encoding="utf-8")
    return root


def fake_run(project: Path, select: str, relations: list[list[str]], command: str = "run") -> list[str]:
    env = dict(os.environ, DBT_PROFILES_DIR=str(project), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    env["FAKE_DB2_RELATIONS"] = json.dumps(relations)
    env.pop("CAFCASS_TARGET", None)
    cmd = [str(venv_python(DB2_VENV)), str(DRIVER), command, "--target", "db2_offline", "--select", select, "--threads", "1"]
    done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    lines = [x for x in done.stdout.splitlines() if x.startswith("FAKE_DB2_RESULT ")]
    assert lines, done.stdout + done.stderr
    result = json.loads(lines[-1].removeprefix("FAKE_DB2_RESULT "))
    assert result["success"], done.stdout + done.stderr
    # drop dbt's query comment, keep the statements a DB2 server would see
    statements = [s.split("*/", 1)[1].strip() if s.startswith("/*") else s.strip() for s in result["statements"]]
    return statements


def one_line(statements: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in statements]


def model_statements(statements: list[str], name: str) -> list[str]:
    return [s for s in one_line(statements) if f"sailw1661v.{name}" in s.lower() or f'"{name.upper()}"' in s]


def test_new_mart_keeps_its_ctes_and_gets_db2_storage_options(project: Path) -> None:
    statements = model_statements(fake_run(project, "zz_children", []), "zz_children")
    assert statements == [
        "create view SAILW1661V.zz_children__dbt_src as with people as ( select person_id, name from "
        "some_schema.people ), final as ( select person_id, name from people ) select * from final",
        "create table SAILW1661V.zz_children as ( select * from SAILW1661V.zz_children__dbt_src ) with data "
        "distribute by hash (person_id) organize by row",
        "drop view SAILW1661V.zz_children__dbt_src",
    ]


def test_rebuild_drops_the_old_table_only_after_the_new_sql_is_accepted(project: Path) -> None:
    existing = [["OFFLINE", "SAILW1661V", "ZZ_CHILDREN", "table"], ["OFFLINE", "SAILW1661V", "ZZ_CHILDREN__DBT_SRC", "view"]]
    statements = model_statements(fake_run(project, "zz_children", existing), "zz_children")
    kinds = [" ".join(s.split()[:2]).lower() for s in statements]
    assert kinds == ["drop view", "create view", "drop table", "create table", "drop view"]
    assert statements[2] == 'drop table "SAILW1661V"."ZZ_CHILDREN"'


def test_explicit_keys_and_plain_tables(project: Path) -> None:
    statements = fake_run(project, "zz_explicit zz_plain_table", [])
    (explicit,) = [s for s in model_statements(statements, "zz_explicit") if s.startswith("create table")]
    assert explicit.endswith("with data distribute by hash (case_id, person_id) organize by column")
    (plain,) = [s for s in model_statements(statements, "zz_plain_table") if s.startswith("create table")]
    assert plain.endswith("from SAILW1661V.zz_plain_table__dbt_src ) with data")


def test_data_tests_hoist_their_ctes_and_parse_as_db2(project: Path) -> None:
    statements = [s for s in fake_run(project, "zz_children", [], command="test") if "dbt_internal_test" in s]
    assert len(statements) == 5  # accepted_values, not_null, unique, relationships, the singular test
    for sql in statements:
        flat = " ".join(sql.split()).lower()
        assert flat.startswith("with ") and flat.count("dbt_internal_test as (") == 1, sql
        assert "from ( with" not in flat and "( with" not in flat, f"WITH inside a subquery:\n{sql}"
        assert "case when count(*) != 0 then 1 else 0 end as should_error" in flat, sql
        assert denylist_violations(sql) == [], sql
    singular = next(s for s in statements if "not a paren" in s)
    # the comment ending the test's select must not swallow the closing parenthesis or the comma
    assert re.search(r"-- \(not a paren\n\),", singular), singular
    assert re.search(r"\n, dbt_internal_test as \(\s*select \* from b where person_id < 0 -- none\s*\n\)", singular), singular
    pytest.importorskip("sqlfluff")
    for sql in statements:
        assert parse_errors(sql) == [], sql
