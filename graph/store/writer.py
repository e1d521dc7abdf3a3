"""The one writer of a build: a separate process that turns records into triples and
stores them, so that RDF work runs on the second core while spaCy parses the next
documents (a thread would share the interpreter lock and gain nothing).

Records cross the process boundary pickled; at most ``in_flight`` wait at a time, so a
slow store holds the extraction back instead of filling memory.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterator

from extract.parallel import die_with_parent
from extract.records import DocumentRecord

from .base import StoreError

_store = None
_error: str | None = None


def _open(location: str, nquads_out: str | None = None) -> None:
    global _store, _error
    from . import open_store
    from .shards import NQuadsShards

    die_with_parent()  # a killed build must not leave its writer holding the store's lock
    try:
        _store = NQuadsShards(nquads_out) if nquads_out else open_store(location)
    except StoreError as err:  # raised in the build's process by Writer(), with its message
        _error = str(err)


def _ready() -> str | None:
    """The error opening the store, if any."""
    return _error


def _write(record: DocumentRecord) -> None:
    from ..model.rdf import document_iri, document_triples

    _store.put_document(str(document_iri(record.key)), document_triples(record))


def _close() -> None:
    global _store
    if _store is not None:
        _store.close()
        _store = None


class Writer:
    """``submit`` records; ``finished`` yields (tag, error or None) as documents are stored."""

    def __init__(self, location: str, in_flight: int = 32, nquads_out: str | None = None):
        # spawn, not fork: a fork of a process with threads (spaCy's, a test runner's) can deadlock
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_open, initargs=(location, nquads_out))
        error = self.pool.submit(_ready).result()
        if error is not None:
            self.pool.shutdown()
            raise StoreError(error)
        self.pending: deque[tuple[object, Future]] = deque()
        self.in_flight = in_flight

    def submit(self, tag, record: DocumentRecord) -> Iterator[tuple[object, BaseException | None]]:
        """Queue ``record``; yields the documents finished meanwhile (waiting if too many are queued)."""
        self.pending.append((tag, self.pool.submit(_write, record)))
        while self.pending and (len(self.pending) > self.in_flight or self.pending[0][1].done()):
            yield self._next()

    def finished(self) -> Iterator[tuple[object, BaseException | None]]:
        """Wait for every queued document."""
        while self.pending:
            yield self._next()

    def _next(self) -> tuple[object, BaseException | None]:
        tag, future = self.pending.popleft()
        return tag, future.exception()

    def close(self) -> None:
        try:
            self.pool.submit(_close).result()
        finally:
            self.pool.shutdown()
