"""Review engine benchmark: throughput on parsed sheets, and recall/precision on injected defects.

    python -m benchmarks.review_bench [--sheets 4000] [--seed 7] [--defect-rate 0.5]

Sheets come from the synthetic generator (benchmarks/synth.py); checking is timed on already-built model
objects, on one core, with the central profile. Figures are printed, never asserted: the target is 2,000
sheets/s.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from benchmarks.synth import DEFECT_KINDS, Defect, generate_document
from jixiao.model import Document
from jixiao.review import Finding, load_profile, review_document

# The rule that should report each kind of defect the generator injects.
EXPECTED_RULE = {
    "count_in_percent": "JX303",
    "reverse_with_ge": "JX401",
    "satisfaction_100": "JX801",
    "rate_over_100": "JX302",
    "missing_timeliness": "JX104",
    "plan_not_ending_100": "JX703",
    "budget_sum_mismatch": "JX701",
    "wrong_level2": "JX502",
    "placeholder_target": "JX108",
    "prose_in_target": "JX203",
    "swapped_descriptions": "JX602",
    "goal_number_mismatch": "JX603",
    "heading_name_mismatch": "JX604",
}
assert set(EXPECTED_RULE) == set(DEFECT_KINDS), "a new defect kind needs its expected rule here"


def _documents(total: int, seed: int, defect_rate: float, per_document: int = 20) -> list[tuple[Document, list[Defect]]]:
    return [generate_document(seed + n, sheets=per_document, defect_rate=defect_rate)
            for n in range(max(total // per_document, 1))]


def throughput(documents: list[Document], repeat: int = 3) -> float:
    """Best sheets/s over ``repeat`` runs of reviewing every document."""
    profile = load_profile()
    sheets = sum(len(d.sheets) for d in documents)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            review_document(document, profile)
        best = min(best, time.perf_counter() - start)
    return sheets / best


def _detected(defect: Defect, document: Document, findings: list[Finding]) -> bool:
    sheet = document.sheets[defect.sheet]
    indicator = sheet.indicators[defect.indicator].name if defect.indicator is not None else None
    return any(f.rule == EXPECTED_RULE[defect.kind] and f.sheet == sheet.key
               and (indicator is None or f.indicator == indicator) for f in findings)


def quality(pairs: list[tuple[Document, list[Defect]]]) -> dict[str, object]:
    """Recall per defect kind, and precision: the share of findings that fall on a sheet with a defect."""
    profile = load_profile()
    found, injected = Counter(), Counter()
    on_defective, stray = 0, Counter()
    total = labelled = labelled_hits = 0
    watched = set(EXPECTED_RULE.values())
    for document, defects in pairs:
        findings = review_document(document, profile).findings
        defective = {document.sheets[d.sheet].key for d in defects}
        for defect in defects:
            injected[defect.kind] += 1
            found[defect.kind] += _detected(defect, document, findings)
        expected_at = {(EXPECTED_RULE[d.kind], document.sheets[d.sheet].key) for d in defects}
        for finding in findings:
            total += 1
            if finding.rule in watched:
                labelled += 1
                labelled_hits += (finding.rule, finding.sheet) in expected_at
            if finding.sheet in defective:
                on_defective += 1
            else:
                stray[finding.rule] += 1
    recall = sum(found.values()) / max(sum(injected.values()), 1)
    return {"recall": recall, "precision": on_defective / max(total, 1), "findings": total,
            "labelled_precision": labelled_hits / max(labelled, 1),
            "per_kind": {kind: (found[kind], injected[kind]) for kind in sorted(injected)},
            "stray": stray.most_common(8)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--defect-rate", type=float, default=0.5)
    args = parser.parse_args()

    clean = [document for document, _ in _documents(args.sheets, args.seed, 0.0)]
    rate = throughput(clean)
    print(f"throughput: {rate:,.0f} sheets/s on one core ({sum(len(d.sheets) for d in clean)} clean sheets, "
          f"target 2,000)")
    result = quality(_documents(args.sheets, args.seed + 100_000, args.defect_rate))
    print(f"recall {result['recall']:.3f}  precision {result['precision']:.3f} (findings on sheets with a defect)  "
          f"precision of the labelled rules {result['labelled_precision']:.3f}  ({result['findings']} findings)")
    for kind, (hit, injected) in result["per_kind"].items():
        print(f"  {kind:22} {hit}/{injected}  ({EXPECTED_RULE[kind]})")
    if result["stray"]:
        print("findings on sheets without an injected defect, by rule:", result["stray"])


if __name__ == "__main__":
    main()
