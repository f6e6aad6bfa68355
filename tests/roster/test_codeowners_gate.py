"""One rule told the same everywhere: the people CODEOWNERS names are the people the gate accepts.

For every shipped agency (given a kepala and delegates: active, expired, not yet started, one
without a login) and for the Media Center, the owners GitHub would read from the generated file
equal the `eligible` list of `approval_verdict`; admins own only what lies outside content/.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from tests.conftest import PROJECT_ROOT
from warta.gate.models import ChangedFile, PullRequest
from warta.gate.verdict import approval_verdict
from warta.roster import load_roster
from warta.roster.codeowners import MEDIA_CENTER_LABEL, render_codeowners
from warta.roster.models import Delegate, Person, Roster
from warta.timeutil import WIB

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=WIB)
TODAY = NOW.date()
VACANT = "satpol-pp"  # one agency keeps no kepala: nobody in CODEOWNERS, nobody at the gate


def staffed_roster() -> Roster:
    shipped = load_roster(PROJECT_ROOT).roster
    agencies = {}
    for i, agency in enumerate(shipped):
        day = timedelta(days=1)
        delegates = (
            Delegate(f"Plt {i}", f"plt-{agency.slug}", 20000 + i, role="Plt",
                     start=TODAY - 5 * day, until=TODAY + 5 * day),
            Delegate(f"Plh lama {i}", f"plh-lama-{i}", 30000 + i, role="Plh",
                     start=TODAY - 30 * day, until=TODAY - day),
            Delegate(f"Plh nanti {i}", f"plh-nanti-{i}", 40000 + i, role="Plh",
                     start=TODAY + day, until=TODAY + 9 * day),
            Delegate(f"Plh tanpa login {i}", None, None, role="Plh", start=TODAY, until=TODAY),
        )
        kepala = None if agency.slug == VACANT else Person(f"Kepala {i}", f"kepala-{agency.slug}", 10000 + i)
        agencies[agency.slug] = dataclasses.replace(
            agency, kepala=kepala, delegates=() if agency.slug == VACANT else delegates)
    province = dataclasses.replace(
        shipped.province, admins=(Person("Admin", "admin-kominfo", 1),),
        koordinator=Person("Koordinator", "koor-mc", 2))
    return Roster(province, agencies)


def codeowners_rules(text: str) -> list[tuple[str, list[str]]]:
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, [o.lstrip("@").lower() for o in owners]))
    return rules


def owners_of(rules: list[tuple[str, list[str]]], path: str) -> list[str]:
    """GitHub's reading for the patterns Warta writes: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in rules:
        anchored = pattern.lstrip("/")
        if pattern == "*" or (pattern.endswith("/") and path.startswith(anchored)) or path == anchored:
            found = owners
    return found


def test_codeowners_names_exactly_the_gates_approvers_for_every_agency_and_the_media_center() -> None:
    roster = staffed_roster()
    text, _findings = render_codeowners(roster, TODAY)
    rules = codeowners_rules(text)
    posts = {a.slug: f"content/{a.slug}/2026/2026-12-02-berita.md" for a in roster}
    outside = ["roster/_province.yml", ".github/workflows/publish.yml", "site_templates/post.md.j2",
               "src/warta/cli.py", ".github/CODEOWNERS"]
    pr = PullRequest(author="penulis", head_sha="a" * 40,
                     changed_files=tuple(ChangedFile(p) for p in [*posts.values(), *outside]),
                     media_center_posts=frozenset({posts["dinas-kesehatan"]}))
    verdict = approval_verdict(pr, roster, NOW)
    eligible = {r.scope: sorted(x.lower() for x in r.eligible) for r in verdict.requirements}

    assert len(posts) == 41
    for slug, path in posts.items():
        assert sorted(owners_of(rules, path)) == eligible[f"agency:{slug}"], slug
        assert "admin-kominfo" not in owners_of(rules, path)
    assert eligible[f"agency:{VACANT}"] == [] and owners_of(rules, posts[VACANT]) == []
    assert eligible["agency:bpbd"] == ["kepala-bpbd", "plt-bpbd"]  # expired, future, no-login left out

    media_center = next(line for line in text.splitlines() if line.startswith(MEDIA_CENTER_LABEL))
    assert [o.lstrip("@") for o in media_center.removeprefix(MEDIA_CENTER_LABEL).split()] == eligible["media_center"]

    for path in outside:  # admins own roster/, workflows, templates and code, and nothing else
        assert owners_of(rules, path) == eligible["admin"] == ["admin-kominfo"], path
