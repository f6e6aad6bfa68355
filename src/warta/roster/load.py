"""Read roster/*.yml into a Roster, collecting every structural problem as a finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.findings import Finding, error
from warta.roster.equipment import SCHEMA as EQUIPMENT_SCHEMA
from warta.roster.equipment import equipment_from_data
from warta.roster.models import CHANNELS, CONTACT_FIELDS, Agency, Delegate, Member, NipRecord, Person, Province, Roster
from warta.schema import Field, check_mapping
from warta.timeutil import DateParseError, as_date
from warta.yamlsrc import YamlDoc, YamlSyntaxError, as_mapping, parse_yaml

PROVINCE_FILE = "_province.yml"

PERSON = {
    "name": Field("str", nullable=True),
    "github": Field("str", nullable=True),
    "github_id": Field("int", nullable=True),
}
DELEGATE = {
    **PERSON,
    "role": Field("str", required=True, hint="Isi `Plt` atau `Plh`."),
    "from": Field("date", required=True),
    "until": Field("date", required=True),
}
MEMBER = {
    "name": Field("str", required=True, nullable=True),
    # Written by `warta roster import-nip`; the repository never holds the number itself.
    "nip": Field("mapping", nullable=True, fields={
        "hmac": Field("str", required=True),
        "masked": Field("str", required=True),
        "problems": Field("list[str]"),
        "key": Field("str"),
    }),
    "jabatan": Field("str", nullable=True),
    "github": Field("str", nullable=True),
    "github_id": Field("int", nullable=True),
    "status": Field("str", nullable=True),
    "decree_agency": Field("str", nullable=True),
}
CHANNEL_SETTINGS = Field("mapping", open=True)
AGENCY_SCHEMA = {
    "slug": Field("str", required=True),
    "name": Field("str", required=True),
    "short_name": Field("str"),
    "kind": Field("str"),
    "decree": Field("mapping", fields={"number": Field("str", nullable=True),
                                       "name": Field("str", nullable=True)}),
    "description": Field("str", nullable=True),
    # The public identity on the agency's site (all optional): logo is an https:// URL.
    **{key: Field("str", nullable=True) for key in CONTACT_FIELDS},
    "kepala": Field("mapping", nullable=True, fields=PERSON),
    "delegates": Field("list", items=Field("mapping", fields=DELEGATE)),
    "team": Field("list", required=True, items=Field("mapping", fields=MEMBER)),
    "channels": Field("mapping", fields={"website": Field("bool"),
                                         **{c: CHANNEL_SETTINGS for c in CHANNELS[1:]}}),
    "kata_kunci": Field("list[str]"),  # words and hashtags the agency listens for (warta metrics collect)
    "peralatan": EQUIPMENT_SCHEMA,
    # The agency's own host name on the province's web server (`warta deploy nginx-config`).
    "site": Field("mapping", fields={"domain": Field("str", nullable=True)}),
}
PROVINCE_SCHEMA = {
    "site": Field("mapping", required=True, fields={
        "title": Field("str", required=True),
        "url": Field("str", required=True),
        "description": Field("str"),
    }),
    "github": Field("mapping", fields={"org": Field("str", nullable=True),
                                       "admin_team": Field("str", nullable=True)}),
    "admins": Field("list", items=Field("mapping", fields=PERSON)),
    "media_center": Field("mapping", fields={
        "koordinator": Field("mapping", nullable=True, fields=PERSON),
        "channels": Field("mapping", open=True),
    }),
    "sensitive_words": Field("list[str]"),
    "severities": Field("mapping", open=True),
    # S3-compatible store for photos and videos (warta.media.store); absent: media stay in git.
    "media_store": Field("mapping", nullable=True, fields={
        "endpoint": Field("str", required=True),
        "bucket": Field("str", required=True),
        "public_base_url": Field("str"),
        "region": Field("str"),
    }),
}


@dataclass
class LoadedRoster:
    """The roster plus each file's parsed YAML (for line numbers) and the findings so far."""

    roster: Roster
    docs: dict[str, tuple[str, YamlDoc]] = field(default_factory=dict)  # slug -> (file, doc)
    province_doc: YamlDoc | None = None
    findings: list[Finding] = field(default_factory=list)


def _read(path: Path, rel: str, findings: list[Finding]) -> YamlDoc | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        findings.append(error(rel, 1, "roster-unreadable", f"Berkas tidak dapat dibaca: {exc}."))
        return None
    try:
        return parse_yaml(text.replace("\r\n", "\n"))
    except YamlSyntaxError as exc:
        findings.append(error(rel, exc.line, "roster-yaml",
                              f"Format YAML rusak: {exc.problem}. Periksa indentasi, tanda "
                              "titik dua dan tanda kutip di sekitar baris ini."))
        return None


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any):  # type: ignore[no-untyped-def]
    try:
        return as_date(value) if value is not None else None
    except DateParseError:
        return None


def _person(data: Any) -> Person | None:
    if not isinstance(data, dict):
        return None
    name, login = _str(data.get("name")), _str(data.get("github"))
    if not name and not login:
        return None
    return Person(name, login, _int(data.get("github_id")))


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []


def nip_from_data(value: Any) -> NipRecord | None:
    """The stored NIP record; None for anything else (the validator says what is wrong)."""
    if not isinstance(value, dict) or not isinstance(value.get("hmac"), str):
        return None
    problems = value.get("problems")
    return NipRecord(value["hmac"], str(value.get("masked") or ""),
                     tuple(str(p) for p in problems) if isinstance(problems, list) else (),
                     str(value.get("key") or ""))


def _delegate(d: dict[str, Any]) -> Delegate:
    start, until = _date(d.get("from")), _date(d.get("until"))
    return Delegate(_str(d.get("name")), _str(d.get("github")), _int(d.get("github_id")),
                    role=_str(d.get("role")) or "Plt", start=start, until=until,
                    window_valid=start is not None and until is not None)


def agency_from_data(data: dict[str, Any], slug: str) -> Agency:
    delegates = tuple(_delegate(d) for d in _dicts(data.get("delegates")))
    team = tuple(
        Member(_str(m.get("name")), _str(m.get("jabatan")),
               nip_from_data(m.get("nip")),
               _str(m.get("github")), _str(m.get("status")))
        for m in _dicts(data.get("team"))
    )
    channels = as_mapping(data.get("channels"))
    return Agency(
        slug=slug,
        name=_str(data.get("name")) or slug,
        short_name=_str(data.get("short_name")) or "",
        kind=_str(data.get("kind")) or "Dinas",
        description=_str(data.get("description")) or "",
        kepala=_person(data.get("kepala")),
        delegates=delegates,
        team=team,
        channels={"website": True, **(channels or {})},
        keywords=tuple(w.strip() for w in data.get("kata_kunci") or () if isinstance(w, str) and w.strip()),
        peralatan=equipment_from_data(data.get("peralatan")),
        contact={key: value for key in CONTACT_FIELDS if (value := _str(data.get(key)))},
        domain=(_str(as_mapping(data.get("site")).get("domain")) or "").lower(),
    )


def province_from_data(data: dict[str, Any]) -> Province:
    site = as_mapping(data.get("site"))
    gh = as_mapping(data.get("github"))
    mc = as_mapping(data.get("media_center"))
    words = data.get("sensitive_words")
    severities = data.get("severities")
    return Province(
        site_title=_str(site.get("title")) or "Warta",
        site_url=_str(site.get("url")) or "http://localhost:8000/",
        site_description=_str(site.get("description")) or "",
        github_org=_str(gh.get("org")),
        admin_team=_str(gh.get("admin_team")),
        admins=tuple(p for p in map(_person, _dicts(data.get("admins"))) if p),
        koordinator=_person(mc.get("koordinator")),
        media_center_channels=as_mapping(mc.get("channels")),
        sensitive_words=tuple(w for w in words if isinstance(w, str)) if isinstance(words, list)
        else (),
        severities={str(k): "off" if v is False else str(v) for k, v in severities.items()}  # YAML 1.1: off is False
        if isinstance(severities, dict) else {},
        media_store=as_mapping(data.get("media_store")),
    )


def load_roster(root: Path) -> LoadedRoster:
    """Load roster/ under the repository root; never raises on bad data."""
    findings: list[Finding] = []
    roster_dir = root / "roster"
    province_rel = f"roster/{PROVINCE_FILE}"
    province_doc = None
    province_path = roster_dir / PROVINCE_FILE
    if province_path.is_file():
        province_doc = _read(province_path, province_rel, findings)
    else:
        findings.append(error(province_rel, 1, "roster-missing-province",
                              "Berkas pengaturan provinsi belum ada. Buat "
                              "`roster/_province.yml` berisi `site`, `admins` dan `media_center`."))
    if province_doc is not None:
        findings += check_mapping(province_doc, province_rel, PROVINCE_SCHEMA,
                                  code_prefix="roster", what="pengaturan provinsi")
    province = province_from_data(
        province_doc.data if province_doc and isinstance(province_doc.data, dict) else {})

    agencies: dict[str, Agency] = {}
    docs: dict[str, tuple[str, YamlDoc]] = {}
    for path in sorted(roster_dir.glob("*.yml")) + sorted(roster_dir.glob("*.yaml")):
        if path.name == PROVINCE_FILE:
            continue
        rel = f"roster/{path.name}"
        doc = _read(path, rel, findings)
        if doc is None:
            continue
        findings += check_mapping(doc, rel, AGENCY_SCHEMA, code_prefix="roster",
                                  what=f"roster {path.stem}")
        if not isinstance(doc.data, dict):
            continue
        slug = path.stem
        agencies[slug] = agency_from_data(doc.data, slug)
        docs[slug] = (rel, doc)
    return LoadedRoster(Roster(province, agencies), docs, province_doc, findings)
