from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    """The real township document from shared/seed, copied so the suite runs from a clone alone."""
    return FIXTURES / "sample.txt"


def texts(finding) -> dict[str, str]:
    """A finding's parameters as its message shows them (a figure stays a Decimal in the finding, its text is what a
    test of the wording compares)."""
    from jixiao.model.finding import render

    return {key: render("{value}", {"value": value}) for key, value in finding.params.items()}
