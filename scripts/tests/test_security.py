"""No credentials in the repository, and no generated data in it either.

- Every git-tracked text file is scanned for passwords, tokens, connection strings carrying a password
  (PWD=...), URLs with user:password@, private keys and Stata credential globals (the Stata code this
  project replaces kept its DB2 password in a plain-text global).
- profiles.yml reads every secret (user, password, dsn, token, key) from env_var, with no non-empty
  default. The one exception is allow-listed below: the db2_offline target's dummy `offline`
  user/password, for a loopback target that never connects (scripts/db2_check.py compiles only).
- .gitignore ignores generated data (data/, *.duckdb, *.parquet, *.dta) and no such file is tracked.
The scanner and the profile check are run on synthetic bad input too, so they are proven able to fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------------------------------
# The scanner


@dataclass(frozen=True)
class Finding:
    path: str
    line_no: int
    rule: str
    line: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line_no}: {self.rule}: {self.line.strip()[:120]}"


# A value that only stands for a secret: an environment lookup, a template, a placeholder.
PLACEHOLDER = re.compile(
    r"""^(
        |\.\.\.+|…|\*+|x{3,}|X{3,}
        |<[^>]*>|\[[^\]]*\]
        |\$\{?[A-Za-z_]\w*\}?|%\(?[A-Za-z_]\w*\)?s?|%[A-Za-z_]\w*%
        |\{\{.*|\{[A-Za-z_]\w*\}
        |(os\.)?(environ|getenv|env_var)\b.*
    )$""",
    re.VERBOSE,
)
SECRET_KEY = r"(?:password|passwd|pwd|pass_?phrase|secret|client_?secret|secret_?key|api_?key|access_?key|auth_?token|access_?token|bearer_?token|private_?key)"
RULES: dict[str, re.Pattern[str]] = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    "token (known format)": re.compile(
        r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}"
        r"|AIza[0-9A-Za-z_-]{35}|sk-[A-Za-z0-9]{20,})"
    ),
    # PWD=... in an ibm_db / ODBC connection string
    "connection string password": re.compile(r"(?i)(?:(?:^|[;\"'\s(`])PWD|;\s*PASSWORD)\s*=\s*(?P<value>[^;\"'\s)`|]*)"),
    "URL with a password": re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<value>[^@\s/]+)@"),
    # key: value / key = value / key="value", in YAML, INI, TOML, Python, shell
    "secret assignment": re.compile(
        rf"""(?ix)\b[\w.-]*{SECRET_KEY}\b["']?\s*(?::|=|:=)\s*(?P<quote>["']?)(?P<value>[^"'\s,;#)]*)(?P=quote)"""
    ),
    # Stata: global db2_password "..." (how the seed code held its credentials)
    "Stata credential global": re.compile(r"(?i)^\s*global\s+\w*(?:pass|pwd)\w*\s+\"?(?P<value>[^\"\s]+)"),
}
# An unquoted value that reads as a literal word, not an expression such as [Net.Credential]::new(.
LITERAL = re.compile(r"^[\w\-+/=.@!%^&*~]{3,}$")
# Files whose unquoted right-hand sides are expressions, not literals (password=password is a variable).
CODE_SUFFIXES = {".py", ".sql", ".sh"}
# Lines allowed to look like a secret, each with the reason; every entry must still match a line.
ALLOWED: dict[tuple[str, str], str] = {
    ("profiles.yml", "password: offline"): "db2_offline: loopback target that never connects (compile only)",
}


def scan_text(path: str, text: str) -> list[Finding]:
    findings: list[Finding] = []
    is_code = Path(path).suffix in CODE_SUFFIXES
    for line_no, line in enumerate(text.splitlines(), 1):
        if (path, line.strip()) in ALLOWED:
            continue
        for rule, pattern in RULES.items():
            for m in pattern.finditer(line):
                value = m.groupdict().get("value")
                if value is not None:
                    if PLACEHOLDER.match(value):
                        continue
                    if rule == "secret assignment" and not m.group("quote") and (is_code or not LITERAL.match(value)):
                        continue  # an expression, a call or a type (password: str), not a literal
                    if rule == "secret assignment" and "env_var(" in line:
                        continue
                findings.append(Finding(path, line_no, rule, line))
                break
    return findings


def git(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def tracked_files() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot list the tracked files")
    done = git("ls-files", "-z")
    if done.returncode != 0:
        pytest.skip(f"{REPO} is not a git work tree ({done.stderr.strip()}): nothing tracked to scan")
    files = [f for f in done.stdout.split("\0") if f]
    assert files, "git ls-files listed nothing"
    return files


def read_text(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")


def test_no_credentials_in_tracked_files() -> None:
    findings: list[Finding] = []
    scanned = 0
    for rel in tracked_files():
        path = REPO / rel
        if not path.is_file():
            continue  # deleted in the work tree, not yet committed
        text = read_text(path)
        if text is None:
            continue
        scanned += 1
        findings += scan_text(rel, text)
    assert scanned > 50, f"only {scanned} text files scanned"
    assert not findings, "possible credentials in tracked files:\n" + "\n".join(map(str, findings))


def test_every_allow_listed_line_exists() -> None:
    for (rel, line), reason in ALLOWED.items():
        text = (REPO / rel).read_text(encoding="utf-8")
        assert line in [x.strip() for x in text.splitlines()], f"stale allow-list entry {rel}: {line!r} ({reason})"


# Synthetic secrets, assembled at run time so that this file itself holds none.
PW = "Hunter" + "2xyz"
BAD_LINES = [
    ("profiles.yml", "      password: " + PW),
    ("profiles.yml", '      password: "' + PW + '"'),
    ("scripts/x.py", 'conn = connect(password="' + PW + '")'),
    ("scripts/x.py", 'DSN = "DATABASE=PR_SAIL;HOSTNAME=db;PORT=50000;UID=me;P' + 'WD=' + PW + ';"'),
    ("README.md", "export SAIL_DB2_DSN='DATABASE=X;UID=u;P" + "WD=" + PW + "'"),
    ("docs/x.md", "postgres://analyst:" + PW + "@db.example.org:5432/sail"),
    ("key.pem", "-----BEGIN " + "RSA PRIVATE KEY-----"),
    ("key.pem", "-----BEGIN " + "OPENSSH PRIVATE KEY-----"),
    ("ci.yml", "token: " + "ghp_" + "a1B2" * 9),
    ("x.cfg", "aws = " + "AKIA" + "ABCDEFGHIJKLMNOP"),
    ("Master.do", 'global db2_pass' + 'word "' + PW + '"'),
    ("settings.toml", 'api_key = "' + "q" * 24 + '"'),
]
GOOD_LINES = [
    ("profiles.yml", "      password: \"{{ env_var('SAIL_DB2_PASSWORD') }}\""),
    ("profiles.yml", '      # (e.g. "DATABASE=PR_SAIL;HOSTNAME=...;PORT=...;PROTOCOL=TCPIP;UID=...;PWD=...").'),
    ("README.md", "| `SAIL_DB2_DSN` | e.g. `DATABASE=...;HOSTNAME=...;UID=...;PWD=...` | empty |"),
    ("README.md", "`UID=<user>;PWD=<password>`"),
    ("scripts/x.py", "def connect(user: str, password: str) -> None:"),
    ("scripts/x.py", 'password = os.environ["SAIL_DB2_PASSWORD"]'),
    ("scripts/x.py", "connect(password=password)"),
    ("run.sh", 'export PWD="$HOME"'),
    ("README.md", "Nothing secret is ever written in the repository: the password is never echoed"),
    ("profiles.yml", "      password: offline"),  # allow-listed
]


@pytest.mark.parametrize(("path", "line"), BAD_LINES)
def test_scanner_catches_synthetic_credentials(path: str, line: str) -> None:
    assert scan_text(path, line), f"scanner missed: {line}"


@pytest.mark.parametrize(("path", "line"), GOOD_LINES)
def test_scanner_accepts_placeholders_and_code(path: str, line: str) -> None:
    assert not scan_text(path, line), f"false positive: {scan_text(path, line)}"


# --------------------------------------------------------------------------------------------------
# profiles.yml: every secret from env_var

SECRET_PROFILE_KEYS = ("user", "username", "password", "pass", "dsn", "token", "private_key", "keyfile",
                       "client_secret", "access_token", "passphrase", "connection_string")  # fmt: skip
# (output, key): why a literal is allowed there. The output must also be loopback (checked).
PROFILE_LITERALS_ALLOWED = {
    ("db2_offline", "user"): "dummy for a loopback target that never connects",
    ("db2_offline", "password"): "dummy for a loopback target that never connects",
}
ENV_VAR_CALL = re.compile(r"env_var\(\s*'(?P<name>\w+)'\s*(?:,\s*(?P<default>'[^']*'|\"[^\"]*\"))?\s*\)")


def profile_outputs(text: str) -> dict[str, dict[str, str]]:
    """{output name: {key: raw value}} from a dbt profiles.yml with one profile (read as text: it is Jinja)."""
    outputs: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    in_outputs = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 2:
            in_outputs = line.strip() == "outputs:"
            current = None
        elif in_outputs and indent == 4 and line.rstrip().endswith(":"):
            current = outputs.setdefault(line.strip()[:-1], {})
        elif in_outputs and current is not None and indent == 6 and ":" in line:
            key, value = line.strip().split(":", 1)
            current[key.strip()] = value.strip()
    return outputs


def profile_problems(text: str) -> list[str]:
    problems: list[str] = []
    outputs = profile_outputs(text)
    if not outputs:
        return ["no outputs found"]
    for name, keys in outputs.items():
        for key, value in keys.items():
            if key not in SECRET_PROFILE_KEYS:
                continue
            if (name, key) in PROFILE_LITERALS_ALLOWED:
                if keys.get("host") not in ("127.0.0.1", "localhost", "::1"):
                    problems.append(f"{name}.{key}: literal allowed only for a loopback target, host is {keys.get('host')}")
                continue
            m = ENV_VAR_CALL.search(value)
            if not m:
                problems.append(f"{name}.{key} is not read from env_var: {value}")
            elif m.group("default") not in (None, "''", '""') and key != "user":
                problems.append(f"{name}.{key} has a non-empty default {m.group('default')}")
            elif m.group("default") not in (None, "''", '""'):
                problems.append(f"{name}.{key} has a default {m.group('default')}: a user name must be given")
    return problems


def test_profiles_read_every_secret_from_env_var() -> None:
    text = (REPO / "profiles.yml").read_text(encoding="utf-8")
    outputs = profile_outputs(text)
    assert {"local", "sail", "db2_offline"} <= set(outputs), sorted(outputs)
    assert "password" in outputs["sail"] and "user" in outputs["sail"]
    assert profile_problems(text) == []


def test_profile_check_catches_literal_secrets() -> None:
    bad = (
        "cafcass:\n  target: sail\n  outputs:\n    sail:\n      type: db2\n      host: db.example.org\n"
        "      user: analyst\n      password: " + PW + "\n"
        "      dsn: \"{{ env_var('SAIL_DB2_DSN', 'DATABASE=X;P" + "WD=" + PW + "') }}\"\n"
        "    db2_offline:\n      type: db2\n      host: 10.0.0.7\n      user: offline\n      password: offline\n"
    )
    problems = profile_problems(bad)
    assert any(p.startswith("sail.user is not read from env_var") for p in problems), problems
    assert any(p.startswith("sail.password is not read from env_var") for p in problems), problems
    assert any(p.startswith("sail.dsn has a non-empty default") for p in problems), problems
    assert any(p.startswith("db2_offline.password: literal allowed only for a loopback target") for p in problems)


# --------------------------------------------------------------------------------------------------
# Generated data: ignored, never tracked

GENERATED_SAMPLES = [
    "data/raw/cafcass_raw.duckdb",
    "data/test/anything.csv",
    "data/build/cafcass_dataset.duckdb.wal",
    "elsewhere/extract.duckdb",
    "handoff/06Final_dataset_ECMS.dta",
    "exports/child_applications.parquet",
    "build.duckdb",
]
GENERATED_SUFFIXES = (".duckdb", ".duckdb.wal", ".parquet", ".dta")


def not_ignored(paths: list[str], cwd: Path) -> list[str]:
    """The paths git would not ignore under cwd's .gitignore (whether or not they exist)."""
    return [p for p in paths if git("check-ignore", "--no-index", "-q", p, cwd=cwd).returncode != 0]


def test_gitignore_excludes_generated_data() -> None:
    tracked_files()  # skips without git
    assert not_ignored(GENERATED_SAMPLES, REPO) == []


def test_no_generated_data_is_tracked() -> None:
    files = tracked_files()
    bad = [f for f in files if f.startswith("data/") or f.lower().endswith(GENERATED_SUFFIXES)]
    assert bad == [], f"generated data is tracked: {bad}"
    ignored_but_tracked = git("ls-files", "-ci", "--exclude-standard").stdout.split()
    assert ignored_but_tracked == [], f"tracked although .gitignore excludes them: {ignored_but_tracked}"


def test_ignore_check_catches_a_gap(tmp_path: Path) -> None:
    tracked_files()  # skips without git
    assert git("init", "-q", cwd=tmp_path).returncode == 0
    (tmp_path / ".gitignore").write_text("data/\n*.duckdb\n", encoding="utf-8")
    assert not_ignored(GENERATED_SAMPLES, tmp_path) == [
        "handoff/06Final_dataset_ECMS.dta",
        "exports/child_applications.parquet",
    ]
