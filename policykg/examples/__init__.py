"""The bundled example plan, which the README's first command builds into a graph.

``example_plan.txt`` is a short five-year plan for 云山市青溪区, a district that does not
exist. It ships inside the wheel so that a fresh install can run end to end with no download
and no real document. The text is new, but it is printed the way the real plans in the corpus
are printed, as text pulled out of PDF, HTML and Word files. It has a covering notice whose
title wraps across two lines, a web-page ``发布日期`` line, and an indicator table with one cell
per line. The chapter of tasks numbers its sections as （一）, (二), and a damaged ``()``. Its
tasks name their units in both the ``牵头单位：…；责任单位：…`` form and the
``…牵头；…按照职能分工负责`` form, which drops the 区 prefix after the first unit. It has
专栏 boxes in a grouped form, a numbered form and a "name  description" form, a task list that
carries on after a box, Word bookmark debris, and an appendix 重点工作任务分工表 whose cells
wrap.

The expected parse lives in ``tests/fixtures/example_expected.json``. Its line numbers refer
to this file, so any edit to the text must be matched there.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+; only type checkers need it
    from importlib.resources.abc import Traversable

__all__ = ["example_path"]


def example_path() -> Traversable:
    """Return the path of the bundled ``example_plan.txt``.

    In a normal install this is a ``pathlib.Path``. Use ``importlib.resources.as_file`` if a
    real file-system path is needed (for example from a zipped install).
    """
    return files(__name__) / "example_plan.txt"
