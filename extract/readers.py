"""Read input paths into raw documents: .txt, .html and .jsonl, folders walked.

Each problem with one input becomes an ``InputError`` naming the file (and line) and the
reason, so that a caller can report it in one line and go on with the other documents.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass
class InputError:
    """One input that could not be read; ``str()`` is the one-line message."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass
class RawDocument:
    """A document as read: its text and whatever metadata the container gave."""

    key: str
    file_name: str
    text: str
    sha256: str
    format: str = "text"
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None


@dataclass
class Skipped:
    """A file walked over because it is of no supported type."""

    path: str

    def __str__(self) -> str:
        return f"{self.path}: not a .txt, .html or .jsonl file, skipped"


def walk(paths: list[str]) -> Iterator[Path | InputError | Skipped]:
    """The files below ``paths`` in sorted order; missing paths and unknown types reported."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory")
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    yield child if child.suffix.lower() in SUFFIXES else Skipped(str(child))
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            yield Skipped(raw)


def read_path(path: Path) -> Iterator[RawDocument | InputError]:
    """The documents in one file (one for .txt/.html, one a line for .jsonl)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(str(path), err.strerror or str(err))
        return
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "jsonl":
        yield from read_jsonl(path, data)
        return
    try:
        if kind == "html":
            yield read_html(path, data)
        else:
            yield RawDocument(path.name, path.name, _nonempty(decode(data)), sha256(data))
    except ValueError as err:
        yield InputError(str(path), str(err))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes as a browser would: BOM, UTF-8, a declared charset, then windows-1252.

    Raises ValueError with the reason when the bytes are binary or decode as none of them.
    """
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes)")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _textual(data[len(bom):].decode(codec, errors="replace"))
    try:
        return _textual(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        first_error = f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
    for codec in filter(None, (declared, "windows-1252")):
        try:
            return _textual(data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    raise ValueError(f"{first_error}, nor windows-1252")


def _textual(text: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise ValueError("binary file (mostly control characters)")
    return text


def _nonempty(text: str) -> str:
    if not text.strip():
        raise ValueError("empty file")
    return text


def read_html(path: Path, data: bytes) -> RawDocument:
    """Main text, title, date and site of a web page, through trafilatura (offline)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    match = _META_CHARSET.search(data[:4096])
    html = _nonempty(decode(data, match.group(1).decode() if match else None))
    found = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    return RawDocument(path.name, path.name, text, sha256(data), "html",
                       title=getattr(found, "title", None), published=_iso_date(getattr(found, "date", None)),
                       url=getattr(found, "url", None), site=getattr(found, "sitename", None))


def read_jsonl(path: Path, data: bytes) -> Iterator[RawDocument | InputError]:
    """One article a line: ``text`` required; ``id``, ``title``, ``published``, ``url`` optional."""
    try:
        content = _nonempty(decode(data))
    except ValueError as err:
        yield InputError(str(path), str(err))
        return
    # JSON Lines ends lines at "\n" only: a raw U+2028 or U+0085 inside a string is text.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(str(path), f"invalid JSON ({err.msg} at column {err.colno})", number)
            continue
        except RecursionError:
            yield InputError(str(path), "invalid JSON (nested too deeply)", number)
            continue
        if not isinstance(item, dict):
            yield InputError(str(path), "a line must be a JSON object", number)
            continue
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            yield InputError(str(path), "no 'text' (a non-empty string is required)", number)
            continue
        ident = str(item.get("id") or f"{path.name}#{number}")
        published = item.get("published")
        if published is not None and _iso_date(published) is None and str(published).strip():
            yield InputError(str(path), f"'published' {str(published)[:40]!r} is not a date (YYYY-MM-DD)", number)
            continue
        yield RawDocument(ident, ident, text, sha256(line.encode("utf-8")), "jsonl",
                          title=_str(item.get("title")), published=_iso_date(published),
                          url=_str(item.get("url")), site=_str(item.get("site")))


def _str(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def _iso_date(value) -> str | None:
    """The YYYY-MM-DD at the head of an ISO date or timestamp (or a YYYY-MM month), if it
    names a real day or month, else None."""
    match = re.match(r"\s*(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])", str(value or ""))
    if not match:
        return None
    try:
        dt.date.fromisoformat(match.group(1) if len(match.group(1)) == 10 else match.group(1) + "-01")
    except ValueError:
        return None
    return match.group(1)
