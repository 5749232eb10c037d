"""Where a diagnostic or a finding stands: which row of which table a location names (one semantics for the review's
placement rules, its inferred header and the rows read in doubt, :func:`jixiao.model.doubt.doubtful_rows`)."""

from __future__ import annotations

import pytest

from jixiao.model import Location


@pytest.mark.parametrize(
    ("where", "table", "row", "named"),
    [
        (Location(row=5), 2, 5, True),  # naming no table: a reading of one table, its row 5 in any
        (Location(row=5), None, 5, True),
        (Location(table=2, row=5), 2, 5, True),
        (Location(table=2, row=5), 1, 5, False),  # a split grid's second part numbers its rows from 1 again
        (Location(table=2, row=5), None, 5, False),  # a row of an unnumbered sheet is not in table 2
        (Location(table=2, row=5), 2, 6, False),
        (Location(table=2), 2, None, False),  # no row named: no row
        (Location(), None, None, False),
    ],
)
def test_a_location_names_a_row_of_the_table_it_names_or_of_any_when_it_names_none(where, table, row, named):
    assert where.names_row(table, row) is named
