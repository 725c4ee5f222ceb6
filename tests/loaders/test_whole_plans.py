"""Whole plans from domains and regions the corpus does not show (education, health, elderly care,
employment; county, city, district, province), each read as a careful reader reads it, or said.
Each test is one printing such a plan used that was read wrong without a word."""
from __future__ import annotations


from tests.loaders.handmade import owners, text_plan as plan


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


COUNTY_HEAD = "永丰县人民政府关于印发《永丰县“十四五”教育事业发展规划》的通知\n永丰县“十四五”教育事业发展规划\n"
COUNTY_BODY = """一、总体要求
坚持立德树人。
二、主要任务
1.扩大普惠性学前教育资源。新建公办幼儿园15所。（牵头单位：县教体局；配合单位：县财政局）
2.推进普通高中育人方式改革。全面实施选课走班教学。{clause}
三、保障措施
加强组织领导。
"""


def test_a_lead_said_by_主责_and_supporters_by_协同部门(tmp_path):
    for clause, lead, support in (
            ("（县教体局主责，县委编办、县人社局协同）", ["县教育体育局"],
             ["县机构编制委员会办公室", "县人力资源和社会保障局"]),
            ("（牵头部门：县教体局，协同部门：县公安局、县民政局）", ["县教育体育局"], ["县公安局", "县民政局"]),
            ("（主责单位：县教体局；协作单位：县公安局）", ["县教育体育局"], ["县公安局"])):
        record = plan(tmp_path, COUNTY_HEAD + COUNTY_BODY.format(clause=clause))
        assert owners(record)[1] == ("推进普通高中育人方式改革", lead, support), clause
        assert not record.warnings, clause


SUBPOINTS = """一、总体要求
坚持预防为主。
二、主要任务
（一）构建强大公共卫生体系
1.改革完善疾病预防控制体系。优化完善疾控机构职能设置。（市卫健委牵头，市财政局配合）
2.提升重大疫情监测预警能力。建立多点触发的传染病监测预警系统。（市卫健委牵头）
3.健全应急医疗救治体系。建设市级重大疫情救治基地1个。（市卫健委负责）
（二）全方位全周期保障人民健康
1.深入开展爱国卫生运动。推进卫生城镇创建，开展城乡环境卫生整治。（市卫健委牵头）
2.促进重点人群健康。
（1）加强妇幼健康服务。落实母婴安全五项制度。
（2）发展普惠托育服务。每千人口拥有3岁以下婴幼儿托位数达到4.5个。
（3）推进医养结合。支持医疗机构开展养老服务。
（市卫健委、市民政局分别负责）
3.加强职业健康保护。开展尘肺病等职业病防治攻坚行动。（市卫健委牵头，市人社局配合）
三、保障措施
加强组织领导。
"""


def test_a_task_titled_alone_over_its_sub_points_is_a_task_among_tasks(tmp_path):
    """2. prints its title alone and its sub-points below it, between tasks 1. and 3. that carry a
    body: one list holds one kind of item, so 2. is a task, not a section over three tasks."""
    record = plan(tmp_path, CITY_HEAD.format(note="").split("一、总体要求")[0] + SUBPOINTS)
    assert owners(record)[3:] == [
        ("深入开展爱国卫生运动", ["市卫生健康委员会"], []),
        ("促进重点人群健康", ["市卫生健康委员会", "市民政局"], []),
        ("加强职业健康保护", ["市卫生健康委员会"], ["市人力资源和社会保障局"])]
    assert "（3）推进医养结合" in record.tasks()[4].text
    assert not record.warnings


def test_titles_over_groups_of_tasks_stay_sections(tmp_path):
    """Where a list's items are all titles over deeper items, they are groups of tasks."""
    body = SUBPOINTS.replace("1.深入开展爱国卫生运动。推进卫生城镇创建，开展城乡环境卫生整治。（市卫健委牵头）",
                             "1.深入开展爱国卫生运动。\n（1）推进卫生城镇创建。开展城乡环境卫生整治。（市卫健委牵头）") \
        .replace("3.加强职业健康保护。开展尘肺病等职业病防治攻坚行动。（市卫健委牵头，市人社局配合）",
                 "3.加强职业健康保护。\n（1）开展职业病防治攻坚行动。强化用人单位主体责任。（市卫健委牵头，市人社局配合）")
    record = plan(tmp_path, CITY_HEAD.format(note="").split("一、总体要求")[0] + body)
    assert [t.title for t in record.tasks()][3:] == ["推进卫生城镇创建", "加强妇幼健康服务", "发展普惠托育服务",
                                                "推进医养结合", "开展职业病防治攻坚行动"]


PROVINCE = """河南省人民政府关于印发《河南省“十四五”就业促进规划》的通知
河南省“十四五”就业促进规划
第一章  总体要求
坚持就业优先。
第二章  实施就业优先战略
第一节  强化就业优先政策
1.健全就业优先政策体系。建立重大政策就业影响评估机制。（省发展改革委牵头，省财政厅配合）
第二节  支持创业带动就业
{clause}
2.优化创业环境。降低创业门槛，落实创业担保贷款及贴息政策。
3.建设创业载体。建设省级返乡创业示范园区100个。
第三章  保障措施
加强组织领导。
"""


def test_a_section_clause_that_says_it_is_for_the_section(tmp_path):
    for clause in ("本节任务牵头单位：省人力资源社会保障厅；配合单位：省财政厅",
                   "以下各项任务牵头单位：省人力资源社会保障厅；配合单位：省财政厅",
                   "本部分重点任务的牵头部门：省人力资源社会保障厅；配合部门：省财政厅"):
        record = plan(tmp_path, PROVINCE.format(clause=clause))
        assert owners(record)[1:] == [("优化创业环境", ["省人力资源社会保障厅"], ["省财政厅"]),
                                      ("建设创业载体", ["省人力资源社会保障厅"], ["省财政厅"])], clause
        assert not record.warnings, clause


def test_责任单位_alone_names_the_lead_in_a_plan_that_marks_leads_only_in_other_clauses(tmp_path):
    """(牵头单位：A；配合单位：B) on some tasks, (责任单位：A) or (A　B) on others: the plan never sets
    责任单位 beside a lead, so it names the units responsible, first-named leading (before, they
    were all supporters, and the task had no lead without a word)."""
    for clause, lead, support in (("（责任单位：县教体局）", ["县教育体育局"], []),
                                  ("\n责任单位：县教体局、县人社局", ["县教育体育局"], ["县人力资源和社会保障局"]),
                                  ("（县教体局　县国资委）", ["县教育体育局"], ["县国资委"])):
        record = plan(tmp_path, COUNTY_HEAD + COUNTY_BODY.format(clause=clause))
        assert owners(record)[1] == ("推进普通高中育人方式改革", lead, support), clause


def test_责任单位_names_supporters_in_a_plan_that_sets_it_beside_a_lead(tmp_path):
    body = COUNTY_BODY.replace("（牵头单位：县教体局；配合单位：县财政局）", "（牵头单位：县教体局；责任单位：县财政局）")
    record = plan(tmp_path, COUNTY_HEAD + body.format(clause="（责任单位：县教体局、县人社局）"))
    assert owners(record) == [("扩大普惠性学前教育资源", ["县教育体育局"], ["县财政局"]),
                              ("推进普通高中育人方式改革", [], ["县教育体育局", "县人力资源和社会保障局"])]
