"""Whatever a sheet's span holds (GoalSheet.period: its text, length, first and last year, and the whole span's
budget with its parts and other sources) is written in every format and read back, with the year's budget beside it
unchanged.

JSON keeps the model as it is. What reading a table back may normalise, and nothing else:
- the span's text is the 项目期 cell as written: the text given, or its length (3年) where none is; followed by the
  span's years in brackets (3年（2024年—2026年）, 2年（至2026年）) where the text names none of them and no
  中长期目标 heading names them (中长期目标（2024年—2026年）), as :meth:`Period.describe` puts the span in words;
- a one-year span of unknown years (项目期 1年) is the sheet's year, as the reader takes it, and a span within one
  year it names gives a sheet written with no year that year;
- a span that holds nothing (``Period()``) is none, as the web stores it.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.documents import WRITABLE_FORMATS, read_bytes, render_document
from jixiao.model import Document, GoalSheet, Period
from tests.documents.strategies import budgets, goal_sheets, periods
from tests.documents.writers.test_round_trip import content

SPANS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def spanned_sheets(draw) -> GoalSheet:
    """A goal sheet with a span, its year's budget with other sources of its own or none."""
    sheet = draw(goal_sheets(None))
    return sheet.model_copy(update={"period": draw(periods()), "budget": draw(budgets())})


def read_back(written: GoalSheet) -> Period | None:
    """The span reading ``written`` back gives: its text as the 项目期 cell prints it, a length-only year the sheet's."""
    span = written.period
    if span == Period():
        return None
    heading = bool(written.long_term_goals) and not any(
        str(year) in (span.text or "") for year in (span.start, span.end) if year is not None)
    text = span.printed() if heading and span.years_text() else span.describe()
    update: dict = {"text": text or None}
    if span.years == 1 and span.start is None and span.end is None and written.year is not None:
        update.update(start=written.year, end=written.year)
    return span.model_copy(update=update)


@given(written=spanned_sheets(), file_format=st.sampled_from(WRITABLE_FORMATS))
@SPANS
def test_the_whole_span_is_written_and_read_back(written, file_format):
    (read,) = read_bytes(render_document(Document(sheets=[written]), file_format), f"目标表.{file_format}").sheets
    span = written.period if file_format == "json" else read_back(written)
    assert read.period == span
    assert read.budget == written.budget
    if file_format != "pdf":  # (as the other round trips, everything else of the sheet reads back too)
        # (a sheet written with no year whose span is one year it names takes that year, said: P180)
        one_year = span.start if span is not None and span.start == span.end and file_format != "json" else None
        expected = written.model_copy(update={"period": span, "year": written.year or one_year})
        assert content(Document(sheets=[read])) == content(Document(sheets=[expected]))
