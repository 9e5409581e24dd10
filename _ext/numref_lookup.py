"""Numbered references ({numref}) find their target without unpickling its page each time.

To number a reference, Sphinx's standard domain loads the target page's whole stored tree,
only to look up the one node it points to, and loads it again for the next reference: the
summary and the ledger point at figures and sections across the book, and the trees of the
chapters run to a megabyte each. Here, while pages are written, each tree is loaded once for
these look-ups; the node is only read. Every other use of the stored trees is Sphinx's own.

This wraps a private method of Sphinx (7.x): if it is gone, the extension does nothing, and
the references are numbered as before, only slower.
"""

from sphinx.domains.std import StandardDomain

METHOD = "_resolve_numref_xref"
_trees: dict = {}  # docname -> its stored tree, for this build's look-ups


def _with_trees_loaded_once(resolve):
    def numref(self, env, *args, **kwargs):
        load = env.get_doctree

        def once(docname):
            if docname not in _trees:
                _trees[docname] = load(docname)
            return _trees[docname]

        env.get_doctree = once  # only for this call: the method reads the target node, never writes
        try:
            return resolve(self, env, *args, **kwargs)
        finally:
            del env.get_doctree

    numref.wrapped = resolve
    return numref


def _forget(*_args) -> None:
    _trees.clear()


def setup(app):
    resolve = getattr(StandardDomain, METHOD, None)
    if resolve is not None and not hasattr(resolve, "wrapped"):
        setattr(StandardDomain, METHOD, _with_trees_loaded_once(resolve))
    app.connect("env-updated", _forget)  # pages read again: trees loaded before are stale
    app.connect("build-finished", _forget)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
