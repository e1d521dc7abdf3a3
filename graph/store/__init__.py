"""Where the graph lives: the embedded store, remote SPARQL 1.1 stores, and the build's writer."""
