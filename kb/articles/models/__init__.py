from kb.articles.models.article import FAQ, Article, Category, Tag  # noqa: F401
from kb.articles.models.editorial import (  # noqa: F401
    QUEUE_ORDERING,
    ArticleCitation,
    ArticleRevision,
    Feedback,
    ReviewQueueArticle,
    UnresolvedCitation,
    due_for_review,
)
