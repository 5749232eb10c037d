"""Layer 3: the review engine. Explainable checks of goal sheets; imports jixiao.model and jixiao.documents only.

Use :func:`review_document` (or :func:`review_sheet`) with a :class:`Profile` from :func:`load_profile`;
the rules are listed in :data:`RULES`.
"""

from jixiao.review.config import Config, ConfigError, find_config, load_config
from jixiao.review.engine import Review, review_document, review_sheet
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix
from jixiao.review.fingerprint import fingerprint_release, jixiao_release, ruleset_fingerprint
from jixiao.review.forms import FormError, FormProfile, available_forms, load_form, recognise_form
from jixiao.review.outcome import GRADE_MEANINGS, SheetReview
from jixiao.review.profile import Profile, ProfileError, available_profiles, load_profile
from jixiao.review.registry import RULES, by_code
from jixiao.review.rule import Rule, RuleDocs

__all__ = [
    "Applicability",
    "Confidence",
    "Config",
    "ConfigError",
    "Dimension",
    "Edit",
    "Finding",
    "Fix",
    "FormError",
    "FormProfile",
    "GRADE_MEANINGS",
    "Profile",
    "ProfileError",
    "RULES",
    "Review",
    "Rule",
    "RuleDocs",
    "SheetReview",
    "available_forms",
    "available_profiles",
    "by_code",
    "find_config",
    "fingerprint_release",
    "jixiao_release",
    "load_config",
    "load_form",
    "load_profile",
    "recognise_form",
    "review_document",
    "review_sheet",
    "ruleset_fingerprint",
]
