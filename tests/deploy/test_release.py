"""`warta deploy --to DIR`: real rsync, only changed files sent, atomic switch, rollback."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from tests.deploy.conftest import add_post, build
from warta.cli import app
from warta.deploy.release import Target, current, deploy, releases
from warta.errors import UsageError


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_second_deploy_sends_nothing_one_post_sends_only_its_changes(
        built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    repo, out, cache = built
    target = Target.parse(str(tmp_path / "www"))
    first = deploy(out, target)
    assert first.previous is None and first.files_sent > 10
    live = tmp_path / "www" / "current"
    assert live.is_symlink() and (live / "index.html").is_file()
    assert not list(live.rglob("_warta"))  # build records stay private

    again = deploy(out, target)
    assert (again.files_sent, again.bytes_sent) == (0, 0)
    assert again.previous == first.release and current(target) == again.release

    before = _files(live)
    add_post(repo)
    build(repo, out, cache)
    third = deploy(out, target)
    after = _files(tmp_path / "www" / "releases" / third.release)
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    assert any("jembatan-baru" in rel for rel in changed)
    assert third.files_sent == len(changed) < len(after) / 3
    # Unchanged files are hard links to the previous release's copies.
    unchanged = next(rel for rel in after if rel not in changed and rel.startswith("assets/"))
    old = tmp_path / "www" / "releases" / again.release / unchanged
    assert os.path.samefile(old, tmp_path / "www" / "releases" / third.release / unchanged)
    assert os.readlink(live) == f"releases/{third.release}"
    assert _files(tmp_path / "www" / "releases" / again.release) == before  # the old release untouched


def test_rollback_and_pruning_through_the_cli(built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, out, _ = built
    www = tmp_path / "www"
    runner = CliRunner()
    for _ in range(3):
        result = runner.invoke(app, ["deploy", "--to", str(www), "--out", str(out), "--keep", "2"])
        assert result.exit_code == 0, result.output
    assert "0 berkas dikirim" in result.output
    kept = releases(Target.parse(str(www)))
    assert len(kept) == 2 and os.readlink(www / "current") == f"releases/{kept[-1]}"

    result = runner.invoke(app, ["deploy", "--rollback", "--to", str(www)])
    assert result.exit_code == 0, result.output
    assert os.readlink(www / "current") == f"releases/{kept[0]}"
    result = runner.invoke(app, ["deploy", "--rollback", "--to", str(www)])
    assert isinstance(result.exception, UsageError) and "Tidak ada rilis sebelum" in result.exception.message


def test_remote_style_destination_goes_through_rsync(built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """The code path for user@host:/path and rsync:// (listing, link-dest, symlink swap,
    pruning all by rsync itself), exercised against a local path rsync treats the same way."""
    _, out, _ = built
    www = tmp_path / "remote"
    target = Target(str(www))  # no `local`: every step through rsync
    deploy(out, target, keep=2)
    second = deploy(out, target, keep=2)
    assert second.files_sent == 0 and current(target) == second.release
    deploy(out, target, keep=2)
    assert len(releases(target)) == 2
    assert (www / "current" / "index.html").is_file()


def test_bad_targets_and_missing_site(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["deploy", "--to", str(tmp_path / "www"), "--out", str(tmp_path / "nope")])
    assert isinstance(result.exception, UsageError) and "warta build" in result.exception.message
    result = runner.invoke(app, ["deploy", "--rollback", "--to", str(tmp_path / "www")])
    assert isinstance(result.exception, UsageError) and "Belum ada rilis" in result.exception.message
    assert Target.parse("deploy@web.bengkuluprov.go.id:/srv/warta").local is None
    assert Target.parse("rsync://web/warta").local is None


def test_editor_tree_deploys_on_its_own(tmp_path: Path) -> None:
    site, editor = tmp_path / "site", tmp_path / "site-admin"
    (site / "index.html").parent.mkdir(parents=True)
    (site / "index.html").write_text("situs", encoding="utf-8")
    (editor / "admin").mkdir(parents=True)
    (editor / "index.html").write_text("editor", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["deploy", "--admin", "--to", "pages", "--out", str(site)])
    assert isinstance(refused.exception, UsageError) and "editor web" in refused.exception.message
    result = runner.invoke(app, ["deploy", "--admin", "--to", str(tmp_path / "editor-host"), "--out", str(site)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "editor-host" / "current" / "index.html").read_text(encoding="utf-8") == "editor"
    pages = runner.invoke(app, ["deploy", "--out", str(site)], env={"WARTA_DEPLOY_TARGET": ""})
    assert pages.exit_code == 0 and "GitHub Pages" in pages.output
