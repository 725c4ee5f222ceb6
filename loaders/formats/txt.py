"""Plain text: the format the loaders were written for, decoded and split into its own lines."""
from __future__ import annotations

from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.reading import MAX_TEXT_BYTES, SourceText, decode_bytes, make_source, read_bytes, split_lines


def read_txt(path: Path) -> SourceText:
    raw = read_bytes(path, MAX_TEXT_BYTES, "a plan text")
    if not raw.strip():
        raise InputError(path, "is empty")
    text, encoding = decode_bytes(raw, path)
    return make_source(path, split_lines(text), raw=raw, encoding=encoding)
