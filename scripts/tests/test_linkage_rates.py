"""The linkage_rates audit mart on the built test database: its Cafcass Cymru rates agree with the rates the
generator produced (the summary JSON beside the raw database), and suppression withholds small cells.

Needs CAFCASS_TEST_BUILD_DB and CAFCASS_TEST_RAW_DB (set by `python scripts/run.py test`); skips otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dbt_artifacts import build_db_or_skip

THRESHOLD = 10  # dbt var small_number_threshold (default)
# The generator's truth is counted before its faults; the faults then remove ~1 % of ALF rows, give 0.5 % of
# person-applications a second role (they move to `Unclear`) and blank 0.5 % of application dates.
RATE_TOLERANCE = 0.03
COUNT_TOLERANCE = 0.04


def _summary() -> dict[str, Any]:
    raw = os.environ.get("CAFCASS_TEST_RAW_DB", "")
    path = Path(raw + ".summary.json")
    if not raw or not path.is_file():
        pytest.skip("CAFCASS_TEST_RAW_DB does not name a generated raw database with its summary JSON")
    return json.loads(path.read_text(encoding="utf-8"))


def _cells() -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(build_db_or_skip()), read_only=True)
    try:
        return con.execute(
            "select law_type, role_on_application, application_year, n_people, n_with_alf, n_with_usable_alf,"
            " usable_alf_rate, is_suppressed from cafcass.linkage_rates where source_system = 'CAFW'"
        ).fetchall()
    finally:
        con.close()


PAIRS = [("Public", "Subject"), ("Public", "Respondent"), ("Private", "Subject"), ("Private", "Respondent"),
         ("Private", "Applicant")]  # fmt: skip


@pytest.mark.parametrize(("law", "role"), PAIRS, ids=lambda x: x)
def test_cafw_usable_alf_rates_match_what_the_generator_produced(law: str, role: str) -> None:
    truth = _summary()["cafw"]["alf"]["usable_by_law_type_and_role"][law][role]["by_year"]
    shown = [c for c in _cells() if c[0] == law and c[1] == role and c[7] == 0]
    assert len(shown) >= 3, f"too few unsuppressed {law} {role} cells to compare"
    # Pool over the cells the mart shows, and the generator's counts for the same years: pooling over every
    # year would compare against cells that suppression withheld (they differ systematically: few unlinked).
    n = sum(c[3] for c in shown)
    usable = sum(c[5] for c in shown)
    true_n = sum(truth[str(c[2])][0] for c in shown)
    true_usable = sum(truth[str(c[2])][1] for c in shown)
    assert n == pytest.approx(true_n, rel=COUNT_TOLERANCE)
    assert usable / n == pytest.approx(true_usable / true_n, abs=RATE_TOLERANCE)
    for c in shown:
        assert float(c[6]) == pytest.approx(c[5] / c[3], abs=1e-6)


def test_no_applicant_persons_in_cafw_public_law() -> None:
    """The local authority applies in public law: the generator lists no applicant person, nor does the mart."""
    assert _summary()["cafw"]["alf"]["usable_by_law_type_and_role"]["Public"]["Applicant"]["n_person_years"] == 0
    assert not [c for c in _cells() if c[0] == "Public" and c[1] == "Applicant"]


def test_cafw_cells_cover_every_year_and_small_cells_are_withheld() -> None:
    cells = _cells()
    years = {c[2] for c in cells if c[0] == "Public"}
    assert set(range(2011, 2024)) <= years
    assert {c[2] for c in cells if c[0] == "Private"} >= set(range(2005, 2024))
    suppressed = [c for c in cells if c[7] == 1]
    assert suppressed, "the small preset has cells under the threshold (e.g. public-law other parties)"
    assert all(c[3] is None and c[5] is None and c[6] is None for c in suppressed)
    for c in cells:
        if c[7] == 0:
            assert all(x == 0 or x >= THRESHOLD for x in (c[3], c[4], c[5], c[3] - c[4], c[3] - c[5])), c
