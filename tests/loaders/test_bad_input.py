"""Inputs that are not a readable plan: each gets one InputError naming the file and the reason.

Also encodings a real plan can arrive in: GB18030/GBK, UTF-8 with BOM, CRLF line ends.  They must
give the same plan as the UTF-8 original.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import InputError
from policykg.loaders.plan import load_plan


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _summary(r):
    return (r.title, [t.title for t in r.tasks()], [(t.no, [u.label for u in t.units("lead")]) for t in r.tasks()],
            [(i.name, i.target.printed if i.target else None) for i in r.indicators], len(r.projects()))


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n \r\n", "is empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary file"),
    ("zip-renamed.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00\x01\x02" * 200, "binary file"),
    ("prose.txt", "这是一段普通的文字，没有任何规划结构。\n第二行也一样。\n".encode("utf-8"),
     "no recognizable plan structure"),
    ("latin.txt", "hello world\nnothing here\n".encode("utf-8"), "no recognizable plan structure"),
])
def test_bad_documents_name_the_file_and_reason(tmp_path, name, data, reason):
    p = _write(tmp_path, name, data)
    with pytest.raises(InputError) as exc:
        load_plan(p)
    assert str(p) in str(exc.value)
    assert reason in str(exc.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_plan(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_plan(tmp_path)


def test_undecodable_bytes(tmp_path):
    # invalid UTF-8 after a UTF-8 byte-order mark
    p = _write(tmp_path, "bad-bom.txt", b"\xef\xbb\xbf" + "一、重点任务\n".encode("utf-8") + b"\xff\xfe\xfa\xfb" * 10)
    with pytest.raises(InputError, match="byte-order mark but is not valid UTF-8"):
        load_plan(p)


@pytest.mark.parametrize("encoding,bom,newline", [
    ("gb18030", b"", "\n"),
    ("gbk", b"", "\r\n"),
    ("utf-8", b"\xef\xbb\xbf", "\r\n"),
])
def test_encodings_give_the_same_plan(tmp_path, example_path, encoding, bom, newline):
    text = example_path.read_text(encoding="utf-8")
    p = _write(tmp_path, f"plan-{encoding}.txt", bom + text.replace("\n", newline).encode(encoding))
    got = load_plan(p)
    want = load_plan(example_path)
    assert _summary(got) == _summary(want)
    assert [t.span.line for t in got.tasks()] == [t.span.line for t in want.tasks()]


def test_truncated_plan_still_reads_what_is_there(tmp_path, example_path):
    lines = example_path.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, ln in enumerate(lines) if "专栏2" in ln)  # stop in the middle of chapter 三
    p = _write(tmp_path, "truncated.txt", "\n".join(lines[:cut]).encode("utf-8"))
    r = load_plan(p)
    assert len(r.indicators) == 6
    assert [t.no for t in r.tasks()] == ["1", "2", "3", "1", "2", "3", "4"]
