"""The pull-request comment, in Bahasa Indonesia, short lines for a Kepala PD on a phone."""

from __future__ import annotations

import re

from warta.channels.captions import Caption
from warta.channels.limits import LIMITS
from warta.findings import Severity
from warta.formatting import angka, tanggal_jam
from warta.review.build import PostReview, Review

MARKER = "<!-- warta:laporan -->"
ICONS = {"instagram": "📷", "facebook": "📘", "x": "✖️", "youtube": "▶️", "tiktok": "🎵"}
CHECKLIST = (
    "Isi berita faktual dan sesuai data (Pedoman IV)",
    "Foto dan video layak tayang, tanpa data pribadi (NIK, NIP, nomor telepon)",
    "Caption tiap media sosial di atas sudah tepat",
    "Jadwal tayang dan akun tujuan sudah benar",
)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def _plain(text: str) -> str:
    """Our own messages keep their `code` spans; only HTML is neutralised."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote(text: str) -> str:
    return "\n".join("> " + (_escape(line) if line else "") for line in text.splitlines()) or "> (kosong)"


def _status_icon(post: PostReview) -> str:
    if any(f.severity is Severity.ERROR for f in post.findings):
        return "❌"
    return "⚠️" if post.findings else "✅"


def _caption_block(caption: Caption) -> list[str]:
    label = LIMITS[caption.channel].label if caption.channel in LIMITS else caption.channel
    unit = {"x": "karakter berbobot", "youtube": "byte"}.get(caption.channel, "karakter")
    size = angka(caption.length) + (f"/{angka(caption.limit)}" if caption.limit else "")
    flag = " ❌ terlalu panjang" if caption.over_limit else ""
    media = f" · {len(caption.media)} foto" if caption.media else ""
    video = " · video" if caption.video else ""
    lines = [f"<details><summary>{ICONS.get(caption.channel, '')} {label} · {size} {unit}{media}{video}{flag}"
             "</summary>", ""]
    if caption.title is not None:
        lines += [f"**Judul video:** {_escape(caption.title)}", ""]
    lines.append(_quote(caption.text))
    if caption.cut:
        lines += ["", f"✂️ Dipotong agar muat: {', '.join(caption.cut)}."]
    if caption.overridden:
        lines += ["", "✍️ Caption khusus dari `captions`."]
    if caption.media:
        lines += ["", "Media: " + ", ".join(f"`{m.file}`" for m in caption.media)]
    return [*lines, "", "</details>"]


def _post_section(post: PostReview) -> list[str]:
    if post.post is None:
        title = f"`{post.path}`"
        if post.status == "dihapus":
            return [f"### 🗑️ {title}", "Berita ini dihapus; tidak ada yang dikirim.", ""]
    p = post.post
    lines = [f"### {_status_icon(post)} {_escape(p.title) if p else f'`{post.path}`'}"]
    if p is not None:
        when = tanggal_jam(p.publish_at or p.date)
        extra = " · **draf (tidak tayang)**" if p.draft else ""
        extra += " · 📣 juga untuk Media Center" if p.media_center else ""
        lines.append(f"{post.status} · tayang {when}{extra}")
    moved = f" (dari `{post.old_path}`)" if post.old_path else ""
    lines += [f"`{post.path}`{moved}", ""]
    if post.findings:
        lines.append("**Pemeriksaan**")
        for f in post.findings:
            icon = "❌" if f.severity is Severity.ERROR else "⚠️"
            lines.append(f"- {icon} baris {f.line}: {_plain(f.message)}")
    else:
        lines.append("✅ Semua pemeriksaan lolos.")
    lines.append("")
    if post.published_diff:
        fence = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", post.published_diff)), default=0))
        lines += ["<details><summary>✏️ Perubahan pada teks yang sudah tayang</summary>", "",
                  f"{fence}diff", post.published_diff, fence, "", "</details>", ""]
    if p is not None:
        lines.append(f"🌐 Situs web: {post.url}")
        if post.preview_url:
            lines.append(f"🔎 Pratinjau: {post.preview_url}")
        if post.captions:
            lines += ["", "**Yang akan terkirim ke media sosial**", ""]
            for caption in post.captions:
                lines += _caption_block(caption)
        lines.append("")
    return lines


def _requirements(report: Review) -> list[str]:
    if not report.requirements:
        return []
    head = "✅ Sudah disetujui." if report.approved else "⏳ Belum disetujui. Yang harus menyetujui:"
    lines = ["## Persetujuan", head, ""]
    for req in report.requirements:
        eligible = ", ".join(f"@{login}" for login in req.get("eligible", [])) or "(belum ada yang berhak)"
        if req.get("satisfied_by"):
            lines.append(f"- ✅ **{req['scope']}**: disetujui @{req['satisfied_by']}")
        else:
            lines.append(f"- ⏳ **{req['scope']}**: {eligible}. {_plain(str(req.get('reason', '')))}")
    return [*lines, ""]


def _plans(report: Review) -> list[str]:
    """Changed plan files: how many items become public (Agenda, agenda.ics), and their checks."""
    if not report.plans:
        return []
    lines = ["**Rencana liputan yang berubah** (data tim; hanya butir `publik: true` tampil di Agenda):", ""]
    for plan in report.plans:
        if plan.status == "dihapus":
            lines.append(f"- 🗑️ `{plan.path}` dihapus")
            continue
        icon = "❌" if any(f.severity is Severity.ERROR for f in plan.findings) else "⚠️" if plan.findings else "✅"
        lines.append(f"- {icon} `{plan.path}` ({plan.status}): {plan.public} butir publik, "
                     f"{plan.internal} butir internal")
        lines += [f"  - {'❌' if f.severity is Severity.ERROR else '⚠️'} baris {f.line}: {_plain(f.message)}"
                  for f in plan.findings]
    return [*lines, ""]


# The whole comment stays under GitHub's 65,536 characters with room for the gate's own
# marker (gate/comment.py cuts at 60,000): requirements and checklist come first and are never
# cut; each post's section gets a fair share of what is left, and a cut says so.
MAX_CHARS = 59_000
_CUT_NOTE = 90  # room for "… (dipotong: …)" and a closing </details>
_HEADING_MAX = 300
KIND_LABEL = {"post": "berita", "attachment": "lampiran", "data": "data Warta", "not_allowed": "tidak diterima",
              "other": "di luar content/"}
MAX_FILES_LISTED = 50


def _summary(report: Review) -> str:
    posts = report.posts
    errors = sum(_status_icon(p) == "❌" for p in posts if p.post)
    files = report.files
    if files:
        summary = f"**{len(files)} berkas** berubah: {len(posts)} berita, {report.count('attachment')} lampiran"
        rest = len(files) - report.count("post") - report.count("attachment")
        summary += f", {rest} berkas lain" if rest else ""
    else:
        summary = f"**{len(posts)} berita** berubah"
    refused = sum(1 for f in files if f.problem)
    if refused:
        summary += f" · ❌ {refused} berkas tidak diterima"
    if errors:
        summary += f" · ❌ {errors} perlu diperbaiki sebelum disetujui"
    return summary


def _files_section(report: Review) -> list[str]:
    if report.files:
        lines = ["## Semua berkas yang berubah", ""]
        # Problems first, so a long list never hides them.
        ordered = sorted(report.files, key=lambda f: (f.problem is None, f.kind == "post"))
        for f in ordered[:MAX_FILES_LISTED]:
            moved = f" (dari `{_plain(f.old_path)}`)" if f.old_path else ""
            admin = " · perlu admin Diskominfotik" if f.kind == "other" else ""
            icon = "❌ " if f.problem else ""
            lines.append(f"- {icon}`{_plain(f.path)}`{moved} · {f.status} · {KIND_LABEL.get(f.kind, f.kind)}{admin}")
            if f.problem:
                lines.append(f"  {_plain(f.problem)}")
        if len(ordered) > MAX_FILES_LISTED:
            lines.append(f"- … dan {angka(len(ordered) - MAX_FILES_LISTED)} berkas lain")
        return [*lines, ""]
    if not report.other_files:
        return []
    lines = ["**Berkas lain yang berubah** (perlu admin Diskominfotik):", ""]
    lines += [f"- `{path}`" for path in report.other_files[:30]]
    if len(report.other_files) > 30:
        lines.append(f"- … dan {len(report.other_files) - 30} berkas lain")
    return [*lines, ""]


def _fair_shares(sizes: list[int], budget: int) -> list[int]:
    """Water-filling: sections that fit keep their size, the rest split what is left equally."""
    shares = [0] * len(sizes)
    remaining = sorted(range(len(sizes)), key=lambda i: sizes[i])
    while remaining:
        share = max(budget, 0) // len(remaining)
        index = remaining[0]
        if sizes[index] <= share:
            shares[index] = sizes[index]
            budget -= sizes[index]
            remaining.pop(0)
            continue
        for index in remaining:
            shares[index] = share
        break
    return shares


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters of a section: whole lines where possible, then what was cut."""
    if len(text) <= limit:
        return text
    newline = text.find("\n")
    heading = min(len(text) if newline < 0 else newline, _HEADING_MAX)  # a section keeps its heading
    keep = max(limit - _CUT_NOTE, heading)
    head = text[:keep]
    if "\n" in head[max(len(head) // 2, heading):]:
        head = head[:head.rindex("\n")]  # end on a line boundary when that loses little
    note = f"… (dipotong: {angka(len(text) - len(head))} karakter; lihat pratinjau)"
    closing = "\n\n</details>" if head.count("<details>") > head.count("</details>") else ""
    return f"{head}\n\n{note}{closing}\n\n"


def render_markdown(report: Review, max_chars: int = MAX_CHARS) -> str:
    """The comment: summary, approvals and checklist first, then each post within its share."""
    lines = [MARKER, "## 📰 Laporan Warta untuk Kepala PD", "", _summary(report), ""]
    if report.preview_url:
        # One tap to the changed post itself (the preview root only when no post changed).
        target = next((p.preview_url for p in report.posts if p.preview_url), report.preview_url)
        lines += [f"🔎 [Lihat pratinjau berita]({target})", ""]
    lines += _requirements(report)
    lines += ["## Daftar periksa Kepala PD", *(f"- [ ] {item}" for item in CHECKLIST), "",
              "Setujui lewat **Files changed → Review changes → Approve**. Persetujuan hanya berlaku untuk "
              "commit terakhir; setiap perubahan baru perlu disetujui lagi.", ""]
    head = "\n".join(lines) + "\n"
    files = _cut("\n".join(_plans(report) + _files_section(report)) + "\n", max(max_chars // 10, 2_000))
    sections = ["\n".join(["## Berita", ""]) + "\n"] if report.posts else []
    sections = [*sections, *("\n".join(_post_section(post)) + "\n" for post in report.posts)]
    budget = max_chars - len(head) - len(files) - _CUT_NOTE
    shares = _fair_shares([len(section) for section in sections], budget)
    body = ""
    for index, (section, share) in enumerate(zip(sections, shares, strict=True)):
        part = _cut(section, share)
        if len(head) + len(body) + len(part) + len(files) + _CUT_NOTE > max_chars:
            # So many posts that even their headings do not fit: say how many are left out.
            body += f"… dan {angka(len(sections) - index)} bagian lain tidak ditampilkan; lihat pratinjau.\n\n"
            break
        body += part
    return (head + body + files).rstrip() + "\n"
