"""Docs are tested: every command is documented, every finding code is in the staff guide and
every code the guide names exists, and docstrings and help cite files the repository has."""

from __future__ import annotations

import ast
import re
from functools import cache

from typer.main import get_command

from tests.conftest import PROJECT_ROOT
from warta.check.personal import CODES as PERSONAL_CODES
from warta.cli import app
from warta.roster.nip import PROBLEM_MESSAGES

SOURCE = PROJECT_ROOT / "src/warta"
# Calls whose code is not a literal, and where their codes come from. A new one fails the test
# below until it is listed here, so no code escapes the guide.
def _wrapper_codes(rel: str, method: str) -> set[str]:
    """Codes given as the second argument of a local wrapper such as `self.err(path, code, message)`."""
    tree = ast.parse((SOURCE / rel).read_text(encoding="utf-8"))
    return {node.args[1].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method
            and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)}


DYNAMIC = {
    ("check/personal.py", "CODES[number.kind]"): set(PERSONAL_CODES.values()),
    ("content/plans.py", "code"): _wrapper_codes("content/plans.py", "err"),
    ("roster/validate.py", "code"): set(PROBLEM_MESSAGES),  # via roster.nip.record_problems
}


def _maker_names(tree: ast.AST) -> set[str]:
    """`error`, `warning` and local aliases such as `make = error if ... else warning`."""
    names = {"error", "warning"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.IfExp):
            branches = (node.value.body, node.value.orelse)
            if all(isinstance(b, ast.Name) and b.id in ("error", "warning") for b in branches):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


@cache
def emitted_codes() -> frozenset[str]:
    """Every finding code `warta.findings.error/warning` is called with anywhere in src/warta."""
    codes: set[str] = set()
    prefixes: set[str] = set()
    templates: list[str] = []
    unknown: list[str] = []
    for path in sorted(SOURCE.rglob("*.py")):
        rel = path.relative_to(SOURCE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        makers = _maker_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "code_prefix" and isinstance(node.value, ast.Constant):
                prefixes.add(node.value.value)
            if not isinstance(node, ast.Call) or len(node.args) < 3:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in makers:
                continue
            code = node.args[2]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                codes.add(code.value)
            elif (isinstance(code, ast.JoinedStr) and len(code.values) == 2
                  and isinstance(code.values[1], ast.Constant)):  # f"{prefix}-unknown-key" (warta.schema)
                templates.append(str(code.values[1].value))
            elif (rel, ast.unparse(code)) in DYNAMIC:
                codes |= DYNAMIC[(rel, ast.unparse(code))]
            else:
                unknown.append(f"src/warta/{rel}:{node.lineno}: {ast.unparse(code)}")
    assert unknown == [], "finding codes that are not literals: list them in DYNAMIC"
    assert prefixes and templates
    return frozenset(codes | {prefix + suffix for prefix in prefixes for suffix in templates})


def guide_codes() -> set[str]:
    guide = (PROJECT_ROOT / "docs/panduan.md").read_text(encoding="utf-8")
    table = [line for line in guide.splitlines() if line.startswith("| `")]
    return {code for line in table for code in re.findall(r"`([a-z]+(?:-[a-z]+)+)`", line.split("|")[1])}


def test_every_code_in_the_staff_guide_is_a_real_finding_code() -> None:
    codes = guide_codes()
    assert len(codes) >= 15
    assert sorted(codes - emitted_codes()) == []


def test_every_finding_code_is_in_the_staff_guide() -> None:
    emitted = emitted_codes()
    assert {"alt-missing", "post-unknown-key", "roster-type", "privacy-nik", "nip-sex", "too-many-images"} <= emitted
    assert sorted(emitted - guide_codes()) == []


CITED_FILE = re.compile(r"(?<![\w/.-])((?:docs|scripts|site_templates|roster|requirements)/[\w./-]+\.\w+)")


def test_docstrings_and_help_cite_only_files_the_repository_has() -> None:
    """No DESIGN.md, STYLE.md or "design card": those documents are not in this repository."""
    cited: list[str] = []
    files = [*SOURCE.rglob("*"), PROJECT_ROOT / "README.md", *(PROJECT_ROOT / "docs").glob("*.md")]
    for path in sorted(files):
        if path.suffix in (".py", ".js", ".html", ".json", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in re.finditer(r"DESIGN\.md|STYLE\.md|design card", text, re.IGNORECASE):
                cited.append(f"{path.relative_to(PROJECT_ROOT)}: {match.group()}")
            for name in CITED_FILE.findall(text):
                if not (PROJECT_ROOT / name).exists() and "<" not in name:
                    cited.append(f"{path.relative_to(PROJECT_ROOT)}: {name}")
    assert cited == []


def test_every_command_is_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"check", "new", "build", "serve", "codeowners", "gate", "report", "dispatch", "metrics"} <= set(names)
    missing = [name for name in names if f"warta {name}" not in readme]
    assert missing == []
