"""The Stata/R hand-off (scripts/stata_handoff.py): labels, names, value labels, the do-file, .dta and Parquet.

The first tests run on small hand-made inputs; the last ones hand off every mart of the built test
database (CAFCASS_TEST_BUILD_DB, set by `python scripts/run.py test`) and read the files back.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stata_handoff as sh
from dbt_artifacts import artifacts, mart_nodes_or_skip

LONG_NAME = "age_at_first_public_law_application_in_completed_years"  # 55 characters


def node(name: str, columns: dict[str, str], description: str = "A test mart.") -> dict[str, Any]:
    return {
        "resource_type": "model",
        "unique_id": f"model.cafcass.{name}",
        "name": name,
        "alias": name,
        "schema": "main",
        "description": description,
        "original_file_path": f"models/marts/{name}.sql",
        "columns": {c: {"name": c, "description": d} for c, d in columns.items()},
    }


COLUMNS = {
    "child_id": "The child, unique across systems (`<SOURCE_SYSTEM>-<person id>`).",
    "application_type_id": "Application type code.",
    "is_subject": "1 if the child is the subject of the application, else 0.",
    "has_disability": "`Yes` / `No` / `Unknown`.",
    "order_care": "1 when a care order was made.",
    "application_date": "Date of the application.",
    "alf_mtch_pct": "Match score, 0-1.",
    "notes": "A long text. " * 20,
    LONG_NAME: "Age in completed years at the first public-law application.",
}


def test_clean_label_fits_stata_and_cuts_at_a_word() -> None:
    text = "Days from the earliest application of the case to its final order, else to its closure date (never negative)"
    label = sh.clean_label(text)
    assert len(label) <= 80 and label.endswith("...")
    assert text.startswith(label[:-3])
    assert label[-4] != " "


def test_clean_label_does_not_end_on_a_dangling_word() -> None:
    text = "Source system of the row: ECMS (England 2014-), CMS (England 2007-2014) or CAFW (Wales), as loaded"
    assert sh.clean_label(text) == "Source system of the row: ECMS (England 2014-), CMS (England 2007-2014)..."


def test_clean_label_ends_before_an_unclosed_aside() -> None:
    text = "Case id as in the source system (NULL when the application records none or the application is missing)."
    assert sh.clean_label(text) == "Case id as in the source system..."


def test_clean_label_prefers_a_whole_first_sentence() -> None:
    text = "Date Cafcass received the application. " + "More detail that does not fit in the label at all " * 3
    assert sh.clean_label(text) == "Date Cafcass received the application."


def test_clean_label_removes_markdown_macros_and_non_ascii() -> None:
    label = sh.clean_label("`Yes` / `No` × $HOME — §31 **bold**")
    assert label == "Yes / No x HOME - s.31 bold"
    assert "`" not in label and "$" not in label and label.isascii()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_description_becomes_a_safe_stata_label(text: str) -> None:
    label = sh.clean_label(text)
    assert len(label) <= 80 and label.isascii()
    assert not any(ch in label for ch in '`$"\n\r\t')
    assert label == label.strip()


def test_stata_names_shorten_long_names_uniquely() -> None:
    names = ["child_id", LONG_NAME, LONG_NAME[:40]]
    mapping = sh.stata_names(names)
    assert mapping["child_id"] == "child_id"
    assert sh.stata_names(["mother_age_at_first_application_years"]) == {
        "mother_age_at_first_application_years": "mother_age_at_first_application"
    }  # cut at 32, no trailing underscore
    assert all(len(v) <= 32 for v in mapping.values())
    assert len(set(mapping.values())) == 3
    with pytest.raises(sh.HandoffError, match="not a valid Stata name"):
        sh.stata_names(["bad name"])


def test_seed_code_labels_from_id_and_name_pairs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "types.csv").write_text(
        "source_system,application_type_id,application_type_name\nECMS,1,Care (s31)\nCMS,1,Care (s31)\nECMS,2,Other\n",
        encoding="utf-8",
    )
    (tmp_path / "clash.csv").write_text(
        "source_system,court_id,court_name\nECMS,1,Leeds\nCMS,1,York\n", encoding="utf-8"
    )
    labels = sh.seed_code_labels(tmp_path)
    assert labels == {"application_type_id": sh.CodeList({1: "Care (s31)", 2: "Other"}, frozenset({"ECMS", "CMS"}))}
    # court_id 1 names two courts: no label rather than a wrong one


def test_seed_codes_are_applied_only_to_the_systems_the_seed_describes(tmp_path: Path) -> None:
    codes = {"application_type_id": sh.CodeList({1: "Care"}, frozenset({"ECMS"}))}
    mart = sh.build_mart(node("m", {"source_system": "System.", "application_type_id": "Type."}))
    text = sh.dofile([mart], codes, "1")
    assert 'capture assert missing(application_type_id) | inlist(source_system, "ECMS")\nif !_rc label values' in text
    con = duckdb.connect()
    con.execute("create table main.m as select * from (values ('ECMS', 1), ('CAFW', 1)) as t(source_system, application_type_id)")
    with pd.io.stata.StataReader(sh.export_mart(con, node("m", {}), codes, tmp_path).dta) as reader:
        assert reader.value_labels() == {}  # CAFW's type 1 is not ECMS's
    con.execute("delete from main.m where source_system = 'CAFW'")
    with pd.io.stata.StataReader(sh.export_mart(con, node("m", {}), codes, tmp_path).dta) as reader:
        assert reader.value_labels() == {"application_type_id": {1: "Care"}}


def test_mart_nodes_are_the_models_under_models_marts() -> None:
    manifest = {
        "nodes": {
            "model.x.b": node("b", {}),
            "model.x.a": node("a", {}),
            "model.x.stg": {**node("stg", {}), "original_file_path": "models/staging/stg.sql"},
            "test.x.t": {**node("t", {}), "resource_type": "test"},
        }
    }
    assert [n["name"] for n in sh.mart_nodes(manifest)] == ["a", "b"]


def test_flags_listed_in_a_flag_test_count_as_flags() -> None:
    test = {
        "resource_type": "test",
        "attached_node": "model.cafcass.children",
        "test_metadata": {"name": "flag_columns_are_0_1", "kwargs": {"columns": ["is_x", "ever_subject"]}},
    }
    flags = sh.tested_flags({"nodes": {"test.a": test}})
    assert flags == {"model.cafcass.children": {"is_x", "ever_subject"}}
    mart = sh.build_mart(node("children", {"ever_subject": "1 if ever.", "n_cases": "Cases."}), None, flags["model.cafcass.children"])
    assert [c.is_flag for c in mart.columns] == [True, False]


def test_dofile_loads_renames_and_labels_every_column() -> None:
    mart = sh.build_mart(node("child_applications", COLUMNS))
    text = sh.dofile([mart], {"application_type_id": sh.CodeList({1: "Care (s31)"}, frozenset())}, "1234")
    assert 'local project "1234"' in text
    load = next(line for line in text.splitlines() if line.startswith("odbc load"))
    assert "from SAILW`project'V.CHILD_APPLICATIONS\")" in load and "dsn(PR_SAIL)" in load
    short = sh.stata_names(list(COLUMNS))[LONG_NAME]
    assert f"{LONG_NAME} as {short}" in load  # names over 32 characters are aliased in the SQL
    assert text.index("rename *, lower") > text.index("odbc load")
    for col in mart.columns:
        assert re.search(rf'^label variable {col.stata_name} `"{re.escape(col.label)}"\'$', text, re.M)
        assert 0 < len(col.label) <= 80
    flag_loop = re.search(r"foreach v in ([^{]+)\{\n    capture confirm numeric", text)
    assert flag_loop and flag_loop.group(1).split() == ["is_subject", "has_disability", "order_care"]
    assert 'label define noyes 0 "No" 1 "Yes", replace' in text
    assert 'label define application_type_id 1 "Care (s31)", replace' in text
    assert "label values application_type_id application_type_id" in text
    assert re.search(r"foreach v in application_date \{", text)
    assert 'save "child_applications.dta", replace' in text


def test_export_round_trips_labels_types_and_rows(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute(
        f"""create table main.child_applications as
        select * from (values
            ('ECMS-1', 3000000001, cast(1 as smallint), 'Yes', cast(0 as smallint), date '2020-02-29',
             cast(0.95 as decimal(7, 6)), repeat('x', 3000), 4),
            ('ECMS-2', 2, cast(null as smallint), 'Unknown', cast(1 as smallint), cast(null as date),
             cast(null as decimal(7, 6)), 'short', null)
        ) as t(child_id, application_type_id, is_subject, has_disability, order_care, application_date,
               alf_mtch_pct, notes, {LONG_NAME})"""
    )
    codes = {"application_type_id": sh.CodeList({1: "Care"}, frozenset())}
    done = sh.export_mart(con, node("child_applications", COLUMNS), codes, tmp_path)
    assert done.rows == 2
    with pd.io.stata.StataReader(done.dta) as reader:  # type: ignore[arg-type]
        data = reader.read(convert_categoricals=False)
        labels, values = reader.variable_labels(), reader.value_labels()
    short = sh.stata_names(list(COLUMNS))[LONG_NAME]
    assert list(data.columns) == [sh.stata_names(list(COLUMNS))[c] for c in COLUMNS]
    assert labels["child_id"] == sh.clean_label(COLUMNS["child_id"])
    assert labels[short] == COLUMNS[LONG_NAME]
    assert values["is_subject"] == {0: "No", 1: "Yes"} and values["order_care"] == {0: "No", 1: "Yes"}
    assert "has_disability" not in values  # text Yes/No stays text
    assert values["application_type_id"] == {1: "Care"}
    assert data["application_date"].iloc[0] == pd.Timestamp("2020-02-29") and pd.isna(data["application_date"].iloc[1])
    assert data["is_subject"].isna().iloc[1] and data["alf_mtch_pct"].iloc[0] == pytest.approx(0.95)
    assert len(data["notes"].iloc[0]) == 3000  # longer than str2045: written as strL, not cut
    reader = pd.io.stata.StataReader(done.dta)
    with reader:
        reader.read(nrows=1)
        formats = dict(zip(reader._varlist, reader._fmtlist))  # no public accessor for display formats
    assert formats["application_type_id"] == "%20.0g" and formats["alf_mtch_pct"] == "%10.0g"
    assert formats["application_date"] == "%td"
    assert done.dta is not None
    table = pq.read_table(done.parquet)
    assert table.num_rows == 2 and table.column_names == list(COLUMNS)
    assert table.schema.field("child_id").metadata[b"description"].decode() == COLUMNS["child_id"]


def test_parquet_only_export_writes_no_dta(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute("create table main.m as select 1 as is_x, 'a' as name")
    done = sh.export_mart(con, node("m", {}), {}, tmp_path, dta=False)
    assert done.dta is None and not (tmp_path / "stata").exists()
    assert pq.read_table(done.parquet).num_rows == 1


def test_missing_manifest_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sh.main(["--manifest", str(tmp_path / "nope.json"), "--out", str(tmp_path)]) == 2
    assert "run `dbt parse`" in capsys.readouterr().err


# ---- every mart of the built test database ----------------------------------------------------------


@pytest.fixture(scope="module")
def handed_off(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], Any]:
    art = artifacts()
    nodes = mart_nodes_or_skip(art.manifest)
    out = tmp_path_factory.mktemp("exports")
    args = ["--manifest", str(art.target / "manifest.json"), "--out", str(out), "--build-db", str(art.build_db)]
    assert sh.main(args) == 0
    return out, nodes, art


def db_columns(build_db: Path, node: dict[str, Any]) -> list[str]:
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        rows = con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
            "order by ordinal_position",
            [node["schema"], node["alias"]],
        ).fetchall()
        return [r[0] for r in rows]
    finally:
        con.close()


def db_rows(build_db: Path, node: dict[str, Any]) -> int:
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        return int(con.execute(f"select count(*) from {node['schema']}.{node['alias']}").fetchone()[0])
    finally:
        con.close()


def test_every_mart_dta_has_labels_value_labels_and_all_rows(handed_off: tuple[Path, list[dict[str, Any]], Any]) -> None:
    out, nodes, art = handed_off
    for n in nodes:
        with pd.io.stata.StataReader(out / "stata" / f"{n['name']}.dta") as reader:
            data = reader.read(convert_categoricals=False)
            labels, values = reader.variable_labels(), reader.value_labels()
        assert len(data) == db_rows(art.build_db, n) > 0, n["name"]
        columns = db_columns(art.build_db, n)
        names = sh.stata_names(columns)
        assert list(data.columns) == [names[c] for c in columns]
        described = {c.lower(): v.get("description", "") for c, v in n["columns"].items()}
        flags = sh.tested_flags(art.manifest).get(n["unique_id"], set())
        for col in columns:
            assert labels[names[col]] == sh.clean_label(described.get(col) or sh.humanise(col)), (n["name"], col)
            if (col.startswith(sh.FLAG_PREFIXES) or col in flags) and pd.api.types.is_numeric_dtype(data[names[col]]):
                assert values[names[col]] == {0: "No", 1: "Yes"}, (n["name"], col)
                assert set(data[names[col]].dropna().unique()) <= {0, 1}, (n["name"], col)
            if sh.DATE_NAME.search(col):
                assert pd.api.types.is_datetime64_any_dtype(data[names[col]]), (n["name"], col)
        assert pq.read_metadata(out / "parquet" / f"{n['name']}.parquet").num_rows == len(data)


def test_dofile_labels_every_column_of_every_mart(handed_off: tuple[Path, list[dict[str, Any]], Any]) -> None:
    out, nodes, art = handed_off
    text = (out / "stata" / "label_marts.do").read_text(encoding="utf-8")
    for n in nodes:
        assert f"V.{n['alias'].upper()}\") dsn(PR_SAIL) clear" in text, n["name"]
        section = text.split(f"* ---- {n['name']}:", 1)[1].split("* ---- ", 1)[0]
        names = sh.stata_names(db_columns(art.build_db, n))
        for col, short in names.items():
            assert re.search(rf'^label variable {short} `"[^"]+"\'$', section, re.M), (n["name"], col)
        assert f'save "{n["name"]}.dta", replace' in section


def test_codebook_lists_every_mart_column(handed_off: tuple[Path, list[dict[str, Any]], Any]) -> None:
    out, nodes, art = handed_off
    with (out / "codebook.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for n in nodes:
        listed = [r["column"] for r in rows if r["mart"] == n["name"]]
        assert listed == db_columns(art.build_db, n), n["name"]
    assert all(r["label"] and len(r["label"]) <= 80 for r in rows)
