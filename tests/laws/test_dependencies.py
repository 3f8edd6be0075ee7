"""Dependencies point one way, and no kb module imports itself back through others.

    core ← laws ← articles ← guide ← letters        (rates stands on laws; search reads
                                                     articles, guide and laws)
    editorial (the roles over every content app) and site (the site composition) on top;
    nothing but kb/urls.py and the settings imports site.

Every import counts, at module level or inside a function, and so do the models named by
string: apps.get_model("app", "Model") / "app.Model", and dotted "kb.app.module" paths. The
parsers are pure Python.
"""

import ast
import re
from pathlib import Path

KB = Path(__file__).resolve().parents[2] / "kb"
LAWS = KB / "laws"

ALLOWED = {
    "core": set(),
    "laws": {"core"},
    "rates": {"core", "laws"},
    "articles": {"core", "laws"},
    "guide": {"core", "laws", "articles"},
    "letters": {"core", "laws", "articles", "guide", "rates"},
    "search": {"core", "laws", "articles", "guide"},
    "editorial": {"core", "laws", "articles", "guide", "letters"},
    "site": {"core", "laws", "articles", "guide", "letters", "search", "rates", "editorial"},
}
PROJECT = {"kb", "kb.urls", "kb.settings", "kb.wsgi", "kb.asgi"}  # may name any app
MODEL_LABEL = re.compile(r"^([a-z_]+)\.([A-Z][A-Za-z0-9_]*)$")


def module_name(path: Path) -> str:
    parts = path.relative_to(KB.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kb_modules() -> dict[str, Path]:
    return {
        module_name(p): p for p in KB.rglob("*.py") if "migrations" not in p.relative_to(KB).parts
    }


MODULES = kb_modules()


def resolve(name: str) -> str | None:
    """The kb module `name` is, or is in (kb.articles.models.Article → kb.articles.models)."""
    while name.startswith("kb"):
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def app_of(module: str) -> str | None:
    return None if module in PROJECT else module.split(".")[1]


def referenced_modules(module: str) -> set[str]:
    """kb modules `module` imports anywhere in its body, or names in a string."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and _is_get_model(node):
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if args and isinstance(args[0], str):
                names.add(f"kb.{args[0].split('.')[0]}.models")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if (label := MODEL_LABEL.match(value)) and label.group(1) in ALLOWED:
                names.add(f"kb.{label.group(1)}.models")
            elif value.startswith("kb.") and " " not in value:
                names.add(value)
    return {m for n in names if (m := resolve(n)) and m != module}


def _is_get_model(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "get_model"


GRAPH = {m: referenced_modules(m) for m in MODULES}


def paths_from(start: str) -> dict[str, list[str]]:
    """Every module `start` reaches through imports, with the shortest chain that gets there."""
    paths, todo = {start: [start]}, [start]
    while todo:
        current = todo.pop(0)
        for nxt in sorted(GRAPH[current]):
            if nxt not in paths:
                paths[nxt] = [*paths[current], nxt]
                todo.append(nxt)
    return paths


def test_it_keeps_every_app_to_the_apps_below_it():
    offenders = []
    for module in MODULES:
        app = app_of(module)
        if app is None:
            continue
        for target, chain in paths_from(module).items():
            if app_of(target) not in (None, app, *ALLOWED[app]):
                offenders.append(" → ".join(chain))
                break
    assert offenders == []


def test_it_keeps_core_free_of_every_other_app():
    core = {m: sorted(GRAPH[m]) for m in MODULES if app_of(m) == "core"}
    assert {m: [d for d in deps if app_of(d) != "core"] for m, deps in core.items()} == {
        m: [] for m in core
    }


def test_it_lets_only_the_project_import_the_site_app():
    importers = sorted(
        m
        for m in MODULES
        if app_of(m) not in (None, "site") and any(app_of(d) == "site" for d in GRAPH[m])
    )
    assert importers == []


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: the groups of modules that import each other."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_it_has_no_import_cycle_between_kb_modules():
    # The project's settings and urls name modules by string (configuration, not imports).
    apps_only = {m: {d for d in deps if d not in PROJECT} for m, deps in GRAPH.items()}
    assert strongly_connected({m: d for m, d in apps_only.items() if m not in PROJECT}) == []


def test_it_finds_cycles_imports_inside_functions_and_model_strings():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]
    assert "kb.laws.models" in GRAPH["kb.articles.models.article"]  # module-level import
    assert "kb.articles.models" in GRAPH["kb.articles.apps"]  # import inside ready()
    assert "kb.laws.models" in GRAPH["kb.articles.apps"]


def test_it_keeps_the_parsers_free_of_django():
    for name in ("citations.py", "lawfile.py"):
        tree = ast.parse((LAWS / name).read_text(encoding="utf-8"))
        modules = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not [
            m for m in modules if m and (m.split(".")[0] == "django" or m.endswith(".models"))
        ], name


def test_it_checks_files_that_exist():
    assert (LAWS / "citations.py").exists() and len(MODULES) > 100
    assert set(ALLOWED) >= {app_of(m) for m in MODULES} - {None}
