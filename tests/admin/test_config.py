from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PROJECT_ROOT
from warta.admin.config import BackendOptions, build_config
from warta.content.load import FRONT_MATTER, load_post
from warta.errors import UsageError
from warta.roster import load_roster
from warta.roster.models import SOCIAL_CHANNELS, Roster
from warta.schema import Field


def _fields(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in collection["fields"]}


def uncovered(collection: dict[str, Any]) -> set[str]:
    """Front-matter keys (and media item keys) without an editor field."""
    fields = _fields(collection)
    missing = set(FRONT_MATTER) - set(fields)
    media = FRONT_MATTER["media"].items
    assert media is not None
    if "media" in fields:
        sub = {f["name"] for f in fields["media"].get("fields", [])}
        missing |= {f"media.{k}" for k in set(media.fields) - sub}
    return missing


@pytest.fixture(params=["sample", "project"])
def roster(request: pytest.FixtureRequest, sample_repo: Path) -> Roster:
    root = sample_repo if request.param == "sample" else PROJECT_ROOT
    return load_roster(root).roster


def post_collections(config: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in config["collections"] if not c["name"].startswith("rencana-")]


def test_every_agency_has_a_collection(roster: Roster) -> None:
    config = build_config(roster)
    assert [c["name"] for c in post_collections(config)] == roster.slugs()
    for c in post_collections(config):
        assert c["folder"] == f"content/{c['name']}"
        assert c["create"] is True


def test_every_front_matter_key_has_an_editor_field(roster: Roster) -> None:
    for collection in post_collections(build_config(roster)):
        assert uncovered(collection) == set(), collection["name"]
        names = [f["name"] for f in collection["fields"]]
        assert names == [*FRONT_MATTER, "body"]  # nothing the schema would reject either


def test_a_new_key_without_a_field_is_caught(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FRONT_MATTER, "lokasi", Field("str"))
    collection = build_config(load_roster(sample_repo).roster)["collections"][0]
    assert uncovered(collection) == {"lokasi"}


def test_fields_follow_the_roster(roster: Roster) -> None:
    for agency, collection in zip(roster, post_collections(build_config(roster)), strict=True):
        fields = _fields(collection)
        assert fields["title"]["required"] and fields["date"]["required"]
        assert fields["date"]["widget"] == "datetime"
        channels = [o["value"] for o in fields["channels"]["options"]]
        assert channels == (agency.enabled_channels() or ["website"])
        assert fields["channels"]["multiple"] is True and fields["channels"]["default"] == ["website"]
        names = [m.name for m in agency.team if m.name]
        assert fields["author"].get("options", names) == names
        media = {f["name"]: f for f in fields["media"]["fields"]}
        assert media["file"]["widget"] == "image" and media["alt"]["required"] is True
        assert media["credit"]["required"] is False
        social = [c for c in agency.enabled_channels() if c in SOCIAL_CHANNELS]
        if social:
            assert [f["name"] for f in fields["captions"]["fields"]] == social
        else:
            assert fields["captions"]["widget"] == "hidden"
        assert fields["media_center"]["widget"] == fields["draft"]["widget"] == "boolean"
        assert fields["id"]["widget"] == "hidden"
        assert fields["publish_at"]["required"] is False


def test_collection_layout_and_workflow(sample_repo: Path) -> None:
    config = build_config(load_roster(sample_repo).roster)
    assert config["publish_mode"] == "editorial_workflow"
    assert "locale" not in config and "local_backend" not in config  # Decap-only, Sveltia warns
    assert config["slug"]["encoding"] == "ascii"
    c = config["collections"][1]
    assert c["name"] == "dinas-contoh"
    assert c["path"] == "{{year}}/{{slug}}"
    assert c["slug"] == "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
    # Sveltia resolves a relative media folder from <year>/<slug>: photos land in <year>/media/
    assert (c["media_folder"], c["public_folder"]) == ("../media", "media")
    assert config["media_libraries"]["default"]["config"]["max_file_size"] == 1024 * 1024
    assert config["output"] == {"omit_empty_optional_fields": True}
    assert c["extension"] == "md" and c["format"] == "frontmatter"


def test_backend_github_and_local(sample_repo: Path) -> None:
    roster = load_roster(sample_repo).roster
    github = build_config(roster, BackendOptions(auth_url="https://auth.example.go.id/"))
    assert github["backend"]["name"] == "github"
    assert github["backend"]["repo"] == "uji-org/warta"
    assert github["backend"]["base_url"] == "https://auth.example.go.id"
    named = build_config(roster, BackendOptions(repo="portal"))["backend"]["repo"]
    assert named == "uji-org/portal"
    local = build_config(roster, BackendOptions(kind="local", repo="portal"))
    assert local == build_config(roster, BackendOptions(repo="portal"))  # Sveltia opens the folder itself
    with pytest.raises(UsageError):
        build_config(roster, BackendOptions(kind="gitlab"))


def test_env_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_CMS_REPO", "org/x")
    monkeypatch.setenv("WARTA_CMS_AUTH_URL", "https://a.example")
    options = BackendOptions.from_env("github", repo=None)
    assert (options.repo, options.auth_url) == ("org/x", "https://a.example")
    assert BackendOptions.from_env("github", repo="org/y").repo == "org/y"


def _as_decap_writes(collection: dict[str, Any]) -> dict[str, Any]:
    """Front matter filled the way Decap saves each widget (strings, lists, booleans)."""
    fields = _fields(collection)
    return {
        "title": "Rapat Koordinasi Posyandu",
        "date": "2026-11-20 06:30",  # before 07:00 WIB: the file name must still say the 20th
        "author": fields["author"]["options"][0],
        "summary": "Ringkasan.",
        "category": fields["category"]["default"],
        "tags": ["posyandu"],
        "channels": [o["value"] for o in fields["channels"]["options"]],
        "publish_at": "2026-11-21 08:00",
        "media": [{"file": "media/foto.jpg", "alt": "Foto rapat", "credit": "Tim"}],
        "video": "https://www.youtube.com/watch?v=abc",
        "captions": {f["name"]: "Teks khusus" for f in fields["captions"].get("fields", [])},
        "media_center": False,
        "draft": False,
        "id": "rapat-posyandu-2026",
    }


def test_what_the_editor_writes_passes_the_schema(sample_repo: Path) -> None:
    from tests.conftest import make_jpeg

    roster = load_roster(sample_repo).roster
    collection = build_config(roster)["collections"][1]
    data = _as_decap_writes(collection)
    rel = "content/dinas-contoh/2026/2026-11-20-rapat-koordinasi-posyandu.md"
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nIsi.\n"
    (sample_repo / rel).write_text(text, encoding="utf-8")
    make_jpeg(sample_repo / "content/dinas-contoh/2026/media/foto.jpg")
    post, findings = load_post(sample_repo, rel, roster)
    assert post is not None
    assert [f for f in findings] == []
    assert post.captions == {c: "Teks khusus" for c in ("instagram", "facebook", "x")}


def test_every_agency_has_a_plan_collection_matching_the_plan_schema(roster: Roster) -> None:
    from warta.content.plans import ITEM, SCHEMA

    plans = [c for c in build_config(roster)["collections"] if c["name"].startswith("rencana-")]
    assert [c["name"] for c in plans] == [f"rencana-{s}" for s in roster.slugs()]
    for agency, c in zip(roster, plans, strict=True):
        assert c["folder"] == f"content/{agency.slug}/_rencana" and c["format"] == "yml"
        assert c["slug"] == "{{fields.bulan}}" and c["identifier_field"] == "bulan"
        fields = _fields(c)
        assert list(fields) == list(SCHEMA)
        items = {f["name"]: f for f in fields["rencana"]["fields"]}
        assert list(items) == list(ITEM)  # every plan key editable, nothing check would refuse
        assert [o["value"] for o in items["kanal"]["options"]] == agency.enabled_channels()
        names = [m.name for m in agency.team if m.name]
        assert items["tim"].get("options", names) == names
