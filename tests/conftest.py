from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    """The real township document from shared/seed, copied so the suite runs from a clone alone."""
    return FIXTURES / "sample.txt"
