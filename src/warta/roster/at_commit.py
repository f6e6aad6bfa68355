"""The roster as it stands at a commit (a PR's base, a pushed range), read through git, never the worktree."""

from __future__ import annotations

from warta import git as wgit
from warta.roster.load import PROVINCE_FILE, agency_from_data, province_from_data
from warta.roster.models import Agency, Roster
from warta.yamlsrc import YamlSyntaxError, parse_yaml


def _data(text: str | None) -> dict | None:  # type: ignore[type-arg]
    if text is None:
        return None
    try:
        data = parse_yaml(text.replace("\r\n", "\n")).data
    except YamlSyntaxError:
        return None
    return data if isinstance(data, dict) else None


def roster_at(repo: wgit.Repo, sha: str) -> Roster:
    """Agencies and province settings at `sha`; an unreadable file simply grants nothing."""
    province = province_from_data(
        _data(wgit.read_text_at(repo, sha, f"roster/{PROVINCE_FILE}")) or {})
    agencies: dict[str, Agency] = {}
    for name in wgit.list_files_at(repo, sha, "roster"):
        stem, dot, ext = name.rpartition(".")
        if not dot or ext not in ("yml", "yaml") or name == PROVINCE_FILE or stem in agencies:
            continue
        data = _data(wgit.read_text_at(repo, sha, f"roster/{name}"))
        if data is not None:
            agencies[stem] = agency_from_data(data, stem)
    return Roster(province, agencies)
