"""Routed trips and saved places: trips.route_geometry, per-leg figures on waypoints, place names up to 120.

Revision ID: 0004
Revises: 0003

Existing waypoints get their legs' offline estimate (great circle x 1.25 at 80 km/h, as
services/geo.py computes), so `leg_km` is None only on a trip's first stop.
"""

import math
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of services/geo.py's constants: a migration must not change when the app does.
_ROAD_FACTOR = 1.25
_AVERAGE_SPEED_KMH = 80.0
_EARTH_RADIUS_KM = 6371.0088


def _road_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h))) * _ROAD_FACTOR


def upgrade() -> None:
    """Add the columns, estimate existing legs, shorten place names."""
    with op.batch_alter_table("trips") as batch_op:
        batch_op.add_column(sa.Column("route_geometry", sa.JSON(), nullable=True))
    with op.batch_alter_table("trip_waypoints") as batch_op:
        batch_op.add_column(sa.Column("leg_km", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("leg_hours", sa.Float(), nullable=True))

    waypoints = sa.table(
        "trip_waypoints",
        sa.column("id", sa.Uuid()),
        sa.column("trip_id", sa.Uuid()),
        sa.column("lat", sa.Float()),
        sa.column("lon", sa.Float()),
        sa.column("position", sa.Integer()),
        sa.column("leg_km", sa.Float()),
        sa.column("leg_hours", sa.Float()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(waypoints.c.id, waypoints.c.trip_id, waypoints.c.lat, waypoints.c.lon).order_by(
            waypoints.c.trip_id, waypoints.c.position
        )
    ).all()
    legs = []
    for previous, row in zip(rows, rows[1:], strict=False):
        if previous.trip_id == row.trip_id:
            km = _road_km((previous.lat, previous.lon), (row.lat, row.lon))
            legs.append({"wid": row.id, "km": round(km, 1), "hours": round(km / _AVERAGE_SPEED_KMH, 2)})
    if legs:
        bind.execute(
            waypoints.update()
            .where(waypoints.c.id == sa.bindparam("wid"))
            .values(leg_km=sa.bindparam("km"), leg_hours=sa.bindparam("hours")),
            legs,
        )

    op.execute("UPDATE saved_places SET name = substr(name, 1, 120) WHERE length(name) > 120")
    with op.batch_alter_table("saved_places") as batch_op:
        batch_op.alter_column(
            "name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=160),
            type_=sqlmodel.sql.sqltypes.AutoString(length=120),
            existing_nullable=False,
        )


def downgrade() -> None:
    """Drop the route columns; place names may be 160 long again."""
    with op.batch_alter_table("saved_places") as batch_op:
        batch_op.alter_column(
            "name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=120),
            type_=sqlmodel.sql.sqltypes.AutoString(length=160),
            existing_nullable=False,
        )
    with op.batch_alter_table("trip_waypoints") as batch_op:
        batch_op.drop_column("leg_hours")
        batch_op.drop_column("leg_km")
    with op.batch_alter_table("trips") as batch_op:
        batch_op.drop_column("route_geometry")
