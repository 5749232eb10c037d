"""Text as Word and Excel files can hold it.

XML 1.0 forbids most control characters; a name typed or pasted with one (a NUL, a form feed, a stray escape)
must not make a download fail. Writers pass every piece of user text through :func:`xml_safe`.
"""

from __future__ import annotations

import re

__all__ = ["xml_safe"]

# Everything outside XML 1.0's Char production: C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters that XML 1.0 (and so .docx and .xlsx) cannot store."""
    return _ILLEGAL.sub("", text)
