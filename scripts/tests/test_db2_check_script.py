"""scripts/db2_check.py itself: standard library only, venv layouts, the install stamp, completeness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import db2_check
from db2_paths import REPO


def test_importable_with_the_standard_library_only() -> None:
    code = "import sys; sys.path.insert(0, 'scripts'); import db2_check, db2_sql_rules; print('ok')"
    done = subprocess.run([sys.executable, "-S", "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_venv_python_layout_per_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    base = Path("/x/.venv-db2")
    monkeypatch.setattr(db2_check.os, "name", "nt")
    assert db2_check.venv_python(base) == base / "Scripts" / "python.exe"
    monkeypatch.setattr(db2_check.os, "name", "posix")
    assert db2_check.venv_python(base) == base / "bin" / "python"


def test_install_is_skipped_when_the_stamp_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    requirements = tmp_path / "requirements-db2.txt"
    requirements.write_text("dbt-core==1.11.16\n")
    venv_dir = tmp_path / ".venv-db2"
    python = db2_check.venv_python(venv_dir)
    python.parent.mkdir(parents=True)
    python.write_text("")
    (venv_dir / ".requirements.sha256").write_text(db2_check.requirements_hash(requirements))
    monkeypatch.setattr(db2_check, "run", lambda *a, **k: pytest.fail("pip must not run"))
    ok, detail = db2_check.ensure_venv(venv_dir, requirements)
    assert ok and "up to date" in detail

    requirements.write_text("dbt-core==1.11.16\nibm-dbt-db2==1.0.0\n")  # changed: reinstall
    calls: list[list[str]] = []

    def fake_run(cmd: list[str], env: dict[str, str] | None = None) -> int:
        calls.append(cmd)
        return 0

    monkeypatch.setattr(db2_check, "run", fake_run)
    ok, _ = db2_check.ensure_venv(venv_dir, requirements)
    assert ok and calls and calls[0][1:4] == ["-m", "pip", "install"]
    assert (venv_dir / ".requirements.sha256").read_text() == db2_check.requirements_hash(requirements)


def _target(tmp_path: Path, compiled: bool, status: str = "success") -> Path:
    target = tmp_path / "target_db2"
    path = target / "compiled" / "cafcass" / "models" / "m.sql"
    if compiled:
        path.parent.mkdir(parents=True)
        path.write_text("select 1 as x from sysibm.sysdummy1\n")
    target.mkdir(exist_ok=True)
    node = {"unique_id": "model.cafcass.m", "resource_type": "model", "compiled_path": str(path)}
    seed = {"unique_id": "seed.cafcass.s", "resource_type": "seed", "compiled_path": None}
    (target / "manifest.json").write_text(json.dumps({"nodes": {"model.cafcass.m": node, "seed.cafcass.s": seed}}))
    (target / "run_results.json").write_text(json.dumps({"results": [{"unique_id": "model.cafcass.m", "status": status}]}))
    return target


def test_completeness_check(tmp_path: Path) -> None:
    ok, detail = db2_check.check_compiled_everything(_target(tmp_path, compiled=True))
    assert ok and detail == "1 model"


def test_completeness_check_fails_on_a_missing_file(tmp_path: Path) -> None:
    ok, _ = db2_check.check_compiled_everything(_target(tmp_path, compiled=False))
    assert not ok


def test_completeness_check_fails_on_a_compile_error(tmp_path: Path) -> None:
    ok, _ = db2_check.check_compiled_everything(_target(tmp_path, compiled=True, status="error"))
    assert not ok
