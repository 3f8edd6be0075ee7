"""The letter logic is plain Python: no Django, no models (the app order itself is checked for
every app by tests/laws/test_dependencies.py)."""

import ast
from pathlib import Path

KB = Path(__file__).resolve().parents[2] / "kb"
PURE = ("kinds.py", "compose.py")


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return names | {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }


def test_the_letter_logic_imports_no_django_and_no_models():
    for name in PURE:
        modules = imported(KB / "letters" / name)
        assert modules, name
        assert not [m for m in modules if m.split(".")[0] == "django" or m.endswith(".models")], (
            name
        )
