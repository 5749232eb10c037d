"""The performance API: a sheet's year (record, monitoring, score) and its writes. Same services, same permissions."""

from __future__ import annotations

from datetime import date

from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field, model_validator

from jixiao.model import ExecutionRecord, FundSource, IndicatorProgress, Likelihood, MonitoringAnswer, SelfEvaluation
from jixiao.scoring import InputProblem, MonitoringResult, SheetScore
from jixiao.web.bounds import Finite, Text, Version
from jixiao.web.organisation.selectors import member_get
from jixiao.web.performance.selectors import sheet_year
from jixiao.web.performance.services import (
    actuals_import,
    answers_save,
    evaluation_save,
    progress_add,
    spending_add,
)
from jixiao.web.sheets.selectors import sheet_get
from jixiao.web.uploads import upload_bytes

router = Router(tags=["执行、运行监控与绩效自评"])


class YearOut(Schema):
    sheet_id: int
    version: int
    profile: str
    period_end: date
    record: ExecutionRecord
    monitoring: MonitoringResult | None
    monitoring_problems: list[str] = Field(description="Why no monitoring result, each problem's message")
    monitoring_problem_details: list[InputProblem] = Field(
        description="The same problems as data: where each is (sheet, indicator, field), its template and params")
    evaluation: SelfEvaluation
    score: SheetScore | None
    score_problems: list[str] = Field(description="Why no score, each problem's message")
    score_problem_details: list[InputProblem] = Field(
        description="The same problems as data: where each is (sheet, indicator, field), its template and params")


class SpendingIn(Schema):
    version: Version
    day: date
    amount: Finite
    source: FundSource | None = None
    cumulative: bool = False
    note: Text(200) = ""


class ProgressIn(Schema):
    version: Version
    progress: IndicatorProgress


class AnswerIn(MonitoringAnswer):
    """One indicator's monitoring answer. Unlike the core's default, an omitted ``likelihood`` is not 确定能: the
    indicator is not judged yet and nothing is saved for it, as on the web form; causes, a remedy or an expected
    value without a likelihood are refused."""

    likelihood: Likelihood | None = None

    @model_validator(mode="after")
    def _explained_when_uncertain(self) -> AnswerIn:
        if self.likelihood is not None:
            return MonitoringAnswer._explained_when_uncertain(self)
        given = [label for label, value in (("偏差原因", self.causes), ("偏差原因说明", (self.cause_note or "").strip()),
                                            ("改进措施", (self.remedy or "").strip()),
                                            ("全年预计完成值", self.expected_value is not None)) if value]
        if given:
            raise ValueError(f"指标“{self.name or f'第{self.indicator}项'}”填写了{'、'.join(given)}，"
                             "请选择完成目标可能性（likelihood）")
        return self


class AnswersIn(Schema):
    version: Version
    answers: list[AnswerIn]

    def judged(self) -> list[MonitoringAnswer]:
        """The answers of the indicators judged (a likelihood given), as the core's answers."""
        return [MonitoringAnswer.model_validate(a.model_dump()) for a in self.answers if a.likelihood is not None]


class EvaluationIn(Schema):
    version: Version
    evaluation: SelfEvaluation


def _year(request, sheet_id: int) -> dict:
    year = sheet_year(sheet_get(member_get(request.user), sheet_id))
    monitoring, monitoring_problems = year.monitoring()
    score, score_problems = year.score()
    return {"sheet_id": sheet_id, "version": year.tracking.version if year.tracking else 1,
            "profile": year.season.profile_name, "period_end": year.season.period_end, "record": year.record,
            "monitoring": monitoring, "monitoring_problems": [p.message for p in monitoring_problems],
            "monitoring_problem_details": monitoring_problems, "evaluation": year.evaluation(),
            "score": score, "score_problems": [p.message for p in score_problems],
            "score_problem_details": score_problems}


@router.get("/{id:sheet_id}", response=YearOut, summary="读取已批复表的执行情况、运行监控结果与自评得分")
def read_year(request, sheet_id: int):
    return _year(request, sheet_id)


@router.post("/{id:sheet_id}/spending", response=YearOut, summary="记录一笔支出或截至某日的累计支出")
def add_spending(request, sheet_id: int, payload: SpendingIn):
    sheet_get(member_get(request.user), sheet_id)
    spending_add(user=request.user, sheet_id=sheet_id, expected_version=payload.version, day=payload.day,
                 amount=payload.amount, source=payload.source, cumulative=payload.cumulative, note=payload.note)
    return _year(request, sheet_id)


@router.post("/{id:sheet_id}/progress", response=YearOut, summary="记录指标截至某日的完成值与佐证")
def add_progress(request, sheet_id: int, payload: ProgressIn):
    sheet_get(member_get(request.user), sheet_id)
    progress_add(user=request.user, sheet_id=sheet_id, expected_version=payload.version, progress=payload.progress)
    return _year(request, sheet_id)


@router.put("/{id:sheet_id}/monitoring", response=YearOut, summary="保存财政局监控期间的运行监控填报")
def save_answers(request, sheet_id: int, payload: AnswersIn):
    year = sheet_year(sheet_get(member_get(request.user), sheet_id))
    answers_save(user=request.user, sheet_id=sheet_id, expected_version=payload.version,
                 period_end=year.season.period_end, answers=payload.judged())
    return _year(request, sheet_id)


@router.put("/{id:sheet_id}/evaluation", response=YearOut, summary="保存年终绩效自评")
def save_evaluation(request, sheet_id: int, payload: EvaluationIn):
    sheet_get(member_get(request.user), sheet_id)
    evaluation_save(user=request.user, sheet_id=sheet_id, expected_version=payload.version,
                    evaluation=payload.evaluation)
    return _year(request, sheet_id)


@router.post("/{id:sheet_id}/actuals", response=YearOut, summary="导入填好的自评数据模板（.xlsx）")
def import_actuals(request, sheet_id: int, version: Form[Version], file: File[UploadedFile]):
    sheet_get(member_get(request.user), sheet_id)
    actuals_import(user=request.user, sheet_id=sheet_id, expected_version=version, data=upload_bytes(file),
                   filename=file.name)
    return _year(request, sheet_id)
