"""An S3-compatible object store for photos and videos, under content-addressed keys.

Configured in roster/_province.yml:

    media_store:
      endpoint: https://s3.example.go.id
      bucket: warta-media
      public_base_url: https://media.example.go.id/warta-media/
      region: us-east-1          # optional

Credentials come from the environment (WARTA_S3_ACCESS_KEY, WARTA_S3_SECRET_KEY); without
them reads are unsigned (a public-read bucket) and writes fail with a clear message.
Keys are `<agency>/sha256/<hex><ext>`: the agency prefix lets a presigned upload be limited
to one agency, the hash makes an object immutable and the build reproducible.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.errors import WartaError
from warta.media.lock import LockEntry

ACCESS_ENV, SECRET_ENV = "WARTA_S3_ACCESS_KEY", "WARTA_S3_SECRET_KEY"
KEY = re.compile(r"^(?P<agency>[a-z0-9-]+)/sha256/(?P<hex>[0-9a-f]{64})(?P<ext>\.[a-z0-9]{1,5})$")
PRESIGN_SECONDS = 600


class StoreError(WartaError):
    """A store problem in Indonesian for staff; a subclass of WartaError, so one shard fails."""


@dataclass(frozen=True)
class StoreConfig:
    endpoint: str
    bucket: str
    public_base_url: str
    region: str = "us-east-1"


def store_config(settings: dict[str, Any] | None) -> StoreConfig | None:
    """The province's `media_store` mapping as a config; None when no store is configured."""
    if not settings or not settings.get("endpoint") or not settings.get("bucket"):
        return None
    return StoreConfig(endpoint=str(settings["endpoint"]), bucket=str(settings["bucket"]),
                       public_base_url=str(settings.get("public_base_url") or ""),
                       region=str(settings.get("region") or "us-east-1"))


def object_key(agency: str, sha256: str, suffix: str) -> str:
    return f"{agency}/sha256/{sha256}{suffix.lower()}"


class MediaStore:
    """The production client (boto3) for any S3-compatible endpoint."""

    def __init__(self, config: StoreConfig) -> None:
        import boto3
        from botocore import UNSIGNED
        from botocore.config import Config

        self.config = config
        access, secret = os.environ.get(ACCESS_ENV), os.environ.get(SECRET_ENV)
        self.signed = bool(access and secret)
        boto_config = Config(signature_version="s3v4" if self.signed else UNSIGNED,
                             s3={"addressing_style": "path"}, retries={"max_attempts": 3},
                             connect_timeout=10, read_timeout=60,
                             # Checksums only where S3 requires them: other S3-compatible servers
                             # reject the newer default ones; the manifest's sha256 is verified anyway.
                             request_checksum_calculation="when_required",
                             response_checksum_validation="when_required")
        self.client = boto3.client("s3", endpoint_url=config.endpoint, region_name=config.region,
                                   aws_access_key_id=access, aws_secret_access_key=secret,
                                   config=boto_config)

    def _need_credentials(self) -> None:
        if not self.signed:
            raise StoreError(f"Kunci penyimpanan media belum diatur. Isi variabel lingkungan {ACCESS_ENV} "
                             f"dan {SECRET_ENV} (minta ke admin Diskominfotik).")

    def put(self, key: str, data: bytes, content_type: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        self._need_credentials()
        try:
            self.client.put_object(Bucket=self.config.bucket, Key=key, Body=data, ContentType=content_type)
        except (BotoCoreError, ClientError) as exc:
            raise StoreError(f"Gagal mengunggah ke penyimpanan media {self.config.endpoint}: {exc}. "
                             "Periksa koneksi dan kunci penyimpanan, lalu ulangi.") from None

    def get(self, key: str) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            response = self.client.get_object(Bucket=self.config.bucket, Key=key)
            return bytes(response["Body"].read())
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404", "NotFound"):
                raise StoreError(f"Berkas `{key}` tidak ada di penyimpanan media ({self.config.bucket}). "
                                 "Unggah ulang foto/videonya dengan `warta media add`.") from None
            raise StoreError(f"Gagal membaca `{key}` dari penyimpanan media: {code or exc}.") from None
        except BotoCoreError as exc:
            raise StoreError(f"Penyimpanan media {self.config.endpoint} tidak dapat dihubungi: {exc}.") from None

    def presigned_put(self, agency: str, key: str, content_type: str,
                      seconds: int = PRESIGN_SECONDS) -> str:
        """A short-lived upload URL for one object of `agency`'s prefix, and no other.

        The prefix limit is enforced here, where the URL is made: the signature covers the
        exact key, so the holder cannot write anywhere else."""
        match = KEY.match(key)
        if match is None or match["agency"] != agency:
            raise StoreError(f"Kunci `{key}` bukan milik {agency}: unggahan hanya boleh ke "
                             f"`{agency}/sha256/…`.")
        self._need_credentials()
        url: str = self.client.generate_presigned_url(
            "put_object", Params={"Bucket": self.config.bucket, "Key": key, "ContentType": content_type},
            ExpiresIn=seconds)
        return url

    def public_url(self, key: str) -> str:
        return self.config.public_base_url.rstrip("/") + "/" + key


def fetch_original(store: MediaStore, entry: LockEntry, cache_dir: Path, rel: str) -> Path:
    """The entry's bytes as a local file under cache_dir, verified against the manifest's sha256.

    A cached copy is re-verified too (a damaged cache is fetched again); bytes from the store
    that do not match fail with a message naming the post's photo and the manifest."""
    suffix = Path(entry.file).suffix.lower()
    target = cache_dir / f"{entry.sha256}{suffix}"
    if target.is_file() and _file_sha256(target) == entry.sha256:
        return target
    data = store.get(entry.key)
    actual = hashlib.sha256(data).hexdigest()
    if actual != entry.sha256:
        raise StoreError(f"Berkas `{entry.file}` di penyimpanan media ({entry.key}) tidak sama dengan yang "
                         f"disetujui di {rel}: sha256 {actual[:12]}…, seharusnya {entry.sha256[:12]}…. "
                         "Berkas di penyimpanan berubah atau rusak; unggah ulang foto/videonya dengan "
                         "`warta media add` dan minta persetujuan lagi.")
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def _file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()
