"""Resolve printed unit names to one body per region.

A plan prints the same body several ways (区残联 / 区残疾人联合会), drops the region prefix after the
first name of a list (区残疾人联合会、民政局牵头 -> 区民政局), gives a second name in brackets
(区农牧水务局（乡村振兴局）) and sometimes runs two names together (市卫生健康局市残联).  Here each
name becomes a `UnitRef` keyed by (region, canonical core name); the merging rules are the alias
table in loaders/data, not code.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from policykg.loaders.model import RegionRef, UnitRef
from policykg.loaders.reference import classify_department, counties, department_types, gazetteer, unit_aliases
from policykg.loaders.role_vocab import LEAD_LABELS, SUPPORT_LABELS, role_label_in
from policykg.loaders.regions import (GENERIC_ENDINGS, PREFECTURE_LEVELS, PROVINCE_LEVELS, abbreviated_division,
                                      county_division, gazetteer_chain, level_of, level_word, official_name,
                                      places_of, printed_names, region_short_name, split_region_names)
from policykg.loaders.text import normalize

LEVEL_CHARS = "区市县旗省州盟"
#: the levels of a plan's region that stand within a county-level division: a town's, a zone's
_BELOW_COUNTY = ("town", "township", "subdistrict", "zone")
#: the level words of a town-level division of one character (a town's plan: 镇民政办, 乡财政所)
_TOWN_WORDS = "镇乡"
#: how names begin that take no region prefix: collectives, national and party bodies, and the
#: bodies below the plan's region (乡镇卫生院, 村（居）委会 are no 县乡镇卫生院)
UNPREFIXED = ("各", "中国", "全", "国网", "国家", "中共", "中华", "人行", "乡镇", "乡（镇）", "乡(镇)", "村", "社区",
              "街道", "苏木", "嘎查",
              # a body stationed in the region, named by where it is (驻村工作队, 驻县部队, 驻永部队), none of
              # its administration's
              "驻",
              # national enterprises and services whose local offices print no level (中铁二院, 民航贵州监管局,
              # 武警黔北支队, 华润燃气黔北公司)
              "中铁", "中建", "中交", "中核", "中电", "中化", "中粮", "中冶", "中石化", "中石油", "中海油", "国铁", "民航",
              "武警", "华润", "南方电网", "招商局", "解放军", "人民解放军")
#: how a national body's name begins (中国残联, 国家卫生健康委, 全国妇联, 中华全国总工会)
NATIONAL_STARTS = ("中国", "国家", "全国", "中华")
#: how a branch's name ends, which is the local office of a national body (中国移动青山分公司)
BRANCH_ENDINGS = ("分公司", "支公司", "分行", "支行", "分局", "营业部", "办事处", "分中心", "分院")
#: how a department's own sections end (社会救助科, 人事股, 办公室, 社会事务处)
SECTION_ENDINGS = ("科", "股", "室", "处")
#: zones a plan may be a body's of (雄安新区, 长沙经济技术开发区), by how their names end, longest first,
#: and the prefixes their bodies print, the first restored before a name printed without one
ZONE_PREFIXES = (("经济技术开发区", ("经开区", "开发区", "园区")), ("高新技术产业开发区", ("高新区", "开发区", "园区")),
                 ("高新技术开发区", ("高新区", "开发区", "园区")), ("高新区", ("高新区", "园区")), ("经开区", ("经开区", "园区")),
                 ("开发区", ("开发区", "园区")), ("新区", ("新区",)), ("工业园区", ("园区",)), ("示范区", ("示范区",)),
                 ("试验区", ("试验区",)))
#: a prefecture-level area (喀什地区) and the prefix of its bodies (地区林草局)
_PREFECTURE_AREA = "地区"
#: what follows a place's name when it names a place of its own (博白镇, 长沙县, 青山湖…区, 城关街道)
_PLACE_CHARS = "省镇乡县区市州旗盟村街湖山"
#: the kinds of body named after a place as a company is (长沙银行, 长沙供电公司), never its government's
_NAMED_AFTER_PLACES = ("other", "banking-institution", "insurance-institution", "telecom-enterprise",
                       "power-supply", "postal", "tobacco",
                       # a zone named after its place (阿拉善高新技术产业开发区管委会, 长沙经开区管委会)
                       "development-zone")
#: a zone's body (管委会, 管理局) and its zone's name: the words of a zone's kind before its ending
#: (自由贸易试验区, 经济技术开发区, 工业园区, 生态移民示范区 print no place), or a place's name before them
#: (孪井滩生态移民示范区, 三湾改编景区: a zone named after its place, as a town's government is named by
#: its town, whose body keeps its printed name, never the plan's 盟孪井滩…)
_ZONE_BODY_RE = re.compile(r"^(?P<words>[\u4e00-\u9fff]*?)(?:风景名胜区|风景区|旅游区|度假区|景区|示范区|试验区|实验区|先行区|"
                           r"开发区|经开区|高新区|保税区|综保区|工业区|合作区|集中区|集聚区|管理区|保护区|新区|产业园|工业园|园区)"
                           r"(?:管理委员会|管委会|党工委|管理局|管理处)$")
#: the words a zone's kind is made of (what it does, its rank), none a place's name
ZONE_KIND_WORDS = ("高新技术产业", "高新技术", "经济技术", "农业高新技术", "自由贸易", "综合保税", "出口加工", "边境经济",
                   "跨境经济", "循环经济", "现代农业", "农业科技", "现代服务业", "文化旅游", "生态旅游", "旅游度假",
                   "风景名胜", "电子商务", "承接产业转移", "产城融合", "生态移民", "乡村振兴", "国家级", "省级", "市级",
                   "县级", "国家", "经济", "技术", "高新", "产业", "工业", "农业", "科技", "现代", "自贸", "综合",
                   "保税", "边境", "跨境", "合作", "生态", "文化", "旅游", "文旅", "物流", "商贸", "化工", "新材料",
                   "特色", "创新", "创业", "移民", "风景", "全域", "城市", "新型", "示范", "集中", "扶贫", "临空",
                   "临港", "港口", "航空", "健康", "医药", "生物", "制造", "食品", "商务", "总部", "金融", "加工",
                   "开放", "改革", "绿色", "低碳", "能源", "林业", "畜牧", "渔业", "休闲", "度假", "康养", "体育",
                   "红色", "湿地", "森林", "自然", "地质", "智慧", "数字", "信息", "软件", "服务业", "高端", "先进",
                   "新兴", "民营", "台商", "华侨", "国际", "试点", "双创", "人才", "教育", "发展", "融合", "转移")
_ZONE_KIND_WORDS_RE = re.compile("(?:" + "|".join(sorted(ZONE_KIND_WORDS, key=len, reverse=True)) + ")*")


def names_its_zone(name: str) -> bool:
    """Is `name` the body of a zone named after its place (孪井滩生态移民示范区管委会, 三湾改编景区管委会),
    not of one its kind names alone (自由贸易试验区管委会, 经开区管委会, 景区管委会)?"""
    m = _ZONE_BODY_RE.match(name)
    return m is not None and len(words := m.group("words")) >= 2 and not _ZONE_KIND_WORDS_RE.fullmatch(words)


#: how a hall's name ends, which ends as a province's department does (厅) and is none (县政务服务大厅)
HALL_ENDINGS = ("大厅", "餐厅", "展厅", "营业厅", "服务厅", "办事厅", "客厅", "舞厅", "歌厅", "前厅", "门厅", "办公厅")
#: how a school's name ends (a school named after its place keeps its name: 永新中学)
SCHOOL_ENDINGS = ("中学", "小学", "大学", "学校", "学院", "幼儿园", "中专", "职专")
#: how an institution's name ends that a place names as often as its kind does: 莲洲卫生院, 禾川中学,
#: 城南敬老院 (a place's) beside 人民医院, 实验小学, 社会福利院 (the region's, by their kind)
INSTITUTION_ENDINGS = tuple(sorted(("卫生院", "卫生室", "医院", "中学", "小学", "学校", "幼儿园", "敬老院", "福利院",
                                    "养老院", "光荣院", "中心校", "完小"), key=len, reverse=True))
#: the words that say an institution's kind before its ending (人民医院, 第二中学, 特殊教育学校,
#: 中心卫生院, 实验小学, 社会福利院), none a place's name
INSTITUTION_KIND_WORDS = ("人民", "中医", "中西医结合", "中医药", "蒙医", "藏医", "维医", "民族", "妇幼保健", "妇幼",
                          "妇女儿童", "儿童", "精神病", "精神", "传染病", "结核病", "职业病", "皮肤病", "康复", "老年",
                          "口腔", "眼科", "骨科", "肿瘤", "中心", "综合", "社会", "公立", "公办", "民办", "民营", "私立",
                          "荣军", "残疾人", "光荣", "实验", "示范", "特殊教育", "特教", "培智", "启智", "启聪", "启明",
                          "聋哑", "盲人", "聋人", "职业技术", "职业", "技术", "职教", "技工", "师范", "艺术", "成人",
                          "高级", "初级", "完全", "寄宿制", "寄宿", "九年一贯制", "九年制", "十二年一贯制", "一贯制",
                          "农村", "乡村", "城区", "城市", "城镇", "县城", "县直", "机关", "中心城区", "第一", "附属",
                          "失能", "特困", "五保", "供养", "老年病", "慢性病", "地方病", "骨伤", "妇产", "儿科",
                          "中西医", "外国语", "双语", "特殊", "教师进修", "进修", "教师", "工读")
_INSTITUTION_KIND_RE = re.compile(r"(?:" + "|".join(sorted(INSTITUTION_KIND_WORDS, key=len, reverse=True))
                                  + r"|第[一二三四五六七八九十\d]{1,3})+$")


def named_by_its_place(name: str) -> bool:
    """Is `name` an institution named by a place of its own (莲洲卫生院, 禾川中学, 城南敬老院, 莲洲中心小学,
    a town's or village's printed without its level word, or a name of its own, 红星医院), not by its
    kind (人民医院, 第二中学, 特殊教育学校, 卫生学校: the region's, which print its prefix or have it
    restored)?  Its name before the ending, the kind's words after it dropped, is a place's of 2 or 3
    characters: no kind's or department's word (卫生, 体育, 民政), no level (县医院)."""
    ending = next((e for e in INSTITUTION_ENDINGS if name.endswith(e)), None)
    if ending is None:
        return False
    head = _INSTITUTION_KIND_RE.sub("", name[:-len(ending)])
    return 2 <= len(head) <= 3 and head[0] not in LEVEL_CHARS and not head.startswith(COLLECTIVE_STARTS) \
        and _CJK_ONLY_RE.fullmatch(head) is not None and classify_department(head) == "other" \
        and head not in ROLE_ACTORS + NOT_PREFIXES + GRASSROOTS


#: the region of national bodies
NATION = RegionRef("中国", "country")
#: words that begin with a level character without it being a region prefix (市场监督管理局)
NOT_PREFIXES = ("市场", "区域", "县域", "市政工程", "旗帜")
#: characters that end an organisation name; used to split names printed without a separator
UNIT_FINALS = "局委办联会部院心司队所站处室厅府"
#: where two names run together (市卫生健康局市残联; 中国电信青山分公司中国联通青山分公司, a cell's two names
#: joined where the first filled its line of a PDF): after a name's ending, before the next one's level
#: or national opening
_RUN_TOGETHER_RE = re.compile(rf"(?<=[{UNIT_FINALS}])(?=(?:[{LEVEL_CHARS}]|{'|'.join(NATIONAL_STARTS)})"
                              rf"[\u4e00-\u9fff]{{1,}}[{UNIT_FINALS}])")
_BRACKETS = {"（": "）", "(": ")", "〈": "〉", "<": ">", "《": "》"}
#: list separators inside a responsibility clause (brackets are respected by the splitter)
SEPARATORS = set("、，,；;/／ \t\n　")
#: words that set a second body beside the first in a clause (县残联会同县民政局): never inside one name
_WITH_RE = re.compile(r"会同|协同")
#: words that join two names in one list item (县民政局及县残联)
_CONJUNCTION_RE = re.compile("以及|及|和|与")
#: words a clause puts before or after a unit name that are not part of it
LEADING_FUNCTION_WORDS = ("按照职责", "按职责", "会同", "协同", "配合", "负责", "联合", "以及", "由", "及",
                          "和", "与", "请")
TRAILING_WORDS = ("等有关部门", "等相关部门", "等有关单位", "等相关单位", "等部门", "等单位", "等")
#: how the name of an organisation ends (a name that ends otherwise is not taken for one)
ORG_ENDINGS = ("局", "委", "办", "厅", "院", "会", "部", "中心", "公司", "集团", "队", "站", "所", "馆",
               "镇", "乡", "街道", "政府", "处", "室", "科", "署", "行", "社", "团", "校", "联", "协",
               "台", "园", "组", "庭", "军", "司", "办事处", "基地", "医院", "学校", "协会", "单位", "部门",
               "机构", "组织", "企业", "场", "苏木", "人大",
               # schools and works (县第一中学, 县职业中专, 县老年大学, 县污水处理厂)
               "中学", "小学", "大学", "中专", "职专", "厂")
#: verbs plan prose opens a sentence with, which no organisation's name starts with (完善基本养老保险
#: 社会统筹 is no unit 完善基本养老保险社会, 动员全社会共同推进 none 动员全社会)
PROSE_VERBS = ("完善", "加强", "推进", "坚持", "动员", "建立", "健全", "鼓励", "引导", "落实", "开展", "提高",
               "加快", "深化", "强化", "促进", "发挥", "推动", "优化", "扩大", "做好", "全面", "积极", "切实",
               "依托", "通过", "实施", "实行", "形成", "构建")
#: who prose says takes part, ending as an organisation's name may (社会参与。, 残疾人家庭参与。)
NOT_BODIES = ("社会", "全社会", "公众", "群众", "社会公众", "人民群众")
#: who a principle or slogan says does the work, a role and no body (坚持政府主导，社会参与。 / 党委领导、
#: 政府负责、社会协同): the parts of society and the kinds of body a plan names without saying which,
#: run together or not (党委政府, 政府部门), under 各级 or 基层 or not (各级政府负责)
ROLE_ACTORS = NOT_BODIES + ("社会各界", "社会力量", "社会组织", "政府", "党委", "党政", "部门", "政府部门", "市场",
                            "家庭", "个人", "企业", "各方", "多方")
#: who a clause says the units work under (在县委县政府统一领导下，县民政局负责): the setting, no unit
UNDER_LEADERSHIP_RE = re.compile(r"^在[\u4e00-\u9fff、]{2,24}?(?:的)?(?:统一|坚强|直接)?(?:领导|指导|统筹|部署|组织)下$")
#: a clause's role word run into a name: 县民政局为牵头单位 names 县民政局 and its role, not a unit
_ROLE_WORD_RE = re.compile(r"为(?:牵头|配合|责任|主责|主办|协办|参与|承办|实施)(?:单位|部门)$")
#: a role printed after a unit's name inside a list: 责任单位：区残联（牵头）、区民政局
#: (Not tried from inside a run of white space: tried from every space of a long run, a search
#: read the run to its end each time, quadratic; the same for SYMBOL_MARK_RE.)
#: (any lead or supporting label: 区财政局（配合单位）, never a second name 配合单位)
_MARK_LEADS = LEAD_LABELS + ("主责", "负责")
ROLE_MARK_RE = re.compile(r"(?:(?<!\s)|(?!\s))\s*[（(〔［【\[]("
                          + "|".join(sorted(_MARK_LEADS + SUPPORT_LABELS, key=len, reverse=True))
                          + r")[)）〕］】\]]$")
#: a symbol printed after a unit's name to mark it (县民政局*、县残联), which the plan's own note
#: explains (带*的为牵头单位): role "marked", for the clause reader to resolve
SYMBOL_MARKS = "*＊★☆※△▲"
SYMBOL_MARK_RE = re.compile(rf"(?:(?<!\s)|(?!\s))\s*[{SYMBOL_MARKS}]$")
#: a collective of bodies: each of several, not one department (各镇（街道）, 各有关单位)
COLLECTIVE_STARTS = ("各有关", "各相关", "各", "有关", "相关", "其他")
#: level words a collective lists after its first part: 各区、县级市 is one collective
LEVEL_WORDS = ("县级市", "县（市、区）", "县(市、区)", "县区", "市区", "乡镇", "街道", "县", "区", "市",
               "镇", "乡", "旗", "开发区", "园区",
               # a province's plan lists its prefectures' and directly administered cities' (各市、州、直管市)
               "州", "盟", "直管市", "地区")
#: how zones and parts of a region end, which are no division (自由贸易试验区管委会 names no region)
ZONE_ENDINGS = ("开发区", "经开区", "高新区", "保税区", "综保区", "工业区", "试验区", "实验区", "示范区", "先行区", "合作区",
                "集中区", "集聚区", "管理区", "新区", "园区", "保护区", "景区", "名胜区", "旅游区", "度假区", "片区", "城区",
                "社区", "小区", "辖区", "山区", "牧区", "郊区", "市区", "县区", "县市", "库区", "灾区", "老区")
#: how a region's own name ends, when a plan names a district or county as the responsible party
REGION_ENDINGS = ("自治县", "自治旗", "新区", "区", "县", "市", "旗")


#: the longest head of a name white space may cut off it (县, 县财, 县卫生): a web page's &nbsp; or a
#: full-width space printed inside a name (县财&nbsp;政局)
_CUT_HEAD = 4
_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")


#: a town's or a subdistrict's government, named by the town (城关镇人民政府, 青溪街道办事处, 白沙镇)
_TOWN_BODY_RE = re.compile(r"(?![各全本])[\u4e00-\u9fff]{2,8}(?:镇|乡|街道)(?:人民政府|政府|办事处|党委)?")
#: a body a town's level word opens (镇财政所, 镇社会事务办, 街道城管办), not 镇村… (towns and villages)
_TOWN_LEVEL_RE = re.compile(r"(?:镇|街道)(?!村|街|级)[\u4e00-\u9fff]{2,}")
#: a town's body named by its town (禾川镇卫生院, 禾川镇石桥村委会, 城南街道社区卫生服务中心): the town's name,
#: never a word that ends with a town's level character (城乡, 城镇, 小镇, 返乡, 下乡, 家乡; 乡村, 乡镇)
_TOWN_OPENING_RE = re.compile(r"(?![各全本])(?P<town>[\u4e00-\u9fff]{2,7}?(?:(?<![城小])镇|(?<![城返下家故老])乡|街道))"
                              r"(?!村|镇|乡|街|级)(?P<rest>\S{2,})")
#: a village's or a community's committee, named by its village (石桥村委会, 三湾村村民委员会, 城南社区居委会,
#: 城南居委会, 三段地嘎查委员会)
_VILLAGE_BODY_RE = re.compile(r"(?![各全本])[\u4e00-\u9fff]{2,8}?(?:(?:村|社区|嘎查)(?:村民委员会|村委会|居民委员会|居委会|委员会|"
                              r"党支部|党总支)|村民委员会|村委会|居民委员会|居委会)")
#: a place's name alone in a list (城关镇, 雄县, 青溪街道), and the last of such a list with the
#: government they all share (白沙镇人民政府)
_PLACE_NAME_RE = re.compile(r"(?!各)[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|县|区|市|旗|苏木)")
_SHARED_GOVERNMENT_RE = re.compile(r"((?!各)[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|县|区|市|旗|苏木))(人民政府|政府|办事处)")
#: a collective listing the levels of its governments (各区、县（市）人民政府, 各县、市、区政府): its head
#: (各区, 各县、市) and what follows it, a level or the levels' governments
_LEVELS_HEAD_RE = re.compile(r"各[区县市旗](?:、[区县市旗])*")
_LEVELS_TAIL_RE = re.compile(r"[区县市旗](?:[（(][区县市旗、]+[）)])?(?:(?:人民)?政府)?")


def split_unit_list(text: str) -> list[str]:
    """Split '区财政局、教育局，人力资源和社会保障局（医保局）' at separators outside brackets.  A name
    cut by white space alone (县财 政局, 县 残联: the head no organisation's name, the two one) is one
    name: never 县财 and a 县政局 of its own."""
    return list(_split_unit_list(text))


@lru_cache(maxsize=8192)  # a clause's list is split when it is found, attached and its coverage measured
def _split_unit_list(text: str) -> tuple[str, ...]:
    parts: list[str] = []
    spaced: list[bool] = []  # for each part after the first: set apart from the one before by white space only
    depth = 0
    cur = ""
    gap = ""
    for ch in text:
        if ch in _BRACKETS:
            depth += 1
        elif ch in _BRACKETS.values():
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            if cur.strip():
                if parts:
                    spaced.append(not gap.strip(" \t\n\u3000"))
                parts.append(cur.strip())
                gap = ""
            cur = ""
            gap += ch
        else:
            cur += ch
    if cur.strip():
        if parts:
            spaced.append(not gap.strip(" \t\n\u3000"))
        parts.append(cur.strip())
    for k in range(len(parts) - 1, 0, -1):
        head, tail = parts[k - 1], parts[k]
        if spaced[k - 1] and tail[:1] in _BRACKETS and tail[-1:] == _BRACKETS[tail[0]]:
            parts[k - 1:k + 1] = [head + tail]  # 县卫健局 / （县疾控中心）: its other name, on the next line
            continue
        # not a name of its own after it (区残联* 区民政局: a marked lead, then the next name, both
        # opening with the region's level), nor a head printing a mark
        if (spaced[k - 1] and len(head) <= _CUT_HEAD and _CJK_ONLY_RE.fullmatch(head)
                and not tail.startswith(head[0]) and reads_as_unit(head) is not None
                and reads_as_unit(head + tail) is None):
            parts[k - 1:k + 1] = [head + tail]
    shared = _SHARED_GOVERNMENT_RE.fullmatch(parts[-1]) if len(parts) >= 2 else None
    if shared and all(_PLACE_NAME_RE.fullmatch(p) for p in parts[:-1]):
        # 城关镇、青溪镇、白沙镇人民政府: the government each place's name stands for, printed once
        parts = [p + shared.group(2) for p in parts[:-1]] + [parts[-1]]
    k = 0
    while k < len(parts) - 1:  # 各区、县（市）人民政府: one collective, its levels listed
        if _LEVELS_HEAD_RE.fullmatch(parts[k]) and _LEVELS_TAIL_RE.fullmatch(parts[k + 1]):
            parts[k:k + 2] = [parts[k] + "、" + parts[k + 1]]
        else:
            k += 1
    out: list[str] = []
    for p in parts:
        if UNDER_LEADERSHIP_RE.match(p):
            continue
        out.extend(c for s in _run_apart(p) for c in split_conjoined(s))
    return tuple(join_collectives([c for c in (clean_name(p) for p in out) if c and c not in TRAILING_WORDS]))


@cache
def _division_names() -> tuple[str, ...]:
    """The full and short names (贵州省, 贵州; 遵义市, 遵义) of the provincial and prefecture-level
    divisions: a body's name opening with one is that division's or named after it, never the plan
    level's (市贵州电网黔北供电局)."""
    names = {n for e in gazetteer().values() for n in (e.name, e.short_name) if n and len(n) >= 2}
    return tuple(sorted(names, key=len, reverse=True))


#: how an administration's own bodies end (民政局, 发改委, 政府办, 宣传部, 残联, 办公室)
ADMIN_ENDINGS = ("局", "委", "办", "部", "厅", "署", "联", "政府", "办公室")


def prints_its_place(name: str) -> bool:
    """Does a name say whose it is: a level (县民政局, 自治区…), a collective's word (各乡镇), a
    national body's (中国残联, 国家…) or a division's name (青山县民政局, 贵州电网…)?  敬老院, 康复中心
    do not: a facility's kind as often as a body."""
    return (name[:1] in LEVEL_CHARS or name.startswith(COLLECTIVE_STARTS + NATIONAL_STARTS + ("团",))
            or name.startswith(_division_names()) or bool(split_region_names(name)))


def _run_apart(name: str) -> list[str]:
    """'市卫生健康局市残联' -> both: names run together without a separator, split only where each
    piece reads as an organisation (在县委县政府统一领导下 is no 在县委 beside 县政府统一领导下)."""
    pieces = [s for s in _RUN_TOGETHER_RE.split(name) if s]
    if len(pieces) > 1 and any(reads_as_unit(clean_name(s)) is not None for s in pieces):
        return [name]
    if len(pieces) > 1 and _JOINT_OFFICE_RE.match(name):
        return [name]  # 县委县政府督查室: one office of both, never 县委 beside 县政府督查室
    return pieces


#: an office the party committee and the government share (县委县政府督查室, 市委市政府信访局): its name
#: opens with both
_JOINT_OFFICE_RE = re.compile(rf"^([{LEVEL_CHARS}])委\1(?:人民)?政府\S")


def _placeless_branch(name: str) -> bool:
    """A branch's name with less than a place's two characters before its ending (平支行): the rest
    of a name cut at a 和 that was the place's (人行和平支行, 国网和田供电分公司), never a body."""
    ending = next((e for e in BRANCH_ENDINGS if name.endswith(e)), None)
    return ending is not None and len(name) - len(ending) < 2


def split_conjoined(name: str) -> list[str]:
    """'县民政局和县财政局' -> both: names joined by 及/以及/和/与 where each side reads as an
    organisation.  A conjunction inside one name (人力资源和社会保障局, 住房和城乡建设局) has no
    organisation before it, and a collective (各有关部门和单位) stays whole, but for a body before it
    (县红十字会及残疾人工作委员会成员单位: both)."""
    collective = is_collective(name)
    for m in _CONJUNCTION_RE.finditer(name):
        left, right = name[:m.start()], name[m.end():]
        if len(left) < 2 or len(right) < 2 or reads_as_unit(left) is not None or _placeless_branch(right):
            continue
        if collective and (is_collective(left) or not is_collective(right)):
            continue  # 各有关部门和单位 is one collective; 县红十字会及残工委成员单位 a body and one
        # the rest is one organisation or several so joined (县教体局和县民政局和…和县退役军人事务局: the
        # rest, too long for one name, is still read name by name, never 县教体局和县民政局 as one)
        rest = split_conjoined(right)
        if reads_as_unit(right) is None or (len(rest) > 1 and all(reads_as_unit(r) is None for r in rest)):
            return [left, *rest]
    return [name]


#: how the names of the bodies below a county begin (乡镇人民政府, 街道办事处, 村委会): after 各 in a
#: list, each is one of several, as the first is (各乡镇人民政府、街道办事处)
GRASSROOTS = ("乡镇", "乡（镇）", "乡(镇)", "镇", "乡", "街道", "苏木", "嘎查", "村", "社区", "居委会")
#: a collective made of level words alone: the bodies of those regions (各乡镇（街道）, 各苏木乡镇 the
#: townships' governments; 各区、县级市, 各县（市、区） the counties' and districts')
_GRASSROOTS_ONLY = re.compile(r"^(?:乡镇|乡|镇|街道|苏木|嘎查|[（()）、，,])+$")
_REGIONS_ONLY = re.compile(r"^(?:县级市|县区|市区|直管市|地区|县|区|市|旗|州|盟|[（()）、，,])+$")


def join_collectives(names: list[str]) -> list[str]:
    """'各区', '县级市' -> '各区、县级市': the level words after a collective belong to it, and so do
    the bodies below a county after a 各 (各乡镇人民政府、街道办事处: 各 is said of both)."""
    out: list[str] = []
    for name in names:
        if out and is_collective(out[-1]) and (
                name in LEVEL_WORDS or _opens_with_each(out[-1]) and name.startswith(GRASSROOTS)):
            out[-1] = f"{out[-1]}、{name}"
        else:
            out.append(name)
    return out


def _opens_with_each(name: str) -> bool:
    """Does a collective say 各 of the bodies below a county (各乡镇人民政府, 各镇（街道）)?"""
    return name.startswith("各") and name[1:].startswith(GRASSROOTS)


#: a bracket after a name that says how its units work, not a second name: 县医保局（按职责分工）
DUTY_GLOSS_RE = re.compile(r"[（(]\s*(?:按照?职[责能]分工(?:负责|落实)?|按照?职[责能](?:负责)?|分别负责|各负其责|分工负责)"
                           r"\s*[)）]$")


#: how a bracket after a name opens that says what the body's part takes in, not its second name
_GLOSS_WORDS = ("含", "包括", "包含", "不含", "及其", "其中", "下属", "所属", "指导")


def _opens_with_region(name: str, word: str) -> bool:
    """Does `name` open with a region's name that begins with the function word `word`: 和平区民政局
    (天津, 沈阳), 和田市残联, 会同县民政局?  Then the word is the region's: stripped, 和平区民政局 read
    as a body 区平区民政局, silently.  A region of two characters (由区, 及县) is the word before a
    level's prefix: stripped."""
    names = split_region_names(name)
    return bool(names) and name.startswith(names[0]) and names[0].startswith(word) and len(names[0]) >= 3


def leading_function_word(name: str) -> str | None:
    """The clause's function word a printed name opens with (由区司法局: 由), if any."""
    return next((w for w in LEADING_FUNCTION_WORDS if name.startswith(w)), None)


def clean_name(name: str) -> str:
    """A printed unit name without the clause's function words: 由区残联 -> 区残联, 区民政局等 -> 区民政局,
    县医保局（按职责分工） -> 县医保局."""
    name = DUTY_GLOSS_RE.sub("", name.strip(" ，,。.；;:：、")).rstrip()
    if name[:1] in SYMBOL_MARKS and len(name) > 2:
        name = name[1:].lstrip() + name[0]  # ★县民政局: a mark printed before the name, read as after it
    changed = True
    while changed and name:
        changed = False
        for w in LEADING_FUNCTION_WORDS:
            if name.startswith(w) and len(name) > len(w) + 1 and not _opens_with_region(name, w):
                name, changed = name[len(w):], True
        for w in TRAILING_WORDS:
            if name.endswith(w) and len(name) > len(w):
                name, changed = name[:-len(w)], True
    return name.strip()


#: a region's level printed before a collective (县直各有关部门, 县有关部门, 全县各乡镇, 市级有关单位,
#: 区政府有关部门): the collective of that region's bodies
_COLLECTIVE_PREFIX = re.compile(rf"^(?:全?[{LEVEL_CHARS}](?:直|级|政府|委)?)(?=" + "|".join(COLLECTIVE_STARTS) + ")")


def collective_prefix(name: str) -> str:
    """The region level printed before a collective: '县直' of 县直各有关部门, '' of 各有关单位."""
    m = _COLLECTIVE_PREFIX.match(name)
    return m.group(0) if m and len(name) > m.end() + 1 else ""


def is_collective(name: str) -> bool:
    return (name.startswith(COLLECTIVE_STARTS) and len(name) >= 2 or "成员单位" in name
            or bool(collective_prefix(name)))


def _without_alternate(name: str) -> str:
    """'镇（街道）' -> '镇', '区农牧水务局（乡村振兴局）' -> '区农牧水务局'."""
    for o, c in _BRACKETS.items():
        if name.endswith(c) and o in name:
            return name[:name.rfind(o)].strip()
    return name


def ends_as_body(name: str) -> bool:
    """Does a name end as an organisation's or a place's does (县民政局, 各乡镇（街道）, 各县区, 各镇街,
    各地, 有关方面), not as a sentence that opens with a collective's word does (各乡镇要积极, 各乡镇要抓好:
    各 opens both)?"""
    core = _without_alternate(name)
    return core.endswith(ORG_ENDINGS + GRASSROOTS + tuple(LEVEL_CHARS) + ("街", "各地", "方面")) \
        or region_named(core) is not None


def region_named(name: str) -> str | None:
    """The region level word a name ends with, when the name is a region's own (越秀区, 青山县)."""
    core = _without_alternate(name)
    if not 2 <= len(core) <= 8 or core in LEVEL_WORDS or core.endswith(ORG_ENDINGS):
        return None
    if core[0] in LEVEL_CHARS and core[1:] in LEVEL_WORDS or core in LONG_LEVEL_WORDS + ("自治区",):
        return None  # 自治县 alone is a level word (自治县人民政府: the plan's county's), no region's name
    if core.endswith(GENERIC_ENDINGS):
        return None  # 城南社区, 石桥小区, 三湾景区: no division's name, never a region and its government
    return next((e for e in REGION_ENDINGS if core.endswith(e)), None)


#: a public service's telephone number inside a body's name (县120急救指挥中心, 县12345政务服务热线中心,
#: 县110指挥中心): no quantity (120个, 110万元), the only digits a unit's name prints
_SERVICE_NUMBER_RE = re.compile(r"(?<![0-9.])(?:11[09]|12[02]|123\d\d|96\d{3})(?![0-9.])"
                                r"(?=[\u4e00-\u9fff])(?![个家所名人户万亿元年月日次项处座条张辆台套公千米平亩%])")


#: verbs a clause may close a unit's name with that end as a body's name may (组织 as 社会组织 does, 督办
#: as …办): after a whole name (县民政局组织, 县民政局督办) they are no part of it
_VERBS_AFTER_A_NAME = ("组织", "督办", "推动", "推进", "主导", "承担", "主管", "办理", "抓好", "督促", "协调")


@cache  # a plan names the same units again and again
def reads_as_unit(name: str) -> str | None:
    """Why `name` does not read as an organisation, or None when it does.  A name must end as
    organisations end (局 委 办 … 中心 公司 … 镇 街道 政府), be a known alias, a collective
    (各有关单位) or a region acting as a body (越秀区)."""
    if not name:
        return "empty"
    if len(name) > 30:
        return "too long for a unit name"
    if any(ch in name for ch in "。；;:：!?！？\"“”《》") or any(ch.isdigit() for ch in _SERVICE_NUMBER_RE.sub("", name)):
        return "a sentence, not a unit name"
    if _ROLE_WORD_RE.search(name):
        return "a role (为牵头单位), not a unit name"
    for m in _WITH_RE.finditer(name, 2):
        if reads_as_unit(name[:m.start()]) is None and reads_as_unit(name[m.end():]) is None:
            return f"two units joined by {m.group(0)!r}, not one name"
    word = leading_function_word(name)
    if word is not None and not name.startswith("与") and not _opens_with_region(name, word):
        return f"starts with the function word {word!r}"
    if is_collective(name) or region_named(name):
        if not ends_as_body(name) and "成员单位" not in name:
            return "opens as a collective (各…, 县直…) but ends in no organisation's or place's name: a sentence"
        return None
    core = _without_alternate(name)
    label = role_label_in(core)
    if label is not None:  # 牵头单位 read where a unit's name goes ([牵头单位]县民政局): never a 县牵头单位
        return f"a clause's label ({label}), not a unit name"
    if core != name and not name.startswith(COLLECTIVE_STARTS) and not ROLE_MARK_RE.search(name):
        alt = name[len(core):].strip()[1:-1].strip()
        if alt and (reads_as_unit(alt) is not None or alt.startswith(_GLOSS_WORDS)) and alt not in LEVEL_WORDS:
            return f"the bracket after it ({alt}) is no second name"
    if core.endswith("常委") and len(core) > 2:
        return "a standing committee's member (常委): a person, not a body"
    verb = next((w for w in _VERBS_AFTER_A_NAME if core.endswith(w) and len(core) - len(w) >= 3
                 and core[-len(w) - 1] in UNIT_FINALS), None)
    if verb is not None:
        return f"a unit's name and the verb {verb!r} after it, not one name"
    if core.endswith(ORG_ENDINGS):
        if core in NOT_BODIES or core.endswith("家庭"):
            return "a part of society, not an organisation"
        if core.startswith(PROSE_VERBS):
            return f"starts with the verb {next(w for w in PROSE_VERBS if core.startswith(w))!r}: prose, not a unit name"
        return None
    aliases = unit_aliases()
    if any(core.endswith(a) for a in aliases if len(a) >= 2) or _known_keyword(core):
        return None
    return "does not end as an organisation's name does (局, 委, 办, 中心, …)"


@cache
def _opens_a_body_name(word: str) -> bool:
    """Does a body's own name open with `word` (公安局, 公安分局 with 公安, a county's short name too)?"""
    return any(kw.startswith(word) for dt in department_types() for kw in dt.keywords) \
        or any(a.startswith(word) or c.startswith(word) for a, c in unit_aliases().items())


def _known_keyword(name: str) -> bool:
    return any(name == kw or name[1:] == kw for dt in department_types() for kw in dt.keywords
               if len(kw) >= 2 and kw.endswith(ORG_ENDINGS))


def _split_alternate(name: str) -> tuple[str, str]:
    """'区农牧水务局（乡村振兴局）' -> ('区农牧水务局', '乡村振兴局'); other names unchanged."""
    for o, c in _BRACKETS.items():
        if name.endswith(c) and o in name:
            i = name.rfind(o)
            main, alt = name[:i].strip(), name[i + 1:-1].strip()
            if len(main) >= 2 and len(alt) >= 2 and main[-1] in UNIT_FINALS:
                return main, alt
    return name, ""


#: how high a level character's region stands (0 a province, 1 a prefecture, 2 a county)
#: the regions a level character names above a county: (rank, level of a region the plan never names)
_ABOVE = {"省": (0, "province"), "自治区": (0, "autonomous-region"), "市": (1, "city"), "州": (1, "prefecture"),
          "自治州": (1, "autonomous-prefecture"), "盟": (1, "league")}
#: level words of more than one character a body's name may open with (自治县民政局, 特区残联, 林区财政局):
#: the division of the plan's chain whose level they name (自治区 and 地区 have readings of their own)
LONG_LEVEL_WORDS = ("自治州", "自治县", "自治旗", "特区", "林区")


def _home_rank(region: RegionRef) -> int:
    """How high a plan's region stands: 0 a province, 1 a prefecture, 2 a county or below."""
    if region.level in PROVINCE_LEVELS:
        return 0
    return 1 if region.level in PREFECTURE_LEVELS or region.level == "city" else 2


#: how a collective opens whose bodies only the plan's context tells (有关单位: the ones this task concerns)
INDEFINITE_STARTS = ("各有关", "各相关", "有关", "相关", "其他", "其它")


def is_indefinite(name: str) -> bool:
    """Does a collective name bodies only its plan can tell: 有关单位, 县直各有关部门, 其他部门, and
    各成员单位 naming no body whose members they are?  (各乡镇（街道）, 县残工委各成员单位 name the
    same bodies in every plan of their region.)"""
    rest = name[len(collective_prefix(name)):]
    return rest.startswith(INDEFINITE_STARTS) or rest in ("各成员单位", "成员单位", "全体成员单位")


def collective_type(name: str) -> str:
    """The department type of a collective: the kind of its bodies (各镇（乡）残联 a federation's, 各有关
    单位 the collective type), and for one made of level words alone (各乡镇（街道）, 各苏木乡镇,
    各区、县级市) those regions' governments, never 'other'."""
    dept = classify_department(name)
    if dept != "other":
        return dept
    rest = name[len(collective_prefix(name)):]
    rest = next((rest[len(w):] for w in COLLECTIVE_STARTS if rest.startswith(w)), rest)
    if _GRASSROOTS_ONLY.match(rest):
        return classify_department("乡镇人民政府")
    if _REGIONS_ONLY.match(rest):
        return classify_department("人民政府")
    return dept


class UnitResolver:
    """Resolves unit names printed in one plan."""

    def __init__(self, region: RegionRef | None) -> None:
        self.region = region
        # the level restored before a name printed without one (民政局 -> 县民政局); none where the plan names
        # no region: a level it never prints would be invented
        # a zone's bodies print the zone's kind for their prefix (新区财政局, 经开区社会事务局, 园区…)
        self.zone_prefixes: tuple[str, ...] = next(
            (words for ending, words in ZONE_PREFIXES if region is not None and region.name.endswith(ending)), ())
        # (a zone the county gazetteer holds as a division, 浦东新区, 两江新区, restores the division's 区)
        zone_first = self.zone_prefixes[0] if self.zone_prefixes and region and not places_of(region.name) else ""
        # (自治区's bodies print 自治区, 六枝特区's 特区: `level_word`)
        word = level_word(region.name) if region is not None else ""
        # (a town's bodies print its level word: 镇民政办, 乡财政所, 街道办, 苏木…)
        self.level_char = ("" if region is None else zone_first if zone_first
                           else word if word in LEVEL_CHARS + _TOWN_WORDS or len(word) > 1 else "区")
        self._cache: dict[tuple[str, str], UnitRef] = {}
        self._above: dict[str, RegionRef] = {}  # unnamed regions above the plan's, by level character
        # each name's prefix, split once: a plan prints the same names in clause after clause, and
        # the split depends on the name and the plan's region alone
        self._prefixes: dict[str, tuple[str, str, RegionRef | None] | None] = {}
        # the department whose own plan this is (青山县民政局's 工作要点): the body of its sections
        self.home_body: UnitRef | None = None
        self._nearby: dict[str, str] | None = None  # the short names of the counties beside or below it

    # -- prefixes ----------------------------------------------------------------------------
    def _region_for_level(self, char: str) -> RegionRef | None:
        """The plan region, or its ancestor whose name ends with the level character printed; for a
        level above the plan's whose region the plan never names (市民政局 in a county plan that
        names no city), that region known by its relation alone (青山县所在市): never the plan's
        own, where 市民政局 would be one body with 县民政局.  None for a level beside or below the
        plan's own (县民政局 in a 区's plan, copied from a county's template; 区民政局 in a 市's
        plan, some district's): the plan names no such region, and read as the plan's own body it
        would be one node with 区民政局 under two labels (`misplaced` says so, as a gap)."""
        node = self.region
        while node is not None:
            if node.name.endswith(char) and not (char == "区" and node.name.endswith("自治区")):
                return node
            node = node.parent
        if self.region is None:
            return None
        if char not in _ABOVE or _ABOVE[char][0] >= _home_rank(self.region):
            return None  # 县民政局 in a 区's plan, 区民政局 in a 市's: which 县 or 区, the plan does not say
        if char not in self._above:
            self._above[char] = RegionRef(f"{self.region.name}所在{char}", _ABOVE[char][1])
        return self._above[char]

    def split_prefix(self, name: str) -> tuple[str, str, RegionRef | None] | None:
        """(prefix, core, region) when `name` carries its own region prefix, else None."""
        if name not in self._prefixes:
            self._prefixes[name] = self._split_prefix(name)
        return self._prefixes[name]

    def _split_prefix(self, name: str) -> tuple[str, str, RegionRef | None] | None:
        zone = next((w for w in self.zone_prefixes if name.startswith(w) and len(name) > len(w) + 1), None)
        if zone is not None:  # 新区公共服务局 in 雄安新区's plan: the zone's, never 区新区公共服务局
            return zone, name[len(zone):], self.region
        if self.region is not None:
            printed = self._other_division(name) or self._chain_printed(name) or self._abbreviation_printed(name)
            if printed is not None:  # 云山市财政局 in 青溪区's plan: the city's, never 区云山市财政局
                if self._grassroots(printed[1]) or named_by_its_place(printed[1]):
                    # 永新县禾川镇人民政府, 青山县莲洲卫生院: named by its town or place, never 县禾川镇…
                    return "", printed[1], printed[2]
                return printed
            # (a town's or a zone's plan prints its county's bodies by the county's short name too:
            # 薛城公安分局 in 常庄街道's plan is 薛城区's)
            for node in [self.region] + ([self.region.parent] if self.region.level in _BELOW_COUNTY
                                         and self.region.parent is not None else []):
                short = region_short_name(node)
                if name.startswith(short) and len(name) > len(short) + 1 and self._short_prefixes(name, short):
                    return short, name[len(short):], node
            short = region_short_name(self.region)
            named = self._abbreviation_of_another(name) or self._named_below(name) or self._neighbour_named(name)
            if named is not None:
                return named
            if len(short) >= 2 and name.startswith(short):
                return "", name, self.region  # 博白镇人民政府, 长沙银行: named after the region, no prefix
        if self._grassroots(name):
            # 城关镇人民政府, 青溪街道办事处, 禾川镇卫生院: a town's, named by it; 镇财政所, 街道社区服务中心: a
            # town's by its level word (a town's plan, or each town's body in a county's); 石桥村委会 a
            # village's, named by it: never 县城关镇…, 县镇财政所, 县石桥村委会
            return "", name, self.region
        if name.startswith(_PREFECTURE_AREA) and len(name) > 3:  # 地区林草局: the 地区's, never 区地区林草局
            return _PREFECTURE_AREA, name[2:], self._area()
        m = re.match(rf"^团([{LEVEL_CHARS}])委$", name)
        if m:
            return "", name, self._region_for_level(m.group(1))
        if name.startswith("自治区") and len(name) > 4:
            return "自治区", name[3:], self._region_for_level("自治区")
        word = next((w for w in LONG_LEVEL_WORDS if name.startswith(w) and len(name) > len(w) + 1), None)
        if word is not None:
            # 自治县民政局 in 长阳土家族自治县's plan, 特区残联 in 六枝特区's: the division of that level,
            # never a region named 自治县 nor 区特区残联 (none where the plan holds no such division)
            return word, name[len(word):], self._long_level_region(word)
        if name.startswith(("行署", "行政公署")) and (area := self._governed_by_office()) is not None:
            return "", name, area  # 行署残工委办公室: the 地区's (or 盟's) own, printed so, never 地区行署…
        if name[0] in LEVEL_CHARS and len(name) >= 2 and not name.startswith(NOT_PREFIXES):
            return name[0], name[1:], self._region_for_level(name[0])  # 县民政局; 县委 too
        if self._national(name):
            return "", name, NATION
        if name.startswith(_division_names()):  # 贵州电网黔北供电局, 湖南湘江新区管委会: another division's, as printed
            return "", name, self.region
        if name.startswith(UNPREFIXED) or self._names_a_region(name) or names_its_zone(name):
            return "", name, self.region
        if named_by_its_place(name):
            # 莲洲卫生院, 禾川中学: named by its own place, kept as printed, the plan region's body; never
            # 县莲洲卫生院, a name the plan never prints
            return "", name, self.region
        return self._provinces_department(name)

    def _provinces_department(self, name: str) -> tuple[str, str, RegionRef] | None:
        """交通运输厅 in a county's plan: a 厅 is a province's department (its cities' and counties' are 局),
        the province's 省交通运输厅, never a 县交通运输厅 no county has.  Not a hall (政务服务大厅, 营业厅)."""
        if self.region is None or not name.endswith("厅") or name.endswith(HALL_ENDINGS) or len(name) < 3:
            return None
        root = self.region.chain()[0]
        if root is self.region or root.level not in ("province", "autonomous-region"):
            return None
        return level_word(root.name), name, root

    def _chain(self) -> list[RegionRef]:
        """The plan's region and the divisions above it, innermost first."""
        return self.region.chain()[::-1] if self.region is not None else []

    def _long_level_region(self, word: str) -> RegionRef | None:
        """The division of the plan's chain a level word of more than one character names: 自治县 an
        autonomous county (or, above a county, the region known by its relation: 青山县所在自治州),
        特区 and 林区 the division whose bodies print that word (六枝特区; never 碑林区, a district)."""
        if word.startswith("自治"):
            return self._region_for_level(word)
        return next((n for n in self._chain() if level_word(n.name) == word), None)

    def _governed_by_office(self) -> RegionRef | None:
        """The 地区 or 盟 of the plan's chain, governed by a 行政公署 (行署)."""
        return next((n for n in self._chain() if n.name.endswith(("地区", "盟"))), None)

    def abbreviated(self, place: str) -> RegionRef | None:
        """The division of the plan's chain a place's name abbreviates, as a name is shortened by
        keeping some of its characters in their order (鄂前旗 of 鄂托克前旗, 莫旗 of 莫力达瓦达斡尔族自治旗):
        its first character and its level word kept, and no division of its own (鄂托克旗 is one)."""
        if len(place) < 2 or place in counties() or place in gazetteer() or split_region_names(place) != [place]:
            return None
        for node in self._chain():
            full, word = node.name, level_word(node.name)
            if len(place) >= len(full) or place[0] != full[0] or not place.endswith(word) or len(word) > 1:
                continue
            rest = iter(full[1:-1])
            if all(ch in rest for ch in place[1:-1]):
                return node
        return None

    def _abbreviation_printed(self, name: str) -> tuple[str, str, RegionRef] | None:
        """鄂前旗民政局 in 鄂托克前旗's plan: the banner's, printed by its name's abbreviation."""
        for k in range(2, min(len(name) - 1, 8)):
            if name[k - 1] in LEVEL_CHARS and (node := self.abbreviated(name[:k])) is not None \
                    and reads_as_unit(name[k:]) is None:
                if classify_department(name[k:]) in _NAMED_AFTER_PLACES:
                    return "", name, node  # 贵安新区开发投资有限公司: a company named after the place
                return name[:k], name[k:], node
        return None

    def _neighbour_named(self, name: str) -> tuple[str, str, RegionRef] | None:
        """泰和人民医院, 泰和民政局 in 永新县's plan: a body of a county beside the plan's (or below it, in a
        city's plan) printed by its short name, that county's, never 县泰和人民医院; a company or a
        school named after it (井冈山大学 is in 吉安市) as printed, as a body named by another division is.
        Not where a body's own name opens so (公安局 beside 公安县), nor a town's (泰和镇…)."""
        if name.startswith(UNPREFIXED):
            return None
        nearby = self._nearby_short_names()
        for k in range(2, min(len(name) - 1, 6)):
            head, rest = name[:k], name[k:]
            # (a head opening with a level character is that level's prefix: 市中医院, 市中心医院 are
            # the city's, never 市中区's)
            if head in nearby and head[0] not in LEVEL_CHARS and rest[0] not in _PLACE_CHARS \
                    and reads_as_unit(rest) is None \
                    and not is_collective(rest) and not _opens_a_body_name(head) \
                    and classify_department(rest) != "other":  # a body the county has (红旗渠管理处: no 红旗区's)
                if classify_department(rest) in _NAMED_AFTER_PLACES or rest.endswith(SCHOOL_ENDINGS):
                    return "", name, self.region  # 井冈山大学, 泰和农商银行: named after it, as printed
                region = county_division(nearby[head], self.region.chain())
                return (head, rest, region) if region is not None else None
        return None

    def _nearby_short_names(self) -> dict[str, str]:
        """The short names (泰和) of the county-level divisions under the plan's region or beside it
        (under its parent), the plan's own left out; a short name two of them share is none."""
        if self._nearby is None:
            parents = {self.region.name} | ({self.region.parent.name} if self.region.parent else set())
            found: dict[str, set[str]] = {}
            for full, places in counties().items():
                if full != self.region.name and any(p in parents for p, _ in places):
                    short = region_short_name(RegionRef(full, level_of(full, None)))
                    if 2 <= len(short) < len(full):
                        found.setdefault(short, set()).add(full)
            self._nearby = {short: next(iter(fulls)) for short, fulls in found.items() if len(fulls) == 1}
        return self._nearby

    def _other_division(self, name: str) -> tuple[str, str, RegionRef] | None:
        """湖南省民政厅, 赣州市民政局, 江西省赣州市民政局 in 永新县's plan: the body of a division the name
        prints in full, the gazetteer's, outside the plan's chain: that division's, never the plan's
        nor a region invented below it (永新县/赣州市), nor its province's 省赣州市民政局."""
        names = split_region_names(name)
        head = "".join(names)
        if not names or not name.startswith(head) or reads_as_unit(rest := name[len(head):]) is not None \
                or is_collective(rest) or len(rest) < 2:
            return None
        last = names[-1]
        if any(last in printed_names(node.name) for node in self._chain()):
            return None  # 吉安市永新县民政局: the plan's own chain (_chain_printed)
        official = official_name(last)  # 黔东南州: 黔东南苗族侗族自治州
        # a county printed after the divisions above it (北京市朝阳区民政局) stands under them, whatever the
        # plan's chain: 朝阳区 is the name of several, 北京市 says which
        above = [node for n in names[:-1] if (node := gazetteer_chain(official_name(n))) is not None]
        region = gazetteer_chain(official) if official in gazetteer() else county_division(
            official, above[-1].chain() if above else self.region.chain())
        return (head, rest, region) if region is not None else None

    def _abbreviation_of_another(self, name: str) -> tuple[str, str, RegionRef] | None:
        """莫旗残联 in 鄂托克前旗's plan: the body of another division printed by its name's abbreviation
        (莫力达瓦达斡尔族自治旗's), that division's, never the plan's 旗莫旗残联."""
        for k in range(2, min(len(name) - 1, 8)):
            if name[k - 1] in LEVEL_CHARS and (full := abbreviated_division(name[:k])) is not None \
                    and reads_as_unit(name[k:]) is None \
                    and (region := county_division(full, self.region.chain())) is not None:
                return name[:k], name[k:], region
        return None

    def _grassroots(self, name: str) -> bool:
        """Is `name` a town's or a village's body, named by its town or village (or a town's level word)?"""
        return bool(_TOWN_BODY_RE.fullmatch(name) or _TOWN_LEVEL_RE.match(name) or self._town_opens(name)
                    or (_VILLAGE_BODY_RE.fullmatch(name) and name[0] not in LEVEL_CHARS))

    @staticmethod
    def _town_opens(name: str) -> bool:
        """禾川镇卫生院, 禾川镇石桥村委会: a town's body, named by its town (never 县禾川镇卫生院)."""
        m = _TOWN_OPENING_RE.match(name)
        return m is not None and not name.startswith(NOT_PREFIXES) and name[0] not in LEVEL_CHARS \
            and reads_as_unit(m.group("rest")) is None

    def _chain_printed(self, name: str) -> tuple[str, str, RegionRef] | None:
        """The division of the plan's chain a name opens by printing it in full (云山市财政局, 长阳县
        民政局 for 长阳土家族自治县's), after the divisions above it where printed too (北京市朝阳区
        温馨家园管理中心 in 朝阳区's plan: 朝阳区's, never 北京市's 市朝阳区…)."""
        pos, hit = 0, None
        for node in self.region.chain():  # outermost first
            form = next((f for f in printed_names(node.name) if name.startswith(f, pos)
                         and len(name) > pos + len(f) + 1), None)
            if form is not None:
                pos, hit = pos + len(form), node
        return (name[:pos], name[pos:], hit) if hit is not None else None

    def _short_prefixes(self, name: str, short: str) -> bool:
        """Does the region's short name open `name` as its prefix (薛城民政局 in 薛城区's plan), not as
        the first word of another name: a place below or beside it (博白镇人民政府, 长沙县财政局,
        岳阳楼区住建局, 青山湖风景区管委会) or a company named after it (长沙银行)?"""
        rest = name[len(short):]
        if rest.endswith(SCHOOL_ENDINGS):
            return False  # 永新中学, 薛城实验小学: a school named after its place, as a company is, never 县中学
        if rest[0] in _PLACE_CHARS or any(region_named(name[:k]) for k in range(len(short) + 1, min(len(name), 9))):
            return False
        return classify_department(rest) not in _NAMED_AFTER_PLACES

    def _area(self) -> RegionRef | None:
        """The 地区 (a prefecture-level area, 喀什地区) of the plan or above it."""
        node = self.region
        while node is not None and not node.name.endswith(_PREFECTURE_AREA):
            node = node.parent
        return node

    def _national(self, name: str) -> bool:
        """中国残联, 国家卫生健康委, 全国妇联: a national body, the country's, never the plan region's.
        Not a body that names a region or is a branch (国家税务总局青山县税务局, 中国移动青山分公司)."""
        if not name.startswith(NATIONAL_STARTS) or self._names_a_region(name) or name.endswith(BRANCH_ENDINGS):
            return False
        rest = name
        for word in NOT_PREFIXES:
            rest = rest.replace(word, "")
        return not any(ch in LEVEL_CHARS for ch in rest)

    def _named_below(self, name: str) -> tuple[str, str, RegionRef] | None:
        """越秀区民政局 in 广州市's plan: (越秀区, 民政局, 越秀区 below the plan's region) - a body of a
        region the name prints in full, never 市越秀区民政局."""
        if name.startswith(UNPREFIXED):
            return None
        for k in range(3, min(len(name) - 1, 9)):
            head, rest = name[:k], name[k:]
            if (head[-1] in "区县旗市" and region_named(head) and not head.endswith(ZONE_ENDINGS)
                    and split_region_names(head) == [head]
                    # a head opening with a level character is that level's prefix before a part of
                    # the region (县灌区管理局, 县西区供水公司: the county's, no region 县灌区), unless
                    # the gazetteer holds it as a division (市中区民政局 in 济南市's plan)
                    and (head[0] not in LEVEL_CHARS or head in counties())
                    and reads_as_unit(rest) is None and not is_collective(rest)):
                # a division the county gazetteer holds is under the division it stands under
                # (鄂托克旗 in 鄂托克前旗's plan is 鄂尔多斯市's, no part of the plan's banner); one it
                # does not hold, below the plan's region; a name several divisions bear, none of them
                # in the plan's chain or its province (朝阳区 in 薛城区's plan), under none: its chain
                # stops there (`unplaced` says so), never below the plan's region
                placed = county_division(head, self.region.chain())
                if placed is None and (len(places_of(head)) > 1 or head in counties()
                                       or abbreviated_division(head) is not None):
                    # a division the gazetteer holds elsewhere, by its name or its abbreviation (城北区,
                    # 达茂旗 in 永新县's plan): where, the plan does not say; never below its region
                    placed = RegionRef(head, level_of(head, None), None)
                return head, rest, placed or RegionRef(head, level_of(head, self.region), self.region)
        return None

    def _names_a_region(self, name: str) -> bool:
        """Does a name carry a region's name inside it (国网青山县供电公司, 人行青山县支行)?  Then no
        prefix is restored in front of it.  The full name counts wherever it stands; the short one
        (青山) only in the local office of a national body (国网青山供电公司, 人行青山支行), never by
        chance across two words: 和城区's short 和城 is inside 住房和城乡建设局, which took no prefix."""
        if self.region is None:
            return False
        full, short = self.region.name, region_short_name(self.region)
        if len(full) >= 2 and full in name:
            return True
        return (len(short) >= 2 and short in name
                and (name.startswith(UNPREFIXED + NATIONAL_STARTS) or name.endswith(BRANCH_ENDINGS)))

    def misplaced(self, name: str, hint: str | None = None) -> str | None:
        """Why a name that reads as a unit has no region in this plan, or None: its level (printed,
        or restored from the list's first name, `hint`) is neither the plan region's nor one above
        it.  Never re-prefixed: a 区's plan printing 县民政局 does not say it means its own 区民政局."""
        if self.region is None or self._region_body_name(name) is not None:
            return None
        if is_collective(name):
            char = collective_prefix(name).lstrip("全")[:1]
            if not char or self._region_for_level(char) is not None:
                return None
            return (f"its level {char} is neither {self.region.name}'s own nor one above it, and the plan "
                    f"names no such {char}: not read as {self.region.name}'s bodies")
        main = _split_alternate(name)[0]
        got = self.split_prefix(main)
        if got is None:
            char = hint or ""
        elif (league := re.match(rf"^团([{LEVEL_CHARS}])委$", main)) is not None:
            char = league.group(1)  # 团区委 in a 县's plan
        else:
            char = got[0]
        if char in LONG_LEVEL_WORDS and self._long_level_region(char) is None:
            pass  # 特区民政局 in a city's plan: which 特区, the plan does not say
        elif len(char) != 1 or char not in LEVEL_CHARS or self._region_for_level(char) is not None:
            return None
        return (f"its level {char} is neither {self.region.name}'s own nor one above it, and the plan names "
                f"no such {char}: not read as {self.region.name}'s body (a name copied from another "
                f"level's plan?)")

    def unplaced(self, name: str, unit: UnitRef) -> str | None:
        """Why `unit`, read from `name`, stands under no division, or None: it opens with the name of
        several county-level divisions (朝阳区民政局 in 薛城区's plan: 北京市's and 长春市's), none of them
        in the plan's chain or its province, or of one in another province by a word (城北区), and prints
        none above it."""
        region = unit.region
        if self.region is None or unit.collective or region is None or region.parent is not None \
                or self._in_chain(region):
            return None
        places = places_of(region.name)
        if len(places) >= 2:
            return (f"{region.name} is the name of divisions under {'、'.join(places)}, none of them "
                    f"{self.region.name}'s nor printed with it: {name} is placed under none of them (its region's "
                    f"chain stops at {region.name})")
        if region.name not in counties() or not places:
            return None
        # a division the county gazetteer holds in another province, by a name that is a word too (城北区
        # in a 江西 plan): where, the plan does not say
        return (f"{region.name} is the name of a division under {places[0]}, not in {self.region.name}'s "
                f"province, and the plan prints nothing above it: {name} is placed under no division (its "
                f"region's chain stops at {region.name})")

    def prefix_of(self, name: str) -> str | None:
        """The printed region prefix of a name (for restoring it on later names of a list)."""
        got = self.split_prefix(_split_alternate(name)[0])
        return got[0] if got and got[0] else None

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, printed: str, prefix_hint: str | None = None) -> UnitRef:
        """Resolve one printed name; `prefix_hint` restores an elided region prefix."""
        printed = printed.strip()
        key_in = (printed, prefix_hint or "")
        if key_in in self._cache:
            return self._cache[key_in]
        ref = self._collective(printed) or self._region_body(printed) or self._section(printed) \
            or self._body(printed, prefix_hint)
        self._cache[key_in] = ref
        return ref

    def _section(self, printed: str) -> UnitRef | None:
        """社会救助科, 办公室, 人事股 in a department's own plan: a section of that department
        (县民政局社会救助科), never a body of the region (县社会救助科, 县办公室)."""
        home = self.home_body
        if home is None or not printed.endswith(SECTION_ENDINGS) or self.split_prefix(printed) is not None:
            return None
        label = home.label + printed
        return UnitRef(key=home.key + printed, label=label, region=home.region, dept_type=home.dept_type,
                       alt_labels=(printed,))

    def _in_chain(self, region: RegionRef) -> bool:
        """Is `region` the plan's or one above it (whose bodies the plan prints by level: 市财政局)?"""
        node = self.region
        while node is not None:
            if node is region:
                return True
            node = node.parent
        return False

    def _label_word(self, region: RegionRef) -> str:
        """The level word a body of a division of the plan's chain is labelled with (县, 州 of an
        autonomous prefecture, 自治区, 特区), '' where it prints none of its own (a zone's)."""
        if region is self.region:
            return self.level_char if self.level_char in LEVEL_CHARS + _TOWN_WORDS or len(self.level_char) > 1 else ""
        word = level_word(region.name)
        return word if word in LEVEL_CHARS or len(word) > 1 else ""

    def _home(self) -> RegionRef:
        return self.region or RegionRef("", "")

    def _collective(self, printed: str) -> UnitRef | None:
        """各镇（街道）, 各有关单位, 各区、县级市: one collective mention, not split and not prefixed."""
        if not is_collective(printed):
            return None
        key = printed
        region = self._home()
        prefix = collective_prefix(printed)
        if prefix:  # 县直各有关部门: the collective of that level's bodies, printed as it is
            region = self._region_for_level(prefix.lstrip("全")[0]) or region
        elif "成员单位" in key:  # the members of a body: 区残工委各成员单位 = 残工委成员单位
            got = self.split_prefix(key)
            key = (got[1] if got else key).replace("各成员单位", "成员单位")
        alts = (printed,) if printed != key else ()
        return UnitRef(key=key, label=key, region=region, dept_type=collective_type(printed),
                       alt_labels=alts, collective=True, plan_only=is_indefinite(printed))

    @staticmethod
    def _region_body_name(printed: str) -> str | None:
        """越秀区 / 越秀区人民政府 / 锡林郭勒盟行政公署 -> the region a name that is a region's
        government names (a 盟's or a 地区's government is its 行政公署)."""
        name = printed
        for suffix in ("人民政府", "行政公署", "政府"):
            if name.endswith(suffix) and region_named(name[:-len(suffix)]):
                name = name[:-len(suffix)]
        return name if region_named(name) is not None else None

    def _region_body(self, printed: str) -> UnitRef | None:
        """A region named as the responsible party (越秀区 in a city's plan): its government."""
        name = self._region_body_name(printed)
        if name is None:
            return None
        home = self.region
        own = next((n for n in self._chain() if name in printed_names(n.name)), None)
        if home is not None and name in (home.name, region_short_name(home)):
            region = home
        elif own is not None:  # 长阳县 in 长阳土家族自治县's plan, 恩施州 in one of its counties'
            region = own
        elif (short := self.abbreviated(name)) is not None:  # 鄂前旗 in 鄂托克前旗's plan
            region = short
        else:
            region = self._division_named(name) or RegionRef(name, level_of(name, home), home)
        alts = (printed,) if printed != name else ()
        return UnitRef(key="人民政府", label=name, region=region, dept_type="people-government",
                       alt_labels=alts)

    def _division_named(self, name: str) -> RegionRef | None:
        """The division a region's name (printed as a body: 峄城区, 海淀区, 北京市朝阳区) is by the
        gazetteers, under the divisions printed before it, else the one of the plan's chain or province
        it stands under, else its only one; a name several bear and none of these picks (朝阳区 in
        薛城区's plan) under none (its chain stops there: `unplaced`); None for one they do not hold."""
        names = split_region_names(name)
        if not names or "".join(names) != name:
            return None
        official = official_name(names[-1])
        if official in gazetteer():
            return gazetteer_chain(official)
        if official not in counties():
            return None
        above = [node for n in names[:-1] if (node := gazetteer_chain(official_name(n))) is not None]
        placed = county_division(official, above[-1].chain() if above else self.region.chain() if self.region else [])
        if placed is None and len(places_of(official)) > 1:
            placed = RegionRef(official, level_of(official, None), None)
        return placed

    def _body(self, printed: str, prefix_hint: str | None) -> UnitRef:
        main, alt = _split_alternate(printed)
        got = self.split_prefix(main)
        if got is None:
            prefix = prefix_hint if prefix_hint is not None else self.level_char
            core, region = main, self._region_for_level(prefix) if prefix in LEVEL_CHARS else self.region
        else:
            prefix, core, region = got
            if prefix in self.zone_prefixes and prefix != self.level_char:
                prefix = self.level_char  # 新区财政局 in 浦东新区's plan: its 区财政局, one label for one body
            elif (region is not None and len(prefix) > 1 and self._in_chain(region)
                    and (level := self._label_word(region)) and prefix != level):
                # 青山县民政局 is the body the plan also prints 县民政局, 自治县民政局 the one it prints
                # 县民政局: one label for one body (the printed name an alternative), never two preferred labels
                prefix = level
        canonical = unit_aliases().get(normalize(core), unit_aliases().get(core, core))
        label = f"{prefix}{canonical}"
        alts = []
        if printed != label:
            alts.append(printed)
        if alt:
            alt_prefix = prefix if alt[0] not in LEVEL_CHARS else ""
            alts.append(f"{alt_prefix}{alt}")
        dept = classify_department(label)
        if dept == "other" and alt:
            dept = classify_department(alt)
        return UnitRef(key=canonical, label=label, region=region or self._home(),
                       dept_type=dept, alt_labels=tuple(dict.fromkeys(alts)))

    def resolve_names(self, text: str, prefix_hint: str | None = None
                      ) -> tuple[list[tuple[str, UnitRef, str | None]], list[tuple[str, str]]]:
        """The units of a list such as '区残疾人联合会、民政局' (the first's region prefix restored on
        the rest), as (printed name, unit, role printed after it: 区残联（牵头） -> lead, 区残联* ->
        'marked*', else None);
        and the names that do not read as organisations, as (printed name, why) - never units."""
        refs: list[tuple[str, UnitRef, str | None]] = []
        rejected: list[tuple[str, str]] = []
        hint = prefix_hint
        for name in split_unit_list(text):
            mark = ROLE_MARK_RE.search(name)
            role = None
            if mark:
                name = name[:mark.start()]
                role = "lead" if mark.group(1) in _MARK_LEADS else "support"
            elif (symbol := SYMBOL_MARK_RE.search(name)) is not None:
                name, role = name[:symbol.start()], "marked" + name[-1]
            why = reads_as_unit(name)
            if why is None and name in ORG_ENDINGS:
                # (政府为主，部门协同): a kind of body alone names none (never 县部门, 县学校)
                why = "a kind of body alone, no body's name"
            if why is not None:
                rejected.append((name, why))
                continue
            own = self.prefix_of(name) if not is_collective(name) else None
            if own is not None and own in LEVEL_CHARS and name.startswith(own):  # printed, not restored (交通运输厅)
                hint = own  # before the level is checked: 县残联、民政局 in a 区's plan, both the 县's
            why = self.misplaced(name, hint)
            if why is not None:
                rejected.append((name, why))
                continue
            refs.append((name, self.resolve(name, hint), role))
        return refs, rejected

    def resolve_list(self, text: str, prefix_hint: str | None = None) -> list[UnitRef]:
        """The units of a list (names that do not read as organisations left out)."""
        return [ref for _, ref, _ in self.resolve_names(text, prefix_hint)[0]]
