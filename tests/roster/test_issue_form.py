"""The roster change request form: valid against GitHub's issue-form schema, covers every change."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import PROJECT_ROOT
from warta.roster.models import SOCIAL_CHANNELS
from warta.roster.readiness import FORM

FORM_PATH = PROJECT_ROOT / ".github/ISSUE_TEMPLATE/perubahan-roster.yml"


def test_form_validates_against_the_vendored_github_issue_forms_schema() -> None:
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-issue-forms", str(FORM_PATH)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_form_asks_for_every_kind_of_change_and_no_personal_data() -> None:
    form = yaml.safe_load(FORM_PATH.read_text(encoding="utf-8"))
    assert f"formulir \"{form['name']}\"" in FORM  # the name the messages point staff to
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    kinds = " ".join(fields["jenis"]["attributes"]["options"])
    for word in ("Kepala", "Plt./Plh.", "Anggota Tim", "media sosial"):
        assert word in kinds
    assert fields["peran"]["attributes"]["options"] == ["Plt", "Plh"]
    assert tuple(fields["kanal"]["attributes"]["options"]) == SOCIAL_CHANNELS
    assert fields["perangkat-daerah"]["validations"]["required"] is True
    assert not any("nip" in key for key in fields)
    confirmations = [o["label"] for o in fields["konfirmasi"]["attributes"]["options"]]
    assert any("NIP" in label for label in confirmations)
