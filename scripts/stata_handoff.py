"""Hand the marts to Stata, R and Python users: a labelling do-file, .dta and Parquet files.

    python scripts/stata_handoff.py --manifest target/manifest.json                 # do-file only
    python scripts/stata_handoff.py --manifest target/manifest.json --build-db data/build/cafcass_dataset.duckdb

Every model under models/marts (as recorded in dbt's manifest.json: run `dbt parse` or `dbt docs generate`
first) is handed off; nothing is listed by hand. A catalog.json beside the manifest (`dbt docs generate`)
supplies the columns as built, so a column the YAML forgot is still labelled (by its name).

- `<out>/stata/label_marts.do` loads each mart inside SAIL over ODBC (`odbc load ... dsn(PR_SAIL)`),
  lower-cases the names DB2 folded to upper case, labels every variable from its dbt description (cut to
  Stata's 80 characters), gives 0/1 flags (`is_*`, `has_*`, `order_*`) the labels No/Yes and coded `*_id`
  columns the names from the code-list seeds, formats dates as %td and saves `<mart>.dta`. It needs only
  the manifest and the seeds, so it can be generated inside SAIL (`dbt parse --target sail`).
- `<out>/codebook.csv`: every mart column with its Stata name, label and full description.
- With `--build-db`, each mart of the DuckDB build is also written to `<out>/stata/<mart>.dta` (Stata 14+,
  format 118, same labels) and `<out>/parquet/<mart>.parquet` (column descriptions in the field metadata).

The manifest and seeds part uses the standard library and PyYAML (a dbt dependency); the export imports
duckdb, pandas and pyarrow only when asked for.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MANIFEST = REPO / "target" / "manifest.json"
DEFAULT_OUT = REPO / "data" / "exports"
MARTS_DIR = "models/marts"

STATA_LABEL_MAX = 80
STATA_NAME_MAX = 32
STATA_STR_MAX = 2045  # longest str# in format 118; longer strings are written as strL
FLAG_PREFIXES = ("is_", "has_", "order_")
YES_NO: dict[int, str] = {0: "No", 1: "Yes"}
YES_NO_LABEL = "noyes"
# Words not to end a cut label on.
DANGLING = {"a", "an", "and", "as", "at", "by", "e.g.", "for", "from", "i.e.", "in", "is", "of", "on", "or", "per", "than", "the", "to", "under", "var", "when", "with"}
DATE_NAME = re.compile(r"(_date$|^date_of_)")
# ASCII stand-ins for the typography used in the YAML, so labels read the same in every Stata version.
ASCII_FOLD = {"×": "x", "—": "-", "–": "-", "§": "s.", "≤": "<=", "≥": ">=", "‘": "'", "’": "'", "“": '"', "”": '"'}


class HandoffError(Exception):
    """Input that cannot be handed off (missing manifest, bad names); the message says what to do."""


@dataclass(frozen=True)
class Column:
    name: str  # as in dbt (lower snake_case)
    stata_name: str  # <= 32 characters, unique within the mart
    label: str  # Stata variable label, <= 80 characters
    description: str
    is_flag: bool  # 0/1: named is_*/has_*/order_*, or listed in the model's flag_columns_are_0_1 test


@dataclass(frozen=True)
class Mart:
    name: str
    schema: str
    alias: str
    label: str
    columns: tuple[Column, ...]


def clean_label(text: str, limit: int = STATA_LABEL_MAX) -> str:
    """One line of plain ASCII text of at most `limit` characters, safe inside Stata compound quotes.

    Markdown and Stata macro characters (backtick, `$`) are removed. A text too long is cut to its first
    sentence when that fits, else at the last whole word, ending in "...".
    """
    folded = "".join(ASCII_FOLD.get(ch, ch) for ch in text)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[`$*]", "", folded).replace('"', "'")  # no `"'` can end a compound quote early
    plain = re.sub(r"\s+", " ", plain).strip()
    if len(plain) <= limit:
        return plain
    sentence = re.match(r"(.{20,}?(?<!e\.g)(?<!i\.e)(?<!etc)(?<!vs)\.)\s", plain)
    if sentence and len(sentence.group(1)) <= limit:
        return sentence.group(1)
    words = plain[: limit - 2].split(" ")[:-1] or [plain[: limit - 3]]  # drop the word cut in two
    while len(words) > 1 and words[-1].lower().strip("(") in DANGLING:
        words.pop()
    cut = " ".join(words)
    if cut.count("(") > cut.count(")") and cut.rindex("(") >= 25:  # end before an unclosed aside
        cut = cut[: cut.rindex("(")]
    return cut.rstrip(" ,;:-(/") + "..."


def stata_names(names: list[str]) -> dict[str, str]:
    """Map column names to valid, unique Stata names of at most 32 characters (most are unchanged)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise HandoffError(f"column {name!r} is not a valid Stata name: rename it in the model")
        short = name.lower()[:STATA_NAME_MAX].rstrip("_") or name.lower()[:STATA_NAME_MAX]
        n = 1
        while short in used:
            n += 1
            suffix = f"_{n}"
            short = name.lower()[: STATA_NAME_MAX - len(suffix)].rstrip("_") + suffix
        used.add(short)
        out[name] = short
    return out


def humanise(name: str) -> str:
    return name.replace("_", " ").capitalize()


def load_json(path: Path, what: str, hint: str) -> dict[str, Any]:
    if not path.is_file():
        raise HandoffError(f"{what} {path} not found: {hint}")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def load_manifest(path: Path) -> dict[str, Any]:
    return load_json(path, "dbt manifest", "run `dbt parse` (or `dbt docs generate`) first")


def mart_nodes(manifest: dict[str, Any], models_dir: str = MARTS_DIR) -> list[dict[str, Any]]:
    """The model nodes whose file is under `models_dir`, by name."""
    prefix = models_dir.rstrip("/") + "/"
    nodes = [
        n
        for n in manifest.get("nodes", {}).values()
        if n.get("resource_type") == "model" and str(n.get("original_file_path", "")).replace("\\", "/").startswith(prefix)
    ]
    return sorted(nodes, key=lambda n: str(n["name"]))


def tested_flags(manifest: dict[str, Any]) -> dict[str, set[str]]:
    """Per model id, the columns its `flag_columns_are_0_1` tests hold to 0/1 (flags not named is_*)."""
    found: dict[str, set[str]] = {}
    for test in manifest.get("nodes", {}).values():
        meta = test.get("test_metadata") or {}
        if test.get("resource_type") != "test" or meta.get("name") != "flag_columns_are_0_1":
            continue
        model = test.get("attached_node") or next(iter(test.get("depends_on", {}).get("nodes", [])), "")
        found.setdefault(str(model), set()).update(str(c).lower() for c in meta.get("kwargs", {}).get("columns", []))
    return found


def build_mart(node: dict[str, Any], actual_columns: list[str] | None = None, flags: set[str] | None = None) -> Mart:
    """A mart's columns from its YAML, or from the database (`actual_columns`) with the YAML's labels."""
    documented: dict[str, str] = {
        str(c["name"]).lower(): str(c.get("description") or "") for c in node.get("columns", {}).values()
    }
    names = [c.lower() for c in actual_columns] if actual_columns is not None else list(documented)
    mapping = stata_names(names)
    columns = tuple(
        Column(
            name=name,
            stata_name=mapping[name],
            label=clean_label(documented.get(name) or humanise(name)),
            description=documented.get(name, ""),
            is_flag=name.startswith(FLAG_PREFIXES) or name in (flags or set()),
        )
        for name in names
    )
    return Mart(
        name=str(node["name"]),
        schema=str(node["schema"]),
        alias=str(node.get("alias") or node["name"]),
        label=clean_label(str(node.get("description") or humanise(str(node["name"])))),
        columns=columns,
    )


def catalog_columns(catalog: dict[str, Any], node: dict[str, Any]) -> list[str] | None:
    """The mart's columns as built, in order, from dbt's catalog.json (`dbt docs generate`), if it has them."""
    entry = catalog.get("nodes", {}).get(node.get("unique_id", ""))
    if not entry or not entry.get("columns"):
        return None
    cols = sorted(entry["columns"].values(), key=lambda c: int(c.get("index", 0)))
    return [str(c["name"]) for c in cols]


@dataclass(frozen=True)
class CodeList:
    labels: dict[int, str]
    # Source systems the seed rows cover (empty: the seed has no source_system column). A mart row of
    # another system may use the same id for something else, so the label is applied only where every
    # coded row comes from a covered system.
    systems: frozenset[str]


def seed_code_labels(seeds_dir: Path) -> dict[str, CodeList]:
    """Value labels for `<stem>_id` columns, from every seed CSV with both `<stem>_id` and `<stem>_name`.

    Ids are only unique within a source system: a stem whose id means different names in different rows
    (systems) gets no label, rather than a wrong one.
    """
    found: dict[str, dict[int, str]] = {}
    systems: dict[str, set[str]] = {}
    conflicting: set[str] = set()
    for path in sorted(seeds_dir.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames or []
            stems = [f[:-3] for f in fields if f.endswith("_id") and f"{f[:-3]}_name" in fields]
            rows = list(reader)
        for stem in stems:
            labels = found.setdefault(f"{stem}_id", {})
            covered = systems.setdefault(f"{stem}_id", set())
            for row in rows:
                raw_id, name = (row.get(f"{stem}_id") or "").strip(), (row.get(f"{stem}_name") or "").strip()
                if not re.fullmatch(r"-?\d+", raw_id) or not name:
                    continue
                code = int(raw_id)
                if (row.get("source_system") or "").strip():
                    covered.add(row["source_system"].strip())
                text = clean_label(name, limit=STATA_LABEL_MAX)
                if labels.setdefault(code, text) != text:
                    conflicting.add(f"{stem}_id")
    return {
        col: CodeList(labels, frozenset(systems[col]))
        for col, labels in found.items()
        if labels and col not in conflicting
    }


def value_label_name(column: str) -> str:
    return column[:STATA_NAME_MAX]


def stata_string(text: str) -> str:
    """A Stata compound-quoted string; `clean_label` has already removed backticks and `$`."""
    return '`"' + text + "\"'"


def dofile(marts: list[Mart], code_labels: dict[str, CodeList], sail_project: str) -> str:
    """The do-file that loads and labels every mart inside SAIL."""
    lines = [
        "* Label the Cafcass marts for Stata. Generated by scripts/stata_handoff.py from dbt's",
        "* manifest.json and the code-list seeds: regenerate it rather than editing it.",
        "* Inside SAIL: set the project number below, then `do label_marts.do`; each mart is",
        "* loaded over ODBC (DSN PR_SAIL), labelled and saved as <mart>.dta in the working directory.",
        "version 14",
        "set more off",
        f'local project "{sail_project}"',
        "",
        f"label define {YES_NO_LABEL} " + " ".join(f'{k} "{v}"' for k, v in YES_NO.items()) + ", replace",
    ]
    used_codes = sorted({c.name for m in marts for c in m.columns if c.name in code_labels})
    for col in used_codes:
        pairs = " ".join(f'{k} "{v.replace(chr(34), chr(39))}"' for k, v in sorted(code_labels[col].labels.items()))
        lines.append(f"label define {value_label_name(col)} {pairs}, replace")
    for mart in marts:
        lines += ["", f"* ---- {mart.name}: {mart.label}"]
        renamed = [c for c in mart.columns if c.stata_name != c.name]
        if renamed:
            select = ", ".join(c.name if c.stata_name == c.name else f"{c.name} as {c.stata_name}" for c in mart.columns)
        else:
            select = "*"
        lines.append(
            f'odbc load, exec("select {select} from SAILW`project\'V.{mart.alias.upper()}") dsn(PR_SAIL) clear'
        )
        lines.append("rename *, lower")
        lines.append(f"label data {stata_string(mart.label)}")
        for col in mart.columns:
            lines.append(f"label variable {col.stata_name} {stata_string(col.label)}")
        flags = [c.stata_name for c in mart.columns if c.is_flag]
        if flags:
            # Only numeric flags: a Yes/No/Unknown text column such as has_disability keeps its text.
            lines += [
                f"foreach v in {' '.join(flags)} {{",
                "    capture confirm numeric variable `v'",
                f"    if !_rc label values `v' {YES_NO_LABEL}",
                "}",
            ]
        has_system = any(c.name == "source_system" for c in mart.columns)
        for col in mart.columns:
            if col.name not in code_labels:
                continue
            apply = f"label values {col.stata_name} {value_label_name(col.name)}"
            covered = sorted(code_labels[col.name].systems)
            if has_system and covered:
                listed = ", ".join(f'"{s}"' for s in covered)
                lines += [f"capture assert missing({col.stata_name}) | inlist(source_system, {listed})", f"if !_rc {apply}"]
            else:
                lines.append(apply)
        dates = [c.stata_name for c in mart.columns if DATE_NAME.search(c.name)]
        if dates:
            # Drivers hand DB2 dates over as Stata dates or as text: make them %td either way.
            lines += [
                f"foreach v in {' '.join(dates)} {{",
                "    capture confirm string variable `v'",
                "    if !_rc {",
                "        generate long _d = date(substr(`v', 1, 10), \"YMD\")",
                "        order _d, after(`v')",
                "        local lbl : variable label `v'",
                "        drop `v'",
                "        rename _d `v'",
                "        label variable `v' `\"`lbl'\"'",
                "    }",
                "    else if strpos(\"`: format `v''\", \"%tc\") {",
                "        replace `v' = dofc(`v')",
                "    }",
                "    format `v' %tdCCYY-NN-DD",
                "}",
            ]
        lines += [
            "* Ids held as doubles (DB2 BIGINT) in full, not as 1.2e+09.",
            "quietly ds, has(type double)",
            "if \"`r(varlist)'\" != \"\" format `r(varlist)' %20.0g",
            "compress",
            f'save "{mart.name}.dta", replace',
        ]
    return "\n".join(lines) + "\n"


def write_codebook(marts: list[Mart], path: Path) -> None:
    """One row per mart column (CSV): for R and Python users, who do not see Stata labels."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["mart", "column", "stata_name", "is_flag", "label", "description"])
        for mart in marts:
            for col in mart.columns:
                writer.writerow([mart.name, col.name, col.stata_name, int(col.is_flag), col.label, col.description.strip()])


def sail_project_var(project_file: Path = REPO / "dbt_project.yml") -> str:
    data = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    return str((data.get("vars") or {}).get("sail_project", "1661"))


@dataclass(frozen=True)
class Exported:
    mart: str
    rows: int
    dta: Path | None
    parquet: Path


def stata_writer(whole_numbers: set[str]) -> Any:
    """pandas' format-118 writer, displaying the given columns as whole numbers (%20.0g).

    Stata holds a bigint (or an integer column with NULLs beyond the int range) as a double, and its
    default %10.0g would show a 10-digit id such as 1234567890 as 1.235e+09.
    """
    from pandas.io.stata import StataWriterUTF8

    class Writer(StataWriterUTF8):  # type: ignore[misc]
        def _set_formats_and_types(self, dtypes: Any) -> None:
            super()._set_formats_and_types(dtypes)
            for i, col in enumerate(dtypes.index):
                if col in whole_numbers and self.fmtlist[i] == "%10.0g":
                    self.fmtlist[i] = "%20.0g"

    return Writer


def covers(codes: CodeList, df: Any, column: str) -> bool:
    """True when every row with a code comes from a source system the code list's seed rows describe."""
    if not codes.systems or "source_system" not in df.columns:
        return True
    coded = df.loc[df[column].notna(), "source_system"]
    return bool(coded.isin(sorted(codes.systems)).all())


def export_mart(
    con: Any,
    node: dict[str, Any],
    code_labels: dict[str, CodeList],
    out: Path,
    flags: set[str] | None = None,
    dta: bool = True,
) -> Exported:
    """Write one mart of the DuckDB build to Parquet and (unless `dta` is False) to a labelled .dta.

    pandas' .dta writer holds the whole mart in memory several times over: measured 128 s and 5.7 GB
    peak for 1.6 million rows of child_applications (80 columns); Parquet alone takes seconds.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    relation = f"{node['schema']}.{node.get('alias') or node['name']}"
    table = con.sql(f"select * from {relation}").arrow()
    if not isinstance(table, pa.Table):  # duckdb returns a RecordBatchReader in some versions
        table = table.read_all()
    mart = build_mart(node, list(table.column_names), flags)
    first = table.column_names[0]
    table = table.sort_by([(first, "ascending")])

    fields = [
        f.with_metadata({"description": c.description, "label": c.label}) for f, c in zip(table.schema, mart.columns)
    ]
    schema = pa.schema(fields, metadata={"description": str(node.get("description") or ""), "mart": mart.name})
    (out / "parquet").mkdir(parents=True, exist_ok=True)
    parquet = out / "parquet" / f"{mart.name}.parquet"
    pq.write_table(table.cast(schema), parquet)

    types = list(table.schema.types)
    if not dta:
        return Exported(mart.name, table.num_rows, None, parquet)
    # Longest text per column in UTF-8 bytes (Stata's str# unit), computed in Arrow: far faster than per row.
    longest = {
        c.stata_name: int(pc.max(pc.binary_length(table.column(i))).as_py() or 0)
        for i, (c, t) in enumerate(zip(mart.columns, types))
        if pa.types.is_string(t) or pa.types.is_large_string(t)
    }
    df = table.to_pandas()
    rows = table.num_rows
    del table  # the DataFrame is the only copy the writer needs
    df.columns = [c.stata_name for c in mart.columns]
    convert_dates: dict[str, str] = {}
    value_labels: dict[str, dict[int, str]] = {}
    strl: list[str] = []
    for col, arrow_type in zip(mart.columns, types):
        series = df[col.stata_name]
        if pa.types.is_date(arrow_type) or pa.types.is_timestamp(arrow_type):
            df[col.stata_name] = series.astype("datetime64[s]")
            convert_dates[col.stata_name] = "td"
        elif pa.types.is_decimal(arrow_type):
            df[col.stata_name] = series.astype("float64")
        elif pa.types.is_boolean(arrow_type):
            df[col.stata_name] = series.astype("Int8")
        elif pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
            if longest[col.stata_name] > STATA_STR_MAX:
                strl.append(col.stata_name)
        if pa.types.is_integer(arrow_type) or pa.types.is_boolean(arrow_type):
            if col.is_flag:
                value_labels[col.stata_name] = dict(YES_NO)
            elif col.name in code_labels and covers(code_labels[col.name], df, col.stata_name):
                value_labels[col.stata_name] = code_labels[col.name].labels
    (out / "stata").mkdir(parents=True, exist_ok=True)
    dta_path = out / "stata" / f"{mart.name}.dta"
    whole = {c.stata_name for c, t in zip(mart.columns, types) if pa.types.is_integer(t)}
    stata_writer(whole)(
        dta_path,
        df,
        write_index=False,
        version=118,
        data_label=mart.label,
        variable_labels={c.stata_name: c.label for c in mart.columns},
        value_labels=value_labels,
        convert_dates=convert_dates,
        convert_strl=strl,
    ).write_file()
    return Exported(mart.name, rows, dta_path, parquet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST, help="dbt manifest.json")
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds", help="folder of code-list seed CSVs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--build-db", type=Path, help="DuckDB build: also export .dta and .parquet files")
    parser.add_argument("--raw-db", type=Path, help="raw DuckDB, attached as `raw` (only for views over it)")
    parser.add_argument("--no-dta", action="store_true", help="Parquet only (the .dta writer needs much memory)")
    parser.add_argument("--models-dir", default=MARTS_DIR, help="hand off the models under this folder")
    parser.add_argument("--sail-project", help="SAIL project number in the do-file (default: dbt var sail_project)")
    args = parser.parse_args(argv)
    try:
        manifest = load_manifest(args.manifest)
        nodes = mart_nodes(manifest, args.models_dir)
        if not nodes:
            raise HandoffError(f"no models under {args.models_dir} in {args.manifest}")
        code_labels = seed_code_labels(args.seeds)
        catalog_path = args.manifest.with_name("catalog.json")
        catalog = load_json(catalog_path, "catalog", "") if catalog_path.is_file() else {}
        flags = tested_flags(manifest)
        marts = [build_mart(n, catalog_columns(catalog, n), flags.get(n["unique_id"])) for n in nodes]
        for mart in marts:
            missing = [c.name for c in mart.columns if not c.description]
            if missing:
                print(f"warning: {mart.name}: no description for {', '.join(missing)}", file=sys.stderr)
        do_path = args.out / "stata" / "label_marts.do"
        do_path.parent.mkdir(parents=True, exist_ok=True)
        project = args.sail_project or sail_project_var()
        do_path.write_text(dofile(marts, code_labels, project), encoding="utf-8")
        print(f"do-file: {do_path} ({len(marts)} marts)", flush=True)
        write_codebook(marts, args.out / "codebook.csv")
        print(f"codebook: {args.out / 'codebook.csv'}", flush=True)
        if args.build_db:
            import duckdb

            if not args.build_db.is_file():
                raise HandoffError(f"build database {args.build_db} not found: run `python scripts/run.py build`")
            con = duckdb.connect(str(args.build_db), read_only=True)
            if args.raw_db:
                con.execute(f"attach '{args.raw_db}' as raw (read_only)")
            for i, node in enumerate(nodes, 1):
                try:
                    done = export_mart(con, node, code_labels, args.out, flags.get(node["unique_id"]), not args.no_dta)
                except duckdb.CatalogException as exc:
                    raise HandoffError(f"{node['name']} is not in {args.build_db}: run dbt build first ({exc})") from exc
                names = ", ".join(p.name for p in (done.dta, done.parquet) if p is not None)
                print(f"[{i}/{len(nodes)}] {done.mart}: {done.rows:,} rows -> {names}", flush=True)
            con.close()
    except HandoffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
