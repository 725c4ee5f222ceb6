"""The labels of a responsibility clause (牵头单位, 配合单位, 责任单位, …), shared by the clause reader
(loaders/responsibilities.py), which reads them as labels, and the unit reader (loaders/units.py),
for which a label is never a unit's name: 【牵头单位】县民政局 names 县民政局 as the lead, never a
body 县牵头单位."""
from __future__ import annotations

import re

LEAD_LABELS = ("牵头单位", "牵头部门", "牵头处室", "牵头科室", "主责单位", "主责部门", "负责单位", "负责部门",
               "主办单位", "牵头责任单位", "牵头责任部门", "牵头", "主办")
#: 主要责任单位 / 责任主体, and the units that carry a task out (实施单位, 承办单位: in a plan that
#: marks no lead, the first-named leads), are read as 责任单位
SUPPORT_LABELS = ("配合单位", "配合部门", "配合处室", "配合科室", "参与单位", "参与部门", "协办单位", "协同单位",
                  "协同部门", "协作单位", "协作部门", "协助单位", "协助部门", "支持单位", "配合责任单位", "配合", "协办",
                  "参与")
OWNER_LABELS = ("主要责任单位", "责任单位", "责任部门", "责任处室", "责任科室", "责任主体", "实施单位", "实施主体",
                "实施部门", "承办单位", "执行单位")
#: the official answerable for a task (责任领导：张三副县长): a person, kept on the task as printed, no unit
OFFICIAL_LABELS = ("牵头县领导", "牵头市领导", "牵头区领导", "牵头领导", "责任领导", "分管领导", "联系领导",
                   "包联领导", "责任人")
#: the level a label may name before it (市级牵头单位：, 县级责任单位：): the units say their level
LEVEL_PREFIX = r"(?:[省市州盟县区旗]级|[省市县区]直)?"

ROLE_LABELS = LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS + OFFICIAL_LABELS
#: a label of a clause as a name would print it: alone, after a level (县牵头单位, 县级配合单位), or
#: opening the name of the unit it labels (牵头单位为县民政局)
_ROLE_NAME_RE = re.compile(r"全?(?:[省市州盟县区旗](?:级|直)?)?(?:主要)?("
                           + "|".join(sorted(ROLE_LABELS, key=len, reverse=True)) + r")(?=$|为|是)")
#: a label's word run into the name it labels: 配合单位为县财政局 with 配合 read off as a function word
_ROLE_IS_RE = re.compile(r"(?:单位|部门|处室|科室|主体)(?:为|是)")
#: the labels that name what they label by a word of their own (…单位, …部门): inside a name too, never a unit
_NOUN_LABELS = tuple(w for w in ROLE_LABELS if w.endswith(("单位", "部门", "处室", "科室", "主体")))


def role_label_in(name: str) -> str | None:
    """The clause label a printed name is, or carries, where no body's name would: 牵头单位,
    县牵头单位, 县级配合单位, 牵头单位为县民政局, 牵头单位及配合单位.  None for a unit's name."""
    m = _ROLE_NAME_RE.match(name)
    if m is not None:
        return m.group(1)
    m = _ROLE_IS_RE.search(name)
    if m is not None:
        return m.group(0)
    return next((w for w in _NOUN_LABELS if w in name), None)
