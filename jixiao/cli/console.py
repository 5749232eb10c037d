"""The rich consoles every command prints to."""

from __future__ import annotations

from rich.console import Console

__all__ = ["stdout", "stderr"]

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)
