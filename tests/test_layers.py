"""The package's layers: lower modules never reach up; the command line holds no parsing,
validation or templating of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

OGMP = Path(__file__).parent.parent / "ogmp"


def module_name(path: Path) -> str:
    parts = path.relative_to(OGMP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in OGMP.rglob("*.py")}


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The modules ``path`` imports (every import, or only those run when it is imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                inside = True  # only for annotations
            if isinstance(child, ast.Import) and not (top_level_only and inside):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not (top_level_only and inside):
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child, inside)

    visit(tree, False)
    return found


def ogmp_imports(path: Path, **options: bool) -> set[str]:
    return {name for name in imports(path, **options) if name in MODULES}


# What each lower layer may import of ogmp. The models are pure: no I/O, no reading of
# YAML, no rendering, no knowledge of the commands.
ALLOWED = {
    "ogmp.messages": set(),
    "ogmp.thai": {"ogmp.messages"},
    "ogmp.diagnostics": {"ogmp.messages"},
    "ogmp.errors": {"ogmp.messages", "ogmp.diagnostics"},
    "ogmp.models": {"ogmp.messages", "ogmp.diagnostics", "ogmp.thai", "ogmp.models"},
}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_lower_layers_import_nothing_above_them(name: str) -> None:
    layer = next((layer for layer in ALLOWED if name == layer or name.startswith(f"{layer}.")), None)
    if layer is None:
        return
    reached = {found for found in ogmp_imports(MODULES[name]) if found != name}
    above = {
        found
        for found in reached
        if not any(found == ok or found.startswith(f"{ok}.") for ok in ALLOWED[layer])
    }
    assert above == set(), f"{name} imports {sorted(above)}"


def test_the_command_line_parses_and_validates_nothing_itself() -> None:
    found = imports(MODULES["ogmp.cli"])
    assert not {name for name in found if name.split(".")[0] in {"yaml", "pydantic", "jinja2", "weasyprint"}}


def test_no_import_cycle_when_modules_load() -> None:
    graph = {name: ogmp_imports(path, top_level_only=True) - {name} for name, path in MODULES.items()}
    visiting: list[str] = []
    done: set[str] = set()

    def walk(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, " -> ".join([*visiting[visiting.index(name) :], name])
        visiting.append(name)
        for target in sorted(graph.get(name, ())):
            walk(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        walk(name)
