"""`warta report`: the review comment for a PR (warta.review) with the gate's approval requirements
(warta.gate), composed here so neither stage imports the other."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.limits import run_limited
from warta.review import build_review, render_markdown
from warta.timeutil import now_wib

if TYPE_CHECKING:
    from warta.gate.models import Verdict


def approval_requirements(repo: Path, base: str, head: str, *,
                          author: str | None) -> tuple[bool, list[dict[str, Any]]]:
    """Who must approve: the same verdict the gate computes (roster at base), before any review."""
    from warta.gate.evaluate import evaluate
    from warta.gate.input import GateInput

    gate_input = GateInput(repo=str(repo), base_sha=base, head_sha=head,
                           author=(author or "").lstrip("@"), reviews=())
    verdict = evaluate(gate_input, now_wib())
    return verdict.approved, [r.as_dict() for r in verdict.requirements]


def review_comment(checkout: Path, base_sha: str, head_sha: str, verdict: Verdict,
                   preview_url: str | None = None) -> str:
    """The review comment for the gate's PR comment, with the verdict the gate just reached."""
    built = build_review(checkout, base_sha, head_sha, preview_url=preview_url)
    built = replace(built, approved=verdict.approved, requirements=tuple(r.as_dict() for r in verdict.requirements))
    return render_markdown(built)


def render_review(root: Path, base: str, head: str, fmt: str, author: str | None,
                  preview_url: str | None) -> str:
    """The whole report as text: everything that reads the PR's content happens here."""
    result = build_review(root, base, head, preview_url=preview_url)
    approved, requirements = approval_requirements(root, result.base, result.head, author=author)
    result = replace(result, approved=approved, requirements=tuple(requirements))
    if fmt == "json":
        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    return render_markdown(result)


def report(*, base: str, head: str, fmt: str, repo: Path | None = None, author: str | None = None,
           preview_url: str | None = None) -> int:
    root = repo or Path.cwd()
    # PR content is parsed in a child process under hard time and memory limits (warta.limits).
    text = run_limited(render_review, root, base, head, fmt, author,
                       preview_url or os.environ.get("WARTA_PREVIEW_URL"), what="Laporan pull request")
    print(text, end="")
    return 0
