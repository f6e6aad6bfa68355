"""Every check runs in linear time: one hostile 1 MB line must not hold a privileged job."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import POST_A, write
from warta.channels.captions import render_caption
from warta.channels.xcount import URL, x_weighted_length
from warta.check.quality import EMAIL, MD_LINK, Context, check_post_quality
from warta.content import load_post
from warta.roster import load_roster

REL = "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md"
# Each run is the worst case of a pattern that used to backtrack quadratically: the e-mail
# pattern on long address-like runs, the link pattern on `[` and `[](`, X's URL pattern on
# `a.a.a…` and `a-a-…`; runs are separated by a space so each is hostile on its own.
HOSTILE_UNITS = ("a", "a.", "a-", "www.", "a.com.", "[", "[](", '[a](x "', "@a", "a@", "0", "#")


def hostile_line(size: int = 1_000_000) -> str:
    each = size // len(HOSTILE_UNITS)
    return " ".join(unit * (each // len(unit)) for unit in HOSTILE_UNITS)


def test_one_megabyte_line_is_checked_in_under_two_seconds(sample_repo: Path) -> None:
    line = hostile_line()
    assert len(line) >= 990_000
    text = (POST_A.replace("Posyandu Serentak di Kota Bengkulu", "'" + line + "'")
            .replace("channels: [website, instagram]", "channels: [website, instagram, x]")
            .replace("Posyandu serentak dilaksanakan di seluruh kelurahan.", line))
    write(sample_repo, REL, text)
    roster = load_roster(sample_repo).roster
    post, findings = load_post(sample_repo, REL, roster)
    assert post is not None, findings
    started = time.process_time()  # CPU time: other jobs on a shared machine do not count
    codes = {f.code for f in check_post_quality(Context(sample_repo, roster.province), post)}
    elapsed = time.process_time() - started
    assert elapsed < 2.0, f"{elapsed:.1f} s"
    assert {"title-length", "caption-cut"} <= codes


def test_rewritten_patterns_still_find_what_they_found() -> None:
    text = "Surat ke ani.lestari+humas@gmail.com, atau (budi@dinas.bengkuluprov.go.id)."
    assert [m.group() for m in EMAIL.finditer(text)] == ["ani.lestari+humas@gmail.com",
                                                         "budi@dinas.bengkuluprov.go.id"]
    body = 'Lihat [berita lama](2026-01-02-banjir.md "Banjir") dan [catatan](../x.md#a "lama").'
    assert MD_LINK.findall(body) == ["2026-01-02-banjir.md", "../x.md#a"]
    urls = "Buka https://a.b/c?d=(1), www.bengkuluprov.go.id dan (dinkes.bengkuluprov.go.id/berita)."
    assert [m.group() for m in URL.finditer(urls)] == [
        "https://a.b/c?d=(1),", "www.bengkuluprov.go.id", "dinkes.bengkuluprov.go.id/berita)."]
    assert x_weighted_length("...dinkes.go.id") == 3 + 23


def test_long_title_is_cut_to_the_longest_prefix_that_fits(sample_repo: Path) -> None:
    title = " ".join(f"kata{i}" for i in range(40_000))
    write(sample_repo, REL, POST_A.replace("Posyandu Serentak di Kota Bengkulu", title)
          .replace("channels: [website, instagram]", "channels: [website, x]"))
    roster = load_roster(sample_repo).roster
    post, _ = load_post(sample_repo, REL, roster)
    assert post is not None
    started = time.process_time()
    caption = render_caption(post, "x", roster.province.site_url)
    assert time.process_time() - started < 2.0  # minutes when each dropped word re-measured the rest
    assert caption.length <= 280 and caption.text.startswith("kata0 kata1 ")
    kept = caption.text.split("…")[0].split(" ")
    longer = " ".join(kept + [f"kata{len(kept)}"]) + "…"
    assert x_weighted_length(longer + caption.text[caption.text.index("…") + 1:]) > 280
