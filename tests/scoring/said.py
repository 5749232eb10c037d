"""What a finding's message says in one place, for tests of rules whose wording there was once a parameter.

A finding's parameters are data; its message is rendered from them through one of the rule's templates. These tests
check the rendered words where the rule chose them (the kind of shortfall, the fields left blank…)."""

from jixiao.model.finding import Finding


def said(finding: Finding, before: str, after: str = "") -> str:
    """The message's words after the first ``before`` and before the last ``after`` (to its end without one)."""
    message = finding.message
    start = message.index(before) + len(before)
    return message[start:message.rindex(after) if after else len(message)]


def blank(finding: Finding) -> str:
    """JXA12: the columns left blank (实际完成值, 得分, 实际完成值和得分)."""
    return said(finding, "没有填写")


def restated(finding: Finding) -> str:
    """JXA17: how the actual restates the target."""
    return said(finding, "的实际完成值", "，看不出实际做到了什么")


def shortfall(finding: Finding) -> str:
    """JXA10: what falls short, with its figures."""
    return said(finding, "”", "，却没有填写偏差原因分析及改进措施")
