"""The lines a structured format (Word, PDF, web page) is flattened into, shared by their readers.

Each reader walks its document in reading order and calls `text` for a paragraph and `table` for a
table; `Emitter` numbers the lines and records the real tables as `Grid`s.  A table of one column is
a box (专栏), not a grid: its paragraphs become lines like any other.  A table row is emitted as its
cells joined by tabs, so a person reading a source location sees the row as printed.
"""
from __future__ import annotations

import re
from pathlib import Path

from policykg.loaders.reading import Grid, SourceText, make_source
from policykg.loaders.text import INVISIBLE_RE, plain_characters

# control characters a document can hold that are not text (Word's vertical tab, form feed ...)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\r]")
_BREAK_RE = re.compile(r"[\n\x0b\x0c\u2028\u2029\r]+")


def clean_text(text: str) -> str:
    """Text of one line: no line breaks, control characters or characters that print nothing (a soft
    hyphen, a zero-width space; tabs kept), a radical a font maps a character to read as that character."""
    return plain_characters(INVISIBLE_RE.sub("", _CONTROL_RE.sub("", text)))


def clean_cell(text: str) -> str:
    """A cell's text: its line breaks kept as "\\n" (stripped lines), tabs and controls removed."""
    parts = [clean_text(p).replace("\t", " ").strip() for p in _BREAK_RE.split(text)]
    return "\n".join(p for p in parts if p)


class Emitter:
    """Collects numbered lines and grids for one document."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.grids: list[Grid] = []
        #: what the reader saw and could not print as the text says it: (line, kind, message)
        self.gaps: list[tuple[int, str, str]] = []

    def text(self, text: str) -> None:
        """A paragraph; its own line breaks start new lines."""
        for part in _BREAK_RE.split(text) if text else [""]:
            self.lines.append(clean_text(part))

    def blank(self) -> None:
        self.lines.append("")

    def table(self, rows: list[list[str]], merged: set[tuple[int, int]] | None = None,
              spanned: set[tuple[int, int]] | None = None) -> None:
        """A table as rows of cell texts (line breaks within a cell allowed); `merged` holds the
        (row, column) of each cell covered by a cell merged down over it from the row above (its
        text printed once, in the top cell), `spanned` of each covered by a cell merged across it
        from its left."""
        keep = [r for r, row in enumerate(rows) if row]
        index = {r: k for k, r in enumerate(keep)}
        covered = frozenset((index[r], c) for r, c in (merged or ()) if r in index and index[r] > 0)
        across = frozenset((index[r], c) for r, c in (spanned or ()) if r in index and c > 0)
        cells = [[clean_cell(c) for c in rows[r]] for r in keep]
        if not cells:
            return
        width = max(len(row) for row in cells)
        if width < 2:
            for row in cells:
                for cell in row:
                    self.text(cell)
            return
        out: list[tuple[int, tuple[str, ...]]] = []
        for row in cells:
            row = row + [""] * (width - len(row))
            self.lines.append("\t".join(c.replace("\n", " ") for c in row).rstrip("\t"))
            out.append((len(self.lines), tuple(row)))
        self.grids.append(Grid(tuple(out), covered, spanned=across))

    def source(self, path: Path, raw: bytes, encoding: str, media_type: str) -> SourceText:
        return make_source(path, self.lines, raw=raw, encoding=encoding, media_type=media_type,
                           grids=tuple(self.grids), gaps=tuple(self.gaps))
