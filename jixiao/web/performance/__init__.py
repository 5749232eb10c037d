"""Execution, mid-year monitoring (运行监控) and self-evaluation (绩效自评) of approved sheets."""
