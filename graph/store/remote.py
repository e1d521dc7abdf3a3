"""A remote SPARQL 1.1 store behind the same interface as the embedded one.

Documents go in with the Graph Store HTTP Protocol: one PUT of a document's N-Triples
replaces its named graph in one request (so a rebuilt document is never half old, half
new). Queries go to the query endpoint and come back as SPARQL results, which pyoxigraph
parses, so every command renders them exactly as it renders the embedded store's.

Two layouts are known:
- ``http://HOST:PORT`` — an Oxigraph server: ``/query``, ``/update``, ``/store``;
- ``virtuoso+http://HOST:PORT`` — Virtuoso: ``/sparql`` for queries and
  ``/sparql-graph-crud-auth`` for the graph store (Digest authentication).
Credentials come from ``POLICYKG_USER`` and ``POLICYKG_PASSWORD`` (Basic or Digest,
whichever the server asks for). Failed requests are retried with back-off.
"""
from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable

import pyoxigraph as ox

from ..model.vocab import PKG, PROV
from .base import StoreError, bind, ntriples, union_triples

RETRIES = 4
TIMEOUT = 120


class RemoteStore:
    """A SPARQL 1.1 server, reached over HTTP."""

    def __init__(self, location: str, read_only: bool = False):
        self.location = location
        virtuoso = location.startswith("virtuoso+")
        base = location.removeprefix("virtuoso+").rstrip("/")
        if virtuoso:
            self.query_url, self.update_url = f"{base}/sparql", f"{base}/sparql-auth"
            self.store_url = f"{base}/sparql-graph-crud-auth"
        else:
            self.query_url, self.update_url, self.store_url = f"{base}/query", f"{base}/update", f"{base}/store"
        self.read_only = read_only
        self.opener = self._opener(base)
        self.query("ASK { }")  # reachable, or a one-line error now

    @staticmethod
    def _opener(base: str):
        user, password = os.environ.get("POLICYKG_USER"), os.environ.get("POLICYKG_PASSWORD")
        handlers = []
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, base, user, password or "")
            handlers = [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
        return urllib.request.build_opener(*handlers)

    def _request(self, url: str, data: bytes | None = None, headers: dict | None = None,
                 method: str | None = None) -> bytes:
        """The body of a successful answer; retries connection failures and 5xx answers.
        An answer the server says it cut short is an error, never a silent partial answer."""
        last = None
        for attempt in range(RETRIES):
            request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
            try:
                with self.opener.open(request, timeout=TIMEOUT) as response:
                    _complete(self.location, response.headers)
                    return response.read()
            except urllib.error.HTTPError as err:
                body = err.read().decode("utf-8", errors="replace").strip().splitlines()
                last = f"HTTP {err.code}: {body[0][:200] if body else err.reason}"
                if err.code < 500:
                    break
            except (urllib.error.URLError, OSError) as err:
                last = str(getattr(err, "reason", err))
            time.sleep(0.2 * 2 ** attempt)
        raise StoreError(f"{self.location}: {last}")

    def query(self, sparql: str, bindings: dict | None = None):
        """Run SPARQL on the server; the answer as pyoxigraph query results."""
        text = bind(sparql, bindings) if bindings else sparql
        body = self._request(self.query_url, urllib.parse.urlencode({"query": text}).encode(),
                             {"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
        try:
            if body.lstrip().startswith(b"{"):
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            return _triples(body)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.location}: unreadable answer: {err}") from None

    def contents(self, extraction: str) -> set[str]:
        found = self.query("SELECT ?h WHERE { GRAPH ?g { ?d <%s> ?h ; <%s> <%s> } }"
                           % (PKG.sha256, PROV.wasGeneratedBy, extraction))
        return {row["h"].value for row in found}

    def put_document(self, name: str, graph: Iterable) -> None:
        """Replace the named graph ``name`` with ``graph`` (rdflib triples) in one PUT."""
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': name})}"
        self._request(url, ntriples(graph).encode("utf-8"), {"Content-Type": "application/n-triples"}, "PUT")

    def remove_document(self, name: str) -> None:
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': name})}"
        try:
            self._request(url, None, {}, "DELETE")
        except StoreError as err:
            if "HTTP 404" not in str(err):
                raise

    def graphs(self) -> list[str]:
        """The documents' graphs (a server may hold graphs of its own: Virtuoso's system graphs)."""
        return [row["g"].value for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d <%s> ?h } }"
                                                     % PKG.sha256)]

    def graph_quads(self, name: str) -> Iterable[ox.Quad]:
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': name})}"
        body = self._request(url, None, {"Accept": "application/n-triples"})
        graph = ox.NamedNode(name)
        return [ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]

    def quads(self) -> Iterable[ox.Quad]:
        for name in self.graphs():
            yield from self.graph_quads(name)

    def dump(self, path: str, fmt: ox.RdfFormat) -> None:
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            ox.serialize(self.quads(), path, fmt)
            return
        ox.serialize(union_triples(self.quads()), path, fmt)

    def close(self) -> None:
        pass


def _complete(location: str, headers) -> None:
    """Virtuoso answers 200 with a truncated result when it hits ResultSetMaxRows (saying so only
    in X-SPARQL-MaxRows), and with a partial one when an anytime query times out (X-SQL-State)."""
    if headers.get("X-SPARQL-MaxRows"):
        raise StoreError(f"{location}: the server cut the answer at {headers['X-SPARQL-MaxRows']} rows; "
                         "raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini")
    if headers.get("X-SQL-State"):
        raise StoreError(f"{location}: the server returned a partial answer: "
                         f"{headers.get('X-SQL-Message', headers['X-SQL-State'])}")


def _triples(body: bytes):
    """A CONSTRUCT or DESCRIBE answer (N-Triples) as a list of pyoxigraph triples."""
    return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
