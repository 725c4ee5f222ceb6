"""Audit reports for people (text, Markdown, one self-contained HTML page) and machines (JSON, the
standard sh:ValidationReport in Turtle).

People read a scorecard per plan first, then the findings grouped by plan and rule, each naming the
task by its number and title as printed, its document and line, and the rule in Chinese and English.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict
from importlib import resources
from itertools import groupby

from jinja2 import Environment, select_autoescape
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from policykg.shapes.audit import SH, AuditReport, Finding, Scorecard

FORMATS = ("text", "md", "html", "xlsx", "json", "ttl")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    """Pad for a terminal, where a Chinese character takes two columns."""
    while _width(s) > width:
        s = s[:-1]
    fill = " " * (width - _width(s))
    return fill + s if right else s + fill


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}%"


def _where(f: Finding) -> str:
    return f"{f.doc}:{f.line}" if f.line else f.doc


def _groups(report: AuditReport):
    """(scorecard, [(rule, [findings])]) per plan, plans in scorecard order."""
    by_plan = {k: list(v) for k, v in groupby(report.findings, key=lambda f: f.plan)}
    for card in report.scorecards:
        findings = by_plan.get(card.plan, [])
        rules = [(rule, list(items)) for rule, items in groupby(findings, key=lambda f: (f.severity, f.rule))]
        yield card, rules


def _binding(card: Scorecard) -> str:
    return f"{card.binding_numeric}/{card.binding}" if card.binding else "—"


def to_text(report: AuditReport, fail_on: str = "violation") -> str:
    lines = ["policykg audit report / 审计报告", "=" * 32, ""]
    lines.append(f"{len(report.scorecards)} plan(s): {report.count('Violation')} violation(s), "
                 f"{report.count('Warning')} warning(s); "
                 f"{'conforms' if report.conforms(fail_on) else 'does NOT conform'} at --fail-on {fail_on}")
    lines += ["", "Scorecard / 评分卡"]
    header = (f"{_pad('plan 规划', 44)} {_pad('tasks', 6, True)} {_pad('owned', 7, True)} "
              f"{_pad('measurable', 11, True)} {_pad('binding w/ numeric target', 26, True)}")
    lines += [header, "-" * _width(header)]
    for c in report.scorecards:
        lines.append(f"{_pad(c.title or c.doc, 44)} {_pad(str(c.tasks), 6, True)} {_pad(_pct(c.owned_pct), 7, True)} "
                     f"{_pad(_pct(c.measurable_pct), 11, True)} {_pad(_binding(c), 26, True)}")
    for card, rules in _groups(report):
        lines += ["", f"## {card.title or card.doc}  ({card.doc}, {card.region})"]
        if not rules:
            lines.append("   no findings / 未发现问题")
        for (severity, _rule), items in rules:
            first = items[0]
            lines.append(f"   [{severity}] {first.name_zh} / {first.name_en} — {len(items)}")
            lines.append(f"      {first.message_zh}")
            lines.append(f"      {first.message_en}")
            for f in items:
                lines.append(f"      {_pad(_where(f), 30)} {f.label}")
                if f.message_zh != first.message_zh:
                    lines.append(f"      {'':30} {f.message_zh} / {f.message_en}")
    return "\n".join(lines) + "\n"


def _md(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def to_markdown(report: AuditReport, fail_on: str = "violation") -> str:
    out = ["# policykg audit report / 审计报告", "",
           f"{len(report.scorecards)} plan(s) · {report.count('Violation')} violation(s) · "
           f"{report.count('Warning')} warning(s) · "
           f"{'conforms' if report.conforms(fail_on) else '**does not conform**'} at `--fail-on {fail_on}`", "",
           "## Scorecard / 评分卡", "",
           "| plan 规划 | document | region 地区 | tasks 任务 | with owner 有牵头单位 | measurable 可衡量 | binding indicators with numeric target 约束性指标有数值目标 |",
           "|---|---|---|---:|---:|---:|---:|"]
    for c in report.scorecards:
        out.append(f"| {_md(c.title)} | {_md(c.doc)} | {_md(c.region)} | {c.tasks} | {_pct(c.owned_pct)} | "
                   f"{_pct(c.measurable_pct)} | {_binding(c)} |")
    for card, rules in _groups(report):
        out += ["", f"## {_md(card.title or card.doc)}", "", f"`{card.doc}` · {card.region}", ""]
        if not rules:
            out.append("No findings / 未发现问题")
        for (severity, rule), items in rules:
            first = items[0]
            out += [f"### {severity}: {first.name_zh} / {first.name_en} ({len(items)})", "",
                    "| where | item | finding |", "|---|---|---|"]
            for f in items:
                out.append(f"| {_md(_where(f))} | {_md(f.label)} | {_md(f.message_zh)}<br>{_md(f.message_en)} |")
            out.append("")
    return "\n".join(out) + "\n"


def _card_record(c: Scorecard) -> dict:
    """A scorecard's fields with its two percentages, as JSON and the spreadsheet give them."""
    return {**asdict(c), "owned_pct": c.owned_pct, "measurable_pct": c.measurable_pct}


def to_json(report: AuditReport, fail_on: str = "violation") -> str:
    data = {
        "conforms": report.conforms(fail_on), "fail_on": fail_on,
        "violations": report.count("Violation"), "warnings": report.count("Warning"),
        "scorecards": [_card_record(c) for c in report.scorecards],
        "findings": [asdict(f) for f in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


#: the spreadsheet's columns: the JSON fields, headed in English and Chinese
_CARD_COLUMNS = [("plan", "规划IRI"), ("title", "规划"), ("doc", "文件"), ("region", "地区"), ("tasks", "任务数"),
                 ("owned", "有牵头单位"), ("owned_pct", "有牵头单位%"), ("measurable", "可衡量"),
                 ("measurable_pct", "可衡量%"), ("binding", "约束性指标"),
                 ("binding_numeric", "约束性指标有数值目标"), ("inferred_owned", "推理得有主任务")]
_FINDING_COLUMNS = [("severity", "严重程度"), ("rule", "规则"), ("name_zh", "规则名称"), ("name_en", "英文规则名"),
                    ("doc", "文件"), ("line", "行"), ("label", "条目"), ("message_zh", "问题说明"),
                    ("message_en", "英文说明"), ("path", "属性"), ("value", "值"), ("focus", "节点IRI"),
                    ("plan", "规划IRI")]


def to_xlsx(report: AuditReport):
    """A workbook with a scorecard sheet and a findings sheet (one row per finding, filterable by
    plan, rule and severity); returns policykg.spreadsheet.Workbook."""
    from policykg.spreadsheet import Sheet, workbook

    def header(columns):
        return [f"{key} {zh}" for key, zh in columns]

    cards = [_card_record(c) for c in report.scorecards]
    findings = [asdict(f) for f in report.findings]
    return workbook([
        Sheet("scorecards 评分卡", header(_CARD_COLUMNS), [[c[k] for k, _ in _CARD_COLUMNS] for c in cards]),
        Sheet("findings 审计发现", header(_FINDING_COLUMNS), [[f[k] for k, _ in _FINDING_COLUMNS] for f in findings]),
    ])


def to_turtle(report: AuditReport) -> str:
    """One sh:ValidationReport holding every plan's results."""
    g = Graph()
    g.bind("sh", SH)
    root = BNode("report")
    results = report.results
    for s, p, o in results:
        if p == RDF.type and o == SH.ValidationReport:
            continue
        if (s, RDF.type, SH.ValidationReport) in results:
            if p == SH.result:
                g.add((root, SH.result, o))
            continue
        g.add((s, p, o))
    g.add((root, RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, Literal(report.count("Violation") == 0 and report.count("Warning") == 0,
                                      datatype=XSD.boolean)))
    return g.serialize(format="turtle")


def to_html(report: AuditReport, fail_on: str = "violation") -> str:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(resources.files(__package__).joinpath("report.html.j2").read_text(encoding="utf-8"))
    groups = []
    for card, rules in _groups(report):
        groups.append({"card": card, "rules": [
            {"severity": sev, "rule": rule, "name_zh": items[0].name_zh, "name_en": items[0].name_en,
             "findings": [{**asdict(f), "where": _where(f)} for f in items]} for (sev, rule), items in rules]})
    return template.render(report=report, groups=groups, fail_on=fail_on, pct=_pct, binding=_binding,
                           conforms=report.conforms(fail_on))


def render(report: AuditReport, fmt: str, fail_on: str = "violation") -> str | bytes:
    """Text for the text formats, bytes for xlsx."""
    if fmt == "xlsx":
        return to_xlsx(report).data
    if fmt == "text":
        return to_text(report, fail_on)
    if fmt == "md":
        return to_markdown(report, fail_on)
    if fmt == "html":
        return to_html(report, fail_on)
    if fmt == "json":
        return to_json(report, fail_on)
    if fmt == "ttl":
        return to_turtle(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
