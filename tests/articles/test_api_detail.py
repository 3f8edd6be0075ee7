from datetime import datetime

from kb.articles.models import Article, Tag


def test_it_answers_the_article_as_json(client, make_article):
    article = make_article(
        title="砍头息怎么算", short_answer="按实际出借的金额计算本金。", body="## 要点\n\n**重要**"
    )
    article.tags.add(Tag.objects.create(name="砍头息"))
    data = client.get(f"/api/articles/{article.slug}/").json()
    assert data["title"] == "砍头息怎么算"
    assert data["short_answer"] == "按实际出借的金额计算本金。"
    assert "<strong>重要</strong>" in data["body_html"]
    assert data["category"]["slug"] == article.category.slug
    assert data["tags"] == ["砍头息"]
    assert data["url"] == f"http://testserver{article.get_absolute_url()}"
    article.refresh_from_db()
    assert datetime.fromisoformat(data["published_at"]) == article.published_at
    assert datetime.fromisoformat(data["updated_at"]) == article.updated_at
    assert data["category"]["name"] == article.category.name


def test_it_404s_as_json_for_drafts_and_unknown_slugs(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    for slug in (draft.slug, "no-such-article"):
        response = client.get(f"/api/articles/{slug}/")
        assert response.status_code == 404
        assert "error" in response.json()
