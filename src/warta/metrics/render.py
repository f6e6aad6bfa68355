"""Dashboard pages as Markdown with inline static SVG (for the site build to include).

Only aggregates reach these pages: counts, shares, topics, keywords. No comment text and
no author, ever (comment authors are private persons).
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from warta.channels.networks import label
from warta.content.models import Posts
from warta.formatting import angka, persen
from warta.metrics.classifier import accuracy_note
from warta.metrics.evaluation import EvaluationRow
from warta.metrics.measures import MEASURES, MeasureValue
from warta.metrics.numbers import MetricsData, measures_for, post_numbers
from warta.metrics.summary import MonthlySummary
from warta.metrics.svg import bar_chart, sparkline
from warta.metrics.topics import MIN_PEOPLE
from warta.roster.models import Agency
from warta.timeutil import WIB

NO_DATA = "belum ada data"


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return NO_DATA
    return persen(value) if unit == "%" else f"{angka(value)}{unit}"


def markdown_cell(text: str) -> str:
    """Plain text for a Markdown table cell on a page that skips the body sanitiser (the charts'
    SVG is Warta's own): HTML escaped and Markdown link syntax made inert, so an author's title
    such as `[x](javascript:…)` can never become a link."""
    text = escape(text).replace("\\", "\\\\")
    return text.replace("[", "\\[").replace("]", "\\]").replace("|", "\\|")


_cell = markdown_cell


def _inputs(m: MeasureValue) -> str:
    return ", ".join(f"`{k}`={angka(v)}" for k, v in sorted(m.inputs.items())) or "—"


def _components(m: MeasureValue) -> str:
    measure = next(x for x in MEASURES if x.key == m.key)
    labels = {c.key: c.label for c in measure.components}
    unit = "%" if measure.kind == "ratio" else ""
    return "; ".join(f"{labels[k]}: {_num(v, unit)}" for k, v in m.components.items())


def measures_table(values: list[MeasureValue]) -> str:
    lines = ["| Ukuran (Pedoman XI) | Nilai | Komponen | Angka sumber |", "| --- | ---: | --- | --- |"]
    for m in values:
        unit = "%" if m.unit == "%" else ""
        lines.append(f"| {_cell(m.label)} | {_num(m.value, unit)} | {_cell(_components(m))} | {_cell(_inputs(m))} |")
    return "\n".join(lines)


def render_agency_kinerja(agency: Agency, row: EvaluationRow, data: MetricsData, posts: Posts,
                          summaries: list[MonthlySummary], months: list[str],
                          now: datetime | None = None) -> str:
    """The agency's "Kinerja" page: rank, the five measures with sources, cadence, listening."""
    standing = (f"Peringkat **{row.rank}** dari seluruh perangkat daerah (skor {_num(row.score)} dari 100)."
                if row.score is not None else
                "**Belum dinilai**: belum ada data (berita tayang, kiriman, atau ukuran) untuk dibandingkan.")
    out = [f"# Kinerja {escape(agency.name)}", "",
           f"{standing} Periode ukuran: {months[0]} s.d. {months[-1]}.", "",
           "## Lima ukuran Pedoman XI", "",
           "Setiap nilai dihitung dari angka sumber di kolom terakhir (definisi: halaman *Metrik*).", "",
           measures_table(row.measures), ""]
    for measure in MEASURES:
        series = []
        for month in months:
            numbers = data.months.get((agency.slug, month))
            series.append(next(v.value for v in measures_for(numbers) if v.key == measure.key) if numbers else None)
        chart = sparkline(f"{measure.label} per bulan, {agency.name}", series, labels=months) \
            if any(v is not None for v in series) else NO_DATA
        out.append(f"- {measure.label} per bulan: {chart}")
    out += ["", "## Publikasi", "",
            f"- Unggahan 90 hari terakhir: **{row.posts_window}** ({_num(row.cadence)} per minggu) "
            + sparkline(f"Unggahan per minggu, {agency.name}", [float(w) for w in row.weekly_posts]),
            f"- Unggahan terbaru: {NO_DATA if row.freshness_days is None else f'{row.freshness_days} hari lalu'}",
            posts_per_month(agency, posts, months, now),
            f"- Kanal di roster: {', '.join(label(c) for c in row.channels_enabled) or '—'}; "
            f"dipakai 90 hari terakhir: {', '.join(label(c) for c in row.channels_used) or '—'}",
            f"- Waktu persetujuan (PR dibuka → digabung, median): "
            f"{_num(row.lead_time.to_merge_hours, ' jam') if row.lead_time else NO_DATA}",
            f"- Keberhasilan kiriman ke media sosial: {_num(row.dispatch_success, '%')} "
            f"({row.dispatch_sent} dari {row.dispatch_total})", ""]
    out += _listening(agency, row, summaries)
    out += _top_posts(agency, data, posts)
    return "\n".join(out) + "\n"


def posts_per_month(agency: Agency, posts: Posts, months: list[str], now: datetime | None) -> str:
    """Published posts per month, from git alone (so the page has it without a metrics store)."""
    counts = dict.fromkeys(months, 0)
    for post in posts.for_agency(agency.slug):
        if now is None and not post.draft or now is not None and post.is_published(now):
            month = post.goes_live.astimezone(WIB).strftime("%Y-%m")
            if month in counts:
                counts[month] += 1
    if not any(counts.values()):
        return f"- Unggahan per bulan: {NO_DATA}"
    return (f"- Unggahan per bulan ({months[0]} s.d. {months[-1]}): "
            + ", ".join(f"{m}: {n}" for m, n in counts.items() if n) + " "
            + sparkline(f"Unggahan per bulan, {agency.name}", [float(n) for n in counts.values()], labels=months))


def _listening(agency: Agency, row: EvaluationRow, summaries: list[MonthlySummary]) -> list[str]:
    out = ["## Suara warga", ""]
    if row.response is not None:
        out.append(f"Tanggapan atas komentar warga: {_num(row.response.rate, '%')} dijawab "
                   f"({row.response.answered} dari {row.response.public_comments}), median "
                   f"{_num(row.response.median_hours, ' jam')}.")
        out.append("")
    if not summaries:
        return [*out, f"Ringkasan bulanan: {NO_DATA}.", ""]
    latest = summaries[-1]
    out += [f"### Ringkasan {latest.month}", "",
            f"{latest.public_comments} komentar warga, {latest.questions} pertanyaan "
            f"({latest.unanswered_questions} belum dijawab).", "",
            *([f"Sumber: {', '.join(f'{k} {v}' for k, v in latest.sources.items())}.", ""]
              if latest.sources else []),
            bar_chart(f"Sentimen komentar {latest.month}, {agency.name}",
                      [(k.capitalize(), float(v)) for k, v in latest.sentiment.items()], unit=" komentar"), "",
            f"Label sentimen: {accuracy_note()}.", "",
            "| Topik | Komentar | Pertanyaan | Positif | Negatif | Netral |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    out += [f"| {_cell(t.topic)} | {t.comments} | {t.questions} | {t.positif} | {t.negatif} | {t.netral} |"
            for t in latest.topics]
    if latest.keywords:
        out += ["", f"Kata yang sering muncul (dipakai sedikitnya {MIN_PEOPLE} orang berbeda): "
                + ", ".join(f"{_cell(w)} ({n} orang)" for w, n in latest.keywords)]
    out += ["", "**Rekomendasi tindak lanjut**", ""]
    out += [f"- {_cell(tip)}" for tip in latest.recommendations] or ["- Tidak ada."]
    if len(summaries) > 1:
        out += ["", f"Sentimen per bulan ({accuracy_note()}):", "",
                "| Bulan | Komentar | Positif | Negatif | Netral | Pertanyaan belum dijawab |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        out += [f"| {s.month} | {s.public_comments} | {s.sentiment['positif']} | {s.sentiment['negatif']} | "
                f"{s.sentiment['netral']} | {s.unanswered_questions} |" for s in summaries]
    return [*out, ""]


def _top_posts(agency: Agency, data: MetricsData, posts: Posts, limit: int = 10) -> list[str]:
    titles = {p.id: p.title for p in posts.for_agency(agency.slug)}
    scored = []
    for post_id in data.agency_posts(agency.slug):
        values = measures_for(post_numbers(data, agency.slug, post_id))
        reach = next(v.value for v in values if v.key == "frekuensi") or 0.0
        scored.append((reach, post_id, values))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if not scored:
        return ["## Unggahan", "", f"Angka per unggahan: {NO_DATA}.", ""]
    out = ["## Unggahan dengan kunjungan terbanyak", "",
           "| Unggahan | " + " | ".join(m.label for m in MEASURES) + " | Angka sumber |",
           "| --- |" + " ---: |" * len(MEASURES) + " --- |"]
    for _, post_id, values in scored[:limit]:
        title = titles.get(post_id, post_id)
        inputs = {k: v for m in values for k, v in m.inputs.items()}
        cells = " | ".join(_num(m.value, "%" if m.unit == "%" else "") for m in values)
        sources = ", ".join(f"{k}={v}" for k, v in sorted(inputs.items()))
        out.append(f"| {_cell(title)} | {cells} | {_cell(sources)} |")
    return [*out, ""]


def render_province_evaluation(rows: list[EvaluationRow], months: list[str]) -> str:
    """The province page: all agencies ranked, every criterion, charts with table fallback."""
    out = ["# Evaluasi Publikasi Perangkat Daerah", "",
           f"Pemantauan dan evaluasi oleh Diskominfotik (Keputusan KETIGA; Pedoman VIII.5 dan XI). "
           f"{len(rows)} perangkat daerah; unggahan dihitung 90 hari terakhir, lima ukuran "
           f"{months[0]} s.d. {months[-1]}. Skor = rata-rata persentil pada kriteria yang ada datanya.", "",
           bar_chart("Skor evaluasi per perangkat daerah", [(r.name, r.score) for r in rows], unit=""), "",
           "## Peringkat", "",
           "| # | Perangkat daerah | Skor | Unggahan/minggu | Terbaru (hari) | Cakupan kanal | Persetujuan (jam) "
           "| Kiriman berhasil | Komentar dijawab | Waktu jawab (jam) | "
           + " | ".join(m.label for m in MEASURES) + " |",
           "| ---: | --- |" + " ---: |" * (9 + len(MEASURES) - 1)]
    for r in rows:
        lead = _num(r.lead_time.to_merge_hours) if r.lead_time else NO_DATA
        resp_rate = _num(r.response.rate, "%") if r.response else NO_DATA
        resp_time = _num(r.response.median_hours) if r.response else NO_DATA
        measures = " | ".join(_num(m.value, "%" if m.unit == "%" else "") for m in r.measures)
        out.append(f"| {r.rank} | [{_cell(r.name)}](kinerja/{r.slug}.md) | {_num(r.score)} | {_num(r.cadence)} | "
                   f"{_num(r.freshness_days)} | {_num(r.coverage, '%')} | {lead} | {_num(r.dispatch_success, '%')} | "
                   f"{resp_rate} | {resp_time} | {measures} |")
    out += ["", "## Frekuensi unggahan", "",
            bar_chart("Unggahan per minggu (90 hari terakhir)", [(r.name, r.cadence) for r in rows]), "",
            "## Jangkauan", "",
            bar_chart("Jangkauan (Pedoman XI)", [(r.name, r.value("jangkauan")) for r in rows]), "",
            "## Sumber angka", "",
            "| Perangkat daerah | " + " | ".join(m.label for m in MEASURES) + " |",
            "| --- |" + " --- |" * len(MEASURES)]
    for r in rows:
        out.append(f"| {_cell(r.name)} | " + " | ".join(_cell(_inputs(m)) for m in r.measures) + " |")
    return "\n".join(out) + "\n"


def as_html(markdown_text: str, title: str) -> str:
    """A standalone HTML page of a dashboard (for previewing without the site build)."""
    import markdown

    body = markdown.markdown(markdown_text, extensions=["tables"])
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}"
            "table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #d0d7de;padding:.25rem .5rem}"
            f"</style></head><body>{body}</body></html>\n")
