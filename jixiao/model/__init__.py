"""Layer 1: the domain model. Pure pydantic; imports nothing else of jixiao."""

from jixiao.model.choices import HeaderChoice
from jixiao.model.diagnostic import Diagnostic, Location, Severity
from jixiao.model.document import Collection, Document, OverallGoals
from jixiao.model.evaluation import IndicatorResult, QualitativeTier, SelfEvaluation, SelfEvaluationSet
from jixiao.model.execution import CumulativeSpending, ExecutionRecord, FundSource, IndicatorProgress, SpendingEntry
from jixiao.model.indicator import (
                                    Direction,
                                    Indicator,
                                    form_text,
                                    misread_cell,
                                    named_by_a_figure,
                                    not_an_indicator,
                                    parse_direction,
)
from jixiao.model.monitoring import (
                                    DeviationCause,
                                    Likelihood,
                                    MonitoringAnswer,
                                    parse_likelihood,
)
from jixiao.model.prose import FundAmount, MoneyStatement, MoneySum, ProseReport, Said, StatedAmount
from jixiao.model.reported import (
    ReportedEvaluation,
    ReportedItem,
    ReportedMonitoring,
    ReportedPart,
    ReportedProgress,
    not_applicable,
)
from jixiao.model.sheet import ENTERED, Budget, Checkpoint, GoalSheet, MoneyUnit, Period, Unit
from jixiao.model.target import NoteCode, Operator, Target, TargetNote, points_not_targets
from jixiao.model.target_text import parse_target
from jixiao.model.units import UnitKind, canonical_unit, unit_kind
from jixiao.model.vocabulary import Framework, canonical_level1, canonical_level2, level2_parents

__all__ = [
    "ENTERED",
    "Budget",
    "Checkpoint",
    "Collection",
    "CumulativeSpending",
    "DeviationCause",
    "Diagnostic",
    "Direction",
    "Document",
    "ExecutionRecord",
    "Framework",
    "FundSource",
    "GoalSheet",
    "HeaderChoice",
    "Indicator",
    "IndicatorProgress",
    "IndicatorResult",
    "Likelihood",
    "Location",
    "MoneyStatement",
    "FundAmount",
    "MoneySum",
    "MoneyUnit",
    "MonitoringAnswer",
    "parse_likelihood",
    "NoteCode",
    "Operator",
    "OverallGoals",
    "Period",
    "ProseReport",
    "QualitativeTier",
    "ReportedEvaluation",
    "ReportedItem",
    "ReportedPart",
    "ReportedMonitoring",
    "ReportedProgress",
    "Said",
    "StatedAmount",
    "SelfEvaluation",
    "SelfEvaluationSet",
    "Severity",
    "SpendingEntry",
    "Target",
    "TargetNote",
    "Unit",
    "UnitKind",
    "canonical_level1",
    "canonical_level2",
    "canonical_unit",
    "level2_parents",
    "form_text",
    "misread_cell",
    "named_by_a_figure",
    "not_an_indicator",
    "not_applicable",
    "parse_direction",
    "parse_target",
    "points_not_targets",
    "unit_kind",
]
