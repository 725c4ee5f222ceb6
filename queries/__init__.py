"""The SPARQL query library: one .rq file per research question."""
