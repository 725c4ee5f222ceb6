"""Word's automatic numbering, turned back into the labels a reader sees (一、 （一） 1.).

Chinese government documents often number chapters, sections and tasks with Word's list numbering,
so the numbers are not in the text at all; without them no chapter or task would be found.  Word
keeps, per list, a template per level (start value, number format, label text such as "%1、") and
counts paragraphs in document order; this module replays that count.  python-docx exposes the XML
(numbering part, paragraph and style properties) but does not compute labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from policykg.loaders.ladder import SYMBOL_FONT_GLYPHS, bullet

_CN = "零一二三四五六七八九"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
#: labels ending like this are followed directly by the text; others get a space
_TIGHT_ENDINGS = tuple("、.．)）:：]】」")


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return _CN[0] if n == 0 else str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else
                                     ("一" + chinese_counting(rest) if rest < 20 else chinese_counting(rest)))
        return _CN[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


#: Word's letter numbering repeats the letter past z (aa, bbb) up to 780 (zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz);
#: a larger counter (a hostile w:start or <ol start>) is printed as digits, never as a string that long
_MAX_LETTERS = 780


def _letters(n: int) -> str:
    if n <= 0 or n > _MAX_LETTERS:
        return str(n)
    letter = chr(ord("A") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (unknown formats print as decimal).

    The Chinese formats all print in counting numerals, 一 … 十 … 一百零五: Word shows
    chineseLegalSimplified as 壹 贰 叁 and ideographDigital 10 as 一〇, but they number the same
    chapters, and 一〇、 printed back would be no chapter at all to the grammar (which reads 一、 to
    九十九、, and 壹、 as 一、).  So a Word list numbering chapters 壹、 reads as chapters 一、 …, as the
    same plan with 壹、 typed as text (or in a PDF or web page) does."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_counting(n)
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "none":
        return ""
    return str(n)


#: the marks a bullet is printed as when its glyph is none the grammar reads as a bullet (Word's
#: bullets are mostly a symbol font's private-use character,  or , or a letter shown in a
#: symbol font, "o" or "§"), one per list level as a browser's disc, circle and square are
_BULLET_MARKS = "●○■□◆◇"


def bullet_mark(glyph: str, level: int) -> str:
    """How a bulleted paragraph's mark is printed back: its own glyph where the grammar reads it as a
    bullet (●, ◆, —), else the level's mark.  Printed, a bulleted list of tasks reads as the same list
    typed with its marks does, instead of paragraphs merged under the heading above them."""
    glyph = glyph.strip()
    if bullet(glyph + "文") is not None and not re.fullmatch(f"[{SYMBOL_FONT_GLYPHS}]", glyph):
        return glyph
    return _BULLET_MARKS[level % len(_BULLET_MARKS)]


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    #: w:lvlRestart: the (1-based) level whose use restarts this one; None: the level just above
    #: (Word's default), 0: never restarted
    restart: int | None = None


@dataclass
class _List:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # level -> startOverride
    used: bool = False


def _val(el, tag: str) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Replays a document's list counters; `label(paragraph element)` in document order."""

    def __init__(self, numbering_el, styles_el) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        #: (abstractNumId, paragraph style id) -> the level a paragraph of that style takes (w:lvl's
        #: w:pStyle), for a style whose numbering names its list but not its level
        self.style_levels: dict[tuple[str, str], int] = {}
        #: abstractNumId -> the abstractNumId holding its levels, for a list that only links to a
        #: numbering style (w:numStyleLink -> the abstractNum with the same w:styleLink)
        self.linked: dict[str, str] = {}
        if numbering_el is not None:
            style_link: dict[str, str] = {}
            num_style_link: dict[str, str] = {}
            for an in numbering_el.findall(qn("w:abstractNum")):
                aid = an.get(qn("w:abstractNumId")) or ""
                levels = {}
                for lvl in an.findall(qn("w:lvl")):
                    ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                    restart = _val(lvl, "w:lvlRestart")
                    levels[ilvl] = _Level(
                        _int(_val(lvl, "w:start"), 1), _val(lvl, "w:numFmt") or "decimal",
                        _val(lvl, "w:lvlText") or "", _int(restart, 0) if restart is not None else None)
                    pstyle = _val(lvl, "w:pStyle")
                    if pstyle:
                        self.style_levels.setdefault((aid, pstyle), ilvl)
                self.levels[aid] = levels
                if _val(an, "w:styleLink"):
                    style_link.setdefault(_val(an, "w:styleLink") or "", aid)
                if _val(an, "w:numStyleLink"):
                    num_style_link[aid] = _val(an, "w:numStyleLink") or ""
            for aid, link in num_style_link.items():
                if not self.levels.get(aid) and link in style_link:
                    self.linked[aid] = style_link[link]
            for num in numbering_el.findall(qn("w:num")):
                overrides = {}
                for ov in num.findall(qn("w:lvlOverride")):
                    start = _val(ov, "w:startOverride")
                    if start is not None:
                        overrides[_int(ov.get(qn("w:ilvl")), 0)] = _int(start, 1)
                self.lists[num.get(qn("w:numId")) or ""] = _List(_val(num, "w:abstractNumId") or "", overrides)
        # style id -> (numId, ilvl, basedOn)
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        if styles_el is not None:
            for st in styles_el.findall(qn("w:style")):
                ppr = st.find(qn("w:pPr"))
                numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
                self.styles[st.get(qn("w:styleId")) or ""] = (
                    _val(numpr, "w:numId"), _val(numpr, "w:ilvl"), _val(st, "w:basedOn"))

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, ilvl, based = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def _style_level(self, abstract: str, style_id: str | None) -> int:
        """The list level the paragraph style (or a style it is based on) is linked to; 0 if none."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if (abstract, style_id) in self.style_levels:
                return self.style_levels[(abstract, style_id)]
            style_id = self.styles.get(style_id, (None, None, None))[2]
        return 0

    def label(self, p) -> str:
        """The label Word prints before paragraph `p` ('' if it is not numbered; a bullet's mark)."""
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = (_val(numpr, "w:numId"), _val(numpr, "w:ilvl")) if numpr is not None else (None, None)
        style = _val(ppr, "w:pStyle") if ppr is not None else None
        if num_id is None:
            style_num, style_ilvl = self._style_numpr(style)
            num_id, ilvl = style_num, ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return ""
        lst = self.lists[num_id]
        abstract = self.linked.get(lst.abstract, lst.abstract)
        levels = self.levels.get(abstract, {})
        if ilvl is None:  # the level whose w:pStyle is the paragraph's style (Heading 2 -> level 1)
            ilvl = str(self._style_level(abstract, style))
        level = _int(ilvl, 0)
        if level not in levels:
            return ""
        if levels[level].fmt == "bullet":
            return bullet_mark(levels[level].text, level)
        counters = self.counters.setdefault(abstract, {})
        if not lst.used:
            lst.used = True
            for lv, start in lst.overrides.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or level < restart:  # restarted by a use of `level` (1-based: level + 1)
                del counters[deeper]
        text = levels[level].text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                lv = levels.get(k, _Level())
                value = counters.get(k, lv.start)
                text = text.replace(placeholder, format_number(value, lv.fmt))
        if not text:
            return ""
        return text if text.endswith(_TIGHT_ENDINGS) else text + " "
