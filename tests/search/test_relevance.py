"""Expected top hit for realistic readers' queries, 简体 and 繁體, on the backend in use
(SQLite by default; run again with DATABASE_URL=postgres://… for PostgreSQL)."""

import pytest

from kb.search.backends import search
from kb.search.models import Synonym
from tests.search.corpus import build_corpus

QUERIES = [
    ("借唄逾期會怎樣", "jiebei-yuqi-houguo"),
    ("借呗逾期有什么后果", "jiebei-yuqi-houguo"),
    ("征信不良记录保留几年", "buliang-jilu-baoliu-duojiu"),
    ("徵信不良記錄保留幾年", "buliang-jilu-baoliu-duojiu"),
    ("暴力催收", "baoli-cuishou-zenme-ban"),
    ("暴力催收怎麼辦", "baoli-cuishou-zenme-ban"),
    ("砍头息", "kantouxi-zenme-suan"),
    ("信用卡逾期", "xinyongka-yuqi-houguo"),
    ("信用卡逾期會怎樣", "xinyongka-yuqi-houguo"),
    ("花唄逾期了怎麼辦", "huabei-yuqi-zenme-ban"),
    ("网贷逾期花呗会被停用吗", "wangdai-yuqi-huabei-hui-tingyong-ma"),
    ("借呗逾期花呗还能用吗", "jiebei-yuqi-huabei-hai-neng-yong-ma"),
    ("逾期多久上征信", "yuqi-duojiu-shang-zhengxin"),
    ("征信记录有错误 异议", "zhengxin-yiyi-shenqing"),
    ("征信修复", "zhengxin-xiufu-pianju"),
    ("免费查询征信报告", "mianfei-chaxun-zhengxin-baogao"),
    ("催收打电话给家人", "cuishou-lianxi-qinyou-hefa-ma"),
    ("借款平台泄露个人信息", "jiekuan-pingtai-geren-xinxi"),
    ("借款利率上限", "jiekuan-lilv-shangxian"),
    ("合同格式条款不公平", "jiekuan-hetong-geshi-tiaokuan"),
    ("还不上钱能协商分期吗", "xieshang-fenqi-yanqi"),
    ("被起訴了怎麼辦", "bei-qisu-zenme-ban"),
    ("收到律師函", "shoudao-lvshihan-zenme-ban"),
    ("欠网贷会坐牢吗", "qian-wangdai-hui-zuolao-ma"),
    ("催收非法债务 情节严重", "xingfa/293-1"),
    ("借款人应当按照约定的期限返还借款", "minfadian/675"),
    ("催收骚扰", "guide/cuishou-saorao-zenme-ban"),
]


@pytest.fixture
def corpus(db):
    return build_corpus()


def test_it_puts_the_right_page_first(corpus):
    misses = []
    for query, expected in QUERIES:
        hits = search(query).hits
        if not hits or hits[0].url != corpus[expected].get_absolute_url():
            misses.append((query, expected, [h.title for h in hits[:3]]))
    assert misses == []


def test_it_finds_simplified_content_from_traditional_queries(corpus):
    hans, hant = search("征信不良记录"), search("徵信不良記錄")
    assert [h.url for h in hant.hits] == [h.url for h in hans.hits]
    assert "<mark>征信</mark>" in hant.hits[0].snippet


def test_it_applies_editors_synonyms_at_query_time(corpus):
    assert search("白条").total == 0
    Synonym.objects.create(term="白条", synonyms="花呗、借呗")
    result = search("白条")
    assert result.total >= 4
    assert {"jiebei", "huabei"} & {h.url.split("/")[2].split("-")[0] for h in result.hits}


def test_it_reports_type_and_category(corpus):
    hits = search("砍头息").hits
    types = {h.type: h for h in hits}
    assert types["article"].category == "利息与费用"
    assert types["provision"].title == "《民法典》第六百七十条"
    assert types["provision"].category == "民法典"
