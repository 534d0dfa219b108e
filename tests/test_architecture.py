"""The package's shape: imports flow one way (no cycle, at module level, under TYPE_CHECKING or
inside functions), and no French or English function word is written in the events or resolve
code (it belongs in `lang/<code>/grammar.toml`)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from dateline.textutil import fold

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every dateline module a file imports, wherever the import statement stands."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {t for t in targets if t in modules and t != name}
    return found


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(files)) for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_cycle_finder_finds_a_cycle_through_a_package():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle_in_the_package():
    assert find_cycle(import_graph()) is None


def _function_words() -> set[str]:
    """Every word of every bundled language's `grammar.toml` (its lists and contractions)."""
    words: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.add(fold(value))
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str):
                    words.add(fold(key))  # contractions: both the form and the preposition
                collect(item)

    for grammar in (PACKAGE / "lang").glob("*/grammar.toml"):
        data = tomllib.loads(grammar.read_text("utf-8"))
        data.pop("participle")  # morphological features, not words
        collect(data)
    return {w for w in words if w.isalpha() or "'" in w}


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings nor parts of f-strings (reasons)."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            skipped.add(id(node.body[0].value))
        if isinstance(node, ast.JoinedStr):
            skipped |= {id(v) for v in node.values}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


def test_the_function_word_list_is_read_from_the_languages():
    words = _function_words()
    assert {"de", "par", "avec", "of", "by", "with", "qui", "who", "had"} <= words


# Dependency labels spelled like a function word: "aux" is the label, not the French contraction.
DEPENDENCY_LABELS = frozenset({"aux"})


def test_no_function_word_is_written_in_the_events_or_resolve_code():
    words = _function_words() - DEPENDENCY_LABELS
    found = [f"{path.relative_to(PACKAGE)}:{line} {value!r}"
             for folder in ("events", "resolve") for path in sorted((PACKAGE / folder).glob("*.py"))
             for line, value in _code_strings(path)
             if value.strip() == value.strip().lower() and fold(value.strip()) in words]  # "AUX" is a tag
    assert found == []
