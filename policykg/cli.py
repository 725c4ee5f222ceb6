"""The `policykg` command line: a thin layer over policykg.api.

Errors a user can fix are printed as one line naming the file and the reason, with exit code 2;
progress and summaries go to stderr so stdout can be piped (CSV, JSON).

Its length is its ten commands' options and help texts (what `--help` prints); the work of
each is one call into the API.
"""
from __future__ import annotations

import os
import sys
import warnings
from itertools import islice
from pathlib import Path
from typing import Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from policykg import __version__, api, queries
from policykg.errors import PolicyKGError, PolicyKGWarning
from policykg.formatting import FORMATS, STREAMED, render, to_xlsx
from policykg.spreadsheet import Workbook
from policykg.ontology.reasoning import REASONERS
from policykg.shapes.engines import ENGINES
from policykg.shapes.report import FORMATS as REPORT_FORMATS, to_xlsx as report_xlsx
from policykg.graph.endpoint import DEFAULT_TIMEOUT
from policykg.graph.export import BY as EXPORT_BY, FORMATS as EXPORT_FORMATS, VIEWS as EXPORT_VIEWS
from policykg.graph.serialize import FORMATS as GRAPH_FORMATS

err = Console(stderr=True, highlight=False)
if not err.is_terminal:
    err = Console(stderr=True, highlight=False, width=160)  # logs and CI: do not squeeze tables
out = Console(highlight=False)
if not out.is_terminal:
    out = Console(highlight=False, width=200)  # piped tables keep their rows on one line


def _fail(exc: PolicyKGError) -> None:
    err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True, soft_wrap=True)
    sys.exit(exc.exit_code)


def _warn(message, category, filename, lineno, file=None, line=None) -> None:
    """policykg's own warnings as one `warning:` line on stderr; others as Python shows them."""
    if issubclass(category, PolicyKGWarning):
        err.print(f"[yellow]warning:[/] {escape(str(message))}", markup=True, soft_wrap=True)
    else:
        _python_warning(message, category, filename, lineno, file, line)


_python_warning = warnings.showwarning


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _warn
                warnings.simplefilter("always", PolicyKGWarning)
                return super().invoke(ctx)
        except PolicyKGError as exc:
            _fail(exc)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def main() -> None:
    """policykg: plans (十四五规划) into a knowledge graph of who must do what, by when,
    measured how."""


def _summary_table(result: api.BuildResult) -> Table:
    t = Table(title="plans built / 已构建的规划", title_justify="left")
    for col, justify in (("document\n文件", "left"), ("plan\n规划", "left"), ("region\n地区", "left"),
                         ("tasks\n任务", "right"), ("with lead\n有牵头单位", "right"),
                         ("projects\n项目", "right"), ("indicators\n指标", "right"), ("units\n单位", "right"),
                         ("coverage\n读取覆盖", "right")):
        t.add_column(col, justify=justify, overflow="fold", no_wrap=justify == "right")
    summary = result.summary()
    for s in summary[:TABLE_ROWS]:
        t.add_row(s["doc"], s["plan"] or "[yellow](no title)[/]", s["region"] or "[yellow](no region)[/]",
                  str(s["tasks"]), str(s["tasks_with_lead"]), str(s["projects"]), str(s["indicators"]),
                  str(s["units"]), s.get("coverage", ""))
    if len(summary) > TABLE_ROWS:  # a national run: the first plans, then the totals of all
        t.add_row(f"… {len(summary) - TABLE_ROWS:,} more", "", "", "", "", "", "", "", "", end_section=True)
        gaps = sum(len(s.get("gaps", ())) for s in summary)
        t.add_row(f"all {len(summary):,} plans / 合计", "", "", *(f"{sum(s[k] for s in summary):,}" for k in
                  ("tasks", "tasks_with_lead", "projects", "indicators")), "", f"{gaps:,} gaps")
    return t


#: gaps printed per plan on the terminal; all of them are in the graph (query reading_gaps)
GAPS_SHOWN = 20


def _report_gaps(summary: list[dict]) -> int:
    """One warning line per gap ('002.txt:85: …'), at most GAPS_SHOWN a plan; the number of gaps."""
    total = 0
    for s in summary:
        gaps = s.get("gaps", [])
        total += len(gaps)
        for line in gaps[:GAPS_SHOWN]:
            err.print(f"[yellow]warning:[/] {escape(line)}")
        if len(gaps) > GAPS_SHOWN:
            err.print(f"[yellow]warning:[/] {escape(s['doc'])}: … {len(gaps) - GAPS_SHOWN} more gaps; "
                      "`policykg query reading_gaps` lists every one")
    if total:
        err.print(f"[yellow]{total} gap{'s' if total != 1 else ''}[/] in what the documents say were not "
                  "understood (kept in the graph as pkg:ReadingGap; --strict makes them fail the run)")
    return total


_STRICT = click.option("--strict", is_flag=True,
                       help="Exit with code 1 when any document has a reading gap (something it says "
                            "that was not understood: a clause not read, a name that is no unit, a "
                            "paragraph of a task chapter read into nothing); 2 stays for unreadable files.")


@main.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Graph file to write; the format follows the extension: "
                   + ", ".join(sorted(GRAPH_FORMATS)) + " (.trig/.nq/.jsonld keep one named graph per plan).")
@click.option("--example", is_flag=True, help="Build the invented example plan bundled with policykg.")
@click.option("--keep-going/--fail-fast", default=None,
              help="Skip documents that cannot be read (and say why) instead of stopping at the first; "
                   "the default when a folder is given, --fail-fast otherwise.")
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes reading documents for a .trig, .nq or .nt output (0: one per core).")
@_STRICT
def build(documents: tuple[Path, ...], output: Path, example: bool, keep_going: bool, workers: int,
          strict: bool) -> None:
    """Read plan DOCUMENTS (files or folders) and write their knowledge graph.

    A graph file (.trig, .nq, .json …) is no plan document: in a folder it is skipped (and listed),
    given by name it is refused; `load` and `push` store graph files."""
    paths: list[Path] = list(documents)
    if example:
        from policykg.examples import example_path
        paths.append(Path(str(example_path())))
    if not paths:
        raise click.UsageError("give plan documents to build, or --example")
    files, _ = api.plan_documents(paths)  # graph files are no plan documents: build skips or refuses them
    keep_going = _keep_going(keep_going, paths)
    bar, progress = _progress_bar("reading", len(files))
    with bar:
        result = api.build(paths, output, keep_going=keep_going, progress=progress, dataset=False,
                           workers=workers or None)
    err.print(_summary_table(result))
    gaps = _report_gaps(result.summary())
    _report_skipped(result.failures, len(files))
    for f in result.skipped:
        err.print(f"[yellow]skipped:[/] {f.path}: {f.reason}")
    graphs = len(result.summary())
    err.print(f"wrote {result.triples} triples ({graphs} plan graph{'s' if graphs != 1 else ''} + shared) "
              f"to {output}")
    if result.failures:
        sys.exit(2)
    if strict and gaps:
        sys.exit(1)


def _keep_going(flag: bool | None, paths) -> bool:
    """--keep-going is the default when a folder is given (a folder of plans is read as a batch)."""
    return any(Path(p).is_dir() for p in paths) if flag is None else flag


def _report_skipped(failures, total: int) -> None:
    if failures:
        err.print(f"[yellow]skipped {len(failures)} of {total} documents:[/]")
        for f in failures:
            err.print(f"  {escape(f.reason)}")


#: a terminal table shows at most this many rows unless --limit says otherwise (a national list of
#: 37k tasks takes half a minute to draw and scrolls away; CSV, JSON, xlsx and -o FILE get every row)
TABLE_ROWS = 200
#: above this many nodes an html page is slow to lay out in a browser: in headless Chromium on a
#: 2-core machine a page settled in 2.6 s at 1,281 nodes and in 37 s at 13,425 (about 3 ms a node)
PAGE_NODES = 3000


def _emit(fmt: str, columns: list[str], rows: list[tuple], output: Path | None,
          limit: int | None = None) -> None:
    total = len(rows)
    if limit is not None:
        rows = rows[:limit]
    if fmt == "table" and output is None:
        _preview(columns, rows if limit is not None else rows[:TABLE_ROWS], total)
        return
    _write(to_xlsx(columns, rows) if fmt == "xlsx" else render("csv" if fmt == "table" else fmt, columns, rows),
           output)
    if output is not None:
        err.print(f"wrote {len(rows)} rows to {output}")


def _preview(columns: list[str], shown: list[tuple], total: int) -> None:
    """A terminal table of the first rows, and how many there are in all."""
    out.print(_table(columns, shown))
    if len(shown) < total:
        err.print(f"showing the first {len(shown):,} of {total:,} rows: --limit N shows more, "
                  "--format csv/json/xlsx or -o FILE writes them all")
    else:
        err.print(f"{total} row{'s' if total != 1 else ''}")


def _emit_stream(fmt: str, columns: list[str], rows: Iterator[tuple], output: Path | None,
                 limit: int | None = None) -> int:
    """`_emit` for rows that arrive one at a time (query, sparql): CSV and JSON are written as they
    come, to stdout or atomically to -o FILE, so a national list is never held whole; a terminal
    table keeps the rows it shows and counts the rest.  Returns how many rows the query gave."""
    streamed = "csv" if fmt == "table" and output is not None else fmt
    if streamed in STREAMED:
        rows = rows if limit is None else islice(rows, limit)
        if output is None:
            return STREAMED[streamed](sys.stdout, columns, rows)
        from policykg.graph.serialize import atomic_write
        with atomic_write(output, "w") as fh:
            n = STREAMED[streamed](fh, columns, rows)
        err.print(f"wrote {n} rows to {output}")
        return n
    if fmt == "table" and output is None:
        shown = list(islice(rows, TABLE_ROWS if limit is None else limit))
        total = len(shown) + sum(1 for _ in rows)
        _preview(columns, shown, total)
        return total
    whole = list(rows)
    _emit(fmt, columns, whole, output, limit)
    return len(whole)


def _table(columns: list[str], rows: list[tuple], title: str | None = None) -> Table:
    t = Table(show_lines=False, title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    return t


def _warn_cut(book: Workbook) -> None:
    if book.truncated:
        err.print(f"[yellow]{book.truncated} cell(s) were longer than Excel's 32,767 characters and were "
                  "cut (marked in the cell); CSV or JSON keeps them whole[/]")
    if book.replaced:
        err.print(f"[yellow]{book.replaced} cell(s) held control characters a workbook cannot store; "
                  "they are shown as U+FFFD[/]")


def _binary_needs_a_file(fmt: str, output: Path | None) -> None:
    """Checked before any work: an audit of thousands of plans should not run only to be refused."""
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        raise click.UsageError("an Excel workbook is a binary file: give -o FILE.xlsx "
                               "(or redirect the output to a file)")


def _write(data: str | Workbook, output: Path | None) -> None:
    """To the file (atomically: a failed run leaves the old file) or to stdout (a workbook only to a
    pipe: the command checked `_binary_needs_a_file` before its work); a workbook's cut cells are
    reported."""
    if isinstance(data, Workbook):
        _warn_cut(data)
        data = data.data
    binary = isinstance(data, bytes)
    if output is None:
        if binary:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        return
    from policykg.graph.serialize import atomic_write
    with atomic_write(output, "wb" if binary else "w") as fh:
        fh.write(data)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


#: what data.select_plans matches (export, stats)
_PLAN_HELP = ("Only plans whose title contains TEXT, whose region is TEXT, or whose document name starts "
              "with TEXT (or the plan IRI).")

_SOURCE_HELP = ("SOURCE is a graph file (.trig, .ttl, ...: parsed into memory), plan documents (built "
                "first), a store directory made by `policykg load`, or an http(s) SPARQL endpoint URL; "
                "or give --store DIR or --endpoint URL instead of SOURCE.")


def _source_options(f):
    f = click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
                     metavar="SECONDS", help="How long a remote endpoint may take to answer.")(f)
    f = click.option("--endpoint", metavar="URL",
                     help="Query this SPARQL 1.1 endpoint (e.g. http://localhost:7878/query). A login "
                          "is read from POLICYKG_SPARQL_USER / POLICYKG_SPARQL_PASSWORD.")(f)
    f = click.option("--store", type=click.Path(path_type=Path), metavar="DIR",
                     help="Query this local store directory (made by `policykg load`); nothing is "
                          "re-parsed.")(f)
    return f


def _rows_options(f):
    """-f/--format, -o/--output and --limit, for the commands that print rows."""
    f = click.option("--limit", type=click.IntRange(min=0), default=None,
                     help="Only the first N rows (in the query's order). Without it a terminal table "
                          f"shows the first {TABLE_ROWS}; other formats and -o FILE get every row.")(f)
    f = click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the rows to this file.")(f)
    return click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True)(f)


def _open(source: str | None, store: Path | None, endpoint: str | None, timeout: float):
    given = [x for x in (source, store, endpoint) if x]
    if len(given) != 1:
        raise click.UsageError("give one source: SOURCE (a graph file, plan documents, a store "
                               "directory or an endpoint URL), --store DIR or --endpoint URL")
    if store is not None:
        return api.open_store(store)
    if endpoint is not None:
        return api.open_endpoint(endpoint, timeout)
    return api.open_source(source, timeout=timeout)


@main.command("query", epilog=_SOURCE_HELP)
@click.argument("name")
@click.argument("source", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@_rows_options
@_source_options
def query_cmd(name: str, source: str | None, params: tuple[str, ...], fmt: str, output: Path | None,
              limit: int | None, store: Path | None, endpoint: str | None, timeout: float) -> None:
    """Run the library query NAME over SOURCE.

    `policykg queries` lists the library."""
    queries.get(name)  # an unknown name is reported before any source is opened
    _binary_needs_a_file(fmt, output)
    opened = _open(source, store, endpoint, timeout)
    bound = _params(params)
    columns, rows = api.stream_query(name, opened, bound)
    given = _emit_stream(fmt, columns, rows, output, limit)
    plan = bound.get("plan", "")
    if not given and limit != 0 and plan and (name == "plan_metadata" or not _quietly(api.query, "plan_metadata", opened,
                                                                        {"plan": plan})[1]):
        # no rows because no plan is called that (a typo, or traditional for simplified characters)
        err.print(f"[yellow]warning:[/] no plan's title contains {plan!r}; "
                  "`policykg query plan_metadata` lists the plans and their titles")


def _quietly(call, *args):
    """A call made to check something, whose warnings were already given for the user's own call."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PolicyKGWarning)
        return call(*args)


@main.command("sparql", epilog=_SOURCE_HELP)
@click.argument("text")
@click.argument("source", required=False)
@_rows_options
@_source_options
def sparql_cmd(text: str, source: str | None, fmt: str, output: Path | None, limit: int | None,
               store: Path | None, endpoint: str | None, timeout: float) -> None:
    """Run an ad-hoc SPARQL SELECT query TEXT (or @FILE) over SOURCE."""
    _binary_needs_a_file(fmt, output)
    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    columns, rows = api.stream_sparql(text, _open(source, store, endpoint, timeout))
    _emit_stream(fmt, columns, rows, output, limit)


def _progress_bar(what: str, total: int | None = None):
    """A transient progress bar on stderr and the `progress(name, i, n)` callback the API calls
    (item i of n has started; n may only be known once the work starts)."""
    bar = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                   TimeElapsedColumn(), console=err, transient=True)
    task = bar.add_task("", total=total)

    def progress(name: str, i: int, n: int) -> None:
        bar.update(task, total=n, completed=i - 1, description=name)

    return bar, progress


def _graphs_table(title: str, graphs: list, stored: bool = False) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("graph\n命名图", overflow="fold")
    t.add_column("kind\n类型")
    t.add_column("triples\n三元组", justify="right")
    t.add_column("action\n操作")
    if stored:
        t.add_column("in store\n库中", justify="right")
    for g in graphs[:TABLE_ROWS]:
        row = [g.iri, g.kind, str(g.triples), g.action]
        if stored:
            row.append("" if g.stored is None else str(g.stored))
        t.add_row(*row)
    if len(graphs) > TABLE_ROWS:  # a national run: the first graphs, then what the rest add up to
        rest = graphs[TABLE_ROWS:]
        t.add_row(f"… {len(rest):,} more graphs", "", f"{sum(g.triples for g in rest):,}",
                  ", ".join(sorted({g.action for g in rest})), *([""] if stored else []))
    return t


@main.command("load")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), required=True, metavar="DIR",
              help="Store directory (Oxigraph); created if it does not exist.")
@click.option("--keep-going/--fail-fast", default=None,
              help="Skip documents that cannot be read (and say why) instead of stopping at the first; "
                   "the default when a folder is given.")
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Parse documents in this many processes (0: one per core).")
@click.option("--keep-rows/--no-keep-rows", default=True, show_default=True,
              help="Then run every library query once over the store and keep its national rows beside "
                   "it, so a national list, an aggregate or a query filtered to a unit or department "
                   "type answers at once until the store changes (about a minute at 2,800 plans).")
@_STRICT
def load_cmd(sources: tuple[Path, ...], store: Path, keep_going: bool, workers: int, keep_rows: bool,
             strict: bool) -> None:
    """Put plans into a persistent local store for fast queries.

    SOURCES are plan documents (built first) or graph files with one named graph per plan (.trig,
    .nq, .jsonld). Each plan replaces its earlier version in the store whole; plans not given stay
    as they are; the shared graph (regions, units, ...) is merged and the ontology kept in its own
    graph. Query the store with `policykg query NAME --store DIR`."""
    if not sources:
        raise click.UsageError("give plan documents or graph files to load")
    files = api.expand_paths(sources)
    bar, progress = _progress_bar("reading", len(files))
    with bar:
        result = api.load(files, store, keep_going=_keep_going(keep_going, sources), progress=progress,
                          workers=workers or None, keep=False)
    if keep_rows:
        _keep_rows(store, workers)
    gaps = 0
    if result.build is not None:
        err.print(_summary_table(result.build))
        gaps = _report_gaps(result.build.summary())
        for f in result.build.failures:
            err.print(f"[yellow]skipped:[/] {f.reason}")
    err.print(_graphs_table(f"loaded into {store} / 已载入", result.graphs))
    err.print(f"the store {store} now holds {result.store_triples} triples in {result.store_graphs} "
              "named graphs")
    if result.build is not None and result.build.failures:
        sys.exit(2)
    if strict and gaps:
        sys.exit(1)


def _keep_rows(store: Path, workers: int) -> dict[str, int]:
    bar, progress = _progress_bar("keeping the national rows of each library query")
    with bar:
        return api.keep_rows(store, workers=workers or None, progress=progress)


@main.command("keep-rows")
@click.option("--store", type=click.Path(path_type=Path), required=True, metavar="DIR",
              help="Store directory (Oxigraph), as `load` made it.")
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Run the queries in this many processes (0: one per core, at most 4).")
def keep_rows_cmd(store: Path, workers: int) -> None:
    """Run every library query once over the store and keep its national rows beside it.

    What `load` does after loading unless --no-keep-rows is given: a national list, an aggregate or
    a query filtered to a unit or department type then answers at once, until the store changes
    (a query whose kept rows are older than the store, or were kept by an earlier version of the
    query, is asked of the store). Use it after loads made with --no-keep-rows or an upgrade, e.g. one county's plans at a time into a national store."""
    counts = _keep_rows(store, workers)
    if not counts:
        raise click.ClickException(f"{store} changed while its rows were computed; nothing was kept, run it again")
    err.print(f"kept the national rows of {len(counts)} queries ({sum(counts.values())} rows) beside {store}")


@main.command("push")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--endpoint", metavar="URL",
              help="The store's SPARQL endpoint. Without --graph-store / --update, SPARQL Update "
                   "requests go here (Virtuoso /sparql-auth, Fuseki /DATASET); in every case each "
                   "graph's triple count is read back from it afterwards.")
@click.option("--graph-store", metavar="URL",
              help="SPARQL 1.1 Graph Store HTTP Protocol URL (Oxigraph /store, Fuseki /DATASET/data, "
                   "Virtuoso /sparql-graph-crud-auth): each plan graph is PUT, replacing it whole. "
                   "Give --update too and each plan is PUT into a staging graph, then swapped in by "
                   "one MOVE, so a failed upload never touches the plan's graph (Virtuoso's own PUT "
                   "is not atomic).")
@click.option("--update", metavar="URL",
              help="SPARQL Update endpoint (Oxigraph /update, Virtuoso /sparql-auth), when it is not "
                   "--endpoint or when --graph-store is used.")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="How long the server may take to answer one request.")
@click.option("--keep-going/--fail-fast", default=None,
              help="Skip documents that cannot be read (and say why) instead of stopping at the first.")
def push_cmd(sources: tuple[Path, ...], endpoint: str | None, graph_store: str | None,
             update: str | None, timeout: float, keep_going: bool) -> None:
    """Upload plans to a triple store, each plan as its own named graph.

    SOURCES are plan documents (built first) or graph files with one named graph per plan (.trig,
    .nq, .jsonld). One request per graph: a plan's graph is replaced whole (a failed request leaves
    its previous graph in place; other plans are untouched), the shared graph is merged, the
    ontology goes to https://w3id.org/policykg/id/graph/ontology. Pushing twice leaves the store
    as it was. A login is read from POLICYKG_SPARQL_USER / POLICYKG_SPARQL_PASSWORD (Basic, or
    Digest when the server asks for it) and never printed."""
    if not sources:
        raise click.UsageError("give plan documents or graph files to push")
    if not (endpoint or graph_store or update):
        raise click.UsageError("give --endpoint URL (and --graph-store URL or --update URL where the "
                               "store has them)")
    files = api.expand_paths(sources)
    bar, progress = _progress_bar("reading", len(files))
    with bar:
        ds, built = api.read_dataset(files, keep_going=_keep_going(keep_going, sources), progress=progress)
    if built is not None:
        err.print(_summary_table(built))
        for f in built.failures:
            err.print(f"[yellow]skipped:[/] {f.reason}")
    result = api.push(ds, graph_store=graph_store, update=update, endpoint=endpoint, timeout=timeout)
    err.print(_graphs_table("pushed / 已上传", result.graphs, stored=endpoint is not None))
    if result.verify_error:
        err.print(f"[yellow]warning:[/] pushed, but the triple counts could not be read back: "
                  f"{result.verify_error}")
    short = [g for g in result.graphs if g.stored is not None and g.stored < g.triples]
    for g in short:
        err.print(f"[yellow]warning:[/] <{g.iri}>: sent {g.triples} triples, the store reports {g.stored}")
    if built is not None and built.failures:
        sys.exit(2)


@main.command("validate", epilog=_SOURCE_HELP)
@click.argument("sources", nargs=-1)
@click.option("-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True,
              help="text/md/html for people (html: one self-contained page), xlsx for a spreadsheet "
                   "(scorecards and findings sheets), json for scripts, ttl for the standard "
                   "sh:ValidationReport.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to this file.")
@click.option("--fail-on", type=click.Choice(["violation", "warning", "never"]), default="violation",
              show_default=True, help="Exit 1 when findings of this severity (or worse) exist.")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Audit a store's plans in this many processes (0: one per core); the findings are the "
                   "same. Files and documents are audited in batches in one process, already fast.")
@click.option("--engine", type=click.Choice(ENGINES), default=None,
              help="SHACL engine: pyshacl (the reference; the default for files), rudof (pyrudof), jena "
                   "(Apache Jena, Java: apt-get install libapache-jena-java) or shacl-rust (the fastest; the "
                   "default for a store); the findings are the same.")
@click.option("--plan", metavar="TEXT", help=_PLAN_HELP + " A store reads only their graphs.")
@click.option("--full", is_flag=True,
              help="With a store: audit every plan again instead of reading unchanged plans' findings from "
                   "the audit cache the store keeps (and rewrite the cache).")
@_source_options
def validate_cmd(sources: tuple[str, ...], fmt: str, output: Path | None, fail_on: str, workers: int,
                 engine: str | None, plan: str | None, full: bool, store: Path | None, endpoint: str | None,
                 timeout: float) -> None:
    """Audit plans: does every task have an owner and a measurable target?

    SOURCES are graph files or plan documents (or --store / --endpoint).  Prints a scorecard per
    plan, then the findings grouped by plan and rule, each with its document and line.  Exit code 0
    when the graph conforms at --fail-on, 1 when it does not, 2 on an error."""
    from policykg.shapes import render
    given = list(sources) or ([store] if store else []) or ([endpoint] if endpoint else [])
    if not given:
        raise click.UsageError("give graph files or plan documents to audit, or --store / --endpoint")
    _binary_needs_a_file(fmt, output)
    bar, progress = _progress_bar("auditing")
    with bar:
        report = api.validate(given if not (store or endpoint) else given[0], progress=progress,
                              workers=workers or (os.cpu_count() or 1), engine=engine, plan=plan, full=full)
    _write(report_xlsx(report) if fmt == "xlsx" else render(report, fmt, fail_on), output)
    cache = report.cache
    if cache is not None:
        err.print(f"{cache.audited} plan(s) audited, {cache.cached} from the store's audit cache"
                  + (f", {cache.removed} cached audit(s) of plans no longer in the store dropped" if cache.removed else ""))
        if cache.note:
            err.print(f"[yellow]note:[/] {cache.note}")
    err.print(f"{len(report.scorecards)} plan(s): {report.count('Violation')} violation(s), "
              f"{report.count('Warning')} warning(s)" + (f"; report written to {output}" if output else ""))
    sys.exit(0 if report.conforms(fail_on) else 1)


@main.command("export", epilog=_SOURCE_HELP)
@click.argument("source", required=False)
@click.option("--view", type=click.Choice(EXPORT_VIEWS),
              default="responsibility", show_default=True,
              help="responsibility: units and tasks (lead/support edges); collaboration: units sharing "
                   "tasks, weighted; indicators: plans and indicators matched across plans; full: everything.")
@click.option("-f", "--format", "fmt",
              type=click.Choice(EXPORT_FORMATS),
              help="Default: from the output file's extension. csv writes FILE-nodes.csv and FILE-edges.csv.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--by", type=click.Choice(EXPORT_BY), default="unit", show_default=True,
              help="collaboration view: merge units by department type to compare plans of different regions.")
@click.option("--plan", metavar="TEXT", help=_PLAN_HELP)
@_source_options
def export_cmd(source: str | None, view: str, fmt: str | None, output: Path, by: str, plan: str | None,
               store: Path | None, endpoint: str | None, timeout: float) -> None:
    """Export a network view for Gephi, yEd, Cytoscape, D3, Graphviz or the browser (html)."""
    g, paths = api.export(_open(source, store, endpoint, timeout), output, view=view, fmt=fmt, by=by,
                          plan=plan)
    err.print(f"{view} view: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> "
              + ", ".join(str(p) for p in paths))
    if paths and paths[0].suffix.lower() in (".html", ".htm") and g.number_of_nodes() > PAGE_NODES:
        err.print(f"[yellow]this page has {g.number_of_nodes():,} nodes: a browser takes about 3 ms a node "
                  f"to lay it out (~{g.number_of_nodes() * 0.003:.0f} s). --plan TEXT exports some plans, "
                  "--by type merges units by department type, and Gephi (graphml/gexf) takes the whole[/]")


@main.command("stats", epilog=_SOURCE_HELP)
@click.argument("source", required=False)
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--plan", metavar="TEXT", help=_PLAN_HELP)
@_rows_options
@_source_options
def stats_cmd(source: str | None, top: int, plan: str | None, fmt: str, output: Path | None,
              limit: int | None, store: Path | None, endpoint: str | None, timeout: float) -> None:
    """Top units by lead count, degree and betweenness centrality, per plan and across plans."""
    _binary_needs_a_file(fmt, output)
    columns, rows = api.stats(_open(source, store, endpoint, timeout), top=top, plan=plan)
    _emit(fmt, columns, rows, output, limit)


@main.command("reason")
@click.argument("sources", nargs=-1)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the inferred graphs here (.trig keeps one per plan).")
@click.option("--reasoner", type=click.Choice(list(REASONERS)), default="hermit", show_default=True)
@click.option("--include-asserted", is_flag=True, help="Write the asserted graphs into the output too.")
@click.option("--write", is_flag=True,
              help="With --store: put the inferred graphs into the store (one per plan, replaced whole), "
                   "where queries and the audit see them.")
@click.option("--plan", metavar="TEXT", help=_PLAN_HELP + " They are read into memory with the shared "
              "nodes they reach, whatever the reasoner: HermiT gives one county of a national store in "
              "seconds.")
@_source_options
def reason_cmd(sources: tuple[str, ...], output: Path | None, reasoner: str, include_asserted: bool,
               write: bool, plan: str | None, store: Path | None, endpoint: str | None,
               timeout: float) -> None:
    given = list(sources) or ([store] if store else []) or ([endpoint] if endpoint else [])
    if not given:
        raise click.UsageError("give graph files or plan documents to reason over, or --store / --endpoint")
    if write and not store:
        raise click.UsageError("--write puts the inferred graphs into a store: give --store DIR")
    result = api.reason(given if not (store or endpoint) else given[0], reasoner=reasoner, write=write,
                        plan=plan)
    rows = result.summary()
    if rows:
        columns = [c for c in rows[0].keys() if c != "graph"]  # the graph IRI is in the output file
        shown = [tuple(r[c] for c in columns) for r in rows[:TABLE_ROWS]]
        err.print(_table(columns, shown, f"inferred by {reasoner} / 推理结果"))
        if len(rows) > len(shown):
            err.print(f"showing the first {len(shown):,} of {len(rows):,} plans; "
                      f"{result.triples:,} triples inferred in all")
    if output is not None:
        result.write(output, include_asserted=include_asserted)
        err.print(f"inferred triples written to {output}")
    if write:
        err.print(f"inferred graphs written into the store {store}")


#: the help of `policykg reason`: what each reasoner infers and what it needs
REASON_HELP = """\
Infer what the ontology implies beyond what the loaders wrote, and check that nothing contradicts it.

Runs an OWL reasoner over each plan graph of SOURCE (a graph file from `policykg build`) with the
policykg ontology and writes only the inferred triples, one named graph per plan
(…/id/graph/inferred/plan/…, beside …/id/graph/plan/…), so asserted and inferred facts stay apart:
class memberships (pkg:OwnedTask - a task with a lead unit; pkg:LeadUnit - a unit leading a task;
pkg:MeasurableTask - a task with a target, or measured by an indicator with a numeric target;
pkg:BindingIndicator - a 约束性 indicator; pkg:CrossDepartmentTask - lead and supporting units of
different department types) and links (pkg:leads, pkg:supports, pkg:responsibleFor from unit to
task; part-of shortcuts pkg:inPlan …).  Use -o FILE.trig (named graphs) or .ttl/.nt (their union);
load it beside SOURCE (or write SOURCE's graphs into the same file) and the queries see both.

An inconsistent graph (say a node that is both a task and a unit) is reported in plain words - which
nodes, which axioms, which document lines, and with Java Pellet's explanation axiom by axiom - and
the command exits with 1.

--reasoner hermit (default): HermiT, complete OWL 2 DL, needs Java; a few seconds per plan.
--reasoner pellet: Pellet, complete OWL 2 DL, needs Java; a second opinion on HermiT's answers.
--reasoner rl: OWL 2 RL rules in Python (owlrl), no Java, for graphs too big for a DL reasoner.
  On graphs as policykg builds them (every node typed) RL infers the same memberships of all five
  classes and the same links as HermiT.  What RL cannot do: reason by cases - a node with
  pkg:inSection (a task or a project box) and pkg:hasTarget (an indicator or a task) is a pkg:Task,
  and so a pkg:MeasurableTask, to HermiT and nothing to RL (union domains are outside RL); use what
  an existential on the right implies (that a pkg:OwnedTask has some lead unit); or prove a graph
  consistent - it finds only the clashes its rules detect (disjoint classes, two values of a
  functional property, owl:AllDifferent).
--reasoner sparql: the defined classes and links above by SPARQL rules (ontology/rules/*.rq) run in
  Oxigraph over all plan graphs at once - seconds for thousands of plans, with --store DIR in the
  store itself.  Same members and links as rl (and as hermit on graphs as policykg builds them); it
  types no untyped node from domains and ranges and does not check consistency: run hermit or rl for
  that.  With --store DIR --write the inferred graphs go into the store (each replaced whole; a
  plan re-loaded later loses its stale inferred graph), where queries and the audit see them.
pkg:CrossDepartmentTask is computed by a SPARQL rule after the OWL reasoner in every mode: comparing
two units' department types is beyond OWL 2 DL.
"""

reason_cmd.help = "\b\n" + REASON_HELP.replace("\n\n", "\n\n\b\n")


@main.command("queries")
def queries_cmd() -> None:
    """List the query library: name, question, columns, parameters."""
    t = Table(show_lines=True)
    for c in ("name", "question / 问题", "columns", "parameters"):
        t.add_column(c, overflow="fold")
    for name in queries.available():
        q = queries.get(name)
        question = f"{q.questions.get('en', '')}\n{q.questions.get('zh', '')}".strip()
        params = "\n".join(f"{p.name} (default {p.default!r}): {p.description}" for p in q.params)
        t.add_row(name, question, " ".join(q.columns), params)
    out.print(t)


if __name__ == "__main__":  # pragma: no cover
    main()
