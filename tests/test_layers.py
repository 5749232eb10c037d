"""The layers (model; documents, review and scoring as independent siblings over it; web; cli), and inside
documents the readers below the pipeline that interprets them, are enforced by import-linter (pyproject.toml), and so
is the public surface: the web and the CLI import what jixiao.documents exports, never its pipeline, interpreter or
readers."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_layers_contract_holds():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_core_never_imports_django():
    core = [p for layer in ("model", "documents", "review", "scoring") for p in (ROOT / "jixiao" / layer).rglob("*.py")]
    offenders = [str(p) for p in core if "import django" in p.read_text() or "from django" in p.read_text()]
    assert core and offenders == []
