"""Let Sphinx read the pages in parallel (scripts/build.py asks for it).

jupyter-book loads sphinx-multitoc-numbering, which does not say whether it is safe for
parallel reading, so Sphinx reads serially and warns (an error here). It is safe: all it does
is replace the section numbering, which Sphinx runs once, in the main process, after every
page is read and merged. Its declaration is made here, where the book's extensions load
(after jupyter-book's).
"""

MULTITOC = "sphinx_multitoc_numbering"


def setup(app):
    ext = app.extensions.get(MULTITOC)
    if ext is not None:
        ext.parallel_read_safe = True
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
