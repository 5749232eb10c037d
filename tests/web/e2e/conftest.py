"""One Chromium for the whole session, and the demo data made once (migrations, static files, demo bureau) and
copied into each module's fresh data folder, so that every server starts from the same first-run state without
building it again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, serving


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's Chromium; the windows (contexts) a module opened are closed at its end."""
    yield chromium
    for context in chromium.contexts:
        context.close()


@pytest.fixture(scope="session")
def first_run(tmp_path_factory) -> Path:
    """A data folder as ``jixiao serve`` leaves it after its first run (database with the demo, static files)."""
    data = tmp_path_factory.mktemp("first-run")
    with serving(data):
        pass
    return data


def fresh_copy(first_run: Path, data: Path) -> Path:
    """``data``, a new folder holding a copy of the first run's (without the mark of the server that ran on it)."""
    shutil.copytree(first_run, data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("jixiao-serve.pid"))
    return data


@pytest.fixture(scope="module")
def server(first_run, tmp_path_factory):
    """A running ``jixiao serve`` (with its worker thread) on fresh demo data."""
    with serving(fresh_copy(first_run, tmp_path_factory.mktemp("data"))) as url:
        yield url
