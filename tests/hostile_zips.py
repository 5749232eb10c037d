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
