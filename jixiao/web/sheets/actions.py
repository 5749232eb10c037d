"""Every kind of recorded change, with the label the history shows. Registered here and nowhere else."""

from __future__ import annotations

__all__ = ["ACTIONS", "action_label"]

ACTIONS: dict[str, str] = {
    "create": "新建",
    "import": "导入",
    "edit": "修改",
    "submit": "提交审核",
    "return": "退回修改",
    "approve": "批复",
    "adjust": "申请调整",
    "comment": "审核意见",
    "recheck": "规则更新后重新复核",
    "delete": "删除",
    "restore": "恢复",
    "publish": "公开",
    "publish_evaluation": "公开自评结果",
    "withdraw": "撤回公开",
}


def action_label(code: str) -> str:
    """The Chinese label of action ``code``."""
    return ACTIONS.get(code, code)
