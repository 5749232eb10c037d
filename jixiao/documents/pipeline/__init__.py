"""The reading pipeline: one chain of small pure steps for every format, with one settings object.

tokens (:mod:`.tokens`) → labels (:mod:`.labels`; :mod:`.prose` for indicators written as prose, :mod:`.plans` for
a project plan table's projects, their targets in a 绩效目标 cell) → regions
(:mod:`.regions`; :mod:`.transposed` for tables printed turned over) → alignment (:mod:`.align`; :mod:`.outline`
for levels shown by indentation, :mod:`.figures` for figures fused into one run of digits (:mod:`.leading_figures`
when they follow the name in the header's order), :mod:`.settle` for
the runs only the table's sums read one way) → document
(:mod:`.document`). Office readers produce grids that :func:`.tokens.layout_lines` adapts; plain text has one
tokenizer (after :mod:`.doubled` has read once what a PDF's text copy gives twice), and its headings and cells
wrapped over fixed-width lines are put together (:mod:`.wrapped`). Each step is a function of what the previous one
produced and of :class:`ReadSettings`. One :class:`~jixiao.documents.limits.Deadline` bounds the read: each step
checks it line by line where a line's work can be heavy (tokens, run-together tables, tables turned over, prose,
regions and rows, sentences), and the read checks it between the light ones.
"""

from __future__ import annotations

import re

from jixiao.documents.blocks import Layout, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline
from jixiao.documents.pipeline.document import Accounting, build_document
from jixiao.documents.pipeline.doubled import undoubled
from jixiao.documents.pipeline.labels import split_lines
from jixiao.documents.pipeline.plans import plan_rows
from jixiao.documents.pipeline.prose import prose_lines
from jixiao.documents.pipeline.regions import join_heading_runs, split_header_runs
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS, ReadSettings
from jixiao.documents.pipeline.statements import prose_report, report_title
from jixiao.documents.pipeline.tokens import check_cells, layout_lines, text_layout_name, text_lines
from jixiao.documents.pipeline.transposed import turn_over
from jixiao.documents.pipeline.wrapped import join_cell_tails, join_centered_cells, join_wrapped_headings
from jixiao.documents.readers.text_decode import decode_text
from jixiao.model import Document, Location
from jixiao.model.lexicon import WrittenText, unglossed
from jixiao.model.wording import quoted_cells

__all__ = ["Accounting", "ReadSettings", "read_layout", "read_text"]

# the words of a performance report or a notice passing down funds (自评报告, 资金下达通知; Traditional too)
_ABOUT_FUNDS = re.compile(r"绩效|績效|资金|資金")


def read_layout(layout: Layout, source: str, file_format: str, settings: ReadSettings = DEFAULT_SETTINGS,
                deadline: Deadline | None = None) -> tuple[Document, Accounting]:
    """Read what an office reader saw (rows with grid columns, paragraphs); a report's paragraphs are kept as its
    sentences (``Document.prose``) as a text file's are. Within the read's ``deadline`` (one of the default time
    limit when none is given)."""
    deadline = deadline or Deadline(source, DEFAULT_LIMITS)
    lines = prose_lines(turn_over(check_cells(layout_lines(layout), deadline), settings, deadline), deadline)
    deadline.check()
    document, accounting = build_document(plan_rows(lines), source, file_format, layout.name, layout.diagnostics,
                                          settings, layout.tabs, deadline)
    return _with_prose(document, *_layout_text(layout), deadline), accounting


def read_text(data: bytes, source: str, settings: ReadSettings = DEFAULT_SETTINGS, deadline: Deadline | None = None
              ) -> tuple[Document, Accounting]:
    """Read a plain-text file: decode, drop a converter site's pinyin glosses, read once what a PDF drew twice, tokenize,
    then the common steps. Within the read's ``deadline`` (one of the default time limit when none is given)."""
    deadline = deadline or Deadline(source, DEFAULT_LIMITS)
    text, diagnostics = decode_text(data, source)
    deadline.check()
    text = unglossed(text)
    deadline.check()
    text = undoubled(text)
    tokenized = check_cells(text_lines(text, settings, deadline), deadline)
    lines = split_lines(join_cell_tails(tokenized), deadline)
    lines = join_centered_cells(join_wrapped_headings(lines))
    deadline.check()
    lines = split_header_runs(join_heading_runs(lines), settings)
    lines = prose_lines(turn_over(lines, settings, deadline), deadline)
    deadline.check()
    lines = plan_rows(lines)
    document, accounting = build_document(lines, source, "txt", text_layout_name(lines), diagnostics, settings,
                                          deadline=deadline)
    # each line the tokenizer split into two or more cells is a table's row: the text outside the tables has it blank
    rows = {line.line for line in tokenized if line.line is not None and len(line.tokens) > 1}
    outside = "\n".join(["" if number in rows else line for number, line in enumerate(text.splitlines(), start=1)])
    return _as_written(_with_prose(document, text, outside, deadline), WrittenText(text)), accounting


def _layout_text(layout: Layout) -> tuple[str, str]:
    """What an office file says as text, one block a line in reading order (a paragraph's text, a row's cells
    joined), and the same with every row of two or more cells blank (the text outside its tables: a row holding one
    cell, a merged line of a worksheet or a form, is a sentence as a paragraph is). A sentence's line is its block's
    place in the file."""
    whole, outside = [], []
    for block in layout.blocks:
        cells = [cell.text.strip() for cell in block.filled] if isinstance(block, Row) else [block.text.strip()]
        line = "  ".join(cells).replace("\n", " ")
        whole.append(line)
        outside.append(line if len(cells) == 1 else "")
    return "\n".join(whole), "\n".join(outside)


def _with_prose(document: Document, text: str, outside: str, deadline: Deadline) -> Document:
    """The document with what its sentences state: the whole ``text`` of a document with no table, the text
    ``outside`` its tables of a self-evaluation report with tables."""
    if not document.sheets and document.overall is None:
        return _prose(document, text, deadline)
    return _prose_beside_tables(document, text, outside, deadline)


def _prose(document: Document, text: str, deadline: Deadline) -> Document:
    """A document with no table, holding what its sentences state (a report or notice in prose), when they state
    money, dates or document numbers; it stays refused otherwise."""
    if not _ABOUT_FUNDS.search(text):
        return document  # (a text about something else that happens to cite a date)
    prose, found = prose_report(text, document.source, deadline)
    if prose.is_empty:
        return document
    what = quoted_cells([name for name, said in (("金额", prose.money or prose.sums or prose.amounts),
                                                 ("日期和文号", prose.references), ("完成情况", prose.verdicts),
                                                 ("乱码", prose.lost)) if said], "、")
    note = diagnostic("P152", Location(file=document.source), what=what)
    return document.model_copy(update={"prose": prose, "diagnostics": [*document.diagnostics, *found, note]})


def _prose_beside_tables(document: Document, text: str, outside: str, deadline: Deadline) -> Document:
    """A self-evaluation report with tables keeping what the sentences ``outside`` them state when they state money
    (a 自评报告 with an indicator table and paragraphs on its money: 收到中央下达…资金1372.7万元 … 中央资金1352.2万元),
    each at its line; and a report titled a self-evaluation whose only table is its goals' (read from its sentences,
    corpus 255) keeping the amounts it states, so that the audit can say whether it states what was spent. No
    diagnostic: the tables are what the document is read for."""
    if not _ABOUT_FUNDS.search(text):
        return document
    evaluated = any(sheet.evaluation is not None for sheet in document.sheets)
    if not (evaluated or document.kind in (None, "self-eval") and report_title(outside)):
        # (a goal table's notes state no spending: only a self-evaluation report's are audited; the title alone is
        # looked for first, the sentences of a goal table's file are not read for nothing)
        return document
    prose, _ = prose_report(outside, document.source, deadline)
    if not (prose.money or prose.funds or prose.report_title and prose.amounts):
        return document  # (the audit reads the money; the dates and parts of a report with tables are not reviewed)
    return document.model_copy(update={"prose": prose})


def _as_written(document: Document, text: WrittenText) -> Document:
    """The document with its sheets' names and goals and its indicators' level names, names and explanations in the
    characters the text was written in: cells cut from a run-together table are found on its Simplified form (the
    vocabulary's)."""
    if not text.changed:
        return document
    sheets = [sheet.model_copy(update={
        "name": sheet.name and text.of(sheet.name), "goals": [text.of(goal) for goal in sheet.goals],
        "indicators": [indicator.model_copy(update={
            "level1_raw": text.of(indicator.level1_raw), "level2_raw": text.of(indicator.level2_raw),
            "name": text.of(indicator.name), "name_raw": indicator.name_raw and text.of(indicator.name_raw),
            "description": indicator.description and text.of(indicator.description)}) for indicator in sheet.indicators],
    }) for sheet in document.sheets]
    # the diagnostics name their sheet as it is named now (the review finds a sheet's cut or unread grid by its key)
    keys = {before.key: after.key for before, after in zip(document.sheets, sheets) if before.key != after.key}
    diagnostics = [diagnostic.model_copy(update={"location": diagnostic.location.model_copy(update={
        "sheet": keys[diagnostic.location.sheet]})}) if diagnostic.location.sheet in keys else diagnostic
        for diagnostic in document.diagnostics]
    return document.model_copy(update={"sheets": sheets, "diagnostics": diagnostics})
