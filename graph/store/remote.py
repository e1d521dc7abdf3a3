"""A remote SPARQL 1.1 store behind the same interface as the embedded one.

Queries go to the query endpoint and come back as SPARQL results, which pyoxigraph parses,
so every command renders them exactly as it renders the embedded store's.

Two layouts are known:
- ``http://HOST:PORT`` — an Oxigraph server: ``/query``, ``/update``, ``/store``;
- ``virtuoso+http://HOST:PORT`` — Virtuoso: ``/sparql`` for queries, ``/sparql-auth`` for
  updates and ``/sparql-graph-crud-auth`` for the graph store (Digest authentication).
Credentials come from ``POLICYKG_USER`` and ``POLICYKG_PASSWORD`` (Basic or Digest,
whichever the server asks for). Failed requests are retried with back-off.

The default graph. Each document is its own named graph, and a query without ``GRAPH``
reads the merge of them all, each triple once, as on the embedded store. Neither server
gives that by itself: Oxigraph's union default graph (``--union-default-graph``, or the
``union-default-graph`` parameter) and Virtuoso's default graph (every graph when a query
names none, its system graphs included) both repeat a triple once per graph holding it
(``tests/test_remote.py`` checks both). So the writer keeps the merge, in one SPARQL Update
request per document: the triples no other document holds leave the merge (``UNMERGE``),
the document's graph is dropped, and its triples go into its graph and into the merge.
- Oxigraph server: the merge is the real default graph, as in the embedded store (the same
  folder works under either). An update request is one transaction: readers see the
  document all old or all new, and a request that fails writes nothing.
- Virtuoso: the merge is the named graph ``MERGED``, and every query is sent with
  ``define input:default-graph-uri <MERGED_GROUP>`` (a graph group whose one member is
  ``MERGED``: excluding a graph from ``GRAPH ?g`` also empties it as the default graph, while
  the group's member stays) and ``define input:named-graph-exclude <MERGED>``, so that
  ``GRAPH ?g`` ranges over the documents as before (and Virtuoso's system graphs). A query
  naming graphs (``GRAPH <iri>``) gets them as its named graphs instead (Virtuoso finds a
  named graph in a given dataset only if listed, and a list bounds ``GRAPH ?g`` too, so a query
  with both is refused); one with its own ``FROM`` keeps it. The group is made once, as dba
  (``VIRTUOSO_SETUP``); without it a store with the merge is an error. An update request is
  one transaction, whose readers see it whole with ``DefaultIsolation = 4`` (repeatable
  read) in virtuoso.ini, not at the default read committed (a scan may cross the commit);
  at repeatable read Virtuoso may end a request as a deadlock's victim (HTTP 200, ``SR172``),
  and it is run again. A request that fails is not rolled back, so the document's digest
  is written last and a document cut short is stored again by the next build.
A store whose documents were bulk-loaded without the merge is merged by the first writer
that opens it; until then readers get the server's own union (repeats and all).
"""
from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable

import pyoxigraph as ox

from ..model.iris import ID, PKG, PROV
from queries.sparql_text import targets_of, tokens
from .base import CONTENTS, StoreError, bind, check_depth, redact, to_ox, union_triples

RETRIES = 4
DEADLOCKS = 12  # a Virtuoso deadlock's victim is run again up to this many times
TIMEOUT = 120
# Triples per INSERT DATA operation: Virtuoso's SPARQL parser runs out of memory ("SP030 ...
# memory exhausted") on one of 40,000 triples, and an operation of 1,000 run again after a
# deadlock was refused for compiling past 10,000 lines of SQL (SP031); 200 pass.
CHUNK = 200

# Virtuoso: the named graph holding the merge, and the graph group (its one member) that is
# every query's default graph.
MERGED = str(ID["merged"])
MERGED_GROUP = str(ID["merged-group"])
VIRTUOSO_SETUP = [f"DB.DBA.RDF_GRAPH_GROUP_CREATE('{MERGED_GROUP}', 1)",
                  f"DB.DBA.RDF_GRAPH_GROUP_INS('{MERGED_GROUP}', '{MERGED}')"]

# A triple leaves the merge when no other document's graph holds it. {merge_open}/{merge_close}
# wrap where the merge is (nothing: the default graph), {others} what else ?other may not be.
UNMERGE = ("DELETE {{ {merge_open} ?s ?p ?o {merge_close} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
           "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}{others}) }} }}")


class RemoteStore:
    """A SPARQL 1.1 server, reached over HTTP."""

    def __init__(self, location: str, read_only: bool = False):
        address, user, password = split_credentials(location)
        self.location = redact(location)  # what messages show: never a password
        self.virtuoso = address.startswith("virtuoso+")
        base = address.removeprefix("virtuoso+").rstrip("/")
        try:
            parts = urllib.parse.urlsplit(base)
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError as err:
            raise StoreError(f"{self.location}: not a valid address ({err})") from None
        if not parts.hostname:
            raise StoreError(f"{self.location}: not a valid address (no host)")
        if self.virtuoso:
            self.query_url, self.update_url = f"{base}/sparql", f"{base}/sparql-auth"
            self.store_url = f"{base}/sparql-graph-crud-auth"
        else:
            self.query_url, self.update_url, self.store_url = f"{base}/query", f"{base}/update", f"{base}/store"
        self.read_only = read_only
        self.opener = self._opener(base, user, password)
        self.merged = True  # the default graph is the merge (else: the server's own union)
        self.merged = self._open_merge()  # reachable, or a one-line error now

    # The default graph -------------------------------------------------------------------

    def _open_merge(self) -> bool:
        """Whether queries can read the kept merge; a writer merges a store that lacks it."""
        if self.virtuoso:
            has_merge = self._any(f"GRAPH <{MERGED}> {{ ?s ?p ?o }}")
            has_documents = self._any(f"GRAPH ?g {{ ?g <{PKG.sha256}> ?h }}")
        else:
            has_merge = self._any("?s ?p ?o")
            has_documents = self._any("GRAPH ?g { ?s ?p ?o }")
        if not has_merge and has_documents:
            if self.read_only:
                return False  # the server's union, until a writer merges
            self._update(self._merge_all())
            has_merge = True
        if self.virtuoso and not self.read_only and not has_merge:
            # nothing to read the group through yet: a probe triple, in the merge for a moment
            probe = f"<{MERGED}> <{MERGED}#probe> \"probe\""
            self._update(f"INSERT DATA {{ GRAPH <{MERGED}> {{ {probe} }} }}")
            try:
                self._check_group()
            finally:
                self._update(f"DELETE DATA {{ GRAPH <{MERGED}> {{ {probe} }} }}")
        elif self.virtuoso and has_merge:
            self._check_group()
        return True

    def _check_group(self) -> None:
        if not self._any("?s ?p ?o", f"define input:default-graph-uri <{MERGED_GROUP}>\n"):
            raise StoreError(f"{self.location}: no graph group <{MERGED_GROUP}> holding <{MERGED}> (the default "
                             f"graph of policykg's queries); create it once as dba: "
                             + "; ".join(VIRTUOSO_SETUP))

    def _merge_all(self) -> str:
        if self.virtuoso:  # the documents' graphs only: Virtuoso has system graphs of its own
            return (f"INSERT {{ GRAPH <{MERGED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?g <{PKG.sha256}> ?h }} "
                    f"GRAPH ?g {{ ?s ?p ?o }} }}")
        return "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

    def _unmerge(self, g: str) -> str:
        if self.virtuoso:
            return UNMERGE.format(merge_open=f"GRAPH <{MERGED}> {{", merge_close="}", g=g,
                                  others=f" && ?other != <{MERGED}>")
        return UNMERGE.format(merge_open="", merge_close="", g=g, others="")

    def _dataset(self, sparql: str) -> str:
        """Virtuoso: the query with the merge as its default graph and the documents as its
        named graphs. A query with its own FROM keeps its default graph. Virtuoso finds no
        ``GRAPH <iri>`` once a dataset is given unless the IRI is listed as a named graph, and a
        list makes ``GRAPH ?g`` range over it alone: a query naming graphs gets those listed,
        and one that both names graphs and ranges over them is refused."""
        if not self.virtuoso or not self.merged:
            return sparql
        exclude = f"define input:named-graph-exclude <{MERGED}>\n"
        if any(kind == "word" and value.upper() == "FROM" for kind, value in tokens(sparql)):
            return exclude + sparql
        named = targets_of(sparql, "GRAPH")
        default = f"define input:default-graph-uri <{MERGED_GROUP}>\n"
        if not any(named):
            return default + exclude + sparql
        if None in named:
            raise StoreError(f"{self.location}: Virtuoso cannot answer a query with both GRAPH <iri> and GRAPH ?var "
                             "over policykg's default graph; write VALUES ?g { <iri> } GRAPH ?g { ... } instead")
        return default + "".join(f"define input:named-graph-uri <{iri}>\n" for iri in dict.fromkeys(named)) + sparql

    # Requests ----------------------------------------------------------------------------

    @staticmethod
    def _opener(base: str, user: str | None = None, password: str | None = None):
        if user is None:
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
        last, deadlocks, attempt = None, 0, 0
        while attempt < RETRIES:
            # urllib's Digest handler counts its retries and resets the count only when a retry
            # succeeds: five failed requests would make every later one "digest auth failed".
            for handler in self.opener.handlers:
                if isinstance(handler, urllib.request.AbstractDigestAuthHandler):
                    handler.reset_retry_count()
            request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
            try:
                with self.opener.open(request, timeout=TIMEOUT) as response:
                    if _deadlocked(response.headers) and deadlocks < DEADLOCKS:  # the victim: run it again
                        deadlocks += 1
                        time.sleep(min(0.05 * 2 ** deadlocks, 2))
                        continue
                    _complete(self.location, response.headers)
                    return response.read()
            except urllib.error.HTTPError as err:
                body = err.read().decode("utf-8", errors="replace").strip().splitlines()
                last = f"HTTP {err.code}: {body[0][:200] if body else err.reason}"
                if err.code < 500:
                    break
            except (urllib.error.URLError, OSError, ValueError) as err:
                last = str(getattr(err, "reason", err))
            time.sleep(0.2 * 2 ** attempt)
            attempt += 1
        raise StoreError(f"{self.location}: {last}")

    def _update(self, sparql: str) -> None:
        """One SPARQL Update request (one transaction on both servers)."""
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        self._request(self.update_url, sparql.encode("utf-8"), {"Content-Type": "application/sparql-update"}, "POST")

    def _any(self, pattern: str, dataset: str = "") -> bool:
        """Whether ``pattern`` matches (a SELECT: Virtuoso answers ASK true on an empty graph)."""
        return bool(list(self._run(f"{dataset}SELECT * WHERE {{ {pattern} }} LIMIT 1")))

    def query(self, sparql: str, bindings: dict | None = None):
        """Run SPARQL on the server; the answer as pyoxigraph query results."""
        check_depth(sparql)
        return self._run(self._dataset(bind(sparql, bindings) if bindings else sparql))

    def _run(self, text: str):
        form = {"query": text}
        if not self.merged and not self.virtuoso:
            form["union-default-graph"] = ""  # Oxigraph's union, until a writer merges
        body = self._request(self.query_url, urllib.parse.urlencode(form).encode(),
                             {"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
        try:
            if body.lstrip().startswith(b"{"):
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            return _triples(body)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.location}: unreadable answer: {err}") from None

    # The interface -----------------------------------------------------------------------

    def contents(self, extraction: str) -> set[tuple[str, str]]:
        found = self.query(CONTENTS % (PKG.sha256, PROV.wasGeneratedBy, f"<{extraction}>"))
        return {(row["g"].value, row["h"].value) for row in found}

    def put_document(self, name: str, graph: Iterable) -> None:
        """Replace the named graph ``name`` with ``graph`` (rdflib triples), and the merge with
        it, in one update request. The digest goes last: a request cut short leaves a document
        without it, which the next build stores again."""
        g = ox.NamedNode(name)
        triples = sorted((f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in graph),
                         key=lambda line: f" <{PKG.sha256}> " in line)
        operations = [self._unmerge(str(g)), f"DROP SILENT GRAPH {g}"]
        for start in range(0, len(triples), CHUNK):
            body = "\n".join(triples[start:start + CHUNK])
            merge = f"GRAPH <{MERGED}> {{\n{body}\n}}" if self.virtuoso else body
            operations.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}}\n{merge}\n}}")
        self._update(" ;\n".join(operations))

    def remove_document(self, name: str) -> None:
        g = ox.NamedNode(name)
        self._update(f"{self._unmerge(str(g))} ;\nDROP SILENT GRAPH {g}")

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
        """The documents' quads (the merge left out: it repeats them)."""
        for name in self.graphs():
            yield from self.graph_quads(name)

    def dump(self, output, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> None:
        options = {"prefixes": prefixes} if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            ox.serialize(self.quads(), output, fmt, **options)
            return
        ox.serialize(union_triples(self.quads()), output, fmt, **options)

    def close(self) -> None:
        pass


def split_credentials(location: str) -> tuple[str, str | None, str | None]:
    """``http://user:secret@host`` as (``http://host``, user, password); an address without
    credentials as (itself, None, None). urllib does not take credentials in the address: they
    go to the authentication handlers instead, as POLICYKG_USER/POLICYKG_PASSWORD do."""
    scheme, sep, rest = location.partition("://")
    authority, slash, path = rest.partition("/")
    if not sep or "@" not in authority:
        return location, None, None
    userinfo, _, host = authority.rpartition("@")
    user, _, password = userinfo.partition(":")
    unquote = urllib.parse.unquote
    return f"{scheme}://{host}{slash}{path}", unquote(user), unquote(password)


def _complete(location: str, headers) -> None:
    """Virtuoso answers 200 with a truncated result when it hits ResultSetMaxRows (saying so only
    in X-SPARQL-MaxRows), and with a partial one when an anytime query times out (X-SQL-State)."""
    if headers.get("X-SPARQL-MaxRows"):
        raise StoreError(f"{location}: the server cut the answer at {headers['X-SPARQL-MaxRows']} rows; "
                         "raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini")
    if headers.get("X-SQL-State"):
        raise StoreError(f"{location}: the server returned a partial answer: "
                         f"{headers.get('X-SQL-Message', headers['X-SQL-State'])}")


def _deadlocked(headers) -> bool:
    """Virtuoso ends one of two deadlocked transactions and answers its request with HTTP 200
    and ``X-SQL-Message: SR172: Transaction deadlocked``; at repeatable read a query beside a
    writer can deadlock it. Both requests are safe to run again: an update request of this
    module computes what it deletes from the store as it is, so running it twice ends the same."""
    return headers.get("X-SQL-State", "").startswith("40001") or "SR172" in headers.get("X-SQL-Message", "")


def _triples(body: bytes):
    """A CONSTRUCT or DESCRIBE answer (N-Triples) as a list of pyoxigraph triples."""
    return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
