"""The five measures of Pedoman XI: definitions, inputs kept beside each value."""

from __future__ import annotations

from warta.metrics.labels import labelled
from warta.metrics.measures import BY_KEY, MEASURES, compute, compute_all
from warta.metrics.model import Comment
from warta.metrics.numbers import comment_numbers


def test_five_measures_in_pedoman_order() -> None:
    assert [m.label for m in MEASURES] == ["Jangkauan", "Frekuensi dan Lalu-Lintas", "Pengaruh",
                                           "Percakapan dan Keberhasilan", "Keberlanjutan"]


def test_sum_measures_keep_their_inputs() -> None:
    numbers = {"links_in": 4, "shares": 10, "quotes": 1, "people_talking": 6, "new_followers": 12, "views": 900,
               "visits": 100, "reach": 500, "visitors": 60, "returning_visitors": 15, "comments": 9,
               "public_replies": 2, "clicks": 30, "downloads": 5, "saves": 7, "likes": 99}
    values = {v.key: v for v in compute_all(numbers)}
    jangkauan = values["jangkauan"]
    assert jangkauan.value == 4 + 11 + 6 + 12
    assert jangkauan.components == {"tautan_masuk": 4.0, "dibagikan": 11.0, "membicarakan": 6.0, "hubungan_baru": 12.0}
    assert jangkauan.inputs == {"links_in": 4, "shares": 10, "quotes": 1, "people_talking": 6, "new_followers": 12}
    assert values["frekuensi"].value == 1000 and values["frekuensi"].components["pengunjung"] == 560
    assert values["pengaruh"].value == 2 + 9 + 10
    assert values["percakapan"].value == 30 + 5 + 7
    assert "likes" not in {k for v in values.values() for k in v.inputs}  # likes feed no measure


def test_no_source_numbers_means_no_value() -> None:
    value = compute(BY_KEY["percakapan"], {"views": 10})
    assert value.value is None and value.inputs == {}


def test_keberlanjutan_is_the_mean_of_available_ratios() -> None:
    value = compute(BY_KEY["keberlanjutan"], {"followers_start": 1000, "lost_followers": 50, "people_talking": 10,
                                               "returning_commenters": 4})
    assert value.components == {"anggota_bertahan": 95.0, "loyalitas": 40.0, "sering_kembali": None}
    assert value.value == 67.5
    assert value.inputs["retained_followers"] == 950


def _c(cid: str, author: str, when: str, parent: str | None = None, ours: bool = False) -> Comment:
    return labelled("facebook", "dinas-contoh", "p", "r", cid, parent, author, ours, "teks", when)


def test_comment_numbers_people_replies_and_returning() -> None:
    comments = [_c("1", "a", "2026-10-02T10:00:00+07:00"), _c("2", "b", "2026-11-02T10:00:00+07:00"),
                _c("3", "a", "2026-11-03T10:00:00+07:00", parent="2"), _c("4", "own", "2026-11-03T11:00:00+07:00",
                                                                           parent="2", ours=True)]
    months, posts = comment_numbers(comments)
    assert months[("dinas-contoh", "2026-11")] == {"people_talking": 2, "public_replies": 1, "returning_commenters": 1}
    assert months[("dinas-contoh", "2026-10")]["returning_commenters"] == 0
    assert posts[("dinas-contoh", "p")]["people_talking"] == 2


def test_docs_define_every_measure_and_source() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "metrics.md").read_text(encoding="utf-8")
    for measure in MEASURES:
        assert f"**{measure.label}**" in docs
        for component in measure.components:
            for source in (*component.sources, *component.per):
                if source != "retained_followers":
                    assert f"`{source}`" in docs, (measure.key, source)
