"""cchc: keep a Vietnamese administrative-reform (cải cách hành chính) work plan as data."""

__version__ = "0.1.0"
