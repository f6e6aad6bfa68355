"""The shipped sample photos (content/*/…/media/) are content, like the photos staff upload: each
is used by a post, decodes as a JPEG fit for the networks, and together they stay small.

They were drawn once by a script that is no longer part of the product (nothing ran it); replace
them like any post's photo, and keep these limits."""

from __future__ import annotations

from PIL import Image

from tests.conftest import PROJECT_ROOT
from warta.content import load_posts
from warta.content.files import is_publishable_attachment
from warta.roster import load_roster

MAX_BYTES = 150_000
MAX_TOTAL = 2_000_000


def test_every_sample_photo_is_used_valid_and_small() -> None:
    files = sorted(p for p in (PROJECT_ROOT / "content").rglob("*")
                   if p.is_file() and is_publishable_attachment(p.relative_to(PROJECT_ROOT).as_posix()))
    assert len(files) >= 20
    posts, _ = load_posts(PROJECT_ROOT, load_roster(PROJECT_ROOT).roster)
    used = {item.path for post in posts for item in post.media}
    unused = [p.relative_to(PROJECT_ROOT).as_posix() for p in files
              if p.relative_to(PROJECT_ROOT).as_posix() not in used]
    assert unused == []
    for path in files:
        assert path.stat().st_size <= MAX_BYTES, path
        with Image.open(path) as image:
            assert image.format == "JPEG", path
            assert image.size in ((1600, 900), (1080, 1350)), (path, image.size)
            image.verify()
    assert sum(p.stat().st_size for p in files) <= MAX_TOTAL
