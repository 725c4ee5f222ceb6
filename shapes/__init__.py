"""SHACL shapes for auditing plan graphs (see the .ttl files beside this module)."""
