"""Deterministic IRIs for everything policykg mints.

An IRI is derived from what the document says (region names, period, title, printed numbers), never
from run order or random ids, so building the same documents twice gives the same graph, and the same
department of the same district gets the same IRI in every plan that names it.  Names are written in
pinyin so that every tool (Protégé, owlready2/HermiT, Gephi, triple stores) handles them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from pypinyin import lazy_pinyin
from rdflib import URIRef

from policykg.graph.vocab import ID
from policykg.loaders.model import RegionRef

_SAFE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def slug(text: str, limit: int = 48) -> str:
    """'西固区' -> 'xiguqu'; ASCII kept; long slugs cut and suffixed with a short hash."""
    text = unicodedata.normalize("NFKC", text)
    joined = "".join(lazy_pinyin(text, errors=lambda s: [c for c in s]))
    s = _SAFE.sub("-", joined.lower()).strip("-") or "x"
    if len(s) > limit:
        s = s[:limit].rstrip("-") + "-" + short_hash(text)
    return s


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def region_path(region: RegionRef) -> str:
    return "/".join(slug(r.name) for r in region.chain())


def region_iri(region: RegionRef) -> URIRef:
    return ID[f"region/{region_path(region)}"]


def org_iri(region_key: str, unit_key: str) -> URIRef:
    return ID[f"org/{region_key}/{slug(unit_key)}"]


def department_type_iri(code: str) -> URIRef:
    return ID[f"department-type/{code}"]


def document_iri(sha256: str) -> URIRef:
    return ID[f"doc/{sha256[:16]}"]


def cited_iri(title: str) -> URIRef:
    return ID[f"cited/{slug(title, 32)}"]


def plan_path(region: RegionRef | None, period: tuple[int, int] | None, title: str, draft: bool,
              sha256: str) -> str:
    where = region_path(region) if region is not None else "unknown-region"
    when = f"{period[0]}-{period[1]}" if period else "undated"
    core = title
    if region is not None:
        for r in region.chain():
            core = core.replace(r.name, "")
    core = re.sub(r"[“”\"《》\s]|十[一二三四五六七八九]五", "", core) or title or sha256[:12]
    path = f"{where}/{when}/{slug(core)}"
    return path + ("-draft" if draft else "")


def plan_iri(path: str) -> URIRef:
    return ID[f"plan/{path}"]


def plan_graph_iri(path: str) -> URIRef:
    return ID[f"graph/plan/{path}"]
