"""The ledger file format, its folding rules and its branch on a bare remote."""

from __future__ import annotations

import json
from pathlib import Path

import git

from warta.dispatch.ledger import Ledger, fold, key_file, permalinks
from warta.dispatch.ledgersync import pull_ledger, push_ledger
from warta.dispatch.model import Key

KEY = Key("dinas-contoh", "content/dinas-contoh/2026/2026-11-20-posyandu-serentak.md", "instagram")


def test_key_file_is_safe_and_distinct() -> None:
    name = key_file(KEY)
    assert name.parts[0] == "dinas-contoh" and name.name.endswith(".instagram.jsonl")
    assert "2026-2026-11-20-posyandu-serentak--" in name.name
    evil = key_file(Key("../x", "../../etc/passwd", "x"))
    assert ".." not in evil.parts and len(evil.parts) == 2
    assert key_file(Key("a", "p", "x")) != key_file(Key("a", "P", "x"))


def test_fold_rules() -> None:
    assert fold([]).status == "new"
    assert fold([{"event": "attempt"}]).status == "uncertain"
    assert fold([{"event": "attempt"}, {"event": "failure"}]).status == "failed"
    assert fold([{"event": "attempt"}, {"event": "success"}, {"event": "attempt"}]).status == "success"
    assert fold([{"event": "uncertain"}, {"event": "not_sent"}]).status == "not-sent"
    assert fold([{"event": "failure"}, {"event": "skipped"}]).done


def test_not_sent_is_written_one_way_and_old_ledgers_still_read(tmp_path: Path) -> None:
    """`warta dispatch confirm --not-sent` writes `not-sent` (the spelling the plan's JSON shows); a line
    an older Warta wrote as `not_sent` folds to the same state."""
    from warta.dispatch.ledger import confirm
    from warta.dispatch.model import KeyStatus

    confirm(tmp_path, KEY, sent=False, by="admin")
    [line] = Ledger(tmp_path).records(KEY)
    assert line["event"] == "not-sent" and Ledger(tmp_path).state(KEY).status is KeyStatus.NOT_SENT
    assert fold([{"event": "attempt"}, {"event": "not_sent"}]).status is KeyStatus.NOT_SENT
    assert json.dumps({"ledger": KeyStatus.NOT_SENT}) == '{"ledger": "not-sent"}'


def test_torn_last_line_is_ignored_and_closed(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    with ledger.lock(KEY) as entry:
        entry.record("attempt")
    with ledger.path(KEY).open("a") as handle:
        handle.write('{"event": "succ')  # the process died mid-write
    assert ledger.state(KEY).status == "uncertain"
    with ledger.lock(KEY) as entry:
        entry.record("success", remote_id="9", permalink="https://www.instagram.com/p/C9/")
    lines = ledger.path(KEY).read_text().splitlines()
    assert json.loads(lines[-1])["event"] == "success" and len(lines) == 3
    assert permalinks(tmp_path) == {KEY.post_id: {"instagram": "https://www.instagram.com/p/C9/"}}
    assert ledger.all()[KEY].status == "success"


def _clone(bare: Path, where: Path) -> Path:
    repo = git.Repo.clone_from(str(bare), where)
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t")
        cfg.set_value("user", "email", "t@example.invalid")
    (where / "README").write_text("x")
    repo.git.add(A=True)
    repo.index.commit("init")
    return where


def test_push_to_branch_retries_on_non_fast_forward(tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    git.Repo.init(bare, bare=True, initial_branch="main")
    one = _clone(bare, tmp_path / "one")
    git.Repo(one).git.push("origin", "HEAD:main")
    two = tmp_path / "two"
    git.Repo.clone_from(str(bare), two)

    ledger_one, ledger_two = Ledger(tmp_path / "l1"), Ledger(tmp_path / "l2")
    with ledger_one.lock(KEY) as entry:
        entry.record("attempt")
        entry.record("success", remote_id="1", permalink="https://www.instagram.com/p/C1/")
    other = Key("dinas-contoh", KEY.post_id, "facebook")
    with ledger_two.lock(other) as entry:
        entry.record("success", remote_id="2", permalink="https://www.facebook.com/100/posts/2")

    assert push_ledger(one, ledger_one.root, sleep=lambda s: None) is not None

    def race(attempt: int) -> None:  # another run pushes first: the first push is rejected
        if attempt == 1:
            with ledger_one.lock(KEY) as entry:
                entry.record("attempt", note="late")
            push_ledger(one, ledger_one.root, sleep=lambda s: None)

    assert push_ledger(two, ledger_two.root, sleep=lambda s: None, before_push=race) is not None
    merged = tmp_path / "merged"
    pulled = pull_ledger(_clone(bare, merged), merged / "ledger")
    assert pulled == 2
    states = Ledger(merged / "ledger").all()
    assert states[KEY].status == "success" and states[other].status == "success"
    assert len(Ledger(merged / "ledger").records(KEY)) == 3
    assert push_ledger(two, ledger_two.root) is None  # nothing new
    branch = git.Repo(bare).commit("warta-ledger")
    assert len(list(branch.iter_parents())) == 2  # three commits, linear
