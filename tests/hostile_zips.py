"""Archives that zipfile refuses in unusual ways, for the readers, the CLI's batch and the web's import."""

from __future__ import annotations

import io
import zipfile


def zip_of_unsupported_version(**files: bytes) -> bytes:
    """A zip archive whose central directory asks for zip version 14.8 to extract: opening it raises
    NotImplementedError, not BadZipFile (found by fuzzing a .xlsx)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    directory = data.index(b"PK\x01\x02")
    data[directory + 6:directory + 8] = (148).to_bytes(2, "little")  # "version needed to extract"
    return bytes(data)


def xlsx_bomb(unpacked: int = 2 * 1024 * 1024) -> bytes:
    """A .xlsx whose shared strings unpack to ``unpacked`` bytes of one letter, a thousand times their packed size
    (the readers' limit is a ratio of 100 for members over 1 MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/sharedStrings.xml", b"<sst><si><t>" + b"a" * unpacked + b"</t></si></sst>")
    return buffer.getvalue()
