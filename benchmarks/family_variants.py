"""Documents of the layout families the reader generalises worst to, written from the dev goldens' indicators.

    .venv/bin/python -m benchmarks.family_variants [--only NAME...] [--docs PREFIX...] [--json] [--details NAME STEM]

``benchmarks/corpus_variants.py`` rewrites a dev document's text, so a form reaches only the documents whose text has
the shape it rewrites (a pipe grid, a plain goal grid). The families that real documents outside the dev set hold
most — indicators said in prose (family 6: ``二级指标：sentence``, several indicators in one cell, a target inside
a phrase), one cell a line (family 1) and Traditional characters (family 8), in goal tables and self-evaluations
alike — are written here from the golden itself: every dev golden's indicators (一级, 二级, name, operator, value,
unit, and for the self-evaluation forms what was achieved) are set out in each family's forms, as the dev documents
of the family print them, and the reading is scored against those indicators. The expected reading is the golden's,
so every dev document counts, whatever its own layout. Unseen documents are never read, nor their goldens.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache

from benchmarks.corpus_score import differences, load_golden, load_manifest, score_document
from benchmarks.corpus_variants import _read
from benchmarks.variants import pinyin_glosses, traditional

__all__ = ["FORMS", "FamilyFigures", "family_figures", "golden_items", "written"]

_LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
# the 一级 a 二级 name belongs to, for a golden that leaves the merged 一级 cell unnamed
_LEVEL1_OF = (("产出指标", ("数量", "质量", "时效")), ("成本指标", ("成本",)), ("效益指标", ("效益", "影响")),
              ("满意度指标", ("满意",)))
_NUMERALS = "一二三四五六七八九十"
_NAME = "variant.txt"  # (the file name a form is read under: a text file)
# documents another helper works on this session (PDF text of the newest batches)
_LEFT_ALONE = range(330, 346)
# an operator in the words prose uses, by sign: after the name (name不低于95%) or around the target (达到95%以上); not
# 为 for =, which prose says of a figure with no comparison (满意度为95%: the reader's contract reads no operator)
_WORDS = {"≥": (("不低于", ""), ("不少于", ""), ("达到", "以上")), "≤": (("不超过", ""), ("控制在", "以内"), ("不高于", "")),
          "=": (("等于", ""), ("达到", ""), ("", "")), ">": (("高于", ""), ("超过", ""), ("大于", "")),
          "<": (("低于", ""), ("少于", ""), ("小于", ""))}


@dataclass(frozen=True)
class Item:
    """One golden indicator as the forms write it."""

    level1: str
    level2: str
    name: str
    operator: str
    value: str
    unit: str
    actual: str | None

    @property
    def target(self) -> str:
        """The target as a grid cell writes it: ≥300人."""
        return self.operator + self.value + self.unit


def golden_items(golden: dict) -> list[Item]:
    """The first sheet's indicators that every form can write: a known 一级, a name and a value that name no
    other indicator's parts (no separator of the prose inside them); none where fewer than two are."""
    sheets = golden.get("sheets") or []
    items = []
    for want in sheets[0].get("indicators", []) if sheets else []:
        parts = [want.get("name") or "", want.get("value") or "", want.get("unit") or ""]
        level1 = want.get("level1") or _level1_of(want.get("level2") or "")
        if level1 not in _LEVEL1 or not _writable(want.get("operator") or "", *parts):
            continue
        items.append(Item(level1, want.get("level2") or "", parts[0], want.get("operator") or "",
                          parts[1], parts[2], want.get("actual")))
    return items if len(items) >= 2 else []


_LONGEST_WORDS = 10  # characters of a qualitative target prose can set after its name's comma (持续提高, 2023年12月底前)


def _writable(operator: str, name: str, value: str, unit: str) -> bool:
    """Whether an indicator can be said in a sentence that a reader of the page could take apart again: a name of
    words (not a level's, not opening with a figure or sign), a figure with its operator or unit (a bare 100 after a
    name says nothing a reader can place), or a short target of words without a separator inside."""
    if not name or not value or any(re.search(r"[；;:：|\n。]", part) for part in (name, value, unit)):
        return False
    if name.endswith("指标") or not re.match(r"[\u4e00-\u9fff]", name) or len(name) < 2 or re.search(r"[,，]", name):
        return False
    if re.match(r"\d", value) and not re.search(r"[年月日]", value):  # (a date is a target of its own: 2023年12月底前)
        return bool(operator or unit) and not re.search(r"\d$", name)
    return len(value) <= _LONGEST_WORDS and not re.search(r"[,，、]", value)


def _level1_of(level2: str) -> str | None:
    return next((level1 for level1, words in _LEVEL1_OF if any(word in level2 for word in words)), None)


def _groups(items: list[Item]) -> list[tuple[str, list[tuple[str, list[Item]]]]]:
    """The items by 一级, then by 二级, in their order (a level written again later joins its first group)."""
    result: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        result.setdefault(item.level1, {}).setdefault(item.level2, []).append(item)
    return [(level1, list(level2s.items())) for level1, level2s in result.items()]


def _headed(level1: str, groups: list[tuple[str, list[Item]]]) -> bool:
    """Whether prose heads a level 1's groups with its name: not where its one level 2 has the same name (成本指标 in
    the 2021 framework's place), which the group's own line says."""
    return not (len(groups) == 1 and groups[0][0] == level1)


def _said(item: Item) -> str:
    """An indicator in a sentence: its name then its target, glued where the target opens with a sign or a figure
    after a name that does not end in one (受益人数≥1200人), after a comma otherwise (完成时限，2023年12月底前)."""
    glued = (re.match(r"[≥≤><=]|\d", item.target) and not re.search(r"[\dA-Za-z]$", item.name)
             and not re.search(r"[年月日]", item.target))  # (a date goes after a comma)
    return item.name + ("" if glued else "，") + item.target


def _phrase(item: Item, number: int) -> str:
    """An indicator with its target inside a phrase: the operator said in words (完成培训人次不少于500人次,
    资金控制在1000元/人以内), in turn; a target without an operator after the name's 为 or a comma."""
    if item.operator not in _WORDS or not re.match(r"\d", item.value):
        return _said(item)
    before, after = _WORDS[item.operator][number % 3]
    if not before and not after:
        return _said(item)
    return f"{item.name}{before}{item.value}{item.unit}{after}"


_TITLE = "关于{name}绩效目标设定的公示\n现将绩效目标设定如下："


def _title(golden: dict) -> str:
    return _TITLE.format(name=(golden["sheets"][0].get("name") or "项目"))


def prose_sentences(golden: dict, items: list[Item]) -> str:
    """Family 6, the Ningxia notices (019, 127): each 一级 a numbered line (一、产出指标), each 二级 group a line of
    its indicators after its name and a colon, ；between them, 。at the group's end."""
    out = [_title(golden)]
    for number, (level1, groups) in enumerate(_groups(items)):
        out += [f"{_NUMERALS[number % 10]}、{level1}"] if _headed(level1, groups) else []
        for level2, members in groups:
            said = "；".join(_said(item) for item in members) + "。"
            out.append(f"{level2}：{said}" if level2 else said)
    return "\n".join(out)


def prose_headed_lines(golden: dict, items: list[Item]) -> str:
    """Family 6, the later Ningxia notices (202): each 二级 a heading line of its own ((一)数量指标), each indicator a
    line ending in ；, the last of all in 。."""
    out = [_title(golden)]
    for number, (level1, groups) in enumerate(_groups(items)):
        out += [f"{_NUMERALS[number % 10]}、{level1}"] if _headed(level1, groups) else []
        for at, (level2, members) in enumerate(groups):
            if level2:
                out.append(f"（{_NUMERALS[at % 10]}）{level2}")
            out += [_said(item) + "；" for item in members]
    out[-1] = out[-1].removesuffix("；") + "。"
    return "\n".join(out)


def prose_phrases(golden: dict, items: list[Item]) -> str:
    """Family 6, targets inside phrases (028, 114): ``数量指标：培训人次不少于500人次，满意度达到95%以上。`` under the
    一级 name, the operators said in words."""
    out = [_title(golden)]
    count = 0
    for level1, groups in _groups(items):
        out += [level1] if _headed(level1, groups) else []
        for level2, members in groups:
            phrases = []
            for item in members:
                phrases.append(_phrase(item, count))
                count += 1
            # (a comma between them where none is said after its name's comma, 教学秩序，良好: a semicolon then)
            said = ("；" if any("，" in phrase for phrase in phrases) else "，").join(phrases) + "。"
            out.append(f"{level2}：{said}" if level2 else said)
    return "\n".join(out)


def several_in_a_cell(golden: dict, items: list[Item]) -> str:
    """Family 6 in a grid (028, 140, 345): a pipe table whose 指标值 cell holds each 二级 group's indicators,
    numbered (1.受益人数≥1200人；2.…)."""
    out = [f"{golden['sheets'][0].get('name') or '项目'}绩效目标表", "| 一级指标 | 二级指标 | 指标内容及指标值 |"]
    for level1, groups in _groups(items):
        for level2, members in groups:
            cell = "；".join(f"{at}.{_said(item)}" for at, item in enumerate(members, 1))
            out.append(f"| {level1} | {level2} | {cell} |")
    return "\n".join(out)


def cell_lines(golden: dict, items: list[Item], blank: bool = False, merged: bool = False) -> str:
    """Family 1, a web table copied one cell a line (105, 113, 248): the heading's cells, then every row's 一级,
    二级, name and target; ``blank``: a blank line between cells (034); ``merged``: a merged level cell written on
    its group's first row only (absent on the others)."""
    out = [f"{golden['sheets'][0].get('name') or '项目'}绩效目标表", "一级指标", "二级指标", "三级指标", "指标值"]
    last = ("", "")
    for item in items:
        if not merged or item.level1 != last[0]:
            out.append(item.level1)
        if item.level2 and (not merged or (item.level1, item.level2) != last):
            out.append(item.level2)
        out += [item.name, item.target]
        last = (item.level1, item.level2)
    return ("\n\n" if blank else "\n").join(out)


# the words a report says an indicator's plan and what was achieved with, in turn (188, 221, 245)
_REPORT_WORDS = (("年度指标值", "实际完成值"), ("年初任务数", "全年完成值"), ("年度目标值为", "实际完成值为"))


def selfeval_prose(golden: dict, items: list[Item]) -> str | None:
    """Family 6 in a self-evaluation report (188, 221, 245): under each 二级 a sentence per indicator with its
    年度指标值 and its 实际完成值 (``数量指标。受益人数年度指标值≥1200人，实际完成值1250人；``); only for a golden that
    says what was achieved."""
    if not any(item.actual for item in items):
        return None
    out = [f"{golden['sheets'][0].get('name') or '项目'}绩效自评报告", "（四）绩效指标完成情况分析。"]
    count = 0
    for number, (level1, groups) in enumerate(_groups(items), 1):
        out.append(f"{number}.{level1}。")
        for level2, members in groups:
            sentences = []
            for item in members:
                planned, achieved = _REPORT_WORDS[count % len(_REPORT_WORDS)]
                count += 1
                sentences.append(f"{item.name}{planned}{item.target}" + (f"，{achieved}{item.actual}" if item.actual else ""))
            said = "；".join(sentences)
            out.append(f"{level2}。{said}。" if level2 else said + "。")
    return "\n".join(out)


@cache
def _taiwan() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2tw").convert


def _then(form: Callable[..., str | None], convert: Callable[[str], str | None]) -> Callable[[dict, list[Item]], str | None]:
    def apply(golden: dict, items: list[Item]) -> str | None:
        text = form(golden, items)
        return None if text is None else convert(text)

    return apply


FORMS: dict[str, Callable[[dict, list[Item]], str | None]] = {
    "prose_sentences": prose_sentences,
    "prose_headed_lines": prose_headed_lines,
    "prose_phrases": prose_phrases,
    "several_in_a_cell": several_in_a_cell,
    "selfeval_prose": selfeval_prose,
    "cell_lines": cell_lines,
    "cell_lines_blank": lambda golden, items: cell_lines(golden, items, blank=True),
    "cell_lines_merged": lambda golden, items: cell_lines(golden, items, merged=True),
    "cell_lines_blank_merged": lambda golden, items: cell_lines(golden, items, blank=True, merged=True),
    # family 8: the Simplified forms converted as a Taiwan page (s2tw) or a converter site with pinyin glosses
    "prose_sentences_tw": _then(prose_sentences, lambda text: _taiwan()(text)),
    "prose_headed_lines_t": _then(prose_headed_lines, traditional),
    "cell_lines_tw": _then(cell_lines, lambda text: _taiwan()(text)),
    "several_in_a_cell_pinyin": _then(several_in_a_cell, pinyin_glosses),
}

# the forms that say what was achieved
_ACHIEVED = ("selfeval_prose",)


def written(golden: dict, items: list[Item], achieved: bool = False) -> dict:
    """The golden the forms are scored against: the first sheet's name and the items (no money, no points; what was
    achieved where the form says it, ``achieved``)."""
    indicators = [{"level1": item.level1, "level2": item.level2 or None, "name": item.name,
                   "operator": item.operator or None, "value": item.value, "unit": item.unit or None,
                   "actual": item.actual if achieved else None} for item in items]
    return {"has_table": True, "sheets": [{"name": golden["sheets"][0].get("name"), "indicators": indicators}]}


@dataclass
class FamilyFigures:
    """One form's figures: documents written, indicators in them, read fully right, achieved values read right."""

    documents: int = 0
    indicators: int = 0
    right: int = 0
    actual: int = 0
    actual_expected: int = 0
    losses: dict[str, int] = field(default_factory=dict)

    def figures(self) -> dict:
        """The pinned figures (every count, not the losses)."""
        return {name: value for name, value in asdict(self).items() if name != "losses"}


def dev_goldens(prefixes: list[str] | None = None) -> list[tuple[str, dict, list[Item]]]:
    """(stem, golden, items) of every dev golden with two indicators or more the forms can write."""
    chosen = []
    for entry in load_manifest():
        if entry.split != "dev" or entry.twin_of or int(entry.stem[:3]) in _LEFT_ALONE:  # (a twin: its text's golden)
            continue
        if prefixes and not any(entry.stem.startswith(prefix) for prefix in prefixes):
            continue
        golden = load_golden(entry.stem)
        items = golden_items(golden) if golden else []
        if items:
            chosen.append((entry.stem, golden, items))
    return chosen


def _text(name: str, golden: dict, items: list[Item]) -> str | None:
    return FORMS[name](golden, items)


def family_figures(goldens: list[tuple[str, dict, list[Item]]], names: list[str] | None = None) -> dict[str, FamilyFigures]:
    """Per form, the figures of the dev goldens written in it."""
    result = {name: FamilyFigures() for name in names or FORMS}
    for stem, golden, items in goldens:
        for name, figures in result.items():
            expected = written(golden, items, name in _ACHIEVED)
            text = _text(name, golden, items)
            if text is None:
                continue
            scored = score_document(expected, _read(text, _NAME))
            figures.documents += 1
            figures.indicators += len(items)
            figures.right += scored.fully_right
            figures.actual += scored.reported["actual"]
            figures.actual_expected += scored.reported_expected["actual"]
            figures.losses[stem] = len(items) - scored.fully_right
    return result


def print_figures(result: dict[str, FamilyFigures], worst: int = 5) -> None:
    """One line per form, with the documents whose indicators it lost most."""
    print(f"{'form':26} {'docs':>4} {'items':>6} {'right':>6} {'kept':>6} {'actual':>9}  worst documents (lost)")
    for name, figures in result.items():
        kept = f"{100 * figures.right / figures.indicators:5.1f}%" if figures.indicators else "   n/a"
        losers = sorted(((loss, stem) for stem, loss in figures.losses.items() if loss), reverse=True)[:worst]
        print(f"{name:26} {figures.documents:>4} {figures.indicators:>6} {figures.right:>6} {kept:>6} "
              f"{figures.actual:>4}/{figures.actual_expected:<4}  "
              + ", ".join(f"{stem[:3]}(-{loss})" for loss, stem in losers))
    total = sum(f.indicators for f in result.values())
    right = sum(f.right for f in result.values())
    print(f"{'total':26} {'':>4} {total:>6} {right:>6} {100 * right / max(total, 1):5.1f}%")


def print_details(name: str, prefix: str) -> None:
    """The ``name`` form of the dev golden ``prefix``, and where its reading departs from the items."""
    for stem, golden, items in dev_goldens([prefix]):
        text = _text(name, golden, items)
        if text is None:
            print(f"== {stem}: {name} does not apply ==")
            continue
        print(f"== {stem} ({name}) ==\n{text}\n--")
        for line in differences(written(golden, items, name in _ACHIEVED), _read(text, _NAME)) or ["(reads as its golden)"]:
            print("  " + line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(FORMS), help="only these forms")
    parser.add_argument("--docs", nargs="+", metavar="PREFIX", help="only dev goldens whose stem starts so")
    parser.add_argument("--json", action="store_true", help="print the figures (with every document's loss) as JSON")
    parser.add_argument("--details", nargs=2, metavar=("NAME", "STEM"),
                        help="print one form of one dev golden and where its reading departs from it")
    args = parser.parse_args(argv)
    if args.details:
        print_details(*args.details)
        return
    result = family_figures(dev_goldens(args.docs), args.only)
    if args.json:
        print(json.dumps({name: {**figures.figures(), "losses": figures.losses} for name, figures in result.items()},
                         ensure_ascii=False, indent=1))
        return
    print_figures(result)


if __name__ == "__main__":
    main()
