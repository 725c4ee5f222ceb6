"""Resolve printed unit names to one body per region.

A plan prints the same body several ways (区残联 / 区残疾人联合会), drops the region prefix after the
first name of a list (区残疾人联合会、民政局牵头 -> 区民政局), gives a second name in brackets
(区农牧水务局（乡村振兴局）) and sometimes runs two names together (市卫生健康局市残联).  Here each
name becomes a `UnitRef` keyed by (region, canonical core name); the merging rules are the alias
table in loaders/data, not code.
"""
from __future__ import annotations

import re

from policykg.loaders.model import RegionRef, UnitRef
from policykg.loaders.reference import classify_department, unit_aliases
from policykg.loaders.regions import region_short_name
from policykg.loaders.text import normalize

LEVEL_CHARS = "区市县旗"
#: words that begin with a level character without it being a region prefix (市场监督管理局)
NOT_PREFIXES = ("市场", "区域", "县域", "市政工程", "旗帜")
#: characters that end an organisation name; used to split names printed without a separator
UNIT_FINALS = "局委办联会部院心司队所站处室厅"
_RUN_TOGETHER_RE = re.compile(rf"(?<=[{UNIT_FINALS}])(?=[{LEVEL_CHARS}][\u4e00-\u9fff]{{1,}}[{UNIT_FINALS}])")
_BRACKETS = {"（": "）", "(": ")", "〈": "〉", "<": ">", "《": "》"}
#: list separators inside a responsibility clause (brackets are respected by the splitter)
SEPARATORS = set("、，,；;/／ \t\n　")


def split_unit_list(text: str) -> list[str]:
    """Split '区财政局、教育局，人力资源和社会保障局（医保局）' at separators outside brackets."""
    parts: list[str] = []
    depth = 0
    cur = ""
    for ch in text:
        if ch in _BRACKETS:
            depth += 1
        elif ch in _BRACKETS.values():
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            if cur.strip():
                parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    out: list[str] = []
    for p in parts:
        out.extend(s for s in _RUN_TOGETHER_RE.split(p) if s)
    return [p.strip("等") for p in out if p.strip("等")]


def _split_alternate(name: str) -> tuple[str, str]:
    """'区农牧水务局（乡村振兴局）' -> ('区农牧水务局', '乡村振兴局'); other names unchanged."""
    for o, c in _BRACKETS.items():
        if name.endswith(c) and o in name:
            i = name.rfind(o)
            main, alt = name[:i].strip(), name[i + 1:-1].strip()
            if len(main) >= 2 and len(alt) >= 2 and main[-1] in UNIT_FINALS:
                return main, alt
    return name, ""


class UnitResolver:
    """Resolves unit names printed in one plan."""

    def __init__(self, region: RegionRef | None) -> None:
        self.region = region
        self.level_char = region.name[-1] if region and region.name[-1] in LEVEL_CHARS else "区"
        self._cache: dict[tuple[str, str], UnitRef] = {}

    # -- prefixes ----------------------------------------------------------------------------
    def _region_for_level(self, char: str) -> RegionRef | None:
        """The plan region, or its ancestor whose name ends with the level character printed."""
        node = self.region
        while node is not None:
            if node.name.endswith(char):
                return node
            node = node.parent
        return self.region

    def split_prefix(self, name: str) -> tuple[str, str, RegionRef | None] | None:
        """(prefix, core, region) when `name` carries its own region prefix, else None."""
        if self.region is not None:
            for form in (self.region.name, region_short_name(self.region)):
                if name.startswith(form) and len(name) > len(form) + 1:
                    return form, name[len(form):], self.region
        m = re.match(rf"^团([{LEVEL_CHARS}])委$", name)
        if m:
            return "", name, self._region_for_level(m.group(1))
        if name[0] in LEVEL_CHARS and len(name) > 2 and not name.startswith(NOT_PREFIXES):
            return name[0], name[1:], self._region_for_level(name[0])
        if name.startswith(("各", "中国", "全")):
            return "", name, self.region
        return None

    def prefix_of(self, name: str) -> str | None:
        """The printed region prefix of a name (for restoring it on later names of a list)."""
        got = self.split_prefix(_split_alternate(name)[0])
        return got[0] if got and got[0] else None

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, printed: str, prefix_hint: str | None = None) -> UnitRef:
        """Resolve one printed name; `prefix_hint` restores an elided region prefix."""
        printed = printed.strip()
        key_in = (printed, prefix_hint or "")
        if key_in in self._cache:
            return self._cache[key_in]
        main, alt = _split_alternate(printed)
        got = self.split_prefix(main)
        if got is None:
            prefix = prefix_hint if prefix_hint is not None else self.level_char
            core, region = main, self._region_for_level(prefix) if prefix in LEVEL_CHARS else self.region
        else:
            prefix, core, region = got
        canonical = unit_aliases().get(normalize(core), unit_aliases().get(core, core))
        label = f"{prefix}{canonical}"
        alts = []
        if printed != label:
            alts.append(printed)
        if alt:
            alt_prefix = prefix if alt[0] not in LEVEL_CHARS else ""
            alts.append(f"{alt_prefix}{alt}")
        dept = classify_department(label)
        if dept == "other" and alt:
            dept = classify_department(alt)
        ref = UnitRef(key=canonical, label=label, region=region or self.region or RegionRef("", ""),
                      dept_type=dept, alt_labels=tuple(dict.fromkeys(alts)))
        self._cache[key_in] = ref
        return ref

    def resolve_list(self, text: str, prefix_hint: str | None = None) -> list[UnitRef]:
        """Resolve a list such as '区残疾人联合会、民政局' (prefix of the first restored on the rest)."""
        refs: list[UnitRef] = []
        hint = prefix_hint
        for name in split_unit_list(text):
            own = self.prefix_of(name)
            if own is not None and own in LEVEL_CHARS:
                hint = own
            refs.append(self.resolve(name, hint))
        return refs
