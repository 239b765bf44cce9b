"""Demo community groups: a few fellow travellers, their groups and posts, with the demo user in two of them."""

from __future__ import annotations

from sqlmodel import Session, select

from wheels_wins.models import SocialGroup, User
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import users as user_repo

# The neighbours have no password: they can't sign in, they only make the community look lived in.
_NEIGHBOURS = [
    ("marg.demo@wheelsandwins.app", "Marg Kelly", "Australia/Brisbane"),
    ("dave.demo@wheelsandwins.app", "Dave Nguyen", "Australia/Melbourne"),
    ("priya.demo@wheelsandwins.app", "Priya Shah", "Australia/Perth"),
]
# (name, description, creator index, other member indexes, demo user joins, posts as (author index or -1 for demo, text))
_GROUPS: list[tuple[str, str, int, list[int], bool, list[tuple[int, str]]]] = [
    (
        "Solar & 12V power",
        "Panels, lithium, DC-DC chargers and inverters: what works off-grid and what cooked itself.",
        1,
        [0, 2],
        True,
        [
            (1, "Swapped two AGMs for a 200Ah lithium. Fridge ran four cloudy days at Mungo without the genny."),
            (-1, "What size DC-DC charger are people running off a 79 series alternator? Mine says 25A max."),
            (2, "Tilt your portable panel to the sun every couple of hours: I get nearly double in winter."),
        ],
    ),
    (
        "Grey nomads — Queensland",
        "Free camps, caravan parks and road conditions from the border to the Cape.",
        0,
        [1],
        True,
        [
            (0, "Peak Downs Hwy roadworks near Nebo: 40 minute waits, go early."),
            (-1, "Heading up to Bowen next week. Is the showgrounds still taking vans?"),
        ],
    ),
    (
        "Budget travel tips",
        "Living well on the road for less: fuel, food, free camps and fixes.",
        2,
        [0],
        False,
        [(2, "Fuel apps are fine, but the truck stops on the edge of town beat the highway servos every time.")],
    ),
    (
        "Pet-friendly camping",
        "Where dogs (and the odd cat) are welcome: parks, beaches and vets on the way.",
        0,
        [2],
        False,
        [(0, "Lake Keepit State Park takes dogs on leads in the unpowered area. Lovely and quiet.")],
    ),
]


def _neighbour(session: Session, email: str, name: str, timezone: str) -> User:
    existing = user_repo.get_by_email(session, email=email)
    if existing is not None:
        return existing
    return user_repo.create(session, email=email, password_hash=None, full_name=name, timezone=timezone)


def demo_neighbours(session: Session) -> list[User]:
    """The demo community's fellow travellers, created on first call."""
    return [_neighbour(session, *neighbour) for neighbour in _NEIGHBOURS]


def seed_demo_groups(session: Session, *, user: User) -> list[SocialGroup]:
    """Create the demo groups once (the demo user in two of them, with a few posts each); none if they exist."""
    names = [name for name, *_ in _GROUPS]
    if session.exec(select(SocialGroup.id).where(SocialGroup.name.in_(names))).first() is not None:  # type: ignore[attr-defined]
        return []
    people = demo_neighbours(session)
    made = []
    for name, description, creator, others, demo_joins, posts in _GROUPS:
        group = group_repo.create(session, user_id=people[creator].id, name=name, description=description)
        for other in others:
            group_repo.join(session, user_id=people[other].id, group_id=group.id)
        if demo_joins:
            group_repo.join(session, user_id=user.id, group_id=group.id)
        for author, text in posts:
            author_id = user.id if author < 0 else people[author].id
            group_repo.post(session, user_id=author_id, group_id=group.id, content=text)
        made.append(group)
    return made
