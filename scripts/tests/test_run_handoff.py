"""`python scripts/run.py handoff` and the Chromium install step of `python scripts/run.py test`."""

from __future__ import annotations

from pathlib import Path

import pytest

import run


def test_handoff_runs_docs_then_exports_then_report(tmp_path: Path) -> None:
    steps = run.handoff_commands(Path("py"), tmp_path / "b.duckdb", tmp_path / "target")
    commands = [cmd for _, cmd in steps]
    assert commands[0][1:] == ["-m", "dbt.cli.main", "docs", "generate", "--static"]
    assert commands[1][1] == "scripts/stata_handoff.py"
    assert commands[1][commands[1].index("--manifest") + 1] == str(tmp_path / "target" / "manifest.json")
    assert commands[1][commands[1].index("--build-db") + 1] == str(tmp_path / "b.duckdb")
    assert commands[2][1] == "scripts/report.py"
    assert all((run.REPO / cmd[1]).is_file() for cmd in commands[1:])


def test_handoff_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="run `python scripts/run.py build` first"):
        run.main(["handoff", "--no-build", "--build-db", str(tmp_path / "none.duckdb")])


def test_chromium_is_installed_only_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(run.subprocess, "run", lambda cmd, **_: calls.append(cmd))
    monkeypatch.setattr(run.shutil, "which", lambda name: "/usr/bin/chromium" if name == "chromium" else None)
    run.ensure_chromium()
    assert calls == []
    monkeypatch.setattr(run.shutil, "which", lambda name: None)
    monkeypatch.setattr(run.sys, "platform", "darwin")
    run.ensure_chromium()
    assert calls == []  # not Debian as root: nothing is installed, the rendering test skips
