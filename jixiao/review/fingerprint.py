"""What produced a review: a short fingerprint of the rule set a review ran under.

A stored review (the web keeps each sheet's findings and suggested grade) is true only for the rules that made
it. The fingerprint names them: jixiao's version, then a hash of every registered rule (code, name, severity,
parameter defaults, message), the retired codes, the profile's whole content (selection, severity overrides,
parameters, grade policy, blocking rules) and the code and data files of the review and the model (a rule's
logic changes more often than the release number). A review
stored under another fingerprint may say something the current rules no longer say. The version is kept readable
at the front (``0.2.0+3f9c…``) so a page can say which release reviewed a sheet.
"""

from __future__ import annotations

import json

from jixiao.model.fingerprint import fingerprint_of, fingerprint_release, jixiao_release, packages_digest
from jixiao.review.profile import Profile
from jixiao.review.registry import RETIRED, RULES

__all__ = ["fingerprint_release", "jixiao_release", "ruleset_fingerprint"]

# The packages whose code and data decide a review: the rules and their data (lexicon, forms), and the model they
# read the sheet with (targets, units, vocabulary). Reading is not among them: a stored sheet is re-reviewed as
# stored, not read again.
REVIEWING_PACKAGES = ("jixiao.review", "jixiao.model")


def ruleset_fingerprint(profile: Profile) -> str:
    """The fingerprint of the rule set reviewing under ``profile``: ``<version>/<16 hex digits>``.

    Equal fingerprints mean the same release, rules, profile and data, so a review stored under the current
    fingerprint is what reviewing again would give; any change to a rule, the profile, or the review's or the
    model's code and data gives another fingerprint."""
    rules = [{"code": rule.code, "name": rule.name, "severity": rule.severity.value, "message": rule.message,
              "defaults": dict(rule.defaults)} for rule in RULES]
    content = json.dumps({"rules": rules, "retired": sorted(RETIRED), "profile": profile.model_dump(mode="json"),
                          "code": packages_digest(REVIEWING_PACKAGES)}, sort_keys=True, ensure_ascii=False, default=str)
    return fingerprint_of(content)
