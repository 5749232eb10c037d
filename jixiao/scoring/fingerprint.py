"""What produced a stored monitoring result and score: :func:`scoring_fingerprint`."""

from __future__ import annotations

from functools import cache

from jixiao.model.fingerprint import fingerprint_of, packages_digest

__all__ = ["SCORING_PACKAGES", "scoring_fingerprint"]

# Monitoring and scoring, their shipped profiles (data files of the package), and the model they read with.
SCORING_PACKAGES = ("jixiao.scoring", "jixiao.model")


@cache
def scoring_fingerprint() -> str:
    """``<version>/<16 hex digits>`` of the scoring code and shipped profiles: a monitoring light or score stored
    under another fingerprint may not be what monitoring and scoring give now (e.g. a profile's local rule was
    switched off in a new release). Which profile a bureau chose is its setting, stored apart. Computed once per
    process: every stored summary asks for it (a bureau's setting refreshes thousands)."""
    return fingerprint_of(packages_digest(SCORING_PACKAGES))
