"""Word (.docx) files: the body's paragraphs and tables, in order, read from ``word/document.xml`` with lxml.

How WordprocessingML represents a table (see python-docx ``docs/dev/analysis/features/table/cell-merge.rst``):

- ``w:tbl`` holds ``w:tr`` rows; a row holds ``w:tc`` cells, each of one or more paragraphs ``w:p``;
- a cell merged horizontally is ONE ``w:tc`` whose ``w:tcPr/w:gridSpan`` says how many grid columns it
  covers; a row may also skip leading grid columns (``w:trPr/w:gridBefore``);
- a cell merged vertically is a ``w:tc`` in every row it covers: the first has ``w:vMerge w:val="restart"``,
  the others ``w:vMerge`` without a value (``continue``) and, normally, an empty paragraph;
- older files merge horizontally with ``w:hMerge`` instead: the continuing cells are separate ``w:tc``.

So each ``w:tc`` becomes one Cell at the grid column where it starts; an ``hMerge`` continuation is skipped; a
``vMerge`` continuation is an EMPTY cell, as the text export writes it: the interpreter fills empty 一级/二级
指标 down from the row above, and an empty cell under a header-block label (预算规模及资金用途,
资金支出计划) is what lets it pair the next row's values with that label. Content controls (``w:sdt``) and
custom XML wrappers are looked through. A table nested in a cell follows its outer row as a table of its own.

A text box (``w:txbxContent``, where a form converted from PDF or laid out by hand keeps its title, its header block
or its whole table) is read after the paragraph that anchors it, as blocks of its own. Word writes each text box
twice: in ``mc:AlternateContent``, once under ``mc:Choice`` (DrawingML) and once under ``mc:Fallback`` (VML) for
older readers; only the choice is read, or every box would be read twice. A symbol inserted from a symbol font
(``w:sym``: Symbol's ≥ and ≤, Wingdings' check boxes) is read as the character it shows.

What Word shows is what is read (see ``_Unshown``): of changes left tracked, deleted text (``w:delText``) and the
old place of moved text (``w:moveFrom``) are not read, inserted text is; a row deleted (``w:del`` in its ``w:trPr``),
or whose every run was deleted, is not read, and a diagnostic names it (Word shows neither once the changes are
accepted, and a row of empty cells would part the grid); a field's code (``w:instrText``) is not
read, its result is; the prompt a content control shows until it is filled in (``w:showingPlcHdr``: 单击或点击此处
输入文字) is no content; text formatted hidden (``w:vanish``, a template's notes to whoever fills it in) is not read,
and a diagnostic names the table and row it stood in. A document embedded whole in the body (``w:altChunk``, as
programs that export HTML to Word write a form) is read in its place where it is a web page, a Word document or plain
text. What cannot be read as text, an embedded document of another kind (.mht, .rtf) or one inside a table cell, or an
object (``w:object``: an Excel worksheet pasted as an object), is named by a diagnostic.

python-docx would give the same view through its object model, at several times the cost per cell. Most tables
are read in one pass over their elements (``_flat_rows``); one that holds a table or a text box is walked
element by element.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, LimitedZip, ReadLimits
from jixiao.documents.readers.html_reader import read_html
from jixiao.model import Diagnostic, Location
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_T, _TAB, _BR, _CR, _SYM = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}sym"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE, _CHOICE, _FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
_TEXT_BOX = f"{_W}txbxContent"
_R, _RPR, _VANISH, _MOVE_FROM, _PLACEHOLDER = f"{_W}r", f"{_W}rPr", f"{_W}vanish", f"{_W}moveFrom", f"{_W}showingPlcHdr"
_ALT_CHUNK, _OBJECT = f"{_W}altChunk", f"{_W}object"
# (w:del marks deleted runs too: a row's is in its w:trPr)
_TRPR_DEL, _DEL_TEXT = f"{_W}del", f"{_W}delText"
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFF = ("0", "false", "off")  # an on/off property's value that turns it off
_VAL = f"{_W}val"
_TRPR, _TCPR = f"{_W}trPr", f"{_W}tcPr"
_GRID_SPAN, _VMERGE, _HMERGE, _GRID_BEFORE = f"{_W}gridSpan", f"{_W}vMerge", f"{_W}hMerge", f"{_W}gridBefore"
_NO_BREAK_HYPHEN, _POSITIONAL_TAB = f"{_W}noBreakHyphen", f"{_W}ptab"
# (a non-breaking hyphen joins the years of a period, 2023-2025; a positional tab parts words as a tab does)
_TEXT_OF = {_TAB: " ", _BR: "\n", _CR: "\n", _NO_BREAK_HYPHEN: "-", _POSITIONAL_TAB: " "}
_IND = f"{_W}ind"
_FONT, _CHAR = f"{_W}font", f"{_W}char"
# What a symbol font's characters show, by font and the character's code in it (Word writes them F000 + the code):
# the operators of a target (≥ ≤ ±) and the boxes ticked in a 是/否 column. A font not listed here is a Unicode font,
# whose w:char is the character itself.
_SYMBOL_FONTS = {
    "symbol": {0xB3: "≥", 0xA3: "≤", 0xB1: "±", 0xB9: "≠", 0xBB: "≈", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xA5: "∞",
               0xD6: "√", 0xAE: "→", 0x3E: ">", 0x3C: "<", 0x3D: "=", 0x25: "%", 0x2B: "+", 0x2D: "−"},
    "wingdings": {0xFC: "✓", 0xFB: "✗", 0xFE: "☑", 0xFD: "☒", 0xA8: "□", 0x6F: "□", 0xA1: "○", 0x6C: "●"},
    "wingdings 2": {0x50: "✓", 0x4F: "✗", 0x52: "☑", 0x54: "☒", 0xA3: "□", 0x99: "○"},
}
_TWIPS_PER_CHARACTER = 210  # a character of 五号 (10.5 pt) type, the size forms are printed in


def read_docx(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Read the body of a .docx into paragraphs and table rows, keeping merged cells' grid columns, within ``limits``
    and the read's ``deadline`` (its own when none is given)."""
    deadline = deadline or Deadline(source, limits)
    archive, body = _body(data, source, limits, deadline)
    chunks = _chunks(archive, body, source, limits)
    unshown = _Unshown(body, chunks)
    reader = _BodyReader(deadline, unshown, chunks)
    reader.read(body)
    return Layout(name="docx", blocks=reader.blocks,
                  diagnostics=unshown.diagnostics(source, reader.places) + reader.chunk_diagnostics)


def _body(data: bytes, source: str, limits: ReadLimits, deadline: Deadline) -> tuple[LimitedZip, etree._Element]:
    archive = LimitedZip(data, source, limits, "Word")
    if not archive.has("word/document.xml"):
        raise NotAGoalDocument(source, "Word 文件已损坏：缺少正文部分（word/document.xml）")
    body = archive.parse("word/document.xml", deadline).find(f"{_W}body")
    if body is None:
        raise NotAGoalDocument(source, "Word 文件已损坏：正文部分没有内容（缺少 w:body）")
    return archive, body


_RELATIONSHIPS = "word/_rels/document.xml.rels"


def _chunks(archive: LimitedZip, body: etree._Element, source: str, limits: ReadLimits) -> dict[str, Layout]:
    """The documents embedded whole in the body (``w:altChunk``, not inside a table) that can be read, by their
    relationship id: a web page, a Word document or plain text, read by the reader of their kind; an unreadable one
    (a .mht or .rtf part, a page with no text) is left out, to be named by a diagnostic."""
    wanted = {chunk.get(_RELATIONSHIP_ID) for chunk in body.iter(_ALT_CHUNK) if _row_of(chunk) is None}
    wanted.discard(None)
    if not wanted or not archive.has(_RELATIONSHIPS):
        return {}
    found: dict[str, Layout] = {}
    for relationship in archive.parse(_RELATIONSHIPS).iter(_PACKAGE_RELATIONSHIP):
        target = relationship.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
        reader = _CHUNK_READERS.get(posixpath.splitext(name)[1].lower())
        if relationship.get("Id") not in wanted or reader is None or not archive.has(name):
            continue
        try:
            found[relationship.get("Id")] = reader(archive.read(name), source, limits)
        except NotAGoalDocument:
            continue  # (a page with no text, a damaged document: named as unreadable)
    return found


def _plain_chunk(data: bytes, source: str, limits: ReadLimits) -> Layout:
    text = data.decode("utf-8-sig", "replace")
    return Layout(name="text", blocks=[Paragraph(text=line.strip()) for line in text.splitlines() if line.strip()])


_CHUNK_READERS = {".htm": read_html, ".html": read_html, ".xhtml": read_html, ".txt": _plain_chunk,
                  ".docx": read_docx}


def _paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's own text: a text box it anchors is read as blocks of its own (see _boxes)."""
    if _HAS_BOX(paragraph):
        parts: list[str] = []
        _own_text(paragraph, parts)
        return "".join(parts)
    return "".join(node.text or "" if node.tag == _T else _symbol(node) if node.tag == _SYM else _TEXT_OF[node.tag]
                   for node in paragraph.iter(_T, _SYM, *_TEXT_OF))


def _own_text(element: etree._Element, parts: list[str]) -> None:
    """The text under ``element``, leaving out text boxes and the fallback copies of alternate content."""
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _TEXT_OF:
            parts.append(_TEXT_OF[tag])
        elif tag == _SYM:
            parts.append(_symbol(child))
        elif tag not in (_TEXT_BOX, _FALLBACK):
            _own_text(child, parts)


def _boxes(element: etree._Element):
    """The text boxes under ``element`` (not those inside another box, which that box's reading meets, nor the
    fallback copies)."""
    for child in element:
        if child.tag == _TEXT_BOX:
            yield child
        elif child.tag != _FALLBACK:
            yield from _boxes(child)


def _symbol(node: etree._Element) -> str:
    """The character a ``w:sym`` shows; empty where a symbol font's character is not one a goal table uses."""
    code = _as_int_base16(node.get(_CHAR))
    if code is None:
        return ""
    font = _SYMBOL_FONTS.get((node.get(_FONT) or "").strip().lower())
    if font is None:
        return chr(code) if not 0xE000 <= code <= 0xF8FF else ""
    return font.get(code - 0xF000 if code >= 0xF000 else code, "")


def _as_int_base16(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _children(element: etree._Element):
    """The element's block-level children, looking through content controls and custom XML."""
    for child in element:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child)
        elif child.tag == _ALTERNATE:
            choice = child.find(_CHOICE)
            if choice is not None:
                yield from _children(choice)
        else:
            yield child


# A table holding another table, a text box (paragraphs inside a paragraph) or alternate content is read element by
# element; any other table in one pass over its elements (_flat_rows), which is most of the reader's time saved.
_NAMESPACES = {"w": _W[1:-1], "mc": _MC[1:-1]}
_HAS_NESTING = etree.XPath("boolean(.//w:tbl | .//w:txbxContent | .//mc:AlternateContent)", namespaces=_NAMESPACES)
_HAS_BOX = etree.XPath("boolean(.//w:txbxContent | .//mc:Fallback)", namespaces=_NAMESPACES)
_FLAT_TAGS = (_TR, _TC, _TCPR, _P, _T, _SYM, _GRID_BEFORE, _IND, *_TEXT_OF)


class _Unshown:
    """Takes out of the body what Word does not show (hidden text, moved text's old place, a content control's
    prompt) and notes what it cannot read as text (an embedded document or object), by the table row (``w:tr``) they
    stand in: the diagnostics are made once the reader has numbered the rows (``places``)."""

    def __init__(self, body: etree._Element, chunks: dict[str, Layout]) -> None:
        self.hidden: dict[etree._Element | None, list[str]] = {}
        self.embedded: dict[etree._Element | None, list[str]] = {}
        # the rows deleted with changes tracked, by their table: each row's place in it (deleted rows counted, as Word
        # shows them with the changes) and its cells
        self.deleted: dict[etree._Element, list[tuple[int, list[str]]]] = {}
        deletions: set[etree._Element | None] = set()  # the rows holding deleted text or marked deleted
        # (a list: the loop takes elements out of the tree; lxml's iter with tags is far cheaper than an XPath)
        for node in list(body.iter(_VANISH, _MOVE_FROM, _PLACEHOLDER, _ALT_CHUNK, _OBJECT, _DEL_TEXT, _TRPR_DEL)):
            if node.getparent() is None or any(True for _ in node.iterancestors(_MOVE_FROM, _FALLBACK)):
                continue  # (taken out with a hidden run or the moved text, or the copy of a text box not read)
            tag = node.tag
            if tag in (_DEL_TEXT, _TRPR_DEL):
                if tag == _DEL_TEXT or node.getparent().tag == _TRPR:
                    deletions.add(_row_of(node))
            elif tag == _MOVE_FROM:
                node.getparent().remove(node)
            elif tag == _PLACEHOLDER:
                content = node.getparent().getparent().find(_SDT_CONTENT)
                for text in content.iter(_T) if content is not None else ():
                    text.text = ""
            elif tag == _VANISH:
                properties = node.getparent()
                # (a run's, not a paragraph mark's nor a style's)
                if node.get(_VAL) not in _OFF and properties.tag == _RPR and properties.getparent().tag == _R:
                    self._hide(properties.getparent())
            elif tag == _ALT_CHUNK:
                if node.get(_RELATIONSHIP_ID) not in chunks or _row_of(node) is not None:
                    self.embedded.setdefault(_row_of(node), []).append("文档（altChunk）")
            else:
                ole = next(node.iter(_OLE_OBJECT), None)
                program = (ole.get("ProgID") or "") if ole is not None else ""
                self.embedded.setdefault(_row_of(node), []).append(f"对象（{program}）" if program else "对象")
        deletions.discard(None)
        if deletions:
            self._delete_rows(deletions)

    def _delete_rows(self, rows: set[etree._Element]) -> None:
        """Take out the rows deleted with changes tracked: marked deleted (``w:del`` in the row's properties, as Word
        marks a row deleted), or whose every run is deleted text (nothing of it is left once the changes are
        accepted). A row keeping some text keeps it, its deleted words alone left out. Each row's place is counted
        before any is taken out: the row Word shows it in with the changes (its number in the file)."""
        places = {tr: _row_number(tr) for tr in rows}
        for tr in sorted(rows, key=lambda row: places[row]):
            properties = tr.find(_TRPR)
            marked = properties is not None and properties.find(_TRPR_DEL) is not None
            table = next(tr.iterancestors(_TBL), None)
            if table is None or tr.getparent() is None or not marked and any(
                    (text.text or "").strip() for text in tr.iter(_T)):
                continue
            cells = [text for tc in tr.iter(_TC)
                     if (text := "".join(node.text or "" for node in tc.iter(_DEL_TEXT, _T)).strip())]
            tr.getparent().remove(tr)
            self.deleted.setdefault(table, []).append((places[tr], cells))

    def _hide(self, run: etree._Element) -> None:
        text = "".join(node.text or "" for node in run.iter(_T)).strip()
        for child in list(run):
            if child.tag != _RPR:
                run.remove(child)
        if text:
            self.hidden.setdefault(_row_of(run), []).append(text)

    def __bool__(self) -> bool:
        return bool(self.hidden or self.embedded or self.deleted)

    def diagnostics(self, source: str, places: dict[etree._Element, tuple[int, int]]) -> list[Diagnostic]:
        """P179 for hidden text and P178 for what is embedded, each at the table and row it stood in; P171 for the rows
        deleted with changes tracked, at their table and the row they stand in with the changes shown."""
        found = [diagnostic("P171", Location(file=source, table=places.get(table, (None, None))[0], row=row), cells,
                            text=quoted_cells(cells, limit=80) if cells else Phrase("（空行）"))
                 for table, rows in self.deleted.items() for row, cells in rows]
        for code, notes in (("P179", self.hidden), ("P178", self.embedded)):
            for row, texts in notes.items():
                table, number = places.get(row, (None, None)) if row is not None else (None, None)
                where = Location(file=source, table=table, row=number)
                found.append(diagnostic(code, where, text=quoted_cells(texts, "、", 60)) if code == "P179"
                             else diagnostic(code, where, what="、".join(dict.fromkeys(texts))))
        return found


def _row_of(node: etree._Element) -> etree._Element | None:
    return next(node.iterancestors(_TR), None)


def _row_number(tr: etree._Element) -> int:
    """The 1-based number of a row among its table's own rows (a nested table's left out): where it stands in the
    file."""
    table = next(tr.iterancestors(_TBL), None)
    own = [row for row in table.iter(_TR) if next(row.iterancestors(_TBL), None) is table] if table is not None else []
    return own.index(tr) + 1 if tr in own else 0


def _indent(ind: etree._Element) -> int:
    """How many characters a paragraph's ``w:ind`` indents its first line (left and first-line indentation,
    given in hundredths of a character or in twips): a 批复表 shows its levels only by it."""
    total = 0
    for chars, twips in (("leftChars", "left"), ("startChars", "start"), ("firstLineChars", "firstLine")):
        in_chars = ind.get(f"{_W}{chars}")
        total += (_as_int(in_chars, 0) * _TWIPS_PER_CHARACTER // 100 if in_chars is not None
                  else _as_int(ind.get(f"{_W}{twips}"), 0))
    return max(round(total / _TWIPS_PER_CHARACTER), 0)


def _flat_rows(table: etree._Element, number: int) -> list[Row]:
    """The rows of a table without nested tables or text boxes, read in one pass over its elements in
    document order: a row's properties come before its cells, a cell's properties before its paragraphs, a
    paragraph before its runs. Content controls and custom XML are looked through, as everywhere."""
    rows: list[Row] = []
    cells: list[Cell] = []
    lines: list[str] = []
    parts: list[str] = []
    column = span = indent = 0
    in_cell = continues = hidden = False

    def close_cell() -> None:
        if parts:
            lines.append("".join(parts).strip())
        if not hidden:
            cells.append(Cell(text="" if continues else "\n".join(line for line in lines if line), column=column,
                              indent=indent))

    for node in table.iter(*_FLAT_TAGS):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _P:
            if parts:
                lines.append("".join(parts).strip())
                parts = []
        elif tag == _TC:
            if in_cell:
                close_cell()
                column += span
            in_cell, span, continues, hidden, indent = True, 1, False, False, 0
            lines, parts = [], []
        elif tag == _TR:
            if in_cell:
                close_cell()
            in_cell, column = False, 0
            cells = []
            rows.append(Row(cells=cells, table=number, row=len(rows) + 1))
        elif tag == _TCPR:
            span, continues, hidden = _merging(node)
        elif tag == _GRID_BEFORE:
            column = _as_int(node.get(_VAL), 0)
        elif tag == _IND:
            if in_cell and not any(lines) and not parts:
                indent = _indent(node)  # the cell's first paragraph's
        elif tag == _SYM:
            parts.append(_symbol(node))
        else:
            parts.append(_TEXT_OF[tag])
    if in_cell:
        close_cell()
    return rows


def _merging(properties: etree._Element) -> tuple[int, bool, bool]:
    """A cell's (grid columns covered, continues a vertical merge, continues an old-style horizontal merge),
    in one pass over its few properties instead of a lookup for each."""
    span, continues, hidden = 1, False, False
    for node in properties:
        tag = node.tag
        if tag == _GRID_SPAN:
            span = max(_as_int(node.get(_VAL), 1), 1)
        elif tag == _VMERGE:
            continues = node.get(_VAL) != "restart"
        elif tag == _HMERGE:
            hidden = node.get(_VAL) != "restart"
    return span, continues, hidden


def _as_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _int_attribute(properties: etree._Element, tag: str, default: int) -> int:
    node = properties.find(f"{_W}{tag}")
    return _as_int(node.get(_VAL), default) if node is not None else default


class _BodyReader:
    """Walks the body in order, numbering tables (nested ones too) as it meets them."""

    def __init__(self, deadline: Deadline, unshown: _Unshown, chunks: dict[str, Layout]) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self._deadline = deadline
        self._unshown = unshown
        self._chunks = chunks
        self.chunk_diagnostics: list[Diagnostic] = []  # what the embedded documents' readers said of them
        self.places: dict[etree._Element, tuple[int, int]] = {}  # (table, row) of each row the unshown notes name

    def read(self, container: etree._Element) -> None:
        for child in _children(container):
            if child.tag == _P:
                text = _paragraph_text(child).strip()
                if text:
                    self.blocks.append(Paragraph(text=text))
                if _HAS_BOX(child):
                    for box in _boxes(child):
                        self.read(box)
            elif child.tag == _TBL:
                self._table(child)
            elif child.tag == _ALT_CHUNK and (chunk := self._chunks.get(child.get(_RELATIONSHIP_ID))) is not None:
                self._embedded(chunk)

    def _embedded(self, chunk: Layout) -> None:
        """An embedded document's blocks in its place, its tables numbered on after the body's before it."""
        first = self.tables
        for block in chunk.blocks:
            if isinstance(block, Row) and block.table is not None:
                self.tables = max(self.tables, first + block.table)
                block = Row(cells=block.cells, table=first + block.table, row=block.row, line=block.line)
            self.blocks.append(block)
        self.chunk_diagnostics.extend(chunk.diagnostics)

    def _table(self, table: etree._Element) -> None:
        self._deadline.check(f"第{self.tables + 1}个表格")
        self.tables += 1
        number = self.tables
        if table in self._unshown.deleted:
            self.places[table] = (number, None)
        if not _HAS_NESTING(table):
            rows = _flat_rows(table, number)
            if self._unshown:
                self._place(zip(table.iter(_TR), rows))
            self.blocks.extend(rows)
            return
        rows = [child for child in _children(table) if child.tag == _TR]
        for index, tr in enumerate(rows, start=1):
            nested: list[etree._Element] = []
            cells = self._cells(tr, nested)
            self.blocks.append(Row(cells=cells, table=number, row=index))
            if self._unshown:
                self._place([(tr, self.blocks[-1])])
            for inner in nested:
                self._table(inner)

    def _place(self, pairs) -> None:
        noted = (self._unshown.hidden, self._unshown.embedded, self._unshown.deleted)
        for tr, row in pairs:
            if any(tr in notes for notes in noted):
                self.places[tr] = (row.table, row.row)

    def _cells(self, tr: etree._Element, nested: list[etree._Element]) -> list[Cell]:
        row_properties = tr.find(_TRPR)
        column = _int_attribute(row_properties, "gridBefore", 0) if row_properties is not None else 0
        cells: list[Cell] = []
        for tc in _children(tr) if tr.find(_SDT) is not None else tr.iterchildren(_TC):
            if tc.tag != _TC:
                continue
            properties = tc[0] if len(tc) and tc[0].tag == _TCPR else None
            span, continues, hidden = _merging(properties) if properties is not None else (1, False, False)
            if not hidden:
                first = next(tc.iter(_IND), None)
                cells.append(Cell(text="" if continues else self._cell_text(tc, nested), column=column,
                                  indent=_indent(first) if first is not None else 0))
            column += span
        return cells

    @staticmethod
    def _cell_text(tc: etree._Element, nested: list[etree._Element]) -> str:
        lines: list[str] = []
        _cell_lines(tc, lines, nested)
        return "\n".join(lines)


def _cell_lines(container: etree._Element, lines: list[str], nested: list[etree._Element]) -> None:
    """A cell's lines, those of the text boxes its paragraphs anchor after each; its tables go to ``nested``."""
    for child in _children(container):
        if child.tag == _P:
            line = _paragraph_text(child).strip()
            if line:
                lines.append(line)
            if _HAS_BOX(child):
                for box in _boxes(child):
                    _cell_lines(box, lines, nested)
        elif child.tag == _TBL:
            nested.append(child)
