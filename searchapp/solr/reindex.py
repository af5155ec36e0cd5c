"""Rebuild the index without downtime: fill a new collection, check it, swap the alias.

The alias keeps pointing at the old collection, which keeps serving, until the new one holds
exactly what was indexed; then CREATEALIAS moves it in one step and the old collection goes.
On any failure or Ctrl-C the new collection is deleted and the alias is left as it was.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pysolr

from indexer.pipeline import Summary, index
from searchapp.solr.admin import SolrAdmin, SolrAdminError


class ReindexError(Exception):
    pass


def reindex(admin: SolrAdmin, alias: str, inputs: Iterable[str], *, shards: int = 1, replicas: int = 1,
            rejects_path: Path | None = None, progress: bool = False,
            echo: Callable[[str], None] = print) -> Summary:
    old = admin.alias_target(alias)
    new = admin.create_empty(alias, shards, replicas)
    echo(f"building {new} (the alias {alias} stays on {old or 'nothing'} until it is ready)")
    try:
        solr = pysolr.Solr(f"{admin.base_url}/{new}", timeout=admin.timeout)
        summary = index(inputs, solr, rejects_path=rejects_path, progress=progress)
        if summary.indexed == 0:
            raise ReindexError("no posting was indexed; the alias was left as it was")
        found = solr.search("*:*", rows=0).hits
        if found != summary.indexed:
            raise ReindexError(f"{new} holds {found} postings, {summary.indexed} were indexed")
        admin.point_alias(alias, new)
    except BaseException:
        try:
            admin.delete_collection(new)
        except SolrAdminError:
            pass
        raise
    echo(f"alias {alias} -> {new}")
    if old and old != new:
        admin.delete_collection(old)
        echo(f"deleted {old}")
    return summary
