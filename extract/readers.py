"""Read input paths into raw documents: .txt, .html and .jsonl, folders walked.

Each problem with one input becomes an ``InputError`` naming the file (and line) and the
reason, so that a caller can report it in one line and go on with the other documents.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .dates import iso_day_or_month

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
# One input file is read whole; beyond this it is refused with a one-line error (a .jsonl
# corpus of this size is better split). Texts themselves may be long: they go in parts.
MAX_BYTES = 256 * 1024 * 1024


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
    """A document as read: its text and whatever metadata the container gave.

    ``key`` is its identity, unique among the documents of one build and the same from build
    to build: the file's path relative to the folder given (the file name for a file given
    by itself), with ``#id`` (or ``#line``) for a line of a .jsonl file. ``file_name`` is the
    name shown as ``?doc``; ``path`` and ``line`` say where it was read, for messages.
    """

    key: str
    file_name: str
    text: str
    sha256: str
    format: str = "text"
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    path: str = ""
    line: int | None = None


@dataclass
class Skipped:
    """A file walked over because it is of no supported type, or a linked folder not followed."""

    path: str
    reason: str = "not a .txt, .html or .jsonl file, skipped"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def walk(paths: list[str]) -> Iterator[Path | InputError | Skipped]:
    """The files below ``paths`` in sorted order; missing paths, unreadable folders, linked
    folders (not followed, so that a link cannot loop or leave the tree) and unknown types reported."""
    for item in walk_named(paths):
        yield item[0] if isinstance(item, tuple) else item


def walk_named(paths: list[str]) -> Iterator[tuple[Path, str] | InputError | Skipped]:
    """As ``walk``, each file with its name: the path relative to the folder given (with
    ``/`` between folders), or the file name for a file given by itself."""
    for raw in paths:
        path = Path(raw)
        try:
            path.stat()
        except FileNotFoundError:
            yield InputError(raw, "no such file or directory")
            continue
        except OSError as err:  # a file inside a folder that cannot be entered, a link loop, ...
            yield InputError(raw, err.strerror or str(err))
            continue
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                while unreadable:
                    err = unreadable.pop()
                    yield InputError(err.filename or root, f"folder not read: {err.strerror or err}")
                for d in sorted(dirs):
                    if not d.startswith(".") and os.path.islink(os.path.join(root, d)):
                        yield Skipped(os.path.join(root, d), "a link to a folder, not followed")
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    relative = child.relative_to(path).as_posix()
                    yield (child, relative) if child.suffix.lower() in SUFFIXES else Skipped(str(child))
            for err in unreadable:
                yield InputError(err.filename or raw, f"folder not read: {err.strerror or err}")
        elif path.suffix.lower() in SUFFIXES:
            yield path, path.name
        else:
            yield Skipped(raw)


def read_path(path: Path, name: str | None = None) -> Iterator[RawDocument | InputError]:
    """The documents in one file (one for .txt/.html, one a line for .jsonl); ``name`` is the
    file's identity (``walk_named``), its file name by default."""
    name = name or path.name
    try:
        data = _read_regular(path)
    except OSError as err:
        yield InputError(str(path), err.strerror or str(err))
        return
    except ValueError as err:
        yield InputError(str(path), str(err))
        return
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "jsonl":
        yield from read_jsonl(path, data, name)
        return
    try:
        if kind == "html":
            yield read_html(path, data, name)
        else:
            yield RawDocument(name, name, _nonempty(decode(data)), sha256(data), path=str(path))
    except ValueError as err:
        yield InputError(str(path), str(err))


STDIN = "<stdin>"  # what messages call standard input


def read_stdin(data: bytes, kind: str = "text", name: str | None = None) -> Iterator[RawDocument | InputError]:
    """The documents piped to ``build -``: one text (``kind`` text or html) or JSON lines
    (``jsonl``). A text's identity is ``name``, by default ``stdin-`` and the first 16 hex
    digits of its digest (each text piped in is its own document, the same text is skipped);
    JSON lines are ``NAME#id`` (NAME ``stdin`` by default)."""
    path = Path(STDIN)
    if len(data) > MAX_BYTES:
        yield InputError(STDIN, f"too large (over {MAX_BYTES // (1024 * 1024)} MB; split it)")
        return
    if kind == "jsonl":
        for doc in read_jsonl(path, data, name or "stdin"):
            if isinstance(doc, RawDocument):
                doc.path = STDIN
            yield doc
        return
    try:
        if kind == "html":
            doc = read_html(path, data, name or f"stdin-{sha256(data)[:16]}")
        else:
            text = _nonempty(decode(data))
            doc = RawDocument(name or f"stdin-{sha256(data)[:16]}", "", text, sha256(data))
            doc.file_name = doc.key
        doc.path = STDIN
        yield doc
    except ValueError as err:
        yield InputError(STDIN, str(err))


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file (a FIFO or device never is one: it could block or never
    end), at most MAX_BYTES."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise ValueError("not a regular file (a pipe, device or socket), not read")
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"too large (over {MAX_BYTES // (1024 * 1024)} MB; split it)")
    return data


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
        codec = _utf16_without_bom(data)
        if codec is None:
            raise ValueError("binary file (contains NUL bytes)")
        return _textual(data.decode(codec, errors="replace"))
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: mostly-Latin text has a NUL in nearly
    every other byte, on the odd side (little-endian) or the even side (big-endian)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.9 * half and even < 0.1 * half:
        return "utf-16-le"
    if even >= 0.9 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


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


def read_html(path: Path, data: bytes, name: str | None = None) -> RawDocument:
    """Main text, title, date and site of a web page, through trafilatura (offline)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    match = _META_CHARSET.search(data[:4096])
    html = _nonempty(decode(data, match.group(1).decode() if match else None))
    found = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    name = name or path.name
    return RawDocument(name, name, text, sha256(data), "html",
                       title=getattr(found, "title", None), published=_iso_date(getattr(found, "date", None)),
                       url=getattr(found, "url", None), site=getattr(found, "sitename", None), path=str(path))


def read_jsonl(path: Path, data: bytes, name: str | None = None) -> Iterator[RawDocument | InputError]:
    """One article a line: ``text`` required; ``id``, ``title``, ``published``, ``url`` optional.

    A line's identity is ``NAME#id`` (``NAME#LINE`` without an id); a second line of the same
    identity is an error naming both lines, and the first is kept.
    """
    name = name or path.name
    seen: dict[str, int] = {}
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
        wrong = [k for k in ("id", "title", "url", "site") if item.get(k) is not None
                 and not isinstance(item[k], (str, int) if k == "id" else str)]
        if wrong:
            yield InputError(str(path), f"'{wrong[0]}' must be a string", number)
            continue
        given = item.get("id")
        given = str(given) if given is not None and str(given).strip() else None
        key = f"{name}#{given if given is not None else number}"
        if key in seen:
            what = f"id {given!r}" if given is not None else f"identity {key!r}"
            yield InputError(str(path), f"duplicate {what} (first on line {seen[key]}, which is kept); "
                                        "this line is not stored", number)
            continue
        seen[key] = number
        published = item.get("published")
        if published is not None and _iso_date(published) is None and str(published).strip():
            yield InputError(str(path), f"'published' {str(published)[:40]!r} is not a date (YYYY-MM-DD)", number)
            continue
        yield RawDocument(key, given if given is not None else f"{name}#{number}", text,
                          sha256(line.encode("utf-8")), "jsonl",
                          title=_str(item.get("title")), published=_iso_date(published),
                          url=_str(item.get("url")), site=_str(item.get("site")), path=str(path), line=number)


def _str(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def _iso_date(value) -> str | None:
    """The YYYY-MM-DD at the head of an ISO date or timestamp (or a YYYY-MM month), if it
    names a real day or month, else None."""
    match = re.match(r"\s*(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])", str(value or ""))
    return match.group(1) if match and iso_day_or_month(match.group(1)) else None
