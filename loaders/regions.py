"""Which administrative division a plan belongs to, and the divisions above it.

The plan names its own region (兰州市西固区, 乌达区); the parents come from the gazetteer table for
provincial and prefecture-level divisions, and, for a county-level region printed without its city,
from the prefecture-level city the plan's text mentions most (a district plan cites its city's
plan and decisions).  Nothing here knows any particular place.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from policykg.loaders.model import RegionRef
from policykg.loaders.reference import counties, division_level_words, gazetteer

SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "盟", "区", "县",
            "旗")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:" + "|".join(SUFFIXES) + ")")
#: words that end a region prefix even though they contain a suffix character
_NOT_REGION = ("人民政府", "残疾", "关于", "十四五", "十三五", "规划", "发展", "中共", "委")
#: common nouns ending in a region suffix that name no division (青山县社区康复…, 包头市城市无障碍…)
_GENERIC = frozenset(("社区", "城市", "市区", "县区", "县市", "辖区", "园区", "景区", "山区", "牧区", "郊区", "片区",
                      "老区", "灾区", "库区", "街区", "小区", "校区", "新区", "开发区", "示范区", "试验区", "保护区",
                      # a city's areas no division is named (云山市中心城区…规划 is the city's): 城区 and
                      # 老城区 are real districts' names (阳泉市城区, 洛阳市老城区), so they are not here
                      "中心城区", "主城区", "建成区", "核心区", "市辖区"))
#: …and the ones no division's name ends with, however it opens (云山市老旧小区改造规划, 农村牧区, 旅游景区):
#: 城区, 山区, 郊区 and 新区 end real districts' names (东城区, 石景山区), so they are not here
GENERIC_ENDINGS = ("小区", "社区", "牧区", "景区", "园区", "街区", "校区", "库区", "灾区", "老区", "片区")
#: suffixes of the levels the gazetteer holds in full (provincial and prefecture-level): a name so
#: ending that it does not hold is no division (农村地区, 民族地区)
_GAZETTEER_ONLY = ("特别行政区", "自治区", "自治州", "地区", "省", "盟")
#: 全区 / 全市 / 本县: the plan's own region, unnamed (《全区“十四五”…规划》): the issuer names it
#: (全椒县, 本溪市 are regions)
_WHOLE = re.compile("[全本][省市区县旗州盟]")


#: the level words a unit's name opens with (县城市管理局 is 县 + 城市管理局)
_LEVEL_OPENINGS = "省市区县旗州盟"


def _level_before_noun(name: str) -> bool:
    """县城市, 区城市: a level word before a common noun (县城市管理局 is the 县's 城市管理局), no
    division's name.  市中区 and 市北区 are real districts: only a noun no division is named
    (`_GENERIC`) after the level word."""
    return len(name) >= 3 and name[0] in _LEVEL_OPENINGS and name[1:] in _GENERIC


#: the peoples an autonomous division is named after (长阳土家族自治县, 黔东南苗族侗族自治州, 伊犁哈萨克自治州):
#: its name is its place's and theirs, and it is printed by its place's alone (长阳县, 黔东南州).  A
#: people of one character is printed with 族 (大理白族自治州); of more, with or without it (博尔塔拉蒙古自治州)
ETHNIC_GROUPS = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
                 "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
                 "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
                 "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
                 "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_PEOPLE_RE = re.compile("(?:" + "|".join(sorted((g + "族" if len(g) == 1 else g + "族?" for g in ETHNIC_GROUPS),
                                               key=len, reverse=True)) + ")$")
#: an autonomous division's kind and the level word its short form (and its bodies) print
_AUTONOMOUS = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


def autonomous_place(name: str) -> str | None:
    """The place an autonomous division's name opens with, its peoples' names left off
    (长阳土家族自治县 -> 长阳, 黔东南苗族侗族自治州 -> 黔东南, 莫力达瓦达斡尔族自治旗 -> 莫力达瓦; 鄂温克族自治旗,
    named after its people alone, -> 鄂温克); None for a name of no autonomous division."""
    kind = next((k for k, _ in _AUTONOMOUS if name.endswith(k)), None)
    if kind is None:
        return None
    place = name[:-len(kind)]
    while (m := _PEOPLE_RE.search(place)) is not None and m.start() >= 2:
        place = place[:m.start()]
    if place == name[:-len(kind)] and place.endswith("族"):
        place = place[:-1]  # named after its people alone: 鄂温克族自治旗 is 鄂温克旗
    return place if len(place) >= 2 else None


@cache
def short_forms() -> dict[str, str]:
    """An autonomous division printed by its place and level word (长阳县, 黔东南州, 恩施州) -> its
    name (长阳土家族自治县); a short form two divisions share, or a division's own name, is none."""
    found: dict[str, set[str]] = {}
    names = list(gazetteer()) + list(counties())
    for name in names:
        place = autonomous_place(name)
        if place is None:
            continue
        word = next(w for k, w in _AUTONOMOUS if name.endswith(k))
        found.setdefault(place + word, set()).add(name)
    taken = set(gazetteer()) | set(counties())
    return {short: next(iter(full)) for short, full in found.items() if len(full) == 1 and short not in taken}


@cache
def _prefecture_short_forms() -> tuple[str, ...]:
    """The autonomous prefectures' short forms (黔东南州), longest first."""
    return tuple(sorted((s for s in short_forms() if s.endswith("州")), key=len, reverse=True))


def official_name(name: str) -> str:
    """The division's name a printed one stands for: 长阳县 -> 长阳土家族自治县 (else the name)."""
    return short_forms().get(name, name)


def printed_names(name: str) -> tuple[str, ...]:
    """The ways a plan prints a division's name in full, longest first: its name, and an autonomous
    division's short form (长阳土家族自治县, 长阳县)."""
    return (name,) + tuple(short for short, full in short_forms().items() if full == name)


def level_word(name: str) -> str:
    """The word a division's bodies print for its level (县民政局, 旗残联): its name's last character,
    else its kind's word: 自治区 (区 alone is a district's), 地区, 州 of an autonomous prefecture (州民政局),
    and the words the gazetteer's division kinds give (六枝特区: 特区)."""
    if name in division_level_words():
        return division_level_words()[name]
    for suffix, word in (("自治区", "自治区"), ("地区", "地区"), ("特别行政区", "特别行政区")):
        if name.endswith(suffix):
            return word
    return name[-1]


def split_region_names(prefix: str) -> list[str]:
    """'兰州市西固区“十四五”…' -> ['兰州市', '西固区'] (stops at the first non-name).

    The gazetteer holds every provincial and prefecture-level division, so a 区, 县 or 旗 it does not
    hold is county-level, and nothing a plan prints after a county-level name is a division above a
    town (青山县社区康复… is 青山县's, never a district 社区's); a 市 it does not hold may be a city
    it lacks (云山市青溪区), or a county-level city."""
    names: list[str] = []
    pos = 0
    while True:
        # an autonomous prefecture printed by its place (黔东南州): a name no suffix of a division ends
        short = next((s for s in _prefecture_short_forms() if prefix.startswith(s, pos)), None)
        if short is not None:
            names.append(short)
            pos += len(short)
            continue
        m = _NAME_RE.match(prefix, pos)
        if not m:
            break
        name = m.group(0)
        # a common noun no division is named (社区, 园区), unless the county gazetteer holds it under the
        # division printed before it (阳泉市郊区 is a district)
        # (a division of such an ending, 苏州工业园区, 下花园区, is read by its name alone too)
        generic = (name in _GENERIC or (name.endswith(GENERIC_ENDINGS) and name not in counties())) \
            and not (names and names[-1] in places_of(name))
        if len(name) < 2 or any(w in name for w in _NOT_REGION) or _WHOLE.fullmatch(name) or generic \
                or _level_before_noun(name):
            break
        known = name in gazetteer()
        if not known and name.endswith(_GAZETTEER_ONLY):
            break
        if names and names[-1] not in gazetteer() and name == "城区":
            break  # 连州市城区: a county-level city's town, no district (阳泉市城区 is one)
        names.append(name)
        if not known and not name.endswith("市"):
            break  # county-level: the chain ends here (a 市 the gazetteer lacks may still be a city)
        pos = m.end()
    return names


#: a town-level division (镇, 乡 and 民族乡, 街道, a banner's 苏木): the gazetteers hold none, so its name is
#: read from how it ends, printed after its county's (青山县白沙镇, 薛城区常庄街道) or alone (白沙镇)
_TOWN_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道|苏木|镇|乡)")
#: words a town's name never holds: common nouns so ending (城乡, 乡镇, 城镇, 特色小镇, 美丽乡村: the next
#: character is looked at too) and a title's words
_NOT_TOWN = _NOT_REGION + ("城乡", "乡镇", "城镇", "乡村", "村镇", "小镇", "集镇", "乡土", "乡风", "重点镇", "中心镇",
                           "示范镇", "特色", "建设", "服务", "工作", "全镇", "全乡", "各镇", "各乡", "本镇", "本乡",
                           "街道办", "街道社区")
#: characters of a body's name (民政局, 党委, 办事处, 委员会, 派出所) no town's name holds
_BODY_CHARS = "局委办会部厅院所"
#: what a plan's title prints right after its region's name: its five-year ordinal, its years, a quote
#: mark, a bracket, its subject 残疾人 or 国民经济, the government or body issuing it, or nothing
_AFTER_REGION_RE = re.compile(r"$|[\s“\"‘'「『《（(\d]|十[一二三四五六七八九]五|第十|残疾人|国民经济|人民政府|政府|办事处|党委|"
                              r"党工委|关于")


def _named_after(pattern: re.Pattern[str], text: str, names: list[str]) -> re.Match[str] | None:
    """`pattern` matched right after the divisions `names` that `text` opens with, or None."""
    opening = "".join(names)
    return pattern.match(text, len(opening)) if text.startswith(opening) else None


def town_after(text: str, names: list[str]) -> tuple[str, bool] | None:
    """The town-level division `text` names right after the divisions `names` it opens with (as
    `split_region_names` reads them): (青山县白沙镇“十四五”… -> 白沙镇, True).  The flag says whether
    what follows the name reads as what follows a plan's region (“十四五”, 残疾人, 人民政府, the end):
    a name followed by other words (白沙镇养老服务规划) may be a town's or a word so ending, which the
    caller says.  None where no town's name is printed there."""
    m = _named_after(_TOWN_RE, text, names)
    if m is None:
        return None
    name = m.group(0)
    if not names and (name[0] in "省市区县旗州盟" or any(c in name for c in _BODY_CHARS)):
        return None  # 县民政局街道…: a body's words, no town's name
    if any(w in text[m.start():m.end() + 1] for w in _NOT_TOWN) or name in counties() or name in gazetteer():
        return None
    return name, _AFTER_REGION_RE.match(text, m.end()) is not None


#: a community or village below a town (光明社区, 东山村, 东山村委会, 光明社区居委会, a banner's 嘎查): no
#: division the region model holds, named by its own words before its kind
_COMMUNITY_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:社区(?:居民委员会|居委会)?|村(?:村民委员会|民委员会|委会)?|居民委员会|"
                           r"居委会|嘎查)(?=" + _AFTER_REGION_RE.pattern + ")")
#: the word of a community's or village's kind, after its own name
_COMMUNITY_KIND_RE = re.compile(r"社区|村|居民委员会|居委会|嘎查")
#: words that make a community's or village's kind a common noun (农村社区, 城乡社区, 美丽乡村, 和谐社区)
_NOT_COMMUNITY = _NOT_TOWN + ("农村", "城市", "和谐", "智慧", "美丽", "文明", "示范", "数字", "绿色", "平安", "幸福",
                              "宜居", "老旧", "新型", "村庄", "村级", "村组", "行政村", "自然村")


def community_after(text: str, names: list[str]) -> str | None:
    """The community or village `text` names right after the divisions `names` it opens with (a town's
    among them, or a county's alone), followed by what follows a plan's region (“十四五”, 残疾人, the
    end): 薛城区常庄街道光明社区“十四五”… -> 光明社区.  None where none is printed there, or a common noun
    (农村社区, 城乡社区, 社区康复)."""
    m = _named_after(_COMMUNITY_RE, text, names)
    if m is None:
        return None
    name = m.group(0)
    kind = _COMMUNITY_KIND_RE.search(name, 2)
    own = name[:kind.start()] if kind else ""
    if len(own) < 2 or any(w in name[:kind.end()] for w in _NOT_COMMUNITY) or any(c in own for c in _BODY_CHARS) \
            or own[-1] in "省市区县旗州盟镇乡":
        return None
    return name


#: the kinds of zone a plan may be a zone's (开发区, 高新区, 新区, 工业园区, 保税区): a zone is no
#: administrative division, governed by its 管委会 (管理委员会), unless the county gazetteer holds it as one
#: (浦东新区, 滨海新区: districts)
ZONE_KINDS = ("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "开发区", "经开区", "高新区", "新区",
              "工业园区", "产业园区", "综合保税区", "保税区", "综保区")
_ZONE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:" + "|".join(ZONE_KINDS) + ")")
_BARE_ZONE_RE = re.compile("|".join(ZONE_KINDS))


def is_zone(name: str) -> bool:
    """A zone's name, no division's: 宜昌高新区, 湖南湘江新区, 青山经济技术开发区 (浦东新区 is a district)."""
    return (name.endswith(ZONE_KINDS) and len(name) > len(next(k for k in ZONE_KINDS if name.endswith(k)))
            and name not in counties() and name not in gazetteer())


def zone_after(text: str, names: list[str]) -> str | None:
    """The zone `text` names right after the divisions `names` it opens with (青山县经济开发区“十四五”…
    -> 经济开发区; 苏州工业园区“十四五”… -> 苏州工业园区), where what follows it reads as what follows
    a plan's region (“十四五”, 残疾人, 管委会, the end): 青山县经济开发区建设规划 is the county's plan on
    building its zone."""
    pos = len("".join(names))
    if not text.startswith("".join(names)):
        return None
    m = _BARE_ZONE_RE.match(text, pos) if names else None
    # a zone named by its division's name and its kind alone (青山县经济开发区): the two its name
    zone = names[-1] + m.group(0) if m is not None else None
    if m is None:
        m = _ZONE_RE.match(text, pos)
        zone = m.group(0) if m is not None else None
    if m is None or any(w in m.group(0) for w in _NOT_TOWN) or not is_zone(zone):
        return None
    after = text[m.end():]
    if not (_AFTER_REGION_RE.match(after) or after.startswith(("管委会", "管理委员会", "党工委"))):
        return None
    return zone


def zone_place(zone: str) -> RegionRef | None:
    """The division a zone's name opens with, by the gazetteer's name or short name (宜昌高新区 -> 宜昌市,
    湖南湘江新区 -> 湖南省), where one division is so named (the lower level where a city and its province
    share a short name: 吉林高新区 -> 吉林市); None where none is."""
    for k in range(len(zone) - 2, 1, -1):
        head = zone[:k]
        found = [e for name, e in gazetteer().items() if head in (name, e.short_name)]
        lower = [e for e in found if e.level not in PROVINCE_LEVELS] or found
        if len(lower) == 1:
            return _gazetteer_chain(lower[0].name)
        if len(lower) > 1:
            return None
        # a county-level division's name, or its name less its level word (薛城经济开发区: 薛城区), one
        # division so named under one place
        county = [c for c in (head, head + "区", head + "县", head + "市", head + "旗") if len(places_of(c)) == 1]
        if len(county) == 1:
            return resolve_region(county, "")
    return None


def level_of(name: str, parent: RegionRef | None) -> str:
    entry = gazetteer().get(name)
    if entry:
        return entry.level
    if name.endswith("市"):
        return "county-level-city" if parent is not None and parent.level != "municipality" else "city"
    for suffix, level in (("自治县", "autonomous-county"), ("自治旗", "autonomous-banner"),
                          ("区", "district"), ("县", "county"), ("旗", "banner"),
                          ("镇", "town"), ("乡", "township"), ("苏木", "township"), ("街道", "subdistrict")):
        if name.endswith(suffix):
            return level
    return "region"


def gazetteer_chain(name: str) -> RegionRef | None:
    """A provincial or prefecture-level division with the divisions above it, by the gazetteer."""
    return _gazetteer_chain(name)


def _gazetteer_chain(name: str) -> RegionRef | None:
    entry = gazetteer().get(name)
    if entry is None:
        return None
    parent = _gazetteer_chain(entry.parent) if entry.parent else None
    return RegionRef(name=entry.name, level=entry.level, parent=parent, code=entry.code)


#: county-level divisions named by a word any place uses for a part of itself: a direction or a
#: kind of area (城北区, 河西区, 市中区, 老城区, 矿区, 郊区)
_WORD_NAMED = re.compile(r"(?:[城河江湖市山]?[东西南北中]|老城|新城|城关|城|矿|郊|林|港|湖)区")


def county_division(name: str, chain: list[RegionRef]) -> RegionRef | None:
    """A county-level division of the county gazetteer, with the divisions above it: under the one
    of `chain` it stands under (越秀区 beside 广州市's chain), else under its only one (鄂托克旗 under
    鄂尔多斯市 beside 鄂托克前旗's chain, never below that banner; 海淀区 under 北京市) unless its name is
    a word too (`_WORD_NAMED`: 老城区, 矿区, 城北区 in 永新县's plan are as likely parts of 永新县 as
    洛阳市's, 阳泉市's or 西宁市's districts) and it lies in another province, else under the one in
    `chain`'s province; None where that leaves it several (朝阳区 beside 青山县's chain), or none."""
    places = counties().get(name, ())
    own = {node.name: node for node in chain}
    hits = [(own[p], code) for p, code in places if p in own]
    if not hits and len(places) == 1 and (parent := _gazetteer_chain(places[0][0])) is not None \
            and (not chain or not _WORD_NAMED.fullmatch(name) or parent.chain()[0].name == chain[0].name):
        hits = [(parent, places[0][1])]
    if not hits and chain:
        hits = [(parent, code) for p, code in places
                if (parent := _gazetteer_chain(p)) is not None and parent.chain()[0].name == chain[0].name]
    if len(hits) != 1 or hits[0][0] is None:
        return None
    parent, code = hits[0]
    return RegionRef(name=name, level=level_of(name, parent), parent=parent, code=code)


@cache
def abbreviated_division(place: str) -> str | None:
    """The county-level division a place's abbreviation names where exactly one does (莫旗 of
    莫力达瓦达斡尔族自治旗, 达茂旗 of 达尔罕茂明安联合旗, 科右中旗 of 科尔沁右翼中旗), as a name is shortened
    by keeping some of its characters in their order: its first character and its level word kept,
    from a place's name (its peoples' names left off) of three characters or more, longer than
    what is kept.  One character kept only before 旗, a banner's way (莫旗, 克旗): 山区, 苏区, 管区 are
    words, no district's abbreviation.  None for a division's own name or a common noun (园区)."""
    if len(place) < 2 or place in counties() or place in gazetteer() or split_region_names(place) != [place]:
        return None
    word = place[-1]
    if len(place) == 2 and word != "旗":
        return None
    found = []
    for full in counties():
        if full[0] != place[0] or level_word(full) != word:
            continue
        own = autonomous_place(full) or full[:-1]
        rest = iter(full[1:-1])
        if len(own) >= 3 and len(own) > len(place) - 1 and all(ch in rest for ch in place[1:-1]):
            found.append(full)
    return found[0] if len(found) == 1 else None


def _most_mentioned(text: str, exclude: set[str], levels: set[str], among: list[str] | None = None) -> str | None:
    """The division of `levels` the text names most (its full name, or, choosing `among` a county's
    possible parents, its short name too: 湘西州, 岳阳), the first named on a tie."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for name, entry in gazetteer().items():
        if name in exclude or entry.level not in levels or (among is not None and name not in among):
            continue
        n = text.count(name) if among is None else max(text.count(name), text.count(entry.short_name or name))
        if n:
            counts[name] = n
            first[name] = text.find(name)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], first[k], k))


def _province_of(name: str) -> str:
    entry = gazetteer().get(name)
    return entry.parent or entry.name if entry else ""


def places_of(name: str) -> list[str]:
    """The divisions a county-level name stands under, by the county gazetteer (several: 鼓楼区)."""
    return [parent for parent, _ in counties().get(name, ())]


PREFECTURE_LEVELS = {"prefecture-city", "prefecture", "autonomous-prefecture", "league"}
PROVINCE_LEVELS = {"province", "autonomous-region", "municipality", "sar"}


def _parents_of(name: str) -> set[str]:
    """The divisions a division stands under, by the gazetteers."""
    entry = gazetteer().get(name)
    return {p for p, _code in counties().get(name, ())} | ({entry.parent} if entry and entry.parent else set())


def _official_names(names: list[str]) -> list[str]:
    """The printed chain with each autonomous division's short form read as its name (湖北省宜昌市
    长阳县 -> 长阳土家族自治县), where the division printed before it, if any, is the one it stands
    under: 北川县 under 莆田市 is no 北川羌族自治县 (绵阳市's), and stays as printed."""
    out: list[str] = []
    for k, name in enumerate(names):
        official = official_name(name)
        if official != name and k and names[k - 1] not in _parents_of(official):
            official = name
        out.append(official)
    return out


def resolve_region(names: list[str], text: str) -> RegionRef | None:
    """Build the region chain for the plan region named by `names` (outermost first)."""
    if not names:
        return None
    names = _official_names(names)  # 长阳县 is 长阳土家族自治县, 黔东南州 黔东南苗族侗族自治州
    top = names[0]
    parent = _gazetteer_chain(top)
    if parent is not None:
        chain_root = parent
        rest = names[1:]
    else:
        # The outermost printed name is below prefecture level: the division above it is the county
        # gazetteer's, or, where several of its name stand apart (朝阳区: 北京市, 长春市) or it holds
        # none, the one the text names most.
        places = places_of(top)
        if len(places) == 1:
            chain_root = _gazetteer_chain(places[0])
        else:
            city = _most_mentioned(text, set(names), PREFECTURE_LEVELS | PROVINCE_LEVELS, among=places or None)
            if city is None and places:  # 鼓楼区 citing 福建省 only: the one of its places in that province
                province = _most_mentioned(text, set(names), PROVINCE_LEVELS,
                                           among=sorted({_province_of(p) for p in places}))
                city = next((p for p in places if _province_of(p) == province), None) if province else None
            if city is None and not places:
                city = _most_mentioned(text, set(names), PROVINCE_LEVELS)
            chain_root = _gazetteer_chain(city) if city else None
        rest = names
    node = chain_root
    for name in rest:
        code = next((c for parent, c in counties().get(name, ()) if node is not None and parent == node.name), "")
        node = RegionRef(name=name, level=level_of(name, node), parent=node, code=code)
    return node


def speaks_as_town(town: str, text: str) -> bool:
    """Does a plan's text speak as the town's (全镇, 本街道, 我乡, or the town's government by its name:
    白沙镇党委, 常庄街道办事处), as a county's says 全县?  A title's words ending as a town's name
    does (青山县科技下乡“十四五”规划) are no town where the text never does."""
    word = next(w for w in ("街道", "苏木", "镇", "乡") if town.endswith(w))
    return re.search(rf"[全本我]{word}|{re.escape(town)}(?:党委|党工委|人民政府|政府|办事处)", text) is not None


def county_before(town: str, text: str) -> str | None:
    """The county-level division `text` prints right before a town's name, where it names one
    (薛城区白沙镇人民政府 in the signature of 白沙镇's plan -> 薛城区), the one printed most."""
    found: Counter[str] = Counter()
    for m in re.finditer(re.escape(town), text):
        before = text[max(0, m.start() - 12):m.start()]
        # the longest name ending there: 薛城区, never the 城区 its name ends with (a district elsewhere)
        for k in range(len(before), 1, -1):
            if before[-k:] in counties() or official_name(before[-k:]) in counties():
                found[before[-k:]] += 1
                break
    return found.most_common(1)[0][0] if found else None


def region_short_name(region: RegionRef) -> str:
    """'薛城区' -> '薛城', '乌海市' -> '乌海' (how units sometimes prefix themselves)."""
    entry = gazetteer().get(region.name)
    if entry and entry.short_name:
        return entry.short_name
    place = autonomous_place(region.name)  # 长阳土家族自治县 -> 长阳
    if place is not None:
        return place
    word = level_word(region.name)  # 六枝特区 -> 六枝, never 六枝特
    if len(word) > 1 and len(region.name) - len(word) >= 2:
        return region.name[:-len(word)]
    for suffix in SUFFIXES:
        if region.name.endswith(suffix) and len(region.name) - len(suffix) >= 2:
            return region.name[: -len(suffix)]
    return region.name
