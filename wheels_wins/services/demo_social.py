"""Demo community groups: a few fellow travellers, their groups and posts, with the demo user in two of them."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from wheels_wins.db import utcnow
from wheels_wins.models import SocialGroup, SocialPost, User
from wheels_wins.repositories import comments as comment_repo
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import post_reactions
from wheels_wins.repositories import posts as post_repo
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


# Community feed posts: (author index, hours ago, text, liker indexes, comments as (author index, text)).
_FEED: list[tuple[int, int, str, list[int], list[tuple[int, str]]]] = [
    (
        0, 30,
        "Road report: the Newell between Moree and Goondiwindi has fresh roadworks, 40 km/h for about 15 km. "
        "Plenty of room to pull over with a van though.",
        [1, 2], [(2, "Thanks Marg, heading north on Friday.")],
    ),
    (
        2, 7,
        "Anyone know a mechanic near Mildura who'll look at a Truma heater? Ours is throwing an error code after the cold snap.",
        [0], [(1, "Sunraysia Caravan Services on Fifteenth Street sorted ours last winter.")],
    ),
]  # fmt: skip


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


def seed_demo_feed(session: Session, *, user: User, neighbours: list[User]) -> list[SocialPost]:
    """Neighbours' posts in the community feed, and their likes and a comment on the demo user's own (once)."""
    ids = [person.id for person in neighbours]
    if session.exec(
        select(SocialPost.id).where(col(SocialPost.user_id).in_(ids), col(SocialPost.group_id).is_(None))
    ).first():
        return []
    made = []
    for author, hours_ago, text, likers, replies in _FEED:
        post = post_repo.create(session, user_id=ids[author], content=text)
        post.created_at = post.updated_at = utcnow() - dt.timedelta(hours=hours_ago)
        for liker in likers:
            post_reactions.like(session, user_id=ids[liker], post_id=post.id)
        for replier, reply in replies:
            comment_repo.create(session, user_id=ids[replier], post_id=post.id, content=reply)
        made.append(post)
    own = session.exec(
        select(SocialPost).where(SocialPost.user_id == user.id, col(SocialPost.group_id).is_(None))
    ).first()
    if own is not None:
        post_reactions.like(session, user_id=ids[1], post_id=own.id)
        comment_repo.create(
            session, user_id=ids[0], post_id=own.id, content="Pelicans at sunset, sold. Is it signposted from town?"
        )
    return made
