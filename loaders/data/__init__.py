"""Reference tables the loaders read as data, not code: department types, unit aliases, regions."""
