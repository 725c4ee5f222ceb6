"""Who leads and who supports a task, as printed after it.

Plans print responsibilities in a closing bracket, in two families of wording:
- labelled:  （牵头单位：区乡村振兴局；责任单位：区残联、区民政局）
- verb-final: （区残疾人联合会、民政局牵头；区财政局、教育局按照职能分工负责）
A plan that labels only 责任单位 uses it for the owner (see GLOSSARY).  Text without such a clause
has no units: nothing is invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.model import UnitRef
from policykg.loaders.units import UnitResolver

_LEAD_LABELS = ("牵头单位", "负责单位", "主责单位", "主办单位", "牵头部门", "责任部门")
_SUPPORT_LABELS = ("配合单位", "参与单位", "协办单位", "协同单位", "支持单位", "配合部门", "参与部门")
_OWNER_OR_SUPPORT = ("责任单位",)
_LABEL_RE = re.compile("(" + "|".join(_LEAD_LABELS + _SUPPORT_LABELS + _OWNER_OR_SUPPORT) + r")\s*[:：]")
_VERB_RE = re.compile(
    r"(牵头负责|牵头|按照职能分工负责|按职能分工负责|按照职责分工负责|按职责分工负责|按职责负责|分工负责|"
    r"共同负责|负责|配合|参与|协助|协办)(?=$|[;；,，。])"
)
_KEYWORDS = ("牵头", "负责", "配合", "责任单位", "参与单位", "协办")


@dataclass
class Clause:
    start: int  # offset of the opening bracket in the text
    end: int  # offset after the closing bracket
    inner: str


def find_clause(text: str) -> Clause | None:
    """The last top-level bracketed group of `text` that names responsibilities."""
    groups: list[Clause] = []
    depth = 0
    start = -1
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append(Clause(start, i + 1, text[start + 1:i]))
    for g in reversed(groups):
        if any(k in g.inner for k in _KEYWORDS) and (_LABEL_RE.search(g.inner) or _VERB_RE.search(g.inner)):
            return g
    return None


def _split_parts(inner: str) -> list[str]:
    """Split at ；/; outside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch in "（(〈<":
            depth += 1
        elif ch in "）)〉>":
            depth = max(0, depth - 1)
        if ch in "；;" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip(" ，,。") for p in parts if p.strip(" ，,。")]


def parse_clause(inner: str, resolver: UnitResolver) -> list[tuple[str, UnitRef]]:
    """(role, unit) pairs in printed order."""
    out: list[tuple[str, UnitRef]] = []
    labelled = bool(_LABEL_RE.search(inner))
    has_lead_label = any(label in inner for label in _LEAD_LABELS)
    has_lead_verb = "牵头" in inner
    hint: str | None = None
    for part in _split_parts(inner):
        segments: list[tuple[str, str]] = []  # (role, units text)
        if labelled:
            pieces = _LABEL_RE.split(part)
            # pieces: [before, label, units, label, units, ...]
            for label, units in zip(pieces[1::2], pieces[2::2]):
                if label in _LEAD_LABELS:
                    role = "lead"
                elif label in _OWNER_OR_SUPPORT:
                    role = "support" if has_lead_label else "lead"
                else:
                    role = "support"
                segments.append((role, units))
        else:
            pos = 0
            for m in _VERB_RE.finditer(part):
                units = part[pos:m.start()].strip(" ，,")
                verb = m.group(1)
                if verb.startswith("牵头"):
                    role = "lead"
                elif verb == "负责" and not has_lead_verb:
                    role = "lead"
                else:
                    role = "support"
                if units:
                    segments.append((role, units))
                pos = m.end()
        for role, units_text in segments:
            refs = resolver.resolve_list(units_text.strip(" ，,。"), hint)
            if refs:
                first_prefix = resolver.prefix_of(units_text.strip(" ，,。").split("、")[0])
                if first_prefix and first_prefix in "区市县旗":
                    hint = first_prefix
            out.extend((role, r) for r in refs)
    return out
