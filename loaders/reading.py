"""Turn a file on disk into decoded text, or refuse it with a reason a person can act on.

Plans arrive as UTF-8 (with or without BOM) or as GB18030/GBK from older Windows tools; the encoding
is detected from the bytes, never guessed from the file name.  Anything that is not text (a binary,
an empty file, bytes no Chinese encoding decodes) is an `InputError` naming the file.
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
class SourceText:
    """A decoded document with the offsets that source locations point into."""

    path: Path
    text: str
    encoding: str
    sha256: str
    lines: list[str] = field(repr=False)
    #: character offset of the start of each line (index 0 = line 1)
    line_starts: list[int] = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def span_offsets(self, first_line: int, last_line: int) -> tuple[int, int]:
        """Character offsets [start, end) covering the given 1-based lines."""
        start = self.line_starts[first_line - 1]
        end = self.line_starts[last_line - 1] + len(self.lines[last_line - 1])
        return start, end


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


def read_source(path: str | Path) -> SourceText:
    """Read and decode one plan document."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a document")
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(p, f"is {size / 1024 / 1024:.0f} MB; a plan text larger than "
                                f"{MAX_TEXT_BYTES // 1024 // 1024} MB is refused")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise InputError(p, "is empty")
    text, encoding = decode_bytes(raw, p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return SourceText(path=p, text=text, encoding=encoding,
                      sha256=hashlib.sha256(raw).hexdigest(), lines=lines, line_starts=starts)
