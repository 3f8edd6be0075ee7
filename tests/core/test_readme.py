"""The README tells a newcomer and an operator the truth about this checkout."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS = (ROOT / "kb" / "settings.py").read_text(encoding="utf-8")
ENV_READ = re.compile(
    r"""(?:env_\w+\(|os\.environ\.get\(|os\.environ\[)\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def documented_variables() -> set[str]:
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", section, flags=re.M))


def test_it_documents_every_environment_variable_the_settings_read():
    read = set(ENV_READ.findall(SETTINGS))
    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG"} <= read
    assert read - documented_variables() == set(), "undocumented in README"
    assert documented_variables() - read == set(), "documented but never read"


def test_it_describes_the_site_in_both_languages_and_gives_the_two_commands():
    assert "**中文：**" in README and "**English:**" in README
    assert "make run" in README and "make test" in README
    for target in ("run:", "test:"):
        assert re.search(rf"^{target}", (ROOT / "Makefile").read_text(), flags=re.M)


def test_it_explains_production_and_creating_an_admin():
    assert "gunicorn kb.wsgi" in README
    assert "DJANGO_DEBUG=0" in README
    assert "WhiteNoise" in README and "whitenoise.middleware.WhiteNoiseMiddleware" in SETTINGS
    assert "createsuperuser" in README
