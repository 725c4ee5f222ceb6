"""SHACL audit: shapes as documents (the .ttl files beside this module), run with pyshacl.

    from policykg.shapes import audit, render
    report = audit(dataset)            # AuditReport: scorecards per plan, findings, sh:ValidationReport
    print(render(report, "text"))
"""
from __future__ import annotations

from policykg.shapes.audit import AuditReport, Finding, Scorecard, ShapesError, audit, load_shapes
from policykg.shapes.report import FORMATS, render

__all__ = ["AuditReport", "Finding", "Scorecard", "ShapesError", "audit", "load_shapes", "render", "FORMATS"]
