"""“这个回答有帮助吗” for guide outcomes: the articles' form and client hash, our own rows."""

from kb.articles.feedback import FeedbackForm, client_hash
from kb.core.ratelimit import allow
from kb.guide.models import Node, OutcomeFeedback

RATE_LIMIT = 10  # answers per client and outcome…
RATE_WINDOW = 3600  # …per hour

__all__ = ["FeedbackForm", "client_hash", "over_limit", "record"]


def over_limit(request, node: Node) -> bool:
    """Count this answer; True once the client passes RATE_LIMIT answers to this outcome in
    the window (the same counting as the articles' answers: kb/core/ratelimit.py)."""
    return not allow(request, f"guide-feedback:{node.pk}", RATE_LIMIT, RATE_WINDOW)


def record(node: Node, form: FeedbackForm, client: str) -> OutcomeFeedback:
    data = form.cleaned_data
    return OutcomeFeedback.objects.create(
        node=node, helpful=data["helpful"], reason=data["reason"], client_hash=client
    )
