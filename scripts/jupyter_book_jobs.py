"""`jupyter-book build`, with Sphinx reading the pages on every core.

    python scripts/jupyter_book_jobs.py JOBS build . [jupyter-book arguments]

jupyter-book 1.x's command line has no option for Sphinx's parallel jobs, though the
function it calls takes one (`jobs`, always 1 from the command line). This runs the same
command with that one argument set; everything else is jupyter-book's own.
"""

from __future__ import annotations

import sys

import jupyter_book.sphinx
from jupyter_book.cli.main import main

_build_sphinx = jupyter_book.sphinx.build_sphinx


def build_sphinx(*args, jobs=None, **kwargs):
    return _build_sphinx(*args, jobs=JOBS, **kwargs)


if __name__ == "__main__":
    JOBS = int(sys.argv.pop(1))
    jupyter_book.sphinx.build_sphinx = build_sphinx  # the command imports it when it runs
    sys.exit(main())
