"""policykg: public-policy plans (十四五规划) as a knowledge graph of who must do what, by when,
measured how.

The work is done by the subpackages, in the order data flows: ``policykg.loaders`` read plan
documents into plan records, ``policykg.graph`` turns them into RDF, ``policykg.shapes`` audits the
graph, ``policykg.queries`` answers questions over it.  ``policykg.api`` strings them together for
notebooks; ``policykg.cli`` is a thin command line over that API.
"""
from __future__ import annotations

__version__ = "0.1.0"

from policykg.errors import PolicyKGError, InputError, OutputError  # noqa: E402

__all__ = ["PolicyKGError", "InputError", "OutputError", "__version__"]
