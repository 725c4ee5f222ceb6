"""What `build` reads: plan documents.  A graph file (an earlier build's .trig, a .json) is no plan
document: found in a folder it is skipped and listed, given by name it is refused."""
from __future__ import annotations

import pytest

from policykg import api
from policykg.errors import InputError
from policykg.loaders.formats.office import soffice


@pytest.fixture
def folder(tmp_path, corpus_paths):
    """A corpus plan, the graph an earlier build wrote beside it, and a .json (not JSON-LD)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "plan.txt").write_bytes(corpus_paths[1].read_bytes())
    api.build([plans / "plan.txt"], plans / "kg.trig")
    (plans / "truth.json").write_text('{"plans": [{"title": "x"}]}', encoding="utf-8")
    return plans


def test_a_folder_is_built_from_its_plans_and_its_graph_files_are_listed(folder):
    alone = api.build([folder / "plan.txt"])
    result = api.build([folder])
    assert [p.record.document.file_name for p in result.plans] == ["plan.txt"]
    assert result.failures == []
    assert [(s.path, s.reason.split(":")[0]) for s in result.skipped] == [
        (str(folder / "kg.trig"), "is a graph file (.trig), not a plan document"),
        (str(folder / "truth.json"), "is a graph file (.json), not a plan document")]
    assert all("`policykg load` stores graph files" in s.reason for s in result.skipped)
    assert result.triples == alone.triples


@pytest.mark.parametrize("keep_going", [False, True])
@pytest.mark.parametrize("name", ["kg.trig", "truth.json"])
def test_a_graph_file_given_by_name_is_refused(folder, name, keep_going):
    with pytest.raises(InputError) as exc:
        api.build([folder / "plan.txt", folder / name], keep_going=keep_going)
    assert str(exc.value).startswith(f"{folder / name}: is a graph file (")
    assert "build reads plan documents; `policykg load` stores graph files" in str(exc.value)


def test_the_streamed_build_skips_the_same_graph_files(folder, tmp_path):
    """The command line's build (no dataset kept, written straight to .trig) reads the same plans."""
    result = api.build([folder], tmp_path / "out.trig", dataset=False)
    assert [s.path for s in result.skipped] == [str(folder / "kg.trig"), str(folder / "truth.json")]
    assert (tmp_path / "out.trig").read_bytes() == (folder / "kg.trig").read_bytes()


@pytest.mark.parametrize("dataset", [True, False])
def test_a_folder_of_graph_files_alone_builds_nothing(folder, tmp_path, dataset):
    (folder / "plan.txt").unlink()
    with pytest.raises(InputError) as exc:
        api.build([folder], tmp_path / "out.trig", dataset=dataset)
    assert not (tmp_path / "out.trig").exists()
    assert str(exc.value) == (f"{folder}: no plan document could be read; 2 graph files skipped "
                              "(build reads plan documents; `policykg load` stores graph files)")


def test_no_plan_read_names_a_long_list_by_its_first_few(tmp_path):
    empty = [tmp_path / f"p{i}.txt" for i in range(5)]
    for p in empty:
        p.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        api.build(empty, keep_going=True)
    assert str(exc.value).startswith(f"{empty[0]}, {empty[1]}, {empty[2]}, … 2 more: "
                                     "no plan document could be read (5 failed)")


def test_read_dataset_still_reads_both(folder):
    """read_dataset (query, validate, push) parses the graph files and builds the documents."""
    (folder / "truth.json").unlink()
    ds, built = api.read_dataset([folder])
    assert [p.record.document.file_name for p in built.plans] == ["plan.txt"]
    assert built.skipped == [] and built.failures == []
    assert len(ds) == built.triples


def test_load_documents_fails_a_graph_file_as_no_plan(folder):
    """api.load_documents (plan records for a notebook) reads a folder as it is: a graph file in it
    fails with the reason it is no plan, not as a plan with no structure."""
    with pytest.raises(InputError) as exc:
        api.load_documents([folder])
    assert str(exc.value).startswith(f"{folder / 'kg.trig'}: is a graph file (.trig), not a plan document")
    records, failures = api.load_documents([folder], keep_going=True)
    assert [r.document.file_name for r in records] == ["plan.txt"]
    assert [(f.path, f.reason.split(": ")[1]) for f in failures] == [
        (str(folder / "kg.trig"), "is a graph file (.trig), not a plan document"),
        (str(folder / "truth.json"), "is a graph file (.json), not a plan document")]


def test_a_folders_documents_in_formats_not_read_are_listed_never_passed_over(folder):
    """A folder of plans as downloaded holds old .doc files, a gazette's OFD, a division table in
    Excel: each is listed with what it is and how to convert it (they were passed over in silence,
    as a README is).  A macro-enabled Word document (.docm) is a .docx inside: it is read."""
    import zipfile

    import docx

    (folder / "kg.trig").unlink()
    (folder / "truth.json").unlink()
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with zipfile.ZipFile(folder / "gazette.ofd", "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD/>")
    (folder / "README.md").write_text("downloaded 2026-12-07", encoding="utf-8")
    document = docx.Document()
    for text in ("青山县“十四五”残疾人事业发展规划", "一、主要任务", "（一）完善低保制度。（牵头单位：县民政局；配合单位：县财政局）"):
        document.add_paragraph(text)
    document.save(folder / "macro.docx")
    with zipfile.ZipFile(folder / "macro.docx") as src, zipfile.ZipFile(folder / "macro.docm", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"ms-word.document.macroEnabled.main+xml")
            dst.writestr(info, data)
    (folder / "macro.docx").unlink()
    assert b"application/vnd.ms-word.document.macroEnabled.main+xml" in zipfile.ZipFile(folder / "macro.docm").read("[Content_Types].xml")

    result = api.build([folder], keep_going=True)
    assert sorted(p.record.document.file_name for p in result.plans) == ["macro.docm", "plan.txt"]
    docm = next(p.record for p in result.plans if p.record.document.file_name == "macro.docm")
    assert [([u.label for u in t.units("lead")], [u.label for u in t.units("support")]) for t in docm.tasks()] \
        == [(["县民政局"], ["县财政局"])]
    assert [(f.path, f.reason.split(";")[0]) for f in result.failures] == [
        (str(folder / "gazette.ofd"),
         f"{folder / 'gazette.ofd'}: is an OFD document (版式文档, GB/T 33190), not a .docx, PDF, web page or text"),
        (str(folder / "old.doc"), f"{folder / 'old.doc'}: is an old binary Word .doc (or WPS) file" +
         (", which LibreOffice cannot convert (a damaged or unsupported file: Error: source file could not be "
          "loaded)" if soffice() else ""))]
