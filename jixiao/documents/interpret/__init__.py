"""Building goal sheets from what the reading pipeline (:mod:`jixiao.documents.pipeline`) found: the sheet's
header block, the unit's overall goals, the budget system's long exports."""
