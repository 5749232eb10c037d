"""The column kinds of a body row grouped by what their cells hold, and the shapes that tell those cells apart.

Shared by the placing of rows under their columns (:mod:`.align`), the fitting of a row's cells to columns they
do not match one to one (:mod:`.fit`) and the cutting of a stream of one-cell lines into rows (:mod:`.stream`):
kept apart so that each of those modules reads them from one place and none imports another for them.
"""

from __future__ import annotations

import re

LEVELS = ("level1", "level2")
POINTS = ("weight", "score")  # the columns of points that end a self-evaluation row
ACHIEVED = ("actual", "expected")  # the columns of what was achieved, written like a target
FIGURE_COLUMNS = ("operator", "target", "unit", "weight", "direction")  # columns that hold no words of a name
ROW_VALUES = 2  # the figures a row holds before a name can open the next one (its target and what was achieved)
SENTENCE = re.compile(r"[，,。；;]")  # a sentence's punctuation, which no level name holds
