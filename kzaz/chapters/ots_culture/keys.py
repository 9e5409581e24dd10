"""The numbers the chapter's findings rest on, for the summary's key-numbers table."""

from __future__ import annotations

from kzaz import dates
from kzaz.computed import once_per_build
from kzaz.markdown import link

from . import derive
from .inputs import DIASPORA, Inputs


def _source(rows) -> str:
    """The source most rows of a table cite, as a Markdown link with its publisher."""
    top = rows.groupby(["source_publisher", "source_url"]).size().idxmax()
    return link(*top)


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    s, m = inp.summits, inp.members
    members = int(m["status"].isin(["founding member", "member"]).sum())
    observers = int((m["status"] == "observer").sum())
    out = [
        {
            "what": "Summits of the Turkic states held (heads of state)",
            "value": f"{len(s)} summits",
            "period": f"{inp.first_year}–{inp.last_year}",
            "source": _source(s),
        },
        {
            "what": "Members and observers of the OTS",
            "value": f"{members} members, {observers} observers",
            "period": f"latest change {dates.label(m['since'].max())}",
            "source": _source(m),
        },
    ]
    msgs = derive.ots_messages(inp)
    if len(msgs):
        r = msgs.iloc[-1]
        out.append(
            {
                "what": f"Areas of cooperation, in the OTS's own words (claim C19: more than {inp.threshold})",
                "value": f"{r['qualifier']} {r['count']} areas",
                "period": f"{r['date']:%-d %B %Y}",
                "source": link(r["source_publisher"], r["source_url"]),
            }
        )
    used = derive.counts_used(inp)
    if len(used):
        r = used.iloc[-1]
        out.append(
            {
                "what": DIASPORA + " (statistics bureau)",
                "value": f"{int(r['value']):,} persons",
                "period": r["when"],
                "source": link(r["source_publisher"], r["source_url"]),
            }
        )
    return out
