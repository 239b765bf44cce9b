"""Every PAM tool, registered on import (one registry feeds all providers and the local engine)."""

from wheels_wins.pam.tools import corrections, everyday, expenses, money_tools, trips, undo, vehicle  # noqa: F401
from wheels_wins.pam.tools.registry import TOOLS, run_tool, tool_schemas

__all__ = ["TOOLS", "run_tool", "tool_schemas"]
