"""Loaders: plan documents in, plan records out (documents -> loaders -> graph).

`load_plan(path)` reads one document and returns a `PlanRecord`; the submodules each own one kind
of thing printed in a plan (metadata, structure, indicator tables, responsibilities, units).
"""
from __future__ import annotations
