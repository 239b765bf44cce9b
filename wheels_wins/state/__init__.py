"""States shared by every page: the signed-in user (and, later, PAM)."""

from wheels_wins.state.auth import AuthState, current_user, current_user_id, refresh_user, run_in_session, sign_in

__all__ = ["AuthState", "current_user", "current_user_id", "refresh_user", "run_in_session", "sign_in"]
