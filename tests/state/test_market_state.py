"""The Marketplace tab's states, driven through their handlers: browse, sell (input kept on errors), photos, status, delete."""

from __future__ import annotations

import dataclasses
import io
import uuid
from decimal import Decimal

import reflex as rx
from PIL import Image
from reflex.istate.data import ReflexURL
from sqlmodel import Session, select

from tests.state.test_undoable import _said, _substate, _tab, run
from wheels_wins.models import ListingPhoto, MarketplaceListing, Notification, User
from wheels_wins.pages.social.market import MarketState
from wheels_wins.pages.social.market_delete import ListingDeleteState
from wheels_wins.pages.social.market_detail import ListingDetailState
from wheels_wins.pages.social.market_editor import SellState, field_errors
from wheels_wins.pages.social.market_photos import ListingPhotosState
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.repositories import places as place_repo
from wheels_wins.services import photos
from wheels_wins.services.place_suggest import Suggestion

DUBBO = (-32.2569, 148.6011)
ORANGE = (-33.2835, 149.1013)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(out, format="JPEG")
    return out.getvalue()


def _listing(session: Session, user: User, title: str, point=DUBBO, **fields) -> MarketplaceListing:
    fields.setdefault("price", Decimal("120"))
    listing = listing_repo.create(session, user_id=user.id, title=title, lat=point[0], lon=point[1], **fields)
    session.commit()
    return listing


async def test_signed_out_handlers_do_nothing(session: Session, make_user) -> None:
    owner = make_user()
    listing = _listing(session, owner, "Weber Baby Q")
    tab = _tab()
    browse, detail, sell = _substate(tab, MarketState), _substate(tab, ListingDetailState), _substate(tab, SellState)
    gallery, deleter = _substate(tab, ListingPhotosState), _substate(tab, ListingDeleteState)
    await run(MarketState.load, browse)
    assert not browse.loaded and browse.cards == []
    await run(MarketState.set_status, browse, str(listing.id), "sold")
    await run(ListingDetailState.open_listing, detail, str(listing.id))
    assert not detail.open
    detail.card.id = str(listing.id)
    await run(ListingDetailState.interested, detail)
    await run(SellState.open_edit, sell, str(listing.id))
    assert not sell.open
    sell.title, sell.price, sell.lat, sell.lon, sell.location = "Sneaky", "1", *DUBBO, "Dubbo"
    await run(SellState.save, sell)
    assert "Sign in again" in sell.form_error and sell.title == "Sneaky"
    await run(ListingPhotosState.attach, gallery, [rx.UploadFile(file=io.BytesIO(_jpeg()))])
    assert gallery.paths() == []
    await run(ListingDeleteState.ask_delete, deleter, str(listing.id), "Weber Baby Q")
    deleter.confirm_id = str(listing.id)
    await run(ListingDeleteState.delete, deleter)
    session.expire_all()
    assert session.get(MarketplaceListing, listing.id).status == "available"
    assert len(session.exec(select(MarketplaceListing)).all()) == 1
    assert session.exec(select(Notification)).all() == []


async def test_browse_measures_from_home_and_filters_by_distance(session: Session, sign_in, make_user) -> None:
    seller = make_user(full_name="Sam Seller", currency="EUR")
    _listing(session, seller, "Weber Baby Q", DUBBO, price=Decimal("180"), condition="like_new", location="Dubbo, NSW")
    _listing(session, seller, "Solar blanket 200W", ORANGE, price=Decimal("350"), location="Orange, NSW")
    _listing(session, seller, "Jockey wheel", DUBBO, price=Decimal("40"), status="sold", location="Dubbo, NSW")
    user, tab = sign_in(home_base="Dubbo", units="imperial")
    browse = _substate(tab, MarketState)
    await run(MarketState.load, browse)
    assert browse.origin_label == "home base, Dubbo" and browse.unit == "mi"
    assert [card.title for card in browse.cards] == ["Weber Baby Q", "Solar blanket 200W"]  # nearest; sold hidden
    weber = browse.cards[0]
    assert weber.price == "€180.00"  # the seller's currency, not the viewer's
    assert weber.condition == "Like new" and weber.distance.endswith("mi away") and weber.seller == "Sam Seller"
    assert browse.cards[1].distance.startswith("7")  # Orange is ~124 km, ~77 miles
    await run(MarketState.set_filter, browse, "radius", "50")  # 50 miles
    await run(MarketState.load, browse)
    assert [card.title for card in browse.cards] == ["Weber Baby Q"]
    await run(MarketState.set_filter, browse, "radius", "100")
    await run(MarketState.set_filter, browse, "scope", "all")
    await run(MarketState.load, browse)
    assert {card.title for card in browse.cards} == {"Weber Baby Q", "Solar blanket 200W", "Jockey wheel"}
    await run(MarketState.set_filter, browse, "query", "wheel")
    await run(MarketState.load, browse)
    assert [(card.title, card.status_label) for card in browse.cards] == [("Jockey wheel", "Sold")]
    await run(MarketState.set_filter, browse, "max_price", "lots")
    await run(MarketState.load, browse)
    assert "Max price" in browse.max_price_error and browse.max_price == "lots"  # kept as typed
    await run(MarketState.clear_filters, browse)
    await run(MarketState.set_filter, browse, "sort", "price")
    await run(MarketState.load, browse)
    assert [card.title for card in browse.cards] == ["Weber Baby Q", "Solar blanket 200W"]
    await run(MarketState.set_filter, browse, "mine", True)
    await run(MarketState.load, browse)
    assert browse.cards == [] and browse.loaded and user.id != seller.id


async def test_browser_location_wins_and_pages_load_more(session: Session, sign_in, make_user) -> None:
    seller = make_user()
    for i in range(15):
        _listing(session, seller, f"Item {i:02d}", (DUBBO[0] - i * 0.01, DUBBO[1]))
    _, tab = sign_in()
    browse = _substate(tab, MarketState)
    first = await run(MarketState.load, browse)
    assert browse.origin_label == "" and all(card.distance == "" for card in browse.cards)
    assert "permissions" in _said(first)  # asks whether location is allowed, without prompting
    await run(MarketState.located, browse, {"status": "ok", "lat": DUBBO[0], "lon": DUBBO[1]})
    await run(MarketState.load, browse)
    assert browse.origin_label == "your location" and browse.cards[0].title == "Item 00" and browse.has_more
    await run(MarketState.load_more, browse)
    assert [card.title for card in browse.cards] == [f"Item {i:02d}" for i in range(15)] and not browse.has_more
    said = _said(await run(MarketState.located, browse, {"status": "denied"}))
    assert browse.location == "denied" and "blocked" in said


async def test_sell_keeps_everything_typed_on_errors_then_lists_with_photos(session: Session, sign_in) -> None:
    user, tab = sign_in(full_name="Sam Seller")
    place_repo.create(session, user_id=user.id, name="Lake Keepit camp", kind="free_camp", lat=-30.87, lon=150.52)
    session.commit()
    sell, gallery = _substate(tab, SellState), _substate(tab, ListingPhotosState)
    await run(SellState.open_new, sell)
    assert sell.open and [option.name for option in sell.saved_places] == ["Lake Keepit camp"]
    await run(SellState.set_field, sell, "title", "Weber Baby Q")
    await run(SellState.set_field, sell, "price", "about 100")
    await run(SellState.set_field, sell, "description", "With <b>cover</b>")
    await run(SellState.set_field, sell, "condition", "like_new")
    await run(SellState.save, sell)
    assert set(sell.errors) == {"price", "location"} and "120.50" in sell.errors["price"]
    assert (sell.title, sell.price, sell.description, sell.condition) == (
        "Weber Baby Q",
        "about 100",
        "With <b>cover</b>",
        "like_new",
    )
    await run(SellState.set_field, sell, "price", "-5")
    await run(SellState.save, sell)
    assert "price" in sell.errors
    await run(SellState.set_field, sell, "price", "$1,150.5")
    sell.suggestions = [
        Suggestion("Dubbo", "Dubbo, New South Wales, Australia", "New South Wales, Australia", *DUBBO, "gazetteer")
    ]
    await run(SellState.pick_town, sell, 0)
    assert sell.location == "Dubbo, New South Wales" and (sell.lat, sell.lon) == DUBBO and "location" not in sell.errors
    await run(ListingPhotosState.attach, gallery, [rx.UploadFile(file=io.BytesIO(_jpeg())) for _ in range(2)])
    await run(ListingPhotosState.attach, gallery, [rx.UploadFile(file=io.BytesIO(b"<html>no</html>"))])
    assert "JPEG, PNG or WebP" in gallery.photo_error and len(gallery.slots) == 2
    first, second = gallery.paths()
    await run(ListingPhotosState.make_cover, gallery, 1)
    assert gallery.paths()[0] == second and gallery.slots[0].url.startswith("data:image/jpeg")
    said = _said([item async for item in SellState.save.fn(sell) if item is not None])
    assert not sell.open and "Listed" in said and sell.errors == {}
    listing = session.exec(select(MarketplaceListing)).one()
    assert (listing.title, listing.price, listing.condition, listing.location) == (
        "Weber Baby Q",
        Decimal("1150.50"),
        "like_new",
        "Dubbo, New South Wales",
    )
    assert listing.description == "With <b>cover</b>"  # stored as typed; shown as text
    stored = session.exec(select(ListingPhoto).order_by(ListingPhoto.position)).all()
    assert [p.photo_path for p in stored] == [second, first]
    assert all(photos.resolve(p.photo_path) for p in stored) and all("/listings/" in p.photo_path for p in stored)

    # Edit: drop the cover; the file goes once saved. A photo added then cancelled goes at once.
    await run(SellState.open_edit, sell, str(listing.id))
    assert sell.price == "1150.50" and len(gallery.slots) == 2
    await run(ListingPhotosState.remove_photo, gallery, 0)
    assert photos.resolve(second) is not None  # not yet: the edit may be cancelled
    await run(SellState.pick_saved, sell, str(sell.saved_places[0].id))
    assert sell.location == "Lake Keepit camp"
    [_ async for _ in SellState.save.fn(sell)]
    assert photos.resolve(second) is None
    session.expire_all()
    assert session.get(MarketplaceListing, listing.id).location == "Lake Keepit camp"
    await run(SellState.open_edit, sell, str(listing.id))
    await run(ListingPhotosState.attach, gallery, [rx.UploadFile(file=io.BytesIO(_jpeg()))])
    added = gallery.paths()[-1]
    await run(SellState.set_open, sell, False)
    assert photos.resolve(added) is None and len(session.exec(select(ListingPhoto)).all()) == 1


async def test_others_cannot_edit_status_or_delete_and_interest_notifies_once(
    session: Session, sign_in, make_user
) -> None:
    seller, seller_tab = sign_in(full_name="Sam Seller")
    buyer, buyer_tab = sign_in(full_name="Bea Buyer")
    listing = _listing(session, seller, "Solar blanket 200W")
    browse, detail = _substate(buyer_tab, MarketState), _substate(buyer_tab, ListingDetailState)
    sell, deleter = _substate(buyer_tab, SellState), _substate(buyer_tab, ListingDeleteState)
    said = _said(await run(MarketState.set_status, browse, str(listing.id), "sold"))
    assert "Only the seller" in said
    await run(SellState.open_edit, sell, str(listing.id))
    assert not sell.open
    deleter.confirm_id = str(listing.id)
    await run(ListingDeleteState.delete, deleter)
    session.expire_all()
    assert session.get(MarketplaceListing, listing.id).status == "available"

    await run(ListingDetailState.open_listing, detail, str(listing.id))
    assert detail.open and detail.card.title == "Solar blanket 200W" and detail.card.seller == "Sam Seller"
    assert not detail.card.mine
    said = _said([item async for item in ListingDetailState.interested.fn(detail) if item is not None])
    assert detail.interest_sent and "Sam Seller has been told" in said
    [_ async for _ in ListingDetailState.interested.fn(detail)]
    notes = session.exec(select(Notification).where(Notification.user_id == seller.id)).all()
    assert len(notes) == 1 and "Bea Buyer" in notes[0].title and notes[0].kind == "listing_interest"
    detail.interest_sent, detail.open = False, False
    await run(ListingDetailState.open_listing, detail, str(listing.id))
    assert detail.interest_sent  # opened again later: already told

    seller_browse = _substate(seller_tab, MarketState)
    await run(MarketState.load, seller_browse)
    await run(MarketState.set_status, seller_browse, str(listing.id), "sold")
    session.expire_all()
    assert session.get(MarketplaceListing, listing.id).status == "sold"
    assert buyer.id != seller.id


async def test_the_link_in_a_notification_opens_the_listing_once(session: Session, sign_in, make_user) -> None:
    seller = make_user(full_name="Sam Seller")
    listing = _listing(session, seller, "Jockey wheel")
    _, tab = sign_in()
    tab.router = dataclasses.replace(
        tab.router, url=ReflexURL(f"http://localhost/social?tab=market&listing={listing.id}")
    )
    browse, detail = _substate(tab, MarketState), _substate(tab, ListingDetailState)
    events = await run(MarketState.load, browse)
    opened = [event for event in events if "open_listing" in str(event)]
    assert len(opened) == 1
    await run(ListingDetailState.open_listing, detail, str(listing.id))
    assert detail.open and detail.card.title == "Jockey wheel" and detail.card.seller == "Sam Seller"
    again = await run(MarketState.load, browse)  # a refresh doesn't open it again after it was closed
    assert not any("open_listing" in str(event) for event in again)
    said = _said(await run(ListingDetailState.open_listing, detail, str(uuid.uuid4())))
    assert "no longer there" in said


async def test_delete_with_undo_brings_back_the_photos(session: Session, sign_in) -> None:
    seller, tab = sign_in()
    listing = _listing(session, seller, "Weber Baby Q")
    stored = photos.store(photos.clean(_jpeg()), user_id=seller.id, folder="listings")
    photo_repo.add_photo(session, user_id=seller.id, listing_id=listing.id, photo_path=stored)
    session.commit()
    deleter = _substate(tab, ListingDeleteState)
    await run(ListingDeleteState.ask_delete, deleter, str(listing.id), "Weber Baby Q")
    assert deleter.confirm_open
    said = _said([item async for item in ListingDeleteState.delete.fn(deleter) if item is not None])
    assert "Deleted “Weber Baby Q”" in said and "Undo" in said
    assert session.exec(select(MarketplaceListing)).all() == [] and photos.resolve(stored) is not None
    [_ async for _ in ListingDeleteState.undo_delete.fn(deleter)]
    session.expire_all()
    assert session.get(MarketplaceListing, listing.id) is not None
    assert [p.photo_path for p in session.exec(select(ListingPhoto)).all()] == [stored]


def test_field_errors_name_every_field() -> None:
    fields = {"title": "", "price": "abc", "condition": "mint", "description": "x" * 2001, "lat": None, "lon": None}
    assert set(field_errors(fields)) == {"title", "price", "condition", "description", "location"}
    good = {"title": "Rug", "price": "0", "condition": "good", "description": "", "lat": -32.2, "lon": 148.6}
    assert field_errors(good) == {}
