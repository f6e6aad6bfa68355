from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from warta.limits import run_limited
from warta.report import build_report, render_markdown
from warta.report.approval import approval_requirements


def render_report(root: Path, base: str, head: str, fmt: str, author: str | None,
                  preview_url: str | None) -> str:
    """The whole report as text: everything that reads the PR's content happens here."""
    result = build_report(root, base, head, preview_url=preview_url)
    approved, requirements = approval_requirements(root, result.base, result.head, author=author)
    result = replace(result, approved=approved, requirements=tuple(requirements))
    if fmt == "json":
        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    return render_markdown(result)


def report(*, base: str, head: str, fmt: str, repo: Path | None = None, author: str | None = None,
           preview_url: str | None = None) -> int:
    root = repo or Path.cwd()
    # PR content is parsed in a child process under hard time and memory limits (warta.limits).
    text = run_limited(render_report, root, base, head, fmt, author,
                       preview_url or os.environ.get("WARTA_PREVIEW_URL"), what="Laporan pull request")
    print(text, end="")
    return 0
