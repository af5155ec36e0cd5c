"""The `jobsearch` command line."""
from __future__ import annotations

import sys

import click

from searchapp.config import DEFAULT_PORT, Settings
from searchapp.solr.admin import SolrAdmin, SolrAdminError
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
        if cluster.running_nodes():
            click.echo("Solr is already running.")
        else:
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
