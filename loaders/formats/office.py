"""Office documents policykg has no reader of its own for (.doc, WPS, RTF, .odt), read as a .docx
that LibreOffice converts them to.

Chinese government sites publish plans as old binary Word .doc and WPS files about as often as
.docx.  Writing a reader for the binary formats is LibreOffice's work (its filters are maintained
for exactly that); policykg asks it, headless, for a .docx and reads that with the Word reader, so
the same plan reads the same in every format.  Each conversion runs with a profile of its own in a
temporary folder (LibreOffice refuses a second instance on one profile, and worker processes convert
in parallel) and a time limit.  Without LibreOffice the document is refused, saying so.

Its lines are the converted document's paragraphs and table rows, as a .docx's are; its checksum
and media type are the original file's (the .docx LibreOffice writes carries the time it was made).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.reading import SourceText, read_bytes

#: a plan converts in 2-5 s; a document LibreOffice has not converted by then never will
CONVERT_SECONDS = 180
#: the environment variable naming the LibreOffice program, where it is not on the PATH
SOFFICE_VARIABLE = "POLICYKG_SOFFICE"
#: no converted document holds more than a Word file may (see word.MAX_DOCX_BYTES)
MAX_OFFICE_BYTES = 100 * 1024 * 1024


def soffice() -> str | None:
    """The LibreOffice program to convert with, or None."""
    named = os.environ.get(SOFFICE_VARIABLE)
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_through_libreoffice(path: Path, what: str, media_type: str, save_as: str) -> SourceText:
    """`path` (a document of the kind `what` names) converted to .docx by LibreOffice and read as
    one; an InputError naming the file when LibreOffice is missing or cannot convert it."""
    raw = read_bytes(path, MAX_OFFICE_BYTES, "a document")
    program = soffice()
    if program is None:
        raise InputError(path, f"is {what}; policykg reads it through LibreOffice, which is not installed "
                               f"(Debian: apt-get install libreoffice-writer-nogui; or set {SOFFICE_VARIABLE}), "
                               f"or open it in {save_as} and save it as .docx or PDF")
    from policykg.loaders.formats.word import read_docx
    with tempfile.TemporaryDirectory(prefix="policykg-office-") as tmp:
        work = Path(tmp)
        # a plain name of its own: LibreOffice reads its argument as a URL when it looks like one
        original = work / f"document{path.suffix.lower() if path.suffix.isascii() else ''}"
        original.write_bytes(raw)
        converted = _convert(program, original, work, path, what, save_as)
        source = read_docx(converted)
    return replace(source, path=path, sha256=hashlib.sha256(raw).hexdigest(), media_type=media_type)


def _convert(program: str, original: Path, work: Path, path: Path, what: str, save_as: str) -> Path:
    out = work / "out"
    command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(original)]
    try:
        # a session of its own: soffice starts oosplash and soffice.bin, which a timeout must stop too
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work,
                                env={**os.environ, "HOME": str(work)}, start_new_session=True)
    except OSError as exc:
        raise InputError(path, f"is {what}, and LibreOffice ({program}) could not be started "
                               f"({exc.strerror or exc})") from None
    try:
        _stdout, stderr = proc.communicate(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise InputError(path, f"is {what}, which LibreOffice did not convert in {CONVERT_SECONDS} s; open it in "
                               f"{save_as} and save it as .docx or PDF") from None
    converted = out / "document.docx"
    if proc.returncode != 0 or not converted.is_file():
        said = " ".join(ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines()
                        if ln.strip() and not ln.startswith("Warning:"))[-200:]  # not its Java warnings
        raise InputError(path, f"is {what}, which LibreOffice cannot convert (a damaged or unsupported file"
                               f"{': ' + said if said else ''}); open it in {save_as} and save it as .docx or PDF")
    return converted
