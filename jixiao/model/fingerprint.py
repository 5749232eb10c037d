"""What produced a stored result: jixiao's release and a hash of the code and data files that compute it.

The web stores what the core computed (a sheet's review, a year's monitoring and score) and shows it later; after
an upgrade the stored result may no longer be what the core computes. A fingerprint of the packages that compute a
result tells the two apart. The files themselves are hashed, not only the release number: a rule's or a profile's
logic changes more often than the release.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable

__all__ = ["fingerprint_of", "fingerprint_release", "jixiao_release", "packages_digest"]

# Separates the release from the hash; a release number never holds it (PEP 440 local versions use "+", so
# neither that nor "-").
_SEPARATOR = "/"

# Source and the data files shipped beside it (lexicons, forms, profiles); compiled files are not the code.
_SUFFIXES = (".py", ".toml", ".json", ".txt")


@cache
def jixiao_release() -> str:
    """The installed jixiao's version ("unknown" when it runs from a tree that was never installed). Read once:
    the installed metadata is searched on sys.path, about a millisecond a call."""
    try:
        return metadata.version("jixiao")
    except metadata.PackageNotFoundError:
        return "unknown"


def _files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(_SUFFIXES):
            yield f"{prefix}{entry.name}", entry


@cache
def packages_digest(packages: tuple[str, ...]) -> str:
    """A SHA-256 hex digest of the source and data files of ``packages`` (dotted names), with their paths."""
    digest = hashlib.sha256()
    for package in packages:
        for name, entry in _files(resources.files(package)):
            digest.update(f"{package}/{name}".encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def fingerprint_of(content: str) -> str:
    """``<release>/<16 hex digits>``: the release kept readable at the front (a page says which release computed a
    stored result), then a hash of ``content`` (what computed it, e.g. the packages' digest and the settings)."""
    return f"{jixiao_release()}{_SEPARATOR}{hashlib.sha256(content.encode()).hexdigest()[:16]}"


def fingerprint_release(fingerprint: str) -> str:
    """The jixiao version a ``fingerprint`` names ("" for an empty one: a result stored before fingerprints)."""
    return fingerprint.partition(_SEPARATOR)[0]
