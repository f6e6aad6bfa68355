"""Imports follow the data flow: roster → content → check → site → gate → dispatch → metrics.

Every module of src/warta is parsed with `ast` (imports inside functions count too) and mapped to
a stage; no stage may import a later one or a sibling at its own level, packages import each other
without cycles, and each third-party engine stays behind its one module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# (module prefix, stage, rank): the longest matching prefix wins. A stage may import only stages of a
# lower rank, its own stage, and the shared infrastructure (rank 0, which imports nothing later).
STAGES: list[tuple[str, str, float]] = [
    ("warta.errors", "infra", 0), ("warta.findings", "infra", 0), ("warta.output", "infra", 0),
    ("warta.timeutil", "infra", 0), ("warta.yamlsrc", "infra", 0), ("warta.schema", "infra", 0),
    ("warta.limits", "infra", 0), ("warta.project", "infra", 0), ("warta.git", "infra", 0),
("warta.formatting", "infra", 0), ("warta.databranch", "infra", 0),
    ("warta.channels.networks", "infra", 0),
    ("warta.roster", "roster", 1),
    ("warta.http", "http", 1.5),  # the networks' HTTP client; names token secrets as the roster does
    ("warta.content", "content", 2),
    ("warta.channels", "channels", 3),  # what each network accepts, and captions rendered from posts
    ("warta.check", "check", 4),
    ("warta.media", "media", 4.5),  # photos normalised on the way in (`warta media add|fix`)
    ("warta.media.lock", "infra", 0), ("warta.media.store", "infra", 0),  # media outside git: read by all
    ("warta.media.limits", "channels", 3),  # the photo limits, from channels.limits
    ("warta.site", "site", 5), ("warta.preview", "site", 5),
    ("warta.review", "review", 6),  # the PR comment: beside the gate, neither imports the other
    ("warta.admin", "admin", 5),  # the web editor: writes posts the way `warta new` does
    ("warta.deploy", "deploy", 5.5),  # puts the built site on the web server
    ("warta.gate", "gate", 6),
    # Shared by dispatch and metrics; writes rotated refresh tokens back through gate.github (PyGithub).
    ("warta.oauth", "tokens", 7), ("warta.tokens", "tokens", 7),
    ("warta.dispatch", "dispatch", 8),
    ("warta.metrics", "metrics", 9),
    ("warta.commands", "commands", 10), ("warta.cli", "commands", 10), ("warta.__main__", "commands", 10),
    ("warta", "infra", 0),  # the package itself: its version
]
# Third-party engines behind one door each (module prefix that may import it).
ONLY_FROM = {"github": "warta.gate.github", "git": "warta.git", "mkdocs": "warta.site.engine"}
# The metrics stage reads dispatch's outcome, the ledger (and its Key), and nothing else of dispatch.
METRICS_MAY_READ = ("warta.dispatch.ledger", "warta.dispatch.model")


def stage_of(module: str) -> tuple[str, float]:
    best = max((p for p in STAGES if module == p[0] or module.startswith(p[0] + ".")), key=lambda p: len(p[0]))
    return best[1], best[2]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the file, at any depth; `from x import y` is an
    import of x.y when that is a module (`from warta import git`), else of x."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                found.append((f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target,
                              node.lineno))
    return found


def graph() -> dict[str, list[tuple[str, int]]]:
    modules = {module_name(p): p for p in (SRC / "warta").rglob("*.py")}
    edges: dict[str, list[tuple[str, int]]] = {}
    for name, path in modules.items():
        for target, line in imports(path, set(modules)):
            if target.split(".")[0] == "warta":
                if target in modules:
                    edges.setdefault(name, []).append((target, line))
            else:
                edges.setdefault(name, []).append((target, line))
    return edges


def violations(edges: dict[str, list[tuple[str, int]]]) -> list[str]:
    problems = []
    for source, targets in sorted(edges.items()):
        stage, rank = stage_of(source)
        for target, line in targets:
            top = target.split(".")[0]
            where = f"{source.replace('.', '/')}.py:{line} imports {target}"
            if top != "warta":
                door = ONLY_FROM.get(top)
                if door and not (source == door or source.startswith(door + ".")):
                    problems.append(f"{where}: only {door} may import {top}")
                continue
            other, other_rank = stage_of(target)
            if other == stage:
                continue
            if other_rank > rank or (other_rank == rank and rank != 0):
                problems.append(f"{where}: stage {stage} must not import {other} (later in the data flow)")
            if stage == "metrics" and other == "dispatch" and not target.startswith(METRICS_MAY_READ):
                problems.append(f"{where}: metrics reads dispatch only through {', '.join(METRICS_MAY_READ)}")
    return problems


def package_cycles(edges: dict[str, list[tuple[str, int]]]) -> list[list[str]]:
    """Cycles between warta's packages and top-level modules (warta.gate, warta.git, ...), found as
    strongly connected components; inside one package a subpackage may use its parent's model. A module
    STAGES names on its own (warta.channels.networks) counts as its own unit."""
    def package(module: str) -> str:
        own = [p for p, _, _ in STAGES if p.count(".") >= 2 and (module == p or module.startswith(p + "."))]
        return own[0] if own else ".".join(module.split(".")[:2])

    links: dict[str, set[str]] = {}
    for source, targets in edges.items():
        for target, _ in targets:
            if target.startswith("warta") and package(source) != package(target):
                links.setdefault(package(source), set()).add(package(target))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(links.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(links):
        if node not in index:
            visit(node)
    return cycles


def test_imports_follow_the_data_flow() -> None:
    edges = graph()
    unmapped = [m for m in edges if m != "warta" and stage_of(m)[0] == "infra" and not any(
        m == p or m.startswith(p + ".") for p, stage, _ in STAGES if stage == "infra" and p != "warta")]
    assert unmapped == [], "give each new module or package its stage in STAGES"
    assert sorted(set(violations(edges))) == []


def test_no_cycles_between_packages() -> None:
    assert package_cycles(graph()) == []


@pytest.mark.parametrize(("source", "target", "why"), [
    ("warta.site.build", "warta.dispatch.ledger", "dispatch"),
    ("warta.site.build", "warta.metrics.dashboard", "metrics"),
    ("warta.gate.github.pulls", "warta.review", "review"),
    ("warta.review.build", "warta.gate.evaluate", "gate"),
    ("warta.metrics.collect", "warta.dispatch.adapters", "only through"),
    ("warta.check.media", "github", "only warta.gate.github"),
    ("warta.dispatch.run", "git", "only warta.git"),
    ("warta.site.build", "mkdocs", "only warta.site.engine"),
])
def test_the_check_catches_each_forbidden_direction(source: str, target: str, why: str) -> None:
    """The checks above can fail: each edge that used to exist (or would break a rule) is reported."""
    assert any(why in problem for problem in violations({source: [(target, 1)]}))
