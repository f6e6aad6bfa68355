"""Every rule of the approval gate and the attacks it must withstand, on real git repos."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.gate.conftest import POST_PATH, PrRepo, review
from warta.gate.evaluate import evaluate
from warta.gate.input import parse_gate_input
from warta.timeutil import WIB

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=WIB)
KEPALA = ("Kepala Contoh", "1001+kepala-contoh@users.noreply.github.com")


def run(data: dict[str, Any], now: datetime = NOW) -> dict[str, Any]:
    return evaluate(parse_gate_input(data), now).as_dict()


def scope(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in result["requirements"] if r["scope"] == name)


def scopes(result: dict[str, Any]) -> list[str]:
    return [r["scope"] for r in result["requirements"]]


def test_contract_shape(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert set(result) == {"approved", "requirements"}
    assert result["approved"] is True
    for req in result["requirements"]:
        assert set(req) == {"scope", "eligible", "satisfied_by", "reason"}
        assert isinstance(req["eligible"], list)
        assert isinstance(req["reason"], str) and req["reason"]
    assert scope(result, "agency:dinas-contoh")["satisfied_by"] == "kepala-contoh"


def test_no_review_lists_who_may_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    result = run(pr_repo.input([]))
    req = scope(result, "agency:dinas-contoh")
    assert result["approved"] is False
    assert req["satisfied_by"] is None
    assert req["eligible"] == ["kepala-contoh"]
    assert "@kepala-contoh" in req["reason"] and "Kepala Dinas Contoh" in req["reason"]


def test_self_approval_does_not_count(pr_repo: PrRepo) -> None:
    # The kepala opens the PR (their own post) and approves it themself.
    pr_repo.post_edit()
    pr_repo.commit(author=KEPALA)
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)], author="kepala-contoh"))
    req = scope(result, "agency:dinas-contoh")
    assert result["approved"] is False and req["satisfied_by"] is None
    assert "kepala-contoh" not in req["eligible"]
    assert "ikut menulis" in req["reason"]


def test_kepala_who_pushed_a_commit_cannot_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    pr_repo.write(POST_PATH.replace("posyandu-serentak", "tambahan"), "x")
    pr_repo.commit(author=KEPALA)
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head, user_id=1001)]))
    assert result["approved"] is False


def test_kepala_as_committer_only_cannot_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit(committer=KEPALA)
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert result["approved"] is False


def test_kepala_co_author_trailer_cannot_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit("berita baru\n\nCo-authored-by: Kepala Contoh <kepala@bengkuluprov.go.id>")
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert result["approved"] is False
    assert "kepala-contoh" not in scope(result, "agency:dinas-contoh")["eligible"]


def test_commit_authors_from_input_exclude_reviewer(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    data = pr_repo.input([review("kepala-contoh", pr_repo.head)],
                         commit_authors=["ani-lestari", "Kepala-Contoh"])
    assert run(data)["approved"] is False
    data["commit_authors"] = ["ani-lestari"]
    assert run(data)["approved"] is True


def test_approval_on_older_commit_then_push(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    first = pr_repo.commit()
    pr_repo.post_edit(name="2026-11-23-lagi.md")
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", first)]))
    req = scope(result, "agency:dinas-contoh")
    assert result["approved"] is False
    assert "commit lama" in req["reason"]


def test_another_agencys_head_cannot_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-badan", pr_repo.head, user_id=2001)]))
    assert result["approved"] is False
    assert scope(result, "agency:dinas-contoh")["satisfied_by"] is None


def test_team_member_cannot_approve(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    assert run(pr_repo.input([review("budi-s", pr_repo.head)]))["approved"] is False


@pytest.mark.parametrize("target", ["roster/dinas-contoh.yml", ".github/CODEOWNERS"])
def test_pr_adding_its_author_as_approver_still_needs_admin(pr_repo: PrRepo, target: str) -> None:
    # The PR makes its author kepala / code owner; the gate reads the roster at base.
    if target.startswith("roster"):
        text = (pr_repo.root / target).read_text().replace("github: kepala-contoh, github_id: 1001",
                                                             "github: mallory")
        pr_repo.write(target, text)
    else:
        pr_repo.write(target, "/content/dinas-contoh/ @mallory\n")
    pr_repo.post_edit()
    pr_repo.commit(author=("Mallory", "mallory@example.invalid"))
    result = run(pr_repo.input([review("mallory", pr_repo.head),
                                review("kepala-contoh", pr_repo.head)], author="mallory"))
    assert result["approved"] is False
    admin = scope(result, "admin")
    assert admin["satisfied_by"] is None and admin["eligible"] == ["admin-satu"]
    assert target in admin["reason"]
    assert scope(result, "agency:dinas-contoh")["satisfied_by"] == "kepala-contoh"


def test_two_agencies_need_two_approvals(pr_repo: PrRepo) -> None:
    pr_repo.post_edit("dinas-contoh")
    pr_repo.post_edit("badan-contoh")
    pr_repo.commit()
    one = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert one["approved"] is False
    assert scopes(one) == ["agency:badan-contoh", "agency:dinas-contoh"]
    both = run(pr_repo.input([review("kepala-contoh", pr_repo.head),
                              review("kepala-badan", pr_repo.head)]))
    assert both["approved"] is True


def test_delegate_inside_window_counts(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    # 2026-01-31 23:30 WIB is 16:30 UTC: still inside the window (until 2026-01-31).
    result = run(pr_repo.input([review("plt-contoh", pr_repo.head, when="2026-01-31T16:30:00Z")]))
    assert result["approved"] is True
    assert scope(result, "agency:dinas-contoh")["satisfied_by"] == "plt-contoh"


def test_delegate_outside_window_does_not_count(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    # 2026-01-31 17:30 UTC is already 1 February in WIB: the window has closed.
    result = run(pr_repo.input([review("plt-contoh", pr_repo.head, when="2026-01-31T17:30:00Z")]))
    req = scope(result, "agency:dinas-contoh")
    assert result["approved"] is False
    assert "masa tugas" in req["reason"] and "2026-02-01" in req["reason"]
    before = run(pr_repo.input([review("plt-contoh", pr_repo.head, when="2025-12-31T10:00:00Z")]))
    assert before["approved"] is False


@pytest.mark.parametrize("state", ["CHANGES_REQUESTED", "DISMISSED"])
def test_later_review_cancels_approval(pr_repo: PrRepo, state: str) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    reviews = [review("kepala-contoh", pr_repo.head, when="2026-11-21T02:00:00Z"),
               review("kepala-contoh", pr_repo.head, state, when="2026-11-21T03:00:00Z")]
    result = run(pr_repo.input(reviews))
    assert result["approved"] is False
    assert "Ulasan terakhir @kepala-contoh" in scope(result, "agency:dinas-contoh")["reason"]
    # Order in the input does not matter, time does; and a comment afterwards changes nothing.
    reviews.reverse()
    assert run(pr_repo.input(reviews))["approved"] is False
    again = [*reviews, review("kepala-contoh", pr_repo.head, when="2026-11-21T04:00:00Z"),
             review("kepala-contoh", pr_repo.head, "COMMENTED", when="2026-11-21T05:00:00Z")]
    assert run(pr_repo.input(again))["approved"] is True


def test_workflow_change_approved_only_by_kepala(pr_repo: PrRepo) -> None:
    pr_repo.write(".github/workflows/gate.yml", "on: push\njobs: {}\n")
    pr_repo.post_edit()
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert result["approved"] is False
    assert scope(result, "admin")["satisfied_by"] is None
    ok = run(pr_repo.input([review("kepala-contoh", pr_repo.head),
                            review("admin-satu", pr_repo.head, user_id=9001)]))
    assert ok["approved"] is True


def test_gate_workflow_replaced_with_exit_0(pr_repo: PrRepo) -> None:
    pr_repo.write(".github/workflows/gate.yml",
                  "on: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n"
                  "    steps:\n      - run: exit 0\n")
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert result["approved"] is False
    assert scopes(result) == ["admin"]
    assert ".github/workflows/gate.yml" in scope(result, "admin")["reason"]


def test_post_moved_between_agencies_needs_both(pr_repo: PrRepo) -> None:
    pr_repo.move(POST_PATH, "content/badan-contoh/2026/2026-11-20-posyandu-serentak.md")
    pr_repo.commit()
    only_new = run(pr_repo.input([review("kepala-badan", pr_repo.head)]))
    assert only_new["approved"] is False
    assert scopes(only_new) == ["agency:badan-contoh", "agency:dinas-contoh"]
    both = run(pr_repo.input([review("kepala-badan", pr_repo.head),
                              review("kepala-contoh", pr_repo.head)]))
    assert both["approved"] is True


def test_deleting_a_post_needs_its_agency(pr_repo: PrRepo) -> None:
    pr_repo.delete(POST_PATH)
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-badan", pr_repo.head)]))
    assert scopes(result) == ["agency:dinas-contoh"]
    assert result["approved"] is False


def test_folder_not_in_base_roster_needs_admin(pr_repo: PrRepo) -> None:
    # Adding the agency to the roster in the same PR does not make it known at base.
    pr_repo.write("roster/dinas-baru.yml", "slug: dinas-baru\nname: Dinas Baru\nteam: []\n"
                  "kepala: {name: M, github: mallory}\n")
    pr_repo.post_edit("dinas-baru")
    pr_repo.commit(author=("Mallory", "mallory@example.invalid"))
    result = run(pr_repo.input([review("mallory", pr_repo.head)], author="mallory"))
    assert scopes(result) == ["admin"]
    assert "content/dinas-baru/2026/2026-11-22-baru.md" in scope(result, "admin")["reason"]
    assert result["approved"] is False


def test_media_center_post_needs_koordinator(pr_repo: PrRepo) -> None:
    pr_repo.post_edit(extra="media_center: true\n")
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert scopes(result) == ["agency:dinas-contoh", "media_center"]
    assert result["approved"] is False
    assert scope(result, "media_center")["eligible"] == ["koor-mc"]
    ok = run(pr_repo.input([review("kepala-contoh", pr_repo.head),
                            review("koor-mc", pr_repo.head, user_id=9100)]))
    assert ok["approved"] is True


def test_media_center_false_at_head_needs_no_koordinator(pr_repo: PrRepo) -> None:
    pr_repo.post_edit(extra="media_center: false\n")
    pr_repo.commit()
    assert scopes(run(pr_repo.input([]))) == ["agency:dinas-contoh"]


def test_renamed_login_compared_by_id(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    # Someone else now holds the login `kepala-contoh` (different numeric id): no approval.
    squatter = run(pr_repo.input([review("kepala-contoh", pr_repo.head, user_id=666)]))
    assert squatter["approved"] is False
    # The kepala renamed their account: the id still identifies them.
    renamed = run(pr_repo.input([review("kepala-baru", pr_repo.head, user_id=1001)]))
    assert renamed["approved"] is True
    assert scope(renamed, "agency:dinas-contoh")["satisfied_by"] == "kepala-baru"


def test_more_than_3000_files_fails_closed(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    files = [f"content/dinas-contoh/2026/2026-11-22-b{i}.md" for i in range(3001)]
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)], changed_files=files))
    assert result["approved"] is False
    assert result["requirements"][0]["satisfied_by"] is None
    assert "3000" in result["requirements"][0]["reason"]
    at_cap = run(pr_repo.input([review("kepala-contoh", pr_repo.head)], changed_files=files[:3000]))
    assert at_cap["approved"] is True


def test_changed_files_from_input_with_github_shapes(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    files = [{"filename": "content/badan-contoh/2026/x.md", "status": "renamed",
              "previous_filename": "content/dinas-contoh/2026/x.md"}]
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)], changed_files=files))
    assert scopes(result) == ["agency:badan-contoh", "agency:dinas-contoh"]


@pytest.mark.parametrize("path", ["content/../roster/x.yml", "/etc/passwd", "content/x.md",
                                  "Content/dinas-contoh/a.md", "content\\dinas-contoh\\a.md"])
def test_odd_paths_need_admin(pr_repo: PrRepo, path: str) -> None:
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)], changed_files=[path]))
    assert scopes(result) == ["admin"]


def test_roster_read_at_base_not_worktree(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    # A dirty working tree that names mallory kepala changes nothing.
    (pr_repo.root / "roster/dinas-contoh.yml").write_text(
        "slug: dinas-contoh\nname: D\nteam: []\nkepala: {name: M, github: mallory}\n")
    assert run(pr_repo.input([review("mallory", pr_repo.head)]))["approved"] is False
    assert run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))["approved"] is True


def test_same_reviewer_latest_wins_across_commits(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    old = pr_repo.commit()
    pr_repo.post_edit(name="2026-11-23-lagi.md")
    head = pr_repo.commit()
    # Approve head, then request changes on an older commit later: still cancelled.
    reviews = [review("kepala-contoh", head, when="2026-11-21T02:00:00Z"),
               review("kepala-contoh", old, "CHANGES_REQUESTED", when="2026-11-21T03:00:00Z")]
    assert run(pr_repo.input(reviews))["approved"] is False


def test_empty_pull_request_needs_admin(pr_repo: PrRepo) -> None:
    pr_repo.commit("kosong")
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert scopes(result) == ["admin"] and result["approved"] is False


def test_input_accepts_name_status_lines_and_rest_review_shape(pr_repo: PrRepo) -> None:
    pr_repo.post_edit()
    pr_repo.commit()
    files = ["R100\tcontent/dinas-contoh/2026/a.md\tcontent/badan-contoh/2026/a.md"]
    reviews = [{"user": {"login": "kepala-contoh", "id": 1001}, "state": "approved",
                "commit_id": pr_repo.head, "submitted_at": "2026-11-21T02:00:00+00:00"},
               {"user": "kepala-badan", "state": "APPROVED", "commit_id": pr_repo.head,
                "submitted_at": "2026-11-21T09:00:00+07:00"},
               {"user": "kepala-badan", "state": "PENDING", "commit_id": pr_repo.head}]
    result = run(pr_repo.input(reviews, changed_files=files))
    assert scopes(result) == ["agency:badan-contoh", "agency:dinas-contoh"]
    assert result["approved"] is True


def test_cr_only_media_center_post_needs_koordinator(pr_repo: PrRepo) -> None:
    # Saved with old-Mac line endings: check, site and dispatch read it as a Media Center post,
    # so the gate must too (it used to see no front matter and skip the Koordinator).
    rel = pr_repo.post_edit(extra="media_center: true\n")
    path = pr_repo.root / rel
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert scopes(result) == ["agency:dinas-contoh", "media_center"]
    assert result["approved"] is False
    ok = run(pr_repo.input([review("kepala-contoh", pr_repo.head),
                            review("koor-mc", pr_repo.head, user_id=9100)]))
    assert ok["approved"] is True


UNREADABLE = {
    "unclosed": b"---\ntitle: Judul\ndate: 2026-11-22\nmedia_center: true\nIsi berita.\n",
    "latin-1": "---\ntitle: Bengkulu \xe9\ndate: 2026-11-22\nmedia_center: true\n---\nIsi.\n".encode("latin-1"),
    "alias": b"---\ntitle: &t Judul\nsummary: *t\ndate: 2026-11-22\n---\nIsi.\n",
    "broken-yaml": b"---\ntitle: [Judul\ndate: 2026-11-22\n---\nIsi.\n",
    "no-date": b"---\ntitle: Judul\nmedia_center: true\n---\nIsi.\n",
}


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
def test_unparseable_post_fails_closed(pr_repo: PrRepo, kind: str) -> None:
    rel = "content/dinas-contoh/2026/2026-11-22-rusak.md"
    (pr_repo.root / rel).write_bytes(UNREADABLE[kind])
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head),
                                review("koor-mc", pr_repo.head, user_id=9100)]))
    assert result["approved"] is False
    req = scope(result, "content")
    assert req["satisfied_by"] is None and req["eligible"] == []
    assert rel in req["reason"] and "fail closed" in req["reason"]
    # The agency's own requirement is still listed, so reviewers see who must approve once fixed.
    assert scope(result, "agency:dinas-contoh")["satisfied_by"] == "kepala-contoh"


def test_symlinked_post_fails_closed(pr_repo: PrRepo) -> None:
    link = pr_repo.root / "content/dinas-contoh/2026/2026-11-22-tautan.md"
    link.symlink_to("../../../.github/workflows/gate.yml")
    pr_repo.commit()
    result = run(pr_repo.input([review("kepala-contoh", pr_repo.head)]))
    assert result["approved"] is False
    assert "symlink" in scope(result, "content")["reason"]


def test_delegate_with_unparseable_until_is_never_eligible(pr_repo: PrRepo) -> None:
    # `until: besok` used to mean "no end": the Plt could approve for ever.
    pr_repo.repo.git.checkout("main")
    roster = (pr_repo.root / "roster/dinas-contoh.yml").read_text()
    pr_repo.write("roster/dinas-contoh.yml", roster.replace("until: 2026-01-31", "until: besok"))
    pr_repo.repo.git.add(A=True)
    pr_repo.repo.git.commit("-m", "roster: plt")
    pr_repo.base = pr_repo.head
    pr_repo.repo.git.checkout("-B", "pr")
    pr_repo.post_edit()
    pr_repo.commit()
    result = run(pr_repo.input([review("plt-contoh", pr_repo.head, when="2026-01-15T02:00:00Z")]),
                 now=datetime(2026, 1, 15, 12, 0, tzinfo=WIB))
    req = scope(result, "agency:dinas-contoh")
    assert result["approved"] is False and req["satisfied_by"] is None
    assert "plt-contoh" not in req["eligible"]
    assert "tidak sah" in req["reason"]
