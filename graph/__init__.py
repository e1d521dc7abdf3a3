"""Records to RDF: vocabulary, store, queries, exports and the command line."""
