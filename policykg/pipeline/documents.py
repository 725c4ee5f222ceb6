"""Which files a run reads and how: graph files told from plan documents, documents read into
records, and the one rule that the same document is built once (`OnceEach`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from policykg.errors import InputError, PolicyKGError
from policykg.graph.store import PARSE_FORMATS
from policykg.loaders.formats import DOCUMENT_EXTENSIONS
from policykg.loaders.model import PlanRecord
from policykg.loaders.plan import load_plan

Progress = Callable[[str, int, int], None]


@dataclass
class Failure:
    path: str
    reason: str


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for the documents directly inside it (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # a folder stands for the plan documents (and graph files) in it, not its README or images
            wanted = set(DOCUMENT_EXTENSIONS) | set(PARSE_FORMATS)
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                              and f.suffix.lower() in wanted))
        else:
            out.append(p)
    return out


#: why `build` does not read a graph file (.trig, .nq, .ttl, .json, .jsonld …) as a plan document
NOT_A_DOCUMENT = ("is a graph file ({suffix}), not a plan document: build reads plan documents; "
                  "`policykg load` stores graph files")


def plan_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[Failure]]:
    """The plan documents `build` reads among `paths`, and the graph files it passed over.

    A folder stands for the documents in it; a graph file found there (a graph an earlier build
    wrote beside its plans, a .json) is no plan document: it is passed over and returned, to be
    reported as skipped.  A graph file given by name is refused (InputError): build reads plan
    documents only; `load`, `push`, `query` and `validate` take graph files."""
    documents: list[Path] = []
    passed_over: list[Failure] = []
    for p in map(Path, paths):
        found = expand_paths([p])
        graphs, docs = split_inputs(found)
        if graphs and not p.is_dir():
            raise InputError(p, NOT_A_DOCUMENT.format(suffix=p.suffix.lower()))
        passed_over += [Failure(str(g), NOT_A_DOCUMENT.format(suffix=g.suffix.lower())) for g in graphs]
        documents += docs
    return documents, passed_over


def split_inputs(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(graph files, plan documents) among `files`, by extension."""
    graphs = [f for f in files if f.suffix.lower() in PARSE_FORMATS]
    return graphs, [f for f in files if f.suffix.lower() not in PARSE_FORMATS]


class OnceEach:
    """The one rule for documents given together: the same content is built once (a later copy is
    skipped, naming the first), and two different documents that print the same plan get distinct
    graphs (the second path suffixed with its hash).  `build` and the bulk loader both apply it."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}  # sha256 -> document first seen with it
        self.paths: dict[str, str] = {}  # plan path -> document

    def duplicate(self, sha256: str, document: str) -> Failure | None:
        """A Failure (skipped) when this content was seen before, else None (and it is now seen)."""
        if sha256 in self.first:
            return Failure(document, f"same content as {self.first[sha256]}; built once")
        self.first[sha256] = document
        return None

    def path(self, path: str, sha256: str, document: str) -> str:
        """`path`, or `path-<hash>` when another document already holds it."""
        if path in self.paths:
            path = f"{path}-{sha256[:8]}"
        self.paths[path] = document
        return path


def no_plan_read(paths: Iterable[Any], failures: list, passed_over: list | None = None) -> InputError:
    graphs = f"; {len(passed_over)} graph file{'s' if len(passed_over) != 1 else ''} skipped " \
             "(build reads plan documents; `policykg load` stores graph files)" if passed_over else ""
    named = [str(p) for p in paths]
    if len(named) > 3:  # a folder of 2,800 plans is named by its first few
        named = named[:3] + [f"… {len(named) - 3} more"]
    return InputError(", ".join(named) or "(no input)",
                      "no plan document could be read" + (f" ({len(failures)} failed)" if failures else "")
                      + graphs)


def load_documents(paths: Iterable[str | Path], *, keep_going: bool = False,
                   progress: Progress | None = None) -> tuple[list[PlanRecord], list[Failure]]:
    """Parse documents into plan records.  With keep_going, a bad file is recorded and skipped;
    without it, the first bad file raises its InputError.  A graph file is no plan document and
    fails as one (`build` passes them over before this; `plan_documents`)."""
    files = expand_paths(paths)
    records: list[PlanRecord] = []
    failures: list[Failure] = []
    for i, f in enumerate(files, 1):
        if progress:
            progress(f.name, i, len(files))
        try:
            if f.suffix.lower() in PARSE_FORMATS:  # not parsed as plan text: no structure to report
                raise InputError(f, NOT_A_DOCUMENT.format(suffix=f.suffix.lower()))
            records.append(load_plan(f))
        except PolicyKGError as exc:
            if not keep_going:
                raise
            failures.append(Failure(str(f), str(exc)))
    return records, failures
