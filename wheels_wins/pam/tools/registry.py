"""The one tool registry: typed functions in, JSON Schemas and validated calls out."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from wheels_wins.pam.types import ToolContext, ToolResult

ToolFunction = Callable[..., ToolResult]


@dataclass(frozen=True)
class Tool:
    """A registered tool: its function, argument model and the description the model reads."""

    name: str
    function: ToolFunction
    arguments: type[BaseModel]
    description: str
    mutates: bool

    def schema(self) -> dict[str, Any]:
        """Provider-neutral spec: name, description, JSON Schema of the arguments."""
        params = self.arguments.model_json_schema()
        params.pop("title", None)
        for prop in params.get("properties", {}).values():
            prop.pop("title", None)
        return {"name": self.name, "description": self.description, "parameters": params}


TOOLS: dict[str, Tool] = {}


def tool(*, mutates: bool = False) -> Callable[[ToolFunction], ToolFunction]:
    """Register a function `(ctx: ToolContext, *, arg: T = default, ...) -> ToolResult` as a tool."""

    def register(function: ToolFunction) -> ToolFunction:
        hints = get_type_hints(function, include_extras=True)
        fields: dict[str, Any] = {}
        for name, param in list(inspect.signature(function).parameters.items())[1:]:
            default = ... if param.default is inspect.Parameter.empty else param.default
            fields[name] = (hints[name], default)
        model = create_model(  # type: ignore[call-overload]
            f"{function.__name__}_args", __config__=ConfigDict(extra="forbid", str_strip_whitespace=True), **fields
        )
        doc = inspect.getdoc(function) or function.__name__
        TOOLS[function.__name__] = Tool(function.__name__, function, model, doc, mutates)
        tool_schemas.cache_clear()
        return function

    return register


@lru_cache(maxsize=1)
def tool_schemas() -> list[dict[str, Any]]:
    """Every tool's spec, for the providers and the local engine alike (built once; the registry is static)."""
    return [t.schema() for t in TOOLS.values()]


def _explain(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "arguments"
        parts.append(f"{where}: {item['msg']}")
    return "Invalid arguments — " + "; ".join(parts)


def run_tool(name: str, arguments: dict[str, Any], ctx: ToolContext) -> ToolResult:
    """Validate and run one tool; unknown tools and bad arguments give an honest failure."""
    registered = TOOLS.get(name)
    if registered is None:
        return ToolResult.fail(f"There is no tool called {name!r}.")
    try:
        parsed = registered.arguments.model_validate(arguments or {})
    except ValidationError as error:
        return ToolResult.fail(_explain(error))
    return registered.function(ctx, **{k: getattr(parsed, k) for k in type(parsed).model_fields})
