"""What produced a review: a short fingerprint of the rule set a review ran under.

A stored review (the web keeps each sheet's findings and suggested grade) is true only for the rules that made
it. The fingerprint names them: jixiao's version, then a hash of every registered rule (code, name, severity,
parameter defaults, message), the retired codes, the profile's whole content (selection, severity overrides,
parameters, grade policy, blocking rules) and the data files the rules read (the lexicon, the forms). A review
stored under another fingerprint may say something the current rules no longer say. The version is kept readable
at the front (``0.2.0+3f9c…``) so a page can say which release reviewed a sheet.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata, resources

from jixiao.review.profile import Profile
from jixiao.review.registry import RETIRED, RULES

__all__ = ["fingerprint_release", "jixiao_release", "ruleset_fingerprint"]

# Separates the release from the hash; a release number never holds it (PEP 440 local versions use "+", so
# neither that nor "-").
_SEPARATOR = "/"


def jixiao_release() -> str:
    """The installed jixiao's version ("unknown" when it runs from a tree that was never installed)."""
    try:
        return metadata.version("jixiao")
    except metadata.PackageNotFoundError:
        return "unknown"


@cache
def _data_digest() -> str:
    """A hash of the data files the rules read (the lexicon and the forms): they ship with the code and change
    findings without a rule's code or severity changing."""
    data = resources.files("jixiao.review").joinpath("data")
    digest = hashlib.sha256()
    files = [data.joinpath("lexicon.toml"), *sorted(data.joinpath("forms").iterdir(), key=lambda f: f.name)]
    for entry in files:
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def ruleset_fingerprint(profile: Profile) -> str:
    """The fingerprint of the rule set reviewing under ``profile``: ``<version>/<16 hex digits>``.

    Equal fingerprints mean the same release, rules, profile and data, so a review stored under the current
    fingerprint is what reviewing again would give; any change to a rule's code or severity, the profile or the
    data files gives another fingerprint."""
    rules = [{"code": rule.code, "name": rule.name, "severity": rule.severity.value, "message": rule.message,
              "defaults": dict(rule.defaults)} for rule in RULES]
    content = json.dumps({"rules": rules, "retired": sorted(RETIRED), "profile": profile.model_dump(mode="json"),
                          "data": _data_digest()}, sort_keys=True, ensure_ascii=False, default=str)
    return f"{jixiao_release()}{_SEPARATOR}{hashlib.sha256(content.encode()).hexdigest()[:16]}"


def fingerprint_release(fingerprint: str) -> str:
    """The jixiao version a ``fingerprint`` names ("" for an empty one: a review stored before fingerprints)."""
    return fingerprint.partition(_SEPARATOR)[0]
