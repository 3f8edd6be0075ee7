"""The one preview branch: staff see drafts at their public address, readers a 404."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def published_or_preview(request: HttpRequest, queryset: QuerySet, slug: str, missing: str):
    """The published row with this slug (`queryset.published()`), or any row for staff."""
    if not (request.user.is_authenticated and request.user.is_staff):
        queryset = queryset.published()
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise Http404(missing)
    return found


def private(response: HttpResponse) -> HttpResponse:
    """A staff preview or a reader's own values: no shared cache keeps it, no index lists it."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
