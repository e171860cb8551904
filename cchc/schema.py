"""The JSON Schema of a plan file, generated from the pydantic models."""

from __future__ import annotations

import json

SCHEMA_ID = "https://cchc.invalid/plan.schema.json"


def plan_schema() -> dict:
    """The plan file's JSON Schema (draft 2020-12) as a dict."""
    from cchc.model import Plan

    schema = Plan.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": "CCHC plan"}
    return schema


def plan_schema_json() -> str:
    """The schema as pretty JSON text, ending in a newline."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
