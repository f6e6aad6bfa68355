"""`warta new --pr`: branch, commit, push and open the pull request for a new post."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from warta import git as wgit
from warta.errors import WartaError
from warta.output import console
from warta.roster.models import Agency


def propose_post(root: Path, rel: str, *, title: str, agency: Agency, extra: tuple[str, ...] = ()) -> int:
    """`extra`: files committed with the post (its photo, or the agency's media.lock)."""
    repo = wgit.open_repo(root)
    branch = f"warta/{agency.slug}/{PurePosixPath(rel).stem}"
    message = f"Berita baru {agency.label}: {title}"
    wgit.commit_on_new_branch(repo, branch, [rel, *extra], message)
    wgit.push_branch(repo, branch)
    repo_name = os.environ.get("GITHUB_REPOSITORY") or wgit.github_repo_name(repo)
    if repo_name is None:
        raise WartaError(f"Cabang `{branch}` sudah terkirim, tetapi alamat repositori GitHub tidak "
                         "dikenali. Buat pull request dari cabang itu di GitHub.")
    from warta.gate.github import open_pull_request

    body = (f"Berita baru untuk {agency.name}: `{rel}`.\n\n"
            "Sunting isinya di cabang ini bila perlu. Kepala PD (atau Plt./Plh.) menyetujui lewat "
            "**Review changes → Approve**; setelah digabung, berita tayang di situs dan media sosial.")
    url = open_pull_request(repo_name, branch, f"Berita: {title}", body,
                            base_url=os.environ.get("GITHUB_API_URL") or "https://api.github.com")
    console.print(f"[green]✓[/] Berita baru: [bold]{rel}[/]")
    console.print(f"Pull request dibuka: {url}")
    console.print("Minta Kepala PD menyetujuinya di GitHub.")
    return 0
