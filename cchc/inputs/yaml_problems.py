"""The YAML reader's problems, and how many of one kind it lists."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Problems of one code the reader lists; the rest are counted in one more (a file of a million "yes" is a
#: million ambiguous values: listing them all took 45 s and 3 GB).
MAX_EACH = 1000


@dataclass(frozen=True)
class YamlProblem:
    """A problem at a 1-based line and column (in characters); *key* (the code when None) and *args* make its message."""

    line: int
    column: int
    code: str
    args: dict = field(default_factory=dict, hash=False)
    key: str | None = None
    severity: str = "error"

    def __post_init__(self) -> None:
        if self.key is None:
            object.__setattr__(self, "key", self.code)

    def message(self, lang: str = "vi") -> str:
        """The message in *lang*, made from the catalogue."""
        from cchc.messages import render

        return render(self.key, self.args, lang)


class Reported(list):
    """Problems as the reader finds them, at most MAX_EACH of each code kept; ``counted`` adds the rest's count."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, int] = {}
        self.first_dropped: dict[str, YamlProblem] = {}

    def append(self, problem: YamlProblem) -> None:
        seen = self.seen[problem.code] = self.seen.get(problem.code, 0) + 1
        if seen <= MAX_EACH:
            super().append(problem)
        elif seen == MAX_EACH + 1:
            self.first_dropped[problem.code] = problem

    def counted(self) -> list[YamlProblem]:
        """The problems kept, and for each code with more, one at the first left out that counts them."""
        more = [
            YamlProblem(p.line, p.column, code, {"count": self.seen[code] - MAX_EACH, "code": code}, "yaml.more", p.severity)
            for code, p in self.first_dropped.items()
        ]
        return list(self) + more
