"""Real SPARQL servers on loopback for the remote-store tests and benchmarks: the Oxigraph
server (the binary the `oxigraph` package ships) and Virtuoso Open Source 7 (Debian's
virtuoso-opensource-7-bin, installed by `make install-test`)."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from graph.store.remote import VIRTUOSO_SETUP

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "policykg", "policykg-test"

# Paths absolute, ports on 127.0.0.1 only. ResultSetMaxRows is set on purpose (Virtuoso's
# default of 10,000 cuts answers silently); the store must report a cut answer, never use it.
# DefaultIsolation 4 (repeatable read): at the default, read committed, a query's scan may
# cross the commit of a document's update and see it half old, half new.
VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
NumberOfBuffers    = {buffers}
MaxDirtyBuffers    = {dirty}
DirsAllowed        = ., {dir}{extra_dirs}
CheckpointInterval = 60
DefaultIsolation   = 4

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
ServerThreads        = 10
MaxClientConnections = 10
EnabledDavVSP        = 0

[SPARQL]
ResultSetMaxRows           = {max_rows}
MaxQueryExecutionTime      = 120
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


@contextlib.contextmanager
def oxigraph(folder: Path, read_only: bool = False):
    """An Oxigraph server on ``folder``; yields its policykg store address."""
    port = free_port()
    command = "serve-read-only" if read_only else "serve"
    process = subprocess.Popen([OXIGRAPH, command, "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@contextlib.contextmanager
def virtuoso(folder: Path, max_rows: int = 1_000_000, buffers: int = 170_000, load: Path | None = None,
             graph_group: bool = True):
    """Virtuoso 7 with a database in ``folder``, a writer user granted SPARQL_UPDATE (the graph
    store at /sparql-graph-crud-auth takes Digest authentication) and the graph group that is
    policykg's default graph (``graph.store.remote.VIRTUOSO_SETUP``). ``load``: N-Quads to bulk
    load with ld_dir/rdf_loader_run first; ``graph_group=False`` leaves the group out.
    Yields (store address, user, password)."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows,
                                       extra_dirs=f", {Path(load).resolve().parent}" if load else "",
                                       buffers=buffers, dirty=buffers * 3 // 4), encoding="utf-8")
    process = subprocess.Popen([shutil.which("virtuoso-t") or "virtuoso-t", "+configfile", str(ini), "+foreground"],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(http_port, process)
        wait_for(sql_port, process)
        statements = [f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}')",
                      f'GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}"',
                      f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{VIRTUOSO_USER}', 3)",
                      *(VIRTUOSO_SETUP if graph_group else [])]
        if load is not None:
            statements += [f"ld_dir('{Path(load).resolve().parent}', '{Path(load).name}', 'urn:unused')",
                           "rdf_loader_run()", "checkpoint"]
        isql(sql_port, statements)
        yield f"virtuoso+http://127.0.0.1:{http_port}", VIRTUOSO_USER, VIRTUOSO_PASSWORD
    finally:
        with contextlib.suppress(Exception):
            isql(sql_port, ["shutdown"], timeout=30)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(30)
        if process.poll() is None:
            process.kill()
            process.wait()


def isql(port: int, statements: list[str], timeout: float = 3600) -> None:
    script = "".join(f"{s};\n" for s in statements)
    result = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba"], input=script, text=True,
                            capture_output=True, timeout=timeout)
    if "*** Error" in result.stdout + result.stderr:
        raise RuntimeError(f"isql: {result.stdout[-1000:]} {result.stderr[-1000:]}")
