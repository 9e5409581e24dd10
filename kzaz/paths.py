"""Where the book's files live, found from this package's own location.

Notebooks run from `chapters/`, tests from the repository root and scripts from
`scripts/`: every path is resolved against the repository root so that all of them
read the same files.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"
BUILD_DIR = ROOT / "_build"
