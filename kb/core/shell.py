"""A page's template rendered once per process with a marker where each of its values goes, then
filled by joining strings: the article page around its stored parts (kb/articles/stored_page.py)
costs a few string joins instead of a template render of base.html.

It is for templates whose context is flat: every value is a string (a slot, escaped the way the
template would escape it) or a hashable constant such as None or a bool (part of the key the
shell is kept under, so `{% if HANT_URL %}` gets a shell of its own). Besides the context they
may read the site's context processor (kb/core/context_processors.site, also flattened this way)
and tags whose output is fixed while the process runs ({% static %}, {% cached_url %},
{% now "Y" %}: the year is part of the key). A shell whose markers did not come through
unchanged (a filter applied to a slot) is refused and the page rendered as usual.
tests/core/test_shell.py compares every use with the page rendered as usual.
"""

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from kb.core.context_processors import site

logger = logging.getLogger(__name__)
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: no escaping or filter adds them
_MARKER = re.compile(f"{_OPEN}(\\w+){_CLOSE}")


@dataclass(frozen=True)
class Shell:
    pieces: tuple[str, ...]  # the text before, between and after the slots
    slots: tuple[str, ...]  # the slot filled after each piece but the last


def render(request: HttpRequest, template_name: str, context: dict) -> str:
    """The template rendered with the context and the site's context processor, from its
    shell when one could be made."""
    values = {**site(request), **context}
    slots = {name: value for name, value in values.items() if isinstance(value, str)}
    fixed = tuple(sorted((n, v) for n, v in values.items() if not isinstance(v, str)))
    try:
        shell = _shell(template_name, tuple(sorted(slots)), fixed, _process_constants())
    except TypeError:  # a value that is neither a string nor hashable (a list): no shell
        shell = None
    if shell is None:
        return render_to_string(template_name, context, request)
    escaped = {name: conditional_escape(value) for name, value in slots.items()}
    out = [shell.pieces[0]]
    for slot, piece in zip(shell.slots, shell.pieces[1:], strict=True):
        out.append(escaped[slot])
        out.append(piece)
    return "".join(out)


def _process_constants() -> tuple:
    """What else a shell's text depends on: the year ({% now "Y" %}) and the script prefix."""
    return timezone.localdate().year, get_script_prefix()


@lru_cache(maxsize=64)
def _shell(template_name: str, slots: tuple[str, ...], fixed: tuple, constants: tuple):
    context = {name: mark_safe(f"{_OPEN}{name}{_CLOSE}") for name in slots}
    html = render_to_string(template_name, {**dict(fixed), **context})
    parts = _MARKER.split(html)
    pieces, found = tuple(parts[0::2]), tuple(parts[1::2])
    mangled = any(_OPEN in p or _CLOSE in p for p in pieces)
    if mangled or not set(found) <= set(slots):
        logger.warning(
            "%s: its values do not come through as they are; rendered each time", template_name
        )
        return None
    return Shell(pieces, found)


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    """Templates, static files and URLs may all follow settings (tests change them)."""
    _shell.cache_clear()
