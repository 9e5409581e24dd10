"""One module per derived extract.

Each module defines
    RESOURCE = "<name in data/datapackage.json>"
    def make(upstream: Path) -> tuple[table, list[Path]]
returning the tidy table (a DataFrame, or a GeoDataFrame for GeoJSON resources) and
the upstream files it read. scripts/extract.py finds the modules, writes the files
and records their origin.
"""
