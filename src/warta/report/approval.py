"""Who must approve: the same verdict the gate computes (roster at base), before any review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warta.gate.evaluate import evaluate
from warta.gate.input import GateInput
from warta.timeutil import now_wib


def approval_requirements(repo: Path, base: str, head: str, *,
                          author: str | None) -> tuple[bool, list[dict[str, Any]]]:
    gate_input = GateInput(repo=str(repo), base_sha=base, head_sha=head,
                           author=(author or "").lstrip("@"), reviews=())
    verdict = evaluate(gate_input, now_wib())
    return verdict.approved, [r.as_dict() for r in verdict.requirements]
