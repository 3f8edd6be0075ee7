"""The production settings (kb/settings.py, DJANGO_DEBUG=0) for the fault tests' live servers,
with plain static storage so pages render without running collectstatic first."""

from kb.settings import *  # noqa: F403
from kb.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
