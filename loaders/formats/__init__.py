"""Which reader a document needs, chosen by its content first and its extension second.

Users hand policykg the original file: a .txt a colleague extracted, the .docx from the office, the
PDF from the gazette, the web page from the government site.  The bytes decide (a PDF starts with
%PDF-, a Word file is a zip holding word/document.xml, a web page starts with <!DOCTYPE html> or
<html>); the extension only chooses between text and a web page when the content does not say, and
turns a file that claims a format it does not have into a clear error.  Every reader returns the
same `SourceText`: numbered lines plus the document's real tables.

What a "line" (the number in every source location) is, per format:

- .txt: a line of the file.
- .docx: a body paragraph, in document order (a soft line break inside a paragraph starts a new
  line); a row of a table of two or more columns; a paragraph inside a one-column table (a box).
- .pdf: a paragraph of the text layer, re-joined from the page's printed lines where one fills the
  line and the next goes on at the left margin; a table row; page headers, footers and page numbers
  are not lines.
- .html: a block of the article body (<p>, <div>, <h1>..., <li>, a <br> starts a new one); a table
  row; before the body, the page's own metadata when it stands outside the body: its 文号 on a line
  of its own, then "发布日期:2023-02-27  来源:…", then the plan's title where only the page around the
  article prints it.

Source locations keep the document's file name; their line numbers are these lines, and their
character offsets count in the text these lines make (joined by line breaks).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.reading import SourceText, check_size

HTML_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml")
#: Word's packages besides .docx (macro-enabled, templates): the same document inside
WORD_EXTENSIONS = (".docx", ".docm", ".dotx", ".dotm")
#: Word-processing documents read through LibreOffice (formats/office.py): old Word and WPS files,
#: RTF, OpenDocument text.
OFFICE_EXTENSIONS = (".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".ott")
#: Documents a plan is often handed over as that policykg does not read: picked out of a folder
#: too, so that each is reported (skipped, saying what it is and how to convert it), never
#: passed over in silence as a folder's README or images are.
REFUSED_EXTENSIONS = (".ofd", ".mht", ".mhtml", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".caj")
#: The extensions of documents policykg picks out of a folder (a file given by name is read
#: whatever its extension, by its content).
DOCUMENT_EXTENSIONS = (".txt", ".pdf") + WORD_EXTENSIONS + HTML_EXTENSIONS + OFFICE_EXTENSIONS + REFUSED_EXTENSIONS
#: What the first bytes of a file say it is.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .doc / .wps / .xls
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
               b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}
#: A PDF may put up to 1 KB of junk before its header; readers accept that, so do we (for a .pdf).
PDF_HEADER_WINDOW = 1024
#: What Python's zipfile raises on a damaged or hostile archive (found by fuzzing converted plans).
ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError,
              KeyError, zlib.error, struct.error)
#: No reader accepts more (Word and PDF files up to 100 MB, texts and pages less): a larger file is
#: refused from its size alone, before a byte of it is read.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


def _head(path: Path, n: int = 4096) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return True
    if start.startswith(b"<?xml") and b"<html" in start[:1024]:
        return True
    return start.startswith(b"<") and (b"<body" in start or b"<head" in start)


def sniff(path: str | Path) -> str:
    """'txt', 'docx', 'pdf', 'html' or one of `OFFICE_KINDS` for a document, or an InputError saying
    what it is instead."""
    p = Path(path)
    check_size(p, MAX_DOCUMENT_BYTES, "a document")
    head = _head(p)
    ext = p.suffix.lower()
    if head.startswith(PDF_MAGIC) or (ext == ".pdf" and PDF_MAGIC in head[:PDF_HEADER_WINDOW]):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        names = _zip_names(p)
        if "word/document.xml" in names:
            return "docx"
        if _is_opendocument_text(p, names):
            return "odt"
        other = _other_zip_format(names)
        if other:
            raise InputError(p, f"is {other}, not a .docx, PDF, web page or text; "
                                f"{_OTHER_ZIP_ADVICE.get(other, 'save or export it as .docx or PDF')}")
        if ext in WORD_EXTENSIONS:
            raise InputError(p, "is not a Word .docx document (a zip archive without "
                                "word/document.xml, or a damaged one)")
        return "txt"  # refused by the text reader as a binary file
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_package(p):
            raise InputError(p, "is a password-protected (encrypted) Office document; open it in Word "
                                "with its password and save it without one")
        if ext not in _OLD_OFFICE:  # .doc, .wps, or a Word file under another name
            return "doc"
        what, app, target = _OLD_OFFICE[ext]
        raise InputError(p, f"is {what}; open it in {app} or LibreOffice and save it as {target}")
    other = _other_word_format(head)
    if other in _OFFICE_BY_WHAT:
        return _OFFICE_BY_WHAT[other]
    if other:
        raise InputError(p, f"is {other}, not a .docx, PDF, web page or text; open it in Word and save "
                            f"it as .docx or PDF")
    for magic, what in IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise InputError(p, f"is {what}, not a document with text; a scanned plan needs OCR first")
    if ext in WORD_EXTENSIONS:
        raise InputError(p, f"has the extension {ext} but is not a Word document (not a zip archive)")
    if ext == ".pdf":
        raise InputError(p, "has the extension .pdf but is not a PDF (no %PDF- header)")
    if ext in HTML_EXTENSIONS or _looks_like_html(head):
        return "html"
    return "txt"


#: an old binary Office file (OLE) that is no word-processing document, by its extension: what it
#: is, what opens it, what to save it as (any other OLE file is read as a .doc: Word's and WPS's)
_OLD_OFFICE = {
    ".xls": ("an old binary Excel .xls (or WPS) workbook", "Excel, WPS",
             "PDF, or copy its table into the plan's .docx"),
    ".ppt": ("an old binary PowerPoint .ppt (or WPS) presentation", "PowerPoint, WPS", "PDF"),
}
for _old, _as in ((".et", ".xls"), (".dps", ".ppt")):
    _OLD_OFFICE[_old] = _OLD_OFFICE[_as]
_RTF = "an RTF document"
_WORD_XML = "a Word 2003 XML document"
#: what Word saves besides .docx, often named .doc: its first bytes (after a BOM and blank space)
_OTHER_WORD_FORMATS = ((b"{\\rtf", _RTF),)
#: documents read through LibreOffice (loaders/formats/office.py), by the kind `sniff` gives:
#: what the file is, its media type, what else opens it
OFFICE_KINDS = {
    "doc": ("an old binary Word .doc (or WPS) file", "application/msword", "Word or WPS"),
    "rtf": (_RTF, "application/rtf", "Word or WPS"),
    "odt": ("an OpenDocument text (.odt)", "application/vnd.oasis.opendocument.text", "LibreOffice or WPS"),
    "wordxml": (_WORD_XML, "application/xml", "Word"),
}
_OFFICE_BY_WHAT = {_RTF: "rtf", _WORD_XML: "wordxml"}
#: a password-protected .docx is an OLE file holding the encrypted package in a stream of this name
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _other_word_format(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, what in _OTHER_WORD_FORMATS:
        if start.startswith(magic):
            return what
    if b"mime-version:" in start[:2048] and b"multipart/related" in start[:2048]:
        return "a web archive (.mht, Word's 单个文件网页)"
    if start.startswith(b"<?xml") and (b"<w:worddocument" in start or b"progid=\"word.document\"" in start):
        return _WORD_XML
    return None


def _is_encrypted_package(path: Path) -> bool:
    """Does an OLE compound file hold an encrypted Office package (a .docx saved with a password)?
    Its directory names the stream; the directory may stand anywhere in the file."""
    try:
        with path.open("rb") as fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                if _ENCRYPTED_STREAM in tail + chunk:
                    return True
                tail = chunk[-len(_ENCRYPTED_STREAM):]
    except OSError:
        return False
    return False


#: other documents that are zip archives, by a member only they hold: what a colleague may hand
#: over instead of the plan's .docx or PDF (an OFD is how Chinese gazettes and e-government systems
#: publish fixed-layout documents, GB/T 33190)
_OTHER_ZIPS = (("OFD.xml", "an OFD document (版式文档, GB/T 33190)"),
               ("xl/workbook.xml", "an Excel workbook"),
               ("ppt/presentation.xml", "a PowerPoint presentation"),
               ("content.xml", "an OpenDocument spreadsheet, presentation or drawing (.ods, .odp, .odg)"))
_OTHER_ZIP_ADVICE = {_OTHER_ZIPS[0][1]: "open it in an OFD reader (数科阅读器, 福昕OFD版式办公套件) and "
                                        "export it as PDF"}


def _zip_names(path: Path) -> set[str]:
    """The members of a zip archive (none when it is damaged: the readers then say so)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return set(zf.namelist())
    except ZIP_ERRORS:
        return set()


def _is_opendocument_text(path: Path, names: set[str]) -> bool:
    """An OpenDocument text (.odt, .ott): its `mimetype` member says so; without one, a
    content.xml makes it one for LibreOffice to read or refuse."""
    if "mimetype" not in names:
        return "content.xml" in names
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype")[:100].startswith(b"application/vnd.oasis.opendocument.text")
    except ZIP_ERRORS:
        return False


def _other_zip_format(names: set[str]) -> str | None:
    return next((what for member, what in _OTHER_ZIPS if member in names), None)


def read_document(path: str | Path) -> SourceText:
    """Read one plan document in any accepted format."""
    kind = sniff(path)
    if kind == "pdf":
        from policykg.loaders.formats.pdf import read_pdf
        return read_pdf(Path(path))
    if kind == "docx":
        from policykg.loaders.formats.word import read_docx
        return read_docx(Path(path))
    if kind in OFFICE_KINDS:
        from policykg.loaders.formats.office import read_through_libreoffice
        return read_through_libreoffice(Path(path), *OFFICE_KINDS[kind])
    if kind == "html":
        from policykg.loaders.formats.web import read_html
        return read_html(Path(path))
    from policykg.loaders.formats.txt import read_txt
    return read_txt(Path(path))
