"""A real S3-protocol server (moto's standalone server) in its own process, on loopback.

The production client (warta.media.store.MediaStore, boto3) talks to it over HTTP; nothing
in the client is patched."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

BUCKET = "warta-media"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    server = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or shutil.which("moto_server")
    if server is None:
        pytest.fail("moto_server is not installed: run scripts/test.sh (pip install -e '.[test]').")
    port = _free_port()
    process = subprocess.Popen([server, "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("moto_server did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def store_repo(sample_repo: Path, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample repository with a media store configured, credentials set, a fresh bucket."""
    import boto3

    monkeypatch.setenv("WARTA_S3_ACCESS_KEY", "uji-akses")
    monkeypatch.setenv("WARTA_S3_SECRET_KEY", "uji-rahasia")
    bucket = f"{BUCKET}-{os.getpid()}-{time.time_ns()}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="uji-akses",
                 aws_secret_access_key="uji-rahasia").create_bucket(Bucket=bucket)
    province = sample_repo / "roster/_province.yml"
    province.write_text(province.read_text(encoding="utf-8") + (
        f"media_store:\n  endpoint: {s3_endpoint}\n  bucket: {bucket}\n"
        f"  public_base_url: https://media.example.go.id/{bucket}/\n"), encoding="utf-8")
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", sample_repo / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "site_templates", sample_repo / "site_templates")
    return sample_repo
