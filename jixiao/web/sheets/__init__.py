"""Goal sheets: indicators, findings, versions, history, the review workflow, import and export."""
