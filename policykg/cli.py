"""The `policykg` command line: a thin layer over policykg.api.

Errors a user can fix are printed as one line naming the file and the reason, with exit code 2;
progress and summaries go to stderr so stdout can be piped (CSV, JSON).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from policykg import __version__, api, queries
from policykg.errors import PolicyKGError
from policykg.formatting import FORMATS, render
from policykg.graph.serialize import FORMATS as GRAPH_FORMATS

err = Console(stderr=True, highlight=False)
if not err.is_terminal:
    err = Console(stderr=True, highlight=False, width=160)  # logs and CI: do not squeeze tables


def _fail(exc: PolicyKGError) -> None:
    err.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
    sys.exit(exc.exit_code)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
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
                         ("projects\n项目", "right"), ("indicators\n指标", "right"), ("units\n单位", "right")):
        t.add_column(col, justify=justify, overflow="fold", no_wrap=justify == "right")
    for s in result.summary():
        t.add_row(s["doc"], s["plan"], s["region"], str(s["tasks"]), str(s["tasks_with_lead"]),
                  str(s["projects"]), str(s["indicators"]), str(s["units"]))
    return t


@main.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Graph file to write; the format follows the extension: "
                   + ", ".join(sorted(GRAPH_FORMATS)) + " (.trig/.nq/.jsonld keep one named graph per plan).")
@click.option("--example", is_flag=True, help="Build the invented example plan bundled with policykg.")
@click.option("--keep-going/--fail-fast", default=False, show_default=True,
              help="Skip documents that cannot be read (and say why) instead of stopping at the first.")
def build(documents: tuple[Path, ...], output: Path, example: bool, keep_going: bool) -> None:
    """Read plan DOCUMENTS (files or folders) and write their knowledge graph."""
    paths: list[Path] = list(documents)
    if example:
        from policykg.examples import example_path
        paths.append(Path(str(example_path())))
    if not paths:
        raise click.UsageError("give plan documents to build, or --example")
    files = api.expand_paths(paths)
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("", total=len(files))

        def progress(name: str, i: int, n: int) -> None:
            bar.update(task, completed=i - 1, description=name)

        result = api.build(files, output, keep_going=keep_going, progress=progress)
        bar.update(task, completed=len(files))
    err.print(_summary_table(result))
    for f in result.failures:
        err.print(f"[yellow]skipped:[/] {f.reason}")
    for f in result.skipped:
        err.print(f"[yellow]skipped:[/] {f.path}: {f.reason}")
    graphs = len(result.plans)
    err.print(f"wrote {result.triples} triples ({graphs} plan graph{'s' if graphs != 1 else ''} + shared) "
              f"to {output}")
    if result.failures:
        sys.exit(1)


def _emit(fmt: str, columns: list[str], rows: list[tuple], output: Path | None) -> None:
    if fmt == "table" and output is None:
        t = Table(show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*("" if v is None else str(v) for v in r))
        Console(highlight=False).print(t)
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
        return
    text = render("csv" if fmt == "table" else fmt, columns, rows)
    if output is None:
        sys.stdout.write(text)
    else:
        from policykg.graph.serialize import atomic_write
        with atomic_write(output) as fh:
            fh.write(text)
        err.print(f"wrote {len(rows)} rows to {output}")


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


@main.command("query")
@click.argument("name")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the rows to this file.")
def query_cmd(name: str, source: Path, params: tuple[str, ...], fmt: str, output: Path | None) -> None:
    """Run the library query NAME over SOURCE (a graph file or plan documents).

    `policykg queries` lists the library."""
    columns, rows = api.query(name, source, _params(params))
    _emit(fmt, columns, rows, output)


@main.command("sparql")
@click.argument("text")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the rows to this file.")
def sparql_cmd(text: str, source: Path, fmt: str, output: Path | None) -> None:
    """Run an ad-hoc SPARQL SELECT query TEXT (or @FILE) over SOURCE."""
    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    columns, rows = api.sparql(text, source)
    _emit(fmt, columns, rows, output)


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
    Console(highlight=False).print(t)


if __name__ == "__main__":  # pragma: no cover
    main()
