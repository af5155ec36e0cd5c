"""SolrCloud administration through the public APIs only (Configset, Collections, aliases).

Works against any SolrCloud: the local one `jobsearch solr start` runs, Docker `solr:9 -c`,
or a managed cluster. Physical collections are `<alias>_<timestamp>`; the alias is what
searches and indexing use, so a rebuild can swap it in one step.
"""
from __future__ import annotations

import hashlib
import io
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import requests

from searchapp.config import PROJECT_ROOT

CONFIG_DIR = PROJECT_ROOT / "solr_config" / "conf"


class SolrAdminError(Exception):
    """Solr refused or could not be reached; the message says which and why."""


def configset_zip(conf_dir: Path = CONFIG_DIR) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(conf_dir.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(conf_dir).as_posix())
    return buffer.getvalue()


def configset_name(conf_dir: Path = CONFIG_DIR) -> str:
    """Named by content, so a changed configset never alters collections built on the old one."""
    digest = hashlib.sha256()
    for path in sorted(conf_dir.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(conf_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return f"jobsearch-{digest.hexdigest()[:12]}"


def new_collection_name(alias: str) -> str:
    return f"{alias}_{datetime.now(timezone.utc).strftime('%Y%m%d%H%M%S%f')}"


class SolrAdmin:
    def __init__(self, base_url: str, timeout: float = 120):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()

    def _call(self, path: str, params: dict, data: bytes | None = None) -> dict:
        params = {**params, "wt": "json"}
        try:
            if data is None:
                response = self.http.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
            else:
                response = self.http.post(
                    f"{self.base_url}{path}", params=params, data=data, timeout=self.timeout,
                    headers={"Content-Type": "application/octet-stream"},
                )
        except requests.RequestException as exc:
            raise SolrAdminError(f"Solr at {self.base_url} is unreachable: {exc.__class__.__name__}") from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code != 200 or body.get("responseHeader", {}).get("status", 0) != 0:
            message = (body.get("error") or {}).get("msg") or body.get("exception", {}).get("msg") \
                or response.text[:300]
            raise SolrAdminError(f"Solr {params.get('action', path)} failed: {message}")
        return body

    # --- configsets ---
    def configsets(self) -> list[str]:
        return self._call("/admin/configs", {"action": "LIST"})["configSets"]

    def upload_configset(self, conf_dir: Path = CONFIG_DIR) -> str:
        """Upload the configset unless Solr already holds this exact content; returns its name."""
        name = configset_name(conf_dir)
        if name not in self.configsets():
            self._call("/admin/configs", {"action": "UPLOAD", "name": name}, data=configset_zip(conf_dir))
        return name

    # --- collections ---
    def cluster_status(self) -> dict:
        return self._call("/admin/collections", {"action": "CLUSTERSTATUS"})["cluster"]

    def collections(self) -> list[str]:
        return self._call("/admin/collections", {"action": "LIST"})["collections"]

    def create_collection(self, name: str, configset: str, shards: int = 1, replicas: int = 1) -> None:
        self._call("/admin/collections", {
            "action": "CREATE", "name": name, "numShards": shards, "replicationFactor": replicas,
            "collection.configName": configset, "waitForFinalState": "true",
        })
        self.wait_active(name)

    def wait_active(self, collection: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            states = self.replica_states(collection)
            if states and all(state == "active" for state in states):
                return
            time.sleep(0.5)
        raise SolrAdminError(f"collection {collection} has replicas that are not active after {timeout}s")

    def replica_states(self, collection: str) -> list[str]:
        cluster = self.cluster_status()
        status = cluster["collections"].get(collection, {})
        live = set(cluster["live_nodes"])
        return [
            replica["state"] if replica.get("node_name") in live else "down"
            for shard in status.get("shards", {}).values()
            for replica in shard.get("replicas", {}).values()
        ]

    def delete_collection(self, name: str) -> None:
        self._call("/admin/collections", {"action": "DELETE", "name": name})

    # --- aliases ---
    def aliases(self) -> dict[str, str]:
        return self._call("/admin/collections", {"action": "LISTALIASES"}).get("aliases", {})

    def alias_target(self, alias: str) -> str | None:
        return self.aliases().get(alias)

    def point_alias(self, alias: str, collection: str) -> None:
        """Create or move the alias in one step: searches switch atomically."""
        self._call("/admin/collections", {"action": "CREATEALIAS", "name": alias, "collections": collection})

    def delete_alias(self, alias: str) -> None:
        self._call("/admin/collections", {"action": "DELETEALIAS", "name": alias})

    # --- the whole set-up ---
    def init_alias(self, alias: str, shards: int = 1, replicas: int = 1) -> tuple[str, bool]:
        """Make sure `alias` points at a collection; returns (collection, created)."""
        current = self.alias_target(alias)
        if current and current in self.collections():
            return current, False
        collection = self.create_empty(alias, shards, replicas)
        self.point_alias(alias, collection)
        return collection, True

    def create_empty(self, alias: str, shards: int = 1, replicas: int = 1) -> str:
        """A new physical collection for `alias` from the project's configset (not yet aliased)."""
        configset = self.upload_configset()
        collection = new_collection_name(alias)
        try:
            self.create_collection(collection, configset, shards, replicas)
        except SolrAdminError:
            if collection in self._safe_collections():
                self.delete_collection(collection)
            raise
        return collection

    def _safe_collections(self) -> list[str]:
        try:
            return self.collections()
        except SolrAdminError:
            return []
