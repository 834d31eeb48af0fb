"""Build the web UI's offline world map from Natural Earth's 1:110m countries.

Input: ``countries-110m.json`` from the npm package ``world-atlas`` 2.0.2 (TopoJSON of
Natural Earth 1:110m Admin 0 countries, public domain; package ISC). Output:
``src/veille/api/static/world.json``, one SVG path per country in an equirectangular
projection (x = longitude + 180, y = 90 - latitude, so the map's view box is 360 × 180
and a place's marker sits at the same arithmetic). Run once by hand:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "veille" / "api" / "static" / "world.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers on a quantised grid: undo both."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        # A negative index is the one's complement of an arc walked backwards.
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous: a ring crossing the antimeridian (Russia, Fiji) would
    otherwise jump across the whole map. The unwrapped ring runs past ±180 instead."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in points:
        if out:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for points in rings:
        ring = unwrap(points)
        low, high = min(x for x, _ in ring), max(x for x, _ in ring)
        # A ring past an edge is drawn again from the other side; the SVG clips both.
        shifts = [0.0] + ([360.0] if low < -180 else []) + ([-360.0] if high > 180 else [])
        for shift in shifts:
            coords = []
            last = None
            for lon, lat in ring:
                xy = (round(lon + shift + 180, 1), round(90 - lat, 1))
                if xy != last:
                    coords.append(f"{xy[0]:g},{xy[1]:g}")
                    last = xy
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        countries.append(
            {"id": geometry.get("id"), "name": geometry["properties"]["name"], "d": path(rings)}
        )
    payload = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), "
        "via the npm package world-atlas 2.0.2 (ISC licence, Michael Bostock)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "viewBox": [0, 0, 360, 180],
        "countries": countries,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
