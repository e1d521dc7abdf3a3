"""Kept so that ``from .sparql_text import Refused, check_services`` in server.py still works:
the SPARQL-lexical reading now lives in ``queries.sparql_text``, where the command line and
the endpoint both import it (see that module)."""
from queries.sparql_text import Refused, check_services, service_targets, tokens, unescape  # noqa: F401
