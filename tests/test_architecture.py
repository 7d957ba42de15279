"""The layout DESIGN.md describes, checked: thin views, and a docstring on every room.

The import rules (layers, a pure core, no cycles) are import-linter contracts in
pyproject.toml, run by `make lint`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = sorted((ROOT / "api" / "resources").glob("*.py"))
ROOMS = sorted(p.parent for p in (ROOT / "api").glob("*/__init__.py"))
HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}
VIEW_LINES = 25


def _view_methods(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text())
    return [
        node
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and node.name in HTTP_METHODS
    ]


@pytest.mark.parametrize("path", RESOURCES, ids=lambda p: p.name)
def test_views_fit_on_a_screen(path: Path) -> None:
    long_views = {
        f"{method.name} at line {method.lineno}": method.end_lineno - method.lineno + 1
        for method in _view_methods(path)
        if method.end_lineno is not None and method.end_lineno - method.lineno + 1 > VIEW_LINES
    }
    assert long_views == {}, f"views in {path.name} longer than {VIEW_LINES} lines"


@pytest.mark.parametrize("room", ROOMS, ids=lambda p: p.name)
def test_every_room_says_what_it_holds(room: Path) -> None:
    docstring = ast.get_docstring(ast.parse((room / "__init__.py").read_text()))
    assert docstring, f"api/{room.name}/__init__.py has no docstring"
