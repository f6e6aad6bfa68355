"""Dependencies: every import is declared with a range, the hashed lock pins each of them, and
CI (scripts/test.sh, every workflow) installs exactly the lock, then Warta without dependencies."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import PROJECT_ROOT

SOURCE = PROJECT_ROOT / "src/warta"
PROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(text) for text in PROJECT["dependencies"]]
EXTRAS = {name: [Requirement(text) for text in reqs] for name, reqs in PROJECT["optional-dependencies"].items()}
LOCK = PROJECT_ROOT / "requirements/lock.txt"
# Loaded by name rather than imported: Markdown extensions in the generated mkdocs.yml, the theme,
# and the Pagefind indexer run as `python -m pagefind`.
BY_NAME = {"pymdownx": "pymdown-extensions", "material": "mkdocs-material", "pagefind": "pagefind"}
OPTIONAL = {"properdocs": "properdocs"}  # imported only with WARTA_SITE_ENGINE=properdocs (site/engine.py)


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "warta"}


def test_every_third_party_import_is_a_declared_dependency() -> None:
    declared = {canonicalize_name(r.name) for r in RUNTIME}
    providers = packages_distributions()
    undeclared = []
    for module in sorted(imported_modules() - set(OPTIONAL)):
        dists = {canonicalize_name(d) for d in providers.get(module, [])}
        if not dists & declared:
            undeclared.append(f"{module} (from {', '.join(sorted(dists)) or 'nothing installed'})")
    assert undeclared == []
    assert {canonicalize_name(d) for d in BY_NAME.values()} <= declared
    extras = {canonicalize_name(r.name) for reqs in EXTRAS.values() for r in reqs}
    assert {canonicalize_name(d) for d in OPTIONAL.values()} <= extras
    assert {"requests", "markupsafe", "pymdown-extensions", "mutagen"} <= declared


def test_pyproject_has_ranges_not_pins() -> None:
    pinned = [str(r) for r in [*RUNTIME, *(r for reqs in EXTRAS.values() for r in reqs)]
              if any(spec.operator in ("==", "===") for spec in r.specifier)]
    assert pinned == []
    mkdocs = next(r for r in RUNTIME if r.name == "mkdocs").specifier
    assert mkdocs.contains("1.6.1") and not mkdocs.contains("2.0")  # MkDocs 2 is another program


def lock_entries() -> list[tuple[str, Version, Marker | None, int]]:
    """(name, version, marker, number of hashes) for every requirement in the lock."""
    entries = []
    for block in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8")):
        head = block.split("\\", 1)[0].strip()
        if not head or head.startswith("#"):
            continue
        req = Requirement(head)
        (spec,) = req.specifier
        assert spec.operator == "==", head
        entries.append((canonicalize_name(req.name), Version(spec.version), req.marker, block.count("--hash=sha256:")))
    return entries


def test_lock_pins_every_dependency_and_extra_with_hashes() -> None:
    entries = lock_entries()
    assert len(entries) > 50
    assert [name for name, _, _, hashes in entries if hashes == 0] == []
    here = {name: version for name, version, marker, _ in entries if marker is None or marker.evaluate()}
    uncovered = [str(r) for r in [*RUNTIME, *(r for reqs in EXTRAS.values() for r in reqs)]
                 if canonicalize_name(r.name) not in here or here[canonicalize_name(r.name)] not in r.specifier]
    assert uncovered == []
    header = LOCK.read_text(encoding="utf-8").split("\n", 3)[:3]
    assert all(f"--extra {extra}" in "".join(header) for extra in EXTRAS) and "--generate-hashes" in "".join(header)


def pip_installs(text: str) -> list[str]:
    commands = re.split(r"&&|\n|;", text)
    return [c.strip() for c in commands if re.search(r"\bpip install\b", c)]


def test_ci_and_every_workflow_install_from_the_lock() -> None:
    files = [PROJECT_ROOT / "scripts/test.sh", *sorted((PROJECT_ROOT / ".github/workflows").glob("*.yml"))]
    assert "scripts/test.sh" in (PROJECT_ROOT / ".ci/run").read_text(encoding="utf-8")
    installing = 0
    for path in files:
        installs = pip_installs(path.read_text(encoding="utf-8"))
        if not installs:
            continue
        installing += 1
        locked = [c for c in installs if re.search(r"--require-hashes -r \S*requirements/lock\.txt", c)]
        others = [c for c in installs if c not in locked and "--no-deps" not in c]
        assert locked and others == [], f"{path.name}: {installs}"
        assert installs.index(locked[0]) < min(i for i, c in enumerate(installs) if "--no-deps" in c)
    assert installing >= 8
