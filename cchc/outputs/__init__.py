"""What cchc writes for people and machines: tables, JSON and CSV, HTML, Markdown, PDF, Word, calendars."""


class Made(dict):
    """A dict that makes a missing value with *make* and keeps it: each distinct cell of a long output made once."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value
