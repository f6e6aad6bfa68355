"""The approval verdict: a pure function of the base roster and the pull request's data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from warta.gate import reasons
from warta.gate.models import (
    APPROVED,
    COMMENTED,
    MAX_CHANGED_FILES,
    PENDING,
    PullRequest,
    Requirement,
    Review,
    Verdict,
)
from warta.gate.scopes import touched_scopes
from warta.roster.models import Agency, Person, Roster, bare_name

# Who may approve a scope at a given moment (delegates depend on the review's time).
Approvers = Callable[[datetime], list[Person]]


@dataclass(frozen=True)
class Scope:
    key: str
    approvers: Approvers
    everyone: tuple[Person, ...]
    need: str  # why this approval is needed, in Indonesian
    title: str  # the office that approves, in Indonesian


def latest_reviews(reviews: tuple[Review, ...]) -> list[Review]:
    """Each reviewer's latest review that is not a mere comment, oldest first."""
    latest: dict[object, Review] = {}
    ordered = sorted(enumerate(reviews), key=lambda item: (item[1].submitted_at, item[0]))
    for _, review in ordered:
        if review.state.upper() in (COMMENTED, PENDING):
            continue
        key = ("id", review.user_id) if review.user_id is not None else ("login",
                                                                           review.user.lower())
        latest.pop(key, None)
        latest[key] = review
    return list(latest.values())


def wrote_change(pr: PullRequest, login: str | None, user_id: int | None,
                 person: Person | None = None) -> bool:
    """The opener, or anyone who authored, committed or co-authored one of the PR's commits."""
    who = pr.contributors
    logins = {x.lower() for x in (login, person.github if person else None) if x}
    ids = {x for x in (user_id, person.github_id if person else None) if x is not None}
    if pr.author.lower() in logins or (pr.author_id is not None and pr.author_id in ids):
        return True
    if logins & who.logins or ids & who.ids:
        return True
    name = bare_name(person.name) if person and person.name else ""
    return bool(name) and name in who.names


def _matching(people: list[Person] | tuple[Person, ...], review: Review) -> Person | None:
    return next((p for p in people if p.is_account(review.user, review.user_id)), None)


def evaluate_scope(scope: Scope, pr: PullRequest, latest: list[Review],
                   now: datetime) -> Requirement:
    """One requirement: satisfied by the first valid approval of an eligible person."""
    head = pr.head_sha.lower()
    current = [(p.github, p) for p in scope.approvers(now) if p.github]
    excluded = [login for login, p in current if wrote_change(pr, login, p.github_id, p)]
    eligible = [login for login, _p in current if login not in excluded]
    notes: list[str] = []
    satisfied_by: str | None = None
    for review in latest:
        person = _matching(scope.everyone, review)
        if person is None:
            continue
        if review.state.upper() != APPROVED:
            notes.append(reasons.cancelled(review))
        elif review.commit_id.lower() != head:
            notes.append(reasons.stale(review))
        elif wrote_change(pr, review.user, review.user_id, person):
            if person.github not in excluded:
                notes.append(reasons.contributor(review))
        elif _matching(scope.approvers(review.submitted_at), review) is None:
            notes.append(reasons.out_of_window(review, person))
        elif satisfied_by is None:
            satisfied_by = review.user
    if satisfied_by and satisfied_by.lower() not in {e.lower() for e in eligible}:
        eligible.append(satisfied_by)
    reason = reasons.requirement(scope.need, scope.title, eligible, satisfied_by, excluded,
                                 notes, scope.everyone)
    return Requirement(scope.key, tuple(dict.fromkeys(eligible)), satisfied_by, reason)


def _agency_scope(agency: Agency, paths: list[str]) -> Scope:
    return Scope(
        key=f"agency:{agency.slug}",
        approvers=agency.approvers_at,
        everyone=tuple(p for p in (agency.kepala, *agency.delegates) if p and p.github),
        need=reasons.agency_need(agency, paths),
        title=reasons.agency_title(agency),
    )


def _fixed(people: tuple[Person, ...]) -> Approvers:
    return lambda _when: [p for p in people if p.github]


def approval_verdict(pr: PullRequest, roster: Roster, now: datetime) -> Verdict:
    """DESIGN rules 1-4 against the roster at the base SHA; fails closed on a huge change."""
    if len(pr.changed_files) > MAX_CHANGED_FILES:
        return Verdict((Requirement("files", (), None,
                                    reasons.too_many_files(len(pr.changed_files))),),
                       failed_closed=True)
    scopes = touched_scopes(pr.changed_files, roster, pr.media_center_posts)
    wanted: list[Scope] = [_agency_scope(roster.agencies[slug], paths)
                           for slug, paths in scopes.agencies.items()]
    if scopes.media_center:
        koordinator = roster.province.koordinator
        people = (koordinator,) if koordinator and koordinator.github else ()
        wanted.append(Scope("media_center", _fixed(people), people,
                            reasons.media_center_need(scopes.media_center),
                            "Koordinator Media Center"))
    if scopes.needs_admin or not pr.changed_files:
        admins = tuple(a for a in roster.province.admins if a.github)
        wanted.append(Scope("admin", _fixed(admins), admins,
                            reasons.admin_need(scopes.outside_content, scopes.unknown_folders,
                                               empty=not pr.changed_files),
                            "admin provinsi Diskominfotik"))
    latest = latest_reviews(pr.reviews)
    requirements = tuple(evaluate_scope(s, pr, latest, now) for s in wanted)
    if pr.unreadable_posts:
        # Whatever under content/ the reader cannot parse might be anything once fixed up by
        # another stage (a post for the Media Center, say): no approval can cover it.
        unreadable = Requirement("content", (), None, reasons.unreadable_posts(pr.unreadable_posts))
        return Verdict((unreadable, *requirements), failed_closed=True)
    return Verdict(requirements)

