"""A SPARQL 1.1 Protocol endpoint over the embedded store, with a query page.

Every query runs in a forked child process that opens the newest checkpoint of the store
(``graph/store/checkpoints.py``): builds, and updates with --allow-update, publish
checkpoints as they write, so a query sees what a running build has stored seconds ago,
never blocks it, and never opens a store its writer is compacting. The child is bounded: a
query over the time limit is ended by killing it, and its address space is capped
(``--max-memory``), so one query cannot take the machine's memory; both answer 503. Each
query runs once, its answer read up to one row past the size limit.
With --allow-update a writer process opens the store for each update only, so builds can
run between updates; an update that meets a running build answers 503 with Retry-After.

What the endpoint will not do for an anonymous client:
- fetch other servers: ``SERVICE`` is refused unless the operator named the endpoint
  (``--allow-service``), since a query could otherwise reach any internal address;
- answer other sites' pages: no CORS header unless the operator names origins (``--cors``);
- read a body it does not need: bodies over ``--max-body`` get 413, a missing, negative or
  malformed length 411/400, and any body left unread closes the connection (no request
  smuggled into the next one);
- queue without end: at most ``--workers`` queries run at once and ``--queue`` wait (up to
  the time limit); beyond that the answer is 503 with Retry-After, never a reset.
Updates are refused (403) unless the operator allowed them and the request carries the
operator's token.
"""
from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import re
import resource
import secrets
import signal
import socket
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from queries.results import header, named_queries
from queries.sparql_text import Refused, check_services

from ..store.base import StoreError
from ..store.checkpoints import Checkpoints, WriterBusy
from ..store.embedded import has_merged_default_graph

SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml",
           "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
           "ntriples": "application/n-triples", "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml",
           "text/plain": "application/n-triples", "application/x-turtle": "text/turtle"}


@dataclass(frozen=True)
class Settings:
    store: str
    timeout: float = 30.0
    max_results: int = 100_000
    allow_update: bool = False
    token: str | None = None
    max_memory: int = 1024          # MB of new address space a query's process may take
    max_body: int = 1 << 20         # bytes of a request body
    services: tuple[str, ...] = ()  # SERVICE endpoints queries may name
    cors: tuple[str, ...] = ()      # origins answered with Access-Control-Allow-Origin ("*": any)
    workers: int = max(2, os.cpu_count() or 2)  # queries running at once
    queue: int = 32                 # queries waiting for a worker
    connections: int = 512          # connections served at once


class QueryFailed(Exception):
    """A query the endpoint answers with an error: HTTP status and a one-line message."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def accepted(header_value: str | None) -> list[str]:
    """Media types from an Accept header, best first (q-values honoured, order kept on ties)."""
    if not header_value:
        return []
    ranked = []
    for position, part in enumerate(header_value.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0 and fields[0]:
            ranked.append((-quality, position, fields[0].lower()))
    return [ALIASES.get(t, t) for _, _, t in sorted(ranked)]


def choose(kinds: dict, default: str, accept: list[str]) -> str | None:
    """The media type to answer with, or None when none acceptable is on offer."""
    if not accept:
        return default
    for wanted in accept:
        if wanted in kinds:
            return wanted
        if wanted in ("*/*", "application/*", "text/*") or wanted.endswith("/*"):
            prefix = wanted.split("/")[0]
            return default if prefix in ("*", default.split("/")[0]) else next(
                (k for k in kinds if k.startswith(prefix + "/")), default)
    return None


def _term_json(term) -> dict:
    """A pyoxigraph term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def solutions_json(variables: list[str], rows: list) -> bytes:
    """SELECT rows (pyoxigraph solutions, already read) as SPARQL results JSON."""
    bindings = []
    for row in rows:
        bindings.append({name: _term_json(row[name]) for name in variables if row[name] is not None})
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode()


def dataset_options(params: dict) -> dict:
    """pyoxigraph query options for the protocol's default-graph-uri / named-graph-uri:
    without them the default graph is the store's, the merge of the documents' graphs."""
    default = [ox.NamedNode(g) for g in params.get("default-graph-uri", [])]
    named = [ox.NamedNode(g) for g in params.get("named-graph-uri", [])]
    options: dict = {}
    if default:
        options["default_graph"] = default
    if named:
        options["named_graphs"] = named
    return options


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def service_description(endpoint: str, settings: Settings) -> list:
    """What the endpoint offers, in the SPARQL 1.1 Service Description vocabulary."""
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode("dataset"), ox.BlankNode("default")
    out = [ox.Triple(service, a, sd("Service")), ox.Triple(service, sd("endpoint"), service),
           ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
           ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
           ox.Triple(service, sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
           ox.Triple(service, sd("defaultDataset"), dataset), ox.Triple(dataset, a, sd("Dataset")),
           ox.Triple(dataset, sd("defaultGraph"), default), ox.Triple(default, a, sd("Graph"))]
    if settings.allow_update:
        out.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    if settings.services:
        out.append(ox.Triple(service, sd("feature"), sd("BasicFederatedQuery")))
    out += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS]
    return out


def _cap_memory(megabytes: int) -> None:
    """Cap this process's address space at what it holds now plus ``megabytes``: what the
    fork inherited (the server's threads' stacks) is not the query's to pay for."""
    if megabytes <= 0:
        return
    try:
        with open("/proc/self/status") as status:
            held = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        held = 0
    limit = held + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_query(store_path: str, sparql: str, accept: list[str], max_results: int, options: dict,
              max_memory: int, conn) -> None:
    """In the child: cap memory, run the query once, read at most one row past the size
    limit, serialise; send (status, media type, body) back."""
    try:
        with Checkpoints(store_path).reading() as snapshot:
            _answer(ox.Store.read_only(snapshot), sparql, accept, max_results, options, max_memory, conn)
    except MemoryError:
        conn.send((503, "text/plain", f"query stopped: it needed more than the memory limit of {max_memory} MB".encode()))
    except StoreError as err:  # being written, with no checkpoint to read yet
        conn.send((503, "text/plain", f"query failed: {public_reason(err)}".encode()))
    except Exception as err:  # the child must always answer
        conn.send((500, "text/plain", f"query failed: {public_reason(err)}".encode()))
    finally:
        conn.close()


def _answer(store: ox.Store, sparql: str, accept: list[str], max_results: int, options: dict,
            max_memory: int, conn) -> None:
    """Run the query on ``store`` and send its answer, serialised as the client accepts."""
    if "default_graph" not in options and not has_merged_default_graph(store):
        options = {**options, "use_default_graph_as_union": True}  # a store built before the merge was kept
    _cap_memory(max_memory)  # after the open: RocksDB's own threads and tables are not the query's
    try:
        result = store.query(sparql, **options)
    except SyntaxError as err:
        conn.send((400, "text/plain", f"malformed query: {str(err).splitlines()[0]}".encode()))
        return
    if isinstance(result, ox.QueryBoolean):
        media = choose(SELECT_TYPES, "application/sparql-results+json", accept)
        if media is None:
            conn.send((406, "text/plain", b"not acceptable: ASK answers in SPARQL results JSON, XML, CSV or TSV"))
            return
        conn.send((200, media, result.serialize(format=SELECT_TYPES[media])))
        return
    graph = isinstance(result, ox.QueryTriples)
    kinds, default = (GRAPH_TYPES, "text/turtle") if graph else (SELECT_TYPES, "application/sparql-results+json")
    media = choose(kinds, default, accept)
    if media is None:
        conn.send((406, "text/plain", f"not acceptable: this query answers in {', '.join(kinds)}".encode()))
        return
    variables = [] if graph else [v.value for v in result.variables]
    rows = []
    for item in result:
        rows.append(item)
        if len(rows) > max_results:
            conn.send((413, "text/plain", f"result too large: more than {max_results} "
                                          f"{'triples' if graph else 'rows'}, the limit is {max_results} "
                                          f"(add a LIMIT)".encode()))
            return
    if graph:
        body = ox.serialize(rows, format=kinds[media])
    else:
        body = solutions_json(variables, rows)
        if media != "application/sparql-results+json":
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=kinds[media])
    conn.send((200, media, body))


STORE_TROUBLE = re.compile(r"Corruption|IO error|\.sst\b|MANIFEST|LOCK|No such file|Permission denied", re.I)


def public_reason(err: Exception) -> str:
    """What an anonymous client is told of a failure: never the server's paths or the
    database's file names (those go to the server's log)."""
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    if STORE_TROUBLE.search(text):
        print(f"policykg: query failed: {type(err).__name__}: {text}", file=sys.stderr, flush=True)
        return "the store could not be read (the server's log says why)"
    return re.sub(r"(?<![\w:/])/(?:[^\s/'\"]+/)*[^\s/'\"]*", "<path>", f"{type(err).__name__}: {text}")


class Busy(Exception):
    """No worker free and the waiting line full."""


class Gate:
    """At most ``workers`` queries run at once and ``queue`` wait for a turn, each at most
    ``wait`` seconds; anyone else is turned away at once (503) instead of piling up."""

    def __init__(self, workers: int, queue: int):
        self.workers, self.queue = workers, queue
        self.running = self.waiting = 0
        self.turn = threading.Condition()

    @contextmanager
    def slot(self, wait: float):
        with self.turn:
            if self.running >= self.workers:
                if self.waiting >= self.queue:
                    raise Busy()
                self.waiting += 1
                try:
                    deadline = time.monotonic() + wait
                    while self.running >= self.workers:
                        left = deadline - time.monotonic()
                        if left <= 0:
                            raise Busy()
                        self.turn.wait(left)
                finally:
                    self.waiting -= 1
            self.running += 1
        try:
            yield
        finally:
            with self.turn:
                self.running -= 1
                self.turn.notify()


def execute(settings: Settings, sparql: str, accept: list[str], options: dict | None = None) -> tuple[int, str, bytes]:
    """Run ``sparql`` in a child process within the time and memory limits."""
    return _run_child(settings, sparql, accept, options, time.monotonic() + settings.timeout)


def _run_child(settings, sparql, accept, options, deadline) -> tuple[int, str, bytes]:
    context = multiprocessing.get_context("fork")  # the server process holds no store open
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=run_query, daemon=True,
                            args=(settings.store, sparql, accept, settings.max_results,
                                  options or {}, settings.max_memory, send))
    child.start()
    send.close()
    try:
        if not receive.poll(max(0.0, deadline - time.monotonic())):
            raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"query timed out: it ran longer than the limit of {settings.timeout:g} s")
        return receive.recv()
    except EOFError:
        child.join(1)
        if child.exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL) and settings.max_memory > 0:
            raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE, "query stopped: it needed more than the memory "
                                                              f"limit of {settings.max_memory} MB") from None
        raise QueryFailed(HTTPStatus.INTERNAL_SERVER_ERROR, "query failed: its worker ended without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(1)
        receive.close()


def _write_loop(path: str, conn, servers_end) -> None:
    """The writer process: runs updates one at a time, each opening the store, publishing a
    checkpoint and closing it again, so that the store is not held between updates."""
    servers_end.close()  # so that the server's closing (or death) ends this loop
    checkpoints = Checkpoints(path)
    while True:
        try:
            sparql = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        try:
            conn.send(_update(path, checkpoints, sparql))
        except Exception as err:  # the writer must always answer
            conn.send(("error", f"update failed: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"))


BUSY_WRITING = "the store is being written (a build is running); try the update again when it ends"


def _update(path: str, checkpoints: Checkpoints, sparql: str) -> tuple[str, str]:
    """One update, as (status, detail): ok, busy, malformed or error."""
    try:
        with checkpoints.writing(wait=2.0):
            store = ox.Store(path)
            try:
                checkpoints.mark_dirty()
                try:
                    store.update(sparql)
                except SyntaxError as err:  # nothing was written
                    checkpoints.mark_clean()
                    return "malformed", f"malformed update: {str(err).splitlines()[0]}"
                store.update(REMERGE)  # the default graph stays the merge of the named graphs
                checkpoints.publish(store)
            finally:
                del store
            checkpoints.stamp()
            checkpoints.mark_clean()
    except WriterBusy:
        return "busy", BUSY_WRITING
    except OSError as err:
        if "LOCK" in str(err):
            return "busy", BUSY_WRITING
        raise
    return "ok", ""


# After an update: triples no named graph holds leave the default graph, those missing join
# it. Two scans of the store per update; updates are an operator's tool, not a bulk path.
REMERGE = ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n"
           "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }")


class Updater:
    """With --allow-update: a writer process (forked before the server's threads start, so
    the server process never opens the store and its query children copy no RocksDB state)
    runs updates one at a time; queries read the checkpoints each update publishes."""

    def __init__(self, path: str):
        context = multiprocessing.get_context("fork")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_write_loop, args=(path, theirs, self.conn), daemon=True)
        self.process.start()
        theirs.close()
        self.lock = threading.Lock()
        atexit.register(self.close)  # however the server ends (SIGTERM before its loop started, too)

    def update(self, sparql: str) -> None:
        with self.lock:
            try:
                self.conn.send(sparql)
                status, detail = self.conn.recv()
            except (EOFError, OSError):
                raise QueryFailed(HTTPStatus.INTERNAL_SERVER_ERROR, "update failed: the writer process ended") from None
        if status == "malformed":
            raise QueryFailed(HTTPStatus.BAD_REQUEST, detail)
        if status == "busy":
            raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE, detail, {"Retry-After": "5"})
        if status != "ok":
            raise QueryFailed(HTTPStatus.INTERNAL_SERVER_ERROR, detail)

    def close(self) -> None:
        if self.conn.closed:
            return
        self.conn.close()
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()


STATIC_TYPES = {".js": "application/javascript", ".css": "text/css", ".html": "text/html", ".txt": "text/plain"}


def page() -> bytes:
    return resources.files("graph.serve").joinpath("static", "index.html").read_bytes()


def static_file(name: str) -> tuple[str, bytes] | None:
    """A file of the page (YASGUI's script and style, served here so the page works offline),
    by its exact name in the package's static folder: nothing else is reachable."""
    folder = resources.files("graph.serve").joinpath("static")
    names = {item.name for item in folder.iterdir() if item.is_file()}
    suffix = os.path.splitext(name)[1]
    if name not in names or suffix not in STATIC_TYPES:
        return None
    return STATIC_TYPES[suffix], folder.joinpath(name).read_bytes()


def examples() -> list[dict]:
    """The named queries, offered on the page as ready examples."""
    return [{"name": name, "comment": header(text), "query": text} for name, text in sorted(named_queries().items())]


class BodyError(Exception):
    """A request body the endpoint will not read; the connection is closed after the answer."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def make_handler(settings: Settings, updater: Updater | None, gate: Gate):
    class Handler(BaseHTTPRequestHandler):
        server_version = "policykg-sparql"
        protocol_version = "HTTP/1.1"
        timeout = 30  # seconds a client may stay silent mid-request or between requests

        def log_message(self, fmt, *args):  # quiet: one line per request only with --verbose
            if getattr(self.server, "verbose", False):
                super().log_message(fmt, *args)

        # -- the request body: read only when wanted and small enough, never left for the next request
        def parse_request(self) -> bool:
            self.body_done = False
            return super().parse_request()

        def body_length(self) -> int:
            """The declared body length; BodyError when it is missing, malformed, negative or too large."""
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                raise BodyError(HTTPStatus.LENGTH_REQUIRED, "chunked bodies are not accepted: send Content-Length")
            given = self.headers.get_all("Content-Length") or []
            if not given:
                return -1
            values = {v.strip() for v in given}
            if len(values) != 1 or not next(iter(values)).isdigit():
                raise BodyError(HTTPStatus.BAD_REQUEST, f"bad Content-Length: {', '.join(given)[:40]}")
            length = int(next(iter(values)))
            if length > settings.max_body:
                raise BodyError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                                f"request body too large: {length} bytes, the limit is {settings.max_body}")
            return length

        def read_body(self) -> bytes:
            length = self.body_length()
            if length < 0:
                raise BodyError(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
            data = self.rfile.read(length)
            self.body_done = True
            if len(data) != length:
                self.close_connection = True
            return data

        def settle_body(self) -> None:
            """Before answering: a body nobody read is drained when small, else the connection closes."""
            if self.body_done:
                return
            self.body_done = True
            try:
                length = self.body_length()
            except BodyError:
                self.close_connection = True
                return
            if length > 0:
                if len(self.rfile.read(length)) != length:
                    self.close_connection = True

        def send_error(self, code, message=None, explain=None):
            # http.server's own errors (bad request line, unknown method): the body is not ours to parse
            self.close_connection = True
            self.body_done = True
            super().send_error(code, message, explain)

        # -- answers
        def cors(self) -> dict:
            origin = self.headers.get("Origin")
            if not settings.cors:
                return {}
            if "*" in settings.cors:
                return {"Access-Control-Allow-Origin": "*"}
            if origin in settings.cors:
                return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
            return {"Vary": "Origin"}

        def answer(self, status: int, media: str, body: bytes, extra: dict | None = None) -> None:
            self.settle_body()
            self.send_response(status)
            charset = "" if "charset" in media or media.startswith(("image/",)) else "; charset=utf-8"
            self.send_header("Content-Type", media + charset)
            self.send_header("Content-Length", str(len(body)))
            for key, value in {**self.cors(), **(extra or {})}.items():
                self.send_header(key, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        def error(self, status: HTTPStatus, message: str, extra: dict | None = None) -> None:
            self.answer(int(status), "text/plain", (message + "\n").encode(), extra)

        def do_OPTIONS(self):
            allow = {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                     "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization"} if self.cors() else {}
            self.answer(204, "text/plain", b"", {"Allow": "GET, HEAD, POST, OPTIONS", **allow})

        def do_HEAD(self):
            self.do_GET()

        def refuse_method(self):
            self.close_connection = True
            self.error(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not served here", {"Allow": "GET, HEAD, POST, OPTIONS"})

        do_PUT = do_DELETE = do_PATCH = refuse_method

        def do_GET(self):
            url = urlparse(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            if url.path in ("/", "/index.html") and "query" not in params:
                self.answer(200, "text/html", page())
            elif url.path.startswith("/static/") and (found := static_file(url.path.removeprefix("/static/"))):
                self.answer(200, found[0], found[1], {"Cache-Control": "max-age=3600"})
            elif url.path == "/queries":
                self.answer(200, "application/json", json.dumps(examples()).encode())
            elif url.path in ("/sparql", "/query") and not params:
                self.describe()
            elif url.path in ("/sparql", "/query", "/"):
                if "update" in params:
                    self.error(HTTPStatus.BAD_REQUEST, "updates are sent with POST, not GET")
                    return
                self.query(params.get("query", []), params)
            else:
                self.error(HTTPStatus.NOT_FOUND, f"{url.path}: not here (the endpoint is /sparql, the page /)")

        def describe(self) -> None:
            """The SPARQL 1.1 Service Description of this endpoint, as Turtle, JSON-LD, RDF/XML or N-Triples."""
            media = choose(GRAPH_TYPES, "text/turtle", accepted(self.headers.get("Accept")))
            if media is None:
                self.error(HTTPStatus.NOT_ACCEPTABLE, f"the service description is offered as {', '.join(GRAPH_TYPES)}")
                return
            host = self.headers.get("Host") or "%s:%s" % self.server.server_address[:2]
            triples = service_description(f"http://{host}{urlparse(self.path).path}", settings)
            self.answer(200, media, ox.serialize(triples, format=GRAPH_TYPES[media]))

        def do_POST(self):
            url = urlparse(self.path)
            try:
                body = self.read_body().decode("utf-8", errors="replace")
            except BodyError as err:
                self.close_connection = True
                self.error(err.status, str(err))
                return
            if url.path not in ("/sparql", "/query", "/update", "/"):
                self.error(HTTPStatus.NOT_FOUND, f"{url.path}: not here (the endpoint is /sparql)")
                return
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(url.query, keep_blank_values=True)
            if media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif media == "application/sparql-query":
                params["query"] = [body]
            elif media == "application/sparql-update":
                params["update"] = [body]
            else:
                self.error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           "send application/sparql-query, application/sparql-update or a form")
                return
            if "update" in params:
                self.update(params["update"])
            else:
                self.query(params.get("query", []), params)

        def query(self, texts: list[str], params: dict) -> None:
            if len(texts) != 1 or not texts[0].strip():
                self.error(HTTPStatus.BAD_REQUEST, "exactly one query parameter is required")
                return
            try:
                options = dataset_options(params)
            except ValueError as err:
                self.error(HTTPStatus.BAD_REQUEST, f"default-graph-uri / named-graph-uri: {err}")
                return
            try:
                check_services(texts[0], frozenset(settings.services))
            except Refused as err:
                self.error(HTTPStatus.FORBIDDEN, str(err))
                return
            accept = accepted(self.headers.get("Accept"))
            if params.get("format"):
                accept = accepted(params["format"][0]) + accept
            try:
                with gate.slot(settings.timeout):
                    status, media, body = execute(settings, texts[0], accept, options)
            except Busy:
                self.error(HTTPStatus.SERVICE_UNAVAILABLE, "busy: every query worker is taken and the waiting "
                                                           "line is full; try again shortly", {"Retry-After": "1"})
                return
            except QueryFailed as err:
                self.error(err.status, str(err), err.headers)
                return
            self.answer(status, media, body)

        def update(self, texts: list[str]) -> None:
            if updater is None:
                self.error(HTTPStatus.FORBIDDEN, "updates are refused: this endpoint is read-only "
                                                 "(the operator can start it with --allow-update)")
                return
            given = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
            if not settings.token or not secrets.compare_digest(given, settings.token):
                self.error(HTTPStatus.FORBIDDEN, "updates need the operator's token (Authorization: Bearer TOKEN)")
                return
            if len(texts) != 1 or not texts[0].strip():
                self.error(HTTPStatus.BAD_REQUEST, "exactly one update parameter is required")
                return
            try:
                check_services(texts[0], frozenset(settings.services))
                updater.update(texts[0])
            except Refused as err:
                self.error(HTTPStatus.FORBIDDEN, str(err))
                return
            except QueryFailed as err:
                self.error(err.status, str(err), err.headers)
                return
            self.answer(204, "text/plain", b"")

    return Handler


BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
        b"Connection: close\r\nContent-Length: 40\r\n\r\nbusy: too many connections, try again.\n")


class Server(ThreadingHTTPServer):
    """A thread per connection up to ``connections``; past that a short 503 instead of a reset.
    The listen backlog holds a burst while threads start."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, address, handler, connections: int, updater: Updater | None = None):
        super().__init__(address, handler)
        self.connections, self.updater = connections, updater
        self.active = 0
        self.count = threading.Lock()

    def process_request(self, request, client_address):
        with self.count:
            full = self.active >= self.connections
            if not full:
                self.active += 1
        if full:
            self._turn_away(request)
            return
        try:
            super().process_request(request, client_address)
        except RuntimeError:  # no thread could start
            with self.count:
                self.active -= 1
            self._turn_away(request)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.count:
                self.active -= 1

    def _turn_away(self, request) -> None:
        try:
            request.settimeout(0.2)
            try:
                request.recv(65536)  # what the client sent, so closing does not reset the answer
            except OSError:
                pass
            request.sendall(BUSY)
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        finally:
            self.shutdown_request(request)

    def server_close(self):
        super().server_close()
        if self.updater is not None:
            self.updater.close()

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, TimeoutError)):
            super().handle_error(request, client_address)


def make_server(settings: Settings, host: str = "127.0.0.1", port: int = 7878, verbose: bool = False):
    """An HTTP server answering the SPARQL protocol; ``serve_forever()`` runs it."""
    updater = Updater(settings.store) if settings.allow_update else None
    server = Server((host, port), make_handler(settings, updater, Gate(settings.workers, settings.queue)),
                    settings.connections, updater)
    server.verbose = verbose
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)  # a terminated server still ends its writer process
    return server


def _stop(signum, frame):
    raise SystemExit(0)


def valid_token(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9._~+/=-]{16,}", token))
