"""The `jobsearch` command line."""
from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

import click
import pysolr

from indexer import pipeline
from indexer.model import Posting
from searchapp.config import DEFAULT_PORT, Settings
from searchapp.solr.admin import SolrAdmin, SolrAdminError
from searchapp.solr.reindex import ReindexError, reindex
from searchapp.solr.local import LocalCluster, LocalSolrError, live_nodes


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """jobsearch: a job search engine on Apache Solr.

    Configuration comes from the environment: SOLR_URL, JOBSEARCH_COLLECTION,
    JOBSEARCH_STATE_DIR, JOBSEARCH_SOLR_TIMEOUT, JOBSEARCH_QUERY_TIMEOUT (see README).
    """
    ctx.obj = Settings.from_env()


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@main.group()
def solr() -> None:
    """Run a local SolrCloud and set up the collection."""


@solr.command()
@click.option("--nodes", default=1, show_default=True, type=click.IntRange(1, 9),
              help="Number of Solr nodes (one JVM each) to start.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1024, 64000),
              help="Port of the first node; the others take the next ports. ZooKeeper: port + 1000.")
@click.option("--heap", default="1g", show_default=True, help="Java heap per node.")
@click.pass_obj
def start(settings: Settings, nodes: int, port: int, heap: str) -> None:
    """Start a local SolrCloud in the background (first run fetches Solr from Maven Central)."""
    cluster = LocalCluster(settings.state_dir, heap=heap)
    try:
        cluster.start(nodes=nodes, port=port, echo=click.echo)
    except LocalSolrError as exc:
        fail(str(exc))
    for node in cluster.running_nodes():
        click.echo(f"{node.name}: {node.base_url} (pid {node.pid})")
    click.echo(f"ZooKeeper: {cluster.zk_address()}")
    click.echo(f"Logs and data: {cluster.root}")


@solr.command()
@click.pass_obj
def stop(settings: Settings) -> None:
    """Stop the local Solr nodes this project started (and only those)."""
    if LocalCluster(settings.state_dir).stop(echo=click.echo) == 0:
        click.echo("No local Solr is running.")


@solr.command()
@click.pass_obj
def status(settings: Settings) -> None:
    """Exit 0 only when the cluster answers and all its nodes are live."""
    cluster = LocalCluster(settings.state_dir)
    recorded = cluster.nodes()
    url = recorded[0].base_url if recorded else settings.solr_url
    try:
        live = live_nodes(url)
    except Exception as exc:  # any failure to answer means "not up"
        fail(f"Solr at {url} does not answer ({exc.__class__.__name__})")
    click.echo(f"Solr at {url}: {len(live)} live node(s): {', '.join(sorted(live))}")
    missing = [n for n in recorded if f"127.0.0.1:{n.port}_solr" not in live]
    if missing:
        fail(f"not live: {', '.join(f'{n.name} (port {n.port})' for n in missing)}")


@solr.command()
@click.option("--shards", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--replicas", default=1, show_default=True, type=click.IntRange(1, 16))
@click.pass_obj
def init(settings: Settings, shards: int, replicas: int) -> None:
    """Upload the configset and create the collection behind the alias, if missing."""
    admin = SolrAdmin(settings.solr_url, settings.solr_timeout)
    try:
        collection, created = admin.init_alias(settings.collection, shards, replicas)
    except SolrAdminError as exc:
        fail(str(exc))
    state = "created" if created else "already existed"
    click.echo(f"alias {settings.collection} -> collection {collection} ({state})")


# --- indexing ------------------------------------------------------------------------------
EXIT_REJECTS = 3

sources_argument = click.argument("sources", nargs=-1, required=True)


def rejects_option(function):
    return click.option(
        "--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="Where to write rejected inputs as JSON Lines [default: STATE_DIR/rejects/<time>.jsonl].",
    )(function)


def default_rejects_path(settings: Settings) -> Path:
    return settings.state_dir / "rejects" / f"{datetime.now().strftime('%Y%m%d-%H%M%S')}.jsonl"


def finish(summary) -> None:
    click.echo(summary.text(), err=True)
    if summary.rejected:
        sys.exit(EXIT_REJECTS)


@main.command()
@sources_argument
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Parsing processes [default: cores].")
def parse(sources: tuple[str, ...], workers: int | None) -> None:
    """Print the postings parsed from SOURCES as JSON Lines, without touching Solr.

    SOURCES are files, directories (read recursively) or http(s) URLs. Rejected inputs are
    reported on stderr. Exit status 3 when anything was rejected.
    """
    rejected = 0
    for item in pipeline.parse(sources, workers=workers):
        if isinstance(item, Posting):
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            rejected += 1
            click.echo(f"rejected: {item.source}: {item.reason}: {item.detail}", err=True)
    if rejected:
        sys.exit(EXIT_REJECTS)


@main.command("index")
@sources_argument
@rejects_option
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Parsing processes [default: cores].")
@click.pass_obj
def index_command(settings: Settings, sources, rejects_path, workers) -> None:
    """Add or update the postings from SOURCES in the live collection.

    Exit status: 0 all indexed, 3 some inputs rejected (see the summary), 1 failure.
    """
    admin = SolrAdmin(settings.solr_url, settings.solr_timeout)
    try:
        admin.init_alias(settings.collection)
        solr = pysolr.Solr(f"{settings.solr_url}/{settings.collection}", timeout=settings.solr_timeout)
        summary = pipeline.index(sources, solr, rejects_path=rejects_path or default_rejects_path(settings),
                                 workers=workers, progress=True)
    except (SolrAdminError, pysolr.SolrError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted before the final commit; run the same command again to finish")
    finish(summary)


@main.command("reindex")
@sources_argument
@rejects_option
@click.option("--shards", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--replicas", default=1, show_default=True, type=click.IntRange(1, 16))
@click.pass_obj
def reindex_command(settings: Settings, sources, rejects_path, shards, replicas) -> None:
    """Rebuild the index from SOURCES into a new collection and swap the alias to it.

    Searches keep being served by the old collection until the new one is complete; on any
    failure or Ctrl-C the new collection is deleted and nothing changes.
    Exit status: 0 all indexed, 3 some inputs rejected, 1 failure (the old index still serves).
    """
    admin = SolrAdmin(settings.solr_url, settings.solr_timeout)
    try:
        summary = reindex(admin, settings.collection, sources, shards=shards, replicas=replicas,
                          rejects_path=rejects_path or default_rejects_path(settings), progress=True,
                          echo=lambda line: click.echo(line, err=True))
    except (SolrAdminError, ReindexError, pysolr.SolrError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted; the new collection was deleted and the alias is unchanged")
    finish(summary)


@main.command("demo-data")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--count", default=400, show_default=True, type=click.IntRange(1, 100_000),
              help="How many postings to generate.")
def demo_data(path: Path, count: int) -> None:
    """Write the demo postings (generated deterministically, dated relative to today) as JSON Lines."""
    from indexer.demo import write_demo_postings

    path.parent.mkdir(parents=True, exist_ok=True)
    written = write_demo_postings(path, count)
    click.echo(f"wrote {written} demo postings to {path}")


# --- the web app ---------------------------------------------------------------------------
@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="gunicorn worker processes (about one per core).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Threads per worker: requests mostly wait on Solr.")
@click.option("--dev", is_flag=True, help="Flask's reloading development server instead of gunicorn.")
def serve(host: str, port: int, workers: int, threads: int, dev: bool) -> None:
    """Serve the search page and the JSON API (gunicorn; see README for deployment)."""
    if dev:
        from searchapp.app import create_app

        create_app().run(host=host, port=port, debug=True)
        return
    command = [sys.executable, "-m", "gunicorn", "--preload", "--workers", str(workers),
               "--worker-class", "gthread", "--threads", str(threads),
               "--bind", f"{host}:{port}", "--limit-request-line", "16384", "--access-logfile", "-",
               "searchapp.wsgi:app"]
    click.echo(f"serving http://{host}:{port}/ (Ctrl-C stops)", err=True)
    os.execv(sys.executable, command)
