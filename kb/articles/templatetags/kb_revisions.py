from django import template

from kb.articles import revisions

register = template.Library()


@register.simple_tag
def my_revisions(user) -> dict[str, int]:
    """Counts for the editor's panel on the admin start page (revisions.recent_decisions)."""
    return {**revisions.recent_decisions(user), "days": revisions.RECENT_DAYS}
