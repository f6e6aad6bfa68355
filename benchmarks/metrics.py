"""Benchmark: collect + aggregate for 41 agencies × 500 posts × 5 networks × 365 days.

    python benchmarks/metrics.py [--posts 500] [--sample 0.02] [--days 365]

1. collect, one day, every copy (or a sample), through the real adapters and store, with
   an in-process fake of the networks (httpx.MockTransport: realistic JSON, no sockets);
2. a history of `days` daily snapshots for a sample of the copies (written in the store's
   own format), aggregated cold with SQLite; the cold time is extrapolated to full size;
3. one more full-size day appended, aggregated incrementally (what the daily job does);
4. gather, evaluate all 41 agencies and render every page.
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.content.models import Post, Posts  # noqa: E402
from warta.metrics.aggregate import Aggregator  # noqa: E402
from warta.metrics.collect import collect  # noqa: E402
from warta.metrics.evaluation import evaluate, months_back  # noqa: E402
from warta.metrics.inbox import response_stats  # noqa: E402
from warta.metrics.model import NETWORKS, PublishedCopy  # noqa: E402
from warta.metrics.numbers import gather  # noqa: E402
from warta.metrics.render import render_agency_kinerja, render_province_evaluation  # noqa: E402
from warta.metrics.store import Store  # noqa: E402
from warta.roster.models import Agency, Province, Roster  # noqa: E402
from warta.timeutil import WIB  # noqa: E402

AGENCIES = 41
NOW = datetime(2026, 11, 29, 7, 0, tzinfo=WIB)
COMMENTS = ["Kapan pendaftaran dibuka?", "Terima kasih, sangat membantu", "Jalannya masih rusak parah",
            "Mantap pak", "Di mana lokasinya min?"]


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fake_networks(request: httpx.Request) -> httpx.Response:
    """Answers every insights and comments endpoint the adapters call."""
    path, q = request.url.path, dict(request.url.params)
    seed = zlib.crc32(path.encode()) % 1000
    if path.endswith("/insights"):
        names = q["metric"].split(",")
        return httpx.Response(200, json={"data": [{"name": n, "period": "lifetime", "values": [{"value": seed + i}]}
                                                  for i, n in enumerate(names)]})
    if path.endswith("/comments"):
        pid = path.split("/")[-2]
        return httpx.Response(200, json={"data": [
            {"id": f"{pid}_{i}", "message": COMMENTS[i], "text": COMMENTS[i],
             "created_time": "2026-11-20T03:00:00+0000", "timestamp": "2026-11-20T03:00:00+0000",
             "from": {"id": str(seed + i)}} for i in range(seed % 3)]})
    if path == "/2/tweets":
        return httpx.Response(200, json={"data": [{"id": i, "public_metrics": {
            "impression_count": 900, "like_count": 9, "reply_count": 1, "retweet_count": 2, "quote_count": 0,
            "bookmark_count": 1}} for i in q["ids"].split(",")]})
    if path == "/2/tweets/search/recent":
        return httpx.Response(200, json={"meta": {"result_count": 0}})
    if path == "/youtube/v3/videos":
        return httpx.Response(200, json={"items": [{"id": i, "statistics": {"viewCount": "2500", "likeCount": "3",
                                                                              "commentCount": "1"}}
                                                   for i in q["id"].split(",")]})
    if path == "/youtube/v3/commentThreads":
        return httpx.Response(200, json={"items": []})
    if path == "/v2/video/query/":
        ids = json.loads(request.content)["filters"]["video_ids"]
        return httpx.Response(200, json={"data": {"videos": [{"id": i, "view_count": 4000, "like_count": 12,
                                                              "comment_count": 1, "share_count": 2} for i in ids]},
                                         "error": {"code": "ok"}})
    return httpx.Response(200, json={"id": path.strip("/").split("/")[-1], "shares": {"count": 3},
                                     "comments": {"summary": {"total_count": 2}}})


def make_world(posts_per_agency: int) -> tuple[Roster, Posts, list[PublishedCopy]]:
    agencies, posts, copies = {}, [], []
    for a in range(AGENCIES):
        slug = f"dinas-{a:02d}"
        agencies[slug] = Agency(slug, f"Dinas Uji {a:02d}", channels={"website": True, **{n: {} for n in NETWORKS}})
        for p in range(posts_per_agency):
            day = NOW - timedelta(days=(p * 365) // posts_per_agency)
            path = f"content/{slug}/{day.year}/{day:%Y-%m-%d}-berita-{p}.md"
            posts.append(Post(path, slug, f"Berita {p}", day, "", channels=("website", *NETWORKS)))
            copies += [PublishedCopy(slug, path, n, f"{n[:2]}{a:02d}{p:05d}", None, day.isoformat()) for n in NETWORKS]
    return Roster(Province(), agencies), Posts(tuple(posts)), copies


def write_history(store: Store, copies: list[PublishedCopy], days: int) -> int:
    """`days` daily snapshots per copy, as collect would have written them (same JSON)."""
    rng = random.Random(7)
    written = 0
    start = NOW.date() - timedelta(days=days)
    totals = {c.network_post_id: 0 for c in copies}
    by_network: dict[str, list[PublishedCopy]] = {}
    for c in copies:
        by_network.setdefault(c.channel, []).append(c)
    for offset in range(days):
        day = (start + timedelta(days=offset)).isoformat()
        for network, group in by_network.items():
            lines = []
            for c in group:
                totals[c.network_post_id] += rng.randint(0, 50)
                v = totals[c.network_post_id]
                lines.append(json.dumps({"agency": c.agency, "collected_at": f"{day}T07:00:00+07:00", "day": day,
                                         "kind": "post", "network": network, "post_id": c.post_id, "raw": {},
                                         "remote_id": c.network_post_id, "source": "api", "values": {
                                             "views": v, "reach": v // 2, "likes": v // 20, "comments": v // 100,
                                             "shares": v // 50, "saves": v // 80}}, sort_keys=True))
            path = store.snapshot_path(network, day)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")
            written += len(lines)
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--sample", type=float, default=0.02, help="share of copies given a full history")
    parser.add_argument("--collect-sample", type=float, default=1.0, help="share of copies collected in step 1")
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    roster, posts, copies = make_world(args.posts)
    full = len(copies)
    print(f"{AGENCIES} perangkat daerah × {args.posts} unggahan × {len(NETWORKS)} jaringan = {full:,} salinan; "
          f"{args.days} hari = {full * args.days:,} catatan angka")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        env = {f"WARTA_{n.upper()}_API": f"https://{n}.fake.invalid" for n in NETWORKS}
        env.update({f"WARTA_TOKEN_{s.upper().replace('-', '_')}_{n.upper()}": "t" for s in roster.slugs()
                    for n in NETWORKS})
        step = max(1, round(1 / args.collect_sample))
        chosen = [c for i, c in enumerate(copies) if (i // len(NETWORKS)) % step == 0]  # whole posts
        client = httpx.Client(transport=httpx.MockTransport(fake_networks))
        t0 = time.perf_counter()
        result = collect(chosen, roster, store, now=NOW, env=env, client=client, sleep=lambda s: None)
        t_collect = time.perf_counter() - t0
        print(f"1. collect 1 hari: {len(chosen):,} salinan, {result.snapshots:,} angka, {result.comments:,} komentar "
              f"dalam {t_collect:.1f} s ({1e3 * t_collect / len(chosen):.2f} ms/salinan"
              + (f"; skala penuh ≈ {t_collect * full / len(chosen):.0f} s)" if len(chosen) < full else ")"))
        history_dir = Store(Path(tmp) / "history")
        every = max(1, round(1 / args.sample))
        sample = [c for i, c in enumerate(copies) if (i // len(NETWORKS)) % every == 0]
        t0 = time.perf_counter()
        lines = write_history(history_dir, sample, args.days)
        t_write = time.perf_counter() - t0
        agg = Aggregator(history_dir, Path(tmp) / "cache.sqlite")
        t0 = time.perf_counter()
        agg.refresh()
        t_cold = time.perf_counter() - t0
        factor = full / len(sample)
        print(f"2. riwayat sampel {len(sample):,} salinan × {args.days} hari = {lines:,} catatan "
              f"(tulis {t_write:.1f} s); agregasi awal {t_cold:.1f} s "
              f"({1e6 * t_cold / lines:.1f} µs/catatan) → skala penuh ≈ {t_cold * factor / 60:.1f} menit, "
              "sekali saja (cache)")
        day_after = (NOW.date() + timedelta(days=1)).isoformat()
        t0 = time.perf_counter()
        write_history_day(history_dir, copies, day_after)
        t_day_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        read = agg.refresh()
        t_incr = time.perf_counter() - t0
        print(f"3. satu hari penuh ({read:,} catatan, tulis {t_day_write:.1f} s): agregasi inkremental {t_incr:.1f} s")
        t0 = time.perf_counter()
        data = gather(agg, store.comments())
        rows = evaluate(roster, posts, NOW, data, dispatch={}, response=response_stats(store.comments()),
                        months=months_back(NOW))
        pages = [render_province_evaluation(rows, months_back(NOW))]
        pages += [render_agency_kinerja(roster.agencies[r.slug], r, data, posts, [], months_back(NOW)) for r in rows]
        t_eval = time.perf_counter() - t0
        agg.close()
        print(f"4. ukuran, evaluasi {len(rows)} perangkat daerah dan {len(pages)} halaman: {t_eval:.1f} s")
    print(f"Memori puncak (RSS): {rss_mib():.0f} MiB")
    return 0


def write_history_day(store: Store, copies: list[PublishedCopy], day: str) -> None:
    by_network: dict[str, list[str]] = {}
    for c in copies:
        by_network.setdefault(c.channel, []).append(json.dumps({
            "agency": c.agency, "collected_at": f"{day}T07:00:00+07:00", "day": day, "kind": "post",
            "network": c.channel, "post_id": c.post_id, "raw": {}, "remote_id": c.network_post_id, "source": "api",
            "values": {"views": 100000, "reach": 50000, "likes": 10, "comments": 5, "shares": 3, "saves": 1}}))
    for network, lines in by_network.items():
        path = store.snapshot_path(network, day)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
