"""The members-and-observers map: statuses in their own colours, labels on land, leader lines where crowded."""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import basemap, theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says

from .inputs import Inputs

BBOX = (14.0, 33.0, 90.0, 56.0)  # Hungary to the western edge of Mongolia
EQUAL_AREA = "EPSG:6933"  # for the size of a country in the frame (km², not degrees)
# Statuses are not countries: green and yellow (theme.OTHER) for members, greys for observers,
# and a pale grey with a dashed outline where the status is disputed.
STATUS = {
    "Founding member": theme.GREEN,
    "Member (joined later)": theme.YELLOW,
    "Observer state": theme.NEUTRAL[2],
    "Observer entity": theme.NEUTRAL[3],
    "Observer entity, status disputed": theme.NEUTRAL[4],
}
# Where a party's label goes when its shape is too small or crowded for it: a point on land, joined
# to the shape by a leader line (lon, lat, align). On a wide screen Hungary's label sits north of it,
# so its colour shows; Azerbaijan's north of the Caucasus, not in the Caspian; Northern Cyprus's east
# of the island, over Syria; Turkmenistan's and Kyrgyzstan's in the open land south and east of
# Central Asia. A phone's map is smaller, so some labels go elsewhere (PHONE_LABEL_AT); a phone is a
# chart narrower than PHONE px. The others sit on a point inside their shape.
LABEL_AT = {
    "HUN": (19.4, 50.6, "center"),
    "AZE": (43.4, 45.8, "center"),
    "CYN": (35.9, 34.6, "left"),
    "TKM": (59.6, 35.5, "center"),
    "KGZ": (85.0, 42.6, "center"),
}
PHONE_LABEL_AT = {
    **LABEL_AT,
    "AZE": (46.0, 35.6, "center"),
    "CYN": (31.6, 34.2, "right"),
    "TKM": (61.0, 34.6, "center"),
    "KGZ": (84.5, 42.6, "center"),
}
PHONE = 420
# Neighbours named on the map: large in the frame and bordering a member (see `neighbours`).
NEIGHBOUR_KM2 = 300_000
# Where a neighbour's name goes when the point inside its shape would sit under another label.
NEIGHBOUR_AT = {"RUS": (47.0, 53.6), "IRN": (52.8, 33.8), "CHN": (86.0, 38.2), "AFG": (68.8, 34.2)}
MINOR = ("Ukraine", "Afghanistan", "Iran", "Mediterranean Sea")  # names a phone leaves out: no room
# Seas (lon, lat, angle): the Caspian's name runs along it, as it is narrow from east to west.
SEAS = {"Caspian\nSea": (50.45, 41.6, 276), "Black Sea": (34.6, 43.2, 0), "Mediterranean Sea": (20.5, 35.3, 0)}
FONT = alt.ExprRef(f"width < {PHONE} ? 8 : 11")  # labels smaller on a phone
SEA_FONT = alt.ExprRef(f"width < {PHONE} ? 8 : 10")
SHOWN_IF_WIDE = alt.ExprRef(f"width < {PHONE} ? 0 : 1")
SMALL_KM2 = 10_000  # a territory smaller than this is drawn with a marker as well


def parties(inp: Inputs) -> pd.DataFrame:
    """The parties on the map, with the point inside each shape and where its label goes."""
    on_map = inp.members[inp.members["map_code"].notna()]
    shapes = basemap.countries(BBOX).set_index("iso3").loc[on_map["map_code"]]
    inside = shapes.geometry.representative_point()
    km2 = shapes.geometry.to_crs(EQUAL_AREA).area.values / 1e6
    out = on_map.assign(
        lon=inside.x.values,
        lat=inside.y.values,
        small=km2 < SMALL_KM2,
        colour=on_map["label"].map(STATUS),
        text=on_map["name"]
        + "\n"
        + on_map["since_year"].astype(str)
        + on_map["status_disputed"].map({True: ", disputed", False: ""}),
    )
    for screen, places in (("wide", LABEL_AT), ("phone", PHONE_LABEL_AT)):
        at = [places.get(code, (lon, lat, "center")) for code, lon, lat in zip(out["map_code"], out["lon"], out["lat"])]
        out[f"{screen}_lon"], out[f"{screen}_lat"], out[f"{screen}_align"] = zip(*at)
    out["leader"] = out["map_code"].isin(set(LABEL_AT) | set(PHONE_LABEL_AT))
    return out[
        [
            "map_code",
            "name",
            "label",
            "kind",
            "when",
            "since_event",
            "lon",
            "lat",
            "small",
            "colour",
            "text",
            "wide_lon",
            "wide_lat",
            "wide_align",
            "phone_lon",
            "phone_lat",
            "phone_align",
            "leader",
        ]
    ]


def _placed(chart: alt.Chart) -> alt.Chart:
    """The label's point for the screen the chart is drawn on (the view's width decides)."""
    return chart.transform_calculate(
        label_lon=f"width < {PHONE} ? datum.phone_lon : datum.wide_lon",
        label_lat=f"width < {PHONE} ? datum.phone_lat : datum.wide_lat",
    )


def neighbours(inp: Inputs) -> pd.DataFrame:
    """Large countries that border a member, named on the map (computed from the boundary data)."""
    countries = basemap.countries(BBOX)
    members = set(inp.members["map_code"].dropna())
    member_shapes = countries[countries["iso3"].isin(members)].geometry.union_all()
    km2 = countries.geometry.to_crs(EQUAL_AREA).area / 1e6
    pick = countries[
        ~countries["iso3"].isin(members)
        & (km2 >= NEIGHBOUR_KM2)
        & countries.geometry.intersects(member_shapes.buffer(0.05))
    ]
    inside = pick.geometry.representative_point()
    at = pick["iso3"].map(NEIGHBOUR_AT)
    return pd.DataFrame(
        {
            "name": pick["name"].values,
            "lon": [a[0] if isinstance(a, tuple) else p.x for a, p in zip(at, inside)],
            "lat": [a[1] if isinstance(a, tuple) else p.y for a, p in zip(at, inside)],
        }
    )


def _text(frame: pd.DataFrame, lon: str = "lon", lat: str = "lat", halo: bool = True, **style) -> list[alt.Chart]:
    """Labels (a white outline under them unless `halo` is False); names in MINOR only on a wide screen."""
    out = []
    frame = frame.assign(wide_align=frame.get("wide_align", "center"), phone_align=frame.get("phone_align", "center"))
    for (wide, phone), part in frame.groupby(["wide_align", "phone_align"], sort=False):
        align = wide if wide == phone else alt.ExprRef(f"width < {PHONE} ? '{phone}' : '{wide}'")
        for minor, rows in part.groupby(part["text"].str.replace("\n", " ").isin(MINOR), sort=False):
            base = alt.Chart(rows.drop(columns=["wide_align", "phone_align"]))
            if "wide_lon" in rows:
                base = _placed(base)
            base = base.encode(longitude=f"{lon}:Q", latitude=f"{lat}:Q", text="text:N")
            look = dict(style, align=align, lineBreak="\n", **({"opacity": SHOWN_IF_WIDE} if minor else {}))
            if halo:
                out.append(base.mark_text(stroke="white", strokeWidth=3, strokeJoin="round", **look))
            out.append(base.mark_text(**look))
    return out


def _layers(inp: Inputs) -> list[alt.Chart]:
    p = parties(inp)
    tooltip = [
        alt.Tooltip("name:N", title="Party"),
        alt.Tooltip("label:N", title="Status"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("when:N", title="Since"),
        alt.Tooltip("since_event:N", title="Occasion"),
    ]
    leaders = (
        _placed(alt.Chart(p[p["leader"]]))
        .mark_rule(color="#222", strokeWidth=0.8)
        .encode(longitude="lon:Q", latitude="lat:Q", longitude2="label_lon:Q", latitude2="label_lat:Q")
    )
    # A territory too small to see gets a marker in its status colour (scale=None: no second legend).
    small = (
        alt.Chart(p[p["small"]])
        .mark_point(size=80, filled=True, stroke="#222", strokeWidth=1, strokeDash=[2, 1.5], opacity=1)
        .encode(longitude="lon:Q", latitude="lat:Q", fill=alt.Fill("colour:N", scale=None), tooltip=tooltip)
    )
    names = [
        layer.encode(tooltip=tooltip)
        for layer in _text(p, "label_lon", "label_lat", fontSize=FONT, fontWeight="bold", color="#222")
    ]
    near = _text(neighbours(inp).assign(text=lambda f: f["name"]), fontSize=FONT, color=theme.GREY, fontStyle="italic")
    water = [
        layer
        for name, (lon, lat, angle) in SEAS.items()
        for layer in _text(
            pd.DataFrame({"text": [name], "lon": [lon], "lat": [lat]}),
            halo=False,
            angle=angle,
            fontSize=SEA_FONT,
            color="#4d7a99",
            fontStyle="italic",
        )
    ]
    return [leaders, small, *near, *water, *names]


def by_year(frame: pd.DataFrame) -> str:
    """'Azerbaijan, Kazakhstan, Kyrgyzstan and Türkiye (2009)': parties grouped by the year of their status."""
    years = frame["when"].str[-4:]
    return says(says(g["name"]) + f" ({y})" for y, g in frame.groupby(years, sort=True))


def _alt_text(inp: Inputs) -> str:
    m = inp.members[inp.members["map_code"].notna()]
    members = m[m["status"].isin(["founding member", "member"])]
    groups = [(label, m[m["label"] == label]) for label in STATUS]
    parts = [f"{label.lower()} in {theme.colour_name(STATUS[label])}: {by_year(g)}" for label, g in groups if len(g)]
    text = f"Map from Hungary to western China. {len(members)} member states are coloured; " + "; ".join(parts) + "."
    disputed = m[m["status_disputed"]]
    if len(disputed):
        text += (
            f" {says(disputed['name'])} is shown with the observer status the OTS lists, which is disputed, "
            "as a pale marker with a dashed outline."
        )
    leaders = says(m.loc[m["map_code"].isin(LABEL_AT), "name"])
    return text + f" The labels of {leaders} are joined to them by lines."


def status(inp: Inputs) -> Figure:
    shown = parties(inp)
    order = [k for k in STATUS if k in set(shown["label"])]  # the legend lists only statuses the map shows
    ground = basemap.layers(
        bbox=BBOX,
        fill=shown.set_index("map_code")["label"],
        fill_title="Status in the OTS",
        fill_scale=theme.scale(STATUS, order),
    )
    chart = alt.layer(ground, *(layer.project(**basemap.PROJECTION) for layer in _layers(inp))).properties(
        width=620, height=290
    )
    off_map = inp.members[inp.members["map_code"].isna()]
    short = off_map["name"].str.extract(r"\((\w+)\)$")[0].fillna(off_map["name"])
    return figure(
        chart,
        name="fig-ots-map",
        title="Members and observers of the Organization of Turkic States",
        subtitle="Year each party gained its present status, as the OTS lists it"
        + (f"; not shown: the observer organisation {says(short)}" if len(off_map) else ""),
        sources=["ots_membership", "geo_countries"],
        alt_text=_alt_text(inp),
    )
