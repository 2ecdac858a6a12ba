"""Every injected fault is in the data at its configured rate, matches the summary's ground truth, and
disappears at rate 0. All counts are measured from the DuckDB tables, not taken from the generator."""

from __future__ import annotations

import pytest

from synth import faults
from test_generator_support import Built, build, cli_build, measure, no_faults

CUSTOM_RATES = {
    "unknown_codes": 0.08,
    "conflicting_ethnicity": 0.03,
    "mistyped_birth_century": 0.02,
    "applications_without_persons": 0.02,
    "missing_dates": 0.02,
    "two_mothers": 0.03,
    "multi_role_rows": 0.03,
    "people_never_on_application": 0.05,
    "persons_missing_from_people": 0.02,
    "reloaded_rows": 0.02,
    "exact_duplicate_rows": 0.03,
}
# Denominators drift a little as later faults add or remove rows, hence a relative tolerance.
RELATIVE_TOLERANCE = 0.12


def custom() -> Built:
    args = [a for name, rate in CUSTOM_RATES.items() for a in ("--fault", f"{name}={rate}")]
    return cli_build("--preset", "small", "--seed", "5", *args)


def _check(b: Built, fault: str, rate: float) -> None:
    truth = b.summary["faults_injected"][fault]
    found = measure(b)[fault]
    for key, (count, denominator) in found.items():
        assert count == truth[key], f"{fault}/{key}: data has {count}, summary says {truth[key]}"
    total = sum(c for c, _ in found.values())
    if fault in ("exact_duplicate_rows", "unknown_codes", "missing_dates", "reloaded_rows"):  # per table / column
        for key, (count, denominator) in found.items():
            assert abs(count / denominator - rate) <= max(RELATIVE_TOLERANCE * rate, 1.5 / denominator), (
                key,
                count,
                denominator,
            )
    else:
        denominator = max(d for _, d in found.values())
        assert abs(total / denominator - rate) <= max(RELATIVE_TOLERANCE * rate, 1.5 / denominator), (
            total,
            denominator,
        )
    assert total > 0


@pytest.mark.parametrize("fault", list(faults.DEFAULT_RATES))
def test_default_rates_are_present(fault: str) -> None:
    b = build()
    assert b.summary["fault_rates"][fault] == faults.DEFAULT_RATES[fault]
    _check(b, fault, faults.DEFAULT_RATES[fault])


@pytest.mark.parametrize("fault", list(CUSTOM_RATES))
def test_rates_given_with_fault_option(fault: str) -> None:
    b = custom()
    assert b.summary["fault_rates"][fault] == CUSTOM_RATES[fault]
    _check(b, fault, CUSTOM_RATES[fault])


def test_rate_zero_leaves_no_trace() -> None:
    b = build(fault_items=no_faults())
    for fault, found in measure(b).items():
        for key, (count, _) in found.items():
            assert count == 0, f"{fault}/{key}: {count} without the fault"
            assert b.summary["faults_injected"][fault][key] == 0


def test_one_fault_alone_changes_only_its_pattern() -> None:
    b = build(fault_items=tuple({**dict(no_faults()), "two_mothers": 0.05}.items()))
    found = measure(b)
    assert found["two_mothers"]["children"][0] > 0
    assert found["exact_duplicate_rows"]["CAFE_ECMS_PEOPLE"][0] == 0
    assert found["multi_role_rows"]["person_applications_2_rows"][0] == 0


def test_mistyped_centuries_hit_children_and_adults_with_the_four_typos() -> None:
    b = custom()
    truth = b.summary["faults_injected"]["mistyped_birth_century"]
    assert truth["children"] > 0 and truth["adults"] > 0
    centuries = {
        r[0]
        for r in b.rows(
            "select distinct year(WEEKOFBIRTH) // 100 from {PEOPLE} where year(WEEKOFBIRTH) not between 1900 and 2099"
        )
    }
    assert centuries == {18, 22, 29, 79}


def test_multi_role_rows_differ_in_their_flags() -> None:
    b = custom()
    same = b.one(
        "select count(*) from (select PERSON_ID_PE, APPLICATION_ID_PE from {PERSONSONAPPLICATIONS}"
        " group by 1, 2 having count(distinct ID_PE) > 1"
        " and count(distinct ISSUBJECT || ISRESPONDENT || ISAPPLICANT || ISOTHER) < count(distinct ID_PE))"
    )
    assert same == 0


def test_conflicting_ethnicities_come_from_different_sources() -> None:
    b = custom()
    assert (
        b.one(
            "select count(*) from (select PERSON_ID_PE from {ETHNICITIES} where ETHNICITYTYPE_ID not in (19, 22)"
            " group by 1 having count(distinct ETHNICITYTYPE_ID) > 1 and count(distinct SOURCE_ID) < 2)"
        )
        == 0
    )


def test_duplicates_are_whole_rows_and_reloads_differ_only_in_load_columns() -> None:
    b = custom()
    for table in ("PERSONRELATIONSHIPS", "LEGALOUTPUTS", "PERSONSONAPPLICATIONS"):
        dup_ids = b.one(f"select count(*) - count(distinct ID_PE) from {{{table}}}")
        dup_rows = b.one(
            f"select count(*) - (select count(*) from (select distinct * from {{{table}}})) from {{{table}}}"
        )
        assert dup_ids == dup_rows > 0, table
    truth = b.summary["faults_injected"]
    repeated_ids = b.one("select count(*) - count(distinct ID_PE) from {PEOPLE}")
    assert (
        repeated_ids == truth["exact_duplicate_rows"]["CAFE_ECMS_PEOPLE"] + truth["reloaded_rows"]["CAFE_ECMS_PEOPLE"]
    )
    content = "ID_PE, ALF_PE, ALF_STS_CD, ALF_MTCH_PCT, ALF2_PE, GENDER, WEEKOFBIRTH"
    assert b.one(
        f"select count(*) - (select count(*) from (select distinct {content} from {{PEOPLE}})) from {{PEOPLE}}"
    ) == (repeated_ids)
