"""The shortcuts that keep reading fast must never change what is read.

`ladder.numbering` tries a paragraph only against the styles its first character can open
(`_FIRST_CHARS`), and the label patterns of `responsibilities` (and a few others) open with a
lookahead of the characters a match can start with.  Each is a list kept by hand beside its
pattern: a pattern changed to start with another character, its list not updated, would silently
read no number or no label there.  These tests compute, from each pattern's own syntax, the
characters a match can start with, and ask that the list holds them all."""
from __future__ import annotations

import re

try:  # the regex module's parser (Python 3.11+), as the standard library names it
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover (Python 3.10)
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

from policykg.loaders import furniture, ladder, responsibilities, structure

#: what a match can start with: characters, and whole classes (\d, \s, or anything)
_DIGIT, _SPACE, _ANY = "<digit>", "<space>", "<any>"


def _in_set(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE:
            out |= {chr(c) for c in range(av[0], av[1] + 1)}
        elif op is _c.CATEGORY:
            out.add(_DIGIT if av is _c.CATEGORY_DIGIT else _SPACE if av is _c.CATEGORY_SPACE else _ANY)
        else:  # NEGATE and the like: anything
            out.add(_ANY)
    return out


def _first(items) -> tuple[set[str], bool]:
    """(what a match of the sequence can start with, can it match empty); assertions are passed
    over (so the set is if anything too large: the test is on the safe side)."""
    out: set[str] = set()
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            return out | {chr(av)}, False
        if op is _c.IN:
            return out | _in_set(av), False
        if op in (_c.ANY, _c.NOT_LITERAL, _c.GROUPREF):
            return out | {_ANY}, False
        if op is _c.SUBPATTERN:
            got, empty = _first(av[-1])
        elif op is _c.BRANCH:
            got, empty = set(), False
            for alternative in av[1]:
                g, e = _first(alternative)
                got, empty = got | g, empty or e
        elif op is _c.GROUPREF_EXISTS:
            got, empty = _first(av[1])
            g, e = _first(av[2]) if av[2] is not None else (set(), True)
            got, empty = got | g, empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            got, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"no rule for {op}")
        out |= got
        if not empty:
            return out, False
    return out, True


def _opening(items) -> set[str]:
    """The characters a leading (?=[…]) allows."""
    op, av = items[0]
    assert op is _c.ASSERT and av[0] == 1, "the pattern opens with no lookahead"
    (inner_op, inner), = av[1]
    assert inner_op is _c.IN
    return _in_set(inner)


def _covered(starts: set[str], allowed: set[str]) -> set[str]:
    """What a match may start with that `allowed` lacks."""
    return {s for s in starts if s not in allowed and not (s.isdecimal() and _DIGIT in allowed)
            and not (s.isspace() and _SPACE in allowed)}


def test_each_numbering_style_is_tried_for_every_character_it_can_open_with():
    for style, pattern in ladder._PATTERNS:
        starts, empty = _first(_p.parse(pattern.pattern))
        allowed = set(ladder._FIRST_CHARS[style]) | ({_DIGIT} if style in ladder._DIGIT_FIRST else set())
        if style in ("I.", "i."):
            # the Roman numeral in letters may match empty ("、" alone): a number never read, so
            # only the numeral's letters need opening the style
            group = next(av for op, av in _p.parse(pattern.pattern) if op is _c.SUBPATTERN)
            starts, empty = _first(group[-1])
            empty = False
        assert not empty and not _covered(starts, allowed), (style, sorted(_covered(starts, allowed)))


def test_a_style_starting_with_a_character_is_tried_there():
    # the candidates for a character are the styles that may open with it, in the ladder's order
    assert [s for s, _ in ladder._candidates("第")][:4] == ["第部分", "第章", "第节", "第条"]
    assert ladder.numbering("第三章　主要任务").number == 3
    assert ladder.numbering("３．加强康复服务") is None  # not normalised: full-width 3 is \d, 。 no mark
    assert ladder.numbering("3.加强康复服务").style == "1."
    assert ladder.numbering("٣.加强康复服务").style == "1."  # any decimal digit, as \d reads it
    assert ladder.numbering("IV.加强康复服务").number == 4
    assert ladder.numbering("、加强") is None and ladder.numbering("") is None


def _lookahead_patterns() -> dict[str, re.Pattern[str]]:
    r = responsibilities
    return {"LABEL_RE": r.LABEL_RE, "MARKER_RE": r.MARKER_RE, "_SPACED_LABEL_RE": r._SPACED_LABEL_RE,
            "_BROKEN_LABEL_RE": r._BROKEN_LABEL_RE, "_LINE_END_LABEL_RE": r._LINE_END_LABEL_RE,
            "_RUN_LABEL_RE": r._RUN_LABEL_RE, "ladder._INLINE_RE": ladder._INLINE_RE,
            "structure._CIRCLED_REF_RE": structure._CIRCLED_REF_RE}


def test_each_lookahead_allows_every_character_its_pattern_can_start_with():
    for name, pattern in _lookahead_patterns().items():
        parsed = _p.parse(pattern.pattern, pattern.flags)
        alternatives = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is _c.BRANCH else [parsed]
        for alternative in alternatives:
            allowed = _opening(alternative)
            starts, empty = _first(list(alternative)[1:])
            assert not empty and not _covered(starts, allowed), (name, sorted(_covered(starts, allowed)))


def test_label_pretest_of_opens_with_label_holds_every_label():
    r = responsibilities
    for label in r._LABELS:
        for before in ("", "县级", "主要", "【", "——"):
            line = f"{before}{label}：县民政局"
            head = line.lstrip(r.DECORATION + " ")
            assert head[0] in r._LABEL_STARTS, line


def test_the_gazette_header_names_its_gazette():
    # furniture asks GAZETTE_ISSUE_RE only of lines holding 公报: both its forms print the word
    pattern = furniture.GAZETTE_ISSUE_RE.pattern
    assert pattern.startswith("^(?:") and pattern.endswith(")$")
    forms = pattern[len("^(?:"):-len(")$")].split("|")
    assert len(forms) == 2 and all("公报" in form for form in forms)
    assert furniture.GAZETTE_ISSUE_RE.match("青山县人民政府公报　2022年第3期") is not None
