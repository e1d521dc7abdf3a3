"""Consistent checkpoints of the embedded store, which readers open instead of the live store.

pyoxigraph calls ``Store.read_only`` beside a live writer undefined behaviour (seen as
"Corruption: ... .sst: No such file" on about one query in a hundred during a build), so a
reader never opens a store that may be written. Writers (a build, a server applying an
update) publish checkpoints; readers (queries on the command line and the endpoint) open the
newest one. ``Store.backup`` is a RocksDB checkpoint: hard links to the immutable table files,
made in milliseconds, so publishing often costs little.

Everything lives in the store's own folder, under ``policykg-checkpoints/`` (RocksDB leaves
folders it did not make alone), so moving or removing a store takes its checkpoints along:

- ``N/``: checkpoint number N; ``N.inuse``: readers of N hold a shared lock on it, and N is
  removed only by whoever takes it exclusively, so no checkpoint goes while a query reads it;
- ``current``: the number of the newest checkpoint, replaced atomically;
- ``writer.lock``: held exclusively by the one writer while it writes, or by a reader that
  checkpoints the live store itself (only when no writer is there);
- ``dirty``: a writer is writing, or was killed before its last checkpoint: the live store
  may hold more than ``current``, and the next reader that finds no writer checkpoints it;
- ``stamp``: when the store's files last changed as of the newest checkpoint: files changed
  later (another program wrote the store) make it dirty too;
- ``publish.lock``: publishers take turns numbering and renaming.

Where the folder cannot be written (a store on read-only media), readers open the live
store, as nothing can write it either.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from typing import Iterator

import pyoxigraph as ox

from .base import StoreError

FOLDER = "policykg-checkpoints"


class WriterBusy(StoreError):
    """Another writer (a build, or a server applying an update) holds the store."""


def _lock(path: str, mode: int, wait: float = 0.0) -> int | None:
    """A file descriptor holding ``mode`` (``fcntl.LOCK_SH`` or ``LOCK_EX``) on ``path``,
    trying for up to ``wait`` seconds; None if it stayed taken."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.02)


class Checkpoints:
    """The checkpoints of the store at ``store_path``."""

    def __init__(self, store_path: str):
        self.store_path = store_path
        self.root = os.path.join(store_path, FOLDER)

    def _path(self, *parts: str) -> str:
        return os.path.join(self.root, *parts)

    def usable(self) -> bool:
        """Whether checkpoints can be kept here (the store's folder is writable)."""
        try:
            os.makedirs(self.root, exist_ok=True)
            return os.access(self.root, os.W_OK)
        except OSError:
            return False

    def current(self) -> int | None:
        try:
            with open(self._path("current")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def dirty(self) -> bool:
        """Whether the live store may hold more than the newest checkpoint: a writer marked it
        so, or another program (pyoxigraph itself, an older policykg) changed its files since."""
        if os.path.exists(self._path("dirty")):
            return True
        try:
            with open(self._path("stamp")) as f:
                return self._files_changed() > float(f.read().strip())
        except (OSError, ValueError):
            return False

    def _files_changed(self) -> float:
        """When the store's own files last changed (RocksDB's log, manifest and tables)."""
        newest = 0.0
        with os.scandir(self.store_path) as entries:
            for entry in entries:
                if entry.is_file() and not entry.name.startswith(("LOG", "LOCK")):
                    newest = max(newest, entry.stat().st_mtime)
        return newest

    def stamp(self) -> None:
        """Note the store's files as the newest checkpoint shows them (called by a writer after
        it closed the store, so that its own closing writes are not taken for another's)."""
        try:
            with open(self._path("stamp.tmp"), "w") as f:
                f.write(repr(self._files_changed()))
            os.replace(self._path("stamp.tmp"), self._path("stamp"))
        except OSError:
            pass

    # The writer's side.

    @contextmanager
    def writing(self, wait: float = 5.0) -> Iterator[None]:
        """Hold the store for one writer; the store is marked dirty until ``clean``."""
        if not self.usable():
            yield
            return
        fd = _lock(self._path("writer.lock"), fcntl.LOCK_EX, wait)
        if fd is None:
            raise WriterBusy(f"{self.store_path}: cannot open the store: locked by another writer "
                             "(a build, or a server applying an update, is writing it)")
        try:
            yield
        finally:
            os.close(fd)

    def mark_dirty(self) -> None:
        if self.usable():
            open(self._path("dirty"), "a").close()

    def mark_clean(self) -> None:
        try:
            os.unlink(self._path("dirty"))
        except FileNotFoundError:
            pass

    def publish(self, store: ox.Store) -> str | None:
        """Checkpoint ``store`` (open on this store's folder) and make it the newest; its path."""
        if not self.usable():
            return None
        fd = _lock(self._path("publish.lock"), fcntl.LOCK_EX, wait=60.0)
        try:
            number = (self.current() or 0) + 1
            target = self._path(str(number))
            shutil.rmtree(target, ignore_errors=True)  # a publisher killed mid-way left it
            store.backup(target)
            open(self._path(f"{number}.inuse"), "a").close()
            with open(self._path("current.tmp"), "w") as f:
                f.write(f"{number}\n")
            os.replace(self._path("current.tmp"), self._path("current"))
        finally:
            if fd is not None:
                os.close(fd)
        self.sweep()
        return target

    def sweep(self) -> None:
        """Remove every checkpoint but the newest that no reader holds."""
        newest = self.current()
        try:
            names = os.listdir(self.root)
        except OSError:
            return
        for name in names:
            if name.startswith("gone-"):
                shutil.rmtree(self._path(name), ignore_errors=True)
            if not name.isdigit() or int(name) == newest:
                continue
            fd = _lock(self._path(f"{name}.inuse"), fcntl.LOCK_EX)
            if fd is None:
                continue  # a query reads it
            try:
                if self.current() != int(name):
                    # renamed first, in one step: a reader never finds a checkpoint half removed
                    gone = self._path(f"gone-{name}-{os.getpid()}-{time.monotonic_ns()}")
                    try:
                        os.rename(self._path(name), gone)
                    except FileNotFoundError:
                        pass
                    else:
                        shutil.rmtree(gone, ignore_errors=True)
                    try:
                        os.unlink(self._path(f"{name}.inuse"))
                    except FileNotFoundError:
                        pass
            finally:
                os.close(fd)

    # The reader's side.

    def _refresh(self) -> None:
        """With no writer there, checkpoint the live store if no checkpoint shows all of it.
        The store is opened writable for this: only a writable open replays what a killed
        writer left in RocksDB's log, which a read-only open's checkpoint would leave out."""
        if self.current() is not None and not self.dirty():
            return
        fd = _lock(self._path("writer.lock"), fcntl.LOCK_EX)
        if fd is None:
            return  # a writer is there: it publishes on its own
        try:
            if self.current() is None or self.dirty():
                store = ox.Store(self.store_path)
                try:
                    self.publish(store)
                finally:
                    del store
                self.stamp()
                self.mark_clean()
        except OSError:
            pass  # held by a writer that keeps no checkpoints (an older policykg): nothing to publish
        finally:
            os.close(fd)

    @contextmanager
    def reading(self, wait: float = 10.0) -> Iterator[str]:
        """The path of a consistent copy of the store to open read-only, held until the
        block ends: the newest checkpoint (made now if there is none and no writer is there)."""
        if not os.path.isfile(os.path.join(self.store_path, "CURRENT")) or not self.usable():
            yield self.store_path  # not a store (its open says so), or one nothing can write
            return
        deadline = time.monotonic() + wait
        while True:
            self._refresh()
            number = self.current()
            if number is None:
                if time.monotonic() < deadline:  # a writer that has just opened publishes within moments
                    time.sleep(0.05)
                    continue
                raise StoreError(f"{self.store_path}: the store is being written and has no checkpoint "
                                 "to read yet (try again in a moment)")
            try:
                fd = os.open(self._path(f"{number}.inuse"), os.O_RDONLY)
            except FileNotFoundError:
                continue  # replaced and removed between the two reads
            fcntl.flock(fd, fcntl.LOCK_SH)
            if os.path.exists(self._path(str(number), "CURRENT")):
                break
            os.close(fd)
        try:
            yield self._path(str(number))
        finally:
            os.close(fd)
            self.sweep()
