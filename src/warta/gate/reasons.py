"""The verdict's explanations, in Bahasa Indonesia: who may approve and why."""

from __future__ import annotations

from warta.gate.models import MAX_CHANGED_FILES, Review
from warta.roster.models import Agency, Delegate, Person
from warta.timeutil import WIB

NOBODY_HINT = {
    # Pedoman VIII.2: nobody approves content in the kepala's place, admins included.
    "Kepala": "berita ini belum dapat disetujui, dan admin Diskominfotik tidak dapat menyetujui "
              "menggantikan Kepala PD (Pedoman VIII.2). Diskominfotik mengisi kepala atau Plt./Plh. "
              "di roster (`warta roster set-kepala` atau `warta roster add-delegate`); ajukan lewat "
              "formulir \"Perubahan roster\" di GitHub.",
    "Koordinator": "minta admin Diskominfotik mengisi `media_center.koordinator` di "
                   "roster/_province.yml.",
    "admin": "isi `admins` atau `github.admin_team` di roster/_province.yml.",
}
_STATES = {
    "CHANGES_REQUESTED": "meminta perubahan (Request changes)",
    "DISMISSED": "persetujuannya dibatalkan (dismissed)",
}


def _at(logins: list[str]) -> str:
    return ", ".join(f"@{x}" for x in logins)


def _paths(paths: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"`{p}`" for p in paths[:limit])
    more = len(paths) - limit
    return shown + (f" dan {more} berkas lain" if more > 0 else "")


def agency_title(agency: Agency) -> str:
    return f"Kepala {agency.name} atau Plt./Plh.-nya yang sedang bertugas"


def agency_need(agency: Agency, paths: list[str]) -> str:
    return (f"Perubahan menyentuh folder `content/{agency.slug}/` ({_paths(paths)}), sehingga "
            f"harus disetujui Kepala {agency.name} (Pedoman VIII.2) atau Plt./Plh. yang aktif "
            "pada saat menyetujui.")


def media_center_need(posts: list[str]) -> str:
    return (f"Berita bertanda `media_center: true` ({_paths(posts)}) juga harus disetujui "
            "Koordinator Media Center (Pedoman VIII.4).")


def admin_need(outside: list[str], unknown: list[str], *, empty: bool) -> str:
    parts: list[str] = []
    if empty:
        parts.append("Pull request ini tidak mengubah berkas apa pun")
    if outside:
        parts.append(f"Perubahan di luar `content/` ({_paths(outside)}) menyangkut roster, "
                     "alur kerja, CODEOWNERS, templat atau kode sistem")
    if unknown:
        parts.append(f"Folder yang tidak terdaftar di roster cabang tujuan ({_paths(unknown)}) "
                     "belum punya kepala yang berwenang")
    return "; ".join(parts) + ", sehingga harus disetujui admin provinsi (Diskominfotik)."


def too_many_files(count: int) -> str:
    return (f"Pull request ini mengubah {count} berkas, lebih dari batas {MAX_CHANGED_FILES} "
            "berkas yang dapat dibaca dari GitHub, sehingga persetujuan tidak dapat diperiksa. "
            "Pecah menjadi beberapa pull request yang lebih kecil.")


def unreadable_posts(posts: tuple[tuple[str, str], ...], limit: int = 5) -> str:
    shown = "; ".join(f"`{path}` ({why})" for path, why in posts[:limit])
    more = len(posts) - limit
    return (f"Berkas berita berikut tidak dapat dibaca sebagai berita: {shown}"
            + (f"; dan {more} berkas lain" if more > 0 else "")
            + ". Persetujuan tidak dapat diperiksa untuk berkas yang tidak terbaca (fail closed): "
              "perbaiki berkasnya (lihat `warta check`) lalu minta persetujuan lagi.")


def cancelled(review: Review) -> str:
    state = _STATES.get(review.state.upper(), review.state)
    return f"Ulasan terakhir @{review.user} {state}, sehingga persetujuan sebelumnya tidak berlaku."


def stale(review: Review) -> str:
    return (f"Persetujuan @{review.user} diberikan pada commit lama ({review.commit_id[:7]}); "
            "sesudahnya ada perubahan baru, jadi @" + review.user + " perlu menyetujui ulang.")


def contributor(review: Review) -> str:
    return (f"Persetujuan @{review.user} tidak dihitung karena ia membuka pull request ini atau "
            "ikut menulis commit-nya (penulis, committer atau Co-authored-by); perubahan harus "
            "disetujui orang yang tidak menulisnya.")


def out_of_window(review: Review, person: Person) -> str:
    day = review.submitted_at.astimezone(WIB).date().isoformat()
    if isinstance(person, Delegate) and not person.window_valid:
        return (f"@{review.user} tidak dihitung: masa tugasnya sebagai {person.role}. di roster tidak "
                "sah (`from`/`until` kosong atau bukan tanggal TTTT-BB-HH); minta admin "
                "Diskominfotik memperbaikinya.")
    if isinstance(person, Delegate):
        window = f"{person.start or '…'} s.d. {person.until or '…'}"
        return (f"@{review.user} menyetujui pada {day} WIB, di luar masa tugasnya sebagai "
                f"{person.role}. ({window}), sehingga persetujuannya tidak dihitung.")
    return f"@{review.user} tidak berwenang menyetujui pada {day} WIB."


def _window(person: Person) -> str:
    if isinstance(person, Delegate) and not person.window_valid:
        return f" ({person.role}., masa tugas di roster tidak sah)"
    if isinstance(person, Delegate):
        return f" ({person.role}., {person.start or '…'} s.d. {person.until or '…'})"
    return ""


def requirement(need: str, title: str, eligible: list[str], satisfied_by: str | None,
                excluded: list[str], notes: list[str], everyone: tuple[Person, ...]) -> str:
    """The whole reason: why the approval is needed, who gave it or who may give it."""
    if satisfied_by:
        return f"{need} Sudah disetujui oleh @{satisfied_by} pada commit terakhir."
    text = [need]
    if eligible:
        text.append(f"Yang dapat menyetujui ({title}): {_at(eligible)}.")
    else:
        hint = NOBODY_HINT.get(title.split()[0], NOBODY_HINT["Kepala"])
        text.append(f"Saat ini tidak ada {title} yang dapat menyetujui; {hint}")
    if excluded:
        text.append(f"{_at(excluded)} tidak dapat menyetujui karena membuka atau ikut menulis "
                    "perubahan ini.")
    delegates = [f"@{p.github}{_window(p)}" for p in everyone
                 if isinstance(p, Delegate) and p.github and p.github not in eligible
                 and p.github not in excluded]
    if delegates:
        text.append(f"Pelaksana tugas di luar masa tugasnya: {', '.join(delegates)}.")
    text += notes
    if eligible:
        text.append("Minta salah satu dari mereka memberi Approve pada commit terakhir.")
    return " ".join(text)
