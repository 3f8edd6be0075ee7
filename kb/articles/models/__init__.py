"""Categories, tags, Q&A articles, FAQ entries, the citation graph, feedback and revisions."""

from kb.articles.models.article import FAQ, Article, ArticleManager, ArticleQuerySet
from kb.articles.models.citation import ArticleCitation, UnresolvedCitation
from kb.articles.models.feedback import Feedback
from kb.articles.models.review_queue import QUEUE_ORDERING, ReviewQueueArticle, due_for_review
from kb.articles.models.revision import ArticleRevision
from kb.articles.models.taxonomy import Category, SlugManager, Tag

__all__ = [
    "FAQ",
    "QUEUE_ORDERING",
    "Article",
    "ArticleCitation",
    "ArticleManager",
    "ArticleQuerySet",
    "ArticleRevision",
    "Category",
    "Feedback",
    "ReviewQueueArticle",
    "SlugManager",
    "Tag",
    "UnresolvedCitation",
    "due_for_review",
]
