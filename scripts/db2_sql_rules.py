"""Rules for SQL compiled for DB2: a sqlfluff `db2` parse, and a denylist for what the parser lets through.

Importable on its own (standard library only at the top level; sqlfluff is imported only by the parse
functions), so scripts/db2_check.py, the pytest tests and anyone at a prompt can call the same checks on
strings or files:

    >>> from db2_sql_rules import denylist_violations
    >>> [v.rule for v in denylist_violations("select a from t limit 10")]
    ['limit']

The denylist works on the SQL with string literals and comments blanked out (line numbers are kept). It
is a set of cheap textual rules, not a parser: each rule names what it catches and how to fix it.
"""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence


@dataclass(frozen=True)
class Violation:
    rule: str
    line: int
    message: str
    excerpt: str

    def __str__(self) -> str:
        return f"line {self.line}: [{self.rule}] {self.message}: {self.excerpt}"


# --------------------------------------------------------------------------------------------------
# Blanking string literals and comments


def strip_literals_and_comments(sql: str) -> str:
    """The SQL with every '...' literal replaced by '' and every comment by spaces, newlines kept.

    Double-quoted identifiers are kept (a rule looks at them). Handles '' inside literals, -- comments
    and /* */ comments (not nested)."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "'":
            j = i + 1
            while j < n:
                if sql[j] == "'":
                    if j + 1 < n and sql[j + 1] == "'":
                        j += 2
                        continue
                    break
                j += 1
            out.append("''" + "\n" * sql.count("\n", i, j + 1))
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j == -1 else j
            out.append(" ")
            i = j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j == -1 else j + 2
            out.append(" " + "\n" * sql.count("\n", i, j))
            i = j
        elif ch == '"':
            j = sql.find('"', i + 1)
            j = n - 1 if j == -1 else j
            out.append(sql[i : j + 1])
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Helpers over the blanked SQL

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$#@]*|\d+|\"[^\"]*\"|\(|\)|;|,|::|\S")


@dataclass(frozen=True)
class _Token:
    text: str
    low: str
    start: int


def _tokens(sql: str) -> list[_Token]:
    return [_Token(m.group(0), m.group(0).lower(), m.start()) for m in _WORD.finditer(sql)]


def _line(sql: str, pos: int) -> int:
    return sql.count("\n", 0, pos) + 1


def _excerpt(sql: str, start: int, end: int | None = None, width: int = 70) -> str:
    end = start + 1 if end is None else end
    a = max(0, start - 20)
    b = min(len(sql), max(end, start + width - 20))
    return " ".join(sql[a:b].split())


def _matching_paren(sql: str, open_pos: int) -> int:
    """Index of the ')' closing the '(' at open_pos, or len(sql) if unbalanced."""
    depth = 0
    for k in range(open_pos, len(sql)):
        if sql[k] == "(":
            depth += 1
        elif sql[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return len(sql)


def _split_top_level(text: str, sep: str = ",") -> list[str]:
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def _calls(sql: str, names: Iterable[str]) -> Iterator[tuple[str, int, int, str]]:
    """(function name, start, close paren index, argument text) for each call of one of names."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\s*\(", re.IGNORECASE)
    for m in pattern.finditer(sql):
        open_pos = m.end() - 1
        close = _matching_paren(sql, open_pos)
        yield m.group(1).lower(), m.start(), close, sql[open_pos + 1 : close]


# --------------------------------------------------------------------------------------------------
# Rules. Each takes the blanked SQL and yields violations.

Rule = Callable[[str], Iterator[Violation]]


def _regex_rule(name: str, pattern: str, message: str, flags: int = re.IGNORECASE) -> Rule:
    compiled = re.compile(pattern, flags)

    def rule(sql: str) -> Iterator[Violation]:
        for m in compiled.finditer(sql):
            yield Violation(name, _line(sql, m.start()), message, _excerpt(sql, m.start(), m.end()))

    rule.__name__ = f"rule_{name}"
    return rule


# DuckDB (or other non-DB2) functions with no DB2 equivalent under that name.
DUCKDB_ONLY_FUNCTIONS = {
    "try_cast": "DB2 has no TRY_CAST: use safe_cast_bigint/safe_cast_integer/safe_cast_decimal/safe_cast_date",
    "string_agg": "DB2 has no STRING_AGG: use the string_agg macro (LISTAGG ... WITHIN GROUP on DB2)",
    "group_concat": "not DB2: use the string_agg macro",
    "date_diff": "not DB2: use days_between or age_in_years",
    "datediff": "not DB2: use days_between or age_in_years",
    "date_add": "not DB2: use add_days or add_months",
    "date_sub": "not DB2: use add_days or add_months",
    "dateadd": "not DB2: use add_days or add_months",
    "make_date": "not DB2: cast('YYYY-MM-DD' as date), or a seed",
    "strftime": "not DB2: use varchar_format only through a dispatch macro",
    "strptime": "not DB2: use safe_cast_date",
    "to_months": "DuckDB interval function: use add_months",
    "to_days": "DuckDB interval function: use add_days",
    "to_years": "DuckDB interval function: use add_months",
    "regexp_matches": "DuckDB only: DB2 uses REGEXP_LIKE; put it behind a dispatch macro",
    "regexp_full_match": "DuckDB only: put it behind a dispatch macro",
    "list_value": "DuckDB lists do not exist on DB2",
    "struct_pack": "DuckDB structs do not exist on DB2",
    "array_agg": "not usable in DB2 SQL queries: use the string_agg macro",
    "substring": "use substr(x, start, length): DB2's SUBSTRING wants a string-unit argument",
    "len": "not DB2: use length()",
    "ifnull": "use coalesce()",
    "epoch": "not DB2",
}

# Types that DB2 does not have, or that this project does not use on DB2.
BANNED_CAST_TYPES = {
    "string": "DuckDB type: use varchar(n)",
    "text": "not a DB2 type: use varchar(n)",
    "bool": "flags are smallint 0/1 in this project (BOOLEAN columns need DB2 11.1.1.1+)",
    "boolean": "flags are smallint 0/1 in this project (BOOLEAN columns need DB2 11.1.1.1+)",
    "tinyint": "not a DB2 type: use smallint",
    "utinyint": "not a DB2 type",
    "usmallint": "not a DB2 type",
    "uinteger": "not a DB2 type",
    "ubigint": "not a DB2 type",
    "hugeint": "not a DB2 type: use decimal(31, 0)",
    "uhugeint": "not a DB2 type",
    "uuid": "not a DB2 type: use varchar(36)",
    "json": "not a DB2 type",
    "interval": "not a DB2 type: use add_days/add_months/days_between",
    "timestamptz": "not a DB2 type: use timestamp",
}

_LENGTH_TYPES = ("varchar", "char", "character", "nvarchar", "nchar", "graphic", "vargraphic")


def _cast_target_type(args: str) -> str | None:
    """The type of cast(<args>): the text after the last top-level `as`, normalised; None if absent."""
    depth, last_as = 0, -1
    for k, ch in enumerate(args):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and args[k : k + 2].lower() == "as":
            before = args[k - 1] if k else " "
            after = args[k + 2] if k + 2 < len(args) else " "
            if not (before.isalnum() or before == "_") and after.isspace():
                last_as = k
    if last_as < 0:
        return None
    return " ".join(args[last_as + 2 :].split()).lower()


def rule_cast_types(sql: str) -> Iterator[Violation]:
    """cast(x as <type>): no VARCHAR/CHAR without a length, and no type that DB2 lacks.

    CHAR without a length is CHAR(1) on DB2 (it truncates) but an unbounded VARCHAR on DuckDB."""
    for _, start, close, args in _calls(sql, ["cast"]):
        type_text = _cast_target_type(args)
        if not type_text:
            continue
        m = re.match(r"([a-z_][a-z0-9_]*(?: varying)?)\s*(\(.*\))?", type_text)
        if not m:
            continue
        base, length = m.group(1), m.group(2)
        if base.split()[0] in _LENGTH_TYPES and not length:
            yield Violation(
                "varchar_without_length",
                _line(sql, start),
                f"cast to {base.upper()} without a length: DB2 needs {base.split()[0].upper()}(n)",
                _excerpt(sql, start, close + 1),
            )
        elif base in BANNED_CAST_TYPES:
            yield Violation(
                f"type_{base}", _line(sql, start), BANNED_CAST_TYPES[base], _excerpt(sql, start, close + 1)
            )


def rule_duckdb_functions(sql: str) -> Iterator[Violation]:
    for name, start, close, _ in _calls(sql, DUCKDB_ONLY_FUNCTIONS):
        # `x.len(` or a column called len followed by ( is unlikely; accept the false-positive risk.
        yield Violation(name, _line(sql, start), DUCKDB_ONLY_FUNCTIONS[name], _excerpt(sql, start, close + 1))


def rule_group_by_position(sql: str) -> Iterator[Violation]:
    """GROUP BY 1 / GROUP BY a, 2 / GROUP BY ALL: DB2 groups by expressions only (unless SQL_COMPAT='NPS')."""
    enders = re.compile(
        r"\b(having|order|union|except|intersect|fetch|window|qualify|limit|offset)\b|\)|;", re.IGNORECASE
    )
    for m in re.finditer(r"\bgroup\s+by\b", sql, re.IGNORECASE):
        rest = sql[m.end() :]
        # cut at the first clause keyword or closing parenthesis at depth 0
        depth, end = 0, len(rest)
        for k, ch in enumerate(rest):
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    end = k
                    break
                depth -= 1
            elif depth == 0:
                e = enders.match(rest, k)
                if e and (k == 0 or not (rest[k - 1].isalnum() or rest[k - 1] == "_")):
                    end = k
                    break
        items = _split_top_level(rest[:end])
        if items and items[0].lower() == "all":
            yield Violation("group_by_all", _line(sql, m.start()), "GROUP BY ALL is DuckDB only: list the columns", _excerpt(sql, m.start()))
        elif any(re.fullmatch(r"\d+", item) for item in items):
            yield Violation(
                "group_by_position",
                _line(sql, m.start()),
                "GROUP BY <number> is not DB2 (without SQL_COMPAT='NPS'): group by column names",
                _excerpt(sql, m.start()),
            )


def rule_select_without_from(sql: str) -> Iterator[Violation]:
    """Every SELECT needs a FROM at its own nesting level on DB2 (FROM sysibm.sysdummy1 for literals)."""
    toks = _tokens(sql)
    n = len(toks)
    for idx, tok in enumerate(toks):
        if tok.low != "select":
            continue
        depth, found = 0, False
        for j in range(idx + 1, n):
            t = toks[j].low
            if t == "(":
                depth += 1
            elif t == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0:
                if t in ("union", "except", "intersect", ";"):
                    break
                if t == "from":
                    # `a is [not] distinct from b` is not a FROM clause
                    prev = toks[j - 1].low if j >= 1 else ""
                    if prev == "distinct" and j >= 2 and toks[j - 2].low in ("is", "not"):
                        continue
                    found = True
                    break
        if not found:
            yield Violation(
                "select_without_from",
                _line(sql, tok.start),
                "SELECT without FROM: DB2 needs FROM sysibm.sysdummy1 (or keep literals in a seed)",
                _excerpt(sql, tok.start),
            )


def rule_greatest_least_nulls(sql: str) -> Iterator[Violation]:
    """DB2's GREATEST/LEAST return NULL when any argument is NULL (DuckDB's ignore NULLs): every argument
    must be a coalesce(...) or a literal. Use greatest_ignore_nulls / least_ignore_nulls."""
    for name, start, close, args in _calls(sql, ["greatest", "least"]):
        for arg in _split_top_level(args):
            if re.match(r"(coalesce|value)\s*\(", arg, re.IGNORECASE):
                continue
            if re.fullmatch(r"[+-]?\d+(\.\d*)?|''|null", arg, re.IGNORECASE):
                continue
            yield Violation(
                f"{name}_with_nullable_argument",
                _line(sql, start),
                f"{name.upper()} returns NULL on DB2 if any argument is NULL: use {name}_ignore_nulls",
                _excerpt(sql, start, close + 1),
            )
            break


def rule_concat_arity(sql: str) -> Iterator[Violation]:
    for _, start, close, args in _calls(sql, ["concat"]):
        if len(_split_top_level(args)) != 2:
            yield Violation(
                "concat_arity",
                _line(sql, start),
                "DB2's CONCAT takes exactly two arguments: use ||",
                _excerpt(sql, start, close + 1),
            )


_DATE_OPERAND = r"(?:current[ _]date|(?:[a-z_][a-z0-9_]*\.)?[a-z0-9_]*(?:date|_dt|dob|wob|birth)[a-z0-9_]*)"
_DATE_MINUS_DATE = re.compile(
    rf"(?<![a-z0-9_.])({_DATE_OPERAND})\s*-\s*({_DATE_OPERAND})(?![a-z0-9_(])(?!\s+(?:days?|months?|years?)\b)",
    re.IGNORECASE,
)


def rule_date_minus_date(sql: str) -> Iterator[Violation]:
    """`end_date - start_date`: on DB2 a date minus a date is a yyyymmdd duration (00000215 = 2 months 15
    days), not a number of days. Heuristic: two operands whose names look like dates."""
    for m in _DATE_MINUS_DATE.finditer(sql):
        yield Violation(
            "date_minus_date",
            _line(sql, m.start()),
            "date - date is a yyyymmdd duration on DB2, not days: use days_between(start, end)",
            _excerpt(sql, m.start(), m.end()),
        )


def rule_quoted_lowercase_identifier(sql: str) -> Iterator[Violation]:
    for m in re.finditer(r'"([^"]*[a-z][^"]*)"', sql):
        yield Violation(
            "quoted_lowercase_identifier",
            _line(sql, m.start()),
            "a quoted lower-case name is case-sensitive on DB2 and names a different object: do not quote",
            _excerpt(sql, m.start(), m.end()),
        )


RULES: list[Rule] = [
    _regex_rule("double_colon_cast", r"::", "`::` casts are not DB2: use cast(x as type(n))", 0),
    _regex_rule("interval", r"\binterval\b", "INTERVAL is not DB2: use add_days/add_months/days_between"),
    _regex_rule("limit", r"\blimit\b", "LIMIT is not used on DB2: FETCH FIRST n ROWS ONLY, and only in analyses"),
    _regex_rule("qualify", r"\bqualify\b", "QUALIFY is not DB2: row_number() in a CTE, then where rn = 1"),
    _regex_rule("select_star_exclude", r"\*\s*(exclude|replace)\b", "SELECT * EXCLUDE/REPLACE is DuckDB only: list the columns"),
    _regex_rule("datetime", r"\bdatetime\b", "DATETIME is not a DB2 type: use timestamp or date"),
    _regex_rule("boolean_literal", r"(?<![\w.])(true|false)(?![\w(])", "bare TRUE/FALSE: flags are smallint 0/1 (compare with = 1)"),
    _regex_rule("ilike", r"\bilike\b", "ILIKE is not DB2: lower(x) like '...'"),
    _regex_rule("filter_where", r"\bfilter\s*\(\s*where\b", "aggregate FILTER (WHERE ...) is not DB2: count(case when ... then 1 end)"),
    _regex_rule("with_recursive", r"\bwith\s+recursive\b", "WITH RECURSIVE is not DB2 syntax (DB2 infers recursion)"),
    _regex_rule("ignore_nulls", r"\bignore\s+nulls\b", "IGNORE NULLS is not DB2 syntax"),
    rule_cast_types,
    rule_duckdb_functions,
    rule_group_by_position,
    rule_select_without_from,
    rule_greatest_least_nulls,
    rule_concat_arity,
    rule_date_minus_date,
    rule_quoted_lowercase_identifier,
]


def denylist_violations(sql: str) -> list[Violation]:
    """Every denylist violation in one SQL text (string literals and comments are ignored)."""
    blank = strip_literals_and_comments(sql)
    found: list[Violation] = []
    for rule in RULES:
        found.extend(rule(blank))
    return sorted(found, key=lambda v: (v.line, v.rule))


# --------------------------------------------------------------------------------------------------
# sqlfluff db2 parse


_LINTER = None


def _linter():  # -> sqlfluff.core.Linter
    global _LINTER
    if _LINTER is None:
        from sqlfluff.core import FluffConfig, Linter

        # Only defaults plus these overrides: the repo's .sqlfluff (dbt templater, duckdb) is not read.
        config = FluffConfig(overrides={"dialect": "db2", "templater": "raw"}, require_dialect=True)
        _LINTER = Linter(config=config)
    return _LINTER


def parse_errors(sql: str, name: str = "<string>") -> list[str]:
    """sqlfluff `db2` lexing/parsing errors for one SQL text (empty when it parses)."""
    parsed = _linter().parse_string(sql, fname=name)
    return [v.desc() for v in parsed.violations]


def _parse_file(path: str) -> tuple[str, list[str]]:
    return path, parse_errors(Path(path).read_text(encoding="utf-8"), path)


def parse_files(paths: Sequence[Path], processes: int = 1, progress: Callable[[int, int], None] | None = None) -> dict[str, list[str]]:
    """Parse errors per file (files without errors map to an empty list)."""
    results: dict[str, list[str]] = {}
    names = [str(p) for p in paths]
    if processes <= 1 or len(names) < 8:
        for k, name in enumerate(names, 1):
            results[name] = _parse_file(name)[1]
            if progress:
                progress(k, len(names))
        return results
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for k, (name, errors) in enumerate(pool.map(_parse_file, names, chunksize=4), 1):
            results[name] = errors
            if progress:
                progress(k, len(names))
    return results


def compiled_sql_files(compiled_dir: Path) -> list[Path]:
    return sorted(p for p in compiled_dir.rglob("*.sql") if p.is_file())


# --------------------------------------------------------------------------------------------------
# Command line: python scripts/db2_sql_rules.py parse|denylist DIR  (used by scripts/db2_check.py)


def _load_parse_cache(path: Path | None) -> tuple[set[str], Callable[[bytes], str]]:
    """(digests of files known to parse cleanly, digest function). The digest includes the sqlfluff
    version, so an upgrade re-parses everything."""
    import hashlib
    import json

    import sqlfluff

    version = getattr(sqlfluff, "__version__", "?").encode()

    def key(content: bytes) -> str:
        return hashlib.sha256(version + b"\0" + content).hexdigest()

    cached: set[str] = set()
    if path and path.is_file():
        try:
            cached = set(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            cached = set()
    return cached, key


def _main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import json
    import os
    import sys
    import time

    parser = argparse.ArgumentParser(description="Check SQL compiled for DB2.")
    parser.add_argument("check", choices=["parse", "denylist"])
    parser.add_argument("compiled_dir", type=Path)
    parser.add_argument("--processes", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--cache", type=Path, help="parse only: JSON file remembering files that parsed cleanly")
    args = parser.parse_args(argv)

    files = compiled_sql_files(args.compiled_dir)
    if not files:
        print(f"no .sql files under {args.compiled_dir}", flush=True)
        return 1
    root = args.compiled_dir
    started = time.monotonic()
    failures: dict[str, list[str]] = {}
    if args.check == "parse":
        step = max(1, len(files) // 10)

        def progress(done: int, total: int) -> None:
            if done % step == 0 or done == total:
                print(f"    parsed {done}/{total} files ({time.monotonic() - started:.1f}s)", flush=True)

        cache, key = _load_parse_cache(args.cache)
        digests = {str(p): key(p.read_bytes()) for p in files}
        todo = [p for p in files if digests[str(p)] not in cache]
        if len(todo) < len(files):
            print(f"    {len(files) - len(todo)} files unchanged since they last parsed cleanly (cache {args.cache})", flush=True)
        for name, errors in parse_files(todo, args.processes, progress).items():
            if errors:
                failures[name] = errors
            else:
                cache.add(digests[name])
        if args.cache:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            args.cache.write_text(json.dumps(sorted(cache & set(digests.values()))), encoding="utf-8")
    else:
        for path in files:
            found = denylist_violations(path.read_text(encoding="utf-8"))
            if found:
                failures[str(path)] = [str(v) for v in found]
    for name, problems in sorted(failures.items()):
        print(f"  FAIL {Path(name).relative_to(root) if Path(name).is_relative_to(root) else name}", flush=True)
        for problem in problems[:20]:
            print(f"       {problem}", flush=True)
        if len(problems) > 20:
            print(f"       ... and {len(problems) - 20} more", flush=True)
    what = "sqlfluff db2 parse" if args.check == "parse" else "denylist"
    print(f"    {what}: {len(files) - len(failures)}/{len(files)} files clean ({time.monotonic() - started:.1f}s)", flush=True)
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(_main())
