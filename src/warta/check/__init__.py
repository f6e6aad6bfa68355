"""`warta check`: roster + post schema (+ quality rules), as one list of findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from warta.check.files import content_file_findings, symlink_findings
from warta.check.quality import Context, check_post_quality
from warta.check.store import store_findings
from warta.content import load_posts
from warta.content.plans import load_plans, post_plan_findings
from warta.findings import Finding, Severity, sort_findings
from warta.roster import load_roster, validate_roster
from warta.roster.models import Province


def apply_severities(findings: Iterable[Finding], province: Province) -> list[Finding]:
    """Province settings may turn a code into an error, a warning, or off."""
    out = []
    for finding in findings:
        level = province.severities.get(finding.code)
        if level == "off":
            continue
        if level in ("error", "warning"):
            finding = replace(finding, severity=Severity(level))
        out.append(finding)
    return out


def _selected(path: str, selectors: list[str]) -> bool:
    return not selectors or any(path == s or path.startswith(s.rstrip("/") + "/") for s in selectors)


def run_check(root: Path, paths: list[Path] | None = None, *, today: date) -> list[Finding]:
    """All findings for the repository, or for the given files and folders within it."""
    loaded = load_roster(root)
    selectors = [p.resolve().relative_to(root.resolve()).as_posix() for p in paths or []]
    selectors = [s for s in selectors if s != "."]
    findings = loaded.findings + validate_roster(loaded, root, today)
    findings += content_file_findings(root) + symlink_findings(root)  # narrowed to `paths` below
    findings += store_findings(root, loaded.roster.province)
    content_paths = [p for p in paths or [] if p.resolve() != root.resolve()] or None
    posts, post_findings = load_posts(root, loaded.roster, content_paths)
    plans, plan_findings = load_plans(root, loaded.roster)
    findings += plan_findings
    post_findings += post_plan_findings(posts, plans)
    ctx = Context(root, loaded.roster.province)
    for post in posts:
        post_findings += check_post_quality(ctx, post)
    findings = [f for f in findings if _selected(f.file, selectors)] + post_findings
    return sort_findings(apply_severities(findings, loaded.roster.province))
