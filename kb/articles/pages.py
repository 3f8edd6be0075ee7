"""Prepared data for the article pages: every page in a fixed number of queries."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Prefetch, Value
from django.http import Http404, HttpRequest

from kb.articles import discovery
from kb.articles.feedback import blank_form_html
from kb.articles.models import FAQ, Article, ArticleCitation, Category, Tag
from kb.articles.seo import article_jsonld
from kb.core.preview import published_or_preview
from kb.core.seo import permalink

LATEST_COUNT = 10
HOME_PER_CATEGORY = 5
LIST_PAGE_SIZE = 30  # category and tag pages


def home_context() -> dict:
    latest = list(Article.objects.published().for_list()[:LATEST_COUNT])
    categories = list(
        Category.objects.filter(parent__isnull=True).prefetch_related(
            Prefetch(
                "articles",
                # Only the five the page shows (a window function per category), not every
                # published article: the home page stays one query at 100k articles.
                queryset=Article.objects.published()
                .only("title", "slug", "category_id", "published_at")
                .order_by("-published_at", "-id")[:HOME_PER_CATEGORY],
                to_attr="newest",
            ),
            Prefetch("children", queryset=Category.objects.order_by("order", "id")),
        )
    )
    return {"latest": latest, "categories": categories}


def list_page(queryset, number: str | None) -> dict:
    """One page of an article list (?page=N): the articles and the links to the other pages."""
    paginator = Paginator(queryset, LIST_PAGE_SIZE)
    try:
        page = paginator.page(number or 1)
    except InvalidPage:
        raise Http404("没有这一页") from None
    return {"articles": list(page.object_list), "page_obj": page}


def category_context(cat: Category, number: str | None = None) -> dict:
    ids = [cat.pk, *cat.children.values_list("pk", flat=True)]
    articles = Article.objects.published().for_list().filter(category_id__in=ids)
    return {"category": cat, "breadcrumb": breadcrumb(cat), **list_page(articles, number)}


def breadcrumb(cat: Category) -> list[Category]:
    return [c for c in (cat.parent, cat) if c is not None]


def article_for(request: HttpRequest, slug: str) -> Article:
    """The published article, or any article for staff (a preview)."""
    qs = Article.objects.select_related("category", "category__parent")
    return published_or_preview(request, qs, slug, "文章不存在或尚未发布")


def article_context(article: Article, request: HttpRequest) -> dict:
    """Everything the article page shows, in a fixed number of queries."""
    citations = list(  # in their order (ArticleCitation.Meta.ordering)
        ArticleCitation.objects.filter(article=article).select_related("provision__law")
    )
    crumbs = breadcrumb(article.category)
    faqs, tags, letters = faqs_tags_and_letters(article)
    links = discovery.article_links(
        article, [t.pk for t in tags], [c.provision_id for c in citations]
    )
    return {
        "article": article,
        "breadcrumb": crumbs,
        "tags": tags,
        "faqs": faqs,
        "letters": letters,
        "citations": citations,
        "structured_data": article_jsonld(request, article, crumbs, faqs),
        "permalink": permalink(request, article.get_absolute_url()),
        "feedback_form_html": blank_form_html(article.slug, getattr(request, "hant", False)),
        **vars(links),
    }


def faqs_tags_and_letters(article: Article) -> tuple[list[FAQ], list[Tag], list]:
    """The article's FAQ entries (in their order), tags (by name) and the published letters
    it recommends (in theirs): one query, a UNION of the three, so that an article page
    rendered afresh stays within six queries."""
    # The same order as FAQ.Meta.ordering (order, id) and Tag.Meta.ordering (name, in the
    # database's collation): each kind leaves the other's sort column constant.
    faqs = FAQ.objects.filter(article_id=article.pk).annotate(
        kind=Value("f"), pk_=F("id"), a=F("question"), b=F("answer"), n=F("order"), s=Value("")
    )
    tags = Tag.objects.filter(articles=article.pk).annotate(
        kind=Value("t"), pk_=F("id"), a=F("name"), b=F("slug"), n=Value(0), s=F("name")
    )
    # Letters: the letter's kind (its address) rides in the sort column; sorted below.
    letters = article.letters.published().annotate(
        kind_=Value("l"), pk_=F("id"), a=F("title"), b=F("summary"), n=F("order"), s=F("kind")
    )
    columns = ["pk_", "a", "b", "n", "s"]
    rows = (
        faqs.order_by()
        .values_list("kind", *columns)
        .union(
            tags.order_by().values_list("kind", *columns),
            letters.order_by().values_list("kind_", *columns),
            all=True,
        )
    )
    found: dict[str, list] = {"f": [], "t": [], "l": []}
    for kind, pk, first, second, order, sort in rows.order_by("kind", "n", "s", "pk_"):
        if kind == "f":
            item = FAQ(id=pk, article=article, question=first, answer=second, order=order)
        elif kind == "t":
            item = Tag(id=pk, name=first, slug=second)
        else:
            item = article.letters.model(id=pk, title=first, summary=second, order=order, kind=sort)
        found[kind].append(item)
    found["l"].sort(key=lambda letter: (letter.order, letter.id))
    return found["f"], found["t"], found["l"]


def article_json(request: HttpRequest, article: Article) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "short_answer": article.short_answer,
        "body_html": article.body_html,
        "published_at": article.published_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
        "reviewed_at": article.reviewed_at.isoformat() if article.reviewed_at else None,
        "category": {"name": article.category.name, "slug": article.category.slug},
        "tags": [t.name for t in article.tags.all()],
        "source": article.source,
        "editor": article.editor,
    }


def tag_context(tag, number: str | None = None) -> dict:
    articles = Article.objects.published().for_list().filter(tags=tag)
    return {"tag": tag, **list_page(articles, number)}
