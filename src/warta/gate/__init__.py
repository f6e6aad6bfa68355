"""The approval gate: the Kepala PD's approval of a pull request, checked from the base roster."""

from warta.gate.models import (
    MAX_CHANGED_FILES,
    ChangedFile,
    Contributors,
    PullRequest,
    Requirement,
    Review,
    Verdict,
)
from warta.gate.verdict import approval_verdict

__all__ = [
    "MAX_CHANGED_FILES", "ChangedFile", "Contributors", "PullRequest", "Requirement", "Review",
    "Verdict", "approval_verdict",
]
