"""Media outside git (issue #14): a real S3-protocol server process (moto_server) driven over
HTTP by the production client; upload, manifest, build, derivatives, presigned uploads limited
to an agency's prefix, and a missing or tampered object failing only its shard."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.conftest import make_jpeg, write
from tests.media.photos import phone_photo
from tests.site.conftest import NOW
from warta.check import run_check
from warta.media.add import add_photo
from warta.media.lock import load_lock
from warta.media.store import MediaStore, StoreError, object_key, store_config
from warta.roster import load_roster
from warta.site import build_site

POST = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
ALT = "Kader posyandu menimbang balita di Kelurahan Sawah Lebar"
OTHER = """\
---
title: Berita Badan Contoh Tanpa Foto
date: 2026-11-20 09:00
---
Isi berita badan contoh.
"""


def _store(root: Path) -> MediaStore:
    config = store_config(load_roster(root).roster.province.media_store)
    assert config is not None
    return MediaStore(config)


def _add(root: Path, source: Path) -> str:
    province = load_roster(root).roster.province
    added = add_photo(root, province, POST, source, ALT)
    assert added.key is not None
    return added.key


def test_add_uploads_to_the_store_and_the_build_uses_it(store_repo: Path, tmp_path: Path) -> None:
    key = _add(store_repo, phone_photo(tmp_path / "IMG_1.jpg"))
    photo = store_repo / "content/dinas-contoh/2026/media/img-1.jpg"
    assert not photo.exists()  # the bytes are not in git
    lock = (store_repo / "content/dinas-contoh/media.lock").read_text(encoding="utf-8")
    entry = json.loads(lock)
    assert entry["file"] == "2026/media/img-1.jpg" and entry["key"] == key
    assert key == f"dinas-contoh/sha256/{entry['sha256']}.jpg"
    data = _store(store_repo).get(key)
    assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    assert "- file: media/img-1.jpg" in (store_repo / POST).read_text(encoding="utf-8")

    findings = run_check(store_repo, today=date(2026, 11, 25))
    assert not [f for f in findings if f.code in ("post-media-missing", "image-huge")], findings

    out = tmp_path / "site"
    report = build_site(store_repo, out, now=NOW, jobs=1, cache_dir=tmp_path / "cache")
    assert report.ok, report.errors
    page = (out / "dinas-contoh/berita/2026/2026-11-20-posyandu-serentak/index.html").read_text(encoding="utf-8")
    webps = sorted(p.name for p in (out / "dinas-contoh").rglob("*.webp"))
    assert webps and any(name in page for name in webps)  # the page links to the derivatives
    assert any(f"{w}w" in page for w in (480, 960, 1600))  # responsive derivatives of the stored photo
    assert (out / "dinas-contoh/berita/2026/media/img-1.jpg").read_bytes() == data  # published for the networks
    cached = tmp_path / "cache/media-store" / f"{entry['sha256']}.jpg"
    assert cached.read_bytes() == data


@pytest.mark.parametrize("damage", ["tampered", "missing"])
def test_a_damaged_object_fails_its_shard_only(store_repo: Path, tmp_path: Path, damage: str) -> None:
    write(store_repo, "content/badan-contoh/2026/2026-11-20-tanpa-foto.md", OTHER)
    key = _add(store_repo, phone_photo(tmp_path / "IMG_2.jpg", (2000, 1500), orientation=1))
    store = _store(store_repo)
    if damage == "tampered":
        store.put(key, store.get(key)[:-10] + b"0123456789", "image/jpeg")
    else:
        store.client.delete_object(Bucket=store.config.bucket, Key=key)
    out = tmp_path / "site"
    report = build_site(store_repo, out, now=NOW, jobs=1, cache_dir=tmp_path / "cache")
    assert not report.ok
    assert set(report.errors) == {"dinas-contoh"}
    message = report.errors["dinas-contoh"]
    expected = "tidak sama dengan yang disetujui" if damage == "tampered" else "tidak ada di penyimpanan media"
    assert expected in message and "warta media add" in message, message
    assert (out / "badan-contoh/index.html").is_file()  # the other agency built


def test_presigned_upload_is_limited_to_the_agency_prefix(store_repo: Path) -> None:
    store = _store(store_repo)
    data = make_jpeg(store_repo / "x.jpg", (1600, 900)).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    own = object_key("dinas-contoh", sha, ".jpg")
    url = store.presigned_put("dinas-contoh", own, "image/jpeg")
    response = httpx.put(url, content=data, headers={"Content-Type": "image/jpeg"})
    assert response.status_code == 200, response.text
    assert store.get(own) == data
    # moto does not enforce presigned signatures, so the limit is tested where Warta makes
    # the URL: a key outside the agency's prefix (or not content-addressed) gets no URL.
    for key in (object_key("badan-contoh", sha, ".jpg"), "dinas-contoh/../badan-contoh/x.jpg",
                f"dinas-contoh/{sha}.jpg"):
        with pytest.raises(StoreError, match="bukan milik dinas-contoh"):
            store.presigned_put("dinas-contoh", key, "image/jpeg")


def test_video_in_git_is_rejected_only_with_a_store(store_repo: Path) -> None:
    video = store_repo / "content/dinas-contoh/2026/media/liputan.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    found = [f for f in run_check(store_repo, today=date(2026, 11, 25)) if f.code == "video-in-git"]
    assert len(found) == 1 and found[0].file == "content/dinas-contoh/2026/media/liputan.mp4"
    province = store_repo / "roster/_province.yml"
    province.write_text(province.read_text(encoding="utf-8").split("media_store:")[0], encoding="utf-8")
    assert not [f for f in run_check(store_repo, today=date(2026, 11, 25)) if f.code == "video-in-git"]


def test_lock_without_store_and_damaged_lock_are_reported(store_repo: Path, tmp_path: Path) -> None:
    _add(store_repo, phone_photo(tmp_path / "IMG_3.jpg", (1600, 1200), orientation=1))
    assert load_lock(store_repo, "dinas-contoh")
    lock = store_repo / "content/dinas-contoh/media.lock"
    good = lock.read_text(encoding="utf-8")
    lock.write_text(good + "{rusak\n", encoding="utf-8")
    found = [f for f in run_check(store_repo, today=date(2026, 11, 25)) if f.code == "media-lock-invalid"]
    assert len(found) == 1 and found[0].line == 2
    # A hand-made line whose sha256 would name a file outside the cache, or another agency's key.
    entry = json.loads(good)
    for field, value in (("sha256", "../../../etc/x"), ("key", "badan-contoh/sha256/" + entry["sha256"] + ".jpg")):
        lock.write_text(json.dumps({**entry, field: value}) + "\n", encoding="utf-8")
        assert [f for f in run_check(store_repo, today=date(2026, 11, 25)) if f.code == "media-lock-invalid"]
    province = store_repo / "roster/_province.yml"
    province.write_text(province.read_text(encoding="utf-8").split("media_store:")[0], encoding="utf-8")
    codes = {f.code for f in run_check(store_repo, today=date(2026, 11, 25))}
    assert "media-store-missing" in codes


def test_dispatch_reads_a_stored_photo_verified(store_repo: Path, tmp_path: Path) -> None:
    from warta.dispatch.model import ApiError
    from warta.dispatch.run import GitMedia

    key = _add(store_repo, phone_photo(tmp_path / "IMG_4.jpg", (1600, 1200), orientation=1))
    path = "content/dinas-contoh/2026/media/img-4.jpg"
    media = GitMedia(store_repo)
    assert media.read(path) == _store(store_repo).get(key)  # X uploads these bytes
    store = _store(store_repo)
    store.put(key, b"lain", "image/jpeg")
    for cached in (store_repo / ".warta/cache/media-store").iterdir():
        cached.unlink()
    with pytest.raises(ApiError, match="tidak sama dengan yang disetujui"):
        media.read(path)
