"""site_templates/ is code a pull request can change: it runs in Jinja's sandbox, and a template
that reaches for Python internals fails the build with a clear message (issue #17, finding 8)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

POPEN = "{{ %s.__init__.__globals__.os.popen('touch %s').read() }}"


@pytest.mark.parametrize(("template", "payload"), [
    ("post.md.j2", POPEN % ("cycler", "{marker}")),
    ("portal_home.md.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}" + POPEN % ("lipsum", "{marker}")),
    ("overrides/main.html", POPEN % ("joiner", "{marker}")),
])
def test_template_reaching_for_python_fails_the_build_and_runs_nothing(
        site_repo: Path, tmp_path: Path, template: str, payload: str) -> None:
    marker = tmp_path / "pwned"
    target = site_repo / "site_templates" / template
    payload = payload.replace("{marker}", str(marker))
    text = target.read_text(encoding="utf-8")
    anchor = "{% block extrahead %}" if template.endswith(".html") else ""
    assert anchor in text
    target.write_text(text.replace(anchor, anchor + payload, 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "warta.cli", "build", "--no-admin", "--jobs", "1",
                             "--agency", "dinas-contoh", "--out", str(tmp_path / "site")],
                            cwd=site_repo, capture_output=True, text=True, timeout=300)
    assert not marker.exists(), "the template ran a shell command"
    assert result.returncode == 1, result.stderr
    assert "tidak diizinkan" in result.stderr and "site_templates/" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "tak terduga" not in result.stderr
