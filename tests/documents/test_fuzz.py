"""Fuzzing the readers with a short budget: mutated files of every format end in a Document or a Chinese refusal
(NotAGoalDocument), never another exception, a hang or memory over 1 GiB. Each input is read in a worker process
under that cap (benchmarks/isolated.py). ``python -m benchmarks.fuzz --seconds N`` runs longer; the crashers it
finds are kept in ``fuzz_crashers/`` and read here as regression tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import mutate
from benchmarks.isolated import IsolatedReader
from tests.documents.fuzz_seeds import seeds

CRASHERS = Path(__file__).parent / "fuzz_crashers"
# the PDF reader is the slowest: fewer of its inputs in the short budget
EXAMPLES = {"sample.docx": 40, "sample.xlsx": 40, "sample.html": 40, "sample.txt": 40, "sample.pdf": 12}


@pytest.fixture(scope="module")
def isolated():
    with IsolatedReader(timeout=20) as reader:
        yield reader


def _assert_reads_or_refuses(isolated, data: bytes, name: str) -> None:
    outcome = isolated.read(data, name)
    assert outcome.kind in {"read", "refused"}, outcome.detail
    assert outcome.peak_mb < 1024


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_mutated_files_read_or_are_refused(isolated, name):
    @settings(max_examples=EXAMPLES[name], deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(rng=st.randoms(use_true_random=False))
    def check(rng):
        _assert_reads_or_refuses(isolated, mutate(seeds()[name], rng), name)

    check()


@pytest.mark.parametrize("path", sorted(CRASHERS.iterdir()) if CRASHERS.is_dir() else [], ids=lambda p: p.name)
def test_former_crashers_read_or_are_refused(isolated, path):
    _assert_reads_or_refuses(isolated, path.read_bytes(), path.name.split("-", 2)[-1])
