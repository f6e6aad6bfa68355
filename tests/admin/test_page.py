from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from warta.admin import write_admin
from warta.admin.assets import CMS_VERSION, IMMUTABLE_CDN_URL, IMMUTABLE_VERSION, cms_files
from warta.admin.page import EARLY_SCRIPTS, SCRIPTS
from warta.cli import app


def test_write_admin_writes_page_config_and_scripts(sample_repo: Path, tmp_path: Path,
                                                    fake_cms_dist: Path) -> None:
    target = write_admin(sample_repo, tmp_path / "site", cms_package=fake_cms_dist)
    assert target == tmp_path / "site" / "admin"
    config = yaml.safe_load((target / "config.yml").read_text(encoding="utf-8"))
    assert [c["name"] for c in config["collections"]] == ["badan-contoh", "dinas-contoh", "rencana-badan-contoh",
                                                          "rencana-dinas-contoh"]
    index = (target / "index.html").read_text(encoding="utf-8")
    order = [index.index(f'src="{name}"') for name in ("warta-data.js", *EARLY_SCRIPTS, "sveltia-cms.js", *SCRIPTS)]
    assert order == sorted(order)  # photos are shrunk before the CMS sees them
    # everything is served from /admin/: the one CDN address is the import map's key, mapped here
    assert index.count("http") == 1 and f'"{IMMUTABLE_CDN_URL}": "./immutable.es.js"' in index
    assert (target / "immutable.es.js").is_file()
    assert (target / "chunks/react-dom.js").is_file()
    assert not (target / "sveltia-cms.mjs").exists() and not (target / "sveltia-cms.js.map").exists()
    packed = target / "sveltia-cms.js.gz"  # precompressed for gzip_static / `warta serve`
    assert gzip.decompress(packed.read_bytes()) == (target / "sveltia-cms.js").read_bytes()
    data = (target / "warta-data.js").read_text(encoding="utf-8")
    payload = json.loads(data.removeprefix("window.WARTA = ").rstrip().rstrip(";"))
    assert payload["siteUrl"] == "https://warta.example.go.id/"
    assert payload["limits"]["x"] == 280 and payload["limits"]["facebook"] is None
    assert payload["photo"] == {"maxLongSide": 2560, "maxBytes": 1024 * 1024}
    assert set(payload["agencies"]) == {"badan-contoh", "dinas-contoh"}


def test_no_nip_reaches_the_admin_page(sample_repo: Path, tmp_path: Path, fake_cms_dist: Path) -> None:
    target = write_admin(sample_repo, tmp_path / "site", cms_package=fake_cms_dist)
    for path in target.iterdir():
        if path.suffix in (".yml", ".html") or path.name == "warta-data.js":
            text = path.read_text(encoding="utf-8")
            assert "19880620" not in text and "200903" not in text, path.name


def test_cli_writes_the_local_backend(sample_repo: Path, tmp_path: Path, fake_cms_dist: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"sveltia-cms-{CMS_VERSION}-immutable-{IMMUTABLE_VERSION}").symlink_to(fake_cms_dist)
    monkeypatch.setenv("WARTA_NODE_CACHE", str(cache))
    monkeypatch.chdir(sample_repo)
    result = CliRunner().invoke(app, ["admin", "--out", "out", "--backend", "local", "--repo", "portal"])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((sample_repo / "out/admin/config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "uji-org/portal"


def test_cli_rejects_an_unknown_backend(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_repo)
    result = CliRunner().invoke(app, ["admin", "--backend", "gitlab"])
    assert result.exit_code == 2


def test_cms_files_skip_maps_and_the_other_build(fake_cms_dist: Path) -> None:
    assert [name for _, name in cms_files(fake_cms_dist)] == ["sveltia-cms.js", "chunks/react-dom.js",
                                                              "LICENSE.txt", "immutable.es.js",
                                                              "immutable.LICENSE.txt"]


def test_the_editor_refuses_to_publish_and_says_who_does(sample_repo: Path, tmp_path: Path,
                                                          fake_cms_dist: Path) -> None:
    """The CMS awaits prePublish before merging: Warta's handler throws with the Indonesian reason."""
    import subprocess

    from tests.admin.conftest import require_tool
    from warta.admin import write_admin

    node = require_tool("node", "the editor's scripts are plain JavaScript")
    admin = write_admin(sample_repo, tmp_path / "site", cms_package=fake_cms_dist)
    assert '<script src="events.js"></script>' in (admin / "index.html").read_text(encoding="utf-8")
    harness = ("let seen = []; global.CMS = {registerEventListener: (l) => seen.push(l)};"
               f"require({str(admin / 'events.js')!r});"
               "const l = seen.find((x) => x.name === 'prePublish');"
               "try { l.handler({}); console.log('published'); } catch (e) { console.log('refused: ' + e.message); }")
    out = subprocess.run([node, "-e", harness], capture_output=True, text=True, timeout=30).stdout
    assert out.startswith("refused: ") and "Kepala PD" in out and "GitHub" in out


def test_build_writes_the_editor_to_its_own_tree_never_the_public_site(
        sample_repo: Path, tmp_path: Path, fake_cms_dist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor keeps a GitHub token in localStorage: it must not share an origin with post pages."""
    import shutil

    from tests.conftest import PROJECT_ROOT
    from warta.errors import UsageError, WartaError

    shutil.copy(PROJECT_ROOT / "mkdocs.yml", sample_repo / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "site_templates", sample_repo / "site_templates")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"sveltia-cms-{CMS_VERSION}-immutable-{IMMUTABLE_VERSION}").symlink_to(fake_cms_dist)
    monkeypatch.setenv("WARTA_NODE_CACHE", str(cache))
    monkeypatch.chdir(sample_repo)
    args = ["build", "--agency", "dinas-contoh", "--jobs", "1", "--now", "2026-11-29T10:00:00+07:00"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (sample_repo / "site/index.html").is_file()
    assert not (sample_repo / "site/admin").exists()
    config = yaml.safe_load((sample_repo / "site-admin/admin/config.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == config["display_url"] == "https://warta.example.go.id/"
    assert config["backend"]["auth_scope"] == "public_repo"
    assert "url=admin/" in (sample_repo / "site-admin/index.html").read_text(encoding="utf-8")

    inside = CliRunner().invoke(app, [*args, "--admin-out", "site/editor"])
    assert isinstance(inside.exception, UsageError) and "--admin-out" in inside.exception.message
    with pytest.raises(WartaError, match="situs publik"):
        write_admin(sample_repo, sample_repo / "site", cms_package=fake_cms_dist)
    assert not (sample_repo / "site/admin").exists()


def test_a_private_repository_may_ask_for_the_repo_scope(sample_repo: Path) -> None:
    from warta.admin.config import BackendOptions, build_config
    from warta.errors import UsageError
    from warta.roster import load_roster

    roster = load_roster(sample_repo).roster
    assert build_config(roster, BackendOptions(auth_scope="repo"))["backend"]["auth_scope"] == "repo"
    with pytest.raises(UsageError, match="public_repo"):
        build_config(roster, BackendOptions(auth_scope="admin:org"))


def test_serve_sends_the_precompressed_editor_to_a_browser_that_accepts_gzip(
        sample_repo: Path, tmp_path: Path, fake_cms_dist: Path) -> None:
    """What nginx's `gzip_static on` does in production: the .gz beside a file, encoded as such."""
    import threading
    import urllib.request

    from warta.site.serve import make_server

    write_admin(sample_repo, tmp_path / "editor", cms_package=fake_cms_dist)
    server = make_server(tmp_path / "editor", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/admin/sveltia-cms.js"
    plain = (tmp_path / "editor/admin/sveltia-cms.js").read_bytes()
    try:
        with urllib.request.urlopen(urllib.request.Request(  # noqa: S310 - loopback
                url, headers={"Accept-Encoding": "gzip"}), timeout=10) as packed:
            assert packed.headers["Content-Encoding"] == "gzip"
            assert packed.headers["Content-Type"] == "text/javascript"
            body = packed.read()
        assert len(body) < len(plain) and gzip.decompress(body) == plain
        with urllib.request.urlopen(url, timeout=10) as raw:  # noqa: S310 - loopback
            assert raw.headers["Content-Encoding"] is None and raw.read() == plain
    finally:
        server.shutdown()
        server.server_close()
