"""The pure core on plain data: no git, no GitHub."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from warta.gate.comment import MARKER, comment_body
from warta.gate.models import ChangedFile, Contributors, PullRequest, Review
from warta.gate.scopes import touched_scopes
from warta.gate.verdict import approval_verdict, latest_reviews
from warta.roster.load import agency_from_data, province_from_data
from warta.roster.models import Roster

T0 = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
HEAD = "f" * 40


def roster() -> Roster:
    agency = agency_from_data({"name": "Dinas A", "team": [],
                               "kepala": {"name": "Kepala A", "github": "kepala-a",
                                          "github_id": 11}}, "dinas-a")
    province = province_from_data({"admins": [{"name": "Admin", "github": "admin"}],
                                   "media_center": {"koordinator": {"github": "koor"}}})
    return Roster(province, {"dinas-a": agency})


def pr(reviews: list[Review], files: tuple[str, ...] = ("content/dinas-a/2026/x.md",),
       **kw: object) -> PullRequest:
    return PullRequest(author="staf", head_sha=HEAD,
                       changed_files=tuple(ChangedFile(f) for f in files),
                       reviews=tuple(reviews), **kw)  # type: ignore[arg-type]


def test_latest_review_per_reviewer_ignores_comments() -> None:
    reviews = (Review("kepala-a", "APPROVED", HEAD, T0, 11),
               Review("KEPALA-A", "COMMENTED", HEAD, T0 + timedelta(hours=1), 11),
               Review("x", "APPROVED", HEAD, T0),
               Review("x", "DISMISSED", HEAD, T0 + timedelta(minutes=1)))
    latest = {r.user.lower(): r.state for r in latest_reviews(reviews)}
    assert latest == {"kepala-a": "APPROVED", "x": "DISMISSED"}


def test_noreply_email_yields_login_and_id() -> None:
    who = Contributors.from_identities([("Kepala A", "11+kepala-a@users.noreply.github.com"),
                                        ("Budi", "budi@dinas.go.id")])
    assert {"kepala-a", "budi"} <= who.logins and 11 in who.ids and "kepala a" in who.names


def test_plain_data_verdict_and_koordinator() -> None:
    ok = approval_verdict(pr([Review("kepala-a", "APPROVED", HEAD, T0, 11)]), roster(), T0)
    assert ok.approved
    flagged = pr([Review("kepala-a", "APPROVED", HEAD, T0, 11)],
                 media_center_posts=frozenset({"content/dinas-a/2026/x.md"}))
    verdict = approval_verdict(flagged, roster(), T0)
    assert not verdict.approved
    assert verdict.as_dict()["requirements"][1] == {
        **verdict.as_dict()["requirements"][1], "scope": "media_center", "eligible": ["koor"],
        "satisfied_by": None}


def test_scopes_classify_paths() -> None:
    scopes = touched_scopes((ChangedFile("content/dinas-a/b.md", "R", "content/dinas-x/b.md"),
                             ChangedFile("mkdocs.yml")), roster(), frozenset())
    assert scopes.agencies == {"dinas-a": ["content/dinas-a/b.md"]}
    assert scopes.unknown_folders == ["content/dinas-x/b.md"]
    assert scopes.outside_content == ["mkdocs.yml"]


def test_no_admin_configured_says_where_to_fix() -> None:
    empty = Roster(province_from_data({}), roster().agencies)
    verdict = approval_verdict(pr([], files=("roster/dinas-a.yml",)), empty, T0)
    assert "roster/_province.yml" in verdict.requirements[0].reason


def test_comment_has_marker_and_report() -> None:
    verdict = approval_verdict(pr([]), roster(), T0)
    body = comment_body(verdict, HEAD, review="## Laporan mutu\nbaik")
    assert body.startswith(MARKER) and "Laporan mutu" in body
    assert "❌" in comment_body(verdict, HEAD)
