"""The articles admin, one module per concern; importing them registers the ModelAdmins."""

from kb.articles.admin import (  # noqa: F401
    article,
    citation,
    faq,
    feedback,
    review_queue,
    revision,
    taxonomy,
)
