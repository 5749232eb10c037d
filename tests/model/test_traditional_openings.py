"""The characters a Traditional-to-Simplified conversion can start a change at (``data/traditional.toml``) are those
of the installed OpenCC's t2s dictionaries: a text holding none of them is returned as it is, without the conversion's
call, so a character missing from the file would leave a Traditional text unconverted."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import opencc
import pytest

from jixiao.model import lexicon

_CLIB = Path(opencc.__file__).parent / "clib"


def dictionary_openings() -> str:
    """The first character of every key of the dictionaries t2s reads (its normalization and its conversion chain),
    in code-point order, from the installed OpenCC's files (its ``opencc_dict`` writes a dictionary as text)."""
    config = json.loads((_CLIB / "share" / "opencc" / "t2s.json").read_text(encoding="utf-8"))
    steps = [*config.get("normalization", []), *config["conversion_chain"]]
    files = [d["file"] for step in steps for d in step["dict"].get("dicts", [step["dict"]])]
    openings: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        for name in files:
            out = Path(folder) / f"{name}.txt"
            subprocess.run([str(_CLIB / "bin" / "opencc_dict"), "-i", str(_CLIB / "share" / "opencc" / name),
                            "-o", str(out), "-f", "ocd2", "-t", "text"], check=True, capture_output=True,
                           env={**os.environ, "LD_LIBRARY_PATH": str(_CLIB / "lib64")})
            openings |= {line[0] for line in out.read_text(encoding="utf-8").splitlines() if line}
    return "".join(sorted(openings))


@pytest.mark.skipif(not (_CLIB / "bin" / "opencc_dict").exists(), reason="this OpenCC ships no opencc_dict")
def test_the_openings_are_those_of_the_installed_dictionaries():
    assert lexicon.load("traditional")["openings"] == dictionary_openings(), (
        "rewrite jixiao/model/data/traditional.toml's openings with tests.model.test_traditional_openings."
        "dictionary_openings()")


def test_a_text_without_an_opening_is_not_converted(monkeypatch):
    calls = []
    convert = lexicon._converter().convert
    monkeypatch.setattr(lexicon._converter(), "convert", lambda text: calls.append(text) or convert(text))
    assert lexicon._converted("乡镇环境治理经费１００％") == "乡镇环境治理经费100%" and calls == []
    assert lexicon._converted("鄉鎮環境治理經費") == "乡镇环境治理经费" and calls == ["鄉鎮環境治理經費"]
    # (深 does not change alone, 深沈 does: a phrase's opening character counts)
    assert lexicon._converted("深沈") == "深沉"
