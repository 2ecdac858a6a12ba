"""Summary report of the marts: one self-contained HTML page with inline SVG charts (no JavaScript, no network).

    python scripts/report.py --build-db data/build/cafcass_dataset.duckdb      # -> data/reports/summary.html

Charts: children entering proceedings per year by law type and source system; age band at the first
application; highest order by law type; ALF linkage rates. Every count below var `small_number_threshold`
(dbt_project.yml, default 10) is suppressed in the SQL that feeds the page, by the rule of
macros/suppress_small_number.sql (0 is shown, 1 to threshold - 1 is withheld), and so is every rate
computed from a withheld count; suppressed cells are drawn as hatched stubs and listed as "<threshold".
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BUILD_DB = REPO / "data" / "build" / "cafcass_dataset.duckdb"
DEFAULT_OUT = REPO / "data" / "reports" / "summary.html"
DEFAULT_THRESHOLD = 10

LAW_TYPES = ["Public", "Private", "Unknown"]
SYSTEMS = ["ECMS", "CMS", "CAFW"]
COLOURS = {
    "Public": "#1f5fa8", "Private": "#e08a1e", "Unknown": "#8c8c8c",
    "ECMS": "#2e8b57", "CMS": "#7b52ab", "CAFW": "#c0392b",
}  # fmt: skip
FALLBACK_COLOURS = ["#17becf", "#bcbd22", "#e377c2", "#8c564b"]


class ReportError(Exception):
    """The build cannot feed the report (missing database or mart); the message says what to do."""


def small_number_threshold(project_file: Path = REPO / "dbt_project.yml") -> int:
    """The dbt var `small_number_threshold`, the one macro suppress_small_number uses."""
    data = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    value = (data.get("vars") or {}).get("small_number_threshold", DEFAULT_THRESHOLD)
    threshold = int(value)
    if threshold < 1:
        raise ReportError(f"small_number_threshold must be at least 1, not {value!r}")
    return threshold


def suppressed_count(expr: str, t: int) -> str:
    """SQL: the count, NULL when 1 to t - 1 (macro suppress_small_number)."""
    return f"case when {expr} > 0 and {expr} < {t} then null else {expr} end"


def is_small(expr: str, t: int) -> str:
    return f"({expr} > 0 and {expr} < {t})"


def children_per_year_sql(s: str, t: int) -> str:
    """Children by calendar year of their first application, its law type and the source system."""
    return f"""
with first_applications as (
    select
        source_system, law_type, application_date,
        row_number() over (
            partition by child_id
            order by case when application_date is null then 1 else 0 end asc, application_date asc,
                application_id asc, child_application_key asc
        ) as application_rank
    from {s}.child_applications
),
counted as (
    select source_system, coalesce(law_type, 'Unknown') as law_type,
        cast(year(application_date) as varchar) as year, count(*) as n
    from first_applications
    where application_rank = 1 and application_date is not null
    group by source_system, coalesce(law_type, 'Unknown'), year(application_date)
)
select source_system as panel, year as grp, law_type as series,
    {suppressed_count('n', t)} as value, {is_small('n', t)} as is_suppressed
from counted
order by panel, grp, series
"""


def age_bands_sql(s: str, t: int) -> str:
    """Children by age band at the first application (seed age_bands order) and source system."""
    return f"""
with counted as (
    select children.source_system, coalesce(bands.band_order, 999) as band_order,
        coalesce(children.age_band_at_first_application, 'Age unknown') as band, count(*) as n
    from {s}.children as children
    left join {s}.age_bands as bands on children.age_band_at_first_application = bands.band_name
    group by children.source_system, coalesce(bands.band_order, 999),
        coalesce(children.age_band_at_first_application, 'Age unknown')
)
select 'All children' as panel, band as grp, source_system as series,
    {suppressed_count('n', t)} as value, {is_small('n', t)} as is_suppressed
from counted
order by band_order, grp, series
"""


def highest_order_sql(s: str, t: int) -> str:
    """Child-applications by the highest order made on them (hierarchy seed) and law type."""
    return f"""
with counted as (
    select coalesce(ca.law_type, 'Unknown') as law_type, coalesce(cat.hierarchy_rank, 999) as rank,
        coalesce(cat.category_label, ca.highest_order_category, 'No order recorded') as category,
        count(*) as n
    from {s}.child_applications as ca
    left join {s}.legal_output_categories as cat on ca.highest_order_category = cat.category
    group by coalesce(ca.law_type, 'Unknown'), coalesce(cat.hierarchy_rank, 999),
        coalesce(cat.category_label, ca.highest_order_category, 'No order recorded')
)
select 'All child-applications' as panel, category as grp, law_type as series,
    {suppressed_count('n', t)} as value, {is_small('n', t)} as is_suppressed
from counted
order by rank, grp, series
"""


def linkage_sql(s: str, t: int) -> str:
    """Percent of children with a usable ALF by source system and year of first application.

    The rate is withheld when the linked or the unlinked count is 1 to t - 1 (either would disclose the other).
    """
    return f"""
with counted as (
    select source_system, cast(year(first_application_date) as varchar) as year, count(*) as n,
        sum(case when has_usable_alf = 1 then 1 else 0 end) as n_linked
    from {s}.children
    where first_application_date is not null
    group by source_system, year(first_application_date)
)
select 'Children with a usable ALF' as panel, year as grp, source_system as series,
    case when {is_small('n_linked', t)} or {is_small('n - n_linked', t)} then null
        else round(100.0 * n_linked / n, 1) end as value,
    ({is_small('n_linked', t)} or {is_small('n - n_linked', t)}) as is_suppressed
from counted
order by panel, grp, series
"""


LINKAGE_MART_COLUMNS = {
    "source_system", "law_type", "application_year", "role_on_application", "n_people", "n_with_usable_alf",
    "usable_alf_rate", "is_suppressed",
}  # fmt: skip


def linkage_rates_mart_sql(s: str, t: int, columns: list[str]) -> str | None:
    """Usable-ALF rate of subjects from the audit mart `linkage_rates`, when it is built; else None.

    The mart suppresses its own cells; the report withholds again any rate whose counts (linked or not
    linked) are small, so a mart that forgot a cell still cannot leak a small number here.
    """
    if not LINKAGE_MART_COLUMNS <= set(columns):
        return None
    small = (
        f"(is_suppressed = 1 or n_people is null or n_with_usable_alf is null or usable_alf_rate is null "
        f"or {is_small('n_with_usable_alf', t)} or {is_small('n_people - n_with_usable_alf', t)})"
    )
    return f"""
select law_type as panel, cast(application_year as varchar) as grp, source_system as series,
    case when {small} then null else round(100.0 * usable_alf_rate, 1) end as value,
    {small} as is_suppressed
from {s}.linkage_rates
where role_on_application = 'Subject' and application_year is not null
order by case law_type when 'Public' then 1 when 'Private' then 2 else 3 end, grp, series
"""


@dataclass(frozen=True)
class Cell:
    panel: str
    group: str
    series: str
    value: float | None
    suppressed: bool


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    note: str
    value_label: str
    cells: list[Cell]
    percent: bool = False


def fetch(con: Any, sql: str) -> list[Cell]:
    rows = con.execute(sql).fetchall()
    return [Cell(str(p), str(g), str(s), None if v is None else float(v), bool(x)) for p, g, s, v, x in rows]


def ordered(values: list[str], preferred: list[str]) -> list[str]:
    seen = list(dict.fromkeys(values))
    return [v for v in preferred if v in seen] + [v for v in seen if v not in preferred]


def colour(series: str, all_series: list[str]) -> str:
    if series in COLOURS:
        return COLOURS[series]
    return FALLBACK_COLOURS[all_series.index(series) % len(FALLBACK_COLOURS)]


def nice_max(value: float) -> tuple[float, float]:
    """An axis maximum >= value and a tick step, on a 1-2-5 scale."""
    if value <= 0:
        return 1.0, 1.0
    step = 10 ** math.floor(math.log10(value / 5))
    for mult in (1, 2, 5, 10):
        if value / (step * mult) <= 5:
            step *= mult
            break
    return step * math.ceil(value / step), step


def fmt(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:,.0f}"


def svg_panel(chart: Chart, panel: str, threshold: int, series_all: list[str]) -> str:
    """One grouped-bar SVG: x = groups, one bar per series; suppressed cells as hatched stubs."""
    cells = [c for c in chart.cells if c.panel == panel]
    groups = list(dict.fromkeys(c.group for c in cells))
    series = [s for s in series_all if any(c.series == s for c in cells)]
    by_key = {(c.group, c.series): c for c in cells}
    left, right, top = 60, 20, 20
    bar_w = 9 if len(groups) * len(series) > 40 else 14
    width = max(420, left + right + (bar_w * len(series) + 8) * len(groups))
    group_w = (width - left - right - 8) / max(1, len(groups))
    bar_w = min(bar_w * 2, int((group_w - 8) / max(1, len(series))))
    longest = max((len(g) for g in groups), default=0)
    long_labels = longest * 6.5 > group_w  # labels wider than their group are written at an angle
    bottom = 40 + (min(longest, 40) * 5 if long_labels else 0)
    plot_h = 220
    height = top + plot_h + bottom
    top_value = max((c.value for c in cells if c.value is not None), default=0.0)
    ymax, step = (100.0, 20.0) if chart.percent else nice_max(top_value)
    ymax = max(ymax, top_value)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / ymax

    hatch = f"hatch-{chart.chart_id}-{re.sub(r'[^A-Za-z0-9]+', '_', panel)}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{chart.chart_id}" '
        f'data-panel="{html.escape(panel)}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{html.escape(chart.title + ": " + panel)}">',
        f'<defs><pattern id="{hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#555" stroke-width="2"/>'
        "</pattern></defs>",
    ]
    tick = 0.0
    while tick <= ymax + 1e-9:
        out.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e5e5e5"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11">{fmt(tick, chart.percent)}</text>'
        )
        tick += step
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333"/>')
    for gi, group in enumerate(groups):
        x0 = left + 4 + gi * group_w + (group_w - 8 - bar_w * len(series)) / 2
        for si, name in enumerate(series):
            cell = by_key.get((group, name))
            if cell is None:
                continue
            x = round(x0 + si * bar_w, 1)
            tip = f"{group}, {name}: "
            if cell.value is None:
                tip += f"suppressed (fewer than {threshold})"
                out.append(
                    f'<rect class="bar suppressed" x="{x}" y="{y(0) - 6:.1f}" width="{bar_w - 1}" height="6" '
                    f'fill="url(#{hatch})" stroke="{colour(name, series_all)}"><title>{html.escape(tip)}</title></rect>'
                )
            else:
                tip += fmt(cell.value, chart.percent)
                h = y(0) - y(cell.value)
                out.append(
                    f'<rect class="bar" x="{x}" y="{y(cell.value):.1f}" width="{bar_w - 1}" height="{h:.1f}" '
                    f'fill="{colour(name, series_all)}"><title>{html.escape(tip)}</title></rect>'
                )
        cx = x0 + bar_w * len(series) / 2
        label = html.escape(group if len(group) <= 40 else group[:37] + "...")
        if long_labels:
            out.append(
                f'<text x="{cx:.1f}" y="{y(0) + 12:.1f}" font-size="11" text-anchor="end" '
                f'transform="rotate(-40 {cx:.1f} {y(0) + 12:.1f})">{label}</text>'
            )
        else:
            out.append(f'<text x="{cx:.1f}" y="{y(0) + 15:.1f}" font-size="11" text-anchor="middle">{label}</text>')
    out.append(
        f'<text x="14" y="{top + plot_h / 2:.0f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 14 {top + plot_h / 2:.0f})">{html.escape(chart.value_label)}</text>'
    )
    out.append("</svg>")
    return "".join(out)


def legend(series: list[str]) -> str:
    items = "".join(
        f'<span class="key"><span class="swatch" style="background:{colour(s, series)}"></span>{html.escape(s)}</span>'
        for s in series
    )
    return f'<div class="legend">{items}<span class="key"><span class="swatch hatch"></span>suppressed</span></div>'


def data_table(chart: Chart, threshold: int) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(c.panel)}</td><td>{html.escape(c.group)}</td><td>{html.escape(c.series)}</td>"
        f'<td class="num">{"&lt;" + str(threshold) if c.value is None and c.suppressed else ("-" if c.value is None else fmt(c.value, chart.percent))}</td></tr>'
        for c in chart.cells
    )
    return (
        f"<details><summary>Data ({len(chart.cells)} cells)</summary><table><thead><tr><th>panel</th><th>group</th>"
        f"<th>series</th><th>{html.escape(chart.value_label)}</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def render(charts: list[Chart], threshold: int, source: str) -> str:
    sections = []
    for chart in charts:
        series = ordered([c.series for c in chart.cells], LAW_TYPES + SYSTEMS)
        panels = ordered([c.panel for c in chart.cells], SYSTEMS + LAW_TYPES)
        body = "".join(
            f'<figure><figcaption>{html.escape(p)}</figcaption>{svg_panel(chart, p, threshold, series)}</figure>'
            for p in panels
        )
        if not chart.cells:
            body = "<p><em>No data in this build.</em></p>"
        sections.append(
            f'<section id="{chart.chart_id}"><h2>{html.escape(chart.title)}</h2><p>{html.escape(chart.note)}</p>'
            f"{legend(series)}{body}{data_table(chart, threshold)}</section>"
        )
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cafcass marts: summary</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1400px; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.2em; margin-top: 2em; }}
figure {{ display: inline-block; margin: 0 1.5em 1em 0; vertical-align: top; }}
figcaption {{ font-weight: 600; font-size: 0.9em; }}
.legend {{ font-size: 0.85em; margin: 0.4em 0; }} .key {{ margin-right: 1.2em; }}
.swatch {{ display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }}
.swatch.hatch {{ background: repeating-linear-gradient(45deg, #fff 0 2px, #555 2px 4px); border: 1px solid #555; }}
table {{ border-collapse: collapse; font-size: 0.8em; }} td, th {{ border: 1px solid #ddd; padding: 2px 6px; }}
.num {{ text-align: right; }} .note {{ background: #f6f6f6; padding: 0.6em 1em; font-size: 0.9em; }}
</style></head><body>
<h1>Cafcass child-level marts: summary</h1>
<p class="note">Built from <code>{html.escape(source)}</code> on {stamp}. Small-number suppression: every count
from 1 to {threshold - 1} (dbt var <code>small_number_threshold</code> = {threshold}) is withheld, shown as a
hatched stub and as &lt;{threshold} in the data tables; rates are withheld when either of their counts is.
Synthetic data outside SAIL: the numbers describe the generator, not Cafcass.</p>
{"".join(sections)}
</body></html>
"""


def build_charts(con: Any, schema: str, threshold: int) -> list[Chart]:
    def has(table: str) -> list[str]:
        rows = con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
            "order by ordinal_position",
            [schema, table],
        ).fetchall()
        return [str(r[0]) for r in rows]

    for mart in ("child_applications", "children"):
        if not has(mart):
            raise ReportError(f"mart {schema}.{mart} is not in the build: run `python scripts/run.py build` first")
    mart_sql = linkage_rates_mart_sql(schema, threshold, has("linkage_rates"))
    linkage_note = (
        "Percent of the subjects of applications with a usable ALF, by year of application, law type and "
        "source system (audit mart linkage_rates)."
        if mart_sql
        else "Percent of children with a usable ALF, by year of first application and source system (from "
        "children.has_usable_alf: the linkage_rates mart is not in this build)."
    )
    return [
        Chart(
            "children_per_year",
            "Children entering proceedings per year, by law type and source system",
            "Children by calendar year of their first application and the law type of that application.",
            "children",
            fetch(con, children_per_year_sql(schema, threshold)),
        ),
        Chart(
            "age_at_first_application",
            "Age at first application",
            "Children by age band (seed age_bands) at their first application, by source system.",
            "children",
            fetch(con, age_bands_sql(schema, threshold)),
        ),
        Chart(
            "highest_order_by_law_type",
            "Highest order by law type",
            "Child-applications by the highest order made on them (hierarchy of seed legal_output_categories).",
            "child-applications",
            fetch(con, highest_order_sql(schema, threshold)),
        ),
        Chart(
            "linkage_rates",
            "Linkage rates",
            linkage_note,
            "% with usable ALF",
            fetch(con, mart_sql or linkage_sql(schema, threshold)),
            percent=True,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-db", type=Path, default=DEFAULT_BUILD_DB)
    parser.add_argument("--schema", default="cafcass", help="schema of the marts in the build (default cafcass)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--threshold", type=int, help="override var small_number_threshold")
    args = parser.parse_args(argv)
    try:
        import duckdb

        threshold = args.threshold if args.threshold is not None else small_number_threshold()
        if threshold < 1:
            raise ReportError("--threshold must be at least 1")
        if not args.build_db.is_file():
            raise ReportError(f"build database {args.build_db} not found: run `python scripts/run.py build` first")
        con = duckdb.connect(str(args.build_db), read_only=True)
        try:
            charts = build_charts(con, args.schema, threshold)
        finally:
            con.close()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render(charts, threshold, args.build_db.name), encoding="utf-8")
        cells = sum(len(c.cells) for c in charts)
        print(f"report: {args.out} ({len(charts)} charts, {cells} cells, threshold {threshold})", flush=True)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
