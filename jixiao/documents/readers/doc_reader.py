"""Word 97–2003 (.doc) files: converted to .docx by LibreOffice in headless mode, then read as .docx (and the
conversion that .xls files go through where LibreOffice is installed, see xls_reader.py).

Each conversion runs ``soffice`` in its own temporary folder with its own user profile
(``-env:UserInstallation``), so conversions never share or lock a profile, and in its own process group, so
that when the time limit is spent the whole group (the ``soffice`` script and ``soffice.bin``) is killed.
Without LibreOffice the file is refused with a message saying how to install it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, ReadLimits
from jixiao.documents.readers.docx_reader import read_docx

__all__ = ["convert", "read_doc", "soffice_path"]

_MISSING = ("这是旧版 Word（.doc）文件，读取它需要 LibreOffice，本机未安装。请安装 LibreOffice"
            "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或在 Word 中另存为 .docx 后再导入")


def soffice_path() -> str | None:
    """Where LibreOffice's ``soffice`` is, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Convert the .doc to .docx with LibreOffice and read that, both within ``limits`` and the read's ``deadline``
    (its own when none is given)."""
    deadline = deadline or Deadline(source, limits)
    if soffice_path() is None:
        raise NotAGoalDocument(source, _MISSING)
    converted = convert(data, "doc", "docx:MS Word 2007 XML", deadline)
    if converted is None:
        raise NotAGoalDocument(source, "LibreOffice 无法转换这个 .doc 文件，文件可能已损坏；请在 Word 中另存为 .docx 后再导入")
    layout = read_docx(converted, source, limits, deadline)
    return Layout(name="doc", blocks=layout.blocks, diagnostics=layout.diagnostics)


def convert(data: bytes, suffix: str, target: str, deadline: Deadline) -> bytes | None:
    """``data``, a ``.{suffix}`` file, converted by LibreOffice (``--convert-to target``, e.g. ``docx:MS Word 2007
    XML``) in the time the read's ``deadline`` leaves; None where LibreOffice is missing or wrote nothing (a damaged file)."""
    soffice = soffice_path()
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as folder:
        work = Path(folder)
        document = work / f"document.{suffix}"  # never the user's file name
        document.write_bytes(data)
        command = [
            soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", target, "--outdir", str(work / "out"), str(document),
        ]
        _run(command, suffix, deadline)
        converted = work / "out" / f"document.{target.partition(':')[0]}"
        return converted.read_bytes() if converted.is_file() else None


def _run(command: list[str], suffix: str, deadline: Deadline) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=deadline.remaining())
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise deadline.spent(f"LibreOffice 转换 .{suffix} 文件") from None
