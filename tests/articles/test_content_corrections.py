"""The corrected facts of issue 23 §1 stay in the shipped content (fixtures/articles.json and the
outcomes of fixtures/guide.json), loaded the way the site loads them.

Where a finding names one page the test looks at that page; where the lesson applies everywhere
(the spouse rule, the 恶意透支 thresholds, the licensed-lender caveat, the LPR date) it scans every
article, FAQ entry and guide outcome, so a page added later is held to the same standard."""

import re

import pytest

from kb.articles.models import FAQ, Article
from kb.guide.models import Node
from kb.laws.models import Provision

pytestmark = pytest.mark.usefixtures("content")  # before any function-scoped fixture

LINK = re.compile(r'href="/laws/([a-z0-9-]+)/(\d+)(?:-(\d+))?/"')
QUOTE = re.compile(r"“([^“”]{8,})”")
RELATIVES_LIABILITY = re.compile(
    r"(亲友|家人|亲属|紧急联系人)[^。；]{0,30}(替你还|代你还|还款责任|还款的义务|清偿)"
)
LPR_FIGURE = re.compile(r"LPR[^。]{0,40}?\d+(?:\.\d+)?%|\d+(?:\.\d+)?%[^。]{0,20}LPR")
LPR_CONFIRMED = "2026年2月24日"


@pytest.fixture
def units(db) -> dict[str, tuple[str, str]]:
    """Every piece a reader sees as one answer: name → (Markdown source, rendered HTML)."""
    found = {}
    for article in Article.objects.published():
        found[article.slug] = (article.short_answer + "\n" + article.body, article.body_html)
    for faq in FAQ.objects.select_related("article"):
        found[f"faq:{faq.article.slug}:{faq.order}"] = (faq.question + "\n" + faq.answer, "")
    for node in Node.objects.filter(kind=Node.Kind.OUTCOME):
        html = node.answer_html + node.next_steps_html
        found[f"outcome:{node.slug}"] = (node.answer + "\n" + node.next_steps, html)
    return found


def _article(slug: str) -> Article:
    return Article.objects.get(slug=slug)


def _linked_texts(html: str) -> str:
    """The text of every provision the page links to, joined."""
    keys = {(law, int(n), int(sub or 0)) for law, n, sub in LINK.findall(html)}
    rows = Provision.objects.filter(law__slug__in={k[0] for k in keys}).select_related("law")
    return "\n".join(p.text for p in rows if (p.law.slug, p.number, p.sub_number) in keys)


def _legal_basis(body: str) -> str:
    return body.split("## 法律依据", 1)[1].split("## 常见误区", 1)[0]


def test_it_names_the_spouse_rule_wherever_relatives_liability_comes_up(units):
    discussed = [name for name, (text, _) in units.items() if RELATIVES_LIABILITY.search(text)]
    assert "cuishou-lianxi-qinyou-hefa-ma" in discussed
    for name in discussed:
        assert "第一千零六十四条" in units[name][0], name
    html = _article("cuishou-lianxi-qinyou-hefa-ma").body_html
    assert 'href="/laws/minfadian/1064/"' in html
    assert 'href="/laws/minfadian/1161/"' in html  # heirs answer only up to the estate
    assert "家庭日常生活需要" in units["cuishou-lianxi-qinyou-hefa-ma"][0]


def test_it_gives_the_whole_test_for_malicious_overdraft(units):
    explained = [
        name for name, (text, _) in units.items() if "恶意透支" in text and "第一百九十六条" in text
    ]
    assert {"qian-wangdai-hui-zuolao-ma", "xinyongka-yuqi-houguo", "outcome:yuqi-90-tian"} <= set(
        explained
    )
    for name in explained:
        text, html = units[name]
        for fact in (
            "两次有效催收",
            "两次催收至少间隔三十日",
            "超过三个月",
            "五万元",
            "提起公诉前",
        ):
            assert fact in text, (name, fact)
        assert 'href="/laws/xinyongka-jieshi-2018-jueding/1/"' in html, name
        assert 'href="/laws/xinyongka-jieshi-2018-jueding/5/"' in html, name


def test_it_quotes_statutes_only_verbatim_in_the_corrected_passages(units):
    """A quotation in 法律依据 (or in an outcome) is a substring of a provision the page links."""
    corrected = [
        "qian-wangdai-hui-zuolao-ma",
        "xinyongka-yuqi-houguo",
        "jiekuan-lilv-shangxian",
        "jiekuan-hetong-geshi-tiaokuan",
        "jiekuan-pingtai-geren-xinxi",
        "outcome:yuqi-90-tian",
    ]
    for name in corrected:
        text, html = units[name]
        passage = text if name.startswith("outcome:") else _legal_basis(text)
        quotes = QUOTE.findall(passage)
        assert quotes, name
        linked = _linked_texts(html)
        for quote in quotes:
            assert quote in linked, (name, quote)


def test_it_says_the_four_times_lpr_line_binds_private_lending_only(units):
    for name, (text, _) in units.items():
        if "四倍" in text:
            assert "金融机构" in text or "持牌" in text, name
    text, html = units["outcome:tousu-wangdai"]
    assert "《民间借贷规定》第一条第二款" in text
    assert 'href="/laws/pifu-2020-27/1/"' in html


def test_it_states_both_halves_of_the_2020_transition_rule(db):
    article = _article("jiekuan-lilv-shangxian")
    rule = Provision.objects.get(law__slug="minjian-jiedai", number=31).paragraphs()[1]
    assert rule in article.body  # quoted whole, not only the first half
    assert "2020年8月19日" in article.short_answer and "起诉时" in article.short_answer
    assert 'href="/laws/minjian-jiedai/31/"' in article.body_html


def test_it_dates_every_lpr_figure_and_claims_nothing_beyond_that_date(units):
    with_figures = [name for name, (text, _) in units.items() if LPR_FIGURE.search(text)]
    assert "jiekuan-lilv-shangxian" in with_figures
    for name in with_figures:
        assert LPR_CONFIRMED in units[name][0], name
    body = _article("jiekuan-lilv-shangxian").body
    assert "| 2025-05-20 起 |" not in body  # no open-ended row
    assert "数据截至2026年2月，" not in body


def test_it_writes_platform_practice_as_practice(units):
    for name, (text, _) in units.items():
        assert "是花呗恢复的前提" not in text, name
    assert (
        "平台会根据自身风控规则评估" in _article("jiebei-yuqi-huabei-hai-neng-yong-ma").short_answer
    )


def test_it_sends_a_true_record_reported_without_notice_to_a_complaint(units):
    text, html = units["yuqi-duojiu-shang-zhengxin"]
    assert 'href="/laws/zhengxin-tiaoli/26/"' in html
    assert 'href="/laws/zhengxin-tiaoli/41/"' in html
    assert "报送已在路上" not in text
    faq = units["faq:yuqi-duojiu-shang-zhengxin:1"][0]
    assert "第二十六条" in faq and "投诉" in faq
    assert "没有履行告知义务或记录有误，可以向机构提出异议" not in faq


def test_it_offers_legal_aid_with_its_conditions_and_12348(units):
    text, html = units["bei-qisu-zenme-ban"]
    assert 'href="/laws/falv-yuanzhu-fa/31/"' in html
    for paragraph in Provision.objects.get(law__slug="falv-yuanzhu-fa", number=31).paragraphs():
        assert paragraph in text, paragraph  # 第三十一条 quoted in full
    for name, (text, _) in units.items():
        assert "经济困难的，可以向当地法律援助机构申请法律援助" not in text, name
    assert "12348" in units["bei-qisu-zenme-ban"][0]
    assert "12348" in units["outcome:bei-qisu"][0]


def test_it_gives_the_retention_exception_and_entrusted_processing(units):
    text, html = units["jiekuan-pingtai-geren-xinxi"]
    assert "第四十七条第二款" in text
    assert "停止除存储和采取必要的安全保护措施之外的处理" in text
    assert "委托处理" in text
    assert 'href="/laws/gebaofa/21/"' in html and 'href="/laws/gebaofa/23/"' in html


def test_it_names_loan_fraud_and_obtaining_a_loan_by_deception(units):
    text, html = units["qian-wangdai-hui-zuolao-ma"]
    assert 'href="/laws/xingfa/193/"' in html
    assert 'href="/laws/xingfa/175-1/"' in html
    assert "不要求以非法占有为目的" in text


def test_it_keeps_unreasonably_in_the_standard_terms_rule(units):
    for name, (text, _) in units.items():
        if "第四百九十七条" in text:
            assert "不合理" in text, name
    text, _ = units["jiekuan-hetong-geshi-tiaokuan"]
    assert "不合理地免除或者减轻其责任、加重对方责任、限制对方主要权利" in text


def test_it_names_who_takes_which_complaint(units):
    for name in ("baoli-cuishou-zenme-ban", "outcome:tousu-wangdai", "outcome:tousu-mayi"):
        text = units[name][0]
        for channel in ("国家金融监督管理总局", "12378", "地方金融管理部门", "人民银行", "12321"):
            assert channel in text, (name, channel)
    for name, (text, _) in units.items():
        for line in text.splitlines():
            if "12378" in line:
                assert "国家金融监督管理总局" in line, (name, line)
            if "12321" in line:
                assert "骚扰电话" in line or "垃圾短信" in line, (name, line)
