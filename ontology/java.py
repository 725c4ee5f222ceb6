"""The Java runtime the JVM-based tools run on (HermiT and Pellet here, Jena's SHACL in shapes/):
which `java` to call, how much memory to give it, and what to tell a user when it fails."""
from __future__ import annotations

import shutil

from policykg.errors import ReasonerUnavailableError


def command() -> str:
    """The `java` executable: owlready2's setting (a user may point it elsewhere), else `java`."""
    try:
        import owlready2
        return owlready2.JAVA_EXE
    except ImportError:  # pragma: no cover - owlready2 is a dependency
        return "java"


def memory_flag() -> str:
    """The JVM's heap limit, as owlready2 is configured."""
    import owlready2.reasoning
    return f"-Xmx{owlready2.reasoning.JAVA_MEMORY}M"


def require(reasoner: str) -> None:
    """ReasonerUnavailableError saying what to install when no Java runtime is on PATH."""
    if shutil.which(command()) is None:
        raise ReasonerUnavailableError(
            f"the {reasoner} reasoner runs on Java, and no `{command()}` was found on PATH: install a Java "
            f"runtime (e.g. apt-get install default-jre-headless) or use --reasoner rl (no Java needed)")


def message(text: str) -> str:
    """The line of a Java error output a user can act on (stack frames dropped)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("at ")]
    for ln in lines:
        if "UnsupportedClassVersionError" in ln:
            return "the Java runtime is too old for this reasoner build (" + ln[:160] + ")"
    return (lines[-1] if lines else "no message")[:300]
