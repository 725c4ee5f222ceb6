"""Government web pages (.html/.htm), read with lxml: the article, without the site around it.

A plan published on a government site sits inside navigation, breadcrumbs, a sidebar, share buttons,
a footer and scripts.  Those are dropped (by tag, ARIA role and the class/id names sites use for
them) and by their text (a breadcrumb, 【打印本页】【关闭窗口】, 相关链接, an attachment's download link,
even inside the article's container), then the article is found as the element that holds most of
the remaining text: from <body> down, while one child holds nearly all of its parent's text, that
child.  The article's blocks
(<p>, <div>, headings, list items; <br> breaks a line) become lines and its data tables become
tables.  The page's own metadata outside the article (the info bar's 发布日期, 来源 and 文号, or
<meta name="PubDate">) comes first, as lines the metadata reader understands: the 文号 on a line of
its own, then "发布日期:2023-02-27  来源:…"; then, when the article prints no title, the plan's title as
the page prints it outside the article (a heading above it, <meta name="ArticleTitle">, the <title>).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.formats.emit import Emitter
from policykg.loaders.formats.headings import Heading, number_headings
from policykg.loaders.formats.numbering import bullet_mark, format_number
from policykg.loaders.ladder import CHAPTER_STYLES, bullet, numbering
from policykg.loaders.metadata import names_the_plan
from policykg.loaders.reading import SourceText, decode_bytes, read_bytes
from policykg.loaders.text import BREADCRUMB_RE, DOC_NUMBER_RE, normalize

MEDIA_TYPE = "text/html"
#: A plan's web page is well under 5 MB; larger is not a page a person reads.
MAX_HTML_BYTES = 20 * 1024 * 1024
#: Real pages nest elements a few dozen levels deep.  lxml silently drops what lies deeper than
#: 2048 levels, so a page near that is refused rather than read with text missing.
MAX_HTML_DEPTH = 1000
#: A child holding this share of its parent's text is where the article is.
ARTICLE_SHARE = 0.8

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "nav", "footer", "aside", "form", "button", "select", "textarea", "input", "head", "map")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
_NOISE_RE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|sidebar|side|share|"
                       r"toolbar|copyright|topbar|top-bar|links?|friendlinks?|position|location|"
                       r"dqwz|wzdh|bottom)(?:$|[\s_-])", re.IGNORECASE)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "section",
           "article", "main", "pre", "address", "center", "figure", "figcaption", "ul", "ol", "dl",
           "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "hr", "header", "body"}
#: Blocks of the article's text: the descent to the article stops above them.
_TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "address",
                "caption", "figcaption", "ul", "ol", "dl"}
_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
#: a collapsed run of white space that held a line break of the page's source
_BREAK_MARK = "\x00"
#: (not tried from inside a run of white space: a try there finds nothing the try one character
#: before did not, and a long run without a break mark made every try read to its end: quadratic)
_SEGMENT_BREAK_RE = re.compile(r"(?:(?<![ \x00])|(?![ \x00]))(.)([ \x00]*\x00[ \x00]*)(?=(.))", re.DOTALL)
#: East Asian wide characters: CJK ideographs, CJK and full-width punctuation, kana
_WIDE_RE = re.compile(r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_FIELD_RE = re.compile(r"(?<![成发]文)(?:发布日期|发布时间|公开日期|日期)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*"
                            r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
#: the day the document was signed, as a page's info table prints it beside its 发布日期
_WRITTEN_FIELD_RE = re.compile(r"(?:成文日期|发文日期|成文时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*"
                               r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SOURCE_FIELD_RE = re.compile(r"(?:信息来源|来源|发布机构|发文机关)\s*[:：]\s*([^\s:：|，,]{2,40})")
_NUMBER_FIELD_RE = re.compile(r"(?:发文字号|文\s*号|文件编号)\s*[:：]\s*([^\s:：|]{4,40}?号)")
#: the page's tools printed beside the article: 【打印本页】【关闭窗口】, 【字体：大 中 小】, 分享到：微信 微博,
#: 扫一扫在手机打开当前页.  An element whose text is only these (and the words that go with them) is no
#: part of the plan: left in, it became a line joined onto the title under it or the task above it.
_TOOL_RE = re.compile(r"打印本页|打印此页|打印本文|打印文章|打印正文|关闭窗口|关闭本页|关闭本文|加入收藏|收藏本页|"
                      r"返回顶部|我要纠错|扫一扫在手机上?打开(?:当前页|本页)?|手机扫一扫|用手机扫描二维码|分享到|"
                      r"(?:字体|字号)\s*[:：]")
#: words that stand beside those tools (the font sizes, the share targets)
_TOOL_WORDS = frozenset(("大", "中", "小", "默认", "标准", "超大", "打印", "关闭", "收藏", "分享", "微信", "微博",
                         "新浪微博", "腾讯微博", "QQ", "QQ空间", "QQ好友", "朋友圈", "人人网", "豆瓣", "复制链接"))
_TOOL_WORDS_RE = re.compile("|".join(sorted(_TOOL_WORDS, key=len, reverse=True)))
_TOOL_SPLIT_RE = re.compile(r"[\s【】\[\]|｜丨/、，,:：()（）·•]+")
#: a list of links to other pages under its label (相关链接：…): the site's, not the plan's
_RELATED_RE = re.compile(r"^(?:相关链接|相关文件|相关阅读|相关新闻|相关信息|相关文章|相关稿件|延伸阅读|友情链接)\s*[:：]?$")
#: a download link of an attachment (附件：<a href="….doc">…</a>): another file, not the page's text
_ATTACHMENT_LABEL_RE = re.compile(r"^附件\s*\d{0,2}\s*[:：]?")
_FILE_RE = re.compile(r"\.(?:docx?|pdf|wps|xlsx?|et|ofd|zip|rar|7z|txt|ceb|caj)$", re.IGNORECASE)
#: the most text a piece of page furniture holds
_FURNITURE_MAX = 150
#: class or id names of the element a site prints the article's title in (title, article-title, biaoti)
_TITLE_NAME_RE = re.compile(r"title|biaoti", re.IGNORECASE)
_META_TITLES = ("articletitle", "dc.title", "og:title", "title")
#: what a <title> puts between the page's title and the site's name (_, |, -, —): a dash between years
#: (2021-2025年) is the title's own
#: (not tried from inside a run of white space: a try there finds the separator the try from the
#: run's start found, after reading the whole run, for every space of a long run of full-width spaces)
_TITLE_SEPARATOR_RE = re.compile(r"(?:(?<!\s)|(?!\s))\s*[_|｜丨]+\s*|(?<!\s)\s+[-—–]+\s+|(?<![\d年])[-—–]+(?![\d年])")
_META_DATES = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date")
_META_SOURCES = ("contentsource", "source")


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The page as text and its encoding: the charset it declares, else what the bytes say.

    A declaration that reads the page's Chinese as Latin letters (charset=iso-8859-1 or
    windows-1252 on a GBK page, as old servers print it: every byte decodes, to mojibake) is wrong:
    a Chinese plan prints Chinese, so what the bytes say is read instead."""
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET_RE.search(raw[:4096])
        if m:
            name = m.group(1).decode("ascii").lower()
            name = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(name, name)
            try:
                text = raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
            else:
                if text.isascii() or _CJK_RE.search(text):
                    return text, name
    return decode_bytes(raw, path)


def _depth(root) -> int:
    """How deeply the page nests its elements (iteratively: a hostile page nests 100,000 deep)."""
    from lxml import etree
    depth = deepest = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _is_noise(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES or el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(names.strip()) and bool(_NOISE_RE.search(names))


def _strip(root) -> None:
    """Drop the site around the article (its text after a dropped element stays)."""
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and el is not root and _is_noise(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    # page furniture told by its text: the smallest element that is all furniture goes (a container
    # holding some, and the article's text beside it, stays)
    from lxml import etree
    doomed: list = []
    holds: set = set()  # the elements holding furniture (held here, so lxml keeps their proxies)
    for _event, el in etree.iterwalk(root, events=("end",)):
        if not isinstance(el.tag, str) or el is root:
            continue
        if el not in holds:
            text = _short_text(el)
            if text and _is_furniture(el, text):
                doomed.append(el)
                if _RELATED_RE.match(text):  # a label: its links follow it, one block each
                    doomed.extend(_links_after(el))
                holds.add(el)
        if el in holds and el.getparent() is not None:
            holds.add(el.getparent())
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _short_text(el) -> str | None:
    """The element's text when it is short enough to be page furniture, else None."""
    parts, size = [], 0
    for t in el.itertext():
        parts.append(t)
        size += len(t)
        if size > 4 * _FURNITURE_MAX:
            return None
    text = normalize(_SPACE_RE.sub(" ", "".join(parts)).replace("\u00a0", " ")).strip()
    return text if len(text) <= _FURNITURE_MAX else None


def _is_furniture(el, text: str) -> bool:
    """Page furniture printed in or beside the article, told by its text: a breadcrumb, the page's
    tools, a 相关链接 list (or its label), an attachment's download link."""
    crumb = BREADCRUMB_RE.match(text)
    if crumb and text[crumb.end():].strip() and "。" not in text:
        return True
    tools = _TOOL_RE.sub(" ", text)
    if tools != text and not _TOOL_SPLIT_RE.sub("", _TOOL_WORDS_RE.sub("", tools)):
        return True
    if _RELATED_RE.match(text):
        return True
    m = re.match(_RELATED_RE.pattern[:-1], text)  # the label, then only links
    if m and el.tag in _BLOCKS and _only_links(el, text[m.end():]):
        return True
    if el.tag not in _BLOCKS:
        return False  # a link inside a sentence (详见<a href="….pdf">附件</a>) is its text
    m = _ATTACHMENT_LABEL_RE.match(text)
    links = el.xpath(".//a") if el.tag != "a" else [el]
    return bool(links) and _only_links(el, text[m.end():] if m else text) and all(
        _FILE_RE.search((a.get("href") or "").split("?")[0].strip()) or _FILE_RE.search(a.text_content().strip())
        for a in links)


def _only_links(el, rest: str) -> bool:
    """Is all of `rest` (the element's text after its label) the text of links (and separators)?"""
    links = [el] if el.tag == "a" else el.xpath(".//a")
    if not links or not rest.strip():
        return False
    left = re.sub(r"\s+", "", rest)
    for a in links:
        left = left.replace(re.sub(r"\s+", "", normalize(a.text_content())), "", 1)
    return not _TOOL_SPLIT_RE.sub("", re.sub(r"\d{1,2}[.、]", "", left))


def _links_after(el) -> list:
    """The blocks after a 相关链接 label that hold only links."""
    out = []
    for sib in el.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        text = _short_text(sib)
        if text is None or not text.strip() or not _only_links(sib, text):
            break
        out.append(sib)
    return out


def _text_len(el) -> int:
    return len(re.sub(r"\s+", "", el.text_content()))


def _article(body):
    """The element holding the article: <article>/<main> if the page marks it, else the descent.

    The descent goes through containers of blocks (the site's <div>s, a layout table's cells), never
    into a block of the article itself: a plan printed as one <p> broken by <br>s, or an
    implementation plan whose 分工表 is most of its text, holds most of the text in one block, and
    the title, chapters and indicator table beside it are the article too."""
    for xpath in ("//article", "//*[@role='main']", "//main"):
        found = [el for el in body.xpath(xpath) if _text_len(el) > 0]
        if found:
            return max(found, key=_text_len)
    node = body
    while True:
        total = _text_len(node)
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=_text_len, default=None)
        if best is None or total == 0 or _text_len(best) < ARTICLE_SHARE * total or not _is_container(best):
            return node
        node = best


def _is_container(el) -> bool:
    """An element the article may lie inside: one holding blocks, not a block of text or a data table."""
    if el.tag in _TEXT_BLOCKS or (el.tag == "table" and _is_data_table(el)):
        return False
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS and c.tag != "hr" for c in el)


def _is_data_table(table) -> bool:
    if table.xpath(".//table"):
        return False
    rows = [tr for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")]
    return sum(1 for tr in rows if len(tr.xpath("./td|./th")) >= 2) >= 2


class _Lines:
    """Text of an element as lines: blocks and <br> break lines, whitespace collapses as HTML does.

    A line break in the page's source between two Chinese characters is no space (CSS Text 3's
    segment-break rule, as browsers show it): Word's "save as web page" and many editors wrap
    the source every few dozen characters, and a space there split 牵头单位 and a unit's name."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buf.append(_SPACE_RE.sub(_collapse, text))

    def add_preformatted(self, text: str | None, end_line: Callable[[], None]) -> None:
        """Text inside <pre>: its line breaks are lines (`end_line` ends each) and its spaces and
        tabs are as typed (a tab-indented line is a table's cell, as in a .txt)."""
        if not text:
            return
        *ended, rest = re.split(r"\r\n?|\n", text)
        for part in ended:
            self.buf.append(part)
            end_line()
        self.buf.append(rest)

    def flush(self) -> None:
        line = _SEGMENT_BREAK_RE.sub(_join_segment, "".join(self.buf))
        line = line.replace(_BREAK_MARK, " ").replace("\u00a0", " ").strip(" ")
        self.buf = []
        if line.strip():
            self.lines.append(line)


#: what writes a page from a document and wraps the page's source only at a space of its text
#: (LibreOffice's and pandoc's HTML export, named by the page's <meta name="generator">): a line
#: break there stands for that space, never for a wrap between two Chinese characters, and spaces
#: typed in a row are the document's (a box's "name  description" item)
_SPACE_WRAPPING_RE = re.compile(r"^\s*(?:LibreOffice|OpenOffice|pandoc)\b", re.IGNORECASE)
_space_wrapped: ContextVar[bool] = ContextVar("space_wrapped", default=False)


def _collapse(m: re.Match[str]) -> str:
    """A run of white space: one space, or the mark of a source line break.  In a page a word
    processor wrote (`_SPACE_WRAPPING_RE`) each line break is a space it wrapped at, and the spaces
    (not its indentation's tabs) typed ones: two spaces or more in all are a wide gap, as the
    document prints it."""
    run = m.group(0)
    if _space_wrapped.get():
        spaces = len(re.findall(r"\r\n?|\n", run)) + run.count(" ")  # its indentation is tabs
        return "  " if spaces >= 2 else " "
    return _BREAK_MARK if "\n" in run or "\r" in run else " "


def _join_segment(m: re.Match[str]) -> str:
    """Source line breaks (with spaces) between two characters: nothing between wide (Chinese)
    characters, else one space."""
    before, after = m.group(1), m.group(3)
    return before + ("" if _WIDE_RE.match(before) and _WIDE_RE.match(after) else " ")


def _cell(el) -> str:
    lines = _Lines()
    _walk(el, lines, None)
    lines.flush()
    return "\n".join(lines.lines)


def _table_rows(table, spanned: set[tuple[int, int]] | None = None
                ) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """Rows of cells; a cell spanning columns is printed once, a cell spanning rows once (at top),
    and the (row, column) of each cell a rowspan from above covers; `spanned` gets the (row, column)
    of each a colspan from its left covers."""
    rows: list[list[str]] = []
    merged: set[tuple[int, int]] = set()
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[str] = []
        col = 0
        for td in tr.xpath("./td|./th"):
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                merged.add((len(rows), col))
                row.append("")
                col += 1
            row.append(_cell(td))
            span = _span(td.get("colspan"))
            down = _span(td.get("rowspan"))
            for k in range(span):
                if down > 1:
                    pending[col + k] = down - 1
            row.extend([""] * (span - 1))
            if spanned is not None:
                spanned.update((len(rows), col + k) for k in range(1, span))
            col += span
        while pending.get(col, 0) > 0:
            pending[col] -= 1
            merged.add((len(rows), col))
            row.append("")
            col += 1
        rows.append(row)
    return rows, merged


def _span(value: str | None) -> int:
    return max(1, min(int(value), 50)) if value and value.strip().isdigit() else 1


_HEADING_TAGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}


#: an ordered list's number formats (HTML's type attribute, CSS list-style-type) as Word names them,
#: with what the browser prints after the number
_LIST_FORMATS = {"1": ("decimal", "."), "decimal": ("decimal", "."), "a": ("lowerLetter", "."),
                 "lower-alpha": ("lowerLetter", "."), "lower-latin": ("lowerLetter", "."),
                 "A": ("upperLetter", "."), "upper-alpha": ("upperLetter", "."),
                 "upper-latin": ("upperLetter", "."), "i": ("lowerRoman", "."), "lower-roman": ("lowerRoman", "."),
                 "I": ("upperRoman", "."), "upper-roman": ("upperRoman", "."),
                 "cjk-ideographic": ("chineseCounting", "、"), "simp-chinese-informal": ("chineseCounting", "、"),
                 "trad-chinese-informal": ("chineseCounting", "、"), "cjk-decimal": ("chineseCounting", "、"),
                 "simp-chinese-formal": ("chineseCounting", "、"), "trad-chinese-formal": ("chineseCounting", "、"),
                 "none": ("none", "")}
#: a bulleted list's marks by name (list-style-type, or the old type attribute)
_BULLETS = {"disc": "●", "circle": "○", "square": "■"}
_LIST_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)


def _list_format(el) -> tuple[str, str] | None:
    """The number format an <li> or its <ol> asks for (its style first, then the type attribute)."""
    m = _LIST_STYLE_RE.search(el.get("style") or "")
    if m and m.group(1).lower() in _LIST_FORMATS:
        return _LIST_FORMATS[m.group(1).lower()]
    kind = el.get("type")
    return _LIST_FORMATS.get(kind) if kind and el.tag == "ol" else None


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value else None
    except ValueError:
        return None


class _OrderedLists:
    """The numbers a browser prints before the items of an ordered list (<ol>): an editor's list
    button (UEditor, KindEditor, a pasted Word list) numbers a plan's tasks that way, and without
    the numbers no task is found.  An item whose text already opens with a typed number is left
    as typed (a site hiding the list's own numbers by its style sheet)."""

    def __init__(self) -> None:
        self.last: dict = {}  # <ol> -> the number its last item printed (held, so lxml keeps its proxy)

    def label(self, li) -> str:
        ol = li.getparent()
        if ol is not None and ol.tag == "ul":
            return self._bullet(li, ol)
        if ol is None or ol.tag != "ol":
            return ""
        key = ol
        first = _int(ol.get("start"))
        number = _int(li.get("value"))
        if number is None:
            number = self.last[key] + 1 if key in self.last else (first if first is not None else 1)
        self.last[key] = number
        fmt, suffix = _list_format(li) or _list_format(ol) or _LIST_FORMATS["1"]
        text = normalize("".join(li.itertext())).strip()
        if fmt == "none" or numbering(text) is not None:
            return ""
        return format_number(number, fmt) + suffix

    @staticmethod
    def _bullet(li, ul) -> str:
        """A bulleted list's mark (disc, circle, square by its style or its depth among lists), as a
        Word file's bullets are printed back; none where the item types its own mark or number."""
        m = _LIST_STYLE_RE.search(li.get("style") or "") or _LIST_STYLE_RE.search(ul.get("style") or "")
        kind = (m.group(1).lower() if m else None) or (ul.get("type") or "").lower() or None
        text = normalize("".join(li.itertext())).strip()
        if kind == "none" or numbering(text) is not None or bullet(text) is not None:
            return ""
        depth = sum(1 for a in ul.iterancestors("ul", "ol"))
        return _BULLETS.get(kind) or bullet_mark("", depth)


def _heads_with_heading(li) -> bool:
    """Does a list item hold a heading first (<li><h2>促进就业</h2></li>, as pandoc and LibreOffice
    write Word's numbered headings)?  Then the heading's level numbers it, and the item's own
    number, printed alone on a line above it, would be an item with no text."""
    first = next((c for c in li if isinstance(c.tag, str)), None)
    return first is not None and first.tag in _HEADING_TAGS and not (li.text or "").strip()


def _walk(root, lines: _Lines, out: Emitter | None, headings: list[Heading] | None = None) -> None:
    """Lines of `root`'s content; with an Emitter, data tables become tables and lines go there, and
    `headings` gets the article's <h1>…<h6> (their lines joined, numbered at their first line)."""
    from lxml import etree
    open_heading: list = []  # [element, level, first line, texts] of the heading element being read
    body_seen = False
    preformatted = 0  # <pre> elements open

    def block() -> None:
        nonlocal body_seen
        lines.flush()
        if out is None:
            return
        for ln in lines.lines:
            if open_heading:
                if open_heading[2] is None:
                    open_heading[2] = len(out.lines)
                open_heading[3].append(ln)
            else:
                body_seen = True
            out.text(ln)
        lines.lines.clear()

    def close_heading() -> None:
        el, level, first, texts = open_heading
        open_heading.clear()
        if headings is not None and first is not None:
            headings.append(Heading(first, level, False, " ".join(texts), body_seen))

    lists = _OrderedLists()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not root and tag == "table" and out is not None and _is_data_table(el):
                block()
                across: set[tuple[int, int]] = set()
                out.table(*_table_rows(el, across), across)
                body_seen = True
                walker.skip_subtree()
                continue
            if tag in _BLOCKS or tag == "br":
                block()
            if tag in _HEADING_TAGS and not open_heading:
                open_heading.extend([el, _HEADING_TAGS[tag], None, []])
            if tag == "pre":
                preformatted += 1
            if preformatted and isinstance(el.tag, str):
                lines.add_preformatted(el.text, block)
            elif isinstance(el.tag, str):
                if tag == "li" and not _heads_with_heading(el):
                    lines.add(lists.label(el))
                lines.add(el.text)
        else:
            if tag in _BLOCKS:
                block()
            if open_heading and open_heading[0] is el:
                close_heading()
            if tag == "pre":
                preformatted -= 1
            if el is not root:
                if preformatted:
                    lines.add_preformatted(el.tail, block)
                else:
                    lines.add(el.tail)
    block()
    if open_heading:
        close_heading()


def _metadata(page, article) -> list[str]:
    """The page's metadata fields that stand outside the article, as lines."""
    from lxml import etree
    texts: list[str] = []
    walker = etree.iterwalk(page, events=("start",))
    for _event, el in walker:
        if el is article:
            walker.skip_subtree()
        elif isinstance(el.tag, str):
            texts.append(el.text or "")
        if el is not page:
            texts.append(el.tail or "")
    text = normalize(" ".join(t.replace("\u00a0", " ") for t in texts))
    out: list[str] = []
    metas = {(m.get("name") or m.get("property") or "").lower(): (m.get("content") or "").strip()
             for m in page.iter("meta")}
    number = _NUMBER_FIELD_RE.search(text)
    if number and DOC_NUMBER_RE.fullmatch(number.group(1)):
        out.append(number.group(1))
    written = _WRITTEN_FIELD_RE.search(text)
    if written is not None:
        y, mo, d = (int(g) for g in written.groups())
        out.append(f"成文日期:{y:04d}-{mo:02d}-{d:02d}")
    date = _DATE_FIELD_RE.search(text)
    if date is None:
        for key in _META_DATES:
            m = re.match(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", metas.get(key, ""))
            if m:
                date = m
                break
    if date is not None:
        # one short line, as the page's info bar prints it: a dated line stands alone, so the
        # article's first line is never joined onto it
        y, mo, d = (int(g) for g in date.groups())
        source = _SOURCE_FIELD_RE.search(text)
        name = source.group(1) if source else next((metas[k] for k in _META_SOURCES if metas.get(k)), "")
        out.append(f"发布日期:{y:04d}-{mo:02d}-{d:02d}" + (f"  来源:{name}" if name and len(name) <= 20 else ""))
    return out


def _page_title(page, article) -> str:
    """The plan's title as the page prints it outside the article, when the article prints none.

    Sites print the title above the article (<h1>, <h2 class="title">, <div class="article-title">),
    or only in the page's metadata (<meta name="ArticleTitle">) and its <title>, after which they put
    their own name (青山县“十四五”…规划_青山县人民政府).  The first of these that reads as a plan's title
    (or its covering notice's) is the title, if the article holds no line that does (a page may print
    the title in both places, and a site's shorter copy must not replace the article's own)."""
    printed = _Lines()
    _walk(article, printed, None)
    printed.flush()
    for ln in printed.lines:
        norm = normalize(ln)
        if names_the_plan(norm):
            return ""
        n = numbering(norm)
        if n is not None and n.style in CHAPTER_STYLES:
            break  # the plan's body: no title above it
    body_text = re.sub(r"\s+", "", normalize(article.text_content()))
    for text in _title_candidates(page, article):
        norm = normalize(text)
        if names_the_plan(norm) and re.sub(r"\s+", "", norm) not in body_text:
            return text
    return ""


def _title_candidates(page, article):
    """Where a page prints its title outside the article: headings and elements named title, in
    page order; the title metadata; the <title>, cut at the separators before the site's name."""
    inside = set(article.iter())  # (held, so lxml keeps the proxies `in` compares)
    around = set(article.iterancestors())
    for el in page.iter():
        if not isinstance(el.tag, str) or el in inside or el in around:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in ("h1", "h2", "h3") or _TITLE_NAME_RE.search(names):
            line = _Lines()
            line.add(el.text_content())
            line.flush()
            if line.lines:
                yield " ".join(line.lines)
    metas = {(m.get("name") or m.get("property") or "").lower(): (m.get("content") or "").strip()
             for m in page.iter("meta")}
    for key in _META_TITLES:
        if metas.get(key):
            yield _SPACE_RE.sub(" ", metas[key]).strip()
    for el in page.iter("title"):
        for part in _TITLE_SEPARATOR_RE.split(_SPACE_RE.sub(" ", el.text_content()).strip()):
            yield part.strip()


def read_html(path: Path) -> SourceText:
    raw = read_bytes(path, MAX_HTML_BYTES, "a web page")
    if not raw.strip():
        raise InputError(path, "is empty")
    text, encoding = _decode(raw, path)
    text = _XML_DECL_RE.sub("", text)
    import lxml.html
    from lxml import etree
    try:
        parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        page = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"is not a readable web page ({exc})") from None
    if _depth(page) > MAX_HTML_DEPTH:
        raise InputError(path, f"nests its elements more than {MAX_HTML_DEPTH} levels deep; a real page "
                               f"never does, and the parser would drop text from it")
    generator = page.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")
    token = _space_wrapped.set(bool(generator) and _SPACE_WRAPPING_RE.match(generator[0]) is not None)
    try:
        return _read_page(path, raw, encoding, page)
    finally:
        _space_wrapped.reset(token)


def _read_page(path: Path, raw: bytes, encoding: str, page) -> SourceText:
    body = page.find("body")
    if body is None:
        body = page
    for el in list(page.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    _strip(body)
    article = _article(body)
    out = Emitter()
    for line in _metadata(page, article):
        out.text(line)
    headline = _page_title(page, article)
    if headline:
        out.text(headline)
    headings: list[Heading] = []
    _walk(article, _Lines(), out, headings)
    out.gaps.extend(number_headings(out.lines, headings))
    if not any(ln.strip() for ln in out.lines):
        raise InputError(path, "is a web page with no article text")
    return out.source(path, raw, encoding, MEDIA_TYPE)
