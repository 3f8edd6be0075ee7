"""Structured data for an article page: Article (+ FAQPage when it has FAQs) and breadcrumbs."""

from django.urls import reverse

from kb.core.seo import breadcrumb_jsonld, permalink


def article_jsonld(request, article, crumbs, faqs) -> list[dict]:
    url = permalink(request, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.short_answer,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": "zh-Hant" if getattr(request, "hant", False) else "zh-Hans",
        "articleSection": article.category.name,
        "publisher": {"@type": "Organization", "name": article.source},
    }
    if article.editor:
        data["editor"] = {"@type": "Person", "name": article.editor}
    trail = [("首页", permalink(request, reverse("articles:home")))]
    trail += [(c.name, permalink(request, c.get_absolute_url())) for c in crumbs]
    trail.append((article.title, url))
    blocks = [data, breadcrumb_jsonld(trail)]
    if faqs:
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": f.question,
                        "acceptedAnswer": {"@type": "Answer", "text": f.answer},
                    }
                    for f in faqs
                ],
            }
        )
    return blocks
