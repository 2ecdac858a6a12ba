"""Shared by the generator tests (no tests here): small databases built once per pytest run, and
measurements of each fault taken from the data itself."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from synth import faults, lookups_ecms as lk
from synth.pipeline import generate
from synth.presets import Config
from synth.schema import DATA_SCHEMA_KIND, TABLES_BY_NAME

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "generate_data.py"
TEST_SEED = 20240111
_TMP = Path(tempfile.mkdtemp(prefix="generator-tests-"))
atexit.register(shutil.rmtree, _TMP, True)


@dataclass(frozen=True)
class Built:
    path: Path
    summary: dict[str, Any]

    def con(self) -> duckdb.DuckDBPyConnection:
        return _connection(str(self.path))

    def t(self, base: str) -> str:
        """Qualified physical name of a schema.py table."""
        table = TABLES_BY_NAME[base]
        schema = self.summary["data_schema"] if table.kind == DATA_SCHEMA_KIND else self.summary["ref_schema"]
        return f'"{schema}"."{table.physical_name(self.summary["ecms_refresh_date"])}"'

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.con().execute(self.expand(sql)).fetchall()

    def one(self, sql: str) -> Any:
        return self.rows(sql)[0][0]

    def expand(self, sql: str) -> str:
        """Replace {APPLICATIONS}, {PEOPLE}, {ECMS_APPLICATIONTYPES}... by physical names."""
        names = {b.removeprefix("CAFE_ECMS_"): self.t(b) for b in TABLES_BY_NAME if b.startswith("CAFE_")}
        names |= {b: self.t(b) for b in TABLES_BY_NAME if b.startswith("ECMS_")}
        return sql.format(**names)


@functools.cache
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """One read-only connection per database for the whole run (files are never rewritten)."""
    return duckdb.connect(path, read_only=True)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=REPO)


@functools.cache
def cli_build(*args: str) -> Built:
    """Generate through the command line (as users and CI do)."""
    out = _TMP / f"cli-{len(list(_TMP.iterdir()))}" / "raw.duckdb"
    result = run_cli(*args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return Built(out, json.loads(out.with_name(out.name + ".summary.json").read_text()))


@functools.cache
def build(seed: int = TEST_SEED, fault_items: tuple[tuple[str, float], ...] = (), scale: float = 1.0) -> Built:
    """Generate in-process (faster), preset small."""
    out = _TMP / f"lib-{seed}-{len(list(_TMP.iterdir()))}" / "raw.duckdb"
    cfg = Config(preset="small", seed=seed, scale=scale, fault_rates=dict(fault_items))
    summary = generate(cfg, out, log=lambda *_: None)
    return Built(out, summary)


def no_faults() -> tuple[tuple[str, float], ...]:
    return tuple((name, 0.0) for name in faults.DEFAULT_RATES)


# --- fault measurements: (count found in the data, denominator) -------------------------------------------------


def _unknown_sql(table: str, col: str, codes: tuple[int, ...]) -> str:
    return f"select count(distinct ID_PE) filter (where {col} in {codes}), count(distinct ID_PE) from {{{table}}}"


def measure(b: Built) -> dict[str, dict[str, tuple[int, int]]]:
    """What each fault left in the data, measured with SQL only."""
    return _measure(b.path, json.dumps(b.summary))


@functools.cache
def _measure(path: Path, summary: str) -> dict[str, dict[str, tuple[int, int]]]:
    b = Built(path, json.loads(summary))
    m: dict[str, dict[str, tuple[int, int]]] = {}
    m["exact_duplicate_rows"] = {t: _duplicates(b, t.removeprefix("CAFE_ECMS_")) for t in faults.DUPLICATED_TABLES}
    m["reloaded_rows"] = {
        t: b.rows(
            f"select count(distinct ID_PE) filter (where AVAIL_FROM_DT < strptime('{b.summary['ecms_refresh_date']}', '%Y%m%d')),"
            f" count(distinct ID_PE) from {{{t.removeprefix('CAFE_ECMS_')}}}"
        )[0]
        for t in ("CAFE_ECMS_PEOPLE", *faults.CHARACTERISTIC_TABLES)
    }
    per_pa = b.rows(
        "select n, count(*) from (select count(distinct ID_PE) n from {PERSONSONAPPLICATIONS}"
        " group by PERSON_ID_PE, APPLICATION_ID_PE) group by n"
    )
    pairs = sum(c for _, c in per_pa)
    by_n = dict(per_pa)
    m["multi_role_rows"] = {
        "person_applications_2_rows": (by_n.get(2, 0), pairs),
        "person_applications_3_rows": (by_n.get(3, 0), pairs),
    }
    m["conflicting_ethnicity"] = {
        "people": b.rows(
            "select count(*) filter (where n > 1), (select count(distinct PERSON_ID_PE) from {ETHNICITIES}) from"
            f" (select count(distinct ETHNICITYTYPE_ID) n from {{ETHNICITIES}}"
            f" where ETHNICITYTYPE_ID not in ({lk.ETHNICITY_PREFER_NOT}, {lk.ETHNICITY_UNKNOWN}) group by PERSON_ID_PE)"
        )[0]
    }
    m["unknown_codes"] = {
        t: b.rows(_unknown_sql(t.removeprefix("CAFE_ECMS_"), col, codes))[0]
        for t, (col, codes) in faults.CHARACTERISTIC_TABLES.items()
    }
    m["mistyped_birth_century"] = {
        "people": b.rows(
            "select count(distinct ID_PE) filter (where year(WEEKOFBIRTH) < 1900 or year(WEEKOFBIRTH) >= 2100),"
            " count(distinct ID_PE) filter (where WEEKOFBIRTH is not null) from {PEOPLE}"
        )[0]
    }
    m["missing_dates"] = {
        f"{t}.{c}": b.rows(
            f"select count(distinct ID_PE) filter (where {c} is null), count(distinct ID_PE) from {{{t.removeprefix('CAFE_ECMS_')}}}"
        )[0]
        for t, c in faults.DATE_COLUMNS
    }
    m["two_mothers"] = {
        "children": b.rows(
            "select count(*) filter (where n > 1), count(*) from (select r.PERSON_ID_PE, count(distinct r.RELATEDPERSON_ID_PE) n"
            " from {PERSONRELATIONSHIPS} r join (select distinct ID_PE, GENDER from {PEOPLE}) p on p.ID_PE = r.RELATEDPERSON_ID_PE"
            " where r.RELATIONSHIPTYPE_ID = 1 and p.GENDER = 'Female'"
            " and r.PERSON_ID_PE in (select PERSON_ID_PE from {PERSONSONAPPLICATIONS} where ISSUBJECT = 'true')"
            " group by r.PERSON_ID_PE)"
        )[0]
    }
    m["applications_without_persons"] = {
        "applications": b.rows(
            "select count(*) filter (where ID_PE not in (select APPLICATION_ID_PE from {PERSONSONAPPLICATIONS})),"
            " count(*) filter (where ID_PE in (select APPLICATION_ID_PE from {PERSONSONAPPLICATIONS})) from {APPLICATIONS}"
        )[0]
    }
    m["people_never_on_application"] = {
        "people": b.rows(
            "select count(distinct ID_PE) filter (where ID_PE not in (select PERSON_ID_PE from {PERSONSONAPPLICATIONS})"
            " and ID_PE not in (select PERSON_ID_PE from {PERSONRELATIONSHIPS})"
            " and ID_PE not in (select RELATEDPERSON_ID_PE from {PERSONRELATIONSHIPS})), count(distinct ID_PE) from {PEOPLE}"
        )[0]
    }
    m["persons_missing_from_people"] = {"persons": missing_persons_count(b)}
    return m


def _duplicates(b: Built, table: str) -> tuple[int, int]:
    """(rows that repeat another row whole, distinct rows)."""
    distinct = b.one(f"select count(*) from (select distinct * from {{{table}}})")
    return b.one(f"select count(*) from {{{table}}}") - distinct, distinct


def missing_persons_count(b: Built) -> tuple[int, int]:
    return b.rows(
        "select count(distinct PERSON_ID_PE) filter (where PERSON_ID_PE not in (select ID_PE from {PEOPLE})),"
        " count(distinct PERSON_ID_PE) from {PERSONSONAPPLICATIONS}"
    )[0]
