"""Loading of the data files that hold jixiao's vocabularies.

Words that decide meaning (level names, units, operator phrases) live in TOML files under ``data/`` so that
they can be reviewed and extended without touching code; this module reads them once.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["load", "fold"]


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed contents of ``data/<name>.toml``."""
    text = resources.files("jixiao.model").joinpath(f"data/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# ═ (a box-drawing double bar) is how some provincial templates print the operator =
_FOLD_EXTRA = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "，": ",", "、": "、", "\u3000": " ", "～": "~"})


# Labels and level names repeat across every table of every file, so folding is memoised.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold full-width forms and spacing so that spellings of the same word compare equal.

    NFKC turns （）：％＞＝ and full-width digits into their ASCII forms; whitespace is removed because
    Word exports break words with spaces and line breaks inside table cells.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD_EXTRA)
    return "".join(folded.split())
