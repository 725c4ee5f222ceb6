"""Small hand-made plans, one printing habit each, and what the coverage report says of them."""
from __future__ import annotations

from pathlib import Path

from policykg.loaders.plan import load_plan

HEAD = "青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青山县“十四五”残疾人事业发展规划\n"


def plan(tmp_path: Path, body: str):
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_plan(path)


def test_a_title_that_begins_with_digits_is_its_own_task(tmp_path):
    items = "\n".join(f"{n}.加强第{n}项工作。内容。（牵头单位：县残联）" for n in range(1, 11))
    r = plan(tmp_path, f"一、主要任务\n{items}\n11.121人才梯队项目。培养人才。（牵头单位：县人社局）\n")
    assert [t.no for t in r.tasks()] == [str(n) for n in range(1, 12)]
    assert r.tasks()[10].title == "121人才梯队项目"
    assert [u.label for u in r.tasks()[9].units("lead")] == ["县残疾人联合会"]  # not task 11's units
    assert [u.label for u in r.tasks()[10].units("lead")] == ["县人力资源和社会保障局"]


def test_a_decimal_at_the_start_of_a_paragraph_is_not_a_task(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.加强康复服务。内容\n2.5%的残疾人家庭得到改造，逐步推进。\n")
    assert [t.no for t in r.tasks()] == ["1"]
    assert "2.5%的残疾人" in r.tasks()[0].text


def test_tasks_numbered_straight_through_the_plan(tmp_path):
    r = plan(tmp_path, "一、主要任务\n（一）社会保障\n1.加强保障。内容。\n2.完善救助。内容。\n"
                       "（二）康复服务\n3.提升康复。内容。\n4.推进预防。内容。\n")
    assert [[t.no for t in s.tasks] for s in r.sections()] == [["1", "2"], ["3", "4"]]
    assert not [g for g in r.warnings if g.kind == "numbering"]


def test_chapters_printed_as_第一章_keep_the_title_and_region(tmp_path):
    r = plan(tmp_path, "第一章　总体要求\n一、指导思想\n坚持以人民为中心。\n第二章　主要任务\n"
                       "一、社会保障\n（一）加强保障。内容。（县民政局牵头）\n（二）完善救助。内容。\n")
    assert r.title == "青山县“十四五”残疾人事业发展规划" and r.region.name == "青山县"
    assert [(c.no, c.kind) for c in r.chapters] == [("一", "principles"), ("二", "tasks")]
    assert [t.title for t in r.tasks()] == ["加强保障", "完善救助"]  # the goals chapter holds no task
    assert [u.label for u in r.tasks()[0].units("lead")] == ["县民政局"]


def test_sub_points_below_a_task_belong_to_it(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.加强康复服务。内容如下：\n（1）实施精准康复。\n（2）推进辅具适配。\n"
                       "2.完善救助。内容。\n")
    assert [t.title for t in r.tasks()] == ["加强康复服务", "完善救助"]
    assert "推进辅具适配" in r.tasks()[0].text


def test_一是_paragraph_enumerates_tasks(tmp_path):
    r = plan(tmp_path, "一、主要任务\n（一）社会保障\n一是加强保障，落实补贴。（县民政局牵头）二是完善救助。（县残联负责）\n")
    assert [(t.no, t.title) for t in r.tasks()] == [("1", "加强保障，落实补贴"), ("2", "完善救助")]
    assert [[u.label for u in t.units("lead")] for t in r.tasks()] == [["县民政局"], ["县残疾人联合会"]]


def test_a_clause_in_an_unknown_wording_is_a_located_gap(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.加强保障。内容。（县民政局主抓，县残联协调）\n")
    assert r.tasks()[0].responsibilities == []  # nothing invented
    gaps = [g for g in r.warnings if g.kind == "responsibility"]
    assert [(g.line, g.message) for g in gaps] == [
        (4, "responsibility clause not read: '（县民政局主抓，县残联协调）'")]
    assert r.coverage.markers == 1 and r.coverage.markers_read == 0 and not r.coverage.complete


def test_a_task_chapter_without_readable_tasks_says_so(tmp_path):
    r = plan(tmp_path, "一、发展目标\n（一）总体目标。到2025年，体系更加完善。\n二、主要任务\n"
                       "甲、加强保障工作，落实各项补贴政策。\n乙、完善救助工作，做到应保尽保。\n"
                       "专栏1 重点项目\n1.康复项目\n")
    kinds = [(g.kind, g.line) for g in r.warnings]
    assert ("task-chapter", 5) in kinds
    assert [line for kind, line in kinds if kind == "unread"] == [6, 7]
    assert r.coverage.unread_paragraphs == 2 and r.coverage.label().endswith("gaps)")


def test_a_chapter_of_project_boxes_is_no_empty_task_chapter(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.实施精准康复服务。为残疾人提供康复服务。\n二、重点项目\n专栏1 康复服务项目\n"
                       "1.残疾儿童康复救助项目：为0-6岁残疾儿童提供康复救助。\n"
                       "2.辅助器具适配项目：为有需求的残疾人适配辅助器具。\n")
    assert [t.title for t in r.tasks()] == ["实施精准康复服务"]
    assert sum(len(c.projects) for c in r.columns()) == 2
    assert [g for g in r.warnings if g.kind == "task-chapter"] == []


def test_responsibilities_assigned_outside_any_task_are_a_located_gap(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.实施精准康复服务。为残疾人提供康复服务。\n2.普及特殊教育。提高入学率。\n"
                       "二、分工\n任务1由县残联负责，县卫健局配合；任务2由县教育局负责。\n"
                       "三、保障措施\n加强组织领导，坚持党委领导、政府负责。\n")
    gaps = [(g.kind, g.line) for g in r.warnings]
    assert gaps == [("responsibility", 7)]  # the division paragraph; the safeguards' prose is no gap
    assert "任务1由县残联负责" in r.warnings[0].message
    assert all(not t.responsibilities for t in r.tasks())  # nothing invented from it either
