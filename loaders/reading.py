"""Turn a file on disk into decoded text lines, or refuse it with a reason a person can act on.

Plans arrive as text (UTF-8 with or without BOM, or GB18030/GBK from older Windows tools), as Word
.docx files, as PDFs and as government web pages.  Whatever the format, the rest of the loaders read
one thing: a `SourceText`, the document as numbered lines of text, plus the real tables the format
held (`Grid`s), so table cells are read as cells instead of being guessed from flattened lines.
`policykg.loaders.formats` chooses the reader by content and extension; this module holds what they
share: the `SourceText` itself, byte decoding and the size limit checked before anything is read.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from policykg.errors import InputError

#: Plans are tens of kilobytes; a text file this large is not a plan and would only hang the parser.
MAX_TEXT_BYTES = 50 * 1024 * 1024
#: Encodings a Chinese government text can plausibly be in, tried by detection.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16"]


@dataclass(frozen=True)
class Grid:
    """A real table of the document (Word table, PDF table, HTML <table>): each row's cells, and
    the line the row was emitted as.  A cell's own line breaks (several paragraphs, or text wrapped
    inside the cell) are kept as "\\n"; the table readers decide how to join them."""

    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (1-based line, cells)
    #: (row index, column) of each cell covered by a cell merged down over it from a row above (Word's
    #: vMerge, HTML's rowspan, a PDF cell ruled over several rows): `rows` prints it empty, as the
    #: document prints the merged cell's text once; `spread` gives it the merged cell's text
    merged: frozenset[tuple[int, int]] = frozenset()
    #: (row index, column) of each cell covered by a cell merged across it from its left (HTML's
    #: colspan, Word's gridSpan): `rows` prints it empty, as the document prints the merged cell's
    #: text once; a reader that needs a value per column gives it the merged cell's
    spanned: frozenset[tuple[int, int]] = frozenset()
    #: a table flattened into text lines and read back by position: its lines print no merges
    flattened: bool = False

    def spread(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """`rows` with each merged cell holding the text of the cell it is merged with (the nearest
        cell above it in its column that is not itself covered): the document says a merged cell
        belongs to every row it spans."""
        if not self.merged:
            return self.rows
        out: list[tuple[int, tuple[str, ...]]] = []
        for r, (line, cells) in enumerate(self.rows):
            cells = list(cells)
            for c in range(len(cells)):
                if (r, c) in self.merged and out and c < len(out[-1][1]):
                    cells[c] = out[-1][1][c]
            out.append((line, tuple(cells)))
        return tuple(out)

    @property
    def first_line(self) -> int:
        return self.rows[0][0]

    @property
    def last_line(self) -> int:
        return self.rows[-1][0]


@dataclass(frozen=True)
class SourceText:
    """A decoded document with the offsets that source locations point into.

    `lines` are what the format reader emitted: for a .txt file its own lines; for .docx, .pdf and
    .html one line per paragraph or table row (see `policykg.loaders.formats`)."""

    path: Path
    text: str
    encoding: str
    sha256: str
    lines: list[str] = field(repr=False)
    #: character offset of the start of each line (index 0 = line 1)
    line_starts: list[int] = field(repr=False)
    #: IANA media type of the original file
    media_type: str = "text/plain"
    #: the real tables, in document order (empty for plain text, whose tables are flattened)
    grids: tuple[Grid, ...] = ()
    #: what the format reader saw and could not print as text: (1-based line, gap kind, message)
    gaps: tuple[tuple[int, str, str], ...] = ()
    #: lines the reader saw set as headings (a PDF's, by their type) that print no number, (1-based
    #: line, text as printed): where the plan reads no task, its outline may be printed by type alone
    unread_headings: tuple[tuple[int, str], ...] = ()

    @property
    def name(self) -> str:
        return self.path.name

    def span_offsets(self, first_line: int, last_line: int) -> tuple[int, int]:
        """Character offsets [start, end) covering the given 1-based lines."""
        start = self.line_starts[first_line - 1]
        end = self.line_starts[last_line - 1] + len(self.lines[last_line - 1])
        return start, end


def make_source(path: Path, lines: list[str], *, raw: bytes, encoding: str,
                media_type: str = "text/plain", grids: tuple[Grid, ...] = (),
                gaps: tuple[tuple[int, str, str], ...] = ()) -> SourceText:
    """A `SourceText` from emitted lines (none may contain a line break)."""
    starts: list[int] = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return SourceText(path=path, text="\n".join(lines), encoding=encoding,
                      sha256=hashlib.sha256(raw).hexdigest(), lines=lines, line_starts=starts,
                      media_type=media_type, grids=grids, gaps=gaps)


def split_lines(text: str) -> list[str]:
    """Lines of a text with LF, CRLF or CR line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_size(path: str | Path, limit: int, what: str) -> int:
    """The file's size, refused (before anything is read) when it is over `limit` bytes."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a document")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if size > limit:
        raise InputError(p, f"is {size / 1024 / 1024:.0f} MB; {what} larger than "
                            f"{limit // 1024 // 1024} MB is refused")
    return size


def read_bytes(path: str | Path, limit: int, what: str) -> bytes:
    """The file's bytes, after `check_size`; never more than `limit` bytes are read."""
    p = Path(path)
    size = check_size(p, limit, what)
    try:
        with p.open("rb") as fh:
            raw = fh.read(size + 1)  # (read(limit) would allocate the whole limit up front)
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > size:  # grew while we looked
        raise InputError(p, "changed while it was being read; read it again when it is complete")
    return raw


def _looks_binary(raw: bytes) -> bool:
    if b"\x00" in raw[:8192] and not (raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff")):
        return True
    sample = raw[:8192]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 50)


def decode_bytes(raw: bytes, path: str | Path) -> tuple[str, str]:
    """Decode plan bytes; returns (text, encoding name)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                                   f"(bad byte at offset {exc.start + 3})") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(path, "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if _looks_binary(raw):
        raise InputError(path, "is a binary file, not a text document (contains NUL or control bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise InputError(path, "cannot be decoded as UTF-8, GB18030/GBK, Big5 or UTF-16 text")
    encoding = best.encoding
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, f"cannot be decoded (detected {encoding}, but decoding failed)") from None
    return text, encoding
