"""Whole plans from domains and regions the corpus does not show (education, health, elderly care,
employment; county, city, district, province), each read as a careful reader reads it, or said.
Each test is one printing such a plan used that was read wrong without a word."""
from __future__ import annotations

from pathlib import Path

from policykg.loaders.plan import load_plan


def plan(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def owners(record) -> list[tuple[str, list[str], list[str]]]:
    return [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


CITY_HEAD = """宜昌市人民政府办公室
关于印发宜昌市卫生健康事业发展“十四五”规划的通知
宜府办发〔2022〕8号

各县市区人民政府，市政府各部门：
    《宜昌市卫生健康事业发展“十四五”规划》已经市人民政府同意，现印发给你们，请认真贯彻落实。

宜昌市人民政府办公室
2022年3月15日
{note}

宜昌市卫生健康事业发展“十四五”规划

一、总体要求
坚持以人民健康为中心。
二、主要任务
1.改革完善疾病预防控制体系。优化完善疾控机构职能设置。（市卫健委牵头，市财政局配合）
"""


def test_a_notices_publication_note_is_no_part_of_the_title(tmp_path):
    for note in ("（此件公开发布）", "(此件主动公开)", "（此件依申请公开）"):
        record = plan(tmp_path, CITY_HEAD.format(note=note))
        assert record.title == "宜昌市卫生健康事业发展“十四五”规划", note
        assert [t.title for t in record.tasks()] == ["改革完善疾病预防控制体系"]
