import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
django_application = get_wsgi_application()

# Page-cache hits are answered before Django's request handling (kb/core/fasthit.py).
from kb.core.fasthit import with_page_cache  # noqa: E402  (needs the settings above)

application = with_page_cache(django_application)
