"""A self-evaluation's 年度总体目标 printed as a pair: the goal as planned (预期目标) and what was done (实际完成情况).

The form's header block gives the goal a row of labels and then its values: ``年度总体目标 | 预期目标 | 实际完成情况``
followed, in the same row or the next, by the goal's cells and then the completion's (``目标1:造林1.2万亩 | … |
目标1:造林1.2万亩 | …``, one cell each or as many for both). The goal's cells come first, then what the sheet says
of its completion (:attr:`~jixiao.model.ReportedEvaluation.overall_actual`), which begins where a cell restates the
goal's opening, or else halfway.
"""

from __future__ import annotations

from jixiao.documents.vocabulary import header_label
from jixiao.model.lexicon import fold

__all__ = ["pair_labels", "split_pair"]

# the labels of the two halves (a goal field's own label, 年度总体目标, may stand before them or be the first)
_PLANNED = {"预期目标", "总体目标", "年度目标", "项目年度目标", "年度绩效目标"}
_OPENING = 6  # characters a completion repeats of its goal's opening
_DONE = {"实际完成情况", "全年实际完成情况", "年度目标完成情况", "目标实际完成情况", "全年目标实际完成情况"}


def pair_labels(texts: list[str]) -> int | None:
    """Where the values of a row of the goal pair's labels begin (after its 实际完成情况 label), or None when
    ``texts`` is no such row: a goal label (预期目标, or the goals field's own) followed by a completion label."""
    planned = None
    for index, text in enumerate(texts):
        folded = fold(text)
        # (a completion label first: some forms label the goals section 年度目标完成情况 as a whole)
        if folded in _DONE:
            if planned is not None:
                return index + 1
        elif folded in _PLANNED or header_label(text) in ("goals", "long_term_goals"):
            planned = index
    return None


def split_pair(values: list[str]) -> tuple[list[str], list[str]]:
    """The goal's cells and the completion's. A completion restates its goal: it begins at the first later cell
    that opens as the goal does (``提高医疗保障水平,推进…`` / ``提高医疗保障水平,推进了…`` / ``解决``: one cell
    and two); otherwise the values are halved (one goal cell more when odd)."""
    opening = values[0][:_OPENING] if values else ""
    restated = next((at for at in range(1, len(values)) if len(opening) == _OPENING
                     and values[at].startswith(opening)), None)
    half = restated if restated is not None else (len(values) + 1) // 2
    return values[:half], values[half:]
