"""Every table, imported here so `SQLModel.metadata` knows them all."""

from wheels_wins.models.imports import CategoryRule, ImportDraft
from wheels_wins.models.money import Budget, Expense, IncomeEntry
from wheels_wins.models.pam import PamConversation, PamFeedback, PamMessage
from wheels_wins.models.social import (
    GroupMembership,
    ListingPhoto,
    MarketplaceListing,
    PostComment,
    PostLike,
    PostReport,
    SocialGroup,
    SocialPost,
)
from wheels_wins.models.system import AudioCache, Notification
from wheels_wins.models.travel import (
    CalendarEvent,
    FuelEntry,
    MaintenanceRecord,
    MaintenanceSchedule,
    SavedPlace,
    Trip,
    TripWaypoint,
    Vehicle,
)
from wheels_wins.models.users import AuthSession, PersonalAccessToken, User

USER_OWNED_TABLES: tuple[type, ...] = (
    AuthSession, PersonalAccessToken, Vehicle, Trip, TripWaypoint, SavedPlace, Expense, Budget, IncomeEntry, FuelEntry,
    MaintenanceRecord, MaintenanceSchedule, CalendarEvent, SocialGroup, GroupMembership, SocialPost, PostComment,
    PostLike, PostReport, MarketplaceListing, ListingPhoto, PamConversation, PamMessage, PamFeedback, Notification, ImportDraft, CategoryRule,
)

__all__ = [
    "AudioCache", "AuthSession", "Budget", "CalendarEvent", "CategoryRule", "Expense", "FuelEntry", "GroupMembership",
    "ImportDraft", "IncomeEntry", "ListingPhoto", "MaintenanceRecord", "MaintenanceSchedule", "MarketplaceListing", "Notification",
    "PamConversation", "PamFeedback", "PamMessage", "PersonalAccessToken", "PostComment", "PostLike", "PostReport", "SavedPlace", "SocialGroup",
    "SocialPost", "Trip", "TripWaypoint", "USER_OWNED_TABLES", "User", "Vehicle",
]
