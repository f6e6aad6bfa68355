from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from warta.output import print_json
from warta.report import build_report, render_markdown
from warta.report.approval import approval_requirements


def report(*, base: str, head: str, fmt: str, repo: Path | None = None, author: str | None = None,
           preview_url: str | None = None) -> int:
    root = repo or Path.cwd()
    result = build_report(root, base, head, preview_url=preview_url or os.environ.get("WARTA_PREVIEW_URL"))
    approved, requirements = approval_requirements(root, result.base, result.head, author=author)
    result = replace(result, approved=approved, requirements=tuple(requirements))
    if fmt == "json":
        print_json(result.as_dict())
    else:
        print(render_markdown(result), end="")
    return 0
