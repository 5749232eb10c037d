"""The rich consoles every command prints to, and rendering elsewhere (in a batch worker) exactly as they would."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console

__all__ = ["Shape", "rendered", "sheet_heading", "stderr", "stdout", "stdout_shape", "write"]

# No console reads markup: what is printed holds file names, cells and messages of users' documents, in which
# ``[/]`` or ``[bold]`` is text (read as markup, it vanished or stopped the command with a traceback). Styles are
# given as rich Text spans instead.
stdout = Console(highlight=False, soft_wrap=False, markup=False)
stderr = Console(stderr=True, highlight=False, markup=False)


def sheet_heading(name: str | None, key: str) -> str:
    """A sheet as its section is headed: its name, then its key when that is a code (a sheet without a code is keyed
    by its name, which was printed twice: corpus 212's “共享工程  共享工程”)."""
    return f"{name}  {key}" if name and key != name else name or key


@dataclass(frozen=True)
class Shape:
    """What rich's rendering depends on in the console written to: its width, colours, whether it is a terminal
    and its encoding (ASCII boxes when it is not UTF-8). Small, so that it can be sent to batch workers."""

    width: int
    color_system: str | None
    terminal: bool
    encoding: str


def stdout_shape() -> Shape:
    """The shape of standard output as this process sees it."""
    return Shape(stdout.width, stdout.color_system, stdout.is_terminal, stdout.encoding)


class _Captured(io.StringIO):
    """A text buffer that tells rich the encoding of the console it stands in for (a StringIO has none)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def rendered(shape: Shape, draw: Callable[[Console], None]) -> str:
    """The text ``draw`` prints on a console of ``shape``, escape codes included: what it would print on standard
    output. Lets a worker process do the rendering so that the parent only writes."""
    console = Console(file=_Captured(shape.encoding), width=shape.width, color_system=shape.color_system,
                      force_terminal=shape.terminal, highlight=False, soft_wrap=False, markup=False)
    draw(console)
    return console.file.getvalue()


def write(text: str) -> None:
    """Write already rendered text to standard output as it is, and flush it, so that a reader of a pipe gets
    each document as soon as its turn comes."""
    file = stdout.file
    file.write(text)
    file.flush()
