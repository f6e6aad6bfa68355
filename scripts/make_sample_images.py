#!/usr/bin/env python3
"""Draw the sample illustrations referenced by the shipped posts in content/.

Every image is a simple flat illustration (sky, sea or hills, buildings, people
silhouettes), with a ribbon in the agency's colour and the agency's short name in
a corner. Each image is drawn from a fixed seed derived from its path, so running
the script again writes byte-identical files.

    .venv/bin/python scripts/make_sample_images.py [--check]

`--check` only reports missing files or files whose bytes would change.
"""

from __future__ import annotations

import io
import math
import random
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LANDSCAPE = (1600, 900)
PORTRAIT = (1080, 1350)
MAX_BYTES = 150_000

RGB = tuple[int, int, int]

AGENCIES: dict[str, tuple[str, RGB]] = {
    "dinas-kesehatan": ("DINKES", (26, 140, 92)),
    "dinas-kominfotik": ("DISKOMINFOTIK", (33, 109, 196)),
    "dinas-pariwisata": ("DISPAR", (196, 44, 104)),
    "bpbd": ("BPBD", (232, 118, 20)),
    "dinas-pendidikan-kebudayaan": ("DIKBUD", (104, 62, 160)),
    "rsud-m-yunus": ("RSUD M. YUNUS", (14, 138, 140)),
    "dinas-perhubungan": ("DISHUB", (24, 58, 110)),
}

SKIES: dict[str, tuple[RGB, RGB]] = {
    "day": ((86, 156, 222), (200, 230, 246)),
    "morning": ((118, 168, 222), (250, 222, 182)),
    "dusk": ((58, 58, 118), (246, 158, 98)),
    "storm": ((66, 76, 92), (148, 158, 168)),
    "wall": ((238, 230, 216), (222, 212, 196)),
    "hall": ((214, 222, 232), (238, 240, 244)),
    "stage": ((30, 24, 48), (70, 40, 80)),
}
SKIN: list[RGB] = [(141, 85, 46), (176, 118, 70), (200, 142, 92), (120, 76, 44)]
CLOTHES: list[RGB] = [(52, 92, 150), (200, 80, 60), (60, 130, 100), (230, 180, 60),
                      (120, 80, 140), (70, 70, 80), (220, 120, 150), (40, 150, 170)]
SCARF: list[RGB] = [(150, 60, 90), (60, 90, 140), (70, 150, 160), (90, 120, 80), (200, 160, 60)]


def lerp(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def tint(col: RGB, amount: float) -> RGB:
    """Towards white for amount > 0, towards black for amount < 0."""
    return lerp(col, (255, 255, 255), amount) if amount >= 0 else lerp(col, (0, 0, 0), -amount)


class Canvas:
    def __init__(self, size: tuple[int, int], seed: int, color: RGB) -> None:
        self.W, self.H = size
        self.img = Image.new("RGB", size, (255, 255, 255))
        self.d = ImageDraw.Draw(self.img, "RGBA")
        self.rng = random.Random(seed)
        self.color = color

    def x(self, f: float) -> float:
        return self.W * f

    def y(self, f: float) -> float:
        return self.H * f

    @property
    def u(self) -> float:
        """A length unit that scales with the shorter side (1600x900 → 1.0)."""
        return min(self.W, self.H) / 900


# ----------------------------------------------------------------- backgrounds

def gradient(c: Canvas, y0: float, y1: float, top: RGB, bottom: RGB) -> None:
    y0i, y1i = int(y0), int(y1)
    for y in range(y0i, y1i):
        c.d.line([(0, y), (c.W, y)], fill=lerp(top, bottom, (y - y0i) / max(1, y1i - y0i - 1)))


def sky(c: Canvas, kind: str = "day", horizon: float = 1.0) -> None:
    top, bottom = SKIES[kind]
    gradient(c, 0, c.y(horizon), top, bottom)


def sun(c: Canvas, fx: float, fy: float, r: float, col: RGB = (255, 226, 120)) -> None:
    cx, cy = c.x(fx), c.y(fy)
    for i in range(6, 0, -1):
        rr = r * (1 + i * 0.35)
        c.d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(*col, 18))
    c.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col)


def clouds(c: Canvas, n: int, y_range: tuple[float, float] = (0.08, 0.32), alpha: int = 210,
           col: RGB = (255, 255, 255)) -> None:
    for _ in range(n):
        cx, cy = c.rng.uniform(0, c.W), c.y(c.rng.uniform(*y_range))
        w = c.rng.uniform(120, 260) * c.u
        for _ in range(4):
            dx, dy = c.rng.uniform(-w / 2, w / 2), c.rng.uniform(-w / 10, w / 12)
            rw, rh = c.rng.uniform(w / 4, w / 2.4), c.rng.uniform(w / 8, w / 5)
            c.d.ellipse([cx + dx - rw, cy + dy - rh, cx + dx + rw, cy + dy + rh], fill=(*col, alpha))


def hills(c: Canvas, base: float, amp: float, col: RGB, freq: float = 1.0) -> None:
    ph1, ph2 = c.rng.uniform(0, 6.3), c.rng.uniform(0, 6.3)
    pts = [(0.0, float(c.H))]
    for x in range(0, c.W + 20, 20):
        t = x / c.W * math.pi * 2 * freq
        h = 0.6 * math.sin(t + ph1) + 0.4 * math.sin(2.3 * t + ph2)
        pts.append((float(x), c.y(base) - c.y(amp) * (0.5 + 0.5 * h)))
    pts.append((float(c.W), float(c.H)))
    c.d.polygon(pts, fill=col)


def sea(c: Canvas, y0: float, y1: float, top: RGB = (40, 120, 170), bottom: RGB = (90, 180, 200)) -> None:
    gradient(c, c.y(y0), c.y(y1), top, bottom)
    for _ in range(40):
        x, y = c.rng.uniform(0, c.W), c.rng.uniform(c.y(y0) + 6, c.y(y1) - 4)
        w = c.rng.uniform(20, 70) * c.u * (0.4 + (y - c.y(y0)) / max(1.0, c.y(y1 - y0)))
        c.d.line([(x, y), (x + w, y)], fill=(255, 255, 255, 90), width=max(1, int(2 * c.u)))


def ground(c: Canvas, y0: float, top: RGB, bottom: RGB) -> None:
    gradient(c, c.y(y0), c.H, top, bottom)


def floor_and_wall(c: Canvas, split: float = 0.7, wall: str = "wall", floor: RGB = (176, 140, 104)) -> None:
    sky(c, wall, split)
    gradient(c, c.y(split), c.H, floor, tint(floor, -0.25))
    c.d.line([(0, c.y(split)), (c.W, c.y(split))], fill=tint(floor, -0.35), width=int(4 * c.u))


# -------------------------------------------------------------------- props

def person(c: Canvas, x: float, base: float, h: float, top: RGB | None = None, bottom: RGB | None = None,
           scarf: bool | None = None, cap: RGB | None = None, arm_up: bool = False) -> None:
    rng = c.rng
    top = top or rng.choice(CLOTHES)
    bottom = bottom or tint(rng.choice(CLOTHES), -0.4)
    skin = rng.choice(SKIN)
    r = h * 0.1
    tw = h * 0.3
    body_top, hip = base - h + 2.1 * r, base - h * 0.42
    leg = tw * 0.36
    c.d.rectangle([x - tw / 2 + 2, hip - 4, x - tw / 2 + 2 + leg, base], fill=bottom)
    c.d.rectangle([x + tw / 2 - 2 - leg, hip - 4, x + tw / 2 - 2, base], fill=bottom)
    c.d.rounded_rectangle([x - tw / 2, body_top, x + tw / 2, hip], radius=tw * 0.3, fill=top)
    arm = h * 0.08
    if arm_up:
        c.d.line([(x + tw / 2 - arm / 2, body_top + arm), (x + tw / 2 + arm, base - h * 1.02)], fill=top,
                 width=int(arm))
    else:
        c.d.rounded_rectangle([x - tw / 2 - arm * 0.8, body_top + 2, x - tw / 2 + arm * 0.2, hip - h * 0.05],
                              radius=arm / 2, fill=tint(top, -0.1))
        c.d.rounded_rectangle([x + tw / 2 - arm * 0.2, body_top + 2, x + tw / 2 + arm * 0.8, hip - h * 0.05],
                              radius=arm / 2, fill=tint(top, -0.1))
    cy = base - h + r
    if scarf if scarf is not None else rng.random() < 0.4:
        sc = rng.choice(SCARF)
        c.d.ellipse([x - r * 1.25, cy - r * 1.15, x + r * 1.25, cy + r * 1.6], fill=sc)
        c.d.ellipse([x - r * 0.72, cy - r * 0.62, x + r * 0.72, cy + r * 0.85], fill=skin)
    else:
        c.d.ellipse([x - r, cy - r, x + r, cy + r], fill=skin)
        c.d.chord([x - r, cy - r * 1.05, x + r, cy + r * 0.5], 180, 360, fill=(40, 30, 26))
    if cap:
        c.d.chord([x - r * 1.05, cy - r * 1.2, x + r * 1.05, cy + r * 0.4], 180, 360, fill=cap)
        c.d.rectangle([x, cy - r * 0.4, x + r * 1.5, cy - r * 0.2], fill=cap)


def crowd(c: Canvas, x0: float, x1: float, base: float, n: int, h: float, **kw: object) -> None:
    xs = sorted(c.rng.uniform(c.x(x0), c.x(x1)) for _ in range(n))
    for x in xs:
        person(c, x, c.y(base) + c.rng.uniform(-4, 4) * c.u, h * c.u * c.rng.uniform(0.9, 1.08), **kw)  # type: ignore[arg-type]


def row(c: Canvas, x0: float, x1: float, base: float, n: int, h: float, **kw: object) -> None:
    for i in range(n):
        x = c.x(x0) + (c.x(x1) - c.x(x0)) * (i + 0.5) / n
        person(c, x, c.y(base), h * c.u * c.rng.uniform(0.94, 1.04), **kw)  # type: ignore[arg-type]


def audience(c: Canvas, rows: int, base: float, per_row: int, size: float) -> None:
    """People seen from behind (heads and shoulders), nearest row last."""
    for ri in range(rows):
        s = size * c.u * (0.7 + 0.3 * (ri + 1) / rows)
        y = c.y(base) - (rows - 1 - ri) * s * 0.9
        off = c.rng.uniform(0, s)
        for i in range(per_row + 1):
            x = off + i * c.W / per_row + c.rng.uniform(-s * 0.2, s * 0.2)
            top = c.rng.choice(CLOTHES)
            c.d.chord([x - s * 0.75, y - s * 0.35, x + s * 0.75, y + s * 0.9], 180, 360, fill=top)
            if c.rng.random() < 0.4:
                c.d.ellipse([x - s * 0.42, y - s * 0.95, x + s * 0.42, y - s * 0.05], fill=c.rng.choice(SCARF))
            else:
                c.d.ellipse([x - s * 0.33, y - s * 0.85, x + s * 0.33, y - s * 0.12], fill=(38, 30, 26))


def tree(c: Canvas, x: float, base: float, h: float, col: RGB = (58, 140, 80)) -> None:
    c.d.rectangle([x - h * 0.05, base - h * 0.5, x + h * 0.05, base], fill=(110, 78, 50))
    for dx, dy, r in ((0, -0.7, 0.3), (-0.18, -0.55, 0.22), (0.18, -0.55, 0.22)):
        c.d.ellipse([x + dx * h - r * h, base + dy * h - r * h, x + dx * h + r * h, base + dy * h + r * h],
                    fill=tint(col, c.rng.uniform(-0.15, 0.1)))


def palm(c: Canvas, x: float, base: float, h: float, lean: float = 0.15) -> None:
    pts = [(x + lean * h * (t / 10) ** 2, base - h * t / 10) for t in range(11)]
    c.d.line(pts, fill=(120, 86, 54), width=max(3, int(h * 0.045)), joint="curve")
    tx, ty = pts[-1]
    for ang in (-160, -125, -90, -55, -20, -200, 20):
        a = math.radians(ang)
        frond = []
        for t in range(9):
            s = t / 8
            frond.append((tx + math.cos(a) * h * 0.38 * s, ty + math.sin(a) * h * 0.2 * s + h * 0.22 * s * s))
        c.d.line(frond, fill=(46, 120, 64), width=max(3, int(h * 0.04)), joint="curve")


def windows(c: Canvas, box: tuple[float, float, float, float], cols: int, rows_: int, col: RGB) -> None:
    x0, y0, x1, y1 = box
    cw, rh = (x1 - x0) / cols, (y1 - y0) / rows_
    for i in range(cols):
        for j in range(rows_):
            c.d.rectangle([x0 + i * cw + cw * 0.22, y0 + j * rh + rh * 0.2, x0 + (i + 1) * cw - cw * 0.22,
                           y0 + (j + 1) * rh - rh * 0.2], fill=col)


def flag(c: Canvas, x: float, base: float, h: float) -> None:
    c.d.line([(x, base), (x, base - h)], fill=(200, 200, 205), width=max(2, int(5 * c.u)))
    fw, fh = h * 0.3, h * 0.1
    c.d.rectangle([x, base - h, x + fw, base - h + fh], fill=(214, 36, 40))
    c.d.rectangle([x, base - h + fh, x + fw, base - h + 2 * fh], fill=(250, 250, 250))


def office(c: Canvas, x: float, base: float, w: float, h: float, col: RGB = (236, 232, 222)) -> None:
    c.d.rectangle([x, base - h, x + w, base], fill=col)
    c.d.polygon([(x - w * 0.04, base - h), (x + w / 2, base - h - h * 0.35), (x + w * 1.04, base - h)],
                fill=(150, 70, 52))
    for i in range(6):
        px = x + w * (0.08 + i * 0.17)
        c.d.rectangle([px, base - h * 0.85, px + w * 0.05, base], fill=(250, 250, 246))
    c.d.rectangle([x, base - h * 0.9, x + w, base - h * 0.85], fill=tint(col, -0.15))
    c.d.rectangle([x + w * 0.44, base - h * 0.5, x + w * 0.56, base], fill=(110, 78, 56))


def school(c: Canvas, x: float, base: float, w: float, h: float) -> None:
    c.d.rectangle([x, base - h, x + w, base], fill=(244, 236, 210))
    c.d.polygon([(x - w * 0.05, base - h), (x + w * 0.08, base - h * 1.45), (x + w * 0.92, base - h * 1.45),
                 (x + w * 1.05, base - h)], fill=(186, 70, 50))
    windows(c, (x + w * 0.04, base - h * 0.9, x + w * 0.96, base - h * 0.35), 8, 1, (120, 170, 200))
    for i in range(8):
        dx = x + w * 0.04 + (w * 0.92) * (i + 0.5) / 8
        c.d.rectangle([dx - w * 0.02, base - h * 0.3, dx + w * 0.02, base], fill=(90, 120, 150))
    c.d.rectangle([x, base - h * 0.06, x + w, base], fill=(170, 160, 140))


def hospital(c: Canvas, x: float, base: float, w: float, h: float) -> None:
    c.d.rectangle([x, base - h, x + w, base], fill=(246, 248, 250))
    c.d.rectangle([x + w * 0.3, base - h * 1.25, x + w * 0.7, base - h], fill=(236, 240, 244))
    windows(c, (x + w * 0.03, base - h * 0.95, x + w * 0.97, base - h * 0.3), 10, 3, (140, 190, 214))
    cx, cy, s = x + w / 2, base - h * 1.12, h * 0.09
    c.d.rectangle([cx - s, cy - s * 0.35, cx + s, cy + s * 0.35], fill=(214, 40, 48))
    c.d.rectangle([cx - s * 0.35, cy - s, cx + s * 0.35, cy + s], fill=(214, 40, 48))
    c.d.rectangle([x + w * 0.35, base - h * 0.28, x + w * 0.65, base - h * 0.22], fill=c.color)
    c.d.rectangle([x + w * 0.42, base - h * 0.22, x + w * 0.58, base], fill=(120, 170, 196))


def house(c: Canvas, x: float, base: float, w: float, col: RGB) -> None:
    h = w * 0.55
    stilt = w * 0.18
    for i in range(4):
        sx = x + w * (0.05 + i * 0.29)
        c.d.rectangle([sx, base - stilt, sx + w * 0.04, base], fill=(100, 70, 46))
    c.d.rectangle([x, base - stilt - h, x + w, base - stilt], fill=col)
    c.d.polygon([(x - w * 0.1, base - stilt - h), (x + w / 2, base - stilt - h - w * 0.4),
                 (x + w * 1.1, base - stilt - h)], fill=(120, 56, 40))
    c.d.rectangle([x + w * 0.15, base - stilt - h * 0.7, x + w * 0.35, base - stilt - h * 0.3],
                  fill=(250, 226, 160))
    c.d.rectangle([x + w * 0.6, base - stilt - h * 0.8, x + w * 0.8, base - stilt], fill=(90, 60, 40))


def fort(c: Canvas, x: float, base: float, w: float, h: float) -> None:
    stone, dark = (214, 206, 190), (170, 160, 144)
    c.d.polygon([(x, base), (x + w * 0.05, base - h), (x + w * 0.95, base - h), (x + w, base)], fill=stone)
    for bx in (x - w * 0.06, x + w * 0.86):
        c.d.polygon([(bx, base), (bx + w * 0.1, base - h * 1.25), (bx + w * 0.2, base)], fill=dark)
    n = 18
    for i in range(n):
        if i % 2 == 0:
            cx = x + w * 0.05 + (w * 0.9) * i / n
            c.d.rectangle([cx, base - h - h * 0.12, cx + w * 0.9 / n, base - h], fill=stone)
    c.d.chord([x + w * 0.44, base - h * 0.62, x + w * 0.56, base - h * 0.2], 180, 360, fill=(80, 66, 56))
    c.d.rectangle([x + w * 0.44, base - h * 0.42, x + w * 0.56, base], fill=(80, 66, 56))
    flag(c, x + w * 0.5, base - h - h * 0.1, h * 0.9)


def terminal(c: Canvas, x: float, base: float, w: float, h: float) -> None:
    c.d.rectangle([x, base - h, x + w, base], fill=(228, 232, 236))
    windows(c, (x + w * 0.02, base - h * 0.85, x + w * 0.98, base - h * 0.2), 14, 1, (120, 170, 200))
    c.d.chord([x - w * 0.06, base - h * 1.6, x + w * 1.06, base - h * 0.7], 180, 360, fill=c.color)
    for i in range(7):
        px = x + w * (0.02 + i * 0.16)
        c.d.rectangle([px, base - h * 1.15, px + w * 0.015, base], fill=(150, 156, 162))


def bus(c: Canvas, x: float, base: float, w: float, col: RGB) -> None:
    h = w * 0.36
    c.d.rounded_rectangle([x, base - h, x + w, base - h * 0.15], radius=h * 0.12, fill=col)
    c.d.rectangle([x + w * 0.04, base - h * 0.88, x + w * 0.96, base - h * 0.55], fill=(180, 214, 234))
    for i in range(1, 8):
        c.d.line([(x + w * 0.04 + w * 0.92 * i / 8, base - h * 0.88), (x + w * 0.04 + w * 0.92 * i / 8,
                  base - h * 0.55)], fill=col, width=max(2, int(4 * c.u)))
    c.d.rectangle([x, base - h * 0.42, x + w, base - h * 0.36], fill=(250, 250, 250))
    for wx in (x + w * 0.2, x + w * 0.8):
        r = h * 0.16
        c.d.ellipse([wx - r, base - h * 0.15 - r, wx + r, base - h * 0.15 + r], fill=(34, 34, 38))
        c.d.ellipse([wx - r * 0.45, base - h * 0.15 - r * 0.45, wx + r * 0.45, base - h * 0.15 + r * 0.45],
                    fill=(180, 180, 186))


def tent(c: Canvas, x: float, base: float, w: float, col: RGB) -> None:
    c.d.polygon([(x, base), (x + w / 2, base - w * 0.55), (x + w, base)], fill=col)
    c.d.polygon([(x + w * 0.38, base), (x + w / 2, base - w * 0.3), (x + w * 0.62, base)], fill=tint(col, -0.45))


def screen(c: Canvas, box: tuple[float, float, float, float], content: str) -> None:
    x0, y0, x1, y1 = box
    c.d.rectangle([x0 - 8, y0 - 8, x1 + 8, y1 + 8], fill=(60, 64, 72))
    c.d.rectangle([x0, y0, x1, y1], fill=(250, 250, 252))
    w, h = x1 - x0, y1 - y0
    if content == "chart":
        pts = [(x0 + w * (0.08 + 0.84 * i / 8), y1 - h * (0.2 + 0.55 * (1 - math.exp(-i / 3)))) for i in range(9)]
        c.d.line([(x0 + w * 0.08, y1 - h * 0.15), (x1 - w * 0.05, y1 - h * 0.15)], fill=(160, 160, 170), width=3)
        c.d.line(pts, fill=c.color, width=max(3, int(7 * c.u)), joint="curve")
    elif content == "grid":
        for i in range(3):
            for j in range(2):
                col = c.rng.choice(CLOTHES)
                c.d.rectangle([x0 + w * (0.1 + i * 0.28), y0 + h * (0.1 + j * 0.42), x0 + w * (0.34 + i * 0.28),
                               y0 + h * (0.46 + j * 0.42)], fill=tint(col, 0.35))
    elif content == "phone":
        cx = x0 + w / 2
        c.d.rounded_rectangle([cx - w * 0.13, y0 + h * 0.1, cx + w * 0.13, y1 - h * 0.1], radius=w * 0.03,
                              fill=(50, 54, 64))
        c.d.rectangle([cx - w * 0.11, y0 + h * 0.18, cx + w * 0.11, y1 - h * 0.18], fill=tint(c.color, 0.7))
        s = h * 0.16
        c.d.polygon([(cx - s, y0 + h * 0.4), (cx, y0 + h * 0.34), (cx + s, y0 + h * 0.4), (cx + s * 0.8, y0 + h * 0.6),
                     (cx, y0 + h * 0.7), (cx - s * 0.8, y0 + h * 0.6)], fill=c.color)
        c.d.line([(cx - s * 0.4, y0 + h * 0.5), (cx - s * 0.05, y0 + h * 0.58), (cx + s * 0.45, y0 + h * 0.44)],
                 fill=(255, 255, 255), width=max(3, int(8 * c.u)))
    elif content == "heart":
        cx, cy, s = x0 + w / 2, y0 + h * 0.45, h * 0.22
        c.d.ellipse([cx - s * 1.05, cy - s * 0.8, cx + s * 0.05, cy + s * 0.3], fill=(214, 72, 96))
        c.d.ellipse([cx - s * 0.05, cy - s * 0.8, cx + s * 1.05, cy + s * 0.3], fill=(214, 72, 96))
        c.d.polygon([(cx - s * 1.0, cy), (cx + s * 1.0, cy), (cx, cy + s * 1.1)], fill=(214, 72, 96))
    else:  # lines of text
        for i in range(5):
            c.d.rectangle([x0 + w * 0.1, y0 + h * (0.15 + i * 0.15), x0 + w * (0.9 - 0.1 * (i % 3)),
                           y0 + h * (0.2 + i * 0.15)], fill=(170, 178, 190))


def laptop(c: Canvas, x: float, base: float, w: float) -> None:
    c.d.polygon([(x + w * 0.1, base - w * 0.62), (x + w * 0.9, base - w * 0.62), (x + w * 0.9, base - w * 0.08),
                 (x + w * 0.1, base - w * 0.08)], fill=(70, 74, 84))
    c.d.rectangle([x + w * 0.15, base - w * 0.57, x + w * 0.85, base - w * 0.13], fill=(150, 200, 230))
    c.d.polygon([(x, base), (x + w, base), (x + w * 0.92, base - w * 0.08), (x + w * 0.08, base - w * 0.08)],
                fill=(150, 154, 162))


def road(c: Canvas, horizon: float, width_top: float = 0.06, lanes: bool = True) -> None:
    hy = c.y(horizon)
    cx = c.W / 2
    c.d.polygon([(cx - c.W * width_top, hy), (cx + c.W * width_top, hy), (c.W * 0.95, c.H), (c.W * 0.05, c.H)],
                fill=(82, 86, 92))
    if lanes:
        for i in range(9):
            t0, t1 = (i / 9) ** 1.6, ((i + 0.5) / 9) ** 1.6
            y0, y1 = hy + (c.H - hy) * t0, hy + (c.H - hy) * t1
            w0, w1 = 2 + 10 * t0, 2 + 10 * t1
            c.d.polygon([(cx - w0, y0), (cx + w0, y0), (cx + w1, y1), (cx - w1, y1)], fill=(250, 250, 240))
    for side in (-1, 1):
        c.d.line([(cx + side * c.W * width_top * 0.92, hy), (c.W / 2 + side * c.W * 0.42, c.H)],
                 fill=(250, 250, 240), width=max(2, int(6 * c.u)))


def signpost(c: Canvas, x: float, base: float, h: float, shape: str, col: RGB) -> None:
    c.d.rectangle([x - h * 0.02, base - h, x + h * 0.02, base], fill=(150, 150, 156))
    s = h * 0.2
    top = base - h
    if shape == "triangle":
        c.d.polygon([(x - s, top + s * 0.8), (x + s, top + s * 0.8), (x, top - s * 0.9)], fill=(214, 40, 48))
        c.d.polygon([(x - s * 0.68, top + s * 0.6), (x + s * 0.68, top + s * 0.6), (x, top - s * 0.5)],
                    fill=(250, 250, 250))
        c.d.rectangle([x - s * 0.06, top - s * 0.2, x + s * 0.06, top + s * 0.25], fill=(30, 30, 30))
    elif shape == "circle":
        c.d.ellipse([x - s, top - s, x + s, top + s], fill=(214, 40, 48))
        c.d.ellipse([x - s * 0.75, top - s * 0.75, x + s * 0.75, top + s * 0.75], fill=(250, 250, 250))
    else:  # arrow board
        c.d.rounded_rectangle([x - s * 1.6, top - s * 0.7, x + s * 1.6, top + s * 0.7], radius=s * 0.2, fill=col)
        c.d.polygon([(x - s, top - s * 0.15), (x + s * 0.4, top - s * 0.15), (x + s * 0.4, top - s * 0.45),
                     (x + s * 1.1, top), (x + s * 0.4, top + s * 0.45), (x + s * 0.4, top + s * 0.15),
                     (x - s, top + s * 0.15)], fill=(255, 255, 255))


def rain(c: Canvas, n: int) -> None:
    for _ in range(n):
        x, y = c.rng.uniform(0, c.W + 100), c.rng.uniform(0, c.H)
        ln = c.rng.uniform(20, 44) * c.u
        c.d.line([(x, y), (x - ln * 0.3, y + ln)], fill=(220, 230, 240, 110), width=max(1, int(2 * c.u)))


def drum(c: Canvas, x: float, base: float, w: float, col: RGB) -> None:
    h = w * 1.2
    c.d.rectangle([x, base - h, x + w, base], fill=col)
    c.d.ellipse([x, base - h - w * 0.15, x + w, base - h + w * 0.15], fill=tint(col, -0.3))
    for f in (0.3, 0.65):
        c.d.line([(x, base - h * f), (x + w, base - h * f)], fill=tint(col, -0.2), width=max(2, int(4 * c.u)))


def tabut(c: Canvas, x: float, base: float, h: float) -> None:
    palette = [(214, 40, 48), (240, 190, 40), (40, 130, 90), (250, 250, 250), (120, 60, 150)]
    c.d.rectangle([x - h * 0.03, base - h * 0.2, x + h * 0.03, base], fill=(120, 90, 60))
    tiers = 4
    y = base - h * 0.2
    for i in range(tiers):
        w = h * (0.36 - i * 0.07)
        th = h * 0.16
        col = palette[(i + int(x)) % len(palette)]
        c.d.rectangle([x - w / 2, y - th, x + w / 2, y], fill=col)
        for k in range(5):
            kx = x - w / 2 + w * (k + 0.5) / 5
            c.d.polygon([(kx - w * 0.06, y - th), (kx, y - th - th * 0.35), (kx + w * 0.06, y - th)],
                        fill=palette[(i + k + 1) % len(palette)])
        y -= th * 1.2
    r = h * 0.07
    c.d.ellipse([x - r, y - r * 2, x + r, y], fill=(240, 190, 40))


def boat(c: Canvas, x: float, y: float, w: float) -> None:
    c.d.polygon([(x, y), (x + w, y), (x + w * 0.85, y + w * 0.16), (x + w * 0.15, y + w * 0.16)], fill=(150, 70, 50))
    person(c, x + w * 0.55, y + 2, w * 0.5, scarf=False)


def wash_station(c: Canvas, x: float, base: float, w: float) -> None:
    h = w * 0.22
    c.d.rectangle([x, base - h * 2.2, x + w, base - h * 1.2], fill=(40, 120, 190))
    for i in range(5):
        tx = x + w * (0.1 + i * 0.2)
        c.d.rectangle([tx, base - h * 1.25, tx + w * 0.02, base - h * 1.0], fill=(190, 190, 196))
        c.d.ellipse([tx - 2, base - h * 0.9, tx + w * 0.02 + 2, base - h * 0.8], fill=(140, 200, 240))
    for lx in (x + w * 0.05, x + w * 0.92):
        c.d.rectangle([lx, base - h * 1.2, lx + w * 0.03, base], fill=(120, 120, 126))


def camera(c: Canvas, x: float, base: float, h: float) -> None:
    top = base - h
    for dx in (-0.22, 0.0, 0.22):
        c.d.line([(x, top + h * 0.15), (x + dx * h, base)], fill=(40, 40, 44), width=max(3, int(6 * c.u)))
    c.d.rounded_rectangle([x - h * 0.14, top - h * 0.02, x + h * 0.14, top + h * 0.16], radius=h * 0.02,
                          fill=(30, 30, 34))
    c.d.ellipse([x + h * 0.1, top + h * 0.02, x + h * 0.2, top + h * 0.12], fill=(90, 110, 140))
    r = h * 0.22
    c.d.ellipse([x - h * 0.55 - r, top - r, x - h * 0.55 + r, top + r], outline=(255, 246, 220),
                width=max(4, int(12 * c.u)))
    c.d.line([(x - h * 0.55, top + r), (x - h * 0.55, base)], fill=(40, 40, 44), width=max(3, int(5 * c.u)))


def tower(c: Canvas, x: float, base: float, h: float) -> None:
    c.d.polygon([(x - h * 0.08, base), (x, base - h), (x + h * 0.08, base)], outline=(120, 124, 130),
                width=max(3, int(6 * c.u)))
    for i in range(1, 6):
        y = base - h * i / 6
        half = h * 0.08 * (1 - i / 6)
        c.d.line([(x - half, y), (x + half, y)], fill=(120, 124, 130), width=max(2, int(4 * c.u)))
    for i in range(1, 4):
        r = h * 0.1 * i
        c.d.arc([x - r, base - h - r, x + r, base - h + r], 220, 320, fill=(255, 255, 255, 200),
                width=max(3, int(8 * c.u)))


def bench(c: Canvas, x: float, base: float, w: float) -> None:
    c.d.rectangle([x, base - w * 0.3, x + w, base - w * 0.24], fill=(130, 90, 60))
    c.d.rectangle([x, base - w * 0.5, x + w, base - w * 0.44], fill=(130, 90, 60))
    for lx in (x + w * 0.08, x + w * 0.88):
        c.d.rectangle([lx, base - w * 0.5, lx + w * 0.04, base], fill=(80, 60, 40))


def curtains(c: Canvas) -> None:
    red = (160, 30, 50)
    c.d.rectangle([0, 0, c.W, c.y(0.1)], fill=tint(red, -0.2))
    for side in (0, 1):
        for i in range(6):
            x = c.x(0.02 * i) if side == 0 else c.W - c.x(0.02 * (i + 1))
            c.d.rectangle([x, 0, x + c.x(0.02), c.y(0.78)], fill=tint(red, -0.08 * (i % 2)))
    for sx in (0.3, 0.5, 0.7):
        c.d.polygon([(c.x(sx) - 10, 0), (c.x(sx) + 10, 0), (c.x(sx) + c.x(0.12), c.y(0.78)),
                     (c.x(sx) - c.x(0.12), c.y(0.78))], fill=(255, 240, 190, 40))


# ---------------------------------------------------------------- decoration

def ribbon_and_label(c: Canvas, short: str) -> None:
    band = 34 * c.u
    c.d.rectangle([0, c.H - band, c.W, c.H], fill=c.color)
    c.d.polygon([(c.W * 0.62, c.H - band), (c.W * 0.62 + band * 1.6, c.H - band * 1.7), (c.W, c.H - band * 1.7),
                 (c.W, c.H - band)], fill=c.color)
    c.d.line([(0, c.H - band - 5 * c.u), (c.W * 0.62 - 4 * c.u, c.H - band - 5 * c.u)], fill=(*tint(c.color, 0.5), 255),
             width=max(2, int(5 * c.u)))
    font = ImageFont.load_default(size=int(48 * c.u))
    pad = 18 * c.u
    x0, y0, x1, y1 = c.d.textbbox((0, 0), short, font=font)
    bx, by = 36 * c.u, 32 * c.u
    c.d.rounded_rectangle([bx, by, bx + (x1 - x0) + 2 * pad, by + (y1 - y0) + 2 * pad], radius=12 * c.u,
                          fill=(*c.color, 230))
    c.d.text((bx + pad - x0, by + pad - y0), short, font=font, fill=(255, 255, 255))


# --------------------------------------------------------------------- scenes
# Each scene draws on a Canvas; the alt text of the post that uses it describes
# what the scene shows.

def s_training_hall(c: Canvas, content: str = "chart") -> None:
    floor_and_wall(c, 0.66, "hall", (150, 120, 96))
    screen(c, (c.x(0.3), c.y(0.14), c.x(0.7), c.y(0.5)), content)
    c.d.rectangle([c.x(0.74), c.y(0.47), c.x(0.8), c.y(0.7)], fill=(120, 84, 60))
    person(c, c.x(0.84), c.y(0.72), 260 * c.u, arm_up=True)
    audience(c, 3, 0.95, 7, 120)


def s_school_yard(c: Canvas, washing: bool = False) -> None:
    sky(c, "morning", 0.7)
    sun(c, 0.85, 0.2, 60 * c.u)
    clouds(c, 4)
    school(c, c.x(0.08), c.y(0.66), c.x(0.7), c.y(0.3))
    flag(c, c.x(0.86), c.y(0.68), c.y(0.5))
    ground(c, 0.66, (190, 200, 150), (150, 170, 110))
    if washing:
        wash_station(c, c.x(0.28), c.y(0.86), c.x(0.44))
        row(c, 0.27, 0.73, 0.94, 5, 200, top=(250, 250, 250), bottom=(200, 40, 50))
    else:
        person(c, c.x(0.2), c.y(0.9), 300 * c.u, top=(250, 250, 250), bottom=(250, 250, 250), scarf=True)
        c.d.rectangle([c.x(0.24), c.y(0.72), c.x(0.32), c.y(0.76)], fill=(230, 230, 236))
        row(c, 0.34, 0.95, 0.93, 8, 230, top=(250, 250, 250), bottom=(40, 60, 110))


def s_village_cleanup(c: Canvas) -> None:
    sky(c, "storm", 0.7)
    clouds(c, 6, (0.05, 0.3), 160, (200, 205, 212))
    hills(c, 0.55, 0.15, (80, 120, 90))
    ground(c, 0.72, (120, 150, 90), (90, 120, 70))
    house(c, c.x(0.08), c.y(0.74), c.x(0.3), (236, 214, 170))
    tree(c, c.x(0.9), c.y(0.74), 300 * c.u)
    drum(c, c.x(0.5), c.y(0.86), 90 * c.u, (40, 110, 180))
    drum(c, c.x(0.58), c.y(0.86), 90 * c.u, (40, 110, 180))
    person(c, c.x(0.46), c.y(0.92), 280 * c.u, arm_up=True)
    person(c, c.x(0.72), c.y(0.92), 290 * c.u, scarf=True)


def s_city_park(c: Canvas) -> None:
    sky(c, "day", 0.7)
    sun(c, 0.15, 0.18, 55 * c.u)
    clouds(c, 5)
    for i in range(9):
        w = c.rng.uniform(90, 150) * c.u
        h = c.rng.uniform(150, 320) * c.u
        x = c.x(0.05) + i * c.x(0.11)
        c.d.rectangle([x, c.y(0.62) - h, x + w, c.y(0.62)], fill=tint((120, 140, 170), c.rng.uniform(0.1, 0.4)))
        windows(c, (x + 6, c.y(0.62) - h + 10, x + w - 6, c.y(0.62) - 10), 3, max(2, int(h / 50)), (230, 238, 246))
    tower(c, c.x(0.78), c.y(0.62), 420 * c.u)
    ground(c, 0.62, (120, 180, 100), (80, 150, 80))
    for x in (0.06, 0.36, 0.94):
        tree(c, c.x(x), c.y(0.8), 280 * c.u)
    bench(c, c.x(0.44), c.y(0.86), 160 * c.u)
    row(c, 0.42, 0.58, 0.9, 2, 230)
    crowd(c, 0.12, 0.3, 0.93, 3, 250)
    crowd(c, 0.64, 0.9, 0.95, 3, 260)


def s_studio(c: Canvas) -> None:
    floor_and_wall(c, 0.72, "wall", (130, 110, 96))
    c.d.rectangle([c.x(0.5), c.y(0.08), c.x(0.92), c.y(0.78)], fill=tint(c.color, 0.55))
    person(c, c.x(0.71), c.y(0.86), 420 * c.u, scarf=True)
    camera(c, c.x(0.34), c.y(0.9), 300 * c.u)
    c.d.rectangle([c.x(0.03), c.y(0.62), c.x(0.16), c.y(0.66)], fill=(120, 86, 60))
    laptop(c, c.x(0.05), c.y(0.62), 110 * c.u)


def s_group_photo(c: Canvas) -> None:
    sky(c, "day", 0.7)
    clouds(c, 4)
    office(c, c.x(0.15), c.y(0.62), c.x(0.7), c.y(0.3))
    ground(c, 0.62, (200, 196, 184), (170, 166, 156))
    c.d.rectangle([c.x(0.2), c.y(0.5), c.x(0.8), c.y(0.58)], fill=c.color)
    row(c, 0.12, 0.88, 0.84, 9, 250)
    row(c, 0.08, 0.92, 0.97, 10, 280)


def s_fort(c: Canvas) -> None:
    sky(c, "day", 0.7)
    sun(c, 0.82, 0.16, 55 * c.u)
    clouds(c, 5)
    sea(c, 0.55, 0.68)
    fort(c, c.x(0.12), c.y(0.7), c.x(0.6), c.y(0.22))
    ground(c, 0.7, (150, 170, 110), (110, 140, 80))
    palm(c, c.x(0.86), c.y(0.78), 360 * c.u, 0.1)
    person(c, c.x(0.3), c.y(0.94), 300 * c.u, cap=c.color, arm_up=True)
    crowd(c, 0.4, 0.72, 0.95, 5, 270)


def s_lake(c: Canvas) -> None:
    sky(c, "dusk", 0.52)
    sun(c, 0.5, 0.42, 80 * c.u, (255, 200, 120))
    hills(c, 0.5, 0.12, (70, 74, 110), 0.8)
    hills(c, 0.55, 0.08, (50, 90, 80), 1.4)
    gradient(c, c.y(0.56), c.y(0.86), (226, 150, 110), (70, 80, 120))
    for i in range(14):
        y = c.y(0.58 + i * 0.02)
        w = c.x(0.06 + 0.012 * i)
        c.d.line([(c.x(0.5) - w, y), (c.x(0.5) + w, y)], fill=(255, 214, 150, 120), width=max(2, int(4 * c.u)))
    boat(c, c.x(0.2), c.y(0.7), 220 * c.u)
    ground(c, 0.86, (60, 90, 60), (40, 70, 50))
    for x in (0.08, 0.85):
        tree(c, c.x(x), c.y(0.95), 380 * c.u, (40, 100, 60))


def s_village_hills(c: Canvas) -> None:
    sky(c, "morning", 0.6)
    sun(c, 0.7, 0.22, 50 * c.u)
    hills(c, 0.42, 0.16, (96, 140, 150), 0.7)
    hills(c, 0.55, 0.14, (80, 150, 90), 1.2)
    for i in range(5):
        y0 = c.y(0.62 + i * 0.07)
        c.d.rectangle([0, y0, c.W, y0 + c.y(0.07)], fill=lerp((150, 200, 100), (100, 160, 70), i / 4))
        c.d.line([(0, y0), (c.W, y0 - 10)], fill=(90, 130, 60), width=max(2, int(3 * c.u)))
    house(c, c.x(0.1), c.y(0.66), c.x(0.16), (230, 206, 160))
    house(c, c.x(0.32), c.y(0.64), c.x(0.12), (220, 196, 150))
    house(c, c.x(0.8), c.y(0.66), c.x(0.14), (236, 214, 170))
    crowd(c, 0.45, 0.75, 0.93, 5, 260)


def s_beach_festival(c: Canvas) -> None:
    sky(c, "dusk", 0.55)
    sun(c, 0.2, 0.45, 70 * c.u, (255, 190, 110))
    sea(c, 0.52, 0.66, (70, 80, 130), (200, 130, 110))
    ground(c, 0.66, (230, 200, 150), (200, 170, 120))
    for x, h in ((0.3, 420), (0.52, 480), (0.74, 400)):
        tabut(c, c.x(x), c.y(0.86), h * c.u)
    palm(c, c.x(0.93), c.y(0.8), 380 * c.u, -0.15)
    crowd(c, 0.02, 0.98, 0.98, 14, 230)


def s_tsunami_drill(c: Canvas) -> None:
    sky(c, "day", 0.6)
    clouds(c, 4)
    sea(c, 0.5, 0.68)
    hills(c, 0.5, 0.25, (70, 140, 80), 0.3)
    c.d.polygon([(c.x(0.55), c.H), (c.x(0.72), c.y(0.62)), (c.W, c.y(0.45)), (c.W, c.H)], fill=(90, 150, 80))
    ground(c, 0.8, (230, 204, 150), (210, 180, 130))
    signpost(c, c.x(0.5), c.y(0.86), 260 * c.u, "arrow", (232, 118, 20))
    row(c, 0.08, 0.45, 0.95, 6, 250, cap=(232, 118, 20))
    crowd(c, 0.6, 0.92, 0.93, 6, 230)
    palm(c, c.x(0.06), c.y(0.82), 320 * c.u, 0.2)


def s_flood_watch(c: Canvas) -> None:
    sky(c, "storm", 0.6)
    clouds(c, 8, (0.02, 0.3), 170, (180, 186, 196))
    hills(c, 0.45, 0.2, (70, 100, 80), 0.9)
    gradient(c, c.y(0.6), c.y(0.78), (120, 110, 80), (150, 130, 90))
    ground(c, 0.78, (110, 130, 80), (80, 100, 60))
    house(c, c.x(0.1), c.y(0.7), c.x(0.18), (226, 206, 170))
    house(c, c.x(0.72), c.y(0.72), c.x(0.2), (220, 200, 160))
    person(c, c.x(0.45), c.y(0.95), 300 * c.u, top=(232, 118, 20), cap=(232, 118, 20))
    person(c, c.x(0.56), c.y(0.95), 290 * c.u, scarf=True)
    rain(c, 500)


def s_muster(c: Canvas) -> None:
    sky(c, "morning", 0.62)
    sun(c, 0.12, 0.2, 50 * c.u)
    office(c, c.x(0.5), c.y(0.58), c.x(0.45), c.y(0.24))
    tent(c, c.x(0.04), c.y(0.6), 220 * c.u, (232, 118, 20))
    tent(c, c.x(0.2), c.y(0.6), 200 * c.u, (50, 90, 160))
    ground(c, 0.58, (160, 190, 120), (120, 160, 90))
    flag(c, c.x(0.46), c.y(0.62), c.y(0.42))
    for k, base in enumerate((0.74, 0.85, 0.97)):
        row(c, 0.06 + 0.02 * k, 0.94 - 0.02 * k, base, 11, 190 + 40 * k, top=(232, 118, 20), bottom=(40, 50, 70),
            scarf=False)


def s_assembly_point(c: Canvas) -> None:
    sky(c, "day", 0.6)
    clouds(c, 3)
    school(c, c.x(0.04), c.y(0.55), c.x(0.55), c.y(0.24))
    ground(c, 0.55, (150, 190, 110), (110, 160, 80))
    signpost(c, c.x(0.78), c.y(0.8), 300 * c.u, "arrow", (40, 140, 80))
    tree(c, c.x(0.92), c.y(0.7), 300 * c.u)
    person(c, c.x(0.66), c.y(0.86), 280 * c.u, top=(232, 118, 20), cap=(232, 118, 20))
    row(c, 0.08, 0.6, 0.95, 8, 220, top=(250, 250, 250), bottom=(40, 60, 110))


def s_dance_stage(c: Canvas) -> None:
    sky(c, "stage", 1.0)
    c.d.rectangle([0, c.y(0.74), c.W, c.y(0.8)], fill=(110, 70, 50))
    curtains(c)
    for i in range(5):
        x = c.x(0.28 + i * 0.11)
        person(c, x, c.y(0.75), 300 * c.u, top=(200, 40, 50), bottom=(230, 180, 40), scarf=False, cap=(230, 180, 40),
               arm_up=i % 2 == 0)
    gradient(c, c.y(0.8), c.H, (40, 30, 50), (20, 16, 26))
    audience(c, 2, 1.0, 8, 110)


def s_computer_lab(c: Canvas) -> None:
    floor_and_wall(c, 0.6, "hall", (150, 150, 160))
    screen(c, (c.x(0.32), c.y(0.1), c.x(0.68), c.y(0.42)), "text")
    for r_, y in enumerate((0.66, 0.8)):
        c.d.rectangle([c.x(0.05), c.y(y), c.x(0.95), c.y(y) + 16 * c.u], fill=(150, 110, 80))
        for i in range(5 + r_):
            laptop(c, c.x(0.1 + i * 0.8 / (5 + r_)), c.y(y), (110 + 20 * r_) * c.u)
    audience(c, 1, 1.0, 6, 150)


def s_youth_pledge(c: Canvas) -> None:
    sky(c, "morning", 0.62)
    sun(c, 0.82, 0.18, 60 * c.u)
    clouds(c, 3)
    office(c, c.x(0.06), c.y(0.6), c.x(0.42), c.y(0.22))
    flag(c, c.x(0.62), c.y(0.62), c.y(0.5))
    ground(c, 0.6, (160, 190, 120), (120, 160, 90))
    person(c, c.x(0.62), c.y(0.8), 240 * c.u, top=(250, 250, 250), bottom=(40, 60, 110), arm_up=True, scarf=False)
    for k, base in enumerate((0.86, 0.97)):
        row(c, 0.04, 0.96, base, 10 + k, 220 + 40 * k, top=(250, 250, 250), bottom=(120, 120, 130))


def s_teachers_day(c: Canvas) -> None:
    floor_and_wall(c, 0.68, "wall", (170, 130, 96))
    c.d.rectangle([c.x(0.2), c.y(0.12), c.x(0.66), c.y(0.48)], fill=(46, 86, 70))
    c.d.rectangle([c.x(0.19), c.y(0.11), c.x(0.67), c.y(0.125)], fill=(150, 110, 80))
    for i in range(3):
        c.d.line([(c.x(0.25), c.y(0.2 + i * 0.08)), (c.x(0.5 + 0.04 * i), c.y(0.2 + i * 0.08))],
                 fill=(230, 236, 230), width=max(2, int(5 * c.u)))
    person(c, c.x(0.75), c.y(0.76), 330 * c.u, top=(160, 110, 70), bottom=(60, 50, 40), scarf=True)
    for fx in (0.82, 0.86, 0.9):
        c.d.line([(c.x(fx), c.y(0.6)), (c.x(0.86), c.y(0.68))], fill=(50, 120, 60), width=max(2, int(4 * c.u)))
        c.d.ellipse([c.x(fx) - 14 * c.u, c.y(0.6) - 14 * c.u, c.x(fx) + 14 * c.u, c.y(0.6) + 14 * c.u],
                    fill=(220, 60, 90))
    audience(c, 2, 1.0, 6, 140)


def s_hospital(c: Canvas, extra: str = "queue") -> None:
    sky(c, "day", 0.64)
    clouds(c, 4)
    hospital(c, c.x(0.2), c.y(0.64), c.x(0.6), c.y(0.36))
    ground(c, 0.64, (206, 206, 200), (176, 176, 170))
    for x in (0.07, 0.93):
        tree(c, c.x(x), c.y(0.7), 300 * c.u)
    if extra == "blood":
        tent(c, c.x(0.64), c.y(0.88), 300 * c.u, (214, 40, 48))
        d = 46 * c.u
        cx, cy = c.x(0.14), c.y(0.78)
        c.d.ellipse([cx - d, cy - d * 0.2, cx + d, cy + d * 1.6], fill=(214, 40, 48))
        c.d.polygon([(cx - d * 0.88, cy + d * 0.4), (cx, cy - d * 1.3), (cx + d * 0.88, cy + d * 0.4)],
                    fill=(214, 40, 48))
        row(c, 0.24, 0.6, 0.95, 6, 250)
    else:
        row(c, 0.28, 0.72, 0.95, 7, 250)
        for i in range(3):
            x = c.x(0.34 + i * 0.15) + 36 * c.u
            c.d.rounded_rectangle([x, c.y(0.7), x + 22 * c.u, c.y(0.74)], radius=4, fill=(40, 44, 52))


def s_calm_hall(c: Canvas) -> None:
    s_training_hall(c, "heart")


def s_bus_check(c: Canvas) -> None:
    sky(c, "day", 0.55)
    clouds(c, 4)
    hills(c, 0.5, 0.1, (110, 160, 110), 1.1)
    ground(c, 0.55, (140, 170, 110), (110, 140, 90))
    c.d.rectangle([0, c.y(0.6), c.W, c.y(0.9)], fill=(120, 124, 130))
    bus(c, c.x(0.08), c.y(0.86), c.x(0.5), (40, 150, 120))
    bus(c, c.x(0.62), c.y(0.8), c.x(0.34), (220, 170, 40))
    person(c, c.x(0.6), c.y(0.96), 300 * c.u, top=(24, 58, 110), cap=(24, 58, 110), scarf=False)
    person(c, c.x(0.1), c.y(0.97), 290 * c.u, top=(24, 58, 110), scarf=True)


def s_road_signs(c: Canvas) -> None:
    sky(c, "morning", 0.5)
    hills(c, 0.45, 0.12, (100, 150, 110), 1.0)
    ground(c, 0.5, (110, 160, 90), (80, 130, 70))
    road(c, 0.5)
    signpost(c, c.x(0.18), c.y(0.82), 300 * c.u, "triangle", (214, 40, 48))
    signpost(c, c.x(0.84), c.y(0.76), 260 * c.u, "circle", (214, 40, 48))
    person(c, c.x(0.08), c.y(0.95), 280 * c.u, top=(24, 58, 110), cap=(24, 58, 110), scarf=False)
    for x in (0.3, 0.7):
        tree(c, c.x(x), c.y(0.56), 140 * c.u)


def s_terminal(c: Canvas) -> None:
    sky(c, "day", 0.6)
    clouds(c, 4)
    terminal(c, c.x(0.1), c.y(0.6), c.x(0.8), c.y(0.2))
    ground(c, 0.6, (180, 182, 186), (150, 152, 156))
    bus(c, c.x(0.04), c.y(0.8), c.x(0.36), (200, 60, 50))
    bus(c, c.x(0.56), c.y(0.8), c.x(0.36), (40, 120, 180))
    crowd(c, 0.05, 0.95, 0.97, 8, 240)


Scene = Callable[[Canvas], None]

# (path under content/, what the picture shows, scene, size)
IMAGES: list[tuple[str, str, Scene, tuple[int, int]]] = [
    ("dinas-kesehatan/2026/media/pelatihan-kader-posyandu.jpg",
     "kader posyandu menyimak grafik pertumbuhan anak", lambda c: s_training_hall(c, "chart"), LANDSCAPE),
    ("dinas-kesehatan/2026/media/cuci-tangan-pakai-sabun.jpg",
     "siswa mencuci tangan di tempat cuci tangan sekolah", lambda c: s_school_yard(c, washing=True), LANDSCAPE),
    ("dinas-kesehatan/2026/media/imunisasi-anak-sekolah.jpg",
     "petugas kesehatan dan barisan siswa di halaman sekolah", lambda c: s_school_yard(c), LANDSCAPE),
    ("dinas-kesehatan/2026/media/pemberantasan-sarang-nyamuk.jpg",
     "warga membersihkan tempat penampungan air", s_village_cleanup, LANDSCAPE),
    ("dinas-kominfotik/2026/media/wifi-publik-taman-kota.jpg",
     "taman kota dengan menara pemancar", s_city_park, LANDSCAPE),
    ("dinas-kominfotik/2026/media/pelatihan-konten-1.jpg",
     "peserta menyimak materi konten media sosial", lambda c: s_training_hall(c, "grid"), LANDSCAPE),
    ("dinas-kominfotik/2026/media/pelatihan-konten-2.jpg",
     "praktik merekam video dengan kamera dan lampu", s_studio, LANDSCAPE),
    ("dinas-kominfotik/2026/media/pelatihan-konten-3.jpg",
     "foto bersama peserta di depan gedung kantor", s_group_photo, LANDSCAPE),
    ("dinas-kominfotik/2026/media/literasi-digital-pelajar.jpg",
     "pelajar menyimak materi keamanan ponsel", lambda c: s_training_hall(c, "phone"), LANDSCAPE),
    ("dinas-pariwisata/2026/media/benteng-marlborough.jpg",
     "pemandu dan wisatawan di depan benteng", s_fort, LANDSCAPE),
    ("dinas-pariwisata/2026/media/danau-dendam-tak-sudah.jpg",
     "danau saat senja dengan perahu kecil (potret)", s_lake, PORTRAIT),
    ("dinas-pariwisata/2026/media/desa-wisata.jpg",
     "desa di kaki bukit dengan sawah berundak", s_village_hills, LANDSCAPE),
    ("dinas-pariwisata/2026/media/festival-tabut.jpg",
     "bangunan tabut warna-warni di tepi pantai saat senja", s_beach_festival, LANDSCAPE),
    ("bpbd/2026/media/simulasi-evakuasi-tsunami.jpg",
     "warga berjalan mengikuti papan jalur evakuasi menuju bukit", s_tsunami_drill, LANDSCAPE),
    ("bpbd/2026/media/siaga-banjir-longsor.jpg",
     "hujan deras di permukiman kaki bukit", s_flood_watch, LANDSCAPE),
    ("bpbd/2026/media/apel-kesiapsiagaan.jpg",
     "barisan petugas berseragam oranye di lapangan apel", s_muster, LANDSCAPE),
    ("bpbd/2026/media/sekolah-aman-bencana.jpg",
     "siswa berkumpul di titik kumpul halaman sekolah", s_assembly_point, LANDSCAPE),
    ("dinas-pendidikan-kebudayaan/2026/media/lomba-tari-kreasi.jpg",
     "penari di atas panggung bertirai merah", s_dance_stage, LANDSCAPE),
    ("dinas-pendidikan-kebudayaan/2026/media/pelatihan-guru-tik.jpg",
     "guru di laboratorium komputer", s_computer_lab, LANDSCAPE),
    ("dinas-pendidikan-kebudayaan/2026/media/peringatan-sumpah-pemuda.jpg",
     "pelajar berbaris di lapangan upacara", s_youth_pledge, LANDSCAPE),
    ("dinas-pendidikan-kebudayaan/2026/media/hari-guru-nasional.jpg",
     "guru di depan papan tulis menerima bunga", s_teachers_day, LANDSCAPE),
    ("rsud-m-yunus/2026/media/antrean-daring.jpg",
     "warga dengan ponsel di depan gedung rumah sakit", lambda c: s_hospital(c, "queue"), LANDSCAPE),
    ("rsud-m-yunus/2026/media/hari-kesehatan-jiwa.jpg",
     "penyuluhan kesehatan jiwa di aula", s_calm_hall, LANDSCAPE),
    ("rsud-m-yunus/2026/media/donor-darah-hkn.jpg",
     "antrean donor darah di halaman rumah sakit", lambda c: s_hospital(c, "blood"), LANDSCAPE),
    ("dinas-perhubungan/2026/media/uji-kelaikan-angkutan.jpg",
     "petugas memeriksa bus angkutan umum", s_bus_check, LANDSCAPE),
    ("dinas-perhubungan/2026/media/rambu-jalan-rawan.jpg",
     "rambu peringatan di tepi jalan", s_road_signs, LANDSCAPE),
    ("dinas-perhubungan/2026/media/kesiapan-terminal.jpg",
     "bus dan penumpang di terminal", s_terminal, LANDSCAPE),
]


def render(rel: str, scene: Scene, size: tuple[int, int]) -> bytes:
    agency = rel.split("/")[0]
    short, color = AGENCIES[agency]
    c = Canvas(size, zlib.crc32(rel.encode()), color)
    scene(c)
    ribbon_and_label(c, short)
    buf = io.BytesIO()
    c.img.save(buf, "JPEG", quality=78, optimize=True, progressive=True)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    problems = 0
    total = 0
    for rel, _what, scene, size in IMAGES:
        data = render(rel, scene, size)
        path = CONTENT / rel
        total += len(data)
        if check:
            if not path.is_file() or path.read_bytes() != data:
                print(f"berbeda atau hilang: content/{rel}")
                problems += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        flag_ = "" if len(data) <= MAX_BYTES else "  (terlalu besar!)"
        print(f"{len(data) / 1024:6.1f} KB  content/{rel}{flag_}")
        problems += len(data) > MAX_BYTES
    print(f"{len(IMAGES)} gambar, total {total / 1024:.0f} KB")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
