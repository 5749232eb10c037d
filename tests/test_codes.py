"""Codes are permanent and given once: reader diagnostics, review rules and audit rules."""

from __future__ import annotations

import pytest

from jixiao.documents.codes import KINDS, DiagnosticKind, registered
from jixiao.model import Severity
from jixiao.review.registry import RULES
from jixiao.scoring.audit import AUDIT_RULES


def test_a_diagnostic_code_registered_twice_is_refused():
    first = DiagnosticKind("P999", Severity.INFO, "甲", "甲")
    second = DiagnosticKind("P999", Severity.INFO, "乙", "乙")
    with pytest.raises(ValueError, match="P999"):
        registered([first, second])
    assert registered([first]) == {"P999": first}


@pytest.mark.parametrize("codes", [
    pytest.param([kind.code for kind in KINDS.values()], id="diagnostics"),
    pytest.param([rule.code for rule in RULES], id="review"),
    pytest.param([rule.code for rule in AUDIT_RULES], id="audit"),
])
def test_every_code_names_one_thing(codes):
    assert len(codes) == len(set(codes))
