"""Benchmark `warta build` on synthetic content.

    .venv/bin/python benchmarks/build.py --agencies 41 --posts 500 [--jobs 2]
        [--baseline-posts 500] [--side-by-side 8x100] [--keep DIR]

Prints: cold ms/post, no-change rebuild seconds, one-new-post rebuild seconds, peak RSS
(sum over the whole process tree, sampled every 50 ms), output size, merge->live for one new
post with the cache in place (`warta build` + `warta deploy` to a local rsync target, with the
files and bytes rsync transferred), a plain single MkDocs-Material blog build (blog + tags +
search plugins) of the first --baseline-posts posts, and the side-by-side ratio: Warta's cold
build against plain MkDocs-Material on the same posts at --side-by-side (default 8x100).
Every agency gets a few photos (shared by its posts, as a real agency reuses its own), so
image resizing is part of the cold figure.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = (
    "pemerintah", "provinsi", "bengkulu", "dinas", "kegiatan", "masyarakat", "pelayanan",
    "kesehatan", "pendidikan", "jalan", "jembatan", "pembangunan", "desa", "kota", "kabupaten",
    "warga", "petugas", "program", "bantuan", "sosial", "pertanian", "perikanan", "nelayan",
    "pariwisata", "pantai", "panjang", "benteng", "marlborough", "festival", "budaya",
    "tabot", "gubernur", "kepala", "bidang", "rapat", "koordinasi",
)
KINDS = ("Dinas", "Badan", "Biro", "Sekretariat", "Inspektorat", "Satuan", "Rumah Sakit")
CATEGORIES = ("Kesehatan", "Pendidikan", "Infrastruktur", "Sosial", "Ekonomi", "Budaya")


def _text(rng: random.Random, words: int) -> str:
    paragraphs = []
    while words > 0:
        n = min(words, rng.randint(40, 90))
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        words -= n
    return "\n\n".join(paragraphs)


def post_text(rng: random.Random, index: int, day: str, image: str | None) -> str:
    tags = sorted({rng.choice(WORDS) for _ in range(3)})
    media = (f"media:\n  - file: {image}\n    alt: Foto kegiatan nomor {index}\n"
             if image else "")
    return (f"---\ntitle: \"Kegiatan {index}: {rng.choice(WORDS)} {rng.choice(WORDS)}\"\n"
            f"date: {day} 09:00\nauthor: Penulis Satu\nsummary: Ringkasan kegiatan {index}.\n"
            f"category: {rng.choice(CATEGORIES)}\ntags: [{', '.join(tags)}]\n{media}---\n"
            f"{_text(rng, rng.randint(250, 450))}\n")


def make_repo(root: Path, agencies: int, posts: int, seed: int = 7) -> list[str]:
    from PIL import Image

    rng = random.Random(seed)
    (root / "roster").mkdir(parents=True)
    (root / "roster" / "_province.yml").write_text(
        "site: {title: Warta Bengkulu, url: https://warta.example.go.id/}\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site_templates", root / "site_templates")
    slugs = [f"dinas-uji-{i:02d}" for i in range(agencies)]
    for a, slug in enumerate(slugs):
        (root / "roster" / f"{slug}.yml").write_text(
            f"slug: {slug}\nname: Dinas Uji {a}\nkind: {KINDS[a % len(KINDS)]}\n"
            "team:\n  - {name: Penulis Satu, jabatan: Pranata Humas}\n", encoding="utf-8")
        media = root / "content" / slug / "media"
        media.mkdir(parents=True)
        for i in range(4):
            Image.new("RGB", (1800, 1000), (rng.randrange(256), 90, 160)).save(
                media / f"foto-{i}.jpg", "JPEG", quality=85)
        for p in range(posts):
            year = 2025 + p * 2 // max(posts, 1)
            day = f"{year}-{1 + p % 12:02d}-{1 + p % 28:02d}"
            folder = root / "content" / slug / str(year)
            folder.mkdir(exist_ok=True)
            image = f"../media/foto-{p % 4}.jpg" if p % 5 == 0 else None
            (folder / f"{day}-kegiatan-{p}.md").write_text(post_text(rng, p, day, image),
                                                           encoding="utf-8")
    return slugs


class PeakRss:
    """Peak of the summed RSS of a process and all its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        found, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children.get(pid, [])
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and theirs): on a shared
    machine a steadier figure than wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(root: Path, jobs: int | None) -> tuple[float, int]:
    command = [sys.executable, "-m", "warta.cli", "build", "--now", "2027-06-01T00:00:00+07:00", "--no-admin"]
    command += ["--jobs", str(jobs)] if jobs else []
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = PeakRss(process.pid)
    output = process.communicate()[0].decode()
    seconds = time.perf_counter() - started
    peak = sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"warta build failed:\n{output}")
    print("   ", output.strip().splitlines()[-1])
    return seconds, peak


def baseline(root: Path, agencies: list[str], limit: int) -> tuple[float, int]:
    """One plain MkDocs-Material project, blog per the usual setup, the same posts."""
    project = Path(tempfile.mkdtemp(prefix="warta-baseline-"))
    posts = project / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Warta\n", encoding="utf-8")
    (project / "docs" / "blog" / "index.md").write_text("# Berita\n", encoding="utf-8")
    count = 0
    for slug in agencies:
        for path in sorted((root / "content" / slug).rglob("*.md")):
            if count >= limit:
                break
            text = path.read_text(encoding="utf-8").replace("category: ", "categories:\n  - ")
            text = re.sub(r"^date: (\S+) .*$", r"date: \1", text, flags=re.M)
            text = "\n".join(line for line in text.splitlines()
                             if not line.startswith(("media:", "  - file:", "    alt:")))
            (posts / f"{slug}-{path.name}").write_text(text, encoding="utf-8")
            count += 1
    (project / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme: {name: material, language: id, font: false}\n"
        "plugins: [search, tags, {blog: {post_date_format: long}}]\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    shutil.rmtree(project, ignore_errors=True)
    return seconds, count


def run_deploy(root: Path, target: Path) -> tuple[float, int, float]:
    """`warta deploy --to target`: (seconds, files sent, MB sent)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "warta.cli", "deploy", "--to", str(target)],
                            cwd=root, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"warta deploy failed:\n{result.stdout}{result.stderr}")
    match = re.search(r"(\d+) berkas dikirim \(([\d.]+) MB\)", result.stdout)
    return seconds, int(match.group(1)) if match else -1, float(match.group(2)) if match else -1.0


def output_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def add_post(root: Path, slug: str, name: str) -> None:
    folder = root / "content" / slug / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(post_text(random.Random(name), 99999, "2026-12-31", None), encoding="utf-8")


def side_by_side(spec: str, jobs: int | None) -> None:
    agencies, posts = (int(n) for n in spec.lower().split("x"))
    root = Path(tempfile.mkdtemp(prefix="warta-side-"))
    try:
        slugs = make_repo(root / "repo", agencies, posts)
        cpu = children_cpu()
        cold, _ = run_build(root / "repo", jobs)
        cold_cpu, cpu = children_cpu() - cpu, children_cpu()
        plain, count = baseline(root / "repo", slugs, agencies * posts)
        plain_cpu = children_cpu() - cpu
        print(f"side by side at {agencies} x {posts}: Warta cold {cold:.1f} s, plain MkDocs-Material "
              f"({count} posts) {plain:.1f} s: ratio {cold / plain:.2f}x (wall); CPU {cold_cpu:.1f} s "
              f"vs {plain_cpu:.1f} s: {cold_cpu / plain_cpu:.2f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=41)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--baseline-posts", type=int, default=500)
    parser.add_argument("--side-by-side", default="8x100", help="AxP for the ratio; empty to skip")
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    if root.exists() and any(root.iterdir()):
        shutil.rmtree(root)
    slugs = make_repo(root, args.agencies, args.posts)
    total = args.agencies * args.posts
    print(f"{args.agencies} agencies x {args.posts} posts = {total} posts, "
          f"{os.cpu_count()} CPUs, jobs={args.jobs or os.cpu_count()}")
    cold, peak_cold = run_build(root, args.jobs)
    print(f"cold build:          {cold:8.1f} s  = {cold * 1000 / total:6.2f} ms/post")
    again, peak_again = run_build(root, args.jobs)
    print(f"no-change rebuild:   {again:8.2f} s")
    add_post(root, slugs[0], "2026-12-31-berita-baru.md")
    one, peak_one = run_build(root, args.jobs)
    print(f"one new post:        {one:8.2f} s")
    files, size = output_size(root / "site")
    print(f"output:              {size / 1e6:8.1f} MB in {files} files")
    target = root.parent / f"{root.name}-www"
    seconds, sent, mb = run_deploy(root, target)
    print(f"first deploy:        {seconds:8.2f} s, {sent} files, {mb:.1f} MB sent")
    seconds, sent, mb = run_deploy(root, target)
    print(f"unchanged deploy:    {seconds:8.2f} s, {sent} files, {mb:.2f} MB sent")
    add_post(root, slugs[-1], "2026-12-31-berita-lain.md")  # the merge of one post
    build_s, peak_live = run_build(root, args.jobs)
    deploy_s, sent, mb = run_deploy(root, target)
    print(f"merge -> live (1 post, cache in place): {build_s + deploy_s:.2f} s "
          f"(build {build_s:.2f} s + deploy {deploy_s:.2f} s), {sent} files, {mb:.2f} MB sent")
    shutil.rmtree(target, ignore_errors=True)
    peak_one = max(peak_one, peak_live)
    print(f"peak RSS (tree):     {max(peak_cold, peak_again, peak_one) / 2**20:8.0f} MiB")
    if args.baseline_posts:
        seconds, count = baseline(root, slugs, args.baseline_posts)
        per = seconds * 1000 / max(count, 1)
        print(f"plain MkDocs-Material blog, {count} posts: {seconds:.1f} s = {per:.2f} ms/post "
              f"(Warta cold is {per / (cold * 1000 / total):.1f}x faster per post)")
    if args.side_by_side:
        side_by_side(args.side_by_side, args.jobs)
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
