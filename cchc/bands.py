"""Score bands: points for a completion rate, as the PAR index (Chỉ số CCHC) scores it.

``DEFAULT_BANDS`` holds Cà Mau's criteria (above 90 % → 2 points, 70–90 % → 1,
under 70 % → 0). A province with other criteria writes them in a small YAML
file, given with ``cchc report --bands FILE`` and read with the same safe,
bounded reader as plans::

    name: Cà Mau
    bands:
      - above: 90       # strictly more than 90 %
        points: 2
      - at_least: 70    # 70 % or more
        points: 1
      - points: 0       # the rest

Bands run from the highest threshold down; the first the rate meets gives
the points; the last band has no threshold and takes the rest. Thresholds
are percentages compared exactly with the rate's fraction (4/5 is exactly 80,
never 79.99…). The default lives here, in code, rather than in a data file:
it is reviewed and versioned with the rule that reads it, and a province's
file is the one place its own criteria change. Problems are values with a
``bands-schema`` code at the offending line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from cchc.problems import Problem, error

__all__ = ["Band", "Bands", "DEFAULT_BANDS", "load_bands"]


@dataclass(frozen=True)
class Band:
    """Points for a rate above (strictly) or at least a threshold in percent; no threshold: every rate."""

    points: int | Decimal
    above: int | Decimal | None = None
    at_least: int | Decimal | None = None

    def holds(self, percent: Fraction) -> bool:
        if self.above is not None:
            return percent > Fraction(self.above)
        if self.at_least is not None:
            return percent >= Fraction(self.at_least)
        return True

    def as_dict(self) -> dict:
        return {"points": self.points, "above": self.above, "at_least": self.at_least}


@dataclass(frozen=True)
class Bands:
    """Score bands, from the highest threshold down; *name* says whose criteria they are, *source* where they came from."""

    name: str
    bands: tuple[Band, ...]
    source: str | None = None  # a file's path; None for the built-in default

    @property
    def max_points(self) -> int | Decimal:
        return max(b.points for b in self.bands)

    def band_for(self, rate: Fraction | None) -> Band | None:
        """The first band the rate (a fraction, 0..1) meets; None when there is no rate."""
        if rate is None:
            return None
        percent = rate * 100
        return next((b for b in self.bands if b.holds(percent)), None)


#: Cà Mau's criteria for the share of the plan done: above 90 % → 2 points, 70–90 % → 1, under 70 % → 0.
DEFAULT_BANDS = Bands("Cà Mau", (Band(2, above=90), Band(1, at_least=70), Band(0)))

_BAND_FIELDS = ("above", "at_least", "points")


def load_bands(path) -> tuple[Bands | None, list[Problem]]:
    """Read score bands from the YAML file at *path* (bounded, safe reader): (bands or None, problems at line:col)."""
    import os

    from cchc.inputs import yaml as safeyaml
    from cchc.inputs.files import UnreadableFile, read_bounded
    from cchc.load import from_yaml, located

    name = os.fspath(path)
    try:
        data = read_bounded(path, safeyaml.MAX_BYTES)
    except UnreadableFile as exc:
        key = "not-a-file.bands" if exc.code == "not-a-file" else exc.key
        return None, [error(exc.code, key=key, file=name, line=1, column=1, **exc.args)]
    source, is_nfc, problem = safeyaml.decode(data)
    if problem is not None:
        return None, [from_yaml(name, problem)]
    root, found = safeyaml.parse(source, is_nfc)
    problems = [from_yaml(name, p) for p in found]
    if root is None:
        return None, problems
    bands, own = _read_bands(root)
    problems = sorted(problems + located(name, source, own))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Bands(bands[0], bands[1], name), problems


def _number(value) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _read_bands(root) -> tuple[tuple[str, tuple[Band, ...]], list[Problem]]:
    from cchc.inputs.yaml import KEY

    problems: list[Problem] = []
    if not isinstance(root, dict) or not isinstance(root.get("bands"), list) or not root["bands"]:
        return ("", ()), [error("bands-schema", ("bands",) if isinstance(root, dict) else (), key="bands-schema.shape")]
    for key in root:
        if key not in ("name", "bands"):
            problems.append(error("bands-schema", (key, KEY), key="bands-schema.field", field=str(key), fields="name, bands"))
    name = root.get("name")
    if name is not None and not isinstance(name, str):
        problems.append(error("bands-schema", ("name",), key="bands-schema.name"))
    bands: list[Band] = []
    last_threshold: tuple[Fraction, int] | None = None
    raw_bands = root["bands"]
    for index, raw in enumerate(raw_bands):
        path = ("bands", index)
        if not isinstance(raw, dict):
            problems.append(error("bands-schema", path, key="bands-schema.band"))
            continue
        for key in raw:
            if key not in _BAND_FIELDS:
                problems.append(error("bands-schema", (*path, key, KEY), key="bands-schema.field", field=str(key), fields=", ".join(_BAND_FIELDS)))
        points = raw.get("points")
        if not _number(points) or points < 0:
            problems.append(error("bands-schema", (*path, "points") if "points" in raw else path, key="bands-schema.points"))
            continue
        above, at_least = raw.get("above"), raw.get("at_least")
        if above is not None and at_least is not None:
            problems.append(error("bands-schema", path, key="bands-schema.both"))
            continue
        threshold = above if above is not None else at_least
        last = index == len(raw_bands) - 1
        if threshold is None:
            if not last:
                problems.append(error("bands-schema", path, key="bands-schema.catch-all"))
                continue
        elif not _number(threshold) or not 0 <= threshold <= 100:
            problems.append(error("bands-schema", (*path, "above" if above is not None else "at_least"), key="bands-schema.threshold"))
            continue
        elif last:
            problems.append(error("bands-schema", path, key="bands-schema.last"))
            continue
        else:
            # "above 90" is a higher bar than "at_least 90": rank them so the order can be checked.
            rank = (Fraction(threshold), 1 if above is not None else 0)
            if last_threshold is not None and rank >= last_threshold:
                problems.append(error("bands-schema", path, key="bands-schema.order"))
                continue
            last_threshold = rank
        bands.append(Band(points, above, at_least))
    return (name or "", tuple(bands)), problems
