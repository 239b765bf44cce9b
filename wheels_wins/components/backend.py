"""Where the backend answers, for `src` attributes of API-served files (signed photo URLs are API paths)."""

from __future__ import annotations

import reflex as rx
from reflex.constants import Dirs
from reflex.vars.base import Var, VarData

BACKEND_ORIGIN = Var(
    _js_expr="new URL(getBackendURL(env.UPLOAD)).origin",
    _var_data=VarData(
        imports={f"$/{Dirs.STATE_PATH}": "getBackendURL", "$/env.json": rx.ImportVar(tag="env", is_default=True)}
    ),
).to(str)
"""The page's own origin in production; the backend's port in development."""
