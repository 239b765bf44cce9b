"""Every PAM tool, registered on import (one registry feeds all providers and the local engine)."""

from wheels_wins.pam.tools import (  # noqa: F401
    calendar_lookup,
    corrections,
    everyday,
    expense_lookup,
    expenses,
    income_lookup,
    maintenance_lookup,
    money_tools,
    post_lookup,
    trips,
    undo,
    vehicle,
)
from wheels_wins.pam.tools.registry import TOOLS, run_tool, tool_schemas

__all__ = ["TOOLS", "run_tool", "tool_schemas"]
