"""A PDF's headings, read from their type where they print no number.

A plan laid out in Word with its chapters and sections marked only by style (总体要求 in Heading 1,
健全社会保障体系 in Heading 2, no number typed), then printed to PDF, keeps its structure only in its
type: the PDF has no styles.  A reader sees the headings all the same, and so does this: the body's
type is the size and weight most of the document's characters are set in; a heading is a paragraph
of one printed line (or a title's lines, wrapped), short (at most 40 characters), no sentence
(no 。；！？), set larger than the body, or at the body's size or larger in a bold or heading face
(Bold, 黑体 SimHei, Heiti, 小标宋) where the body is not.  Heading faces rank by their type: larger
first, at one size bold before regular.  These headings are handed to `number_headings` as a Word
file's styled headings are, ranked so: the top face numbers the chapters (一、), the next the
sections (（一）); a third face prints no number that can be told and is said as a gap; the title,
a 专栏's heading, an annex's, a 前言 are left as printed there.

Not headings: a line printing a number of its own (a PDF whose headings print their numbers, the
usual government PDF with 一、 set in 黑体, is read by its numbers as before, and a face whose lines
mostly print task numbers, 1. 2., is the tasks' own), and a line standing right above a table (its
caption, 表1 主要指标).  A PDF whose heading faces print chapter or section numbers is read by them
alone: a line set like a heading there that prints none is not given one (a caption, a run-in line
set bold); where such lines stand and the plan reads no task, the loader says so.
"""
from __future__ import annotations

from collections import Counter

from policykg.loaders.formats.headings import Heading, reads_as_heading
from policykg.loaders.formats.pdf_lines import Line
from policykg.loaders.ladder import CHAPTER_STYLES, HEADING_STYLES, numbering
from policykg.loaders.metadata import is_plan_title
from policykg.loaders.text import normalize

#: a heading is set at least this many points larger than the body (type sizes step by a point or more)
LARGER = 0.9
#: a bold heading is set at least at the body's size (within this many points)
SIZE_SLACK = 0.5
#: a line centred on its page: its middle within this many characters of the text's middle
CENTRED = 1.0

Face = tuple[float, bool]


def body_face(lines: list[Line]) -> Face:
    """The type the body is set in: the size and weight most characters are printed in."""
    faces: Counter[Face] = Counter()
    for ln in lines:
        faces[ln.face] += ln.count
    return faces.most_common(1)[0][0] if faces else (0.0, False)


def stands_out(face: Face, body: Face) -> bool:
    """Is a line of this face set as a heading is beside the body's type?"""
    size, heavy = face
    if size >= body[0] + LARGER:
        return True
    return heavy and not body[1] and size >= body[0] - SIZE_SLACK


def breaks(prev: Line, nxt: Line, body: Face) -> bool:
    """Does `nxt`, set otherwise than `prev` where one of them is set as a heading, start a paragraph
    however full `prev` is (a heading after a paragraph's full last line, the text after a heading)?"""
    return prev.face != nxt.face and (stands_out(prev.face, body) or stands_out(nxt.face, body))


def wrapped_title(prev: Line, nxt: Line, frame: tuple[float, float], em: float, body: Face) -> bool:
    """Is `nxt` the next line of a heading set centred and wrapped (a title printed over two lines:
    关于印发《青山县残疾人事业发展 / “十四五”规划》的通知): both set alike as a heading, both
    centred, one under the other?"""
    if prev.page != nxt.page or prev.face != nxt.face or prev.family != nxt.family:
        return False
    if not stands_out(prev.face, body) or nxt.top - prev.bottom > 1.2 * (prev.bottom - prev.top):
        return False
    middle = (frame[0] + frame[1]) / 2
    return all(abs((ln.x0 + ln.x1) / 2 - middle) <= CENTRED * em and ln.x0 > frame[0] + 2 * em
               for ln in (prev, nxt))


def _numbered(text: str) -> bool:
    n = numbering(normalize(text.strip()))
    return n is not None


def read_headings(paragraphs: list[tuple[int, object]], body: Face) -> tuple[list[Heading], list[tuple[int, str]]]:
    """The headings to number, from the emitted paragraphs: (line index, the paragraph's faces and
    text, or None for a table) in order; and the lines set as headings that print no number (0-based,
    with their text as printed), for the plan to say where it reads no task."""
    cands: list[tuple[int, Face, str, bool]] = []  # (line, face, text, body before)
    body_seen = False
    for k, (line, para) in enumerate(paragraphs):
        if para is None:
            body_seen = True
            continue
        faces, text = para
        face = next(iter(faces))[0] if len(faces) == 1 else None
        caption = k + 1 < len(paragraphs) and paragraphs[k + 1][1] is None
        if (face is not None and stands_out(face, body) and text.strip() and reads_as_heading(text)
                and not caption):
            cands.append((line, face, text, body_seen))
        elif text.strip():
            body_seen = True
    unnumbered = [c for c in cands if not _numbered(c[2])]
    unread = [(c[0], c[2]) for c in unnumbered if c[3] or not is_plan_title(normalize(c[2].strip()))]  # not the title
    by_face: dict[Face, list[tuple[int, Face, str, bool]]] = {}
    for c in cands:
        by_face.setdefault(c[1], []).append(c)
    faces = [f for f, cs in by_face.items() if sum(not _numbered(c[2]) for c in cs) * 2 > len(cs)]
    faces.sort(key=lambda f: (-f[0], not f[1]))
    typed = [c for c in cands if _heading_number(c[2])]
    if typed:
        return _beside_typed(paragraphs, cands, typed, faces), unread
    rank = {f: k for k, f in enumerate(faces)}
    heads = [Heading(line, rank[face], False, text, before) for line, face, text, before in unnumbered
             if face in rank]
    return heads, unread


def _order(face: Face) -> tuple[float, bool]:
    return -face[0], not face[1]


def _beside_typed(paragraphs, cands, typed, faces: list[Face]) -> list[Heading]:
    """Where some headings print their numbers, the headings of a level that prints none, set in a
    face of its own: only where the typed ones print one level's numbers, all of them, and the others
    stand on the level's other side (chapters typed 一、 and sections by type below them, or chapters
    by type above sections typed (一)), that other level's numbers typed nowhere in the text; else
    none (the headings are read by their numbers, as the text says)."""
    kinds = {_heading_number(c[2]) for c in typed}
    typed_faces = {c[1] for c in typed}
    if len(kinds) > 1 or len(typed_faces) > 1 or any(_heading_number(c[2]) != next(iter(kinds)) for c in cands if c[1] in typed_faces
                             and _numbered(c[2])):
        return []
    kind = next(iter(kinds))
    for _, para in paragraphs:
        n = numbering(normalize(para[1].strip())) if para is not None else None
        if n is not None and n.style in HEADING_STYLES and (n.style in CHAPTER_STYLES) != (kind == "chapter"):
            return []  # the other level typed in the text
    if kind == "chapter":
        others = [f for f in faces if f not in typed_faces and all(_order(f) > _order(g) for g in typed_faces)][:1]
    else:
        others = [f for f in faces if f not in typed_faces and all(_order(f) < _order(g) for g in typed_faces)]
    if not others:
        return []
    rank = {f: k for k, f in enumerate(sorted([*others, *typed_faces], key=_order))}
    first = typed[0][0]
    return [Heading(line, rank[face], False, text, before) for line, face, text, before in cands
            if (face in typed_faces and _heading_number(text) == kind)
            or (face in others and not _numbered(text) and (kind == "section" or line > first))]


def _heading_number(text: str) -> str | None:
    """'chapter' or 'section' for a line printing a chapter's number (一、, 第一章) or a section's
    ((一)); None for any other."""
    n = numbering(normalize(text.strip()))
    if n is None or n.style not in HEADING_STYLES:
        return None
    return "chapter" if n.style in CHAPTER_STYLES else "section"
