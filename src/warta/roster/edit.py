"""Edit one roster file in place: set the kepala, add a delegate.

ruamel.yaml's round-trip mode keeps every comment, quote, flow mapping and folded description
of the rest of the file (all 42 shipped roster files load and dump byte-identical with the
settings below), which a line-level edit could only promise for the lines it understands.
PyYAML stays the reader everywhere else (line numbers, duplicate keys); this module only writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from warta.errors import UsageError
from warta.findings import Finding
from warta.roster.load import AGENCY_SCHEMA
from warta.roster.validate import GITHUB_LOGIN
from warta.schema import check_mapping, suggest
from warta.yamlsrc import YamlSyntaxError, parse_yaml

ROLES = ("Plt", "Plh")


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # `team:\n  - name: ...`, as the roster is written
    yaml.width = 4096  # never re-wrap a long line
    yaml.representer.add_representer(
        type(None), lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


@dataclass(frozen=True)
class RosterEdit:
    """The new text of one roster file and what changed, in Indonesian."""

    path: Path
    text: str
    summary: str


def check_login(login: str) -> str:
    login = login.strip().lstrip("@")
    if not GITHUB_LOGIN.match(login):
        raise UsageError(f"`{login}` bukan login GitHub yang sah: hanya huruf, angka dan tanda hubung, "
                         "maksimal 39 karakter, tidak diawali atau diakhiri `-`.")
    return login


def roster_file(root: Path, slug: str) -> Path:
    path = root / "roster" / f"{slug}.yml"
    if slug.startswith("_") or "/" in slug or not path.is_file():
        known = sorted(p.stem for p in (root / "roster").glob("*.yml") if not p.stem.startswith("_"))
        raise UsageError(f"Perangkat daerah `{slug}` tidak ada di roster/.{suggest(slug, known)}")
    return path


def _open(root: Path, slug: str) -> tuple[Path, str, YAML, CommentedMap]:
    """The roster file, its text as read (to report what changed) and its round-trip data."""
    path = roster_file(root, slug)
    yaml = _yaml()
    try:
        before = path.read_text(encoding="utf-8-sig")
        data = yaml.load(before)
    except (OSError, YAMLError) as exc:
        raise UsageError(f"{path.name} tidak dapat dibaca: {exc}. Perbaiki dulu (lihat `warta check`).") from None
    if not isinstance(data, CommentedMap):
        raise UsageError(f"{path.name} bukan roster perangkat daerah (harus berupa pemetaan).")
    return path, before, yaml, data


def _dump(yaml: YAML, data: CommentedMap) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _schema_errors(text: str, rel: str) -> list[Finding]:
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:  # pragma: no cover - ruamel wrote it; PyYAML must read it
        raise UsageError(f"{rel}: hasil suntingan tidak terbaca ({exc.problem}); berkas tidak diubah.") from None
    return [f for f in check_mapping(doc, rel, AGENCY_SCHEMA, code_prefix="roster", what="roster")
            if f.severity == "error"]


def _finish(path: Path, before: str, yaml: YAML, data: CommentedMap, summary: str) -> RosterEdit:
    text = _dump(yaml, data)
    rel = f"roster/{path.name}"
    new_errors = _schema_errors(text, rel)
    if len(new_errors) > len(_schema_errors(before, rel)):
        raise UsageError(f"{rel}: suntingan akan merusak roster ({new_errors[0].message}); berkas tidak diubah.")
    return RosterEdit(path, text, summary)


def _set(mapping: CommentedMap, key: str, value: Any, after: str | None = None) -> None:
    """Set `key`, inserting it right after `after` when it is new (github_id beside github)."""
    if key in mapping or after is None or after not in mapping:
        mapping[key] = value
    else:
        mapping.insert(list(mapping).index(after) + 1, key, value)


def set_kepala(root: Path, slug: str, name: str, login: str, github_id: int | None) -> RosterEdit:
    """The agency's kepala becomes `name`/`login`; an id recorded for another login is dropped."""
    path, before, yaml, data = _open(root, slug)
    login = check_login(login)
    if not name.strip():
        raise UsageError("`--name` tidak boleh kosong: tulis nama kepala lengkap dengan gelarnya.")
    kepala = data.get("kepala")
    if not isinstance(kepala, CommentedMap):
        kepala = CommentedMap()
        _set(data, "kepala", kepala, after="description")
    previous = kepala.get("github")
    _set(kepala, "name", name.strip())
    _set(kepala, "github", login, after="name")
    same_account = isinstance(previous, str) and previous.lower() == login.lower()
    if github_id is not None:
        _set(kepala, "github_id", github_id, after="github")
    elif not same_account and "github_id" in kepala:
        del kepala["github_id"]  # it belonged to the previous kepala's account
    return _finish(path, before, yaml, data, f"Kepala {data.get('name') or slug}: {name.strip()} (@{login})")


def add_delegate(root: Path, slug: str, name: str, login: str, role: str, start: date,
                 until: date, github_id: int | None) -> RosterEdit:
    """Append a Plt./Plh. with its window; the gate counts them only within it."""
    path, before, yaml, data = _open(root, slug)
    login = check_login(login)
    if role not in ROLES:
        raise UsageError(f"`--role {role}` harus `Plt` atau `Plh`.")
    if start > until:
        raise UsageError(f"`--until {until}` lebih awal dari `--from {start}`.")
    if not name.strip():
        raise UsageError("`--name` tidak boleh kosong.")
    delegates = data.get("delegates")
    if not isinstance(delegates, CommentedSeq):
        delegates = CommentedSeq()
        _set(data, "delegates", delegates, after="kepala")
    for d in delegates:
        if isinstance(d, dict) and str(d.get("github", "")).lower() == login.lower() \
                and d.get("from") == start and d.get("until") == until:
            raise UsageError(f"@{login} sudah tercatat sebagai {d.get('role')} {start} s.d. {until}.")
    if not delegates:
        delegates.fa.set_block_style()  # `delegates: []` becomes a block list
    entry = CommentedMap()
    entry["name"] = name.strip()
    entry["github"] = login
    if github_id is not None:
        entry["github_id"] = github_id
    entry["role"] = role
    entry["from"] = start
    entry["until"] = until
    delegates.append(entry)
    return _finish(path, before, yaml, data,
                   f"{role}. {data.get('name') or slug}: {name.strip()} (@{login}), {start} s.d. {until}")


def write_edit(edit: RosterEdit) -> None:
    edit.path.write_text(edit.text, encoding="utf-8")
