"""What the printing tests share: a small hand-made plan read from its text, what a reader checks
of it (each task's owners, the plan's chain of regions), and the plan whose task-division table the
Word and division-table tests print in their ways."""
from __future__ import annotations

from pathlib import Path

from policykg.loaders.model import PlanRecord
from policykg.loaders.plan import load_plan

#: a plan's text up to its task-division table (附件 / 重点工作任务分工表), one paragraph a line
DIVISION_BODY = ["青山县“十四五”残疾人事业发展规划", "一、主要任务",
                 "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。",
                 "2.加强康复服务。实施精准康复服务行动。",
                 "3.推进无障碍建设。开展家庭无障碍改造。",
                 "4.发展特殊教育。办好特殊教育学校。", "附件", "重点工作任务分工表"]
DIVISION_HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
#: each row's cells after its 序号
DIVISION_CELLS = [["完善低保制度", "县民政局", "县财政局", "2022年12月"],
                  ["加强康复服务", "县卫健局", "县残联", "长期"],
                  ["推进无障碍建设", "县住建局", "县残联", "持续推进"],
                  ["发展特殊教育", "县教育局", "县残联", "2025年"]]


def clause_plan(tmp_path: Path, head: str, *clauses: str) -> PlanRecord:
    """A plan under `head` (its title, or a notice and its title, each line ending in a newline)
    whose task N prints clause N after its text (on the line after head's lines and N - 1 tasks)."""
    body = "一、主要任务\n" + "".join(f"{k}.加强第{k}项工作。落实相关措施。{c}\n" for k, c in enumerate(clauses, 1))
    return text_plan(tmp_path, head + body + "二、保障措施\n加强组织领导。\n")


def roles(task) -> list[tuple[str, str, str]]:
    """(role, unit label, unit's region) of each of a task's responsibilities, in order."""
    return [(r.role, r.unit.label, r.unit.region.name) for r in task.responsibilities]


def text_plan(tmp_path: Path, text: str) -> PlanRecord:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def owners(record: PlanRecord) -> list[tuple[str, list[str], list[str]]]:
    """Each task's title, lead and supporting units, as a reader lists them."""
    return [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


def chain(record: PlanRecord) -> list[str]:
    """The plan's region and the regions above it, nearest first."""
    names, node = [], record.region
    while node is not None:
        names.append(node.name)
        node = node.parent
    return names
