"""The summary report (scripts/report.py): suppression in its SQL, the SVG charts, and the page as rendered
by headless Chromium on the built test database (CAFCASS_TEST_BUILD_DB, set by `python scripts/run.py test`).
"""

from __future__ import annotations

import csv
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import duckdb
import numpy as np
import pytest

import report
from dbt_artifacts import build_db_or_skip

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars"]


def test_threshold_is_the_dbt_var(tmp_path: Path) -> None:
    assert report.small_number_threshold() == int(
        re.search(r"^\s*small_number_threshold:\s*(\d+)", (report.REPO / "dbt_project.yml").read_text(), re.M).group(1)  # type: ignore[union-attr]
    )
    project = tmp_path / "dbt_project.yml"
    project.write_text("vars:\n  small_number_threshold: 5\n", encoding="utf-8")
    assert report.small_number_threshold(project) == 5
    project.write_text("vars:\n  other: 1\n", encoding="utf-8")
    assert report.small_number_threshold(project) == report.DEFAULT_THRESHOLD
    project.write_text("vars:\n  small_number_threshold: 0\n", encoding="utf-8")
    with pytest.raises(report.ReportError):
        report.small_number_threshold(project)


def test_counts_from_1_to_threshold_minus_1_are_suppressed_in_sql() -> None:
    con = duckdb.connect()
    con.execute("create table t as select * from (values (0), (1), (9), (10), (25)) as v(n)")
    rows = con.execute(
        f"select {report.suppressed_count('n', 10)}, {report.is_small('n', 10)} from t order by n"
    ).fetchall()
    assert rows == [(0, False), (None, True), (None, True), (10, False), (25, False)]


def test_report_rule_is_the_macro_rule_on_its_fixed_cases() -> None:
    """The cases seed that tests macros/suppress_small_number.sql, applied to the report's SQL."""
    seed = report.REPO / "seeds" / "audit" / "small_number_suppression_cases.csv"
    if not seed.is_file():
        pytest.skip(f"{seed} is gone: the macro's fixed cases cannot be compared")
    t = report.small_number_threshold()
    with seed.open(encoding="utf-8", newline="") as fh:
        cases = list(csv.DictReader(fh))
    assert cases
    con = duckdb.connect()
    for case in cases:
        if case["count_value"]:
            n: int | None = int(case["count_value"])
        elif case["threshold_offset"]:
            n = t + int(case["threshold_offset"])
        else:
            n = None
        shown, small = con.execute(
            f"select {report.suppressed_count('n', t)}, {report.is_small('n', t)} from (select cast(? as integer) as n) as v",
            [n],
        ).fetchone()  # type: ignore[misc]
        expected = case["is_expected_suppressed"] == "1"
        assert bool(small) is expected, case["case_name"]
        assert shown == (None if expected else n), case["case_name"]


def make_marts(con: duckdb.DuckDBPyConnection, linked: list[tuple[int, int]]) -> None:
    """Tiny marts: one child per row of `linked` (year, has_usable_alf)."""
    con.execute("create schema m")
    con.execute(
        "create table m.children (child_id varchar, source_system varchar, first_application_date date, "
        "has_usable_alf smallint, age_band_at_first_application varchar)"
    )
    con.executemany(
        "insert into m.children values (?, 'ECMS', make_date(?, 1, 1), ?, 'Unborn')",
        [[f"c{i}", year, flag] for i, (year, flag) in enumerate(linked)],
    )
    con.execute("create table m.age_bands as select 1 as band_order, 'Unborn' as band_name")
    con.execute(
        "create table m.child_applications as select child_id, child_id as child_application_key, 1 as application_id, "
        "source_system, first_application_date as application_date, 'Public' as law_type, "
        "cast(null as varchar) as highest_order_category from m.children"
    )
    con.execute("create table m.legal_output_categories as select 'care' as category, 'Care order' as category_label, 2 as hierarchy_rank")


def test_linkage_rate_is_withheld_when_linked_or_unlinked_count_is_small() -> None:
    con = duckdb.connect()
    # 2020: 12 children, 5 linked (linked small); 2021: 30, 25 linked (unlinked small); 2022: 40, 20 linked.
    make_marts(con, [(2020, int(i < 5)) for i in range(12)] + [(2021, int(i < 25)) for i in range(30)] + [(2022, i % 2) for i in range(40)])
    cells = {c.group: c for c in report.fetch(con, report.linkage_sql("m", 10))}
    assert cells["2020"].value is None and cells["2020"].suppressed
    assert cells["2021"].value is None and cells["2021"].suppressed
    assert cells["2022"].value == 50.0 and not cells["2022"].suppressed
    per_year = {c.group: c.value for c in report.fetch(con, report.children_per_year_sql("m", 10))}
    assert per_year == {"2020": 12.0, "2021": 30.0, "2022": 40.0}
    with_small = report.fetch(con, report.children_per_year_sql("m", 13))
    assert [c.value for c in with_small if c.group == "2020"] == [None]


def test_linkage_rates_mart_is_charted_and_small_cells_stay_withheld() -> None:
    con = duckdb.connect()
    con.execute("create schema m")
    con.execute(
        """create table m.linkage_rates as select * from (values
            ('ECMS', 'Public', 2020, 'Subject', 100, 80, 0.8, 0),
            ('ECMS', 'Public', 2021, 'Subject', null, null, null, 1),
            ('ECMS', 'Public', 2022, 'Subject', 100, 95, 0.95, 0),
            ('ECMS', 'Public', 2020, 'Respondent', 100, 50, 0.5, 0)
        ) as t(source_system, law_type, application_year, role_on_application, n_people, n_with_usable_alf,
               usable_alf_rate, is_suppressed)"""
    )
    columns = [r[0] for r in con.execute("select column_name from information_schema.columns where table_name = 'linkage_rates'").fetchall()]
    sql = report.linkage_rates_mart_sql("m", 10, columns)
    assert sql is not None and report.linkage_rates_mart_sql("m", 10, ["source_system"]) is None
    cells = {c.group: c for c in report.fetch(con, sql)}
    assert set(cells) == {"2020", "2021", "2022"}  # subjects only
    assert cells["2020"].value == 80.0 and not cells["2020"].suppressed
    assert cells["2021"].value is None and cells["2021"].suppressed
    assert cells["2022"].value is None and cells["2022"].suppressed  # 5 without an ALF: the mart missed it


def test_svg_draws_one_bar_per_cell_and_hatches_suppressed_ones() -> None:
    cells = [
        report.Cell("ECMS", "2020", "Public", 120.0, False),
        report.Cell("ECMS", "2020", "Private", None, True),
        report.Cell("ECMS", "2021", "Public", 0.0, False),
    ]
    chart = report.Chart("c", "Title", "Note", "children", cells)
    svg = report.svg_panel(chart, "ECMS", 10, ["Public", "Private"])
    assert len(re.findall(r'<rect class="bar[ "]', svg)) == 3
    assert len(re.findall(r'<rect class="bar suppressed"', svg)) == 1
    assert "suppressed (fewer than 10)" in svg and "2020, Public: 120" in svg
    page = report.render([chart], 10, "x.duckdb")
    assert "<script" not in page and "&lt;10" in page


def test_missing_build_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report.main(["--build-db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r.html")]) == 2
    assert "run `python scripts/run.py build`" in capsys.readouterr().err


# ---- the page on the built test database, rendered by Chromium -------------------------------------


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium on PATH: `python scripts/run.py test` installs Debian's chromium when run as root")


def png_pixels(path: Path) -> np.ndarray:
    """The RGB pixels of an 8-bit PNG (as Chromium writes them), decoded with zlib and numpy."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), "only 8-bit RGB/RGBA"
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    stride = width * channels
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.uint8)
    for row in range(height):
        kind, line = raw[row, 0], raw[row, 1:]
        if kind == 0:
            cur = line.copy()
        elif kind == 1:  # Sub: running sum along the row, per channel
            cur = (np.cumsum(line.reshape(width, channels), axis=0, dtype=np.uint64) % 256).astype(np.uint8).ravel()
        elif kind == 2:  # Up
            cur = line + prev
        else:  # Average and Paeth depend on the pixel to the left: byte by byte
            vals, up, cur_list = line.tolist(), prev.tolist(), [0] * stride
            for i in range(stride):
                a = cur_list[i - channels] if i >= channels else 0
                b = up[i]
                if kind == 3:
                    cur_list[i] = (vals[i] + (a + b) // 2) & 255
                else:
                    c = up[i - channels] if i >= channels else 0
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    cur_list[i] = (vals[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            cur = np.array(cur_list, dtype=np.uint8)
        out[row], prev = cur, cur
    return out.reshape(height, width, channels)[:, :, :3]


def colour_pixels(pixels: np.ndarray, hex_colour: str) -> int:
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return int((np.abs(pixels.astype(np.int16) - rgb).max(axis=2) <= 8).sum())


@pytest.fixture(scope="module")
def built_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[report.Chart], int]:
    build_db = build_db_or_skip()
    out = tmp_path_factory.mktemp("report") / "summary.html"
    assert report.main(["--build-db", str(build_db), "--out", str(out)]) == 0
    threshold = report.small_number_threshold()
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        charts = report.build_charts(con, "cafcass", threshold)
    finally:
        con.close()
    return out, charts, threshold


def test_report_data_holds_no_small_number(built_report: tuple[Path, list[report.Chart], int]) -> None:
    _, charts, threshold = built_report
    assert [c.chart_id for c in charts] == [
        "children_per_year", "age_at_first_application", "highest_order_by_law_type", "linkage_rates",
    ]  # fmt: skip
    for chart in charts:
        assert chart.cells, f"{chart.chart_id} has no data"
        if not chart.percent:
            small = [c for c in chart.cells if c.value is not None and 0 < c.value < threshold]
            assert not small, (chart.chart_id, small)
        assert all(c.value is None for c in chart.cells if c.suppressed)


def test_page_is_self_contained(built_report: tuple[Path, list[report.Chart], int]) -> None:
    page = built_report[0].read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', page)


def test_chromium_draws_every_chart(built_report: tuple[Path, list[report.Chart], int]) -> None:
    out, charts, _ = built_report
    browser = chromium()
    done = subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--dump-dom", out.resolve().as_uri()], capture_output=True, text=True, timeout=120
    )
    dom = done.stdout
    assert done.returncode == 0 and "</html>" in dom, done.stderr[-2000:]
    for chart in charts:
        svgs = re.findall(rf'<svg[^>]*data-chart="{chart.chart_id}"[^>]*>(.*?)</svg>', dom, re.S)
        assert svgs, f"{chart.chart_id}: no SVG in the rendered page"
        bars = sum(len(re.findall(r'<rect class="bar[ "]', svg)) for svg in svgs)
        assert bars == len(chart.cells) > 0, chart.chart_id
    shot = out.with_suffix(".png")
    subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--window-size=1200,1600", f"--screenshot={shot}", out.resolve().as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    pixels = png_pixels(shot)
    assert pixels.shape == (1600, 1200, 3)
    # The first chart's bars are painted in the law-type colours (the legend swatches are far smaller).
    for law_type in ("Public", "Private"):
        assert colour_pixels(pixels, report.COLOURS[law_type]) > 2000, f"no {law_type} bars painted"
