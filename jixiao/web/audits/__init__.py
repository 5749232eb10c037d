"""The audit of units' printed self-evaluations and monitoring tables (自评复核), uploaded by the bureau."""
