"""What opening a Word, Excel or .zip archive a user gave can raise.

Beside the model, as :mod:`jixiao.model.office_text` is, because every layer that opens an archive a user gave
must catch the same errors: the readers, the self-evaluation template reader of scoring, the CLI's batch and the
web's import (a set caught in one place and not another was a traceback found by fuzzing).
"""

from __future__ import annotations

import lzma
import zipfile
import zlib

__all__ = ["ZIP_ERRORS"]

# A bad directory or checksum, damaged compressed data, an unsupported version or compression method ("zip file
# version 14.8"), an encrypted member, a truncated file.
ZIP_ERRORS: tuple[type[Exception], ...] = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError,
                                           NotImplementedError, RuntimeError, EOFError, ValueError, OSError)
