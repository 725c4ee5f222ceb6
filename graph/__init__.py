"""Graph: plan records to RDF (rdflib), named graphs per plan, deterministic serialisation."""
