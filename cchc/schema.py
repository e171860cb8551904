"""The JSON Schema of a plan file, generated from the pydantic models, in the reader's language.

The schema's structure never changes with the language. Its titles and
descriptions, which an editor shows when a clerk points at a key, come from
the catalogue (``cchc.messages.schema``) in the chosen language, as a
problem's message does.
"""

from __future__ import annotations

import json

from cchc.messages import DEFAULT_LANG, render

SCHEMA_ID = "https://cchc.invalid/plan.schema.json"


def plan_schema(lang: str = DEFAULT_LANG) -> dict:
    """The plan file's JSON Schema (draft 2020-12) as a dict, its titles and descriptions in *lang*."""
    from cchc.model import Plan

    generated = Plan.model_json_schema(mode="validation")
    definitions = {name: _worded(name, part, lang) for name, part in generated.pop("$defs", {}).items()}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **_worded("Plan", generated, lang)}
    if definitions:
        schema["$defs"] = definitions
    return schema


def plan_schema_json(lang: str = DEFAULT_LANG) -> str:
    """The schema as pretty JSON text, ending in a newline."""
    return json.dumps(plan_schema(lang), ensure_ascii=False, indent=2) + "\n"


def _worded(model: str, part: dict, lang: str) -> dict:
    """A model's schema with its own and each property's title and description from the catalogue, first in each."""
    worded = _words(f"schema.{model}", lang) | _without_words(part)
    if "properties" in part:
        worded["properties"] = {
            field: _words(f"schema.{model}.{field}", lang) | _without_words(value) for field, value in part["properties"].items()
        }
    return worded


def _words(key: str, lang: str) -> dict:
    return {"title": render(key, lang=lang), "description": render(f"{key}.about", lang=lang)}


def _without_words(part: dict) -> dict:
    return {key: value for key, value in part.items() if key not in ("title", "description")}
