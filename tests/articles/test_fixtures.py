"""The shipped article fixture (fixtures/articles.json): loads, reloads, and reads as promised."""

import re

import pytest
from django.utils import timezone

from kb.articles.models import FAQ, Article, ArticleCitation, Category, Tag
from kb.site.content import load_content

REQUIRED_SECTIONS = ("要点", "怎么办", "法律依据")
GUIDE_SLUGS = {
    "yuqi-hou-hui-zenyang",
    "zhengxin-neng-xiaochu-ma",
    "cuishou-saorao-zenme-ban",
    "shoudao-fayuan-wenshu",
}

# Distinctive sentences of the two pages the site replaces (/work/shared/seeds). Their facts may
# be used, their wording may not: no 12-character run of any of them may appear in an article.
SEED_SENTENCES = [
    "花呗作为支付宝旗下的消费信贷工具，虽然本身有独立的评估体系",
    "如果你的网贷逾期已经上了征信，那么很可能会导致花呗被降额甚至停用",
    "短期逾期几天可能不会立刻影响花呗，但如果超过30天甚至更久，系统很可能会重新评估你的信用状况",
    "花呗通常会在无法使用时给出简要说明",
    "一般情况下，持续6个月以上无负面记录，信用会有明显改善",
    "近期尽量不要频繁申请新的贷款或信用卡，避免征信“花掉”",
    "核对贷款合同、借款金额、利率及还款计划，确保没有被套路贷或虚假平台欺骗",
    "与其事后焦虑，不如事前预防，平时要注意理性消费，量入为出",
    "信用是无形资产，维护好它，才能走得更远",
    "借呗和花呗虽同属一个平台，但风控体系不一样",
    "借呗侧重现金借款的还款记录，花呗侧重日常消费信用",
    "短期、小额的借呗逾期，花呗通常能正常使用，不会立即被限制",
    "毕竟两者共享芝麻信用和账户信息，逾期行为会同步影响整体信用评估",
    "一次性还清借呗全部逾期金额，包含本金、利息与罚息，确认账单显示“已结清”",
    "轻微逾期还清后，通常1-3个月系统会自动复评，达标后花呗可恢复使用",
    "逾期后按日收取罚息，利率高于正常利率，欠款时间越久，额外费用越多",
    "借呗逾期看似小事，却会悄悄影响花呗使用、个人信用甚至日常生活",
]
WINDOW = 12
_PUNCT = re.compile(r"[\s，。、：；！？“”‘’（）()《》\-*#\[\]/.,:]")


def _normalise(text: str) -> str:
    return _PUNCT.sub("", text)


def _snapshot() -> dict:
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (Category, Tag, Article, FAQ, ArticleCitation)
        },
        "articles": {
            a.slug: (a.updated_at, a.body_html, a.status, a.published_at)
            for a in Article.objects.order_by("slug")
        },
        "faqs": sorted(FAQ.objects.values_list("pk", "article__slug", "question")),
    }


@pytest.fixture
def articles(content, db):
    return list(Article.objects.published().select_related("category").prefetch_related("related"))


def test_it_loads_twice_without_changing_anything(content, db):
    before = _snapshot()
    load_content()
    assert _snapshot() == before


def test_it_ships_enough_published_articles_across_categories(articles):
    assert len(articles) >= 15
    assert len({a.category.slug for a in articles}) >= 3
    assert Category.objects.filter(parent__isnull=True).count() >= 3
    assert all(c.description for c in Category.objects.all())
    assert Tag.objects.count() >= 10


def test_it_answers_first_and_keeps_the_article_shape(articles):
    for article in articles:
        sentences = [s for s in re.split(r"[。？！]", article.short_answer) if s.strip()]
        assert 2 <= len(sentences) <= 4, article.slug
        headings = re.findall(r"<h2[^>]*>(.*?)</h2>", article.body_html)
        for section in REQUIRED_SECTIONS:
            assert section in headings, f"{article.slug} lacks ## {section}"
        assert article.reviewed_at is not None, article.slug
        assert article.published_at < timezone.now()


def test_it_links_only_to_pages_that_exist(articles):
    slugs = {a.slug for a in articles}
    for article in articles:
        assert 2 <= article.related.count() <= 4, article.slug
        assert {r.slug for r in article.related.all()} <= slugs
        for target in re.findall(r"\]\(/articles/([a-z0-9-]+)/\)", article.body):
            assert target in slugs, f"{article.slug} links to unknown article {target}"
        for target in re.findall(r"\]\(/guide/([a-z0-9-]+)/\)", article.body):
            assert target in GUIDE_SLUGS, f"{article.slug} links to unknown guide {target}"
    by_slug = {a.slug: a for a in articles}
    for slug in ("jiekuan-lilv-shangxian", "kantouxi-zenme-suan", "bei-qisu-zenme-ban"):
        assert "](/tools/rate/)" in by_slug[slug].body, slug


def test_it_serves_every_article_page(client, articles):
    for article in articles:
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200, article.slug
        html = response.content.decode()
        assert article.title in html
        assert "法律依据" in html


def test_it_copies_no_sentence_from_the_seeds(articles):
    prose = [_normalise(a.body + a.short_answer) for a in articles]
    prose += [_normalise(f.question + f.answer) for f in FAQ.objects.all()]
    for sentence in SEED_SENTENCES:
        seed = _normalise(sentence)
        for start in range(len(seed) - WINDOW + 1):
            window = seed[start : start + WINDOW]
            assert not any(window in text for text in prose), f"seed wording reused: {window}"
