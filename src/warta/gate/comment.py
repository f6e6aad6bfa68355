"""The one PR comment and the check run text: the verdict as Markdown, in Indonesian."""

from __future__ import annotations

from warta.gate.models import Requirement, Verdict

CHECK_NAME = "warta/persetujuan"
MARKER = "<!-- warta:persetujuan -->"
_MAX = 60000  # GitHub caps check-run summaries and comments at 65,535 characters


def scope_label(scope: str) -> str:
    kind, _, rest = scope.partition(":")
    labels = {"agency": f"Perangkat daerah `{rest}`", "media_center": "Media Center",
              "admin": "Admin provinsi (Diskominfotik)", "files": "Jumlah berkas",
              "github": "GitHub API", "head": "Commit terakhir",
              "content": "Berkas berita"}
    return labels.get(kind, scope)


def title(verdict: Verdict) -> str:
    if verdict.approved:
        return "Disetujui: semua persetujuan yang diperlukan sudah lengkap"
    missing = sum(1 for r in verdict.requirements if not r.satisfied_by)
    return f"Belum disetujui: {missing} persetujuan belum terpenuhi"


def _line(req: Requirement) -> str:
    mark = "✅" if req.satisfied_by else "❌"
    return f"- {mark} **{scope_label(req.scope)}** — {req.reason}"


def requirements_markdown(verdict: Verdict) -> str:
    lines = [f"**{title(verdict)}**", ""] + [_line(r) for r in verdict.requirements]
    return "\n".join(lines)[:_MAX]


def comment_body(verdict: Verdict, head_sha: str, review: str | None = None) -> str:
    """The comment: an optional review (`warta report`), then the approval requirements."""
    parts = [MARKER, "## Persetujuan Kepala PD", "",
             f"Diperiksa pada commit `{head_sha[:7]}` dengan roster dari cabang tujuan.", "",
             requirements_markdown(verdict)]
    if review:  # the review renders these requirements itself
        return f"{MARKER}\n{review.strip()}\n"[:_MAX]
    return "\n".join(parts)[:_MAX]
