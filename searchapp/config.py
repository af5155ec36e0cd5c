"""Configuration, read from the environment in one place.

| variable | default | meaning |
|---|---|---|
| SOLR_URL | http://127.0.0.1:8983/solr | any SolrCloud node's base URL |
| JOBSEARCH_COLLECTION | jobs | the alias searches and indexing go through |
| JOBSEARCH_STATE_DIR | <checkout>/var | local Solr's homes, logs, pids, the launcher build |
| JOBSEARCH_SOLR_TIMEOUT | 120 | seconds for admin and indexing requests |
| JOBSEARCH_QUERY_TIMEOUT | 5 | seconds for the web app's queries; past it: HTTP 503 |
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PORT = 8983


@dataclass(frozen=True)
class Settings:
    solr_url: str
    collection: str
    state_dir: Path
    solr_timeout: float
    query_timeout: float

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            solr_url=env.get("SOLR_URL", f"http://127.0.0.1:{DEFAULT_PORT}/solr").rstrip("/"),
            collection=env.get("JOBSEARCH_COLLECTION", "jobs"),
            state_dir=Path(env.get("JOBSEARCH_STATE_DIR", PROJECT_ROOT / "var")),
            solr_timeout=float(env.get("JOBSEARCH_SOLR_TIMEOUT", "120")),
            query_timeout=float(env.get("JOBSEARCH_QUERY_TIMEOUT", "5")),
        )
