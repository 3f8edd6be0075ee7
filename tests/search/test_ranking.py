"""The ranking rules of kb/search/ranking.py on a small corpus, on the backend in use:
articles and trees before bare provisions unless a law is named, provisions need two of the
query's concepts, sentencing boilerplate matches nothing, titles outweigh bodies."""

import opencc
import pytest
from django.core.management import call_command

from kb.search.backends import search
from kb.search.models import Synonym
from kb.search.tokens import query_plan, tokenize
from tests.search.corpus import build_corpus


@pytest.fixture
def corpus(db):
    return build_corpus()


def urls(q: str) -> list[str]:
    return [h.url for h in search(q, limit=50).hits]


def test_it_puts_articles_before_provisions_for_a_readers_question(corpus):
    hits = search("砍头息", limit=50).hits
    kinds = [h.type for h in hits]
    assert "provision" in kinds
    assert kinds.index("provision") > max(i for i, k in enumerate(kinds) if k != "provision")


@pytest.mark.parametrize(
    "q, expected",
    [
        ("民法典670", "minfadian/670"),
        ("《民法典》第六百七十条", "minfadian/670"),
        ("刑法293条之一", "xingfa/293-1"),
        ("中华人民共和国民法典第675条", "minfadian/675"),
    ],
)
def test_it_puts_the_provision_a_query_names_first(corpus, q, expected):
    assert urls(q)[0] == corpus[expected].get_absolute_url()


def test_it_keeps_provisions_in_law_order_of_relevance_when_a_law_is_named(corpus):
    hits = search("民法典 利息", limit=50).hits
    assert hits[0].type == "provision" and hits[0].title == "《民法典》第六百七十条"


def test_it_needs_more_than_one_concept_of_the_question_to_show_a_provision(corpus):
    from kb.laws.models import Law, Provision

    Synonym.objects.create(term="拘留", synonyms="坐牢、刑事")
    law = Law.objects.get(slug="xingfa")
    unrelated = Provision.objects.create(
        law=law,
        number=316,
        label="第三百一十六条",
        text="依法被关押的罪犯脱逃的，或者以暴力抗拒拘留、逮捕的，依法追究刑事责任。",
        order=316,
    )
    found = urls("欠钱不还会被拘留吗")
    assert found and unrelated.get_absolute_url() not in found
    assert found[0] == corpus["qian-wangdai-hui-zuolao-ma"].get_absolute_url()


@pytest.mark.parametrize("q", ["借条过了三年还能要吗", "三年以下有期徒刑", "拘役 罚金"])
def test_it_ignores_sentencing_boilerplate_in_provisions(corpus, q):
    assert corpus["xingfa/293-1"].get_absolute_url() not in urls(q)


def test_it_still_finds_a_provision_by_its_own_words(corpus):
    assert urls("催收非法债务 情节严重 拘禁") and corpus["xingfa/293-1"].get_absolute_url() in urls(
        "催收非法债务"
    )


def test_it_weighs_a_title_above_a_body(make_article):
    in_body = make_article(title="还款安排", body="## 要点\n\n提前还款要看合同。")
    in_title = make_article(title="提前还款要付违约金吗？", body="## 要点\n\n看合同约定。")
    assert urls("提前还款")[:2] == [in_title.get_absolute_url(), in_body.get_absolute_url()]


READER_WORDS = [
    ("征信黑了多久能恢复", "不良记录"),
    ("征信花了怎么办", "不良记录"),
    ("上黑名单了", "征信"),
    ("老公欠的网贷我要还吗", "配偶"),
    ("老婆的信用卡", "夫妻"),
    ("媳妇借的钱", "配偶"),
    ("欠钱会被拘留吗", "坐牢"),
    ("会不会被抓", "刑事"),
    ("会判刑吗", "坐牢"),
    ("借条过期了", "民间借贷"),
    ("欠条怎么写", "民间借贷"),
    ("停息挂账怎么申请", "个性化分期"),
    ("银行冻卡了", "冻结"),
    ("法院扣钱", "执行"),
    ("催收说要上门", "催收"),
]


@pytest.mark.parametrize("q, expected", READER_WORDS)
def test_it_reads_readers_words_in_both_scripts(db, q, expected):
    call_command("loaddata", "fixtures/search.json", verbosity=0)
    synonyms = {row.term: row.synonym_list() for row in Synonym.objects.all()}
    for query in (q, opencc.OpenCC("s2t").convert(q)):
        assert tuple(tokenize(expected, query=True)) in query_plan(query, synonyms).groups, query


def test_it_finds_the_answer_to_a_colloquial_traditional_question(corpus):
    call_command("loaddata", "fixtures/search.json", verbosity=0)
    expected = corpus["buliang-jilu-baoliu-duojiu"].get_absolute_url()
    assert expected in urls("征信黑了多久能恢复")[:3]
    assert expected in urls("徵信黑了多久能恢復")[:3]
