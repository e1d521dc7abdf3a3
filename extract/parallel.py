"""Where extraction runs: in this process, in N local processes, or on a Dask cluster.

Every backend takes raw documents and yields (raw document, record or exception) and
holds only a bounded number of batches in flight, so a corpus of any size streams
through. Workers load the model once and send back records only; writing them is the
caller's business (one writer), so a worker that dies leaves nothing half-written: its
batch is sent again, one document at a time, and a document that kills a worker twice
is reported as failed.

This module imports spaCy only inside the workers' own processes.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections import deque
from typing import Iterable, Iterator

from .readers import RawDocument
from .records import DocumentRecord

Result = tuple[RawDocument, "DocumentRecord | Exception"]

_lock = threading.Lock()


class ClusterError(RuntimeError):
    """The Dask cluster cannot be used (not reachable, no distributed package, model missing)."""


class WorkerDied(RuntimeError):
    """The process extracting a document died (twice), e.g. killed for memory."""


def default_workers() -> int:
    """One extraction process per core. Measured on 2 cores (benchmarks/results.md), two workers
    beat one even though the writer shares the cores with them: it needs about half the time
    extraction does per document. On many cores the one writer may become the limit (not
    measured here: a 2-core machine)."""
    return os.cpu_count() or 1


def batches(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    raws = iter(raws)
    while batch := list(itertools.islice(raws, size)):
        yield batch


def extract_batch(batch: list[RawDocument]) -> list[DocumentRecord | Exception]:
    """One batch through the model this process loaded once; one result per document, in order.
    Runs in a worker (local process or Dask); a lock keeps a multi-threaded worker's threads
    from sharing the pipeline at the same moment."""
    from .pipeline import extract_many

    with _lock:
        return [result for _, result in extract_many(batch, batch_size=len(batch))]


def die_with_parent() -> None:
    """A child process must not outlive a killed build (holding the store's lock or a core):
    on Linux the kernel kills it when its parent dies."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    # A parent killed before the line above ran is not signalled: this child has been handed
    # to another process already, so it must go now.
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os._exit(1)


def _start_worker() -> None:
    from .nlp import load

    die_with_parent()
    load()


def serial(raws: Iterable[RawDocument], batch_size: int = 16) -> Iterator[Result]:
    """In this process: the model loads here."""
    from .nlp import load
    from .pipeline import extract_many

    yield from extract_many(raws, load(), batch_size=batch_size)


def local(raws: Iterable[RawDocument], workers: int, batch_size: int = 16) -> Iterator[Result]:
    """In ``workers`` local processes, each loading the model once; results come back in the
    order the documents went out. When a worker dies, every document then in flight is a
    suspect and runs again alone, one at a time, so that only the one that kills a worker
    again is reported."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool():
        # spawn, not fork: a fork of a process with threads (spaCy's, a test runner's) can deadlock
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker)

    def renew():
        nonlocal pool
        pool.shutdown(wait=False, cancel_futures=True)
        pool = new_pool()

    def submit(batch):
        try:
            return pool.submit(extract_batch, batch)
        except BrokenProcessPool:  # a worker died while nothing was in flight
            renew()
            return pool.submit(extract_batch, batch)

    pool = new_pool()
    pending: deque = deque()  # (batch, future)
    suspects: deque = deque()
    source = batches(raws, batch_size)
    try:
        while True:
            if suspects:
                raw = suspects.popleft()
                try:
                    (result,) = submit([raw]).result()
                except BrokenProcessPool:
                    renew()
                    result = WorkerDied("the extraction process died twice on this document")
                except Exception as err:  # noqa: BLE001 - reported for this document alone
                    result = err
                yield raw, result
                continue
            while len(pending) < 2 * workers and (batch := next(source, None)) is not None:
                pending.append((batch, submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                renew()
                suspects.extend(raw for b, _ in [(batch, future), *pending] for raw in b)
                pending.clear()
                continue
            except Exception:  # noqa: BLE001 - the batch failed as a whole: try its documents alone
                suspects.extend(batch)
                continue
            yield from zip(batch, results)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def dask(raws: Iterable[RawDocument], address: str, batch_size: int = 16) -> Iterator[Result]:
    """On the Dask distributed cluster at ``address``: batches go out as tasks, records come
    back in order. The scheduler reruns the tasks of a worker that dies; a batch it gives up
    on (KilledWorker) is reported document by document."""
    try:
        from distributed import Client

        from .dask_plugin import ModelPlugin
    except ImportError:
        raise ClusterError("--dask needs the distributed package: pip install 'policykg[dask]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    with client:
        try:
            client.register_plugin(ModelPlugin(), name=ModelPlugin.name)
        except Exception as err:  # noqa: BLE001 - e.g. the model missing on a worker
            raise ClusterError(f"the Dask workers at {address} could not load the model: "
                               f"{type(err).__name__}: {err}") from None
        in_flight = 2 * max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        source = batches(raws, batch_size)
        while True:
            while len(pending) < in_flight and (batch := next(source, None)) is not None:
                pending.append((batch, client.submit(extract_batch, batch, pure=False, retries=1)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except Exception as err:  # KilledWorker, or the task failing twice
                err = WorkerDied(f"the Dask task failed: {type(err).__name__}: {err}")
                yield from ((raw, err) for raw in batch)
                continue
            yield from zip(batch, results)
