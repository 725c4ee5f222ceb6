"""The project's own exception types.

Every failure a user can cause (a bad file, an unknown query, an unwritable output) is raised as a
`PolicyKGError` whose message names the thing and the reason, so the CLI can print one line and exit
with code 2 instead of a traceback.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence


class PolicyKGError(Exception):
    """Base class: an error the user can act on; its str() is the one-line message."""

    exit_code = 2


class InputError(PolicyKGError):
    """A document or graph file cannot be read as what it claims to be."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(PolicyKGError):
    """An output cannot be written (bad format, unwritable place)."""


class QueryError(PolicyKGError):
    """A named query is unknown, or its parameters are wrong."""


class ReasoningError(PolicyKGError):
    """A graph is inconsistent with the ontology: no world can make all its facts true.

    The message is the plain-words report (first line a summary, then the individuals, the axioms
    and the source lines); `inconsistencies` holds the structured findings
    (policykg.ontology.reasoning.Inconsistency), one per inconsistent plan graph.  Exit code 1: the
    input was read, the answer is "this graph contradicts itself".
    """

    exit_code = 1

    def __init__(self, message: str, inconsistencies: Sequence[object] = ()) -> None:
        self.inconsistencies = tuple(inconsistencies)
        super().__init__(message)


class ReasonerUnavailableError(PolicyKGError):
    """The chosen reasoner cannot run here (no Java, a Java too old, a reasoner crash)."""


class PolicyKGWarning(UserWarning):
    """Something a user should know about an answer that is not an error (the CLI prints it on
    stderr as one `warning:` line; a notebook shows it as a Python warning)."""
