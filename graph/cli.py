"""The policykg command line: thin click commands over the library.

Each command parses its options, calls one library function (a build is ``graph.build``,
which wires extraction to the graph) and prints the answer; a user error is one line.
"""
from __future__ import annotations

import errno
import math
import os
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from queries.results import TABULAR, QueryFailed, paged, parse_bindings, resolve_query, tabulate, write_answer

from . import __version__
from .model.iris import XSD
from .store import StoreError, is_remote, open_store, redact


def fail(message: str) -> None:
    """A user error: one line on stderr, exit status 1; never a password (``--store
    http://user:secret@host`` is shown as ``http://user:***@host``)."""
    raise click.ClickException(redact(message))


class Refusal(click.ClickException):
    """A query the command line will not run as given: one line on stderr, exit status 2 (the
    command needs an option the user did not give, as click's own usage errors do)."""

    exit_code = 2


def allow_service(function):
    """The --allow-service option of every command that runs a SPARQL text of the user's."""
    return click.option(
        "--allow-service", "services", multiple=True, metavar="URL",
        help="An endpoint the query may call with SERVICE (repeatable; the IRI exactly as the query "
             "names it, prefixes resolved); a query naming any other, or a variable, is refused "
             "(exit 2), as serve --allow-service does.")(function)


def check_service(text: str, services: tuple[str, ...], where: str) -> None:
    """Refuse ``text`` (exit 2, one line naming ``where`` it came from and the option to give)
    when it names a SERVICE endpoint that --allow-service did not name."""
    from queries.sparql_text import Refused, check_services

    try:
        check_services(text, frozenset(services))
    except Refused as err:
        if err.target:
            message = (f"{where}: SERVICE <{err.target}> refused (allow this endpoint with "
                       f"--allow-service {err.target})")
        else:
            message = (f"{where}: SERVICE refused: its endpoint is not a fixed IRI (a variable or an undeclared "
                       "prefix), so no --allow-service URL can allow it")
        raise Refusal(redact(message)) from None


def failure(err: Exception) -> str:
    """The first line of an error raised while an answer is read (a SERVICE that failed, ...),
    without the "with payload:" that announces the remote body on the lines after it."""
    first = str(err).splitlines()[0] if str(err).strip() else type(err).__name__
    return first.removesuffix(" with payload:").strip()


class Finite(click.FloatRange):
    """A float range that also refuses nan and inf (a FloatRange lets nan through: every
    comparison with nan is false)."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


class Main(click.Group):
    """The command group; output that cannot be written (``> /dev/full``, a closed pipe) is one
    line and exit status 1, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            answer = super().invoke(ctx)
            sys.stdout.flush()
            return answer
        except OSError as err:
            _silence_stdout()
            if err.errno == errno.EPIPE:  # the reader went away (| head): nothing to say
                ctx.exit(1)
            raise click.ClickException(redact(f"cannot write the output: {err.strerror or err}")) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what could not be
    written fails no second time ("Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's buffer)
        pass


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", envvar="POLICYKG_STORE", default="policykg.db", show_default=True,
              help="Where the graph lives: a folder for the embedded on-disk store, or a remote SPARQL 1.1 "
                   "store: the http(s):// base address of an Oxigraph server (e.g. http://127.0.0.1:7878), "
                   "or virtuoso+http(s)://HOST:PORT for Virtuoso 7 (env POLICYKG_STORE).")
@click.version_option(__version__, prog_name="policykg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """Turn policy news into a knowledge graph of who claimed what."""
    ctx.obj = {"store": store}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True, help="A line on stdout for each document stored or skipped.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Documents handed to spaCy at a time.")
@click.option("--nquads-out", type=click.Path(file_okay=False),
              help="Write N-Quads shards (1,000 documents each) to this folder for a bulk loader "
                   "instead of writing to the store; documents already in the store are still skipped.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Extract in N local processes, each loading the model once  [default: one per core, "
                   "at most one per batch of documents; 1 extracts in this process].")
@click.option("--dask", "dask_address", envvar="POLICYKG_DASK", metavar="tcp://HOST:PORT",
              help="Extract on this Dask distributed cluster (env POLICYKG_DASK); its workers need "
                   "policykg installed, and are best started with --nthreads 1.")
@click.option("--format", "stdin_format", type=click.Choice(["text", "html", "jsonl"]), default="text",
              show_default=True, help="What - (standard input) holds: one text or page, or JSON lines.")
@click.option("--name", "stdin_name", metavar="NAME",
              help="The identity of the document on standard input (default: stdin- and its digest; "
                   "for JSON lines, NAME#id with NAME stdin).")
@click.pass_context
def build(ctx: click.Context, paths: tuple[str, ...], quiet: bool, verbose: bool, batch_size: int,
          nquads_out: str | None, workers: int | None, dask_address: str | None, stdin_format: str,
          stdin_name: str | None) -> None:
    """Read documents (.txt, .html, .jsonl; folders walked; - for standard input), extract, and
    store each as its own graph."""
    from tqdm import tqdm

    from .build import Build, BuildError

    stdin = None
    if "-" in paths:
        stdin = (click.get_binary_stream("stdin").read(), stdin_format, stdin_name)
    try:
        job = Build(ctx.obj["store"], paths, nquads_out, stdin)
    except BuildError as err:
        fail(str(err))
    except KeyboardInterrupt:
        click.echo("policykg: interrupted before any document was read", err=True)
        ctx.exit(130)
    for kind, problem in job.problems:  # policykg: error: ... (counted as failed) or policykg: note: ...
        click.echo(f"policykg: {kind}: {problem}", err=True)
    show_bar = not quiet and sys.stderr.isatty()
    with tqdm(total=job.total, unit="doc", disable=not show_bar, file=sys.stderr, leave=False) as bar:

        def shown(event) -> None:
            bar.update(1)
            if event.error is not None:
                click.echo(f"policykg: error: {event.error}", err=True)
            elif verbose:
                click.echo(f"{event.outcome} {event.name}")

        try:
            counts = job.run(shown, batch_size, workers, dask_address)
        except BuildError as err:  # the store, the model or the writer failed: say so, then what was done
            bar.close()
            click.echo(f"policykg: error: {redact(str(err))}", err=True)
            if any(job.counts.values()):  # some documents were handled: say which came of them
                click.echo(summary(job.counts, " before it stopped"), err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            bar.close()
            click.echo("policykg: interrupted; the documents stored so far are kept "
                       "(a rebuild skips them)", err=True)
            click.echo(summary(job.counts, " before the interruption"), err=True)
            ctx.exit(130)
    click.echo(summary(counts), err=True)
    if counts["failed"]:
        ctx.exit(1)


def summary(counts: dict[str, int], when: str = "") -> str:
    return f"{counts['stored']} stored, {counts['skipped']} skipped (unchanged), {counts['failed']} failed{when}"


def _no_headers(ctx: click.Context, param, value: bool) -> bool:
    ctx.meta["no_headers"] = value
    return value


def formats(json_help: str):
    """The --format and --no-headers options every command answering with rows shares."""
    def decorate(function):
        function = click.option("--no-headers", is_flag=True, expose_value=False, callback=_no_headers,
                                help="csv and tsv: no header line.")(function)
        return click.option("--format", "fmt", type=click.Choice(TABULAR), default="table", show_default=True,
                            help=f"objects: a JSON array of row objects; nl: a JSON object a line; {json_help}.")(function)
    return decorate


def headers() -> bool:
    return not click.get_current_context().meta.get("no_headers", False)


def emit(text: str) -> None:
    """An answer on stdout, one newline at its end; nothing at all for an empty nl answer."""
    if text:
        click.echo(text)


@main.command()
@click.argument("query")
@formats("json: SPARQL 1.1 Query Results JSON")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable before it runs (repeatable); numbers bind as numbers, "
                   "http(s) addresses as IRIs, the rest as strings.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="For the claims query: keep claims whose speaker confidence is at least this.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many rows (a page).")
@click.option("--offset", type=click.IntRange(min=0), help="Skip this many rows first (with --limit: the page after).")
@allow_service
@click.pass_context
def query(ctx: click.Context, query: str, fmt: str, variables: tuple[str, ...], min_confidence,
          limit: int | None, offset: int | None, services: tuple[str, ...]) -> None:
    """Run a named query (policykg queries lists them), a .rq file, or - for stdin. A query
    naming SERVICE runs only for the endpoints --allow-service names."""
    try:
        text = resolve_query(query, sys.stdin.read() if query == "-" else None, whole=limit is None)
        bindings = parse_bindings(variables)
    except (ValueError, OSError) as err:
        fail(str(err))
    check_service(text, services, "the query on standard input" if query == "-" else query)
    if min_confidence is not None:
        if "?minConfidence" not in text:
            fail(f"{query}: --min-confidence applies to queries that use ?minConfidence (claims)")
        bindings["minConfidence"] = ox.Literal(str(min_confidence), datatype=ox.NamedNode(str(XSD.decimal)))
    try:
        text = paged(text, limit, offset)
    except ValueError as err:
        fail(str(err))
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        answer = store.query(text, bindings)
    except StoreError as err:
        fail(str(err))
    except (OSError, RuntimeError, ValueError) as err:
        fail(f"the query failed: {failure(err)}")
    sys.stdout.flush()
    try:  # the rows stream to stdout as they come; an OSError here is stdout's (Main.invoke)
        write_answer(answer, fmt, sys.stdout.buffer, headers=headers())
    except QueryFailed as err:  # raised while the answer is read: a SERVICE that failed, ...
        fail(f"the query failed: {failure(err.__cause__ or err)}")


@main.command("queries")
@formats("json: as objects")
def list_queries(fmt: str) -> None:
    """The named queries and what each answers."""
    from queries.results import header, named_queries

    # A header starts with the query's own name ("claims: who claimed what"), which the name column gives.
    found = [{"name": name, "description": header(text).removeprefix(f"{name}: ")}
             for name, text in sorted(named_queries().items())]
    if fmt == "table":
        emit("\n".join(f"{row['name']:<26} {row['description']}" for row in found))
    else:
        emit(tabulate(["name", "description"], found, fmt, headers=headers()))


@main.command()
@formats("json: one object")
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Counts: documents, triples, officials, bodies, industries, figures, claims."""
    import json

    from .store import counts as store_counts

    try:
        counts = store_counts(open_store(ctx.obj["store"], read_only=True))
    except StoreError as err:
        fail(str(err))
    if fmt == "json":
        emit(json.dumps(counts))
    elif fmt == "table":
        emit("\n".join(f"{name:<11} {value:>8}" for name, value in counts.items()))
    else:  # one row, a column per count
        emit(tabulate(list(counts), [counts], fmt, headers=headers()))


def network_options(function):
    """The options every network command shares: which projection, and what to keep."""
    from .network.project import NODE_TYPES, PROJECTIONS

    options = [
        click.option("--projection", "-p", type=click.Choice(PROJECTIONS), default=None,
                     help="Which network (default: co-mention for path/ego, actors otherwise)."),
        click.option("--since", help="Keep evidence dated on or after this day (YYYY-MM-DD, or YYYY, YYYY-MM)."),
        click.option("--until", help="Keep evidence dated on or before this day."),
        click.option("--type", "types", multiple=True, type=click.Choice(NODE_TYPES),
                     help="Keep nodes of this type (repeatable)."),
        click.option("--min-weight", type=float, default=0, show_default=True, help="Drop lighter edges."),
        click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False),
                     help="Edges from a SELECT of your own returning ?source ?target [?weight]."),
        allow_service,
    ]
    for option in reversed(options):
        function = option(function)
    return function


def load_network(ctx: click.Context, projection: str, since, until, types, min_weight, query_file,
                 services: tuple[str, ...] = ()):
    """The projected network the options ask for, or a one-line error."""
    from .network.project import Filters, NetworkError, project

    filters = Filters(since=_day(since, "since"), until=_day(until, "until", end=True),
                      types=frozenset(types), min_weight=min_weight)
    text = None
    if query_file:
        try:
            text = Path(query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            fail(f"{query_file}: {getattr(err, 'strerror', None) or err}")
        check_service(text, services, query_file)
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        return project(store, projection, filters, text)
    except StoreError as err:
        fail(str(err))
    except NetworkError as err:
        fail(f"{query_file}: {err}" if query_file else str(err))
    except (OSError, RuntimeError, ValueError) as err:  # raised while the answer is read: a SERVICE that failed, ...
        fail(f"{query_file + ': ' if query_file else ''}the query failed: {failure(err)}")


def _day(value: str | None, name: str, end: bool = False) -> str | None:
    """A --since/--until value as a full ISO day; a year or month stands for its first (or last) day."""
    import re

    import calendar
    import datetime as dt

    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        fail(f"--{name} {value}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    year, month = int(value[:4]), int(value[5:7])
    if not 1 <= month <= 12:
        fail(f"--{name} {value}: there is no month {value[5:7]}")
    if len(value) == 7:
        return f"{value}-{calendar.monthrange(year, month)[1] if end else 1:02d}"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--{name} {value}: there is no such day")
    return value


EXPORT_FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "gexf", "graphml", "csv-tables"]


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="The format (by default the file's suffix names it; needed for - , which is stdout). "
                   "csv-tables: FILE.nodes.csv and FILE.edges.csv for Gephi's spreadsheet import.")
@network_options
@click.pass_context
def export(ctx: click.Context, file: str, fmt: str | None, projection, since, until, types, min_weight,
           query_file, services) -> None:
    """Write the graph as RDF (.ttl, .nt, .jsonld: all documents merged; .nq, .trig: a graph per
    document; - with --format for stdout) or a network for Gephi (.gexf, with positions, colours,
    sizes and a timeline; .graphml; csv-tables)."""
    from .network import gexf
    from .store import EXPORTS, export as export_rdf

    lowered = file.lower()
    if fmt is None:
        if file == "-":
            fail("export -: say which format with --format (ttl, nt, nq, trig, jsonld)")
        fmt = "csv-tables" if lowered.endswith((".nodes.csv", ".edges.csv")) else Path(lowered).suffix.lstrip(".")
        if fmt not in EXPORT_FORMATS:
            fail(f"{file}: unknown export format '.{fmt}' (use {', '.join(list(EXPORTS) + list(gexf.FORMATS))}, "
                 "or --format csv-tables)")
    if fmt in ("gexf", "graphml", "csv-tables"):
        if file == "-":
            fail(f"export -: {fmt} is written to a file, not to stdout")
        name = projection or "actors"
        graph = load_network(ctx, name, since, until, types, min_weight, query_file, services)
        try:
            written = gexf.export(graph, file, name, fmt)
        except OSError as err:
            fail(f"{file}: {err.strerror or err}")
        click.echo(f"wrote {' and '.join(written)} ({name}: {graph.number_of_nodes()} nodes, "
                   f"{graph.number_of_edges()} edges)", err=True)
        return
    if any([projection, since, until, types, min_weight, query_file]):
        fail(f"{file}: --projection and the network filters apply to .gexf, .graphml and csv-tables exports only")
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        if file == "-":
            export_rdf(store, file, fmt, output=sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            export_rdf(store, file, fmt)
    except StoreError as err:
        fail(str(err))
    except OSError as err:
        if file == "-":
            raise  # stdout: Main says it in one line
        fail(f"{file}: {err.strerror or err}")
    if file != "-":
        click.echo(f"wrote {file}", err=True)


FORMAT = formats('json: {"notes", "rows"}')
PLOT = click.option("--plot", type=click.Path(dir_okay=False, writable=True),
                    help="Also draw the network (or timeline) to this PNG file.")


@main.group()
def analyze() -> None:
    """Network analyses of the graph (networkx): centrality, communities, path, ego, timeline."""


def _show(answer, fmt: str) -> None:
    from queries.results import render_rows

    emit(render_rows(answer.rows, fmt, answer.notes, columns=answer.columns, headers=headers()))
    if fmt not in ("table", "json"):  # the notes would spoil the data: on stderr
        for note in answer.notes:
            click.echo(f"policykg: note: {note}", err=True)


def _draw(graph, file: str | None, title: str) -> None:
    if not file:
        return
    from .network import plot
    from .network.analyze import undirected

    import networkx as nx

    simple = undirected(graph)
    pagerank = nx.pagerank(simple, weight="weight") if simple.number_of_nodes() else {}
    try:
        plot.network_png(graph, file, pagerank, title)
    except OSError as err:
        fail(f"{file}: {err.strerror or err}")
    click.echo(f"wrote {file}", err=True)


@analyze.command()
@network_options
@click.option("--top", default=20, show_default=True, help="How many nodes to list.")
@click.option("--by", type=click.Choice(["pagerank", "degree", "weighted_degree", "betweenness", "eigenvector"]),
              default="pagerank", show_default=True, help="Rank by this centrality.")
@FORMAT
@PLOT
@click.pass_context
def centrality(ctx, projection, since, until, types, min_weight, query_file, services, top, by, fmt, plot) -> None:
    """The most central entities: degree, weighted degree, betweenness, PageRank, eigenvector."""
    from .network import analyze as analyses

    name = projection or "actors"
    graph = load_network(ctx, name, since, until, types, min_weight, query_file, services)
    _show(analyses.centrality(graph, top=top, by=by), fmt)
    _draw(graph, plot, f"policykg: {name} network")


@analyze.command()
@network_options
@click.option("--seed", default=42, show_default=True, help="Louvain's random seed (same seed, same answer).")
@click.option("--resolution", default=1.0, show_default=True, help="Above 1: smaller communities.")
@FORMAT
@PLOT
@click.pass_context
def communities(ctx, projection, since, until, types, min_weight, query_file, services, seed, resolution, fmt,
                plot) -> None:
    """Louvain communities with modularity, their members and most central member."""
    from .network import analyze as analyses

    name = projection or "actors"
    graph = load_network(ctx, name, since, until, types, min_weight, query_file, services)
    _show(analyses.communities(graph, seed=seed, resolution=resolution), fmt)
    _draw(graph, plot, f"policykg: {name} network")


@analyze.command()
@click.argument("source")
@click.argument("target")
@network_options
@FORMAT
@PLOT
@click.pass_context
def path(ctx, source, target, projection, since, until, types, min_weight, query_file, services, fmt, plot) -> None:
    """The shortest path between two entities (names, aliases or IRIs), each hop with its evidence."""
    from .network import analyze as analyses

    graph = load_network(ctx, projection or "co-mention", since, until, types, min_weight, query_file, services)
    try:
        answer = analyses.path(graph, source, target)
    except analyses.AnalysisError as err:
        fail(str(err))
    _show(answer, fmt)
    _draw(graph.subgraph(answer.nodes), plot, f"policykg: {source} to {target}")


@analyze.command()
@click.argument("name")
@click.option("--radius", "-r", default=1, show_default=True, help="Hops from the entity.")
@network_options
@FORMAT
@PLOT
@click.pass_context
def ego(ctx, name, radius, projection, since, until, types, min_weight, query_file, services, fmt, plot) -> None:
    """The neighbourhood of one entity within --radius hops."""
    from .network import analyze as analyses

    graph = load_network(ctx, projection or "co-mention", since, until, types, min_weight, query_file, services)
    try:
        sub, answer = analyses.ego(graph, name, radius)
    except analyses.AnalysisError as err:
        fail(str(err))
    _show(answer, fmt)
    _draw(sub, plot, f"policykg: {name}, radius {radius}")


@analyze.command()
@click.option("--by", type=click.Choice(["speaker", "body", "industry"]), default="speaker", show_default=True)
@click.option("--per", type=click.Choice(["month", "year"]), default="month", show_default=True)
@click.option("--since", help="Keep claims dated on or after this day.")
@click.option("--until", help="Keep claims dated on or before this day.")
@FORMAT
@PLOT
@click.pass_context
def timeline(ctx, by, per, since, until, fmt, plot) -> None:
    """Claims per speaker, body or industry per month or year (named query claims-over-time)."""
    from .network import analyze as analyses
    from .network.project import Filters, in_window
    from queries.results import named_queries, rows

    window = Filters(since=_day(since, "since"), until=_day(until, "until", end=True))
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        claims = [row for row in rows(store.query(named_queries()["claims-over-time"]))
                  if in_window(row.get("date"), window)]
    except StoreError as err:
        fail(str(err))
    answer = analyses.timeline(claims, by=by, per=per)
    _show(answer, fmt)
    if plot:
        from .network import plot as plots

        try:
            plots.timeline_png(answer.rows, by, per, plot)
        except OSError as err:
            fail(f"{plot}: {err.strerror or err}")
        click.echo(f"wrote {plot}", err=True)


AUDITS = {"disagreeing-figures": "figures that disagree: same measure, subject, period and unit, different values",
          "open-periods": "figures whose period had not ended when the article was published",
          "unresolved-speakers": "statements whose speaker resolves to no official or body"}


@main.command()
@click.option("--check", "checks", multiple=True, type=click.Choice(list(AUDITS)),
              help="Run only this check (repeatable); all three by default. Checks run and are shown in the "
                   "order listed here, whatever the order given.")
@formats("json: an object of check -> its rows; csv, tsv, objects and nl: one table, as described above")
@click.option("--strict", is_flag=True, help="Exit 1 when any check finds something (for scripts and CI).")
@click.pass_context
def audit(ctx: click.Context, checks: tuple[str, ...], fmt: str, strict: bool) -> None:
    """What an analyst should look at twice: disagreeing figures, periods still open at
    publication, unresolved speakers. Each check is a named query (audit-CHECK).

    csv, tsv, objects and nl give one table, as sqlite-utils insert and datasette take it: a
    row per finding, the column check first, then the columns of the checks run, in this order:

    \b
      disagreeing-figures: measure subject period unit value1 text1 doc1 value2 text2 doc2
      open-periods: value unit period published text sentence doc
      unresolved-speakers: speakerText cue kind sentence date doc

    A name two checks share means the same in both (doc: the document's file name; period,
    unit: the figures'; sentence: the one the finding is in), so it is one column. A column its
    check does not have is empty (null in objects and nl); the header is the same on every run
    of the same checks, rows or none.
    """
    import json

    from queries.results import named_queries

    queries = named_queries()
    selected = [name for name in AUDITS if name in checks] if checks else list(AUDITS)
    found: dict[str, tuple[list[str], list[dict]]] = {}
    try:
        store = open_store(ctx.obj["store"], read_only=True)
        with progress(len(selected), "checks") as bar:
            for name in selected:
                result = store.query(queries[f"audit-{name}"])
                names = [v.value for v in result.variables]
                found[name] = names, [{n: row[n] for n in names if row[n] is not None} for row in result]
                bar.update(1)
    except StoreError as err:
        fail(str(err))
    if fmt == "json":
        emit(json.dumps({name: [{k: v.value for k, v in row.items()} for row in answer]
                         for name, (_, answer) in found.items()}, indent=2, ensure_ascii=False))
    elif fmt == "table":
        sections = []  # a blank line between checks, none after the last
        for name, (names, answer) in found.items():
            title = f"== {name}: {AUDITS[name]} ({len(answer)})"
            sections.append(f"{title}\n{tabulate(names, answer, 'table')}" if answer else title)
        emit("\n\n".join(sections))
    else:  # one table: check, then the union of the checks' columns (same name, same meaning)
        names = list(dict.fromkeys(["check", *(n for columns, _ in found.values() for n in columns)]))
        emit(tabulate(names, [{**row, "check": name} for name, (_, answer) in found.items() for row in answer],
                      fmt, headers=headers()))
    if strict and any(answer for _, answer in found.values()):
        ctx.exit(1)


def progress(total: int, unit: str):
    """A progress bar on stderr when it is a terminal (nothing otherwise)."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, leave=False, disable=not sys.stderr.isatty())


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=Finite(min=0, min_open=True, max=86400),
              help="Seconds a query may run before it is ended.")
@click.option("--max-results", default=100_000, show_default=True, type=click.IntRange(min=1),
              help="Rows (or triples) a query may return.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates carrying the token (env POLICYKG_TOKEN).")
@click.option("--token", envvar="POLICYKG_TOKEN", help="The token updates must carry (Authorization: Bearer ...).")
@click.option("--allow-service", "services", multiple=True, metavar="URL",
              help="A SPARQL endpoint queries may name in SERVICE (repeatable); without it SERVICE is refused.")
@click.option("--cors", multiple=True, metavar="ORIGIN",
              help="A web origin whose pages may call the endpoint (repeatable; * for any); none by default.")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(min=16), metavar="MB",
              help="Memory a query may take (its process is capped; over it the answer is 503).")
@click.option("--max-body", default=1 << 20, show_default=True, type=click.IntRange(min=1024), metavar="BYTES",
              help="Largest request body read (larger: 413).")
@click.option("--workers", default=max(2, os.cpu_count() or 2), show_default="one per core, at least 2",
              type=click.IntRange(min=1), help="Queries run at once.")
@click.option("--queue", default=32, show_default=True, type=click.IntRange(min=0),
              help="Queries that may wait for a worker; more get 503 with Retry-After.")
@click.option("--verbose", "-v", is_flag=True, help="Log every request.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, timeout: float, max_results: int, allow_update: bool,
          token: str | None, services: tuple[str, ...], cors: tuple[str, ...], max_memory: int, max_body: int,
          workers: int, queue: int, verbose: bool) -> None:
    """A SPARQL 1.1 Protocol endpoint (/sparql) and a query page (/), read-only by default.
    Queries see the store as it is when they start, also while a build writes to it."""
    from .serve.server import Settings, make_server, valid_token

    location = ctx.obj["store"]
    if is_remote(location):
        fail(f"{location}: serve runs on the embedded store; a remote store has its own endpoint")
    if not (Path(location) / "CURRENT").is_file():  # RocksDB's own: a folder without it holds no store
        fail(f"{location}: no store here yet (run 'policykg build' first)")
    if allow_update and not (token and valid_token(token)):
        fail("--allow-update needs --token (or env POLICYKG_TOKEN): at least 16 characters")
    settings = Settings(store=location, timeout=timeout, max_results=max_results, allow_update=allow_update,
                        token=token, services=services, cors=cors, max_memory=max_memory, max_body=max_body,
                        workers=workers, queue=queue)
    try:
        server = make_server(settings, host, port, verbose)
    except OSError as err:
        fail(f"cannot serve on {host}:{port}: {err.strerror or err}")
    bound = server.server_address
    click.echo(f"policykg: SPARQL endpoint http://{bound[0]}:{bound[1]}/sparql, query page http://{bound[0]}:{bound[1]}/"
               f" ({'updates allowed with the token' if allow_update else 'read-only'}; Ctrl-C stops)", err=True)
    if host not in ("127.0.0.1", "::1", "localhost"):
        click.echo(f"policykg: warning: listening on {host}, not only this machine: anyone who can reach it "
                   "can query the store", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@formats('json: {"conforms", "violations"}')
@click.option("--batch", default=200, show_default=True, type=click.IntRange(min=1),
              help="Documents validated together (bounds memory).")
@click.pass_context
def validate(ctx: click.Context, fmt: str, batch: int) -> None:
    """Check the store against the SHACL shapes (graph/model/shapes.ttl) with pySHACL; exit 1 on violations."""
    import json

    from .model import validate as shacl

    try:
        store = open_store(ctx.obj["store"], read_only=True)
        with progress(0, "doc") as bar:
            def advance(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            rows = [shacl.as_row(violation) for violation in shacl.validate_store(store, batch, advance)]
    except StoreError as err:
        fail(str(err))
    if fmt == "json":
        emit(json.dumps({"conforms": not rows, "violations": rows}, indent=2, ensure_ascii=False))
    elif rows or fmt != "table":
        emit(tabulate(VIOLATION, rows, fmt, headers=headers()))
    if not rows:
        click.echo("policykg: the store conforms to the shapes", err=True)
    else:
        click.echo(f"policykg: {len(rows)} violation{'s' if len(rows) != 1 else ''} of the shapes", err=True)
        ctx.exit(1)


VIOLATION = ["severity", "focus", "path", "message", "shape", "documents"]


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="The whole report, misses included, as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List what was missed and what was spurious.")
@click.pass_context
def eval_(ctx: click.Context, gold_dir: Path, as_json: bool, verbose: bool) -> None:
    """Score the store against gold files (gold/SCHEMA.md): precision, recall, F1, attribute accuracy."""
    import json

    from . import evaluate
    from queries.results import named_queries, rows

    try:
        gold = evaluate.load_gold(gold_dir)
        store = open_store(ctx.obj["store"], read_only=True)
        queries = named_queries()
        answers = {name: rows(store.query(queries[name])) for name in evaluate.LISTS}
    except (evaluate.GoldError, StoreError) as err:
        fail(str(err))
    report = evaluate.evaluate(gold, answers)
    click.echo(json.dumps(evaluate.as_json(report), indent=2) if as_json else evaluate.as_table(report, verbose))
