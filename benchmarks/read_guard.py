"""What jixiao reads from a fixed set of files, one JSON per file, to show that a change meant only to make reading
faster changes no result: run it on the base tree and on the changed one, then compare the folders with ``diff -r``.

    .venv/bin/python -m benchmarks.read_guard OUT_FOLDER [--reverse]
    PYTHONPATH=BASE_TREE .venv/bin/python benchmarks/read_guard.py BASE_FOLDER   # the base tree, read by this script

The files: every dev document of the corpus manifest, their text variants (:mod:`benchmarks.variants`) and office
twins (``tests/corpus/office_twin.py``), ``tests/fixtures``, the shared seed and hostile files, and synthetic
documents (:mod:`benchmarks.synth`: 300 one-sheet files per format as ``read_bench`` reads them, and 60 with
several sheets and injected defects). Unseen documents are left out: nobody looks at jixiao's output on them.
``--reverse`` reads the files in the opposite order: the pipeline memoises what it learns of a cell's text, and
no file's result may depend on the files read before it.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.corpus_score import document_bytes, load_manifest
from benchmarks.corpus_variants import dev_texts
from benchmarks.synth import generate_document
from benchmarks.variants import variants
from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.writers.registry import writer_for

_ROOT = Path(__file__).resolve().parent.parent
_FOLDERS = (_ROOT / "tests" / "fixtures", _ROOT.parent / "shared" / "seed", _ROOT.parent / "shared" / "hostile")


def guard_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every file read; office twins are written into ``folder`` first."""
    from tests.corpus.office_twin import write_twins

    for entry in load_manifest():
        if entry.split == "dev":
            yield f"dev__{entry.path.name}", document_bytes(entry.path)
    for source in _FOLDERS:
        for path in sorted(source.iterdir()) if source.is_dir() else []:
            if path.is_file():
                yield f"{source.name}__{path.name}", path.read_bytes()
    for entry, text in dev_texts():
        for name, variant in variants(text).items():
            yield f"variant__{entry.stem[:3]}__{name}.txt", variant.encode("utf-8")
    for twin in write_twins(folder):
        yield f"twin__{twin.path.name}", twin.path.read_bytes()
    for file_format in ("txt", "docx", "xlsx"):
        write = writer_for(file_format)
        for seed in range(300):
            yield f"synth1__{seed}.{file_format}", write(generate_document(seed, indicators_per_sheet=8 + seed % 8)[0])
        for seed in range(1000, 1060):
            document = generate_document(seed, sheets=1 + seed % 4, indicators_per_sheet=5 + seed % 10, defect_rate=0.7)
            yield f"synthd__{seed}.{file_format}", write(document[0])


def read_result(name: str, data: bytes) -> str:
    """The document read as JSON, or the refusal's message."""
    try:
        return read_bytes(data, name).model_dump_json(indent=1)
    except NotAGoalDocument as refused:
        return f"REFUSED {refused.message}"


def main() -> None:
    """Write one ``<file>.json`` per file read into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reverse", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        files = list(guard_files(Path(folder)))
    for name, data in reversed(files) if args.reverse else files:
        (args.out / f"{name}.json").write_text(read_result(name, data), encoding="utf-8")
    print(f"{len(files)} files read into {args.out}")


if __name__ == "__main__":
    main()
