"""Run dbt in-process against a fake DB2 driver and print every SQL statement dbt sends, as JSON.

Used by scripts/tests/test_db2_materialization.py, with .venv-db2's Python (it needs ibm-dbt-db2):

    python fake_db2_driver.py run --target db2_offline --select children

ibm_db_dbi.connect is replaced by an object that records statements and answers the few catalog
queries dbt makes (schemas, and the relations listed in the FAKE_DB2_RELATIONS environment variable:
a JSON list of [database, schema, name, "table"|"view"]); data tests all pass. Nothing reaches a server.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import ibm_db_dbi

STATEMENTS: list[str] = []
RELATIONS = [tuple(r) for r in json.loads(os.environ.get("FAKE_DB2_RELATIONS", "[]"))]


class FakeCursor:
    def __init__(self) -> None:
        self.description: list[tuple[str, Any]] | None = None
        self.rowcount = 0
        self._rows: list[tuple[Any, ...]] = []

    def execute(self, sql: str, *args: Any) -> None:
        STATEMENTS.append(sql)
        text = " ".join(sql.split()).upper()
        self.description, self._rows = None, []
        if "FROM SYSCAT.SCHEMATA" in text and "COUNT(*)" in text:
            self.description, self._rows = [("SCHEMA_EXISTS", ibm_db_dbi.NUMBER)], [(1,)]
        elif "FROM SYSCAT.SCHEMATA" in text:
            self.description, self._rows = [("NAME", ibm_db_dbi.STRING)], [("SAILW1661V",)]
        elif "FROM SYSCAT.TABLES" in text:
            self.description = [(c, ibm_db_dbi.STRING) for c in ("DATABASE", "SCHEMA", "NAME", "TYPE")]
            self._rows = list(RELATIONS)
        elif "DBT_INTERNAL_TEST" in text:  # a data test: report it as passing
            self.description = [(c, ibm_db_dbi.NUMBER) for c in ("FAILURES", "SHOULD_WARN", "SHOULD_ERROR")]
            self._rows = [(0, 0, 0)]

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        return self._rows[:size]

    def close(self) -> None:
        pass


class FakeConnection:
    def cursor(self) -> FakeCursor:
        return FakeCursor()

    def commit(self) -> None:
        STATEMENTS.append("<commit>")

    def rollback(self) -> None:
        STATEMENTS.append("<rollback>")

    def close(self) -> None:
        pass


def main() -> int:
    ibm_db_dbi.connect = lambda *a, **k: FakeConnection()  # type: ignore[assignment]
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(sys.argv[1:])
    print("FAKE_DB2_RESULT " + json.dumps({"success": result.success, "statements": STATEMENTS}))
    return 0 if result.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
