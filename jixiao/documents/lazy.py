"""Functions imported on first use, named ``"package.module:function"``.

pdfplumber and the Office libraries take a noticeable time to import; a run that reads only text files, or
writes only JSON, should not pay for them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["load_function"]


def load_function(spec: str) -> Callable[..., Any]:
    """The function ``spec`` names (``"jixiao.documents.readers.text:read_text"``), importing its module."""
    module_name, _, function = spec.partition(":")
    return getattr(import_module(module_name), function)
