"""The ``jixiao`` command: one module per command, wired together here."""

from __future__ import annotations

import sys

import typer
from rich.text import Text

from jixiao.cli import (
    backup_commands,
    check_command,
    document_commands,
    recheck_command,
    rules_command,
    score_command,
    serve_command,
)
from jixiao.cli.console import stderr
from jixiao.cli.errors import CliError

__all__ = ["app", "main"]

app = typer.Typer(
    name="jixiao",
    help="jixiao（绩效）：预算绩效目标表的读取、审核、监控与自评。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
document_commands.register(app)
check_command.register(app)
rules_command.register(app)
score_command.register(app)
serve_command.register(app)
recheck_command.register(app)
backup_commands.register(app)


def main() -> None:
    """Entry point: run the app and turn a CliError into its message and exit code."""
    try:
        # Outside standalone mode a typer.Exit comes back as the return value: keep its code.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except CliError as error:
        stderr.print(Text.assemble(("错误：", "bold red"), error.message))
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        stderr.print("已取消。")
        sys.exit(1)
    except Exception as error:  # noqa: BLE001
        # Typer's usage errors (click-style: a show() method and an exit code) are shown without a traceback.
        show, code = getattr(error, "show", None), getattr(error, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        raise
