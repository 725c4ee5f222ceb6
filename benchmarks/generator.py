"""A deterministic national corpus: N plan TEXT documents printed the way real plans print, with the
ground truth of what each one says.

Measuring at national scale needs thousands of plans; checking correctness at that scale needs to
know what they contain.  Every plan here is rendered from a record the generator chose (region,
sections, tasks, units, indicators, boxes) in one of the layouts the real corpus shows: covering
notice or none, three indicator-table layouts, labelled / verb-final / appendix / no
responsibilities, elided unit prefixes and aliases, boxes with sub-groups or "name  description"
items, PDF-style wrapped lines.  The ground truth is written from the chosen record, never by
running the loaders, so `extract == truth` is a real check.
"""
from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
#: canonical department names (core, without region prefix) and printed variants of each
DEPARTMENTS: list[tuple[str, tuple[str, ...]]] = [
    ("残疾人联合会", ("残联",)), ("民政局", ()), ("财政局", ()), ("人力资源和社会保障局", ("人社局",)),
    ("卫生健康局", ("卫健局",)), ("卫生健康委员会", ("卫健委",)), ("教育局", ()), ("医疗保障局", ("医保局",)),
    ("住房和城乡建设局", ("住建局",)), ("发展和改革局", ("发改局",)),
    ("发展和改革委员会", ("发改委", "发展改革委")), ("交通运输局", ("交运局",)),
    ("司法局", ()), ("农业农村局", ()), ("应急管理局", ()), ("退役军人事务局", ()), ("税务局", ()),
    ("市场监督管理局", ("市场监管局",)), ("文化和旅游局", ("文旅局",)), ("委宣传部", ()), ("总工会", ()),
    ("妇女联合会", ("妇联",)),
]
TASK_VERBS = ("加强", "完善", "健全", "推进", "提升", "落实", "强化", "优化", "推动", "促进")
TASK_TOPICS = ("残疾人基本生活保障", "残疾人康复服务", "残疾人就业创业服务", "残疾儿童教育保障", "无障碍环境建设",
               "残疾人托养照护服务", "残疾人法律援助", "残疾人文化体育服务", "残疾预防工作", "残疾人辅助器具服务",
               "残疾人社会保险", "基层残疾人组织建设", "残疾人信息化服务", "扶残助残社会氛围")
FILLER = ("健全工作机制，加大投入力度，统筹各方资源，切实提高服务质量和水平",
          "坚持问题导向，聚焦重点人群，完善政策措施，推动各项工作落地见效",
          "强化部门协同，整合服务资源，创新服务方式，不断满足残疾人多样化需求",
          "落实属地责任，加强督促检查，建立工作台账，定期通报工作进展情况",
          "发挥基层组织作用，动员社会力量参与，形成共建共享的良好格局",
          "加强数据共享和信息化建设，提高精准服务和动态管理水平",
          "完善经费保障机制，将相关经费纳入财政预算，确保资金及时足额到位",
          "加强专业人才队伍建设，开展业务培训，提升基层工作人员服务能力")
SECTION_TOPICS = ("健全残疾人社会保障体系", "完善残疾人公共服务体系", "促进残疾人就业增收", "推进无障碍环境建设",
                  "保障残疾人平等权利", "夯实残疾人事业发展基础", "提升残疾人康复服务水平", "发展残疾人教育文化事业")
INDICATORS = (("困难残疾人生活补贴覆盖率", "%"), ("重度残疾人护理补贴覆盖率", "%"),
              ("残疾人基本康复服务覆盖率", "%"), ("残疾人辅助器具适配率", "%"),
              ("残疾儿童少年义务教育入学率", "%"), ("城乡残疾人职业技能培训人数", "人次"),
              ("困难重度残疾人家庭无障碍改造数", "户"), ("残疾人城乡居民基本养老保险参保率", "%"),
              ("残疾人城乡居民基本医疗保险参保率", "%"), ("残疾人家庭人均收入年均增长", "%"),
              ("残疾学生接受高中阶段教育比例", "%"), ("残疾人就业率", "%"), ("残疾人文体服务覆盖率", "%"),
              ("规范化残疾儿童康复机构", "家"), ("残疾人专业托养机构", "家"), ("残疾人之家覆盖率", "%"))
PROJECTS = ("残疾人精准康复服务行动", "残疾儿童康复救助", "盲人按摩提升项目", "残疾人辅助性就业推进项目",
            "残疾人公益性岗位项目", "残疾人托养服务补贴", "困难残疾人走访探视服务", "手语盲文推广项目",
            "残疾人家庭无障碍改造项目", "残疾人职业技能提升计划", "残疾人自主创业扶持项目", "残疾人之家建设项目",
            "残疾人文化进家庭活动", "特殊教育学校提升工程", "残疾人健身示范点建设", "残疾人法律援助工作站",
            "残疾人康复人才培养项目", "残疾人辅助器具适配补贴", "残疾人信息无障碍推广项目", "助残志愿服务行动")
NAME_HEAD = "东西南北新安宁和平永长清金云青白红黄石"
NAME_TAIL = "山河城川阳江源丰泉林湖岭桥台溪州港"


@dataclass
class TruthTask:
    section: int  # 1-based section ordinal in the task chapter (0 = appendix)
    no: str
    title: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)


@dataclass
class TruthIndicator:
    no: str
    name: str
    unit: str
    baseline: str | None
    target: str
    attribute: str


@dataclass
class TruthProject:
    column: str
    group: str
    no: str
    title: str


@dataclass
class PlanTruth:
    file: str
    title: str
    region: list[str]
    draft: bool
    tasks: list[TruthTask] = field(default_factory=list)
    indicators: list[TruthIndicator] = field(default_factory=list)
    projects: list[TruthProject] = field(default_factory=list)

    @property
    def units(self) -> list[str]:
        return sorted({u for t in self.tasks for u in t.lead + t.support})


def _cities() -> list[tuple[str, str]]:
    text = resources.files("policykg.loaders.data").joinpath("regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))),
                          delimiter="\t")
    return [(r["name"], r["parent"]) for r in rows if r["level"] == "prefecture-city"]


class PlanWriter:
    """Renders one plan; `rng` decides every choice, so plan i is the same on every machine."""

    def __init__(self, index: int, city: tuple[str, str]) -> None:
        self.i = index
        self.rng = random.Random(1000003 * index + 17)
        self.city, self.province = city
        r = self.rng
        self.level = r.choice("区区区县")
        self.county = r.choice(NAME_HEAD) + r.choice(NAME_TAIL) + self.level
        self.style = {
            "notice": r.random() < 0.7,
            "draft": r.random() < 0.15,
            "table": r.choice(["cells", "cells-no-baseline", "tabs"]),
            # the corpus: 2 of 5 plans name no unit, one each labels, ends with verbs, has an appendix table
            "resp": r.choice(["labelled", "labelled", "verb", "verb", "by", "none", "none", "none", "appendix",
                              "appendix"]),
            "section": r.choice(["full", "half", "damaged", "第一节"]),
            "item": r.choice(["1.", "1、", "1．", "（1）", "(1)", "1）", "①", "一是"]),
            # the printing habits of real plans (see benchmarks/reprint.py): chapter numbering, where
            # the clause stands and in which wording
            "chapter": r.choice(["一、", "一、", "第一章", "第一部分"]),
            "place": r.choice(["end", "end", "half", "after", "line"]),
            "wrap": r.random() < 0.3,
            "box": r.choice(["numbered", "groups", "name-desc"]),
        }
        self.lines: list[str] = []
        self.truth = PlanTruth(file=f"plan_{index:05d}.txt",
                               title=f"{self.city}{self.county}“十四五”残疾人保障和发展"
                                     + ("实施方案" if self.style["draft"] else "规划"),
                               region=[self.city, self.county], draft=self.style["draft"])

    # -- helpers ---------------------------------------------------------------------------------
    def emit(self, text: str = "") -> None:
        if self.style["wrap"] and len(text) > 24 and not text.startswith("\t"):
            width = 21
            for k in range(0, len(text), width):
                self.lines.append(text[k:k + width])
        else:
            self.lines.append(text)

    def units(self, n: int) -> list[tuple[str, str]]:
        """n distinct departments: (canonical label, printed name)."""
        picks = self.rng.sample(DEPARTMENTS, n)
        out = []
        for core, aliases in picks:
            printed = self.rng.choice((core,) + aliases)
            out.append((self.level + core, self.level + printed))
        return out

    def item_no(self, n: int) -> str:
        style = self.style["item"]
        if style == "①":
            return CIRCLED[n - 1]
        if style == "一是":
            return f"{CN[n - 1]}是"
        return style.replace("1", str(n))

    def chapter(self, n: int, title: str) -> str:
        style = self.style["chapter"]
        if style == "一、":
            return f"{CN[n - 1]}、{title}"
        return f"第{CN[n - 1]}{'章' if style == '第一章' else '部分'}\u3000{title}"

    def placed(self, inner: str) -> str:
        """A clause's inner text where this plan prints it: in brackets, half-width brackets,
        unbracketed after the task (parts apart by a full-width space), or on a line of its own."""
        place = self.style["place"]
        if place == "half":
            return f"({inner})"
        if place == "after":
            return "\u3000" + inner.replace("；", "\u3000")
        if place == "line":
            return "\n" + inner
        return f"（{inner}）"

    # -- parts -----------------------------------------------------------------------------------
    def notice(self) -> None:
        y = 2021 + self.rng.randrange(2)
        self.emit(f"{self.city}{self.county}人民政府")
        self.emit(f"{self.county[:2]}政发〔{y}〕{self.rng.randrange(1, 40)}号")
        self.emit(f"关于印发《{self.truth.title}》的通知")
        self.emit("各乡镇人民政府、街道办事处，区政府各部门：")
        self.emit(f"现将《{self.truth.title}》印发给你们，请认真贯彻执行。")
        self.emit(f"{self.city}{self.county}人民政府")
        self.emit(f"{y}年{self.rng.randrange(1, 13)}月{self.rng.randrange(1, 29)}日")
        self.emit()

    def indicator_table(self) -> None:
        r = self.rng
        layout = self.style["table"]
        chosen = r.sample(INDICATORS, r.randrange(9, 15))  # the corpus prints 9-14
        if layout == "tabs":
            self.lines.append("指 标\t2020年\t2025年\t属性")
        elif layout == "cells":
            for c in ("\t指  标", "\t2020年", "\t2025年", "\t属性"):
                self.lines.append(c)
        else:
            for c in ("\t指  标", "\t2025年", "\t属性"):
                self.lines.append(c)
        for k, (name, unit) in enumerate(chosen, 1):
            base_v = r.choice([80, 85.5, 90, 95, 100]) if unit == "%" else r.randrange(50, 500)
            target = r.choice([f"≥{base_v}", f">{base_v}", f"{base_v}", "100"]) if unit == "%" else f"≥{base_v + 50}"
            baseline = None if layout == "cells-no-baseline" else str(base_v)
            attribute = r.choice(["约束性", "预期性"])
            printed_name = f"{k}. {name}（{unit}）"
            if layout == "tabs":
                self.lines.append(f"{printed_name}\t{baseline}\t{target}\t{attribute}")
            else:
                self.lines.append("\t" + printed_name)
                if baseline is not None:
                    self.lines.append("\t" + baseline)
                self.lines.append("\t" + target)
                self.lines.append("\t" + attribute)
            self.truth.indicators.append(TruthIndicator(str(k), name, unit, baseline, target, attribute))
        self.lines.append("")

    def responsibility(self, lead: list[tuple[str, str]], support: list[tuple[str, str]]) -> str:
        style = self.style["resp"]
        names = lambda units: "、".join(p for _, p in units)  # noqa: E731
        if style == "labelled":
            return self.placed("牵头单位：" + names(lead) + ("；责任单位：" + names(support) if support else ""))
        if style == "by":
            return self.placed("由" + names(lead) + "负责" + ("，" + names(support) + "协助" if support else ""))
        if style == "verb":
            # the region prefix is printed on the first unit of each list only
            def elide(units):
                return "、".join(p if k == 0 else p[1:] for k, (_, p) in enumerate(units))
            return self.placed(elide(lead) + "牵头" + ("；" + elide(support) + "按照职能分工负责" if support else ""))
        return ""

    def section_heading(self, n: int, title: str) -> str:
        s = self.style["section"]
        if s == "full":
            return f"（{CN[n - 1]}）{title}"
        if s == "half":
            return f"({CN[n - 1]}){title}"
        if s == "第一节":
            return f"第{CN[n - 1]}节\u3000{title}"
        return f"(){title}"

    def box(self, no: int) -> None:
        r = self.rng
        style = self.style["box"]
        self.emit(f"专栏{no}  {r.choice(['残疾人社会保障重点项目', '残疾人康复服务重点项目', '无障碍重点项目'])}")
        items = r.sample(PROJECTS, r.randrange(3, 10))  # the corpus: 4-9 projects a box
        groups = [("资金类", items[: len(items) // 2 or 1]), ("服务类", items[len(items) // 2 or 1:])]
        if style == "groups":
            for gi, (gname, gitems) in enumerate(groups):
                if not gitems:
                    continue
                self.emit(f"{CN[gi]}、{gname}")
                for k, title in enumerate(gitems, 1):
                    self.emit(f"{k}.{title}。{r.choice(FILLER)}。")
                    self.truth.projects.append(TruthProject(str(no), gname, str(k), title))
        elif style == "name-desc":
            for title in items:
                self.lines.append(f"{title}  {r.choice(FILLER)}。")
                self.truth.projects.append(TruthProject(str(no), "", "", title))
        else:
            for k, title in enumerate(items, 1):
                self.emit(f"{k}.{title}。{r.choice(FILLER)}。")
                self.truth.projects.append(TruthProject(str(no), "", str(k), title))

    def render(self) -> tuple[str, PlanTruth]:
        r = self.rng
        if self.style["notice"]:
            self.notice()
        self.emit(self.truth.title)
        if self.style["draft"]:
            self.emit("（征求意见稿）")
        self.emit(f"为进一步保障残疾人民生，根据《中华人民共和国残疾人保障法》和《{self.city}“十四五”残疾人保障和发展规划》，"
                  "结合实际，制定本规划。")
        self.emit(self.chapter(1, "总体要求"))
        self.emit(self.section_heading(1, "指导思想"))
        self.emit("坚持以人民为中心，推动残疾人事业高质量发展。")
        self.emit(self.chapter(2, "主要指标"))
        self.indicator_table()
        self.emit(self.chapter(3, "重点任务"))
        box_no = 1
        appendix: list[tuple[TruthTask, list, list]] = []
        for s in range(1, r.randrange(5, 10)):  # the corpus: 4-8 sections of tasks
            self.emit(self.section_heading(s, r.choice(SECTION_TOPICS)))
            n_tasks = r.randrange(3, 10)  # the corpus: 41 tasks a plan on average
            box_after = r.randrange(1, n_tasks + 1) if r.random() < 0.8 else 0
            for t in range(1, n_tasks + 1):
                title = r.choice(TASK_VERBS) + r.choice(TASK_TOPICS)
                lead, support = self.units(r.randrange(1, 3)), self.units(r.randrange(2, 7))  # 4-6 units a task
                support = [u for u in support if u[0] not in {x[0] for x in lead}] or support[:0]
                resp = self.responsibility(lead, support)
                body = "。".join(r.sample(FILLER, r.randrange(4, 9)))  # the corpus: 130-420 characters a task
                for k, text in enumerate(f"{self.item_no(t)}{title}。{body}。{resp}".split("\n")):
                    self.emit(text)
                truth = TruthTask(s, str(t), title)
                if self.style["resp"] in ("labelled", "verb", "by"):
                    truth.lead = [c for c, _ in lead]
                    truth.support = [c for c, _ in support]
                self.truth.tasks.append(truth)
                if self.style["resp"] == "appendix":
                    appendix.append((truth, lead, support))
                if t == box_after:
                    self.box(box_no)
                    box_no += 1
        self.emit(self.chapter(4, "保障措施"))
        self.emit(self.section_heading(1, "加强组织领导") + "。各有关部门要加强协作，形成合力。")
        if appendix:
            self.emit("附件：")
            self.emit("重点工作任务分工表")
            for c in ("序号", "重点工作任务", "负责单位", "配合单位"):
                self.lines.append("\t" + c)
            for k, (task, lead, support) in enumerate(appendix[: r.randrange(len(appendix) // 2, len(appendix) + 1)], 1):
                self.lines.append(f"\t{k}")
                self.lines.append(f"\t{task.title}，{FILLER[k % len(FILLER)]}。")
                self.lines.append("\t" + "、".join(c for c, _ in lead))
                self.lines.append("\t" + "、".join(c for c, _ in support))
                self.truth.tasks.append(TruthTask(0, str(k), f"{task.title}，{FILLER[k % len(FILLER)]}",
                                                  [c for c, _ in lead], [c for c, _ in support]))
        return "\n".join(self.lines) + "\n", self.truth


def generate(n: int, out_dir: str | Path) -> list[PlanTruth]:
    """Write n plans and `truth.json` into out_dir; returns the truths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cities = _cities()
    truths = []
    for i in range(n):
        text, truth = PlanWriter(i, cities[(i * 7919) % len(cities)]).render()
        (out / truth.file).write_text(text, encoding="utf-8")
        truths.append(truth)
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in truths], ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    return truths
