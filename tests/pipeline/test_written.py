"""Plan documents written straight to a graph file (pipeline/written.py, what `policykg build` does):
the same bytes as building the dataset in memory and writing it, whatever the number of workers, and
the same handling of bad, duplicate and clashing documents, with an earlier output left intact."""
from __future__ import annotations

import shutil

import pytest

from policykg import api
from policykg.errors import InputError
from policykg.pipeline import written


@pytest.fixture(scope="module")
def documents(corpus_paths, example_path):
    return [*corpus_paths, example_path]


@pytest.mark.parametrize("ext", ["trig", "nq", "nt"])
@pytest.mark.parametrize("workers", [1, 2])
def test_streamed_file_equals_the_dataset_written(documents, tmp_path, ext, workers):
    in_memory, streamed = tmp_path / f"memory.{ext}", tmp_path / f"streamed.{ext}"
    built = api.build(documents, in_memory)
    result = api.build(documents, streamed, dataset=False, workers=workers)
    assert streamed.read_bytes() == in_memory.read_bytes()
    assert result.dataset is None and result.plans == []
    assert result.triples == built.triples > 20_000
    assert result.summary() == built.summary()  # plans, tasks, units, coverage, gaps: what the CLI prints
    assert sum(s["tasks"] for s in result.summary()) > 100


def test_duplicates_and_plans_printed_twice_as_in_memory(corpus_paths, tmp_path):
    copy = tmp_path / "copy.txt"  # the same bytes: built once, skipped naming the first
    shutil.copy(corpus_paths[0], copy)
    edited = tmp_path / "edited.txt"  # the same plan, other text: a graph of its own (path + hash)
    edited.write_text(corpus_paths[1].read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8")
    docs = [corpus_paths[0], corpus_paths[1], copy, edited]
    built = api.build(docs, tmp_path / "memory.trig")
    result = api.build(docs, tmp_path / "streamed.trig", dataset=False, workers=2)
    assert (tmp_path / "streamed.trig").read_bytes() == (tmp_path / "memory.trig").read_bytes()
    assert [(f.path, f.reason) for f in result.skipped] == [(f.path, f.reason) for f in built.skipped]
    assert result.skipped[0].reason.startswith(f"same content as {corpus_paths[0]}")
    assert len(result.summary()) == 3


def test_a_bad_document_stops_the_run_and_leaves_the_old_output(corpus_paths, tmp_path):
    out = tmp_path / "kg.trig"
    out.write_text("earlier output\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\xff" * 100)
    with pytest.raises(InputError, match="bad.txt"):
        api.build([corpus_paths[0], bad], out, dataset=False, workers=2)
    assert out.read_text(encoding="utf-8") == "earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "kg.trig"]  # no temporary file left


def test_keep_going_writes_the_others_and_names_the_bad_one(corpus_paths, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "kg.nq"
    result = api.build([bad, *corpus_paths[:2]], out, dataset=False, workers=2, keep_going=True)
    assert [f.path for f in result.failures] == [str(bad)] and "empty" in result.failures[0].reason
    assert result.triples == len(out.read_text(encoding="utf-8").splitlines())
    assert result.triples == api.build(corpus_paths[:2]).triples


def test_no_document_read_is_an_error_not_an_empty_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError, match="no plan document could be read"):
        api.build([bad], tmp_path / "kg.trig", dataset=False, keep_going=True)
    assert not (tmp_path / "kg.trig").exists()


def test_formats_written_in_memory_still_are(corpus_paths, tmp_path):
    """Turtle and JSON-LD need the whole dataset: built in memory whatever `dataset` says."""
    result = api.build(corpus_paths[:1], tmp_path / "kg.ttl", dataset=False)
    assert result.dataset is not None and (tmp_path / "kg.ttl").stat().st_size > 100_000
    with pytest.raises(Exception, match="only .trig, .nq and .nt"):
        written.write_documents(corpus_paths[:1], tmp_path / "kg.jsonld")
