"""Golden files: a parse result pinned as JSON and diffed on every run.

Set JIXIAO_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
"""

import json
import os
from pathlib import Path


def assert_matches_golden(actual: dict, path: Path) -> None:
    """Compare ``actual`` with the JSON at ``path`` (rewriting it when asked to)."""
    text = json.dumps(actual, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("JIXIAO_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)
