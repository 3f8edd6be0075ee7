"""Dependencies point one way: laws ← articles ← guide. The parser is pure Python."""

import ast
from pathlib import Path

LAWS = Path(__file__).resolve().parents[2] / "kb" / "laws"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_it_keeps_laws_free_of_other_apps():
    offenders = {
        str(path.relative_to(LAWS)): sorted(
            m
            for m in imported_modules(path)
            if m.startswith(("kb.articles", "kb.guide", "kb.search"))
        )
        for path in LAWS.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_it_keeps_the_parsers_free_of_django():
    for name in ("citations.py", "lawfile.py"):
        modules = imported_modules(LAWS / name)
        assert not [m for m in modules if m.split(".")[0] == "django" or m.endswith(".models")], (
            name
        )


def test_it_checks_files_that_exist():
    assert (LAWS / "citations.py").exists() and len(list(LAWS.rglob("*.py"))) > 5
