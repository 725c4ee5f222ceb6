"""SHACL audit: shapes as documents (the .ttl files beside this module), run with pyshacl, rudof, Apache Jena or
shacl-rust.

    from policykg.shapes import audit, audit_store, render
    report = audit(dataset)                        # AuditReport: scorecards per plan, findings, sh:ValidationReport
    report = audit_store(store, engine="shacl-rust")  # the same report, straight from an Oxigraph store
    report = audit_batched(dataset)                # the same, the dataset copied into an in-memory store
    print(render(report, "text"))
"""
from __future__ import annotations

from policykg.shapes.audit import AuditReport, Finding, Scorecard, audit, load_shapes
from policykg.shapes.engines import ENGINES, EngineError, ShapesError
from policykg.shapes.report import FORMATS, render
from policykg.shapes.store_audit import audit_batched, audit_store

__all__ = ["AuditReport", "Finding", "Scorecard", "ShapesError", "EngineError", "ENGINES", "audit", "audit_batched", "audit_store",
           "load_shapes", "render", "FORMATS"]
