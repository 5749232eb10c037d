"""Errors that end a command, each carrying its exit code (as click's exceptions do)."""

from __future__ import annotations

__all__ = ["CliError", "UsageError", "UnreadableInput"]


class CliError(Exception):
    """A failure to report in one Chinese sentence, without a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CliError):
    """The command was called wrongly."""

    exit_code = 2


class UnreadableInput(CliError):
    """An input file is missing or is not a goal document."""

    exit_code = 2
