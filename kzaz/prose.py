"""Facts the prose quotes: computed in a chapter's module, written into the text with `{eval}`.

A chapter's `facts()` returns a `Facts` namespace, and the notebook binds it to the
namespace's name (`tr = transport.facts(inputs)`). The prose then writes
``{eval}`tr.cargo_latest` `` where the number goes:

- in JupyterLab (jupyterlab-myst), the role is evaluated in the kernel and shows the
  fact's text;
- in the book, the Sphinx extension `_ext/prose_facts.py` looks the expression up in
  what this notebook published when the build executed it: `Facts` glues every fact
  under the key `"<namespace>.<name>"` (invisible in Jupyter).

So one source reads the same in both places, and a fact that no notebook publishes
fails the build. A fact is text already formatted for a sentence (`Fact`, a `str`),
which keeps its computed value in `.value`; Markdown facts (a link, a verdict chip)
render as MyST in the book and as Markdown in JupyterLab.
"""

from __future__ import annotations

import re

from .numbers import plain

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class Fact(str):
    """A fact's text, as the sentence shows it, with the number behind it in `.value`."""

    value: object
    markdown: bool
    book: str | None

    def __new__(cls, text: str, value=None, markdown: bool = False, book: str | None = None):
        self = super().__new__(cls, text)
        self.value = plain(value) if value is not None else str(text)
        self.markdown = markdown
        self.book = book  # MyST the book renders instead of the text (a verdict chip)
        return self

    def __repr__(self) -> str:  # what {eval} shows in JupyterLab: the text, unquoted
        return str(self)

    def _repr_markdown_(self):
        return str(self) if self.markdown else None


def fmt(value, spec: str = "") -> Fact:
    """A number formatted for prose: `fmt(2.345, ".1f")` -> Fact('2.3', value=2.345)."""
    value = plain(value)
    return Fact(format(value, spec) if spec else str(value), value)


def times(n: int) -> Fact:
    """How often, in words: 'once', 'twice', '3 times' (the value stays the number)."""
    return Fact({1: "once", 2: "twice"}.get(n, f"{n} times"), n)


def count(n: int) -> Fact:
    """How many, for a sentence: 'none' for 0, else the number (the value stays the number)."""
    return Fact("none" if n == 0 else str(n), n)


def md(text: str) -> Fact:
    """A fact written in MyST Markdown (links, roles): rendered, not shown as source."""
    return Fact(text, markdown=True)


def verdict(word: str, claim: str | None = None) -> Fact:
    """A verdict: its word in JupyterLab, a coloured chip with the word in the book.

    With `claim` ("C07") the claim's number comes first, linked to its card in the book.
    """
    if claim is None:
        return Fact(word, book=f"{{verdict}}`{word}`")
    return Fact(f"{claim} {word}", book=f"{{ref}}`{claim} <claim-{claim.lower()}>`\u00a0{{verdict}}`{word}`")


class Facts:
    """A namespace of facts, published for the book under `<namespace>.<name>`.

    Facts("tr", cargo_latest=fmt(4.5, ".1f"), latest_year=fmt(2025)). Values that are
    not `Fact`s are taken as they are (ints as "2025", strings as text).
    """

    def __init__(self, namespace: str, /, **facts):
        if not NAME.match(namespace):
            raise ValueError(f"namespace '{namespace}' must be a lower-case Python name")
        self._namespace = namespace
        self._facts: dict[str, Fact] = {}
        for name, value in facts.items():
            self[name] = value

    def __setitem__(self, name: str, value) -> None:
        if not NAME.match(name):
            raise ValueError(f"fact '{name}' must be a lower-case Python name (used in {{eval}}`ns.name`)")
        if name in self._facts:
            raise ValueError(f"fact '{self._namespace}.{name}' is set twice")
        self._facts[name] = value if isinstance(value, Fact) else fmt(value)

    def __getattr__(self, name: str) -> Fact:
        facts = self.__dict__.get("_facts", {})
        if name in facts:
            return facts[name]
        raise AttributeError(f"no fact '{name}' in '{self.__dict__.get('_namespace')}'")

    def __getitem__(self, name: str) -> Fact:
        return self._facts[name]

    def __contains__(self, name: str) -> bool:
        return name in self._facts

    def __iter__(self):
        return iter(self._facts)

    def __dir__(self):
        return [*super().__dir__(), *self._facts]

    def __len__(self) -> int:
        return len(self._facts)

    @property
    def namespace(self) -> str:
        return self._namespace

    def values(self) -> dict:
        """The computed values behind the facts (for tests and other modules)."""
        return {k: f.value for k, f in self._facts.items()}

    def publish(self) -> Facts:
        """Glue every fact for the book (no visible output in Jupyter); returns self.

        Outside a kernel (tests, scripts) there is nothing to glue into: a no-op. Nor under a
        Jupyter server: JupyterLab evaluates {eval} itself, and a hundred invisible outputs
        would only fold the cell's output behind "Show more outputs".
        """
        from IPython import get_ipython

        from .render import where

        if get_ipython() is None or where() != "book":
            return self
        from IPython.display import Markdown
        from myst_nb import glue

        for name, fact in self._facts.items():
            book = fact.book or (str(fact) if fact.markdown else None)
            glue(f"{self._namespace}.{name}", Markdown(book) if book else str(fact), display=False)
        return self

    def _repr_markdown_(self):  # a bare `tr` in a cell lists what the prose can quote
        rows = "\n".join(f"| `{self._namespace}.{k}` | {v} |" for k, v in self._facts.items())
        return f"| fact | text |\n|---|---|\n{rows}"
