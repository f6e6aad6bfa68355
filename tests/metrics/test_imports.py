"""CSV exports staff download: each layout's real column headers, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import UsageError
from warta.metrics.imports import import_csv
from warta.metrics.model import PublishedCopy

COPIES = [PublishedCopy("dinas-contoh", "content/p.md", "facebook", "100_200", "https://www.facebook.com/100_200"),
          PublishedCopy("dinas-contoh", "content/p.md", "instagram", "17900", "https://www.instagram.com/p/ABC/"),
          PublishedCopy("dinas-contoh", "content/p.md", "x", "1860001", "https://x.com/dinascontoh/status/1860001"),
          PublishedCopy("dinas-contoh", "content/p.md", "youtube", "dQw4w9WgXcQ", None),
          PublishedCopy("dinas-contoh", "content/p.md", "tiktok", "7300000000000000001",
                        "https://www.tiktok.com/@dinascontoh/video/7300000000000000001")]

META_FB = (
    "\ufeffPost ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,"
    "Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Views,Reach,"
    "\"Reactions, Comments and Shares\",Reactions,Comments,Shares,Total clicks,Link clicks,Other clicks\n"
    "200,100,Dinas Contoh,,Posyandu serentak,0,11/20/2026 09:00,,https://www.facebook.com/100_200,No,No,Photos,,"
    ",,,Lifetime,\"1,204\",880,61,50,6,5,40,12,28\n"
    "999,100,Dinas Contoh,,Lain,0,11/21/2026 09:00,,https://www.facebook.com/100_999,No,No,Photos,,,,,Lifetime,"
    "10,8,0,0,0,0,0,0,0\n")
META_IG = (
    "Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,"
    "Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n"
    "17900,178,dinascontoh,Dinas Contoh,Posyandu,0,11/20/2026 09:00,https://www.instagram.com/p/ABC/,IG image,,"
    "Lifetime,1500,800,90,4,3,2,11\n")
YOUTUBE = (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,"
    "Impressions click-through rate (%),Likes,Comments added,Shares,Subscribers gained,Subscribers lost\n"
    "Total,,,,2600,120.5,9,40000,4.1,33,2,6,11,2\n"
    "dQw4w9WgXcQ,Posyandu Serentak,\"Nov 20, 2026\",212,2500,110.2,8,38000,4.2,31,1,5,10,2\n")
X_NEW = (
    "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,"
    "Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks\n"
    "1860001,\"Fri, Nov 20, 2026\",Posyandu,https://x.com/dinascontoh/status/1860001,900,20,70,2,0,1,2,3,5,10,8,0,1\n")
X_OLD = (
    "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes,"
    "user profile clicks,url clicks,hashtag clicks,detail expands,permalink clicks,app opens,app installs,follows,"
    "email tweet,dial phone,media views,media engagements\n"
    "1860001,https://twitter.com/dinascontoh/status/1860001,Posyandu,2026-11-20 02:00 +0000,900.0,70.0,"
    "0.0778,3.0,2.0,20.0,5.0,8.0,0.0,10.0,1.0,0,0,1.0,0,0,0,0\n")
TIKTOK = (
    "Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views,Add to Favorites,"
    "New followers\n"
    "Posyandu serentak,https://www.tiktok.com/@dinascontoh/video/7300000000000000001,2026-11-20 09:00,120,9,15,4000,"
    "30,4\n")
WEBSITE = ("tanggal,perangkat_daerah,halaman,kunjungan,pengunjung,pengunjung_kembali,unduhan,tautan_masuk\n"
           "2026-11-20,dinas-contoh,/dinas-contoh/2026/posyandu-serentak/,120,90,20,7,3\n")


def run(tmp_path: Path, text: str, network: str):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{network}.csv"
    path.write_text(text, encoding="utf-8")
    return import_csv(path, network, COPIES, day="2026-11-29", at="2026-11-29T09:00:00+07:00")


@pytest.mark.parametrize(("text", "network", "layout", "expected"), [
    (META_FB, "facebook", "meta-facebook", {"views": 1204, "reach": 880, "likes": 50, "comments": 6, "shares": 5,
                                            "clicks": 40}),
    (META_IG, "instagram", "meta-instagram", {"views": 1500, "reach": 800, "likes": 90, "comments": 2, "shares": 4,
                                              "saves": 11, "new_followers": 3}),
    (YOUTUBE, "youtube", "youtube-studio", {"views": 2500, "likes": 31, "comments": 1, "shares": 5,
                                            "new_followers": 10, "lost_followers": 2}),
    (X_NEW, "x", "x-analytics", {"views": 900, "likes": 20, "shares": 3, "comments": 2, "saves": 2, "clicks": 8,
                                 "new_followers": 1}),
    (X_OLD, "x", "x-tweet-activity", {"views": 900, "likes": 20, "shares": 3, "comments": 2, "clicks": 8,
                                      "new_followers": 1}),
    (TIKTOK, "tiktok", "tiktok-studio", {"views": 4000, "likes": 120, "comments": 9, "shares": 15, "saves": 30,
                                         "new_followers": 4}),
])
def test_layouts(tmp_path: Path, text: str, network: str, layout: str, expected: dict[str, int]) -> None:
    result = run(tmp_path, text, network)
    assert result.layout == layout
    snap = result.snapshots[0]
    assert snap.values == expected and snap.source == f"import:{layout}"
    assert (snap.agency, snap.remote_id, snap.day) == ("dinas-contoh", next(
        c.network_post_id for c in COPIES if c.channel == network), "2026-11-29")


def test_unmatched_rows_are_reported_not_stored(tmp_path: Path) -> None:
    result = run(tmp_path, META_FB, "facebook")
    assert len(result.snapshots) == 1 and result.unmatched == ["999"]


def test_website_counter(tmp_path: Path) -> None:
    snap = run(tmp_path, WEBSITE, "website").snapshots[0]
    assert (snap.kind, snap.day, snap.agency) == ("website", "2026-11-20", "dinas-contoh")
    assert snap.values == {"visits": 120, "visitors": 90, "returning_visitors": 20, "downloads": 7, "links_in": 3}


def test_unknown_layout_names_file_and_columns(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        run(tmp_path, "foo,bar\n1,2\n", "youtube")
    message = caught.value.message
    assert "youtube.csv:1" in message and "foo, bar" in message and "Content, Video title, Views" in message


def test_bad_number_names_the_line(tmp_path: Path) -> None:
    bad = META_IG.replace(",1500,", ",seribu,")
    with pytest.raises(UsageError, match=r"instagram\.csv:2: kolom `Views` berisi `seribu`"):
        run(tmp_path, bad, "instagram")


def test_unknown_network(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="tidak dikenal"):
        run(tmp_path, META_FB, "friendster")
