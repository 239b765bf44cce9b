"""One module per page; importing a module registers its page through the layout decorator."""

from wheels_wins.pages import home, login, notifications, register, social, wheels, wins, you

__all__ = ["home", "login", "notifications", "register", "social", "wheels", "wins", "you"]
