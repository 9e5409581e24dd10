"""Facts in the prose, and verdicts as chips.

- ``{eval}`tr.cargo_latest` ``: a fact the notebook computed (`kzaz.prose.Facts`). In
  JupyterLab, jupyterlab-myst evaluates the expression in the kernel. In the book there
  is no kernel at parse time (the execution cache), so this role replaces myst-nb's: it
  reads the value the notebook published under the same name when the build executed
  it. Only `namespace.name` expressions are allowed, so what Lab evaluates and what the
  book looks up are the same thing; a name no notebook published fails the build.
- ``{verdict}`partly supported` ``: the verdict word in a coloured chip (in JupyterLab,
  the word itself).
"""

from __future__ import annotations

import ast
import re

from docutils import nodes
from myst_nb.core.variables import RetrievalError, render_variable_outputs
from myst_nb.ext.glue.utils import retrieve_glue_data
from myst_nb.ext.utils import RoleBase
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
EXPRESSION = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
VERDICTS = ("supported", "partly supported", "not supported", "not verifiable")


def _warn(role: RoleBase, text: str) -> tuple[list, list]:
    msg = role.inliner.reporter.warning(f"{{eval}}`{role.text}`: {text}", line=role.line)
    return [nodes.problematic(role.rawtext, role.rawtext)], [msg]


class FactRole(RoleBase):
    def run(self):
        if not EXPRESSION.match(self.text):
            return _warn(self, "the book's prose quotes facts as `namespace.name` (kzaz.prose.Facts)")
        try:
            data = retrieve_glue_data(self.document, self.text)
        except RetrievalError:
            ns = self.text.split(".")[0]
            return _warn(
                self,
                f"no such fact was published by this page's notebook (is '{ns}' a Facts "
                "namespace built in a cell above, and does it have this name?)",
            )
        if "text/markdown" in data.data:
            return render_variable_outputs([data], self.document, self.line, self.source, inline=True), []
        text = data.data.get("text/plain", "")
        try:
            text = str(ast.literal_eval(text))
        except (ValueError, SyntaxError):
            pass
        return [nodes.inline(text, text, classes=["kzaz-fact"])], []


def verdict_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    if text not in VERDICTS:
        msg = inliner.reporter.error(f"{{verdict}}`{text}`: not one of {VERDICTS}", line=lineno)
        return [nodes.problematic(rawtext, rawtext)], [msg]
    slug = text.replace(" ", "-")
    return [nodes.inline(text, text, classes=["kzaz-verdict", f"kzaz-verdict-{slug}"])], []


def register_claim_labels(app, doctree):
    """Claim cards come from a cell's Markdown output, whose targets Sphinx does not register
    as labels: register them, so the ledger and the summary can `{ref}` a claim's evidence."""
    std = app.env.get_domain("std")
    docname = app.env.docname
    for node in doctree.findall(nodes.Element):
        for node_id in node.get("ids", []):
            if re.fullmatch(r"claim-c\d\d", node_id):
                title = node_id.replace("claim-c", "claim C").upper().replace("CLAIM", "Claim")
                std.labels[node_id] = (docname, node_id, title)
                std.anonlabels[node_id] = (docname, node_id)


def setup(app):
    app.connect("doctree-read", register_claim_labels)
    # After myst-nb (a local extension loads after it): this role takes over `eval`.
    app.add_role("eval", FactRole(), override=True)
    app.add_role("verdict", verdict_role, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
