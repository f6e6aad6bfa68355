"""The approval records (`warta gate record`) on the ledger branch, read for the build as
plain data: each post path -> the records of the merged PRs that changed it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

APPROVALS = "approvals"  # the folder `warta.gate.github.record` writes into the ledger


def read_approvals(ledger_dir: Path | None) -> dict[str, list[dict[str, Any]]]:
    """Every readable record, latest line per PR; a broken line is skipped (the ledger is
    append-only JSON Lines written by the workflow, never by hand)."""
    folder = ledger_dir / APPROVALS if ledger_dir is not None else None
    if folder is None or not folder.is_dir():
        return {}
    by_path: dict[str, list[dict[str, Any]]] = {}
    for file in sorted(folder.glob("*.jsonl")):
        record: dict[str, Any] | None = None
        for line in file.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict) and isinstance(data.get("files"), list):
                record = data
        if record is None:
            continue
        files = [p for p in record["files"]
                 if isinstance(p, str) and p.startswith("content/") and p.endswith(".md")]
        plain = {"pr": record.get("pr"), "url": str(record.get("url") or ""),
                 "merged_at": str(record.get("merged_at") or ""),
                 "opened_at": str(record.get("opened_at") or ""), "files": files,
                 "approved": record.get("approved") is True,
                 "approvers": [{k: str(a.get(k) or "") for k in ("login", "name", "role", "at")}
                               for a in record.get("approvers") or [] if isinstance(a, dict)]}
        for path in files:
            by_path.setdefault(path, []).append(plain)
    return by_path
