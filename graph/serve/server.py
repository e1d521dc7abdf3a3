"""A SPARQL 1.1 Protocol endpoint over the embedded store, with a query page.

Every query runs in a forked child process that opens the store read-only as it is at
that moment, so queries see what a running build has committed, never block it, and a
query over the time limit is ended by killing its child: no hung worker. Results are
counted before they are serialised, so the size limit answers with an error rather than
a truncated result. Updates are refused (403) unless the operator allowed them and the
request carries the operator's token.
"""
from __future__ import annotations

import json
import multiprocessing
import re
import secrets
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from queries.results import header, named_queries

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
}
ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml",
           "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
           "ntriples": "application/n-triples", "jsonld": "application/ld+json"}


@dataclass(frozen=True)
class Settings:
    store: str
    timeout: float = 30.0
    max_results: int = 100_000
    allow_update: bool = False
    token: str | None = None


class QueryFailed(Exception):
    """A query the endpoint answers with an error: HTTP status and a one-line message."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


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


def run_query(store_path: str, sparql: str, accept: list[str], max_results: int, conn) -> None:
    """In the child: run, count, serialise; send (status, media type, body) back."""
    try:
        store = ox.Store.read_only(store_path)
        try:
            result = store.query(sparql, use_default_graph_as_union=True)
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
        count = sum(1 for _ in result)
        if count > max_results:
            conn.send((413, "text/plain", f"result too large: {count} {'triples' if graph else 'rows'}, "
                                          f"the limit is {max_results} (add a LIMIT)".encode()))
            return
        again = store.query(sparql, use_default_graph_as_union=True)
        conn.send((200, media, again.serialize(format=kinds[media])))
    except Exception as err:  # the child must always answer
        conn.send((500, "text/plain", f"query failed: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}".encode()))
    finally:
        conn.close()


def execute(settings: Settings, sparql: str, accept: list[str]) -> tuple[int, str, bytes]:
    """Run ``sparql`` in a child process within the time limit."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=run_query, args=(settings.store, sparql, accept, settings.max_results, send),
                            daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(settings.timeout):
            raise QueryFailed(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"query timed out: it ran longer than the limit of {settings.timeout:g} s")
        return receive.recv()
    except EOFError:
        raise QueryFailed(HTTPStatus.INTERNAL_SERVER_ERROR, "query failed: its worker ended without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(1)
        receive.close()


class Updater:
    """The one writer an endpoint with --allow-update holds; updates run one at a time."""

    def __init__(self, path: str):
        self.store = ox.Store(path)
        self.lock = threading.Lock()

    def update(self, sparql: str) -> None:
        with self.lock:
            try:
                self.store.update(sparql)
            except SyntaxError as err:
                raise QueryFailed(HTTPStatus.BAD_REQUEST, f"malformed update: {str(err).splitlines()[0]}") from None
            self.store.flush()


def page() -> bytes:
    return resources.files("graph.serve").joinpath("static", "index.html").read_bytes()


def examples() -> list[dict]:
    """The named queries, offered on the page as ready examples."""
    return [{"name": name, "comment": header(text), "query": text} for name, text in sorted(named_queries().items())]


def make_handler(settings: Settings, updater: Updater | None):
    class Handler(BaseHTTPRequestHandler):
        server_version = "policykg-sparql"
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # quiet: one line per request only with --verbose
            if getattr(self.server, "verbose", False):
                super().log_message(fmt, *args)

        def answer(self, status: int, media: str, body: bytes, extra: dict | None = None) -> None:
            self.send_response(status)
            charset = "" if "charset" in media or media.startswith(("image/",)) else "; charset=utf-8"
            self.send_header("Content-Type", media + charset)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def error(self, status: HTTPStatus, message: str) -> None:
            self.answer(int(status), "text/plain", (message + "\n").encode())

        def do_OPTIONS(self):
            self.answer(204, "text/plain", b"", {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                                 "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization"})

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            url = urlparse(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            if url.path in ("/", "/index.html") and "query" not in params:
                self.answer(200, "text/html", page())
            elif url.path == "/queries":
                self.answer(200, "application/json", json.dumps(examples()).encode())
            elif url.path in ("/sparql", "/query", "/"):
                if "update" in params:
                    self.error(HTTPStatus.BAD_REQUEST, "updates are sent with POST, not GET")
                    return
                self.query(params.get("query", []), params)
            else:
                self.error(HTTPStatus.NOT_FOUND, f"{url.path}: not here (the endpoint is /sparql, the page /)")

        def do_POST(self):
            url = urlparse(self.path)
            if url.path not in ("/sparql", "/query", "/update", "/"):
                self.error(HTTPStatus.NOT_FOUND, f"{url.path}: not here (the endpoint is /sparql)")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(url.query, keep_blank_values=True)
            if media == "application/x-www-form-urlencoded":
                params.update(parse_qs(body, keep_blank_values=True))
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
            if params.get("default-graph-uri") or params.get("named-graph-uri"):
                self.error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: "
                                                   "the default graph is the union of all documents' graphs")
                return
            accept = accepted(self.headers.get("Accept"))
            if params.get("format"):
                accept = accepted(params["format"][0]) + accept
            try:
                status, media, body = execute(settings, texts[0], accept)
            except QueryFailed as err:
                self.error(err.status, str(err))
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
                updater.update(texts[0])
            except QueryFailed as err:
                self.error(err.status, str(err))
                return
            self.answer(204, "text/plain", b"")

    return Handler


def make_server(settings: Settings, host: str = "127.0.0.1", port: int = 7878, verbose: bool = False):
    """An HTTP server answering the SPARQL protocol; ``serve_forever()`` runs it."""
    updater = Updater(settings.store) if settings.allow_update else None
    server = ThreadingHTTPServer((host, port), make_handler(settings, updater))
    server.daemon_threads = True
    server.verbose = verbose
    return server


def valid_token(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9._~+/=-]{16,}", token))
