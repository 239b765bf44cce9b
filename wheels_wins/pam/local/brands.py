"""Shops and services people name when they spend: Australian, New Zealand, North American and British chains.

`BRANDS` are the single words (hyphens for spaces) that make "at X" a shop even in lower case ("at coles");
`brand_named` finds a chain named anywhere in a sentence ("walmart groceries $87"), by its shop-front name.
"""

from __future__ import annotations

import re

from wheels_wins.pam.local.normalise import word_set

BRANDS = word_set(
    "woolworths woolies coles aldi iga foodworks spar costco bunnings kmart target bigw big-w "
    "officeworks anaconda bcf supercheap repco autobarn bp shell ampol caltex puma united liberty "
    "metro 7-eleven mobil chemist-warehouse priceline telstra optus vodafone starlink uber "
    "mcdonalds maccas kfc subway dominos hungry-jacks harvey-norman jb-hi-fi dan-murphys bws "
    "liquorland reject-shop spotlight myer david-jones petbarn petstock "
    "walmart kroger safeway albertsons publix meijer heb winco walgreens cvs autozone napa chevron exxon "
    "sunoco speedway wawa sheetz starbucks tesco sainsburys asda morrisons waitrose lidl halfords countdown "
    "paknsave z-energy gull loblaws sobeys superstore save-on-foods freshco safeway valero circle-k racetrac "
    "quiktrip marathon hy-vee"
)

# Brands named without "at" ("aldi run came to $64", "telstra recharge $45"), under their shop-front names.
# Brands that are also everyday words or places (target, united, shell, subway, napa, gull, new world...) only
# count after "at".
_BRAND_NAMES = {
    # Australia
    "woolworths": "Woolworths",
    "woolies": "Woolworths",
    "coles": "Coles",
    "aldi": "Aldi",
    "iga": "IGA",
    "foodworks": "FoodWorks",
    "costco": "Costco",
    "bunnings": "Bunnings",
    "petbarn": "Petbarn",
    "petstock": "Petstock",
    "kmart": "Kmart",
    "big w": "Big W",
    "bigw": "Big W",
    "officeworks": "Officeworks",
    "anaconda": "Anaconda",
    "bcf": "BCF",
    "supercheap": "Supercheap Auto",
    "repco": "Repco",
    "autobarn": "Autobarn",
    "bp": "BP",
    "ampol": "Ampol",
    "caltex": "Caltex",
    "7-eleven": "7-Eleven",
    "mobil": "Mobil",
    "chemist warehouse": "Chemist Warehouse",
    "priceline": "Priceline",
    "telstra": "Telstra",
    "optus": "Optus",
    "vodafone": "Vodafone",
    "starlink": "Starlink",
    "uber": "Uber",
    "mcdonalds": "McDonald's",
    "mcdonald's": "McDonald's",
    "maccas": "McDonald's",
    "kfc": "KFC",
    "dominos": "Domino's",
    "domino's": "Domino's",
    "hungry jacks": "Hungry Jack's",
    "hungry jack's": "Hungry Jack's",
    "harvey norman": "Harvey Norman",
    "jb hi-fi": "JB Hi-Fi",
    "jb hifi": "JB Hi-Fi",
    "dan murphys": "Dan Murphy's",
    "dan murphy's": "Dan Murphy's",
    "bws": "BWS",
    "liquorland": "Liquorland",
    "spotlight": "Spotlight",
    "myer": "Myer",
    "david jones": "David Jones",
    "bob jane": "Bob Jane T-Marts",
    "beaurepaires": "Beaurepaires",
    "tyrepower": "Tyrepower",
    "jax tyres": "JAX Tyres",
    "ultra tune": "Ultra Tune",
    "midas": "Midas",
    "mitre 10": "Mitre 10",
    "total tools": "Total Tools",
    "big4": "BIG4",
    "big 4": "BIG4",
    "discovery parks": "Discovery Parks",
    "foodland": "Foodland",
    "drakes": "Drakes",
    "nrma": "NRMA",
    "racv": "RACV",
    "racq": "RACQ",
    "aami": "AAMI",
    "medibank": "Medibank",
    "bupa": "Bupa",
    "snowys": "Snowys",
    "tentworld": "Tentworld",
    "kathmandu": "Kathmandu",
    "carrefour": "Carrefour",
    "leclerc": "E.Leclerc",
    "intermarche": "Intermarché",
    "intermarché": "Intermarché",
    "auchan": "Auchan",
    "mercadona": "Mercadona",
    "edeka": "Edeka",
    "specsavers": "Specsavers",
    "petro-canada": "Petro-Canada",
    "esso": "Esso",
    "husky": "Husky",
    "pak n save": "PAK'nSAVE",
    "macpac": "Macpac",
    "jaycar": "Jaycar",
    "amart": "Amart",
    "ikea": "IKEA",
    # New Zealand
    "countdown": "Countdown",
    "pak'nsave": "PAK'nSAVE",
    "paknsave": "PAK'nSAVE",
    "z energy": "Z Energy",
    # North America
    "walmart": "Walmart",
    "kroger": "Kroger",
    "safeway": "Safeway",
    "albertsons": "Albertsons",
    "publix": "Publix",
    "meijer": "Meijer",
    "h-e-b": "H-E-B",
    "heb": "H-E-B",
    "winco": "WinCo",
    "trader joe's": "Trader Joe's",
    "trader joes": "Trader Joe's",
    "whole foods": "Whole Foods",
    "home depot": "Home Depot",
    "lowe's": "Lowe's",
    "lowes": "Lowe's",
    "camping world": "Camping World",
    "walgreens": "Walgreens",
    "cvs": "CVS",
    "superdrug": "Superdrug",
    "shoppers drug mart": "Shoppers Drug Mart",
    "rexall": "Rexall",

    "autozone": "AutoZone",
    "o'reilly auto": "O'Reilly Auto Parts",
    "pep boys": "Pep Boys",
    "les schwab": "Les Schwab",
    "discount tire": "Discount Tire",
    "flying j": "Flying J",
    "buc-ee's": "Buc-ee's",
    "buc-ees": "Buc-ee's",
    "chevron": "Chevron",
    "exxon": "Exxon",
    "sunoco": "Sunoco",
    "wawa": "Wawa",
    "sheetz": "Sheetz",
    "cracker barrel": "Cracker Barrel",
    "starbucks": "Starbucks",
    "tim hortons": "Tim Hortons",
    "timmies": "Tim Hortons",
    "timmy's": "Tim Hortons",
    "timmys": "Tim Hortons",
    "canadian tire": "Canadian Tire",
    "dollar general": "Dollar General",
    "dollar tree": "Dollar Tree",
    "koa": "KOA",
    "verizon": "Verizon",
    "t-mobile": "T-Mobile",
    "at&t": "AT&T",
    "loblaws": "Loblaws",
    "sobeys": "Sobeys",
    "no frills": "No Frills",
    "real canadian superstore": "Real Canadian Superstore",
    "save-on-foods": "Save-On-Foods",
    "save on foods": "Save-On-Foods",
    "freshco": "FreshCo",
    "food basics": "Food Basics",
    "food lion": "Food Lion",
    "hy-vee": "Hy-Vee",
    "fred meyer": "Fred Meyer",
    "sprouts": "Sprouts",
    "valero": "Valero",
    "circle k": "Circle K",
    "racetrac": "RaceTrac",
    "quiktrip": "QuikTrip",
    "love's": "Love's",
    "pilot flying j": "Pilot Flying J",
    "ultramar": "Ultramar",
    # Britain
    "tesco": "Tesco",
    "sainsbury's": "Sainsbury's",
    "sainsburys": "Sainsbury's",
    "asda": "Asda",
    "morrisons": "Morrisons",
    "waitrose": "Waitrose",
    "lidl": "Lidl",
    "halfords": "Halfords",
    "marks and spencer": "Marks & Spencer",
    "m&s": "M&S",
    "greggs": "Greggs",
    # Everywhere
    "amazon": "Amazon",
    "ebay": "eBay",
    "netflix": "Netflix",
    "spotify": "Spotify",
    "airbnb": "Airbnb",
}
_BRAND = re.compile(
    r"(?<![\w'&-])(?P<brand>"
    + "|".join(re.escape(b) for b in sorted(_BRAND_NAMES, key=len, reverse=True))
    + r")(?![\w'&-])",
    re.IGNORECASE,
)


def brand_named(text: str) -> str | None:
    """A well-known shop or service named anywhere in `text`, by its shop-front name, or None."""
    m = _BRAND.search(text)
    return _BRAND_NAMES[" ".join(m["brand"].lower().split())] if m else None


def with_brand_names(text: str) -> str:
    """The text with each well-known shop named by its shop-front name ("the woolies shop" → "the Woolworths shop")."""
    return _BRAND.sub(lambda m: _BRAND_NAMES[" ".join(m["brand"].lower().split())], text)


def starts_with_brand(text: str) -> bool:
    """Whether `text` opens with a well-known shop's name ("bob jane" in "410 bob jane")."""
    return _BRAND.match(text.lstrip()) is not None
