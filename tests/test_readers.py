from pathlib import Path

from extract.readers import InputError, RawDocument, decode, read_path, walk


def test_bad_inputs_each_get_a_reason(tmp_path: Path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "Li said the plan works."}\n{not json}\n{"title": "no text"}\n'
                                        '{"text": "Ng said so.", "published": "2024-13-45"}\n')
    reasons = {}
    for path in walk([str(tmp_path), str(tmp_path / "missing.txt")]):
        items = [path] if isinstance(path, InputError) else list(read_path(path))
        for item in items:
            if isinstance(item, InputError):
                where = item.path.replace(str(tmp_path) + "/", "") + (f":{item.line}" if item.line else "")
                reasons[where] = item.reason
    assert reasons == {
        "bin.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "bad.jsonl:2": "invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        "bad.jsonl:3": "no 'text' (a non-empty string is required)",
        "bad.jsonl:4": "'published' '2024-13-45' is not a date (YYYY-MM-DD)",
        "missing.txt": "no such file or directory",
    }


def test_windows_1252_is_decoded_as_a_browser_would():
    assert decode("Minister’s “plan”".encode("cp1252")) == "Minister’s “plan”"


def test_undecodable_bytes_fail_clearly():
    try:
        decode(b"abc \x81\x8d\x8f\x90\x9d text")
    except ValueError as err:
        assert str(err) == "not valid UTF-8 (byte 0x81 at offset 4), nor windows-1252"
    else:
        raise AssertionError("decoded")


def test_jsonl_metadata(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x1", "text": "Some text.", "title": "T", "published": "2024-05-01T10:00:00Z", "url": "http://e.org/a"}\n')
    (doc,) = read_path(path)
    assert isinstance(doc, RawDocument)
    assert (doc.key, doc.title, doc.published, doc.url) == ("x1", "T", "2024-05-01", "http://e.org/a")


def test_html_through_trafilatura(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Chips plan - Daily</title><meta property='article:published_time' content='2024-03-01'></head>"
                    "<body><article><h1>EU unveils chips plan</h1><p>EU Commissioner Thierry Breton said the bloc "
                    "will spend 43 billion euros on semiconductors by 2030, to double its market share.</p>"
                    "<p>The plan covers research, pilot lines and new factories across the union.</p></article></body></html>")
    (doc,) = read_path(path)
    assert doc.title == "EU unveils chips plan" and doc.published == "2024-03-01"
    assert "43 billion euros" in doc.text


def test_jsonl_lines_end_at_line_feeds_only_and_deep_nesting_is_an_error(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "a", "text": "Ng said\u2028the plan\u0085works."}\n'
                    + "[" * 3000 + "]" * 3000 + "\n" + '{"id": "c", "text": "Li said so."}\n', encoding="utf-8")
    items = list(read_path(path))
    assert [(type(i).__name__, getattr(i, "key", None), getattr(i, "line", None)) for i in items] == [
        ("RawDocument", "a", None), ("InputError", None, 2), ("RawDocument", "c", None)]
    assert items[0].text == "Ng said\u2028the plan\u0085works."
    assert items[1].reason == "invalid JSON (nested too deeply)"


def test_only_regular_files_are_read_and_unreadable_or_linked_folders_are_reported(tmp_path: Path):
    import os

    root = tmp_path / "in"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "a.txt").write_text("The minister said the plan works.")
    os.mkfifo(root / "ok" / "pipe.txt")
    os.symlink("/dev/zero", root / "ok" / "zero.txt")
    os.symlink(root / "ok", root / "loop")
    (root / "locked").mkdir()
    (root / "locked" / "b.txt").write_text("Hidden.")
    os.chmod(root / "locked", 0)
    try:
        found = []
        for item in walk([str(root)]):
            items = [item] if not isinstance(item, Path) else list(read_path(item))
            for x in items:
                where = getattr(x, "path", None) or getattr(x, "file_name", None)
                found.append((str(where).replace(str(root) + "/", ""), type(x).__name__, getattr(x, "reason", None)))
    finally:
        os.chmod(root / "locked", 0o755)
    expected = {
        ("loop", "Skipped", "a link to a folder, not followed"),
        ("a.txt", "RawDocument", None),
        ("ok/pipe.txt", "InputError", "not a regular file (a pipe, device or socket), not read"),
        ("ok/zero.txt", "InputError", "not a regular file (a pipe, device or socket), not read"),
    }
    if os.geteuid() != 0:  # root reads any folder
        expected.add(("locked", "InputError", "folder not read: Permission denied"))
    else:
        expected.add(("b.txt", "RawDocument", None))
    assert set(found) == expected


def test_utf16_without_a_bom_is_text():
    text = "Minister Ana Souza said the plan works."
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_jsonl_fields_of_the_wrong_type_are_errors(tmp_path: Path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "Li said so.", "title": ["a", "list"]}\n{"id": 7, "text": "Ng said so."}\n')
    items = list(read_path(path))
    assert str(items[0]) == f"{path}:1: 'title' must be a string"
    assert items[1].key == "7"
