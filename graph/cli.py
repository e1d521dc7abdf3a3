"""The policykg command line: thin click commands over the library.

This is the one place that wires extraction (``extract``) to the graph (``graph``).
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from .rdf import TOOL_VERSION, document_iri, document_triples, extraction_iri
from .results import render, resolve_query
from .store import StoreError, open_store

EXPORTS = {".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
           ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}


def fail(message: str) -> None:
    """A user error: one line on stderr, exit status 1."""
    raise click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", envvar="POLICYKG_STORE", default="policykg.db", show_default=True,
              help="The store: a folder for the embedded on-disk store (env POLICYKG_STORE).")
@click.version_option(TOOL_VERSION, prog_name="policykg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """Turn policy news into a knowledge graph of who claimed what."""
    ctx.obj = {"store": store}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True, help="A line on stdout for each document stored or skipped.")
@click.option("--batch-size", default=16, show_default=True, help="Documents handed to spaCy at a time.")
@click.pass_context
def build(ctx: click.Context, paths: tuple[str, ...], quiet: bool, verbose: bool, batch_size: int) -> None:
    """Read documents (.txt, .html, .jsonl; folders walked), extract, and store each as its own graph."""
    from extract.nlp import ModelMissing, extractor_version, load
    from extract.pipeline import extract_many
    from extract.readers import InputError, Skipped, read_path, walk

    try:
        store = open_store(ctx.obj["store"])
    except StoreError as err:
        fail(str(err))
    counts = {"stored": 0, "skipped": 0, "failed": 0}
    current = str(extraction_iri(extractor_version()))  # a document extracted by other rules is redone
    files = []
    for item in walk(list(paths)):
        if isinstance(item, InputError):
            _report(item)
            counts["failed"] += 1
        elif isinstance(item, Skipped):
            click.echo(f"policykg: note: {item}", err=True)
        else:
            files.append(item)
    total = sum(_count_docs(f) for f in files)
    show_bar = not quiet and sys.stderr.isatty()

    def fresh():
        """Documents not yet stored with the same content; the others are counted as skipped."""
        for path in files:
            for doc in read_path(path):
                if isinstance(doc, InputError):
                    _report(doc)
                    counts["failed"] += 1
                    bar.update(1)
                elif store.has_content(doc.sha256, current):
                    counts["skipped"] += 1
                    bar.update(1)
                    if verbose:
                        click.echo(f"skipped {doc.file_name}")
                else:
                    yield doc

    from tqdm import tqdm

    with tqdm(total=total, unit="doc", disable=not show_bar, file=sys.stderr, leave=False) as bar:
        try:
            pending = fresh()
            first = next(pending, None)  # the model loads only when some document is new
            try:
                nlp = load() if first is not None else None
            except ModelMissing as err:
                fail(str(err))
            todo = itertools.chain([first], pending) if first is not None else iter(())
            for raw, record in extract_many(todo, nlp, batch_size=batch_size):
                bar.update(1)
                if isinstance(record, Exception):
                    _report(InputError(raw.file_name, f"extraction failed: {type(record).__name__}: {record}"))
                    counts["failed"] += 1
                    continue
                store.put_document(str(document_iri(record.key)), document_triples(record))
                counts["stored"] += 1
                if verbose:
                    click.echo(f"stored {raw.file_name}")
        finally:
            store.close()
    click.echo(f"{counts['stored']} stored, {counts['skipped']} skipped (unchanged), {counts['failed']} failed",
               err=True)
    if counts["failed"]:
        ctx.exit(1)


def _report(error) -> None:
    click.echo(f"policykg: error: {error}", err=True)


def _count_docs(path: Path) -> int:
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table",
              show_default=True, help="json is SPARQL 1.1 Query Results JSON.")
@click.pass_context
def query(ctx: click.Context, query: str, fmt: str) -> None:
    """Run a named query (documents, officials, bodies, industries, figures, claims), a .rq file, or - for stdin."""
    try:
        text = resolve_query(query, sys.stdin.read() if query == "-" else None)
    except (ValueError, OSError) as err:
        fail(str(err))
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        click.echo(render(store.query(text), fmt))
    except StoreError as err:
        fail(str(err))


STATS = """
PREFIX schema: <https://schema.org/>
PREFIX pkg: <https://w3id.org/policykg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT
  (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?o) AS ?officials) (COUNT(DISTINCT ?b) AS ?bodies)
  (COUNT(DISTINCT ?i) AS ?industries) (COUNT(DISTINCT ?f) AS ?figures) (COUNT(DISTINCT ?c) AS ?claims)
WHERE { GRAPH ?g {
  { ?d a schema:NewsArticle } UNION { ?o a pkg:Official } UNION { ?b a pkg:Body }
  UNION { ?i a skos:Concept } UNION { ?f a pkg:Figure } UNION { ?c a schema:Claim } } }
"""


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Counts: documents, triples, officials, bodies, industries, figures, claims."""
    import json

    try:
        store = open_store(ctx.obj["store"], read_only=True)
        row = next(iter(store.query(STATS)))
        triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value
    except StoreError as err:
        fail(str(err))
    counts = {"documents": int(row["documents"].value), "triples": int(triples)}
    for name in ("officials", "bodies", "industries", "figures", "claims"):
        counts[name] = int(row[name].value)
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        for name, value in counts.items():
            click.echo(f"{name:<11} {value:>8}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@click.pass_context
def export(ctx: click.Context, file: str) -> None:
    """Write the graph as RDF: .ttl, .nt, .jsonld (all documents merged) or .nq, .trig (a graph per document)."""
    suffix = Path(file).suffix.lower()
    if suffix not in EXPORTS:
        fail(f"{file}: unknown export format '{suffix}' (use {', '.join(EXPORTS)})")
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        Path(file).parent.mkdir(parents=True, exist_ok=True)
        store.dump(file, EXPORTS[suffix])
    except (StoreError, OSError) as err:
        fail(str(err))
    click.echo(f"wrote {file}", err=True)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="The whole report, misses included, as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List what was missed and what was spurious.")
@click.pass_context
def eval_(ctx: click.Context, gold_dir: Path, as_json: bool, verbose: bool) -> None:
    """Score the store against gold files (gold/SCHEMA.md): precision, recall, F1, attribute accuracy."""
    import json

    from . import evaluate
    from .results import named_queries, rows

    try:
        gold = evaluate.load_gold(gold_dir)
        store = open_store(ctx.obj["store"], read_only=True)
        queries = named_queries()
        answers = {name: rows(store.query(queries[name])) for name in evaluate.LISTS}
    except (evaluate.GoldError, StoreError) as err:
        fail(str(err))
    report = evaluate.evaluate(gold, answers)
    click.echo(json.dumps(evaluate.as_json(report), indent=2) if as_json else evaluate.as_table(report, verbose))
