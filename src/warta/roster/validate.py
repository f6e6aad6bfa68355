"""Roster rules the schema cannot express: NIP, duplicates, logins, delegates, channels."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from warta.findings import Finding, error, warning
from warta.roster.equipment import equipment_rules
from warta.roster.load import PROVINCE_FILE, LoadedRoster, nip_from_data
from warta.roster.models import KINDS
from warta.roster.nip import PROBLEM_MESSAGES, mask_nip, record_problems
from warta.schema import suggest
from warta.timeutil import DateParseError, as_date
from warta.yamlsrc import YamlDoc, as_mapping

GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HMAC_HEX = re.compile(r"^[0-9a-f]{64}$")
CHANNEL_ID_KEYS = {
    "instagram": "account",
    "facebook": "page_id",
    "x": "handle",
    "youtube": "channel_id",
    "tiktok": "handle",
}
THL = "tenaga harian lepas"
# One rule, told the same everywhere (Pedoman VIII.2): no admin approves content in a kepala's place.
KEPALA_MISSING = ("Kepala Perangkat Daerah belum diisi, jadi berita perangkat daerah ini belum dapat "
                  "disetujui: hanya Kepala PD atau Plt./Plh. yang aktif yang menyetujui, bukan admin. "
                  "Diskominfotik mengisinya dengan `warta roster set-kepala` (ajukan lewat formulir "
                  "\"Perubahan roster\" di GitHub).")


def validate_roster(loaded: LoadedRoster, root: Path, today: date) -> list[Finding]:
    """Every semantic roster problem; decree defects are warnings, broken structure errors."""
    findings: list[Finding] = []
    nips: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    keys: dict[str, list[tuple[str, int]]] = defaultdict(list)
    numbers: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for slug, (file, doc) in loaded.docs.items():
        data = doc.data
        findings += _agency_rules(slug, file, doc, data, today)
        for index, member in enumerate(_items(data.get("team"))):
            record = nip_from_data(member.get("nip"))
            if record is not None:  # same NIP, same keyed hash: duplicates show without the number
                line = doc.line("team", index, "nip")
                nips[record.hmac].append((file, line, f"{member.get('name') or '(tanpa nama)'} "
                                                      f"(NIP {record.masked})"))
                keys[record.key].append((file, line))
        decree = as_mapping(data.get("decree"))
        if decree.get("number"):
            numbers[str(decree["number"]).strip(". ")].append(
                (file, doc.line("decree", "number"), slug))
    findings += _duplicate_nips(nips)
    findings += _mixed_nip_keys(keys)
    findings += _decree_numbering(numbers)
    findings += _province_rules(loaded)
    findings += _content_folders(loaded, root)
    return findings


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _login(file: str, line: int, value: Any, where: str) -> list[Finding]:
    if value is None or not isinstance(value, str):
        return []
    if value.startswith("@"):
        return [error(file, line, "github-login",
                      f"Login GitHub {where} ditulis tanpa `@`: ganti `{value}` "
                      f"menjadi `{value.lstrip('@')}`.")]
    if not GITHUB_LOGIN.match(value):
        return [error(file, line, "github-login",
                      f"`{value}` bukan login GitHub yang sah ({where}): hanya huruf, angka dan "
                      "tanda hubung, maksimal 39 karakter, tidak diawali atau diakhiri `-`.")]
    return []


def _agency_rules(slug: str, file: str, doc: YamlDoc, data: dict[str, Any],
                  today: date) -> list[Finding]:
    out: list[Finding] = []
    declared = data.get("slug")
    if isinstance(declared, str) and declared != slug:
        out.append(error(file, doc.line("slug"), "roster-slug-mismatch",
                         f"`slug: {declared}` tidak sama dengan nama berkas `{slug}.yml`. "
                         f"Samakan keduanya (folder konten memakai `content/{slug}/`)."))
    if not SLUG.match(slug):
        out.append(error(file, 1, "roster-slug-format",
                         f"Nama berkas `{slug}` harus huruf kecil, angka dan tanda hubung."))
    kind = data.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        out.append(error(file, doc.line("kind"), "roster-kind",
                         f"Jenis perangkat daerah `{kind}` tidak dikenal.{suggest(kind, list(KINDS))}"
                         f" Pilihan: {', '.join(KINDS)}."))
    for key in ("logo", "maps_url"):
        value = data.get(key)
        if isinstance(value, str) and value.strip() and not value.strip().startswith("https://"):
            out.append(error(file, doc.line(key), "roster-url",
                             f"`{key}: {value}` harus alamat lengkap yang diawali `https://` "
                             "(mis. `https://.../logo.png`), atau hapus baris ini."))
    out += _kepala_rules(file, doc, data)
    for index, delegate in enumerate(_items(data.get("delegates"))):
        out += _delegate_rules(file, doc, index, delegate)
    for index, member in enumerate(_items(data.get("team"))):
        out += _member_rules(file, doc, index, member, today)
    out += _channel_rules(file, doc, data.get("channels"))
    out += equipment_rules(file, doc, data.get("peralatan"))
    return out


def _kepala_rules(file: str, doc: YamlDoc, data: dict[str, Any]) -> list[Finding]:
    kepala = as_mapping(data.get("kepala"))
    line = doc.line("kepala")
    if not kepala.get("name") and not kepala.get("github"):
        return [warning(file, line, "kepala-missing", KEPALA_MISSING)]
    if not kepala.get("github"):
        return [warning(file, line, "kepala-no-github",
                        f"Kepala `{kepala.get('name')}` belum punya login GitHub, jadi berita perangkat "
                        "daerah ini belum dapat disetujui. Diskominfotik mengisinya dengan `warta roster "
                        "set-kepala --github LOGIN`.")]
    return _login(file, doc.line("kepala", "github"), kepala.get("github"), "kepala")


def _as_date(value: Any) -> date | None:
    try:
        return as_date(value)
    except DateParseError:
        return None  # the schema reports a value that is not a date


def _delegate_rules(file: str, doc: YamlDoc, index: int, d: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    who = d.get("name") or f"pelaksana ke-{index + 1}"
    if d.get("role") not in ("Plt", "Plh", None):
        out.append(error(file, doc.line("delegates", index, "role"), "delegate-role",
                         f"Peran `{d.get('role')}` untuk {who} harus `Plt` atau `Plh`."))
    if not d.get("github"):
        out.append(warning(file, doc.line("delegates", index), "delegate-no-github",
                           f"{who} belum punya login GitHub, jadi belum dapat menyetujui."))
    out += _login(file, doc.line("delegates", index, "github"), d.get("github"), who)
    start, until = _as_date(d.get("from")), _as_date(d.get("until"))
    if start is not None and until is not None and start > until:
        out.append(error(file, doc.line("delegates", index, "until"), "delegate-dates",
                         f"Masa tugas {who}: `until` ({until}) lebih awal dari `from` ({start})."))
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]{3,}")


def _looks_like_two_people(name: str) -> bool:
    head, _, tail = name.partition(",")
    return bool(tail) and any(_NAME_WORD.fullmatch(w) for w in re.split(r"[\s,]+", tail))


def _member_rules(file: str, doc: YamlDoc, index: int, m: dict[str, Any],
                  today: date) -> list[Finding]:
    out: list[Finding] = []
    line = doc.line("team", index)
    name = m.get("name")
    who = name or f"anggota ke-{index + 1}"
    if not name:
        out.append(warning(file, line, "member-vacant",
                           f"Baris tim ke-{index + 1} tidak memiliki nama (lowongan atau data hilang"
                           " di SK). Isi `name` atau hapus baris ini bila memang kosong."))
    elif _looks_like_two_people(str(name)):
        out.append(warning(file, doc.line("team", index, "name"), "member-two-names",
                           f"`{name}` tampak berisi dua orang dalam satu baris. Pisahkan menjadi "
                           "dua anggota bila benar demikian."))
    if not m.get("jabatan"):
        out.append(warning(file, line, "member-no-jabatan",
                           f"Jabatan {who} kosong. Isi `jabatan` sesuai SK."))
    elif m.get("nip") and str(m.get("jabatan")).strip().lower() == THL:
        out.append(warning(file, doc.line("team", index, "jabatan"), "member-nip-thl",
                           f"{who} ber-NIP tetapi jabatannya Tenaga Harian Lepas (bukan ASN). "
                           "Kolom jabatan SK mungkin bergeser; periksa kembali."))
    if m.get("decree_agency"):
        out.append(warning(file, doc.line("team", index, "decree_agency"), "member-agency-column",
                           f"Di SK, kolom perangkat daerah {who} berisi `{m['decree_agency']}` "
                           "(bukan nama perangkat daerah). Pastikan keanggotaannya."))
    out += _nip_rules(file, doc.line("team", index, "nip"), who, m.get("nip"))
    out += _login(file, doc.line("team", index, "github"), m.get("github"), who)
    return out


def _nip_rules(file: str, line: int, who: str, value: Any) -> list[Finding]:
    """The decree checks from the facts `warta roster import-nip` stored; a raw NIP is an error."""
    if value is None:
        return []
    if isinstance(value, str | int):
        return [error(file, line, "nip-raw",
                      f"NIP {who} tertulis apa adanya ({mask_nip(str(value))}). Repositori ini publik: "
                      "hapus baris `nip:` dan minta Diskominfotik mengimpornya dengan "
                      "`warta roster import-nip` (yang disimpan hanya sidik kunci dan bentuk tersamar).")]
    record = nip_from_data(value)
    if record is None:
        return []  # the schema reports the missing `hmac`
    out = [warning(file, line, code, f"{who}: {message}") for code, message in record_problems(record)]
    unknown = [p for p in record.problems if p not in PROBLEM_MESSAGES]
    if not HMAC_HEX.match(record.hmac) or unknown:
        out.append(error(file, line, "nip-record",
                         f"Catatan NIP {who} rusak (`hmac` harus 64 angka heksadesimal; masalah yang dikenal: "
                         f"{', '.join(PROBLEM_MESSAGES)}). Jangan menyunting catatan NIP dengan tangan: "
                         "impor ulang dengan `warta roster import-nip`."))
    return out


def _mixed_nip_keys(keys: dict[str, list[tuple[str, int]]]) -> list[Finding]:
    """Records hashed under different keys never compare equal, so duplicates would hide."""
    if len(keys) < 2:
        return []
    usual = max(keys, key=lambda k: (len(keys[k]), k))
    return [warning(file, line, "nip-key-mixed",
                    f"NIP ini di-hash dengan kunci `{key or '(tanpa sidik)'}`, sedangkan sebagian besar roster "
                    f"dengan kunci `{usual}`: NIP ganda tidak dapat dikenali. Impor ulang semua NIP dengan "
                    "satu kunci (`warta roster import-nip`).")
            for key, places in sorted(keys.items()) if key != usual for file, line in places]


def _channel_rules(file: str, doc: YamlDoc, channels: Any) -> list[Finding]:
    out: list[Finding] = []
    if not isinstance(channels, dict):
        return out
    for name, settings in channels.items():
        if name == "website" or name not in CHANNEL_ID_KEYS:
            continue  # unknown names are reported by the schema
        key = CHANNEL_ID_KEYS[name]
        if settings in (None, False):
            continue
        if not isinstance(settings, dict) or not settings.get(key):
            out.append(error(file, doc.line("channels", name), "channel-config",
                             f"Akun `{name}` perlu `{key}`, misalnya "
                             f"`{name}: {{{key}: ...}}`, atau hapus baris ini."))
    return out


def _duplicate_nips(nips: dict[str, list[tuple[str, int, str]]]) -> list[Finding]:
    out: list[Finding] = []
    for places in nips.values():
        if len(places) < 2:
            continue
        for file, line, who in places:
            others = "; ".join(f"{o} ({f}:{ln})" for f, ln, o in places if (f, ln) != (file, line))
            out.append(warning(file, line, "nip-duplicate",
                               f"NIP milik {who} juga tercatat untuk {others}. Satu NIP hanya "
                               "untuk satu orang: periksa data kepegawaian."))
    return out


def _decree_numbering(numbers: dict[str, list[tuple[str, int, str]]]) -> list[Finding]:
    out: list[Finding] = []
    for number, places in numbers.items():
        if len(places) > 1:
            for file, line, slug in places:
                others = ", ".join(s for _, _, s in places if s != slug)
                out.append(warning(file, line, "decree-number-duplicate",
                                   f"Nomor urut SK {number} juga dipakai oleh {others}."))
    ints = sorted(int(n) for n in numbers if n.isdigit())
    if ints:
        present = set(ints)
        for missing in range(ints[0], ints[-1] + 1):
            if missing in present:
                continue
            following = next(n for n in ints if n > missing)
            file, line, _ = numbers[str(following)][0]
            out.append(warning(file, line, "decree-number-gap",
                               f"Nomor urut SK {missing} tidak ada (setelah {missing - 1} "
                               f"langsung {following})."))
    return out


def _province_rules(loaded: LoadedRoster) -> list[Finding]:
    out: list[Finding] = []
    file = f"roster/{PROVINCE_FILE}"
    doc = loaded.province_doc
    if doc is None or not isinstance(doc.data, dict):
        return out
    province = loaded.roster.province
    if not province.admins and not (province.github_org and province.admin_team):
        out.append(error(file, doc.line("admins"), "province-no-admins",
                         "Belum ada admin Diskominfotik: isi `admins` (nama dan login GitHub) atau "
                         "`github: {org, admin_team}`. Tanpa admin tidak ada yang dapat menyetujui "
                         "perubahan di luar `content/`."))
    for index, admin in enumerate(_items(doc.data.get("admins"))):
        out += _login(file, doc.line("admins", index, "github"), admin.get("github"), "admin")
    mc = as_mapping(doc.data.get("media_center"))
    koordinator = as_mapping(mc.get("koordinator"))
    if not koordinator.get("github"):
        out.append(warning(file, doc.line("media_center", "koordinator"), "koordinator-missing",
                           "Koordinator Media Center belum punya login GitHub; unggahan "
                           "`media_center: true` belum dapat disetujui. Isi "
                           "`media_center.koordinator`."))
    out += _login(file, doc.line("media_center", "koordinator", "github"),
                  koordinator.get("github"), "Koordinator Media Center")
    for code, level in province.severities.items():
        if level not in ("error", "warning", "off"):
            out.append(error(file, doc.line("severities", code), "province-severity",
                             f"Tingkat `{level}` untuk `{code}` harus error, warning atau off."))
    return out


def _content_folders(loaded: LoadedRoster, root: Path) -> list[Finding]:
    content = root / "content"
    if not content.is_dir():
        return []
    known = loaded.roster.slugs()
    return [
        error(f"content/{folder.name}", 1, "content-folder-unknown",
              f"Folder `content/{folder.name}/` tidak punya roster `roster/{folder.name}.yml`."
              f"{suggest(folder.name, known)}")
        for folder in sorted(content.iterdir())
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in known
    ]
