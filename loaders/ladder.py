"""The numbering ladder of a plan: which glyphs number its headings and items, and how deep each is.

Chinese plans number their outline with some of 第一章 / 第一部分 / 第一节, 一、, （一）, 1. / 1、 / 1．,
（1） / ⑴, 1）, ①, Ⅰ、, A. / （A）, numbers in other brackets (【一】 〔一〕, 【1】 〔1〕 [1] 〖1〗), paragraphs counting
第一，… 第二，… (其一，…), and 一是…二是… (or 第一，…第二，…) inside a paragraph, decimals (1 / 1.1 /
1.1.1) and articles (第一条), in the order the drafters chose: one plan's
chapters are 一、 and its tasks 1、, another's chapters 第一章, its sections 一、 and its tasks （一）.
So no glyph has a fixed meaning: this module only says which style a paragraph opens with and its
number; `outline` infers the levels from the order a document uses the styles, and `structure`
decides which levels are chapters, sections, tasks and sub-points.

A numeral may be typed in the financial (大写) forms, 壹、 贰、 and （壹）, as Word prints its
chineseLegalSimplified list numbering: they are the same styles as 一、 and （一）, with the same rules,
and the numeral is spelled back in counting numerals (壹 -> 一), as a Word file's numbering prints it.

Matching works on width-normalised text (full-width ASCII folded, see `text.normalize`), so
（１）, (1) and （1） are one style.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CN_NUMERAL = "一二三四五六七八九十"
#: the financial (大写) numerals, simplified and traditional, and the counting numerals they stand for
CN_FINANCIAL = "壹贰貳叁參叄肆伍陆陸柒捌玖拾佰"
_FINANCIAL_AS_COUNTING = str.maketrans(CN_FINANCIAL, "一二二三三三四五六六七八九十百")
#: the numerals a heading's number (一、, （一）, 第一章) is typed in
CN_HEADING_NUMERAL = CN_NUMERAL + CN_FINANCIAL
_CN_BIG = "一二三四五六七八九十百零〇两" + CN_FINANCIAL
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + "".join(map(chr, range(0x3251, 0x3260))) + "".join(
    map(chr, range(0x32B1, 0x32C0)))  # ① … ⑳, ㉑ … ㉟, ㊱ … ㊿
_PAREN_DIGIT = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_PAREN_IDEO = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_FULL_STOP_DIGIT = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
#: Roman numerals typed as one glyph each (Ⅰ … Ⅻ, ⅰ … ⅻ), as a Chinese input method offers them
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_ROMAN_LOWER = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
#: letters number items as Word's upperLetter and lowerLetter lists print them (A. B. C., a、 b、)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER_LETTERS = _LETTERS.lower()
#: after a letter's mark the item's text (not a letter: A、B类 is two grades, not item A)
_AFTER_LETTER = r"(?![A-Za-z\d])\s*(?=\S)"
#: I … XX typed in letters
_ASCII_ROMAN = r"X{0,2}(?:IX|IV|V?I{0,3})"

#: after a decimal number (1.1, 2.3.1) a heading's title starts (after a space or not); a quantity's
#: unit (1.5万人, 2.3亿元, 1.2倍, 3.5%) does not, so a paragraph opening with a quantity is no item
_QUANTITY_UNITS = "万亿元倍个%‰公千米吨岁人户家次年月日天周项所座张台辆亩平方克升版"
_DECIMAL_END = rf"(?![\d.{_QUANTITY_UNITS}])\s*"

#: a mark printed after a bracketed number is part of the number, not the title: （1）、 （一）． 【1】、
_AFTER_BRACKET = r"(?:\s*[、.](?!\d))?\s*"
#: the brackets besides round ones an item's number is printed in: lenticular 【1】, tortoise-shell
#: 〔1〕, square [1] (and ［1］, width-folded), white lenticular 〖1〗.  They also print a footnote's
#: mark ([1] 含灵活就业, see `structure`), a total over the plan's period (〔35〕, 【35万人】) and a
#: document's year (〔2021〕15号): a number is at most 3 digits and has an item's text after it
_BRACKETS = ("【】", "〔〕", "[]", "〖〗")
_ITEM_TEXT = r"(?=[^\s\d。，,；;：:、.)\]】〕〗%‰])(?![万亿元倍]|个百分点)"


def _bracketed(numeral: str) -> list[tuple[str, re.Pattern[str]]]:
    """The styles 【一】 〔一〕 … (numeral 一) or 【1】 〔1〕 … (numeral 1), one rung per kind of bracket."""
    chars = rf"[{CN_HEADING_NUMERAL}]{{1,3}}" if numeral == "一" else r"\d{1,3}"
    return [(o + numeral + c, re.compile(rf"^{re.escape(o)}\s*({chars})\s*{re.escape(c)}{_AFTER_BRACKET}{_ITEM_TEXT}"))
            for o, c in _BRACKETS]


#: (style, pattern) in the order they are tried; group 1 is the numeral, the match's end is where
#: the heading's own text begins.  Styles that are one rung in practice share a name (1. and 1、).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("第部分", re.compile(rf"^第([{_CN_BIG}\d]{{1,4}})(?:部分|篇)\s*")),
    ("第章", re.compile(rf"^第([{_CN_BIG}\d]{{1,4}})章\s*")),
    ("第节", re.compile(rf"^第([{_CN_BIG}\d]{{1,4}})节\s*")),
    ("第条", re.compile(rf"^第([{_CN_BIG}\d]{{1,4}})条\s*")),
    ("第一,", re.compile(rf"^第([{CN_NUMERAL}]{{1,3}}|\d{{1,2}})\s*[,、:](?![{CN_NUMERAL}\d第其])\s*(?=\S)")),
    ("其一,", re.compile(rf"^其([{CN_NUMERAL}]{{1,3}})\s*[,、:](?![{CN_NUMERAL}\d第其])\s*(?=\S)")),
    ("一、", re.compile(rf"^([{CN_HEADING_NUMERAL}]{{1,3}})\s*[、.](?![{CN_HEADING_NUMERAL}])\s*")),
    ("(一)", re.compile(rf"^\(\s*([{CN_HEADING_NUMERAL}]{{1,3}})\s*\){_AFTER_BRACKET}|^\(()\){_AFTER_BRACKET}"
                       rf"|^([{_PAREN_IDEO}]){_AFTER_BRACKET}")),
    *_bracketed("一"),
    ("1.1.1", re.compile(rf"^\d{{1,2}}\.\d{{1,2}}\.(\d{{1,2}}){_DECIMAL_END}")),
    ("1.1", re.compile(rf"^\d{{1,2}}\.(\d{{1,2}}){_DECIMAL_END}")),
    ("1.", re.compile(rf"^(\d{{1,3}})\s*[.、](?![%])\s*|^([{_FULL_STOP_DIGIT}])\s*")),
    ("1 ", re.compile(rf"^(\d{{1,2}}) +(?=[\u4e00-\u9fff“\"《])(?![{_QUANTITY_UNITS}])")),
    ("(1)", re.compile(rf"^\(\s*(\d{{1,3}})\s*\){_AFTER_BRACKET}|^([{_PAREN_DIGIT}]){_AFTER_BRACKET}")),
    *_bracketed("1"),
    ("1)", re.compile(rf"^(\d{{1,3}})\){_AFTER_BRACKET}")),
    ("一)", re.compile(rf"^([{CN_NUMERAL}]{{1,3}})\){_AFTER_BRACKET}")),
    ("①", re.compile(rf"^([{_CIRCLED}]){_AFTER_BRACKET}")),
    # a Roman numeral is followed by 、 or . or a space (Ⅰ类, Ⅱ级 are grades, not numbers)
    ("Ⅰ、", re.compile(rf"^([{_ROMAN}])(?:\s*[、.](?!\d)|\s)\s*(?=\S)")),
    ("ⅰ、", re.compile(rf"^([{_ROMAN_LOWER}])(?:\s*[、.](?!\d)|\s)\s*(?=\S)")),
    # Roman numerals typed in letters (I. II. IV、) before letters: a list of letters reaching I is rarer
    ("I.", re.compile(rf"^({_ASCII_ROMAN})\s*[.、]{_AFTER_LETTER}")),
    ("i.", re.compile(rf"^({_ASCII_ROMAN.lower()})\s*[.、]{_AFTER_LETTER}")),
    ("A.", re.compile(rf"^([{_LETTERS}])\s*[.、]{_AFTER_LETTER}")),
    ("(A)", re.compile(rf"^\(\s*([{_LETTERS}])\s*\){_AFTER_BRACKET}{_AFTER_LETTER}")),
    ("A)", re.compile(rf"^([{_LETTERS}])\){_AFTER_BRACKET}{_AFTER_LETTER}")),
    ("a.", re.compile(rf"^([{_LOWER_LETTERS}])\s*[.、]{_AFTER_LETTER}")),
    ("(a)", re.compile(rf"^\(\s*([{_LOWER_LETTERS}])\s*\){_AFTER_BRACKET}{_AFTER_LETTER}")),
    ("a)", re.compile(rf"^([{_LOWER_LETTERS}])\){_AFTER_BRACKET}{_AFTER_LETTER}")),
    ("一是", re.compile(rf"^([{CN_NUMERAL}]{{1,3}})是(?=[\u4e00-\u9fff“\"《(])")),
]
#: styles that number headings (chapters, sections, a box's sub-groups), never a task's items alone
HEADING_STYLES = ("第部分", "第章", "第节", "一、", "(一)")
#: styles that number a plan's chapters, the top of its outline: the body starts at the first
CHAPTER_STYLES = ("第部分", "第章", "第节", "一、")
#: styles that say by their words that they are headings (第…章): never nested below another style
WORDED_STYLES = ("第部分", "第章", "第节")
#: the worded styles from the top down, as Chinese drafting ranks them (部分/篇, 章, 节, 条)
WORDED_ORDER = ("第部分", "第章", "第节", "第条")
#: styles that number items only in a list counting on from its first: 第一，完善…。 第二，加强…。
#: (a paragraph may open with a lone 第一， of prose, a first point never followed by a second)
RUN_STYLES = ("第一,", "其一,")
#: an in-paragraph enumeration: 一是……；二是……
_INLINE_RE = re.compile(rf"(?=[\s{CN_NUMERAL}第其])(?:(?<=[。；;!?！？）)])|^)\s*(?:([{CN_NUMERAL}]{{1,3}})是(?=[\u4e00-\u9fff“\"《(])"
                        rf"|[第其]([{CN_NUMERAL}]{{1,3}})\s*[,，、:：](?![{CN_NUMERAL}\d]))")


#: a symbol font's glyphs (Symbol, Wingdings): Word's bullets, kept as these private-use characters
#: where a bulleted list is copied into text or exported to PDF ( ● ■ ➢ ✓)
SYMBOL_FONT_GLYPHS = "\uf020-\uf0ff"
#: the marks a bulleted list opens its items with (——完善低保制度。…, ●完善…), on width-normalised text;
#: an item has text after its mark (a "——" cell of a table is no item), and a "-" opens no number
BULLET_RE = re.compile(r"^(?:——|—|-(?![\d.])|[●■◆◇▲△★☆○□▪▫·•➢➤►▶❖√✓※◎◉" + SYMBOL_FONT_GLYPHS
                       + r"])\s*(?=[^\s\d—\-.%])")


def bullet(norm: str) -> int | None:
    """Where a bulleted item's text starts, if the paragraph opens with a bullet mark."""
    m = BULLET_RE.match(norm)
    return m.end() if m else None


_CN_DIGIT_VALUES = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "两": 2}


def cn_value(numeral: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105, 贰拾 -> 20; None for what is not a numeral."""
    digits = _CN_DIGIT_VALUES
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral.translate(_FINANCIAL_AS_COUNTING):
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _roman_value(roman: str) -> int | None:
    """XIV -> 14 (I … XX, either case); None for an empty string."""
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in roman.upper()]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total or None


def _glyph_value(ch: str) -> int | None:
    for table in (_CIRCLED, _PAREN_DIGIT, _PAREN_IDEO, _FULL_STOP_DIGIT, _ROMAN, _ROMAN_LOWER, _LETTERS, _LOWER_LETTERS):
        if ch in table:
            return table.index(ch) + 1
    return None


@dataclass(frozen=True)
class Numbering:
    """The numbering a paragraph opens with."""

    style: str
    number: int | None  # None: the numeral was lost in extraction ("()")
    numeral: str  # as printed, a glyph spelled out: 三 for 第三章 and （三）, 3 for 3. and ③
    end: int  # offset where the paragraph's own text starts
    digit_follows: bool = False  # "11.121人才…" or "2.5%": a number or a decimal?


#: the characters a style's number can open with, so `numbering` tries only the patterns the
#: paragraph's first character allows (the styles in _DIGIT_FIRST open on any character `\d`
#: matches).  Every pattern is anchored at the paragraph's start on a numeral, bracket or word of
#: its own, never on a space.
_FIRST_CHARS: dict[str, str] = {
    "第部分": "第", "第章": "第", "第节": "第", "第条": "第", "第一,": "第", "其一,": "其",
    "一、": CN_HEADING_NUMERAL, "(一)": "(" + _PAREN_IDEO,
    **{o + "一" + c: o for o, c in _BRACKETS},
    "1.1.1": "", "1.1": "", "1.": _FULL_STOP_DIGIT, "1 ": "",
    "(1)": "(" + _PAREN_DIGIT,
    **{o + "1" + c: o for o, c in _BRACKETS},
    "1)": "", "一)": CN_NUMERAL, "①": _CIRCLED, "Ⅰ、": _ROMAN, "ⅰ、": _ROMAN_LOWER,
    # a Roman numeral in letters may match empty (no number, never read): only I, V, X open one
    "I.": "IVX", "i.": "ivx",
    "A.": _LETTERS, "(A)": "(", "A)": _LETTERS, "a.": _LOWER_LETTERS, "(a)": "(", "a)": _LOWER_LETTERS,
    "一是": CN_NUMERAL,
}
_DIGIT_FIRST = ("1.1.1", "1.1", "1.", "1 ", "1)")
_CANDIDATES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


def _candidates(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (style, pattern) pairs a paragraph opening with the character `first` may match, in order."""
    found = _CANDIDATES.get(first)
    if found is None:
        digit = first.isdecimal()  # what \d matches in a str pattern
        found = tuple((style, pattern) for style, pattern in _PATTERNS
                      if first in _FIRST_CHARS[style] or (digit and style in _DIGIT_FIRST))
        if len(_CANDIDATES) < 4096:
            _CANDIDATES[first] = found
    return found


@lru_cache(maxsize=16384)  # a line is asked several times (joining, titles, structure)
def numbering(norm: str) -> Numbering | None:
    """The numbering at the start of a width-normalised paragraph, if any."""
    if not norm:
        return None
    for style, pattern in _candidates(norm[0]):
        m = pattern.match(norm)
        if not m:
            continue
        raw = next((g for g in m.groups() if g is not None), "")
        glyph = _roman_value(raw) if style in ("I.", "i.") else _glyph_value(raw) if len(raw) == 1 else None
        number = glyph if glyph is not None else (cn_value(raw) if raw else None)
        if number is None and style != "(一)":
            continue
        if style == "1 " and not _bare_heading(norm, m.end()) or (style.startswith("1.1") and not number):
            continue  # (2.0版 is a version, not item 0)
        if glyph is not None:  # ㈢ is （三）, ③ is 3
            raw = CN_NUMERAL[number - 1] if style == "(一)" else str(number)
        raw = raw.translate(_FINANCIAL_AS_COUNTING)  # 壹 is 一
        follows = style == "1." and m.end() < len(norm) and norm[m.end()].isdigit()
        return Numbering(style, number, raw, m.end(), follows)
    return None


def _bare_heading(norm: str, end: int) -> bool:
    """'1 总体要求': a number and a space number a decimal ladder's chapter, a title only (a
    sentence or a figure after '12 ' is a table's row or a quantity, not a heading)."""
    rest = norm[end:]
    return len(norm) <= 40 and not re.search(r"[\d。;；,，]", rest)


def starts_item(norm: str) -> bool:
    """Does a line open a numbered heading or item (so it never continues the paragraph before)?"""
    n = numbering(norm)
    return n is not None and not (n.digit_follows and _decimal_like(norm, n))


def lone_number(norm: str) -> bool:
    """Is the line an item's number alone, its title on the line below (【2】 / 加强康复服务, as Word
    prints a number with a line break after it)?  A bracketed number's style asks for an item's text
    after it, so `starts_item` does not read it; the line it stands on ends where the number does."""
    s = norm.strip()
    if not s or len(s) > 8:
        return False
    n = numbering(s + "项")  # as if its title followed on the line
    return n is not None and n.end >= len(s) and n.style != "一是"


def _decimal_like(norm: str, n: Numbering) -> bool:
    """'1.5万人…' reads as a quantity, '11.121人才…' as item 11."""
    return bool(re.match(r"\d+(?:%|万|亿|元|倍|个百分点)", norm[n.end:]))


def split_inline(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces of a paragraph that enumerates 一是……二是……三是…… (or 第一，……第二，……)
    from its start; [] when it does not (a paragraph merely containing 一是 is not an enumeration)."""
    starts = [m for m in _INLINE_RE.finditer(text)]
    if len(starts) < 2:
        return []
    # the enumeration's form is its first item's: 一是, or 第一， (其一，) with its own first character
    form = 1 if starts[0].group(1) is not None else 2
    lead = text[starts[0].start(2) - 1] if form == 2 else ""
    expected, picked = 1, []
    for m in starts:
        if m.group(form) is None or (lead and text[m.start(2) - 1] != lead):
            continue
        value = cn_value(m.group(form))
        if value == expected:
            picked.append(m.start(form) - (form == 2))  # 第一， from its 第
            expected += 1
    if len(picked) < 2 or picked[0] != len(text) - len(text.lstrip()):
        return []
    bounds = picked + [len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(picked))]


def accept(n: Numbering, last: dict[str, int], norm: str) -> bool:
    """Is this numbering an item, given the last number seen in its style?  A number directly
    followed by digits is an item only where it continues its list ('11.121人才…' after item 10),
    never where it reads as a quantity ('1.5万人')."""
    if not n.digit_follows:
        return True
    if _decimal_like(norm, n):
        return False
    return n.number is not None and last.get(n.style, 0) + 1 == n.number
