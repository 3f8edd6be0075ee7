"""The second set of articles (fixtures/articles_2_…, articles_3_…) and the court-documents tree
state the law as the shipped statutes do: the legal review's corrections stay corrected."""

import re

import pytest

from kb.articles.models import FAQ, Article
from kb.guide.models import Node
from kb.laws.citations import find_citations
from kb.laws.models import Provision
from kb.laws.resolve import current_registry, resolve

NEW_ARTICLES = (
    "panjue-hou-qiangzhi-zhixing",
    "shixin-he-xiangao",
    "jiaren-yao-tiwo-huan-ma",
    "susong-shixiao-sannian",
    "xinyongka-gexinghua-fenqi",
    "tousu-qudao-yilan",
    "zhifuling-zhongcai-tongzhi",
    "zhaiquan-zhuanrang-huan-gei-shei",
    "chipai-jigou-lilv",
    "danbaoren-zeren",
    "duobi-qiankuan-xianhuan-na-bi",
    "bei-qisu-ruhe-yingsu",
    "baotongxunlu-shangmen-cuishou",
    "geren-pochan",
)
TREE = "shoudao-fayuan-wenshu"
# Documents that are not in sources/laws: they may be named and described, never cited by 条.
NOT_IN_LIBRARY = (
    "限制被执行人高消费",
    "失信被执行人名单信息",
    "信用卡业务监督管理办法",
    "仲裁法",
    "个人破产条例",
    "法发〔2017〕22号",
)
ARTICLE_NUMBER = re.compile(r"第[零一二三四五六七八九十百千\d]+条")
QUOTE = re.compile(r"“([^”]{8,})”")
LENDER_KINDS = ("民间借贷", "持牌", "银行", "消费金融", "小额贷款")
REGULATED_BY_NFRA = ("银行", "消费金融", "保险")


@pytest.fixture
def articles(content, db) -> dict[str, Article]:
    found = {a.slug: a for a in Article.objects.filter(slug__in=NEW_ARTICLES)}
    assert set(found) == set(NEW_ARTICLES)
    return found


def _texts(articles: dict[str, Article], questions: bool = True) -> list[tuple[str, str]]:
    """(where, text) for every reader-facing text of the new articles, their FAQs and the tree;
    without the FAQ questions if `questions` is false (a question may name what its answer
    qualifies, e.g. “12378能投诉网贷平台吗？”)."""
    texts = [(a.slug, a.title + "\n" + a.short_answer + "\n" + a.body) for a in articles.values()]
    texts += [
        (f"faq {f.article.slug}", (f.question + "\n" if questions else "") + f.answer)
        for f in FAQ.objects.filter(article__slug__in=NEW_ARTICLES).select_related("article")
    ]
    texts += [
        (f"node {n.slug}", "\n".join((n.title, n.help, n.answer, n.next_steps)))
        for n in Node.objects.filter(tree__slug=TREE)
    ]
    return texts


def _basis(article: Article) -> list[str]:
    """The lines of the article's 法律依据 section."""
    section = article.body.split("## 法律依据", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def _line_citing(article: Article, citation: str) -> str:
    lines = [line for line in _basis(article) if line.startswith(f"- {citation}")]
    assert len(lines) == 1, (article.slug, citation)
    return lines[0]


def _text_of(law: str, number: int) -> str:
    return Provision.objects.get(law__slug=law, number=number, sub_number=0).text


def test_it_states_the_whole_spouse_rule_in_the_family_article(articles):
    family = articles["jiaren-yao-tiwo-huan-ma"]
    spouse = _line_citing(family, "《民法典》第一千零六十四条")
    for part in ("共同签名", "追认", "家庭日常生活需要", "共同生产经营"):
        assert part in spouse and part in _text_of("minfadian", 1064), part
    assert "债权人能证明" in spouse
    assert "家庭日常生活需要" in family.short_answer
    heirs = _line_citing(family, "《民法典》第一千一百六十一条")
    assert "实际价值" in heirs and "放弃继承" in heirs
    joining = _line_citing(family, "《民法典》第五百五十二条")
    assert "合理期限内明确拒绝" in joining
    divorce = FAQ.objects.get(article=family, question__contains="离婚")
    assert "家庭日常生活需要" in divorce.answer


def test_every_new_text_about_a_spouse_gives_the_rule_of_article_1064(articles):
    for where, text in _texts(articles):
        if "配偶" in text or "夫妻" in text:
            assert "家庭日常生活需要" in text, where


def test_it_gives_three_years_and_says_the_court_will_not_raise_the_limitation(articles):
    article = articles["susong-shixiao-sannian"]
    assert "三年" in _line_citing(article, "《民法典》第一百八十八条")
    assert "三年" in _text_of("minfadian", 188)
    not_of_own_motion = _line_citing(article, "《民法典》第一百九十三条")
    assert "“人民法院不得主动适用诉讼时效的规定。”" in not_of_own_motion
    assert "法院不会主动" in article.short_answer
    interruption = _line_citing(article, "《民法典》第一百九十五条")
    assert "有关程序终结" in interruption
    faq = FAQ.objects.get(article=article, question__contains="驳回")
    assert "不得主动适用诉讼时效" in faq.answer


def test_it_gives_the_fifteen_day_defence_period_with_article_128(articles):
    article = articles["bei-qisu-ruhe-yingsu"]
    assert "15日内" in article.short_answer
    assert "十五日内提出答辩状" in _line_citing(article, "《民事诉讼法》第一百二十八条")
    assert "收到之日起十五日内提出答辩状" in _text_of("minshi-susongfa", 128)
    counting = FAQ.objects.get(article=article, question__contains="15天")
    assert "第一百二十八条" in counting.answer and "第八十五条" in counting.answer
    assert "期间开始的时和日，不计算在期间内" in _text_of("minshi-susongfa", 85)
    assert "十五日内" in _line_citing(article, "《民事诉讼法》第一百七十一条")
    assert "判决书送达之日起十五日内" in _text_of("minshi-susongfa", 171)


def test_it_states_the_small_claims_line_as_the_statute_does(articles):
    article = articles["bei-qisu-ruhe-yingsu"]
    small_claims = _line_citing(article, "《民事诉讼法》第一百六十五条")
    assert "各省、自治区、直辖市上年度就业人员年平均工资百分之五十" in small_claims
    assert "当地上年度" not in article.body
    assert "反诉" in _line_citing(article, "《民事诉讼法》第一百六十六条")


def test_it_gives_the_payment_order_objection_period_with_article_227(articles):
    article = articles["zhifuling-zhongcai-tongzhi"]
    assert "15日内" in article.short_answer
    assert "十五日内" in _line_citing(article, "《民事诉讼法》第二百二十七条")
    assert "自收到支付令之日起十五日内清偿债务，或者向人民法院提出书面异议" in _text_of(
        "minshi-susongfa", 227
    )
    assert "支付令自行失效" in _line_citing(article, "《民事诉讼法》第二百二十八条")
    node = Node.objects.get(tree__slug=TREE, slug="wenshu-zhifuling-yiyi")
    assert {p.number for p in node.provisions.all()} >= {227, 228}


def test_it_states_the_guarantor_defaults(articles):
    article = articles["danbaoren-zeren"]
    assert "按一般保证" in _line_citing(article, "《民法典》第六百八十六条")
    assert "六个月" in _line_citing(article, "《民法典》第六百九十二条")
    waiver = _line_citing(article, "《民法典》第六百八十七条")
    assert "书面表示放弃" in waiver
    assert "保证人书面表示放弃本款规定的权利" in _text_of("minfadian", 687)


def test_it_never_cites_an_article_of_a_document_the_library_does_not_hold(articles):
    for where, text in _texts(articles):
        for name in NOT_IN_LIBRARY:
            for match in re.finditer(re.escape(name), text):
                after = text[match.end() : match.end() + 12]
                assert not ARTICLE_NUMBER.search(after), (where, name, after)


def test_the_enforcement_restrictions_are_described_not_quoted(articles):
    article = articles["shixin-he-xiangao"]
    assert "不在本站收录的法条里" in article.body
    cited = {c.law for c in find_citations(article.body, current_registry())}
    assert cited == {"minshi-susongfa", "xingfa"}


def test_every_quotation_in_a_legal_basis_is_verbatim(articles):
    registry = current_registry()
    checked = 0
    for article in articles.values():
        for line in _basis(article):
            quotes = QUOTE.findall(line)
            if not quotes:
                continue
            resolved = resolve(find_citations(line, registry))
            texts = [p.text for r in resolved for p in r.provisions]
            assert texts, (article.slug, line)
            for quote in quotes:
                assert any(quote in t for t in texts), (article.slug, quote)
                checked += 1
    assert checked >= 5


def test_the_hotline_12378_is_offered_only_for_banks_consumer_finance_and_insurers(articles):
    offered = 0
    for where, text in _texts(articles, questions=False):
        for clause in re.split(r"[。；，\n]", text):
            if "12378" in clause:
                offered += 1
                assert any(kind in clause for kind in REGULATED_BY_NFRA), (where, clause)
    assert offered >= 5


def test_every_four_times_lpr_passage_names_the_kind_of_lender(articles):
    passages = 0
    for where, text in _texts(articles):
        for line in text.splitlines():
            if "LPR" in line or "四倍" in line:
                passages += 1
                assert any(kind in line for kind in LENDER_KINDS), (where, line)
    assert passages >= 5


def test_the_tree_outcomes_list_exactly_the_provisions_they_cite(content, db):
    registry = current_registry()
    outcomes = Node.objects.filter(tree__slug=TREE, kind=Node.Kind.OUTCOME)
    assert outcomes.count() == 7
    for node in outcomes.prefetch_related("provisions__law"):
        resolved = resolve(find_citations(node.answer, registry))
        assert all(r.provisions for r in resolved), node.slug
        cited = {(p.law.slug, p.number) for r in resolved for p in r.provisions}
        listed = {(p.law.slug, p.number) for p in node.provisions.all()}
        assert cited == listed, node.slug
