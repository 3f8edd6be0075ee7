"""Dependencies point one way (laws ← articles ← guide ← letters); the letter logic is plain Python."""

from pathlib import Path

from tests.laws.test_dependencies import imported_modules

KB = Path(__file__).resolve().parents[2] / "kb"
PURE = ("kinds.py", "placeholders.py", "blocks.py", "plan.py", "compose.py")


def test_no_lower_app_imports_letters():
    offenders = [
        str(path.relative_to(KB))
        for app in ("laws", "articles", "guide", "rates", "search")
        for path in (KB / app).rglob("*.py")
        if any(m.startswith("kb.letters") for m in imported_modules(path))
    ]
    assert offenders == []


def test_the_letter_logic_imports_no_django_and_no_models():
    for name in PURE:
        modules = imported_modules(KB / "letters" / name)
        assert not [m for m in modules if m.split(".")[0] == "django" or m.endswith(".models")], (
            name
        )
