"""Published copies from the dispatch ledger (the metrics stage's only view of dispatch)."""

from __future__ import annotations

from pathlib import Path

from warta.channels.networks import NETWORKS
from warta.metrics.model import PublishedCopy


def published_copies(ledger_dir: Path) -> list[PublishedCopy]:
    """Every (agency, post id, channel) with a recorded success and a network post id."""
    from warta.dispatch.ledger import Ledger

    copies = []
    for key, state in Ledger(ledger_dir).all().items():
        success = state.success or {}
        remote_id = success.get("remote_id")
        if key.channel not in NETWORKS or not remote_id:
            continue
        permalink = success.get("permalink")
        copies.append(PublishedCopy(key.agency, key.post_id, key.channel, str(remote_id),
                                    permalink if isinstance(permalink, str) else None,
                                    str(success.get("at")) if success.get("at") else None))
    return sorted(copies)


def dispatch_outcomes(ledger_dir: Path) -> dict[str, dict[str, int]]:
    """Per agency: how many ledger keys succeeded and how many did not (for the evaluation)."""
    from warta.dispatch.ledger import Ledger

    counts: dict[str, dict[str, int]] = {}
    for key, state in Ledger(ledger_dir).all().items():
        row = counts.setdefault(key.agency, {"success": 0, "total": 0})
        row["total"] += 1
        row["success"] += state.done
    return counts
