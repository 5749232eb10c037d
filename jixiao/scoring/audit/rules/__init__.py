"""The audit rules, by what they read: the printed self-evaluation (``evaluation``), the approved goal sheet
(``approval``) and the printed monitoring table (``monitoring``)."""
