"""The site's settings with bench/floor_urls.py in front of its URLs (bench/floor.py)."""

from kb.settings import *  # noqa: F403

ROOT_URLCONF = "floor_urls"
