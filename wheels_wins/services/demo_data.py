"""A demo account with a few weeks of realistic life on the road, created once."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.db import to_money
from wheels_wins.models import User
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import places as place_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import row_security
from wheels_wins.repositories import users as user_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import demo_market, demo_social, money, passwords, trips, vehicle_log

DEMO_EMAIL = "demo@wheelsandwins.app"
DEMO_PASSWORD = "caravan-sunsets-2026"
DEMO_TIMEZONE = "Australia/Sydney"

_BUDGETS = {
    "fuel": "600",
    "groceries": "650",
    "camping": "500",
    "dining": "250",
    "maintenance": "300",
    "entertainment": "120",
}
_SPEND = [  # (category, description, merchant, low, high, chance per day)
    ("groceries", "Weekly shop", "Woolworths", 60, 140, 0.22),
    ("groceries", "Top-up shop", "IGA", 12, 45, 0.2),
    ("camping", "Powered site", "BIG4 Holiday Park", 38, 58, 0.45),
    ("dining", "Coffee and a pie", "Country bakery", 9, 18, 0.3),
    ("dining", "Pub dinner", "Royal Hotel", 45, 85, 0.08),
    ("transport", "Parking", "Council parking", 4, 12, 0.05),
    ("entertainment", "National park tour", "Parks office", 20, 60, 0.04),
    ("utilities", "Laundromat", "Laundromat", 8, 14, 0.07),
]
_PLACES = [  # (name, kind, lat, lon, rating, notes)
    (
        "Murray River free camp, Corowa",
        "free_camp",
        -35.998,
        146.392,
        5,
        "Flat sites by the river, drop toilet, pelicans at sunset.",
    ),
    ("Albury dump point", "dump_point", -36.081, 146.916, 3, "Behind the visitor centre; potable water tap beside it."),
    ("Gundagai Tourist Park", "campground", -35.066, 148.104, 4, "Big drive-through sites; ask for the river end."),
    ("Ballarat Diesel & Auto", "mechanic", -37.556, 143.852, 5, "Fitted the rear shocks same day. Fair prices."),
    ("Horsham truck stop", "fuel", -36.712, 142.205, 4, "Easy in and out with the van hitched."),
]
_FUEL_STOPS = ["Goulburn", "Gundagai", "Albury", "Wangaratta", "Seymour", "Ballarat", "Horsham", "Bordertown"]


def ensure_demo_account(session: Session) -> tuple[User, bool]:
    """The demo user, created with weeks of data on first call; returns (user, created)."""
    existing = user_repo.get_by_email(session, email=DEMO_EMAIL)
    if existing is not None:
        _seed_community(session, existing)  # accounts made before groups and the marketplace existed get them too
        return existing, False
    user = user_repo.create(
        session,
        email=DEMO_EMAIL,
        password_hash=passwords.hash_password(DEMO_PASSWORD),
        full_name="Jo Nomad",
        currency="AUD",
        units="metric",
        timezone=DEMO_TIMEZONE,
    )
    _populate(session, user, money.today_in(DEMO_TIMEZONE), random.Random(2026))
    _seed_community(session, user)
    return user, True


def _seed_community(session: Session, user: User) -> None:
    """Groups and marketplace listings around the demo user (each seeds once)."""
    with row_security.system(session):  # the neighbours' accounts, posts, likes and listings
        neighbours = demo_social.demo_neighbours(session)
        demo_social.seed_demo_groups(session, user=user)
        demo_social.seed_demo_feed(session, user=user, neighbours=neighbours)
        demo_market.seed_demo_listings(session, user=user, neighbours=neighbours)


def _populate(session: Session, user: User, today: dt.date, rng: random.Random) -> None:
    vehicle_repo.create(
        session,
        user_id=user.id,
        name="The Tortoise",
        make="Toyota",
        model="LandCruiser 79",
        year=2019,
        fuel_type="diesel",
        tank_litres=180.0,
        consumption_l_per_100km=15.5,
    )
    for category, amount in _BUDGETS.items():
        budget_repo.upsert(session, user_id=user.id, category=category, amount=Decimal(amount))
    trip = trips.plan_trip(
        session,
        user=user,
        places=["Sydney", "Canberra", "Melbourne", "Adelaide"],
        title="Southern loop",
        start_date=today - dt.timedelta(days=20),
        status="active",
    )
    trip.budget = Decimal("4500.00")
    start = today - dt.timedelta(days=41)
    odometer = 84_100
    for offset in range(42):
        day = start + dt.timedelta(days=offset)
        for category, description, merchant, low, high, chance in _SPEND:
            if rng.random() < chance:
                expense_repo.create(
                    session,
                    user_id=user.id,
                    amount=to_money(rng.uniform(low, high)),
                    category=category,
                    date=day,
                    description=description,
                    merchant=merchant,
                    trip_id=trip.id if day >= trip.start_date else None,
                )
        if offset % 4 == 1:
            odometer += rng.randint(280, 460)
            litres = Decimal(str(round(rng.uniform(55, 95), 1)))
            vehicle_log.log_fuel(
                session,
                user=user,
                date=day,
                litres=litres,
                price_per_litre=Decimal(str(round(rng.uniform(1.89, 2.29), 3))),
                odometer_km=odometer,
                location=_FUEL_STOPS[offset // 4 % len(_FUEL_STOPS)],
                trip_id=trip.id if day >= trip.start_date else None,
            )
        if offset % 14 == 3:
            income_repo.create(
                session, user_id=user.id, amount=Decimal("1450.00"), source="Remote bookkeeping", date=day
            )
    vehicle_log.log_maintenance(
        session,
        user=user,
        task="Oil and filter change",
        date=today - dt.timedelta(days=25),
        odometer_km=84_500,
        cost=Decimal("189.00"),
        next_due_km=94_500,
        next_due_date=today + dt.timedelta(days=155),
    )
    vehicle_log.log_maintenance(
        session,
        user=user,
        task="Tyre rotation",
        date=today - dt.timedelta(days=170),
        odometer_km=79_000,
        next_due_date=today + dt.timedelta(days=9),
        next_due_km=89_000,
    )
    vehicle_log.add_schedule(session, user=user, task="Oil and filter change", every_km=10_000, every_months=6)
    vehicle_log.add_schedule(
        session,
        user=user,
        task="Wheel bearings repack",
        every_km=40_000,
        every_months=24,
        start_date=today - dt.timedelta(days=700),
        start_odometer_km=46_000,
    )
    for name, kind, lat, lon, rating, notes in _PLACES:
        place_repo.create(session, user_id=user.id, name=name, kind=kind, lat=lat, lon=lon, rating=rating, notes=notes)
    local = money.zone(DEMO_TIMEZONE)
    for days, title in (
        (3, "Pick up mail at Ballarat post office"),
        (9, "Tyre rotation due"),
        (16, "Renew caravan rego"),
    ):
        calendar_repo.create(
            session,
            user_id=user.id,
            title=title,
            all_day=True,
            kind="reminder",
            start=dt.datetime.combine(today + dt.timedelta(days=days), dt.time(9, 0), tzinfo=local),
        )
    post_repo.create(
        session,
        user_id=user.id,
        content="Found a cracking free camp by the Murray near Corowa — flat sites, clean drop toilet, pelicans at sunset.",
    )
