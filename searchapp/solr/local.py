"""A local SolrCloud cluster, as `bin/solr start -c` would run it, built from Maven Central.

One JVM per node (`solr_launcher/`, a `JettySolrRunner` over a persistent solr home). The first
node runs Solr's embedded ZooKeeper (`-DzkRun`, client port = node port + 1000); the others join
it with `-DzkHost`. Homes, logs and the record of started processes live in the state directory,
so the index survives `stop` and `start`.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import requests

from searchapp.config import PROJECT_ROOT

LAUNCHER_DIR = PROJECT_ROOT / "solr_launcher"
LAUNCHER_JAR = LAUNCHER_DIR / "target" / "solr-launcher-1.0.jar"
LAUNCHER_LIB = LAUNCHER_DIR / "target" / "lib"
NODE_CLASS = "jobsearch.solr.Node"
ZK_PORT_OFFSET = 1000
START_TIMEOUT_S = 120

SOLR_XML = """<?xml version="1.0" encoding="UTF-8" ?>
<solr>
  <str name="coreRootDirectory">${coreRootDirectory:.}</str>
  <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
    <int name="socketTimeout">${socketTimeout:600000}</int>
    <int name="connTimeout">${connTimeout:60000}</int>
  </shardHandlerFactory>
  <solrcloud>
    <str name="host">127.0.0.1</str>
    <int name="hostPort">${hostPort:8983}</int>
    <str name="hostContext">${hostContext:solr}</str>
    <bool name="genericCoreNodeNames">true</bool>
    <int name="zkClientTimeout">${zkClientTimeout:30000}</int>
    <int name="distribUpdateSoTimeout">600000</int>
    <int name="distribUpdateConnTimeout">60000</int>
  </solrcloud>
</solr>
"""

ZOO_CFG = """tickTime=2000
initLimit=10
syncLimit=5
clientPort={port}
4lw.commands.whitelist=mntr,conf,ruok
admin.enableServer=false
"""


class LocalSolrError(Exception):
    """A problem the user can act on; the CLI prints it as one line."""


@dataclass
class NodeRecord:
    name: str
    port: int
    pid: int
    home: str

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/solr"


class LocalCluster:
    def __init__(self, state_dir: Path, heap: str = "1g"):
        self.root = Path(state_dir).resolve() / "solr"  # absolute: each node runs in its own home
        self.heap = heap
        self.record_file = self.root / "cluster.json"

    # --- the record of what we started -------------------------------------------------
    def nodes(self) -> list[NodeRecord]:
        if not self.record_file.exists():
            return []
        data = json.loads(self.record_file.read_text())
        return [NodeRecord(**n) for n in data["nodes"]]

    def zk_address(self) -> str | None:
        nodes = self.nodes()
        return f"127.0.0.1:{nodes[0].port + ZK_PORT_OFFSET}" if nodes else None

    def _save(self, nodes: list[NodeRecord]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.record_file.write_text(json.dumps({"nodes": [asdict(n) for n in nodes]}, indent=2))

    def running_nodes(self) -> list[NodeRecord]:
        return [n for n in self.nodes() if _is_our_process(n.pid, n.home)]

    # --- start ---------------------------------------------------------------------------
    def start(self, nodes: int = 1, port: int = 8983, echo=print) -> list[NodeRecord]:
        running = self.running_nodes()
        if running:
            echo(f"Solr is already running: {', '.join(n.base_url for n in running)}")
            return running
        java = _require("java", "Java 17+ is needed to run Solr")
        ensure_launcher(echo)
        ports = [port + i for i in range(nodes)]
        for p in ports + [port + ZK_PORT_OFFSET]:
            if _port_in_use(p):
                raise LocalSolrError(f"port {p} is already in use; choose another with --port")
        started: list[NodeRecord] = []
        try:
            zk_host = f"127.0.0.1:{port + ZK_PORT_OFFSET}"
            for i, p in enumerate(ports, start=1):
                record = self._spawn(java, f"node{i}", p, zk_host if i > 1 else None)
                started.append(record)
                self._save(started)
                if i == 1:  # ZooKeeper lives in node 1: the others need it up first
                    self._wait_ready(record)
            for record in started[1:]:
                self._wait_ready(record)
            wait_live_nodes(started[0].base_url, len(started))
        except BaseException:
            self.stop(echo=lambda *_: None)
            raise
        return started

    def _spawn(self, java: str, name: str, port: int, zk_host: str | None) -> NodeRecord:
        home = self.root / name
        home.mkdir(parents=True, exist_ok=True)
        (home / "solr.xml").write_text(SOLR_XML)
        cloud = ["-DzkHost=" + zk_host] if zk_host else ["-DzkRun"]
        if not zk_host:
            (home / "zoo.cfg").write_text(ZOO_CFG.format(port=port + ZK_PORT_OFFSET))
        log_dir = self.root / "logs"
        log_dir.mkdir(exist_ok=True)
        cmd = [
            java,
            "-Xms256m",
            f"-Xmx{self.heap}",
            *cloud,
            f"-Dsolr.log.dir={log_dir}",
            "-DmetricsEnabled=true",
            "-Dsolr.zk.embedded.host=127.0.0.1",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=exclude,com.github.benmanes.caffeine.cache.BoundedLocalCache::put",
            "-cp",
            f"{LAUNCHER_JAR}{os.pathsep}{LAUNCHER_LIB}/*",
            NODE_CLASS,
            str(home),
            str(port),
        ]
        log = open(log_dir / f"{name}.log", "wb")
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=home,
        )
        log.close()
        return NodeRecord(name=name, port=port, pid=proc.pid, home=str(home))

    def _wait_ready(self, record: NodeRecord) -> None:
        log = self.root / "logs" / f"{record.name}.log"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace") if log.exists() else ""
            if "READY " in text:
                return
            if not _pid_alive(record.pid) or "FAILED " in text:
                raise LocalSolrError(f"Solr {record.name} on port {record.port} failed to start; see {log}")
            time.sleep(0.25)
        raise LocalSolrError(f"Solr {record.name} did not come up in {START_TIMEOUT_S}s; see {log}")

    # --- stop ----------------------------------------------------------------------------
    def stop(self, echo=print) -> int:
        """Stop exactly the processes we recorded, ZooKeeper's node last. Returns how many."""
        nodes = self.running_nodes()
        for record in reversed(nodes):
            os.kill(record.pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while _pid_alive(record.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _pid_alive(record.pid):
                os.kill(record.pid, signal.SIGKILL)
            echo(f"stopped {record.name} (pid {record.pid}, port {record.port})")
        if self.record_file.exists():
            self.record_file.unlink()
        return len(nodes)


@contextlib.contextmanager
def throwaway_node(state_dir: Path, port: int, heap: str = "1g"):
    """A fresh one-node cluster for a test session or a benchmark run; yields its base URL.

    Whatever an interrupted earlier run left in `state_dir` is stopped and wiped first.
    """
    cluster = LocalCluster(state_dir, heap=heap)
    cluster.stop(echo=lambda *_: None)
    shutil.rmtree(cluster.root, ignore_errors=True)
    nodes = cluster.start(nodes=1, port=port, echo=lambda *_: None)
    try:
        yield nodes[0].base_url
    finally:
        cluster.stop(echo=lambda *_: None)


# --- building the launcher ------------------------------------------------------------------
def launcher_is_built() -> bool:
    if not LAUNCHER_JAR.exists() or not LAUNCHER_LIB.is_dir():
        return False
    built = LAUNCHER_JAR.stat().st_mtime
    sources = [LAUNCHER_DIR / "pom.xml", *LAUNCHER_DIR.glob("src/**/*")]
    return all(s.stat().st_mtime <= built for s in sources if s.is_file())


def ensure_launcher(echo=print) -> None:
    """Resolve Solr's jars from Maven Central and compile the launcher, once."""
    if launcher_is_built():
        return
    mvn = _require("mvn", "Maven is needed once, to fetch Solr's jars from Maven Central")
    echo("Building the Solr launcher (first run: resolves Solr 9 jars from Maven Central)...")
    shutil.rmtree(LAUNCHER_LIB, ignore_errors=True)
    cmd = [mvn, "-q", "-B", "-f", str(LAUNCHER_DIR / "pom.xml"), "package",
           "dependency:copy-dependencies", "-DincludeScope=runtime",
           f"-DoutputDirectory={LAUNCHER_LIB}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise LocalSolrError("building the Solr launcher failed: " + " | ".join(tail))
    LAUNCHER_JAR.touch()


# --- cluster health ---------------------------------------------------------------------------
def live_nodes(base_url: str, timeout: float = 5) -> list[str]:
    response = requests.get(
        f"{base_url}/admin/collections", params={"action": "CLUSTERSTATUS", "wt": "json"},
        timeout=timeout,
    )
    response.raise_for_status()
    return response.json()["cluster"]["live_nodes"]


def wait_live_nodes(base_url: str, count: int, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        try:
            seen = live_nodes(base_url)
            if len(seen) >= count:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise LocalSolrError(f"only {len(seen)} of {count} Solr nodes became live in {timeout}s")


# --- processes ---------------------------------------------------------------------------------
def _require(program: str, why: str) -> str:
    path = shutil.which(program)
    if not path:
        raise LocalSolrError(f"'{program}' was not found on PATH: {why}")
    return path


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child (we started it in this process) counts as gone
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return True


def _is_our_process(pid: int, home: str) -> bool:
    """The recorded pid is still the node we started, not a reused pid."""
    if not _pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return NODE_CLASS.encode() in cmdline and home.encode() in cmdline
