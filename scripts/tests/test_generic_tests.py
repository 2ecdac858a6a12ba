"""The project's generic data tests (tests/generic/*.sql) fail on bad rows and pass on good ones.

Each test is run by dbt on DuckDB in a throwaway project (its own dbt_project.yml and profile in a temporary
folder) over a seed with one bad row per rule, so the checks are shown to be able to fail: a NULL in a
column listed to `columns_are_not_null`, a 2 and a NULL in `flag_columns_are_0_1` columns, a repeated
(flag_a, flag_b) pair for `unique_combination`. Takes ~10 s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROJECT = """name: generic_tests_check
version: "1.0"
profile: generic_tests_check
config-version: 2
seed-paths: ["seeds"]
test-paths: ["tests"]
model-paths: ["models"]
"""

PROFILE = """generic_tests_check:
  target: local
  outputs:
    local:
      type: duckdb
      path: "{path}"
      threads: 1
"""

SEED = """row_id,name,n,flag_a,flag_b
1,a,1,0,1
2,,2,1,0
3,c,,2,
4,d,4,1,1
5,e,5,1,1
"""

YML = """version: 2
seeds:
  - name: rows_with_faults
    config:
      column_types: {row_id: integer, name: varchar, n: integer, flag_a: integer, flag_b: integer}
    data_tests:
      - columns_are_not_null:
          name: bad_not_null
          arguments:
            columns: [row_id, name, n]
      - columns_are_not_null:
          name: good_not_null
          arguments:
            columns: [row_id, flag_a]
      - flag_columns_are_0_1:
          name: bad_flags
          arguments:
            columns: [flag_a, flag_b]
      - unique_combination:
          name: repeated_key
          arguments:
            columns: [flag_a, flag_b]
      - unique_combination:
          name: unique_key
          arguments:
            columns: [row_id, flag_a]
      - flag_columns_are_0_1:
          name: nullable_flag
          arguments:
            columns: [flag_b]
            nullable: [flag_b]
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    root = tmp_path_factory.mktemp("generic_tests")
    (root / "dbt_project.yml").write_text(PROJECT)
    (root / "profiles.yml").write_text(PROFILE.format(path=(root / "check.duckdb").as_posix()))
    (root / "seeds").mkdir()
    (root / "seeds" / "rows_with_faults.csv").write_text(SEED)
    (root / "seeds" / "_seeds.yml").write_text(YML)
    (root / "models").mkdir()
    shutil.copytree(REPO / "tests" / "generic", root / "tests" / "generic")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBT_", "CAFCASS_"))}
    env.update(DBT_PROFILES_DIR=str(root), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    done = subprocess.run(
        [sys.executable, "-m", "dbt.cli.main", "build", "--project-dir", str(root)],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    run_results = root / "target" / "run_results.json"
    assert run_results.exists(), done.stdout + done.stderr
    assert done.returncode == 1, "the failing tests must fail the build\n" + done.stdout
    by_name = {}
    for r in json.loads(run_results.read_text())["results"]:
        by_name[r["unique_id"].split(".")[2]] = r
    return by_name


def test_columns_are_not_null_counts_each_row_with_a_null(results: dict[str, dict[str, object]]) -> None:
    assert results["bad_not_null"]["status"] == "fail"
    assert results["bad_not_null"]["failures"] == 2  # row 2 (name) and row 3 (n)
    assert results["good_not_null"]["status"] == "pass"


def test_flag_columns_are_0_1_refuses_other_values_and_unlisted_nulls(results: dict[str, dict[str, object]]) -> None:
    assert results["bad_flags"]["status"] == "fail"
    assert results["bad_flags"]["failures"] == 1  # row 3: flag_a = 2 and flag_b NULL
    assert results["nullable_flag"]["status"] == "pass"


def test_unique_combination_returns_each_repeated_key(results: dict[str, dict[str, object]]) -> None:
    assert results["repeated_key"]["status"] == "fail"
    assert results["repeated_key"]["failures"] == 1  # (1, 1) on rows 4 and 5
    assert results["unique_key"]["status"] == "pass"
