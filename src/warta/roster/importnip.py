"""`warta roster import-nip FILE`: NIPs from Diskominfotik's private file into the public roster.

The private file (CSV from a spreadsheet, or YAML) lists `agency, name, nip` and, for a row the
decree left without a name, `urutan` (the member's position in `team`, from 1). Each member's
`nip:` becomes `{hmac, masked, problems, key}`; the number itself never enters the repository.
Every row is checked before any file is written: one bad row and nothing changes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from warta.errors import UsageError, WartaError
from warta.roster.models import NipRecord, bare_name
from warta.roster.nip import KEY_ENV, MIN_KEY_LENGTH, mask_nip, nip_problems, nip_record
from warta.yamlsrc import YamlDoc, YamlSyntaxError, parse_yaml

COLUMNS = ("agency", "name", "nip", "urutan")
# `nip:` and its value on one line: a quoted or plain scalar, or a flow mapping written by us.
_NIP_VALUE = re.compile(r"""\bnip:[ \t]*(?:\{[^{}\n]*\}|"[^"\n]*"|'[^'\n]*'|[^,}\n#]*[^,}\n#\s]|)""")


@dataclass(frozen=True)
class NipRow:
    line: int  # in the private file
    agency: str
    name: str
    nip: str
    position: int | None = None  # 1-based place in the agency's team


@dataclass
class ImportResult:
    updated: int = 0
    files: list[str] = field(default_factory=list)
    decree_problems: list[str] = field(default_factory=list)  # masked, for the admin's terminal


def nip_key(env: Mapping[str, str]) -> bytes:
    """Diskominfotik's secret; without it nothing is hashed (a plain hash of a NIP is reversible)."""
    key = env.get(KEY_ENV, "")
    if len(key) < MIN_KEY_LENGTH:
        raise WartaError(
            f"Kunci NIP belum diatur atau terlalu pendek. Setel variabel lingkungan `{KEY_ENV}` dengan kunci "
            f"rahasia Diskominfotik (minimal {MIN_KEY_LENGTH} karakter, misalnya hasil `openssl rand -hex 32`). "
            "Pakai kunci yang sama untuk setiap impor dan jangan simpan kunci di repositori.")
    return key.encode()


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _row(line: int, data: Mapping[str, Any]) -> NipRow:
    raw_position = _cell(data.get("urutan"))
    if raw_position and not raw_position.isdigit():
        raise UsageError(f"baris {line}: `urutan` harus angka (posisi di `team`, mulai 1), tertulis "
                         f"`{raw_position}`.")
    return NipRow(line, _cell(data.get("agency")), _cell(data.get("name")), _cell(data.get("nip")),
                  int(raw_position) if raw_position else None)


def read_private_file(path: Path) -> list[NipRow]:
    """Rows of a CSV (`,` or `;`, as spreadsheets save it) or YAML list of mappings."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Berkas NIP {path} tidak dapat dibaca sebagai teks UTF-8: {exc}.") from None
    try:
        if path.suffix.lower() in (".yml", ".yaml"):
            data = yaml.safe_load(text) or []
            if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
                raise UsageError("isinya harus daftar `- {agency: ..., name: ..., nip: \"...\"}`.")
            return [_row(index + 1, d) for index, d in enumerate(data)]
        first = text.splitlines()[0] if text.strip() else ""
        reader = csv.DictReader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in COLUMNS[:3] if c not in header]
        if missing:
            raise UsageError(f"baris 1 harus memuat kolom {', '.join(COLUMNS[:3])} (dan boleh `urutan`); "
                             f"tidak ada: {', '.join(missing)}.")
        reader.fieldnames = header
        return [_row(reader.line_num, row) for row in reader]
    except (UsageError, yaml.YAMLError, csv.Error) as exc:
        detail = exc.message if isinstance(exc, UsageError) else str(exc)
        raise UsageError(f"Berkas NIP {path}: {detail}") from None


def _member_index(row: NipRow, team: list[Any]) -> tuple[int | None, str]:
    if row.position is not None:
        if not 1 <= row.position <= len(team) or not isinstance(team[row.position - 1], dict):
            return None, f"`urutan` {row.position} di luar tim ({len(team)} anggota)"
        name = _cell(team[row.position - 1].get("name"))
        if row.name and name and bare_name(name) != bare_name(row.name):
            return None, f"anggota ke-{row.position} bernama `{name}`, bukan `{row.name}`"
        return row.position - 1, ""
    if not row.name:
        return None, "nama kosong: isi `name` atau `urutan`"
    found = [i for i, m in enumerate(team) if isinstance(m, dict) and _cell(m.get("name"))
             and bare_name(_cell(m.get("name"))) == bare_name(row.name)]
    if len(found) != 1:
        return None, (f"`{row.name}` tidak ada di tim" if not found
                      else f"`{row.name}` ada {len(found)} kali di tim: isi kolom `urutan`")
    return found[0], ""


def nip_flow(record: NipRecord) -> str:
    """The one-line YAML the roster keeps for a NIP."""
    problems = f", problems: [{', '.join(record.problems)}]" if record.problems else ""
    return f'nip: {{hmac: {record.hmac}, masked: "{record.masked}"{problems}, key: {record.key}}}'


def _set_nip(lines: list[str], doc: YamlDoc, index: int, record: NipRecord) -> str | None:
    """Write `record` into member `index`'s lines; a problem description when it cannot."""
    member = doc.data["team"][index]
    if "nip" in member:
        at = doc.lines[("team", index, "nip")] - 1
        new, count = _NIP_VALUE.subn(lambda _: nip_flow(record), lines[at], count=1)
        if count != 1:
            return "baris `nip:` tidak dikenali; tulis `nip:` pada barisnya sendiri"
        lines[at] = new
        return None
    anchor = ("team", index, "name") if "name" in member else ("team", index)
    at = doc.lines[anchor] - 1
    text = lines[at]
    if "{" in text:
        return "anggota ditulis dalam satu baris `{...}`; tulis tiap kunci pada barisnya sendiri"
    column = text.index("name:") if "name:" in text else len(text) - len(text.lstrip(" -"))
    lines.insert(at + 1, " " * column + nip_flow(record))
    return None


def import_nips(root: Path, rows: list[NipRow], key: bytes, today: date, source: str = "") -> ImportResult:
    """Check every row, then rewrite each roster file once; nothing is written if a row is wrong."""
    problems: list[str] = []
    result = ImportResult()
    by_agency: dict[str, list[NipRow]] = {}
    for row in rows:
        by_agency.setdefault(row.agency, []).append(row)
    texts: dict[Path, str] = {}
    for agency, group in sorted(by_agency.items()):
        path = root / "roster" / f"{agency}.yml"
        if not agency or not path.is_file():
            problems += [f"baris {r.line}: perangkat daerah `{agency}` tidak ada di roster/" for r in group]
            continue
        try:
            doc = parse_yaml(path.read_text(encoding="utf-8"))
        except YamlSyntaxError as exc:
            problems.append(f"roster/{agency}.yml baris {exc.line} rusak: {exc.problem}")
            continue
        team = doc.data.get("team") if isinstance(doc.data, dict) else None
        team = team if isinstance(team, list) else []
        lines = path.read_text(encoding="utf-8").split("\n")
        targets: dict[int, NipRow] = {}
        for row in group:
            index, why = _member_index(row, team)
            if index is None:
                problems.append(f"baris {row.line} ({agency}): {why}")
            elif index in targets:
                problems.append(f"baris {row.line} ({agency}): anggota yang sama sudah di baris {targets[index].line}")
            elif not row.nip:
                problems.append(f"baris {row.line} ({agency}): `nip` kosong")
            else:
                targets[index] = row
        for index in sorted(targets, reverse=True):  # bottom-up, so inserted lines move nothing above
            row = targets[index]
            record = nip_record(row.nip, key, today)
            failed = _set_nip(lines, doc, index, record)
            if failed:
                problems.append(f"baris {row.line} ({agency}): {failed}")
                continue
            result.updated += 1
            result.decree_problems += [f"roster/{agency}.yml {row.name or f'anggota ke-{index + 1}'}: "
                                       f"{message.replace(row.nip, mask_nip(row.nip))} ({code})"
                                       for code, message in nip_problems(row.nip, today)]
        texts[path] = "\n".join(lines)
    if problems:
        where = f" di {source}" if source else ""
        raise UsageError(f"NIP tidak diimpor{where}; tidak ada berkas yang diubah:\n- " + "\n- ".join(problems))
    for path, text in texts.items():
        try:
            parse_yaml(text)
        except YamlSyntaxError as exc:  # pragma: no cover - a bug here must never write a broken roster
            raise WartaError(f"Impor NIP akan merusak {path.name} (baris {exc.line}); dibatalkan.") from None
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
        result.files.append(path.relative_to(root).as_posix())
    return result
