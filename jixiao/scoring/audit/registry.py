"""Every audit rule, registered in one place (codes JXA01–JXA43 for self-evaluations and reports in prose, JXM01–JXM06
for monitoring tables). A retired code is never given to another rule."""

from __future__ import annotations

from jixiao.scoring.audit.rule import AuditRule
from jixiao.scoring.audit.rules.actuals import ACTUAL_RULES
from jixiao.scoring.audit.rules.approval import APPROVAL_RULES
from jixiao.scoring.audit.rules.evaluation import EVALUATION_RULES
from jixiao.scoring.audit.rules.monitoring import MONITORING_RULES
from jixiao.scoring.audit.rules.parts import PART_RULES
from jixiao.scoring.audit.rules.prose import PROSE_RULES
from jixiao.scoring.audit.rules.recorded import RECORDED_RULES

__all__ = ["AUDIT_RULES", "RETIRED"]

AUDIT_RULES: tuple[AuditRule, ...] = (*EVALUATION_RULES, *PART_RULES, *ACTUAL_RULES, *APPROVAL_RULES,
                                      *RECORDED_RULES, *MONITORING_RULES, *PROSE_RULES)
RETIRED: dict[str, str] = {}
