"""Layer 4: monitoring and self-evaluation scoring by profile. Imports model, documents and review only."""

from jixiao.scoring.actuals import ActualsError, Located, read_actuals_json, read_actuals_xlsx, write_template
from jixiao.scoring.monitoring import Alert, IndicatorStatus, Light, MonitoringResult, indicator_statuses, monitor_sheet
from jixiao.scoring.problems import InputProblem, ScoringInputError
from jixiao.scoring.profile import DEFAULT_PROFILE, Profile, ProfileError, builtin_profiles, load_profile, parse_profile
from jixiao.scoring.scores import Adjustment, ItemScore, SheetScore
from jixiao.scoring.self_evaluation import score_sheet
from jixiao.scoring.spend_plan import PlanError, planned_share
from jixiao.scoring.target_rules import progress_problem

__all__ = [
    "DEFAULT_PROFILE",
    "ActualsError",
    "Adjustment",
    "Alert",
    "IndicatorStatus",
    "InputProblem",
    "ItemScore",
    "Light",
    "Located",
    "MonitoringResult",
    "PlanError",
    "Profile",
    "ProfileError",
    "ScoringInputError",
    "SheetScore",
    "builtin_profiles",
    "indicator_statuses",
    "load_profile",
    "monitor_sheet",
    "parse_profile",
    "planned_share",
    "progress_problem",
    "read_actuals_json",
    "read_actuals_xlsx",
    "score_sheet",
    "write_template",
]
