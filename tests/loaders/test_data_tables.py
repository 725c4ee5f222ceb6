"""Integrity checks for the data tables in loaders/data (standard library only).

The tables are tab-separated UTF-8 with `#` comment lines before a header row.  The classification
helper below mirrors the loader's documented rule: the department type whose keyword is the LONGEST
substring of the unit name wins; on a tie the earlier row wins; no match at all means `other`.
"""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "loaders" / "data"

TYPES_HEADER = ["code", "label_zh", "label_en", "definition_zh", "definition_en", "keywords"]
ALIASES_HEADER = ["canonical", "alias"]
REGIONS_HEADER = ["name", "short_name", "level", "parent", "code"]

PROVINCIAL_LEVELS = {"province", "autonomous-region", "municipality", "sar"}
PREFECTURE_LEVELS = {"prefecture-city", "prefecture", "autonomous-prefecture", "league"}


def read_table(name):
    """Return (header, rows) of a data table, skipping `#` comment lines and blank lines."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    records = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return records[0], records[1:]


def read_dicts(name, header):
    got, rows = read_table(name)
    assert got == header
    for row in rows:
        assert len(row) == len(header), f"{name}: wrong field count in {row!r}"
        assert all(f == f.strip() for f in row), f"{name}: stray whitespace in {row!r}"
    return [dict(zip(header, row)) for row in rows]


@pytest.fixture(scope="module")
def types():
    return read_dicts("department_types.tsv", TYPES_HEADER)


@pytest.fixture(scope="module")
def aliases():
    return read_dicts("unit_aliases.tsv", ALIASES_HEADER)


@pytest.fixture(scope="module")
def regions():
    return read_dicts("regions.tsv", REGIONS_HEADER)


def classify(unit_name, type_rows):
    """Longest keyword found anywhere in the name wins; ties go to the earlier row; else `other`."""
    best_code, best_len = "other", 0
    for row in type_rows:
        for kw in row["keywords"].split("|"):
            if kw and kw in unit_name and len(kw) > best_len:
                best_code, best_len = row["code"], len(kw)
    return best_code


# ---------------------------------------------------------------------------------------------
# department_types.tsv


def test_types_header():
    assert read_table("department_types.tsv")[0] == TYPES_HEADER


def test_types_codes_unique_and_slugs(types):
    codes = [t["code"] for t in types]
    dupes = [c for c, n in Counter(codes).items() if n > 1]
    assert not dupes
    for c in codes:
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", c), c
    assert "other" in codes
    # the kinds of body county and city plans name, party, government, mass organisations, vertical
    # agencies and enterprises; a bound that catches a table truncated or rows duplicated wholesale
    assert 45 <= len(codes) <= 120


def test_types_have_labels_definitions_keywords(types):
    for t in types:
        for col in ("label_zh", "label_en", "definition_zh", "definition_en"):
            assert t[col].strip(), (t["code"], col)
        kws = t["keywords"].split("|")
        assert kws and all(k.strip() for k in kws), t["code"]
        assert len(kws) == len(set(kws)), t["code"]


def test_keyword_never_under_two_types(types):
    owner = {}
    for t in types:
        for kw in t["keywords"].split("|"):
            assert kw not in owner or owner[kw] == t["code"], f"{kw} in {owner.get(kw)} and {t['code']}"
            owner[kw] = t["code"]


def test_every_type_reachable_by_own_keywords(types):
    # Each keyword, taken as a unit name on its own, classifies to its own type
    # (otherwise a longer or earlier keyword of another type shadows it and it is dead weight).
    for t in types:
        for kw in t["keywords"].split("|"):
            assert classify(kw, types) == t["code"], (kw, t["code"], classify(kw, types))


BRIEF_CASES = [
    ("区残联", "disabled-persons-federation"),
    ("区残疾人联合会", "disabled-persons-federation"),
    ("文化旅游体育局", "culture-tourism"),
    ("区教体局", "education-sports"),
    ("市卫生健康局", "health"),
    ("区医保局", "healthcare-security"),
    ("区人社局", "human-resources-social-security"),
    ("人力资源社会保障局", "human-resources-social-security"),
    ("市社保局", "social-security-fund"),
    ("区政府办公室", "government-office"),
    ("团市委", "youth-league"),
    ("区委网信办", "cyberspace-affairs"),
    ("中国移动乌达分公司", "telecom-enterprise"),
    ("区农牧水务局", "agriculture-rural-affairs"),
    ("区乡村振兴局", "rural-revitalization"),
    ("市政务服务数据管理局", "big-data-government-services"),
    ("薛城公安分局", "public-security"),
    ("区体育事业发展中心", "sports"),
    ("各镇（乡）残联", "disabled-persons-federation"),
    ("兰州市西固区人民政府", "people-government"),
    ("区政府残工委", "government-disability-committee"),
]

MORE_CASES = [
    ("教育体育局", "education-sports"),
    ("区大数据局", "big-data-government-services"),
    ("政务服务局", "big-data-government-services"),
    ("区委宣传部", "publicity-department"),
    ("区委组织部", "organization-department"),
    ("区委政法委", "political-legal-affairs"),
    ("机构编制委员会办公室", "establishment-committee"),
    ("区委编办", "establishment-committee"),
    ("公安局", "public-security"),
    ("消防救援大队", "fire-rescue"),
    ("融媒体中心", "media-center"),
    ("就业服务中心", "employment-service"),
    ("人民检察院", "procuratorate"),
    ("人民法院", "court"),
    ("城市管理综合执法局", "urban-management"),
    ("工信和科技局", "industry-information-technology"),
    ("自然资源局", "natural-resources"),
    ("市场监督管理局", "market-regulation"),
    ("市场监管局", "market-regulation"),
    ("交运局", "transport"),
    ("交通运输局", "transport"),
    ("交通局", "transport"),
    ("发改局", "development-reform"),
    ("发展改革局", "development-reform"),
    ("发展和改革委员会", "development-reform"),
    ("住建局", "housing-urban-rural-development"),
    ("住房和城乡建设局", "housing-urban-rural-development"),
    ("工业和信息化局", "industry-information-technology"),
    ("工信局", "industry-information-technology"),
    ("退役军人事务局", "veterans-affairs"),
    ("税务局", "taxation"),
    ("司法局", "justice"),
    ("信访局", "petitions"),
    ("审计局", "audit"),
    ("科技局", "science-technology"),
    ("妇联", "womens-federation"),
    ("妇女联合会", "womens-federation"),
    ("总工会", "trade-union"),
    ("红十字会", "red-cross"),
    ("应急管理局", "emergency-management"),
    ("医保局", "healthcare-security"),
    ("社保局", "social-security-fund"),
    ("区民政局", "civil-affairs"),
    ("区财政局", "finance"),
    ("市文化广电旅游体育局", "culture-tourism"),
    ("区卫生健康委员会", "health"),
    ("区残疾人工作委员会成员单位", "relevant-departments"),
    ("区政府有关部门", "relevant-departments"),
    ("科学技术协会", "science-technology-association"),
    ("工商业联合会", "federation-industry-commerce"),
    ("公用事业发展中心", "public-utilities"),
    ("中国移动通讯集团广东有限公司连州分公司", "telecom-enterprise"),
    ("区农牧水务局（乡村振兴局）", "agriculture-rural-affairs"),
    ("区政府办公室〈区大数据局〉", "government-office"),
    ("区委宣传部（网络安全应急指挥中心）", "publicity-department"),
    ("各乡镇人民政府", "township-subdistrict"),
    ("某某某", "other"),
]


@pytest.mark.parametrize("name,expected", BRIEF_CASES + MORE_CASES)
def test_classify(types, name, expected):
    assert classify(name, types) == expected


# Every unit named in the responsibility notes (牵头 / 责任单位 / 按照职能分工负责) and in the
# 重点工作任务分工表 of the shared corpus; none may fall to `other`.
CORPUS_UNITS = """
区乡村振兴局 区残联 区民政局 区财政局 区卫健局 区教体局 区交运局 区文旅局 区退役军人事务局 区人社局 区医保局
区应急管理局 区住建局 区委宣传部 区妇联 薛城公安分局 区市场监管局 区工信局 区税务局 区发改局 区总工会
区政府办公室〈区大数据局〉 区体育事业发展中心 区农业农村局 区自然资源局 区委网信办 区司法局 区委组织部 区信访局
团区委 区科技局 区政府残工委 区政府有关部门 区审计局
区农牧水务局（乡村振兴局） 就业服务中心 残疾人联合会 区残疾人联合会 教育局 人力资源和社会保障局 住房和城乡建设局
医疗保障局 公安分局 发展和改革委员会 住房和城乡建设局（交通运输局） 文化旅游体育局 卫生健康委员会 中国移动乌达分公司
中国联通乌达分公司 中国电信乌达分公司 消防救援大队 红十字会 税务局 总工会 人力资源社会保障局 市场监督管理局 妇女联合会
发展改革委 市场监管局 区委宣传部（网络安全应急指挥中心） 融媒体中心 区融媒体中心 区委政法委 信访局 政务服务局 人民检察院
人民法院 城市管理综合执法局 自然资源局分局 工信和科技局 区住房和城乡建设局（交通局） 公用事业发展中心 机构编制委员会办公室
区残疾人工作委员会成员单位 区工商业联合会 科学技术协会 残疾人工作委员会各成员单位 区卫生健康委员会 区教育局 区应急管理局
区财政局 区发展改革委 区文化旅游体育局 区司法局 区住房和城乡建设局 区政务服务局
市民政局 市财政局 市残联 市卫生健康局 市医保局 中国移动通讯集团广东有限公司连州分公司 中国电信股份有限公司连州分公司
中国联通连州分公司 市工业和信息化局 各镇（乡）残联 市社保局 市农业农村局 市应急管理局 市人力资源和社会保障局 市发展改革局
市公安局 市教育局 市妇联 市文化广电旅游体育局 卫生健康局 市司法局 市住房和城乡建设局 市交通运输局 市市场监管局
市政务服务数据管理局 团市委
""".split()


def test_corpus_units_are_typed(types):
    untyped = [u for u in CORPUS_UNITS if classify(u, types) == "other"]
    assert not untyped


# ---------------------------------------------------------------------------------------------
# unit_aliases.tsv


def test_aliases_header():
    assert read_table("unit_aliases.tsv")[0] == ALIASES_HEADER


def test_aliases_consistent(aliases, types):
    pairs = [(a["canonical"], a["alias"]) for a in aliases]
    assert 20 <= len(pairs) <= 80
    assert len(pairs) == len(set(pairs)), "duplicate (canonical, alias)"
    canon_of = {}
    for canonical, alias in pairs:
        assert canonical and alias and canonical != alias
        assert canon_of.setdefault(alias, canonical) == canonical, f"{alias} has two canonicals"
    canonicals = {c for c, _ in pairs}
    assert not canonicals & set(canon_of), "an alias is also a canonical name (chain)"
    for canonical, alias in pairs:
        # merged names must be the same kind of body
        assert classify(canonical, types) == classify(alias, types) != "other", (canonical, alias)


def test_brief_aliases_present(aliases):
    pairs = {(a["canonical"], a["alias"]) for a in aliases}
    for pair in [
        ("残疾人联合会", "残联"),
        ("卫生健康局", "卫健局"),
        ("卫生健康委员会", "卫健委"),
        ("人力资源和社会保障局", "人社局"),
        ("发展和改革局", "发改局"),
        ("发展和改革委员会", "发改委"),
        ("发展和改革委员会", "发展改革委"),
        ("残疾人工作委员会", "残工委"),
        ("委网信办", "委网络安全和信息化委员会办公室"),
    ]:
        assert pair in pairs, pair


def test_a_commission_is_never_merged_with_a_bureau(aliases):
    """发改委 is a commission (委), 发改局 a bureau (局): two bodies, whatever they share."""
    for a in aliases:
        kinds = {name.endswith(("委", "委员会")) for name in (a["canonical"], a["alias"])
                 if name.endswith(("委", "委员会", "局"))}
        assert len(kinds) <= 1, (a["canonical"], a["alias"])


# ---------------------------------------------------------------------------------------------
# regions.tsv


def test_regions_header():
    assert read_table("regions.tsv")[0] == REGIONS_HEADER


def test_regions_unique(regions):
    names = [r["name"] for r in regions]
    assert len(names) == len(set(names)), [n for n, c in Counter(names).items() if c > 1]
    codes = [r["code"] for r in regions if r["code"]]
    assert len(codes) == len(set(codes))


def test_regions_levels_and_parents(regions):
    provincial = {r["name"]: r for r in regions if r["level"] in PROVINCIAL_LEVELS}
    for r in regions:
        assert r["level"] in PROVINCIAL_LEVELS | PREFECTURE_LEVELS, r
        assert r["short_name"], r
        if r["level"] in PROVINCIAL_LEVELS:
            assert r["parent"] == "", r
        else:
            assert r["parent"] in provincial, r
    assert len(provincial) == 34
    by_level = Counter(r["level"] for r in regions)
    assert by_level["province"] == 23
    assert by_level["autonomous-region"] == 5
    assert by_level["municipality"] == 4
    assert by_level["sar"] == 2


def test_regions_codes(regions):
    provincial_code = {r["name"]: r["code"] for r in regions if r["level"] in PROVINCIAL_LEVELS}
    for r in regions:
        if not r["code"]:
            continue
        assert re.fullmatch(r"[1-8]\d{5}", r["code"]), r
        if r["level"] in PROVINCIAL_LEVELS:
            assert r["code"].endswith("0000"), r
        else:
            assert r["code"].endswith("00") and not r["code"].endswith("0000"), r
            assert r["code"][:2] == provincial_code[r["parent"]][:2], r


def test_regions_counts(regions):
    prefectures = [r for r in regions if r["level"] in PREFECTURE_LEVELS]
    assert 320 <= len(prefectures) <= 345
    per_province = Counter(r["parent"] for r in prefectures)
    assert per_province["广东省"] == 21
    assert per_province["浙江省"] == 11
    assert per_province["山东省"] == 16
    assert per_province["江苏省"] == 13
    assert per_province["甘肃省"] == 14
    assert per_province["内蒙古自治区"] == 12


def test_regions_known_rows(regions):
    by_name = {r["name"]: r for r in regions}
    assert by_name["乌海市"]["parent"] == "内蒙古自治区"
    assert by_name["兰州市"]["parent"] == "甘肃省"
    assert by_name["清远市"]["parent"] == "广东省"
    assert by_name["宁波市"]["parent"] == "浙江省"
    assert by_name["枣庄市"]["parent"] == "山东省"
    assert by_name["阿拉善盟"]["level"] == "league"
    assert by_name["延边朝鲜族自治州"]["short_name"] == "延边"
    assert by_name["大兴安岭地区"]["level"] == "prefecture"
    assert "莱芜市" not in by_name
    for city in ("毕节市", "铜仁市", "海东市", "吐鲁番市", "哈密市"):
        assert by_name[city]["level"] == "prefecture-city", city
