"""Intent classification and slot filling of PAM's offline engine: the dev-set forms plus paraphrases of each kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from wheels_wins.pam.local.intents import INTENTS, REQUIRED_SLOTS, Intent, classify

WEDNESDAY = dt.date(2026, 3, 11)
SUNDAY = dt.date(2026, 3, 15)
MONDAY = dt.date(2026, 3, 16)
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]


def when(expr: str, today: dt.date) -> dt.date:
    """The eval's date vocabulary: today, yesterday, today±N, last:/next:WEEKDAY, past:/next:MM-DD, ISO."""
    if expr == "today":
        return today
    if expr == "yesterday":
        return today - dt.timedelta(days=1)
    if expr.startswith("today-"):
        return today - dt.timedelta(days=int(expr[6:]))
    if expr.startswith("today+"):
        return today + dt.timedelta(days=int(expr[6:]))
    if expr.startswith("last:"):
        back = (today.weekday() - WEEKDAYS.index(expr[5:])) % 7 or 7
        return today - dt.timedelta(days=back)
    if expr.startswith("next:"):
        rest = expr[5:]
        if rest in WEEKDAYS:
            return today + dt.timedelta(
                days=(WEEKDAYS.index(rest) - today.weekday()) % 7 or 7
            )
        m, d = map(int, rest.split("-"))
        candidate = dt.date(today.year, m, d)
        return candidate if candidate >= today else dt.date(today.year + 1, m, d)
    if expr.startswith("past:"):
        m, d = map(int, expr[5:].split("-"))
        candidate = dt.date(today.year, m, d)
        return candidate if candidate <= today else dt.date(today.year - 1, m, d)
    return dt.date.fromisoformat(expr)


def check(intent: Intent, name: str, want: dict[str, Any], today: dt.date) -> list[str]:
    """Differences between an intent and the expectation (empty when it matches)."""
    problems = [] if intent.name == name else [f"intent {intent.name} != {name}"]
    for key, value in want.items():
        if key == "missing":
            if set(intent.missing) != set(value):
                problems.append(f"missing {intent.missing} != {value}")
            continue
        if key == "absent":
            problems += [
                f"{k} should be absent: {intent.slots[k]!r}"
                for k in value
                if k in intent.slots
            ]
            continue
        if key.endswith("_contains"):
            field = key[: -len("_contains")]
            if str(value).lower() not in str(intent.slots.get(field, "")).lower():
                problems.append(f"{field} {intent.slots.get(field)!r} lacks {value!r}")
            continue
        got = intent.slots.get(key)
        if key in ("date", "start_date", "next_due_date", "future_date"):
            expected: Any = when(value, today)
        elif key in (
            "amount",
            "total_cost",
            "cost",
            "old_amount",
            "litres",
            "price_per_litre",
        ):
            expected = Decimal(str(value))
            got = Decimal(str(got)) if got is not None else None
        else:
            expected = value
        if got != expected:
            problems.append(f"{key} {got!r} != {expected!r}")
    return problems


# The public dev set, as the local engine must read it.
DEV_SET = [
    (
        "I spent $45 on groceries at Woolworths",
        "add_expense",
        {
            "amount": 45,
            "category": "groceries",
            "date": "today",
            "merchant": "Woolworths",
        },
    ),
    (
        "Add $120 fuel expense from yesterday",
        "add_expense",
        {"amount": 120, "category": "fuel", "date": "yesterday"},
    ),
    (
        "Log restaurant bill of $67.50 for dinner",
        "add_expense",
        {"amount": "67.50", "category": "dining", "date": "today"},
    ),
    (
        "Hey PAM, add $50 gas expense",
        "add_expense",
        {"amount": 50, "category": "fuel", "date": "today"},
    ),
    (
        "paid 38 dollars for the caravan park last night",
        "add_expense",
        {"amount": 38, "category": "camping", "date": "yesterday"},
    ),
    (
        "spent $12.40 on coffee and a pie at the bakery",
        "add_expense",
        {"amount": "12.40", "category": "dining", "merchant": "Bakery"},
    ),
    (
        "Record $1,250 for new tyres on 3 March",
        "add_expense",
        {"amount": 1250, "category": "maintenance", "date": "past:03-03"},
    ),
    (
        "$23 for the ferry to Kangaroo Island two days ago",
        "add_expense",
        {"amount": 23, "category": "transport", "date": "today-2"},
    ),
    (
        "I paid my phone bill, 65 bucks",
        "add_expense",
        {"amount": 65, "category": "utilities", "description": "Phone bill"},
    ),
    (
        "vehicle insurance renewal cost me $890 today",
        "add_expense",
        {"amount": 890, "category": "insurance", "date": "today"},
    ),
    (
        "Set my fuel budget to $400 a month",
        "set_budget",
        {"category": "fuel", "amount": 400},
    ),
    (
        "make the groceries budget 650",
        "set_budget",
        {"category": "groceries", "amount": 650},
    ),
    (
        "How much have I spent on fuel this month?",
        "spending_query",
        {"category": "fuel", "period": "this_month"},
    ),
    ("how's my fuel budget looking?", "budget_status", {"category": "fuel"}),
    (
        "what did I spend in total this month?",
        "spending_query",
        {"period": "this_month", "absent": ["category"]},
    ),
    (
        "I earned $300 selling at the market last Saturday",
        "add_income",
        {"amount": 300, "date": "last:saturday", "source": "selling at the market"},
    ),
    (
        "got paid $1,200 for house-sitting",
        "add_income",
        {"amount": 1200, "date": "today", "source": "house-sitting"},
    ),
    (
        "Filled up with 62 litres for $118.40 at 85,300 km",
        "log_fuel",
        {"litres": 62, "total_cost": "118.40", "odometer_km": 85300},
    ),
    (
        "diesel top up: 45.5 L, $89.90",
        "log_fuel",
        {"litres": "45.5", "total_cost": "89.90", "fuel_type": "diesel"},
    ),
    (
        "Had the oil changed today at 85,000 km, cost $180",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 85000, "cost": 180},
    ),
    (
        "log a tyre rotation at 92000km",
        "log_maintenance",
        {"task": "Tyre rotation", "odometer_km": 92000, "absent": ["cost"]},
    ),
    (
        "Plan a trip from Sydney to Melbourne via Canberra",
        "plan_trip",
        {"places": ["Sydney", "Canberra", "Melbourne"]},
    ),
    (
        "plan a route from Brisbane to Cairns",
        "plan_trip",
        {"places": ["Brisbane", "Cairns"]},
    ),
    (
        "Remind me to renew the rego on 15 March",
        "add_calendar",
        {"title": "Renew the rego", "date": "next:03-15"},
    ),
    (
        "add a dentist appointment next Tuesday",
        "add_calendar",
        {"title": "Dentist appointment", "date": "next:tuesday"},
    ),
    (
        "Post to the community: Anyone know a good free camp near Dubbo?",
        "create_post",
        {"content": "Anyone know a good free camp near Dubbo?"},
    ),
    ("show me my budget", "navigate", {"to": "/wins"}),
    ("open the trip planner", "navigate", {"to": "/wheels"}),
    ("add an expense", "add_expense", {"missing": ["amount"]}),
    ("log fuel", "log_fuel", {"missing": ["litres", "total_cost"]}),
    ("hello PAM", "greeting", {}),
    ("thanks!", "thanks", {}),
    ("I spent $30 on lunch", "add_expense", {"amount": 30, "category": "dining"}),
    ("actually make that $35", "correction", {"amount": 35}),
    (
        "spent $80 at the mechanic",
        "add_expense",
        {"amount": 80, "category": "maintenance"},
    ),
    ("undo that", "undo", {}),
]

# The task brief's own examples of precedence and phrasing.
BRIEF = [
    (
        "Remind me to pay the insurance $890 on Friday",
        "add_calendar",
        {"title": "Pay the insurance $890", "date": "next:friday"},
    ),
    (
        "I paid the insurance $890",
        "add_expense",
        {"amount": 890, "category": "insurance"},
    ),
    ("how much did I spend on fuel", "spending_query", {"category": "fuel"}),
    (
        "trip to Uluru from Alice Springs",
        "plan_trip",
        {"places": ["Alice Springs", "Uluru"]},
    ),
    (
        "Sydney to Byron Bay then Brisbane",
        "plan_trip",
        {"places": ["Sydney", "Byron Bay", "Brisbane"]},
    ),
    (
        "Plan a trip from Perth to Broome via Geraldton and Exmouth",
        "plan_trip",
        {"places": ["Perth", "Geraldton", "Exmouth", "Broome"]},
    ),
    (
        "Plan a trip from Perth to Broome via Geraldton, Exmouth",
        "plan_trip",
        {"places": ["Perth", "Geraldton", "Exmouth", "Broome"]},
    ),
    (
        "post that the showers at Bourke are fixed",
        "create_post",
        {"content": "The showers at Bourke are fixed"},
    ),
    (
        "share: dump point at Yass is closed",
        "create_post",
        {"content": "Dump point at Yass is closed"},
    ),
    ("take me to my profile", "navigate", {"to": "/you"}),
    ("take me to my settings", "navigate", {"to": "/you"}),
    ("go to the community", "navigate", {"to": "/social"}),
    ("go to the feed", "navigate", {"to": "/social"}),
    ("home", "navigate", {"to": "/"}),
    ("open the dashboard", "navigate", {"to": "/"}),
    ("no, it was 40", "correction", {"amount": 40}),
    ("change that to $35", "correction", {"amount": 35}),
    ("sorry, $35 not $30", "correction", {"amount": 35, "old_amount": 30}),
    ("undo", "undo", {}),
    ("scratch that", "undo", {}),
    ("delete that last one", "undo", {}),
    ("remove the last expense", "undo", {"kind": "expense"}),
    ("hi", "greeting", {}),
    ("g'day", "greeting", {}),
    ("cheers", "thanks", {}),
    ("ta", "thanks", {}),
    ("what can you do?", "help", {}),
    (
        "coffee and a pie at the bakery $12",
        "add_expense",
        {"category": "dining", "merchant": "Bakery"},
    ),
    ("restaurant bill $80 for dinner", "add_expense", {"category": "dining"}),
    ("what did I spend last month?", "spending_query", {"period": "last_month"}),
    ("how much did I spend this week", "spending_query", {"period": "this_week"}),
    ("how much have I earned this month?", "income_query", {"period": "this_month"}),
    ("when is my next service due?", "maintenance_due", {}),
    ("show my trips", "list_trips", {}),
    ("what's on my calendar this week?", "upcoming_events", {"period": "this_week"}),
    ("what's new on the feed?", "read_feed", {}),
    ("show me my recent expenses", "list_expenses", {}),
]

EXPENSES = [
    ("Petbarn $72.30 dog food + flea stuff", {"amount": "72.30", "merchant": "Petbarn"}),
    # near this session's rules, but not them (from a review of the change)
    ("bike puncture repair $15", {"amount": 15, "category": "maintenance"}),
    ("house roof repair $300", {"amount": 300}),
    ("dishwasher tablets $12", {"amount": 12, "absent": ["merchant"]}),
    ("$45 a night at Hat Head Holiday Park", {"amount": 45, "category": "camping"}),
    ("paid $250 a week today for the powered site", {"amount": 250, "date": "today", "category": "camping"}),
    ("the spare cash came in handy at the markets, spent $60", {"amount": 60}),
    ("the tyres were $1,200, very dear", {"amount": 1200, "description": "Tyres were very dear"}),
    ("lunch came to $45, which Bob paid", {"amount": 45, "description": "Lunch"}),
    # formal registers: "I should like to", "would you be so kind as to", "…, would you note it down, please?"
    ("Would you be so kind as to enter 24 dollars 95 for hearing aid batteries from Specsavers today?",
     {"amount": "24.95", "category": "health", "merchant": "Specsavers"}),
    ("I should like to enter the specialist's gap fee of $185 for my husband's cardiology appointment this afternoon.",
     {"amount": 185, "category": "health", "date": "today"}),
    ("The fifth-wheel's registration came to $412.00, which my husband paid yesterday; would you note it down, please?",
     {"amount": 412, "category": "registration", "date": "yesterday", "description": "Fifth-wheel's registration"}),
    ("I should like to record what I paid at the chemist this morning.", {"category": "health", "description": "Chemist",
                                                                          "missing": ["amount"]}),
    ("new hat and a long-sleeve shirt from the outback store in Kununurra, $89.95 - the sun up here is no joke",
     {"amount": "89.95", "category": "shopping"}),
    # near the new readings, but not them (from a review of the change)
    ("paid for grand final tickets, 180 all up", {"amount": 180, "category": "entertainment"}),
    ("paid for Thousand Islands cruise tickets 96", {"amount": 96}),
    ("paid 5 thousand 2 weeks ago for the solar", {"amount": 5000, "date": "today-14"}),
    ("Just paid the $180 invoice from the plumber", {"amount": 180}),
    ("paid my invoice for the tyre repair 45", {"amount": 45, "category": "maintenance"}),
    ("stuck to the budget, only 80 on groceries", {"amount": 80, "category": "groceries"}),
    ("swimming goggles at kmart 12", {"amount": 12, "category": "shopping"}),
    # euros or pounds beside the dollar figure the message says it came to: the dollars, once
    ("Big shop at the Lidl in Boulogne. It was €58.20 at the till, which the bank app says is $96.45 in our money. Can you "
     "put the $96.45 down under groceries?", {"amount": "96.45", "category": "groceries", "merchant": "Lidl"}),
    ("Sainsbury's run this morning: £41.60 in their money but $84.10 on our card statement. Please record the $84.10 under "
     "groceries.", {"amount": "84.10", "category": "groceries", "merchant": "Sainsbury's"}),
    ("The pharmacie in Tours sorted out the hay fever, tablets and a nasal spray, $27.95", {"category": "health"}),
    ("Paid $18 to park near the cathedral in Canterbury yesterday arvo", {"amount": 18, "category": "transport", "date": "yesterday"}),
    ("Paid $38.20 for the camping-car park at Saumur this morning", {"amount": "38.20", "category": "camping"}),
    ("caught the train into Paris today, $24.60 for the two return tickets", {"category": "transport"}),
    ("Quick Aldi shop for brekky things, $23.47. Only just found the docket in my jacket pocket.",
     {"amount": "23.47", "category": "groceries", "merchant": "Aldi"}),
    # dictation writes "two" and "four" as the words they sound like
    ("spent to hundred on the holiday park", {"amount": 200, "category": "camping"}),
    ("paid for dollars parking at the beach", {"amount": 4, "category": "transport"}),
    ("zoo passes were too hundred bucks", {"amount": 200, "category": "entertainment"}),
    ("luna park rides 75 dollars on the 2nd of january", {"amount": 75, "category": "entertainment"}),
    ("dodgems and the fairground rides at the show, $36", {"amount": 36, "category": "entertainment"}),
    ("Interislander ferry $389", {"amount": 389, "category": "transport"}),
    ("filled up the water tank $5", {"amount": 5, "category": "utilities"}),
    ("I worked from a cafe in Orange last Saturday and had lunch there. Log $21.40 for it, please.",
     {"amount": "21.40", "category": "dining", "date": "last:saturday",
      "description": "Worked from a cafe in Orange and had lunch there"}),
    ("Used the motorhome service point at the Super U: emptied the cassette and filled up the fresh tank. €4 at the machine, "
     "$6.60 in our money, so log $6.60 please.", {"amount": "6.60", "category": "utilities", "merchant": "Super U"}),
    ("Right, pension day! Marg and I did the big shop at Coles in Kalgoorlie this morning — $243.85 all up. Col nearly "
     "fell over at the price of the coffee pods but there you go. Can you put that in for us?",
     {"amount": "243.85", "category": "groceries", "merchant": "Coles", "description": "Did the big shop at Coles in Kalgoorlie"}),
    ("caravan pk 3 nites $40 a nite pd this arvo", {"amount": 120, "category": "camping"}),
    ("Boots pharmacy, hay fever tablets and Calpol for the kids, £11.48",
     {"amount": "11.48", "category": "health", "merchant": "Boots pharmacy"}),
    ("On Canada Day I bought rain jackets for both kids at Canadian Tire, $79.98 total",
     {"amount": "79.98", "category": "shopping", "merchant": "Canadian Tire", "date": "past:07-01"}),
    ("bought a new outdoor awning mat at Walmart for $39.88", {"amount": "39.88", "category": "shopping", "merchant": "Walmart"}),
    ("van insurance went thru today six hundred n forty two dollars thirty", {"amount": "642.30", "category": "insurance"}),
    ("paid 22 fifty for pizza", {"amount": "22.50", "category": "dining"}),
    ("coffee 4 eighty", {"amount": "4.80"}),
    # A day something was due is not the day it was paid; a price compared and how it was paid are no part of it.
    ("the rego was due on the 30th but I paid it online yesterday, $840",
     {"amount": 840, "category": "registration", "date": "yesterday", "description": "Rego"}),
    ("paid 180 for the tyres which beats the 35 they wanted just to look", {"amount": 180, "description": "Tyres"}),
    # A price each, a head or per person, with how many said: the total was paid.
    ("DOC campsite at Lake Pukaki was NZ$15 a head and there were two of us, log the total",
     {"amount": 30, "category": "camping", "description": "DOC campsite at Lake Pukaki"}),
    ("$15 per person, 3 of us", {"amount": 45}),
    ("entry was $12 a head x4", {"amount": 48}),
    ("fish and chips $14 each, both of us", {"amount": 28, "category": "dining"}),
    # …unless only one share was ours
    ("tickets were $12 each, there were 3 of us but I only paid for mine", {"amount": 12, "description": "Tickets"}),
    ("3 coffees at $5 each, we each paid our own", {"amount": 5}),
    ("paid $20 each for 2 tickets to the museum", {"amount": 40, "category": "entertainment"}),
    ("coffees $5.50 each", {"amount": "5.50"}),
    ("$25 each, $50 all up", {"amount": 50}),
    # A bare amount just before a shop's name was paid there; a small one may count things.
    ("new tyres 410 bob jane", {"amount": 410, "category": "maintenance", "merchant": "Bob Jane T-Marts"}),
    ("2 new tires 410 discount tire", {"amount": 410, "merchant": "Discount Tire"}),
    ("grabbed groceries at walmart sixty seven twelve", {"amount": "67.12", "merchant": "Walmart"}),
    ("ferry over to the isle of wight 96 pounds on friday just gone", {"amount": 96, "category": "transport"}),
    ("pay and display in Bath 7.20 this afternoon", {"amount": "7.20", "category": "transport"}),
    ("we paid the campground two hundred and ten dollars for the week on november the second", {"amount": 210, "date": "past:11-02"}),
    # Digits with a scale word: "3 hundred" is 300, not 3.
    ("3 hundred on groceries at Aldi", {"amount": 300, "category": "groceries", "merchant": "Aldi"}),
    ("spent 2 grand on new tyres", {"amount": 2000, "category": "maintenance"}),
    # A price per night, day or head with the count said too is recorded as the total.
    (
        "paid for 2 nights at the showground, $25 a night, just log the total",
        {"amount": 50, "category": "camping", "description": "2 nights at the showground"},
    ),
    ("three nights at Big4 Cairns at $48 per night", {"amount": 144, "category": "camping"}),
    ("$25 a night at the showground", {"amount": 25, "category": "camping"}),
    # In a long story with one amount, what was paid for is read in the clause that holds the amount.
    (
        "So we finally made it to Coral Bay after the longest drive ever, kids were feral in the back, but the water "
        "is amazing and this arvo we did the glass bottom boat tour which was $120 for all four of us. Can you put that in?",
        {"amount": 120, "category": "entertainment", "description_contains": "boat tour"},
    ),
    (
        "We pulled into Tamworth late after a big day on the road and the van park was full so we ended up at the "
        "showgrounds which was $25 for the night",
        {"amount": 25, "category": "camping", "description_contains": "showgrounds"},
    ),
    # A well-known shop named without "at" is still the merchant, under its shop-front name.
    ("aldi run came to 64 bucks yesterday", {"amount": 64, "category": "groceries", "merchant": "Aldi", "date": "yesterday"}),
    ("telstra prepaid recharge $45", {"amount": 45, "category": "utilities", "merchant": "Telstra"}),
    ("woolies shop $103.45", {"amount": "103.45", "category": "groceries", "merchant": "Woolworths"}),
    ("maccas $14.50", {"amount": "14.50", "category": "dining", "merchant": "McDonald's"}),
    # A fill-up given by its cost alone is a fuel expense (the fuel log needs litres).
    ("I filled up with diesel for $120", {"amount": 120, "category": "fuel", "description": "Diesel"}),
    ("we filled the tank on Monday, $102", {"amount": 102, "category": "fuel", "date": "last:monday"}),
    ("refuelled at the Shell in Dubbo, 90 bucks", {"amount": 90, "category": "fuel", "merchant_contains": "Shell"}),
    (
        "Spent $62 at Coles on groceries",
        {"amount": 62, "category": "groceries", "merchant": "Coles", "date": "today"},
    ),
    ("I paid $15.50 for parking", {"amount": "15.50", "category": "transport"}),
    (
        "just dropped 80 bucks at the servo",
        {"amount": 80, "category": "fuel", "merchant": "Servo"},
    ),
    (
        "bought diesel for $95 yesterday",
        {"amount": 95, "category": "fuel", "date": "yesterday"},
    ),
    (
        "$42 on dinner at the pub last night",
        {"amount": 42, "category": "dining", "date": "yesterday", "merchant": "Pub"},
    ),
    ("Add a $30 expense for laundry", {"amount": 30, "category": "utilities"}),
    (
        "log $18 for coffee this morning",
        {"amount": 18, "category": "dining", "date": "today"},
    ),
    (
        "We spent 120 dollars on groceries at Aldi",
        {"amount": 120, "category": "groceries", "merchant": "Aldi"},
    ),
    (
        "paid $45 for a powered site at the caravan park",
        {"amount": 45, "category": "camping"},
    ),
    ("camp fees were $35", {"amount": 35, "category": "camping"}),
    ("$9.80 for a pie and a coffee", {"amount": "9.80", "category": "dining"}),
    (
        "Record $300 for the mechanic on 2 March",
        {"amount": 300, "category": "maintenance", "date": "past:03-02"},
    ),
    ("I bought new tyres for $980", {"amount": 980, "category": "maintenance"}),
    (
        "Tolls came to $14.60 today",
        {"amount": "14.60", "category": "transport", "date": "today"},
    ),
    (
        "spent $25 at the chemist",
        {"amount": 25, "category": "health", "merchant": "Chemist"},
    ),
    ("doctor's visit cost me $85", {"amount": 85, "category": "health"}),
    ("Paid the rego, $850", {"amount": 850, "category": "registration"}),
    (
        "paid $220 for the van's insurance premium",
        {"amount": 220, "category": "insurance"},
    ),
    ("I spent 50 on fuel", {"amount": 50, "category": "fuel"}),
    ("forked out $140 for a new battery", {"amount": 140, "category": "maintenance"}),
    (
        "movie tickets for $32 on Saturday",
        {"amount": 32, "category": "entertainment", "date": "last:saturday"},
    ),
    (
        "$65 at Bunnings for a new tarp",
        {"amount": 65, "category": "shopping", "merchant": "Bunnings"},
    ),
    ("Add 27.50 for the ferry", {"amount": "27.50", "category": "transport"}),
    ("Uber into town was $23", {"amount": 23, "category": "transport"}),
    (
        "$12 for bread and milk at the IGA",
        {"amount": 12, "category": "groceries", "merchant": "IGA"},
    ),
    (
        "lunch at the cafe, $24.90",
        {"amount": "24.90", "category": "dining", "merchant": "Cafe"},
    ),
    ("Spent thirty dollars on takeaway", {"amount": 30, "category": "dining"}),
    (
        "I spent fifty bucks on diesel two days ago",
        {"amount": 50, "category": "fuel", "date": "today-2"},
    ),
    (
        "paid a hundred and twenty dollars for the campground",
        {"amount": 120, "category": "camping"},
    ),
    ("the internet bill was $89", {"amount": 89, "category": "utilities"}),
    ("$75 phone recharge", {"amount": 75, "category": "utilities"}),
    ("Add $15 parking expense", {"amount": 15, "category": "transport"}),
    (
        "spent $38.20 at Woolies",
        {"amount": "38.20", "category": "groceries", "merchant": "Woolies"},
    ),
    (
        "I paid $60 for a tour of the museum",
        {"amount": 60, "category": "entertainment"},
    ),
    (
        "got a pizza for $22 tonight",
        {"amount": 22, "category": "dining", "date": "today"},
    ),
    (
        "bought groceries at Coles for $87.35 on Monday",
        {
            "amount": "87.35",
            "category": "groceries",
            "date": "last:monday",
            "merchant": "Coles",
        },
    ),
    (
        "Log $54 for gas at the Shell in Dubbo",
        {"amount": 54, "category": "fuel", "merchant": "Shell"},
    ),
    (
        "I spent $1,100 on the vehicle insurance",
        {"amount": 1100, "category": "insurance"},
    ),
    ("$14 for the train", {"amount": 14, "category": "transport"}),
    ("Add $33 for the national park entry", {"amount": 33, "category": "camping"}),
    ("spent $19 on a movie", {"amount": 19, "category": "entertainment"}),
    (
        "I paid $40 for petrol this arvo",
        {"amount": 40, "category": "fuel", "date": "today"},
    ),
    (
        "breakfast was $28 at the bakery yesterday",
        {"amount": 28, "category": "dining", "date": "yesterday", "merchant": "Bakery"},
    ),
    ("$55 to the physio", {"amount": 55, "category": "health"}),
    ("paid our electricity bill $140", {"amount": 140, "category": "utilities"}),
    ("Add $9 for a coffee", {"amount": 9, "category": "dining"}),
    (
        "spent $310 at the mechanic for brakes",
        {"amount": 310, "category": "maintenance"},
    ),
    (
        "$48 for fish and chips on Friday",
        {"amount": 48, "category": "dining", "date": "last:friday"},
    ),
    ("Bought a gas bottle refill for $32", {"amount": 32, "category": "utilities"}),
    (
        "I paid $260 for the ferry to Tassie on the 5th",
        {"amount": 260, "category": "transport", "date": "past:03-05"},
    ),
    (
        "spent 45 bucks at Kmart",
        {"amount": 45, "category": "shopping", "merchant": "Kmart"},
    ),
    ("Record an expense of $72 for groceries", {"amount": 72, "category": "groceries"}),
    ("Groceries $95", {"amount": 95, "category": "groceries"}),
    (
        "I blew $70 on drinks at the pub",
        {"amount": 70, "category": "dining", "merchant": "Pub"},
    ),
    ("dinner for two cost $96", {"amount": 96, "category": "dining"}),
    ("paid 3 nights at the holiday park, $135", {"amount": 135, "category": "camping"}),
    ("paid $180 for an oil change", {"amount": 180, "category": "maintenance"}),
    (
        "spent $4.50 on a coffee a week ago",
        {"amount": "4.50", "category": "dining", "date": "today-7"},
    ),
    (
        "AUD 60 for the campsite on 28/2",
        {"amount": 60, "category": "camping", "date": "past:02-28"},
    ),
    ("paid 20 AUD for a parking ticket", {"amount": 20, "category": "transport"}),
    (
        "spent $2k on repairs last Tuesday",
        {"amount": 2000, "category": "maintenance", "date": "last:tuesday"},
    ),
    (
        "we spent $88 at the pharmacy the day before yesterday",
        {"amount": 88, "category": "health", "date": "today-2"},
    ),
    ("SPENT $20 ON LUNCH", {"amount": 20, "category": "dining"}),
    ("spnt $20 on lunch", {"amount": 20, "category": "dining"}),
    ("add $50 expence for groceris", {"amount": 50, "category": "groceries"}),
    (
        "Hey PAM, could you please log $30 for parking thanks",
        {"amount": 30, "category": "transport"},
    ),
]

BUDGETS = [
    ("we spend about $400 a month on groceries, can you set that as our budget?", "set_budget",
     {"category": "groceries", "amount": 400}),
    ("we spent $600 on fuel last month, set that as the fuel budget", "set_budget", {"category": "fuel", "amount": 600}),
    # a limit said, then asked to be the budget, "?" and all
    ("I want to keep eating out to $250 a month, can you set that as my budget?", "set_budget",
     {"category": "dining", "amount": 250}),
    ("fuel's been about $900 a month, can you make that my fuel budget?", "set_budget", {"category": "fuel", "amount": 900}),
    # a budget's heading and its amount, with no verb
    ("transport budget for ferries n tolls three hundred", "set_budget", {"category": "transport", "amount": 300}),
    ("dining budget four fifty", "set_budget", {"category": "dining", "amount": 450}),
    # the budget said, then asked about without a comma: a question, not a new budget without its amount
    ("fuel budget is 400 how much left", "budget_status", {"category": "fuel"}),
    ("we went over budget by 50 this week", "budget_status", {}),
    ("Between the péages and the ferries our transport budget is hopeless. Bump it up by $250 please.", "change_budget",
     {"category": "transport", "change": "raise", "amount": 250}),
    ("grocery budget 300 over?", "budget_status", {"category": "groceries"}),
    ("entertainment budget 250 for the school holidays", "set_budget", {"category": "entertainment", "amount": 250}),
    ("Fuel budget needs to go up 20 percent — diesel's over $2.60 a litre out here", "change_budget",
     {"category": "fuel", "change": "raise", "percent": 20}),
    ("Col says we're eating out far too much. Cut the dining budget by a quarter, please.", "change_budget",
     {"category": "dining", "change": "lower", "percent": 25}),
    ("Cut my groceries budget by a third, please.", "change_budget",
     {"category": "groceries", "change": "lower", "percent": Decimal(100) / 3}),
    ("Col wants the dining budget set to exactly what we've spent on eating out so far this month — no more, no less.",
     "set_budget", {"category": "dining", "as_spent": "this_month"}),
    ("set healht budget to eighty bucks pls", "set_budget", {"category": "health", "amount": 80}),
    ("Increase budget of diesel with fifty dollars please", "change_budget", {"category": "fuel", "amount": 50, "change": "raise"}),
    ("fuel budget up by 50 pls", "change_budget", {"category": "fuel", "amount": "50", "change": "raise"}),
    ("camping budget down 40", "change_budget", {"category": "camping", "amount": "40", "change": "lower"}),
    ("raise my fuel budget by $50", "change_budget", {"category": "fuel", "amount": "50", "change": "raise"}),
    (
        "set a $300 monthly budget for dining",
        "set_budget",
        {"category": "dining", "amount": 300},
    ),
    (
        "make my camping budget $500",
        "set_budget",
        {"category": "camping", "amount": 500},
    ),
    (
        "I want to spend no more than $250 a month on groceries",
        "set_budget",
        {"category": "groceries", "amount": 250},
    ),
    (
        "budget $150 for entertainment each month",
        "set_budget",
        {"category": "entertainment", "amount": 150},
    ),
    (
        "change the fuel budget to 450",
        "set_budget",
        {"category": "fuel", "amount": 450},
    ),
    (
        "increase my groceries budget to $700",
        "set_budget",
        {"category": "groceries", "amount": 700},
    ),
    (
        "my dining budget should be $200",
        "set_budget",
        {"category": "dining", "amount": 200},
    ),
    (
        "limit my transport spending to $100 a month",
        "set_budget",
        {"category": "transport", "amount": 100},
    ),
    ("set fuel budget 500", "set_budget", {"category": "fuel", "amount": 500}),
    (
        "Set my maintenance budget to $1,000 a month",
        "set_budget",
        {"category": "maintenance", "amount": 1000},
    ),
    (
        "lower my entertainment budget to $120",
        "set_budget",
        {"category": "entertainment", "amount": 120},
    ),
    (
        "new budget: groceries $600 per month",
        "set_budget",
        {"category": "groceries", "amount": 600},
    ),
    ("fuel budget of $350", "set_budget", {"category": "fuel", "amount": 350}),
    (
        "I'd like a $200 budget for health",
        "set_budget",
        {"category": "health", "amount": 200},
    ),
    (
        "can you set my fuel budget to $400?",
        "set_budget",
        {"category": "fuel", "amount": 400},
    ),
    (
        "put the camping budget at 300 dollars",
        "set_budget",
        {"category": "camping", "amount": 300},
    ),
    (
        "set a budget of $80 a week for coffee",
        "set_budget",
        {"category": "dining", "amount": 80, "period": "weekly"},
    ),
    (
        "set a budget for fuel",
        "set_budget",
        {"category": "fuel", "missing": ["amount"]},
    ),
    ("set my budget to $400", "set_budget", {"amount": 400, "missing": ["category"]}),
    ("how's my grocery budget going?", "budget_status", {"category": "groceries"}),
    ("hey pam hows the camping budget holding up", "budget_status", {"category": "camping"}),
    ("the camping budget is $500 right now, bump it up to $650", "set_budget", {"category": "camping", "amount": 650}),
    ("my fuel budget is currently $400, make it $450", "set_budget", {"category": "fuel", "amount": 450}),
    ("set my dining budget to whatever i've actually spent on dining this month", "set_budget",
     {"category": "dining", "as_spent": "this_month", "absent": ["amount"]}),
    ("make the fuel budget what we spent last month", "set_budget", {"category": "fuel", "as_spent": "last_month"}),
    ("am I over budget?", "budget_status", {"absent": ["category"]}),
    ("how much is left in my dining budget", "budget_status", {"category": "dining"}),
    (
        "what's left of the fuel budget this month?",
        "budget_status",
        {"category": "fuel"},
    ),
    ("check my budgets", "budget_status", {}),
    ("am I on track with my camping budget", "budget_status", {"category": "camping"}),
    ("how am I going against budget", "budget_status", {}),
    (
        "how much budget do I have left for transport?",
        "budget_status",
        {"category": "transport"},
    ),
]

QUERIES = [
    ("How much did I spend on maintenance in the last 30 days?", "spending_query",
     {"category": "maintenance", "start": dt.date(2026, 2, 10), "end": dt.date(2026, 3, 11)}),
    ("Would you tell me what the ute's logbook service cost us?", "maintenance_query", {"task": "logbook", "limit": 1}),
    ("how much did we pay for the wheel alignment?", "maintenance_query", {"task": "wheel", "limit": 1}),
    ("I should be grateful if you would tell me our total spending for the month so far.", "spending_query",
     {"period": "this_month"}),
    ("what's the total damage this month?", "spending_query", {"period": "this_month"}),
    ("How much more have we earned than spent this month?", "net_query", {"period": "this_month"}),
    ("Did we spend more than came in this month? By how much?", "net_query", {"period": "this_month"}),
    ("When is the transmission fluid due again?", "maintenance_due", {"task": "Transmission fluid"}),
    ("According to my maintenance log, how much have I spent on servicing in total?", "spending_query",
     {"category": "maintenance", "period": "all_time"}),
    ("How much were the jumper cables?", "list_expenses", {"search": "jumper cables", "period": "all_time"}),
    ("What have I spent this month if you leave out the insurance payment?", "spending_query",
     {"leave_out": "insurance", "period": "this_month"}),
    ("How much have I spent at Tesco?", "spending_query", {"merchant": "Tesco", "also_all_time": True}),
    ("we've been eating out a lot lately, how much has that come to this month", "spending_query", {"category": "dining"}),
    ("What did our last two fill-ups cost all together?", "fuel_query", {"last_fills": 2}),
    ("how much per litre did we pay in March", "fuel_query", {"start": dt.date(2026, 3, 1), "absent": ["location"]}),
    ("How many litres of diesel have I put in over the last 14 days?", "fuel_query", {"period": "custom", "absent": ["location"]}),
    ("How much did we spend between March and June 2025?", "spending_query",
     {"start": dt.date(2025, 3, 1), "end": dt.date(2025, 6, 30), "absent": ["periods"]}),
    ("For my records: how did my fuel spending in March 2025 compare with April 2025?", "spending_query",
     {"category": "fuel", "periods": [(dt.date(2025, 3, 1), dt.date(2025, 3, 31)), (dt.date(2025, 4, 1), dt.date(2025, 4, 30))]}),
    ("Which month did I spend more on camping fees, September 2025 or October 2025?", "spending_query",
     {"category": "camping", "periods": [(dt.date(2025, 9, 1), dt.date(2025, 9, 30)), (dt.date(2025, 10, 1), dt.date(2025, 10, 31))]}),
    ("What was my total income for the 2024-25 financial year?", "income_query",
     {"start": dt.date(2024, 7, 1), "end": dt.date(2025, 6, 30), "absent": ["source"]}),
    ("How much income came in from July 2025 to September 2025?", "income_query",
     {"start": dt.date(2025, 7, 1), "end": dt.date(2025, 9, 30), "absent": ["source"]}),
    ("I fill to full every time. What fuel economy did I get between my last two fill-ups, in L/100 km?", "fuel_query",
     {"latest": True}),
    ("how much did the trip cost", "spending_query", {}),
    ("how much have we spent except on fuel this month?", "spending_query", {"leave_out": "fuel"}),
    ("How far did we drive between the last two fill-ups?", "fuel_query", {"latest": True}),
    ("Going by the fuel log, what have we averaged per litre across all the fill-ups in it?", "fuel_query",
     {"period": "all_time"}),
    ("How many litres of diesel have we put in the tank this month?", "fuel_query",
     {"period": "this_month", "absent": ["location"]}),
    ("Col swears that folding solar panel was under $300. What did we actually pay for it?", "list_expenses",
     {"search": "folding solar panel", "period": "all_time"}),
    ("Leaving the Spirit of Tasmania fare out of it, what have we spent this month?", "spending_query",
     {"leave_out": "Spirit of Tasmania", "period": "this_month"}),
    ("Add up everything in the maintenance log for me — what have all the servicing and repairs cost us so far?",
     "spending_query", {"category": "maintenance", "period": "all_time"}),
    ("how much have we spent so far?", "spending_query", {"period": "this_month"}),
    ("How much have we made selling off our bits and pieces so far?", "income_query",
     {"source": "sale", "period": "all_time"}),
    ("What was the last job done on the car and what did it cost?", "maintenance_query", {"limit": 1}),
    ("How much did we spend yesterday and the day before, combined?", "spending_query",
     {"start": dt.date(2026, 3, 9), "end": dt.date(2026, 3, 10)}),
    ("How much a litre did we pay at Gundagai, in dollars?", "fuel_query", {"period": "all_time", "location": "Gundagai"}),
    ("how much did the caravan rego cost us?", "list_expenses", {"search": "caravan rego", "period": "all_time"}),
    ("how much did the groceries cost?", "spending_query", {"category": "groceries", "period": "this_month"}),
    ("what have we spent at Woolies this month?", "spending_query", {"merchant": "Woolworths"}),
    # A sum asked about, not spent: worked out and recorded nowhere.
    (
        "if powered sites are forty five dollars a night what's that for a week",
        "price_sum",
        {"amount": 45, "times": 7, "span": "week"},
    ),
    ("at $30 per day how much is a fortnight?", "price_sum", {"amount": 30, "times": 14}),
    ("how much money for food shopping I spend in this month", "spending_query", {"category": "groceries"}),
    ("list my maintenance records", "maintenance_query", {"limit": 5}),
    ("did I put in lunch today?", "list_expenses", {"search": "lunch", "start": WEDNESDAY, "end": WEDNESDAY}),
    ("i didnt log the diesel did i", "list_expenses", {"search": "diesel"}),
    ("I haven't added lunch yet, have I?", "list_expenses", {"search": "lunch"}),
    ("did we already add the woolies shop?", "list_expenses", {"search": "Woolworths"}),
    ("what was the odometer at my last oil change", "maintenance_query", {"task": "oil"}),
    ("when was the battery last replaced", "maintenance_query", {"task": "battery"}),
    ("tally up everything ive spent since the 1st", "spending_query", {"start": dt.date(2026, 3, 1), "end": WEDNESDAY}),
    ("how much did we save last month?", "net_query", {"period": "last_month"}),
    ("income minus spending this month", "net_query", {"period": "this_month"}),
    ("how many litres did we buy this month?", "fuel_query", {"period": "this_month"}),
    (
        "how much did I spend on groceries this week?",
        "spending_query",
        {"category": "groceries", "period": "this_week"},
    ),
    (
        "what have I spent on fuel so far this month",
        "spending_query",
        {"category": "fuel", "period": "this_month"},
    ),
    ("total spending last month?", "spending_query", {"period": "last_month"}),
    (
        "How much have I spent in total?",
        "spending_query",
        {"period": "this_month", "absent": ["category"]},
    ),
    (
        "what did dining cost me this month?",
        "spending_query",
        {"category": "dining", "period": "this_month"},
    ),
    (
        "how much went on camping last month",
        "spending_query",
        {"category": "camping", "period": "last_month"},
    ),
    ("what's my total spend this week", "spending_query", {"period": "this_week"}),
    ("how much did I spend yesterday?", "spending_query", {"period": "yesterday"}),
    ("tell me how much I've spent on fuel", "spending_query", {"category": "fuel"}),
    (
        "How much have we spent on the ferry?",
        "spending_query",
        {"category": "transport"},
    ),
    (
        "How much did I spend in February?",
        "spending_query",
        {"period": "custom", "start": dt.date(2026, 2, 1)},
    ),
    (
        "how much has maintenance cost us this year",
        "spending_query",
        {"category": "maintenance", "period": "this_year"},
    ),
    ("what's my spending like this month", "spending_query", {"period": "this_month"}),
    (
        "give me a breakdown of my spending last week",
        "spending_query",
        {"period": "last_week"},
    ),
    ("how much have I spent altogether?", "spending_query", {"period": "all_time"}),
    ("how much have I spent altogether this month?", "spending_query", {"period": "this_month"}),
    ("what did my last fill-up cost and where was it?", "fuel_query", {"latest": True}),
    (
        "compare what I've spent on eating out vs groceries this month",
        "spending_query",
        {"period": "this_month", "categories": ["dining", "groceries"]},
    ),
    ("compare fuel and groceries last month", "spending_query", {"period": "last_month", "categories": ["fuel", "groceries"]}),
    ("how much have I earned this month?", "income_query", {"period": "this_month"}),
    ("what was my income last month", "income_query", {"period": "last_month"}),
    (
        "how much did I make from the markets this year",
        "income_query",
        {"period": "this_year"},
    ),
    ("what's on my calendar this week?", "upcoming_events", {"period": "this_week"}),
    ("any reminders coming up?", "upcoming_events", {}),
    ("what do I have on tomorrow", "upcoming_events", {"start": dt.date(2026, 3, 12)}),
    (
        "what appointments have I got next week",
        "upcoming_events",
        {"start": dt.date(2026, 3, 16), "end": dt.date(2026, 3, 22)},
    ),
    ("remind me what's on this weekend", "upcoming_events", {}),
    ("when is my next service due?", "maintenance_due", {"task": "Service"}),
    ("is anything due for maintenance?", "maintenance_due", {}),
    ("when's the next oil change due", "maintenance_due", {"task": "Oil change"}),
    ("what maintenance is coming up", "maintenance_due", {}),
    ("show my trips", "list_trips", {}),
    ("what trips have I planned?", "list_trips", {}),
    ("list my upcoming trips", "list_trips", {}),
    ("show me my recent expenses", "list_expenses", {}),
    ("list my expenses from last week", "list_expenses", {"period": "last_week"}),
    ("what did I buy yesterday?", "list_expenses", {"period": "yesterday"}),
    ("show my last 5 expenses", "list_expenses", {"limit": 5}),
    ("what's new in the community?", "read_feed", {}),
    ("any new posts?", "read_feed", {}),
    ("read me the latest posts from the feed", "read_feed", {}),
    ("what are people saying on the forum", "read_feed", {}),
]

INCOME = [
    ("the money from Mum came in, $500", {"amount": 500, "source": "money from Mum"}),
    ("$1.8k from the agency hit the account this morning", {"amount": 1800, "source": "agency"}),
    ("Our Age Pension payment arrived in the bank today: one thousand, six hundred and eighty dollars and forty cents for "
     "the two of us.", {"amount": "1680.40"}),
    ("We have had some money come in that I should like noted.", {"missing": ["amount"], "absent": ["source"]}),
    ("Kite Studio paid my invoice yesterday: $640.", {"amount": 640, "source": "Kite Studio", "date": "yesterday"}),
    ("I did some bookkeeping for my old firm, and they paid the $640 invoice two days ago. Please add that to our income.",
     {"amount": 640}),
    ("Sold the old bike rack to a Dutch couple! They paid in euros, but it works out at $120 in our money, so put it in as "
     "$120 income.", {"amount": 120}),
    ("got paid 1 thousand 2 hundred for the pet sitting gig 🐶 yay", {"amount": 1200, "source": "pet sitting gig"}),
    ("Pension's in, $1,802.40", {"amount": "1802.40", "source": "Pension"}),
    ("did some fruit picking at $28 an hour for 20 hours so $560 came in yesterday",
     {"amount": 560, "source": "fruit picking", "date": "yesterday"}),
    ("sold the old awning on marketplace for $150, so that's income I guess, pop it in",
     {"amount": 150, "source": "sold the old awning on marketplace"}),
    ("$60 from the markets, that's income", {"amount": 60, "source": "markets"}),
    ("my client just paid the invoice, $2,340", {"amount": 2340, "source": "client"}),
    ("YouTube ad revenue came through this morning, US$412.67", {"amount": "412.67", "source": "YouTube ad revenue"}),
    (
        "I earned $250 house-sitting this week",
        {"amount": 250, "source": "house-sitting"},
    ),
    (
        "got paid $800 for the fruit picking job",
        {"amount": 800, "source": "fruit picking job"},
    ),
    ("sold the old awning for $350", {"amount": 350, "source_contains": "awning"}),
    (
        "made $120 selling firewood on Sunday",
        {"amount": 120, "date": "last:sunday", "source_contains": "firewood"},
    ),
    (
        "received $1,500 pension payment today",
        {"amount": 1500, "date": "today", "source_contains": "pension"},
    ),
    ("add income of $400 from casual work", {"amount": 400, "source": "casual work"}),
    (
        "I got $60 in tips yesterday",
        {"amount": 60, "date": "yesterday", "source_contains": "tips"},
    ),
    (
        "earned 200 dollars doing odd jobs at the caravan park",
        {"amount": 200, "source_contains": "odd jobs"},
    ),
    (
        "The client paid me $950 for the website",
        {"amount": 950, "source_contains": "client"},
    ),
    ("got a $45 refund from Telstra", {"amount": 45, "source": "Telstra"}),
    (
        "I made $75 at the market today",
        {"amount": 75, "date": "today", "source_contains": "market"},
    ),
    (
        "received 2 grand for the caravan sale",
        {"amount": 2000, "source_contains": "caravan sale"},
    ),
    ("income $500 from house sitting", {"amount": 500, "source": "house sitting"}),
    (
        "I sold some photos for $90 on Friday",
        {"amount": 90, "date": "last:friday", "source_contains": "photos"},
    ),
    ("received $500 from Centrelink", {"amount": 500, "source": "Centrelink"}),
    (
        "earned $1.5k from relief work last week",
        {"amount": 1500, "date": "today-7", "source": "relief work"},
    ),
    (
        "made fifty bucks busking at the markets",
        {"amount": 50, "source_contains": "busking"},
    ),
    (
        "got paid 600 for the cleaning job two days ago",
        {"amount": 600, "date": "today-2"},
    ),
    ("pension came in, $1,100", {"amount": 1100, "source_contains": "pension"}),
    ("got paid", {"missing": ["amount"]}),
    ("add income", {"missing": ["amount"]}),
]

FUEL = [
    # the place as an item of its own: a servo is the town's, a roadhouse is the place
    ("fuel: 110 litres, two hundred and ninety-seven dollars, Tennant Creek servo, odometer 150,870",
     {"litres": 110, "total_cost": 297, "odometer_km": 150870, "location": "Tennant Creek"}),
    ("Wauchope roadhouse, 81.25L, $219.38, 151,002 km", {"litres": "81.25", "location": "Wauchope Roadhouse"}),
    ("60L $150 Shell servo", {"litres": 60, "absent": ["location"]}),
    # a town typed in lower case is still where the fill-up was
    ("filled up in taupo 48 litres 141 dollars 60", {"litres": 48, "total_cost": "141.60", "location": "Taupo"}),
    ("diesel in alice springs 60 litres 130 dollars", {"litres": 60, "total_cost": 130, "location": "Alice Springs"}),
    ("filled up 50 litres in bright sunshine 90 dollars", {"litres": 50, "total_cost": 90, "absent": ["location"]}),
    ("put twelve gallons in at costco for forty one dollars and eighty eight cents",
     {"litres": "45.42", "total_cost": "41.88", "location": "Costco"}),
    ("filled up at the servo eighty two litres hundred and ninety one dollars forty cents odometer a hundred and forty "
     "five thousand two hundred", {"litres": 82, "total_cost": "191.40", "odometer_km": 145200}),
    # US gallons and miles are converted; an imperial gallon is bigger.
    ("Filled up with 18.5 US gallons for $67.32 at a Chevron in Arizona, odometer reads 54,300 miles",
     {"litres": "70.03", "total_cost": "67.32", "odometer_km": 87387}),
    ("put 10 imperial gallons in, £68", {"litres": "45.46", "total_cost": 68}),
    # The shop and the town it is in, both: "at Z in Taupo".
    ("topped up at Z in Taupo 40 litres $98 on the clock 156,780", {"location": "Z Taupo", "odometer_km": 156780, "total_cost": 98}),
    ("filled up 58 litres for $112.30", {"litres": 58, "total_cost": "112.30"}),
    (
        "Fuel: 70L diesel $151.20 at Shell Dubbo",
        {
            "litres": 70,
            "total_cost": "151.20",
            "fuel_type": "diesel",
            "location": "Shell Dubbo",
        },
    ),
    (
        "just filled the tank, 64.2 litres, $125.80, odo 101,250",
        {"litres": "64.2", "total_cost": "125.80", "odometer_km": 101250},
    ),
    ("topped up with 40 litres of diesel for $80", {"litres": 40, "total_cost": 80}),
    (
        "put 55 litres in at $1.95 a litre",
        {"litres": 55, "price_per_litre": "1.95", "total_cost": "107.25"},
    ),
    (
        "refuelled at BP: 48.7L for $96.40",
        {"litres": "48.7", "total_cost": "96.40", "location": "BP"},
    ),
    (
        "Filled up 62 L of unleaded @ 189.9c/L",
        {
            "litres": 62,
            "price_per_litre": "1.899",
            "total_cost": "117.74",
            "fuel_type": "unleaded",
        },
    ),
    ("log fuel 45 litres $88", {"litres": 45, "total_cost": 88}),
    (
        "filled up yesterday, 50 litres, $99.50",
        {"litres": 50, "total_cost": "99.50", "date": "yesterday"},
    ),
    (
        "tanked up with diesel, 72 litres for $140.40 at 120,500 km",
        {"litres": 72, "total_cost": "140.40", "odometer_km": 120500},
    ),
    ("diesel fill-up 66 ltrs $131", {"litres": 66, "total_cost": 131}),
    ("Filled her up: 80 litres, 158 dollars", {"litres": 80, "total_cost": 158}),
    ("60 litres of diesel for $117", {"litres": 60, "total_cost": 117}),
    (
        "got 35L of petrol for $70.35 at Ampol",
        {"litres": 35, "total_cost": "70.35", "location": "Ampol"},
    ),
    (
        "filled up with 52.3 litres at $1.879/L",
        {"litres": "52.3", "price_per_litre": "1.879", "total_cost": "98.27"},
    ),
    (
        "Fill up: 44 L, $86.24, odometer 87,450",
        {"litres": 44, "total_cost": "86.24", "odometer_km": 87450},
    ),
    (
        "refuelled 70 litres for $139.30 two days ago",
        {"litres": 70, "total_cost": "139.30", "date": "today-2"},
    ),
    ("filled the van with 90 litres for $171", {"litres": 90, "total_cost": 171}),
    (
        "fuel stop at Coober Pedy, 65 litres $149.50",
        {"litres": 65, "total_cost": "149.50", "location": "Coober Pedy"},
    ),
    ("filled up", {"missing": ["litres", "total_cost"]}),
    (
        "topped up the tank with 30 litres, cost $61.20",
        {"litres": 30, "total_cost": "61.20"},
    ),
    (
        "log a fill-up of 47 litres for $93.06 at 98,765 km",
        {"litres": 47, "total_cost": "93.06", "odometer_km": 98765},
    ),
    (
        "Filled up at 85,300 km: 62 L for $118.40",
        {"litres": 62, "total_cost": "118.40", "odometer_km": 85300},
    ),
    ("petrol fill 38 litres $74", {"litres": 38, "total_cost": 74}),
    (
        "filled up 75 litres diesel at $2.05 per litre",
        {"litres": 75, "price_per_litre": "2.05", "total_cost": "153.75"},
    ),
    ("put 50 litres of unleaded in for $95", {"litres": 50, "total_cost": 95}),
    (
        "Filled up on Monday with 60 litres for $115",
        {"litres": 60, "total_cost": 115, "date": "last:monday"},
    ),
    ("refuel: 68.4 L, $133.38", {"litres": "68.4", "total_cost": "133.38"}),
    (
        "filled up 60 L for 110 at 91000 km",
        {"litres": 60, "total_cost": 110, "odometer_km": 91000},
    ),
    ("record a fill-up", {"missing": ["litres", "total_cost"]}),
    (
        "filled up with 55 litres at 1.899 a litre, odo 64,000",
        {
            "litres": 55,
            "price_per_litre": "1.899",
            "total_cost": "104.45",
            "odometer_km": 64000,
        },
    ),
]

MAINTENANCE = [
    ("the ute's windscreen replacement $450", {"task": "Windscreen replacement", "cost": 450}),
    ("Kindly note that the electric brakes on the fifth-wheel were adjusted yesterday, at a cost of $220.",
     {"task": "Electric brakes on the fifth-wheel adjusted", "cost": 220, "date": "yesterday"}),
    ("The ute had its 150,000 km logbook service today, at 150,240 km on the odometer; the bill came to $465.30.",
     {"task": "Logbook service", "odometer_km": 150240, "cost": "465.30"}),
    # work named as a noun is work done, in the user's words; the workshop paid is kept
    ("Puncture repair at the tyre place in Fitzroy Crossing, forty-five bucks", {"task": "Puncture repair", "cost": 45}),
    ("Log the trailer bearing repair: $412 at Halls Creek Motors today",
     {"task": "Trailer bearing repair", "cost": 412, "workshop": "Halls Creek Motors"}),
    ("windscreen replacement in Broome $650", {"task": "Windscreen replacement", "cost": 650}),
    ("checked and re-torqued the wheel nuts on the trailer at 152,300 km",
     {"task": "Wheel nuts re-torqued", "odometer_km": 152300, "absent": ["cost"]}),
    ("log maintenance flat tyre repaired 45 dollars at 61250 km", {"task": "Tyre repair", "odometer_km": 61250, "cost": 45}),
    ("got the tyre plugged at 61000 km $30", {"task": "Tyre repair", "odometer_km": 61000, "cost": 30}),
    ("oil and filter change at 88 thousand 500 km 210 dollars", {"task": "Oil change", "odometer_km": 88500, "cost": 210}),
    # A shop's name is not the work: "at Canadian Tire" did the brakes
    ("New brake pads fitted at Canadian Tire today at 118,300 km, $412.60. They want to check them again at 138,300 km.",
     {"task": "Brake pads", "odometer_km": 118300, "cost": "412.60", "next_due_km": 138300}),
    # "The 10,000 km service" names the service; the reading is where it was done.
    (
        "Log the 10,000 km service on the Prado, done yesterday at 120,015 km, $489.55",
        {"odometer_km": 120015, "cost": "489.55", "task_contains": "service"},
    ),
    (
        "Today mechanic change oil and filter, 165 dollar, kilometre 120500, next time at 130500",
        {"odometer_km": 120500, "next_due_km": 130500, "cost": 165},
    ),
    ("caravan habitation service done this morning 189 pounds", {"cost": 189}),
    # Readings in thousands: the one after "next … due" is when it is due again, and neither is money.
    (
        "serviced the van at 143k, next service due 153k",
        {"task": "Service", "odometer_km": 143000, "next_due_km": 153000, "absent": ["cost"]},
    ),
    (
        "Had the van serviced at 100,000 km for $450",
        {"task": "Service", "odometer_km": 100000, "cost": 450},
    ),
    (
        "got the oil changed yesterday, $95",
        {"task": "Oil change", "cost": 95, "date": "yesterday"},
    ),
    ("log an oil change at 88,000 km", {"task": "Oil change", "odometer_km": 88000}),
    (
        "rotated the tyres today at 91,200 km",
        {"task": "Tyre rotation", "odometer_km": 91200, "date": "today"},
    ),
    ("did a wheel alignment, cost $89", {"task": "Wheel alignment", "cost": 89}),
    (
        "Record a tyre rotation at 95,500 km",
        {"task": "Tyre rotation", "odometer_km": 95500},
    ),
    (
        "had new brake pads fitted for $320",
        {"task_contains": "brake pads", "cost": 320},
    ),
    ("replaced the battery today, $210", {"task": "Battery", "cost": 210}),
    (
        "log maintenance: replaced the air filter at 76,000 km",
        {"task_contains": "air filter", "odometer_km": 76000},
    ),
    (
        "Had a 100,000 km service done, cost $650",
        {"task_contains": "service", "cost": 650},
    ),
    (
        "oil and filter change at 82,000 kms, $140",
        {"task": "Oil change", "odometer_km": 82000, "cost": 140},
    ),
    ("got the wheels aligned for $120", {"task": "Wheel alignment", "cost": 120}),
    ("log a service at 120,000 km", {"task": "Service", "odometer_km": 120000}),
    (
        "changed the oil myself at 93,400 km",
        {"task": "Oil change", "odometer_km": 93400},
    ),
    ("Had the propane system leak-checked today, $85", {"task_contains": "propane", "cost": 85}),
    ("Resealed the roof on the van today, materials came to $96.50", {"task_contains": "roof", "cost": "96.50"}),
    ("Log maintenance: flushed and sanitized the fresh water tank", {"task_contains": "water tank"}),
    (
        "log a wheel bearing repack on the caravan, cost $150",
        {"task": "Wheel bearing repack", "cost": 150},
    ),
    (
        "the caravan had its wheel bearings repacked, $180",
        {"task": "Wheel bearing repack", "cost": 180},
    ),
    (
        "Got the logbook service done today for $389",
        {"task_contains": "logbook service", "cost": 389},
    ),
    ("replaced the wiper blades, $35", {"task": "Wiper blades", "cost": 35}),
    (
        "had the timing belt replaced at 150,000 km, cost $1,200",
        {"task_contains": "timing belt", "odometer_km": 150000, "cost": 1200},
    ),
    ("tyres rotated at 60,500km", {"task": "Tyre rotation", "odometer_km": 60500}),
    (
        "log a gas compliance check on the caravan, $120",
        {"task": "Gas compliance check", "cost": 120},
    ),
    (
        "had a roadworthy inspection for $95",
        {"task_contains": "roadworthy", "cost": 95},
    ),
    (
        "coolant flush done today at 97,000 km",
        {"task_contains": "coolant", "odometer_km": 97000},
    ),
    (
        "new tyres fitted at 110,000 km for $1,150",
        {"task": "New tyres", "odometer_km": 110000, "cost": 1150},
    ),
    ("greased the wheel bearings", {"task": "Wheel bearings"}),
    (
        "log a tire rotation at 45000 km",
        {"task": "Tire rotation", "odometer_km": 45000},
    ),
    ("log maintenance", {"missing": ["task"]}),
    (
        "got the brakes checked at 99,000 km",
        {"task_contains": "brake", "odometer_km": 99000},
    ),
    (
        "had the transmission serviced for $420",
        {"task_contains": "transmission", "cost": 420},
    ),
    (
        "oil change at 85,000 km cost me $180",
        {"task": "Oil change", "odometer_km": 85000, "cost": 180},
    ),
    (
        "Log an oil change on 2 March at 84,500 km",
        {"task": "Oil change", "odometer_km": 84500, "date": "past:03-02"},
    ),
    (
        "oil change done at 85000 km, next due at 95000 km",
        {"task": "Oil change", "odometer_km": 85000, "next_due_km": 95000},
    ),
]

TRIPS = [
    ("plan Broome to Kununurra via Fitzroy Crossing, Halls Ck. and Warmun",
     {"places": ["Broome", "Fitzroy Crossing", "Halls Ck", "Warmun", "Kununurra"]}),
    ("plan Alice Springs to Uluru calling in at Curtin Springs", {"places": ["Alice Springs", "Curtin Springs", "Uluru"]}),
    ("Plan us a route from Port Macquarie up to Byron Bay, calling at Coffs Harbour on the way.",
     {"places": ["Port Macquarie", "Coffs Harbour", "Byron Bay"]}),
    ("plan a trip to Hobart to see the festival", {"destination": "Hobart"}),
    ("Plan a trip from Perth to Esperance to see the beaches", {"places": ["Perth", "Esperance"]}),
    ("Plan a route from Edinburgh to Inverness via Stirling please. We want to see the castle and the Wallace Monument.",
     {"places": ["Edinburgh", "Stirling", "Inverness"]}),
    ("Next week we're heading from Bordeaux across to Montpellier. We'd like to stop in Toulouse first and then Carcassonne "
     "(Bev's heart is set on it). Could you plan that route?", {"places": ["Bordeaux", "Toulouse", "Carcassonne", "Montpellier"]}),
    ("We're going to follow the Rhône south for a bit: Dijon to Avignon, with a stop in Lyon in between. Plan it please.",
     {"places": ["Dijon", "Lyon", "Avignon"]}),
    ("Righto, we're off the ferry at Calais tomorrow and want to head to Paris, but via Rouen. Can you plan that trip?",
     {"places": ["Calais", "Rouen", "Paris"]}),
    ("I need to get from Christchurch to Dunedin next week. Plan it via Timaru and Oamaru, please.",
     {"places": ["Christchurch", "Timaru", "Oamaru", "Dunedin"]}),
    ("Plan the long weekend drive: Calgary to Vancouver via Banff and Kamloops, call it Rockies Run",
     {"places": ["Calgary", "Banff", "Kamloops", "Vancouver"], "title": "Rockies Run"}),
    # A route told as a story, with the request at the end.
    (
        "Picking up the campervan in Christchurch on Monday, then Tekapo for the stars, finishing up in Queenstown. "
        "Can you set that trip up?",
        {"places": ["Christchurch", "Tekapo", "Queenstown"]},
    ),
    ("hiring a motorhome in Auckland, then Rotorua, ending up in Wellington - plan it", {"places": ["Auckland", "Rotorua", "Wellington"]}),
    # How the route goes ("the long way round", "up the east coast") is no place.
    (
        "Melbourne to Adelaide the long way round, via Apollo Bay and Warrnambool",
        {"places": ["Melbourne", "Apollo Bay", "Warrnambool", "Adelaide"]},
    ),
    ("make a trip Hobart to Launceston up the east coast, stop at Bicheno", {"places": ["Hobart", "Bicheno", "Launceston"]}),
    ("sydney to brisbane the scenic route via port macquarie", {"places": ["Sydney", "Port Macquarie", "Brisbane"]}),
    # After a comma, a county, state or country says where the town is; it is not another stop.
    ("Can you plan a trip from Bath to St Ives, Cornwall?", {"places": ["Bath", "St Ives, Cornwall"]}),
    ("plan a trip from Seattle to Portland, Oregon", {"places": ["Seattle", "Portland, Oregon"]}),
    ("plan Melbourne to Bendigo, Ballarat and Geelong", {"places": ["Melbourne", "Bendigo", "Ballarat", "Geelong"]}),
    ("plan a trip from Perth to Broome", {"places": ["Perth", "Broome"]}),
    (
        "Plan a route from Adelaide to Darwin via Alice Springs",
        {"places": ["Adelaide", "Alice Springs", "Darwin"]},
    ),
    (
        "I want to drive from Melbourne to Adelaide along the Great Ocean Road",
        {"places": ["Melbourne", "Adelaide"]},
    ),
    ("plan a road trip from Cairns to Cape York", {"places": ["Cairns", "Cape York"]}),
    (
        "route from Hobart to Launceston via Cradle Mountain and Strahan",
        {"places": ["Hobart", "Cradle Mountain", "Strahan", "Launceston"]},
    ),
    (
        "plan a trip Brisbane to Sydney via Coffs Harbour, Port Macquarie",
        {"places": ["Brisbane", "Coffs Harbour", "Port Macquarie", "Sydney"]},
    ),
    (
        "Can you plan a trip from Darwin to Katherine next week?",
        {"places": ["Darwin", "Katherine"], "start_date": "today+7"},
    ),
    (
        "let's do a trip from Townsville to Mission Beach",
        {"places": ["Townsville", "Mission Beach"]},
    ),
    (
        "plan a journey from Canberra to the Snowy Mountains",
        {"places": ["Canberra", "Snowy Mountains"]},
    ),
    (
        "I'm heading to Mildura from Broken Hill on Friday",
        {"places": ["Broken Hill", "Mildura"], "start_date": "next:friday"},
    ),
    ("plan a trip to Kakadu", {"destination": "Kakadu", "missing": ["places"]}),
    ("plan a trip", {"missing": ["places"]}),
    ("drive from Geelong to Warrnambool", {"places": ["Geelong", "Warrnambool"]}),
    (
        "map out a route from Rockhampton to Mackay",
        {"places": ["Rockhampton", "Mackay"]},
    ),
    (
        "plan my trip from Newcastle to Port Stephens via Nelson Bay",
        {"places": ["Newcastle", "Nelson Bay", "Port Stephens"]},
    ),
    (
        "brisbane to noosa then rainbow beach",
        {"places": ["Brisbane", "Noosa", "Rainbow Beach"]},
    ),
    (
        "plan a trip from sydney to melbourne via canberra",
        {"places": ["Sydney", "Canberra", "Melbourne"]},
    ),
    (
        "Plan a 5 day trip from Adelaide to Coober Pedy",
        {"places": ["Adelaide", "Coober Pedy"]},
    ),
    ("work out a route from Esperance to Albany", {"places": ["Esperance", "Albany"]}),
    ("Perth -> Geraldton -> Kalbarri", {"places": ["Perth", "Geraldton", "Kalbarri"]}),
    (
        "I'd like to plan a trip up to Cairns from Townsville",
        {"places": ["Townsville", "Cairns"]},
    ),
    (
        "plan a trip from Bendigo to Echuca and then Swan Hill",
        {"places": ["Bendigo", "Echuca", "Swan Hill"]},
    ),
    (
        "road trip from Alice Springs to Darwin stopping at Katherine",
        {"places": ["Alice Springs", "Katherine", "Darwin"]},
    ),
    (
        "what's the best route from Broome to Kununurra?",
        {"places": ["Broome", "Kununurra"]},
    ),
    (
        "show me the way from Port Augusta to Ceduna",
        {"places": ["Port Augusta", "Ceduna"]},
    ),
    ("directions to Byron Bay from Ballina", {"places": ["Ballina", "Byron Bay"]}),
    (
        "plan a route from Sydney via the Blue Mountains to Dubbo",
        {"places": ["Sydney", "Blue Mountains", "Dubbo"]},
    ),
    ("Melbourne to Sydney", {"places": ["Melbourne", "Sydney"]}),
    (
        "trip from Darwin to Broome through Kununurra, Halls Creek and Fitzroy Crossing",
        {
            "places": [
                "Darwin",
                "Kununurra",
                "Halls Creek",
                "Fitzroy Crossing",
                "Broome",
            ]
        },
    ),
    (
        "Hey PAM, plan a trip from Hervey Bay to 1770 please",
        {"places": ["Hervey Bay", "1770"]},
    ),
]

CALENDAR = [
    # an hour with no am or pm: morning from 7, afternoon to 6, evening for dinner or a show; "2:15" is 2:15 pm
    ("Bella's shots are due. Remind me on Friday at 9.", {"title": "Bella's shots due", "date": "next:friday", "time": dt.time(9)}),
    ("remind me at 8 tomorrow to ring mum", {"title": "Ring mum", "date": "today+1", "time": dt.time(8)}),
    ("dentist Tuesday at 2:15", {"title": "Dentist", "date": "next:tuesday", "time": dt.time(14, 15)}),
    ("book a table for Friday at 7 for 4 people", {"date": "next:friday", "time": dt.time(19)}),
    ("remind me to top up at 5 litres tomorrow", {"date": "today+1", "absent": ["time"]}),
    ("night shift Launceston General tmrw 7p",
     {"title": "Night shift Launceston General", "date": "today+1", "time": dt.time(19)}),
    ("Fremantle market stall in 4 days, 6:30a start", {"title": "Fremantle market stall", "date": "today+4"}),
    ("add the dentist on Tuesday, $120 fee", {"title_contains": "Dentist", "date": "next:tuesday"}),
    ("book a site at Karumba for Friday, booking fee $10", {"date": "next:friday"}),
    ("The kids loved the croc show at the park today. Add the croc cruise on Saturday to the calendar, they won't stop "
     "talking about it.", {"title": "Croc cruise", "date": "next:saturday"}),
    ("if you would be so kind, add the vet on Friday", {"title": "Vet", "date": "next:friday"}),
    ("Would you be so kind as to note in the calendar that the grandchildren arrive a week today?",
     {"title": "Grandchildren arrive", "date": "today+7"}),
    ("Please enter the Anzac Day dawn service at the Lismore RSL on the 25th of April.",
     {"title": "Anzac Day dawn service at the Lismore RSL", "date": "next:04-25"}),
    # a short sentence before "remind me": the reminder is the request; or, with only a day after it, its title
    ("The wet's nearly over - remind me to check the Gibb River Road conditions report on the 1st of May",
     {"title": "Check the Gibb River Road conditions report", "date": "next:05-01"}),
    ("Bella's shots are due, remind me on Friday", {"title": "Bella's shots due", "date": "next:friday"}),
    ("Bella needs her shots, remind me about it on Friday", {"title": "Bella needs her shots", "date": "next:friday"}),
    # a holiday that names the event stays in its title when the day is given as well; the aside after it does not
    ("Please add the Anzac Day dawn service at Villers-Bretonneux on 25 April to the calendar. We wouldn't miss it.",
     {"title": "Anzac Day dawn service at Villers-Bretonneux", "date": "next:04-25"}),
    ("Put Christmas lunch with the Hendersons in the calendar for Christmas Day, would you?",
     {"title": "Christmas lunch with the Hendersons", "date": "next:12-25"}),
    ("School goes back on 15 July, can you add that to the calendar?", {"title": "School goes back", "date": "next:07-15"}),
    (
        "remind me to pay the phone bill on Friday",
        {"title": "Pay the phone bill", "date": "next:friday"},
    ),
    (
        "Remind me on 20 March to book the ferry",
        {"title": "Book the ferry", "date": "next:03-20"},
    ),
    (
        "set a reminder for the gas bottle refill tomorrow",
        {"title": "Gas bottle refill", "date": "today+1"},
    ),
    (
        "add a vet appointment on Thursday at 10am",
        {"title": "Vet appointment", "date": "next:thursday", "time": dt.time(10)},
    ),
    (
        "don't let me forget to call Mum on Sunday",
        {"title": "Call Mum", "date": "next:sunday"},
    ),
    (
        "put the markets in my calendar for Saturday",
        {"title": "Markets", "date": "next:saturday"},
    ),
    ("schedule a service for next Monday", {"title": "Service", "date": "next:monday"}),
    (
        "Remind me to renew the caravan insurance on 1 April",
        {"title": "Renew the caravan insurance", "date": "next:04-01"},
    ),
    (
        "I have a doctor's appointment on the 20th",
        {"title": "Doctor's appointment", "date": "2026-03-20"},
    ),
    (
        "remind me in 3 days to check the tyre pressures",
        {"title": "Check the tyre pressures", "date": "today+3"},
    ),
    ("reminder: rego due 30 June", {"title": "Rego", "date": "next:06-30"}),
    (
        "add a dinner with friends on Saturday night to my calendar",
        {"title": "Dinner with friends", "date": "next:saturday"},
    ),
    (
        "Remind me tomorrow at 9am to ring the mechanic",
        {"title": "Ring the mechanic", "date": "today+1", "time": dt.time(9)},
    ),
    (
        "book a campsite at Noosa for next Friday",
        {"title_contains": "campsite at Noosa", "date": "next:friday"},
    ),
    (
        "I need to renew my licence by 15 April",
        {"title": "Renew my licence", "date": "next:04-15"},
    ),
    (
        "add my mum's birthday on 2 May",
        {"title": "Mum's birthday", "date": "next:05-02"},
    ),
    (
        "remind me about the dentist next Wednesday",
        {"title": "Dentist", "date": "next:wednesday"},
    ),
    (
        "Set a reminder to defrost the fridge this Saturday",
        {"title": "Defrost the fridge", "date": "next:saturday"},
    ),
    (
        "remind me to empty the grey water tank tonight",
        {"title": "Empty the grey water tank", "date": "today"},
    ),
    (
        "add an event: community BBQ on 21/3",
        {"title": "Community BBQ", "date": "next:03-21"},
    ),
    (
        "remind me to top up the water on the 18th",
        {"title": "Top up the water", "date": "2026-03-18"},
    ),
    ("remind me to pay the rego", {"title": "Pay the rego", "missing": ["date"]}),
    ("add a reminder", {"missing": ["title", "date"]}),
    (
        "Remind me next Tuesday to service the generator",
        {"title": "Service the generator", "date": "next:tuesday"},
    ),
    (
        "put a doctor's appointment in the diary for 3pm tomorrow",
        {"title": "Doctor's appointment", "date": "today+1", "time": dt.time(15)},
    ),
    (
        "don't forget the boat show on 5 April",
        {"title": "Boat show", "date": "next:04-05"},
    ),
    (
        "remind me at 5pm to take the washing in",
        {"title": "Take the washing in", "date": "today", "time": dt.time(17)},
    ),
    (
        "remind me to renew the rego on 15/03/2027",
        {"title": "Renew the rego", "date": "2027-03-15"},
    ),
    (
        "set up a reminder for 2026-04-10 to renew the insurance",
        {"title": "Renew the insurance", "date": "2026-04-10"},
    ),
    (
        "Remind me to call the caravan park Friday week",
        {"title": "Call the caravan park", "date": "2026-03-20"},
    ),
    ("remmind me to call mum tommorow", {"title": "Call mum", "date": "today+1"}),
]

POSTS = [
    ("I should like to share with the community: We have two spare tickets for the Tamworth bowls club Christmas lunch.",
     {"content": "We have two spare tickets for the Tamworth bowls club Christmas lunch."}),
    ("I should like to put a notice up for the other members of the community.", {"missing": ["content"]}),
    (
        "post that the Nullarbor roadhouse has cheap diesel",
        {"content": "The Nullarbor roadhouse has cheap diesel"},
    ),
    (
        "share: great free camp at Lake Hume, plenty of space",
        {"content": "Great free camp at Lake Hume, plenty of space"},
    ),
    (
        "Post to the feed: road to Cape Tribulation is open again",
        {"content": "Road to Cape Tribulation is open again"},
    ),
    (
        "ask the community if anyone knows a good mechanic in Broome",
        {"content_contains": "a good mechanic in Broome"},
    ),
    (
        "tell everyone that the Gibb River Road is closed",
        {"content": "The Gibb River Road is closed"},
    ),
    (
        "make a post saying we're heading north for winter",
        {"content": "We're heading north for winter"},
    ),
    (
        "post 'Happy hour at site 12 tonight, all welcome'",
        {"content": "Happy hour at site 12 tonight, all welcome"},
    ),
    (
        "share with the community: the dump point at Yass is out of order",
        {"content": "The dump point at Yass is out of order"},
    ),
    (
        "Post: anyone selling a second-hand Weber?",
        {"content": "Anyone selling a second-hand Weber?"},
    ),
    ("write a post about our trip to Kakadu", {"content": "Our trip to Kakadu"}),
    (
        "post in the community that there's a bushfire warning near Gympie",
        {"content": "There's a bushfire warning near Gympie"},
    ),
    ("make a post", {"missing": ["content"]}),
    (
        "let everyone know the showers at Bowen are free",
        {"content": "The showers at Bowen are free"},
    ),
    (
        "post this: looking for travel buddies heading to WA",
        {"content": "Looking for travel buddies heading to WA"},
    ),
    (
        "post that diesel is $2.10 at Coober Pedy",
        {"content": "Diesel is $2.10 at Coober Pedy"},
    ),
    (
        'share "Sunset at Cable Beach was unreal tonight"',
        {"content": "Sunset at Cable Beach was unreal tonight"},
    ),
    (
        "Post to the community: remind me never to camp at Lake Eyre in summer",
        {"content_contains": "never to camp at Lake Eyre"},
    ),
]

NAVIGATION = [
    ("Could you pull up our budget page? I want to have a squiz at the numbers before we book.", "/wins"),
    ("where do I see my income and spending all together? can you open that page", "/wins"),
    ("take me to my profile", "/you"),
    ("go to the community", "/social"),
    ("open settings", "/you"),
    ("go home", "/"),
    ("show me the dashboard", "/"),
    ("open the wins page", "/wins"),
    ("navigate to wheels", "/wheels"),
    ("take me to the feed", "/social"),
    ("open my budget", "/wins"),
    ("go to the trip planner", "/wheels"),
    ("show the map", "/wheels"),
    ("can you open my account settings", "/you"),
    ("back to the home screen", "/"),
    ("go to the social page", "/social"),
    ("open the money page", "/wins"),
    ("take me to my finances", "/wins"),
    ("show me the community page", "/social"),
    ("open my profile please", "/you"),
    ("bring up the route planner", "/wheels"),
    ("switch to the wins tab", "/wins"),
    ("show me my budgets", "/wins"),
    ("go to my preferences", "/you"),
    ("open the home page", "/"),
    ("take me to the forum", "/social"),
    ("go to wheels", "/wheels"),
    ("dashboard", "/"),
    ("go to my expenses", "/wins"),
    ("Hey PAM, take me to the community feed", "/social"),
    ("open the planner", "/wheels"),
    ("show me my profile", "/you"),
]

CORRECTIONS = [
    ("undo the pie", "remove_expense", {"which": "pie"}),
    ("undo the fuel", "undo", {"kind": "fuel"}),
    ("nah 3:30 not 2:30", "correction", {"time": dt.time(3, 30)}),
    ("It rained all day. Delete the $55 pub dinner from today.", "remove_expense", {"which": "$55 pub dinner from today"}),
    ("Bella's better now. Cancel the vet on Friday.", "cancel_event", {"title": "vet"}),
    ("The weather's turned nasty. Move the croc cruise to Saturday.", "move_event", {"title": "croc cruise"}),
    ("We're staying an extra night. Push the croc cruise back a day.", "move_event", {"title": "croc cruise", "days": 1}),
    ("enter Monday's fill-up", "log_fuel", {}),
    ("Note for later - how much did we spend on fuel last month?", "spending_query", {"category": "fuel"}),
    ("pop a note in the community about the road closure at Barrow Creek", "create_post",
     {"content_contains": "road closure at Barrow Creek"}),
    ("Kindly note I had that wrong: it was $65, not $56.", "correction", {"amount": 65, "old_amount": 56}),
    ("I beg your pardon, it was $1,161, not $1,116.", "correction", {"amount": 1161}),
    ("On second thoughts, please undo that; my husband has already entered it.", "undo", {}),
    ("Oh dear, it has been cancelled. Would you remove it, please?", "undo", {}),
    ("Actually, we should like to carry on to Glen Innes after Armidale.", "add_trip_stop", {"place": "Glen Innes"}),
    ("Kindly correct today's chemist entry; it should read $38.60, not $36.80.", "correct_described",
     {"what": "chemist", "new_amount": "38.60", "amount": "36.80"}),
    ("please delete the $55 pub dinner from today, it was a mistake", "remove_expense", {"which": "$55 pub dinner from today"}),
    ("odometer was 131,870 km", "correction", {"odometer_km": 131870}),
    (
        "I typo'd yesterday's diesel expense, it should be $29 not $92",
        "correction",
        {"amount": 29, "old_amount": 92, "category": "fuel"},
    ),
    ("on second thoughts, delete that post", "undo", {"kind": "post"}),
    ("no sorry, was for restaurant not groceries", "correction", {"category": "dining"}),
    ("looks like I doubled it up, delete one of them", "remove_expense", {"which": "duplicate"}),
    ("get rid of the duplicate", "remove_expense", {"which": "duplicate"}),
    ("put that under maintenance", "correction", {"category": "maintenance", "absent": ["kind"]}),
    ("add it to the maintenance log", "correction", {"kind": "maintenance"}),
    ("remove the diesel fill up from tuesday", "remove_expense", {"which": "diesel", "category": "fuel", "date": "yesterday"}),
    ("delete yesterday's fill-up", "remove_expense", {"which": "", "category": "fuel", "date": "yesterday"}),
    ("delete my last fill-up", "remove_expense", {"category": "fuel", "latest": True}),
    ("Please delete the $12.50 parking expense from yesterday. We never actually paid it, the machine was broken.",
     "remove_expense", {"which": "$12.50 parking expense from yesterday"}),
    ("The $64 at Boots yesterday was Trevor's medicine, not shopping. Can you move it to health?", "correct_described",
     {"what": "Boots", "category": "shopping", "new_category": "health", "date": "yesterday"}),
    ("We've decided against Austria this time round. Please delete the Salzburg to Verona trip.", "delete_trip",
     {"trip": "Salzburg to Verona"}),
    ("please remove the fuel entry from the 28th", "remove_expense", {"category": "fuel", "date": "past:02-28"}),
    ("delete the oil change from the maintenance log", "remove_expense", {"which": "oil change", "category": "maintenance"}),
    ("get rid of the service record from 3 March", "remove_expense", {"category": "maintenance", "date": "past:03-03"}),
    ("oops, delete that fill-up", "undo", {"kind": "fuel"}),
    # Calendar entries named by what they are.
    ("cancel the vet appointment, we sorted it", "cancel_event", {"title": "vet appointment"}),
    ("delete the dentist reminder", "cancel_event", {"title": "dentist reminder"}),
    ("push the mechanic booking back a day", "move_event", {"title": "mechanic booking", "days": 1}),
    ("bring the dentist forward a week", "move_event", {"title": "dentist", "days": -7}),
    ("Can you push my van service back a week?", "move_event", {"title": "van service", "days": 7}),
    ("The Harbour Analytics call needs to move to the following day.", "move_event",
     {"title": "Harbour Analytics call", "days": 1}),
    ("move the dentist to the day before", "move_event", {"title": "dentist", "days": -1}),
    ("My rego is actually due two days earlier than I put in. Please move the rego renewal reminder.", "move_event",
     {"title": "rego renewal reminder", "days": -2}),
    ("The vet says it's a week later than booked. Can you move the vet appointment?", "move_event",
     {"title": "vet appointment", "days": 7}),
    ("The dentist rang this morning. Cancel my appointment on Friday.", "cancel_event",
     {"title": "appointment", "date": "next:friday"}),
    ("Bad news from the vet. Can you cancel the vet appointment?", "cancel_event", {"title": "vet appointment"}),
    ("Rained all day here in Katherine. Please move the croc cruise to Saturday.", "move_event",
     {"title": "croc cruise", "date": "next:saturday"}),
    ("Kite Studio has cancelled tomorrow's call, so please take it off my calendar.", "cancel_event",
     {"title": "Kite Studio call", "date": "today+1"}),
    ("The kids have cancelled their swimming lessons, so please take it off my calendar", "cancel_event",
     {"title": "kids swimming lessons"}),
    ("move the vet appointment to friday at 2pm", "move_event", {"title": "vet appointment", "date": "next:friday"}),
    ("i logged the bunnings tarp twice, delete the extra one", "remove_expense", {"which": "duplicate", "what": "bunnings tarp"}),
    ("take off the 200 from the market, that sale fell through", "remove_expense", {"which": "200 from the market"}),
    ("add albany as a stop on the esperance trip", "add_trip_stop", {"place": "Albany", "trip": "esperance"}),
    ("actually go via armidale", "add_trip_stop", {"place": "Armidale"}),
    ("take mackay off the cairns trip, were gonna skip it this time", "remove_trip_stop", {"place": "Mackay", "trip": "cairns"}),
    ("add strahan on the end of the tassie loop", "add_trip_stop", {"place": "Strahan", "trip": "tassie", "at_end": True}),
    ("wheres the income page, open it", "navigate", {"to": "/wins"}),
    ("did the woolies shop go in twice yesterday?", "list_expenses", {"search": "Woolworths", "start": dt.date(2026, 3, 10)}),
    ("add mildura to the adelaide to sydney trip, between adelaide and wagga", "add_trip_stop",
     {"place": "Mildura", "trip": "adelaide to sydney"}),
    ("mini putt with the kids, 36 bucks", "add_expense", {"amount": 36, "category": "entertainment"}),
    ("the pub shifts came to 685 in the end with tips, can u update that", "correct_described",
     {"kind": "income", "what": "pub shifts", "new_amount": "685"}),
    ("how much did we blow on valentines day", "spending_query", {"start": dt.date(2026, 2, 14), "end": dt.date(2026, 2, 14)}),
    ("how much have i made from the harvest work all up", "income_query", {"period": "all_time", "source": "harvest work"}),
    ("this month did i make more than i spent? whats the difference", "net_query", {"period": "this_month"}),
    ("i put the oil change in at 85000 km but it was actually 58000", "correct_described",
     {"kind": "maintenance", "what": "oil change", "odometer_km": 85000, "new_odometer_km": 58000}),
    ("the maccas one went in as groceries, can you move it to dining", "correct_described",
     {"kind": "expense", "what": "maccas", "category": "groceries", "new_category": "dining"}),
    ("we logged the rego as $900, it should be $860", "correct_described", {"amount": 900, "new_amount": 860}),
    ("delete my post about the generator, it's sold", "delete_post", {"about": "generator"}),
    ("can you take down my post asking about solar panels", "delete_post", {"about": "solar panels"}),
    ("fish n chips last night was actually 36.50, i forgot the drinks", "correct_described",
     {"kind": "expense", "what": "fish n chips", "new_amount": "36.50", "date": "yesterday"}),
    ("yesterdays groceries were from aldi not coles", "correct_described",
     {"what": "groceries", "new_merchant": "Aldi", "merchant": "Coles", "date": "yesterday"}),
    ("chemist warehouse should be health not shopping", "correct_described", {"new_category": "health", "category": "shopping"}),
    ("the coober pedy fill was 107.60 not 97.60", "correct_described", {"kind": "fuel", "new_amount": "107.60", "amount": "97.60"}),
    ("the odo on the wheel alignment is wrong, should be 102,500", "correct_described",
     {"kind": "maintenance", "what": "wheel alignment", "new_odometer_km": 102500}),
    ("the weather was great today", "unknown", {}),
    ("push the lpg check back a week, the gas fitter is away", "move_event", {"title": "lpg check", "days": 7}),
    ("move dinner at sals one day later, shes crook", "move_event", {"title": "dinner at sals", "days": 1}),
    ("move the tyre fitting 2 days later than it is now", "move_event", {"title": "tyre fitting", "days": 2}),
    ("need to move the tyre fitting", "move_event", {"title": "tyre fitting", "absent": ["days", "date", "time"]}),
    ("can you reschedule the dentist?", "move_event", {"title": "dentist"}),
    ("I need to move the van", "unknown", {}),
    ("theres 2 of the parcel pickup in my calendar, get rid of one", "cancel_event",
     {"title": "parcel pickup", "duplicate": True}),
    ("the dentist is in the diary twice, delete one", "cancel_event", {"title": "dentist", "duplicate": True}),
    ("delete the duplicate parcel pickup from my calendar", "cancel_event", {"title": "parcel pickup", "duplicate": True}),
    ("the vet is in my calendar twice, should i delete one?", "upcoming_events", {}),
    ("how many km did i do between my last 2 fill ups", "fuel_query", {"latest": True}),
    ("bring the vet check forward to tomorrow", "move_event", {"title": "vet check", "date": "today+1"}),
    ("On the Snowy trip, add a stop at Goulburn between Sydney and Canberra", "add_trip_stop",
     {"place": "Goulburn", "after": "Sydney", "trip": "Snowy"}),
    ("add Cockermouth as the final stop on the Lake District trip", "add_trip_stop",
     {"place": "Cockermouth", "trip": "Lake District", "at_end": True}),
    ("on the Banff getaway, add Canmore between Calgary and Banff, and Lake Louise after Banff", "add_trip_stop",
     {"place": "Canmore", "after": "Calgary", "trip": "Banff",
      "more": [{"place": "Lake Louise", "after": "Banff", "trip": "Banff"}]}),
    ("delete the Uluru trip, we're not doing it this year", "delete_trip", {"trip": "Uluru"}),
    ("scrap our tassie loop", "delete_trip", {"trip": "tassie"}),
    ("remove the Trade Me sale from our income, the buyer pulled out", "remove_expense", {"which": "Trade Me sale"}),
    # Round W: long messages with asides, dashes between clauses
    ("On the North Island loop, can we do Taupo before Rotorua? Just swap those two around, the rest stays the same.",
     "move_trip_stop", {"place": "Taupo", "before": "Rotorua", "trip": "North Island"}),
    ("swap Kendal and Keswick", "unknown", {}),
    ("On the Outback run trip, stick Mildura in between Broken Hill and Renmark.", "add_trip_stop",
     {"place": "Mildura", "after": "Broken Hill", "trip": "Outback run"}),
    ("Add Hahndorf to the Adelaide Hills weekend, in between Adelaide and Mount Barker. Marg wants her German sausage fix.",
     "add_trip_stop", {"place": "Hahndorf", "trip": "Adelaide Hills", "after": "Adelaide"}),
    ("Tack Launceston onto the end of the Tassie east coast trip, we'll finish there and catch up with Col's brother.",
     "add_trip_stop", {"place": "Launceston", "trip": "Tassie east coast", "at_end": True}),
    ("Scrap the Gibb River Road trip altogether — the insurance won't cover the van on the corrugations.", "delete_trip",
     {"trip": "Gibb River Road"}),
    ("add milk to the shopping list", "add_expense", {}),
    ("Can you change my mechanic post so it says Mataranka instead of Katherine? We've moved on down the track.",
     "edit_post", {"about": "mechanic", "old": "Katherine", "new": "Mataranka"}),
    ("The gas fitter just rang and he can come sooner than planned — move him to tomorrow please.", "move_event",
     {"title": "gas fitter", "date": "today+1"}),
    ("We need to shift Biscuit's vet appointment, the clinic's short-staffed", "move_event",
     {"title": "Biscuit's vet appointment", "absent": ["days", "date"]}),
    ("cancell the denist thing tmrw, col cant make it", "cancel_event", {"title": "dentist", "date": "today+1"}),
    ("Actually no, undo that and leave it where it was", "undo", {}),
    ("Oh bother, I had my reading glasses on my head instead of my nose — the Woolies shop was $148.60, not $184.60. "
     "Can you fix it?", "correct_described", {"what": "Woolies shop", "new_amount": "148.60", "amount": "184.60"}),
    ("The $38.90 from Chemist Warehouse has somehow ended up under groceries. It should be health.", "correct_described",
     {"what": "Chemist Warehouse", "amount": "38.90", "new_category": "health", "category": "groceries"}),
    ("That $64 grocery shop from yesterday — it wasn't Coles, it was the IGA in Mansfield.", "correct_described",
     {"what": "grocery shop", "amount": "64", "new_merchant": "IGA", "merchant": "Coles", "date": "yesterday"}),
    ("The Big4 at Bright — I put that in as today, but we actually paid it the day before yesterday when we checked in.",
     "correct_described", {"what": "Big4 at Bright", "new_date": dt.date(2026, 3, 9)}),
    ("The Katherine fill-up in the fuel log says 86.4 litres — I swapped the digits, it was 68.4.", "correct_described",
     {"kind": "fuel", "what": "Katherine fill-up", "litres": "86.4", "new_litres": "68.4"}),
    ("oops logged the tolls as 236.70 shud b 23.67 can u fix", "correct_described",
     {"what": "tolls", "amount": Decimal("236.70"), "new_amount": Decimal("23.67")}),
    ("Can you change the camping expense to $48?", "correct_described", {"what": "camping", "new_amount": "48"}),
    ("Change the fuel expense from today to $150.", "correct_described",
     {"kind": "expense", "what": "fuel", "new_amount": "150", "date": "today"}),
    ("change the fuel budget to 450", "set_budget", {"category": "fuel", "amount": 450}),
    # Round X: North America and the UK
    ("The Tim Hortons charge isn't groceries, it should be under dining", "correct_described",
     {"what": "Tim Hortons", "new_category": "dining", "category": "groceries"}),
    ("The £32.10 shop yesterday was at Sainsbury's, not Tesco", "correct_described",
     {"amount": "32.10", "new_merchant": "Sainsbury's", "merchant": "Tesco", "date": "yesterday"}),
    ("That Shell fill-up in Kamloops was 52.3 litres, not 58", "correct_described",
     {"kind": "fuel", "new_litres": "52.3", "litres": "58"}),
    ("I typed the odometer wrong on the Chevron fill in Barstow - it should be 41,800 miles", "correct_described",
     {"kind": "fuel", "what": "Chevron fill in Barstow", "new_odometer_km": 67271}),
    ("The Esso fill in Keswick was £71.58, not £71.85 - I swapped the digits", "correct_described",
     {"kind": "fuel", "new_amount": "71.58", "amount": "71.85"}),
    ("the odo on the wheel alignment is wrong, should be 102,500", "correct_described",
     {"what": "wheel alignment", "new_odometer_km": 102500}),
    ("delete the parking charge at Peggy's Cove", "remove_expense", {"which": "parking charge at Peggy's Cove"}),
    ("del the timmies one", "remove_expense", {"which": "timmies"}),
    ("actually no, put it back how it was", "undo", {}),
    ("Move the Jellystone check-in to 3pm the same day", "move_event", {"title": "Jellystone check-in", "absent": ["date"]}),
    ("The day after tomorrow instead, please.", "unknown", {}),
    # Everyday sentences the rules for records named in words must leave alone (from a review of them)
    ("add Bingo to the calendar for Thursday", "add_calendar", {"title": "Bingo"}),
    ("add bacon after the eggs", "unknown", {}),
    ("On the Snowy trip, take out Cooma", "remove_trip_stop", {"place": "Cooma", "trip": "Snowy"}),
    ("let's visit Mum before Christmas", "add_calendar", {}),
    ("put that back in the fridge", "correction", {}),
    ("change the channel to 7", "unknown", {}),
    ("set the thermostat to 22", "unknown", {}),
    ("drop the kids off at school in town", "unknown", {}),
    ("remind me to call Del on friday", "add_calendar", {"title": "Call Del"}),
    ("let's move on", "unknown", {}),
    ("we need to move the fridge", "unknown", {}),
    ("the party was at 7, not 8", "unknown", {}),
    ("great news, the forecast is 25, not 30", "unknown", {}),
    ("Sydney - Melbourne - Adelaide trip", "plan_trip", {"places": ["Sydney", "Melbourne", "Adelaide"]}),
    ("Pay day! $1,950 from the mine", "add_income", {"amount": 1950}),
    ("Edit my Tofino post - change October to November", "edit_post", {"about": "Tofino", "old": "October", "new": "November"}),
    ("I think the Caltex fill in Coober Pedy went in twice — there should only be the one. Can you delete the extra?",
     "remove_expense", {"which": "duplicate", "category": "fuel"}),
    ("The pension's gone in twice this fortnight — it only came once, I promise. Can you delete the extra one?",
     "remove_expense", {"which": "duplicate", "what": "pension", "absent": ["date"]}),
    ("Teddy's been found! please delete my lost teddy post", "delete_post", {"about": "lost teddy"}),
    ("fix the spelling in my Rotorua post: recomendation should be recommendation", "edit_post",
     {"about": "Rotorua", "old": "recomendation", "new": "recommendation"}),
    ("in my post about the generator, change $500 to $450", "edit_post", {"about": "generator", "old": "$500", "new": "$450"}),
    ("The BP Tarcutta one yesterday should be $87.60, I swapped the digits", "correct_described",
     {"kind": "expense", "what": "BP Tarcutta", "new_amount": "87.60", "date": "yesterday"}),
    ("put the Kmart camp chairs under camping rather than shopping", "correct_described",
     {"what": "Kmart camp chairs", "new_category": "camping", "category": "shopping"}),
    ("the fish and chips were actually the night before last, not today", "correct_described",
     {"what": "fish and chips", "new_date": dt.date(2026, 3, 9)}),
    ("the tyre rotation was at 82,800 km, not 88,200", "correct_described",
     {"kind": "maintenance", "what": "tyre rotation", "new_odometer_km": 82800, "odometer_km": 88200}),
    ("um i think the iga shop went in twice yesterday, can u remove the dupe", "remove_expense",
     {"which": "duplicate", "what": "iga shop", "date": "yesterday"}),
    ("sorry, add it to the maintenance log", "correction", {"kind": "maintenance"}),
    ("can you pop that in the van's service history", "correction", {"kind": "maintenance"}),
    ("oops, log it as income", "correction", {"kind": "income"}),
    ("put that under groceries", "correction", {"category": "groceries"}),
    ("actually it was $42", "correction", {"amount": 42}),
    ("no, make it 55", "correction", {"amount": 55}),
    ("sorry, it should be $18.50", "correction", {"amount": "18.50"}),
    ("oops, that was 28 dollars", "correction", {"amount": 28}),
    ("make that $120 not $100", "correction", {"amount": 120, "old_amount": 100}),
    (
        "actually it was yesterday",
        "correction",
        {"date": "yesterday", "absent": ["amount"]},
    ),
    ("no wait, it was for dinner", "correction", {"category": "dining"}),
    ("correction: $64", "correction", {"amount": 64}),
    ("I meant $45", "correction", {"amount": 45}),
    ("change the amount to 19.95", "correction", {"amount": "19.95"}),
    ("that should have been $75", "correction", {"amount": 75}),
    ("update it to $99", "correction", {"amount": 99}),
    ("make it fifty", "correction", {"amount": 50}),
    ("actually the total was $210", "correction", {"amount": 210}),
    ("it was actually $33", "correction", {"amount": 33}),
    ("change it from 30 to 35", "correction", {"amount": 35, "old_amount": 30}),
    ("no, it was 40 not 50", "correction", {"amount": 40, "old_amount": 50}),
    ("oops, that should be groceries", "correction", {"category": "groceries"}),
    ("undo", "undo", {}),
    ("oops, undo that", "undo", {}),
    ("cancel that", "undo", {}),
    ("take that back", "undo", {}),
    ("undo the last fuel entry", "undo", {"kind": "fuel"}),
    ("delete my last expense", "undo", {"kind": "expense"}),
    ("get rid of that", "undo", {}),
    ("revert that", "undo", {}),
    ("no, scratch that", "undo", {}),
    ("please undo the last one", "undo", {}),
    (
        "Actually, I spent $30 on lunch",
        "add_expense",
        {"amount": 30, "category": "dining"},
    ),
]

SMALL_TALK = [
    ("hi", "greeting"),
    ("hey PAM", "greeting"),
    ("g'day mate", "greeting"),
    ("good morning PAM", "greeting"),
    ("hello there", "greeting"),
    ("how are you going?", "greeting"),
    ("hi pam, how are you?", "greeting"),
    ("Morning!", "greeting"),
    ("Hello!", "greeting"),
    ("G'day PAM", "greeting"),
    ("cheers", "thanks"),
    ("thank you so much", "thanks"),
    ("cheers mate", "thanks"),
    ("thanks PAM", "thanks"),
    ("awesome, thanks", "thanks"),
    ("legend, cheers", "thanks"),
    ("no worries", "thanks"),
    ("much appreciated", "thanks"),
    ("Thanks heaps!", "thanks"),
    ("ta mate", "thanks"),
    ("help", "help"),
    ("what can you do?", "help"),
    ("how do I use this?", "help"),
    ("what can I ask you?", "help"),
    ("who are you?", "help"),
    ("Hey PAM, what can you help with?", "help"),
    ("what's the weather like in Darwin?", "unknown"),
    ("tell me a joke", "unknown"),
    ("We got a flat tyre on the highway", "unknown"),
    # what happened, not a route to plan
    ("took the kids to the zoo", "unknown"),
    ("I always fill to the brim. Across my whole fuel log, what's my average consumption in L/100 km?", "fuel_economy"),
    ("Took the kids to the Zoo", "unknown"),
    ("drove mum to the doctor", "unknown"),
    ("", "unknown"),
]

CLARIFY = [
    ("log an expense", "add_expense", ["amount"]),
    ("I need to add a purchase", "add_expense", ["amount"]),
    ("record a fill-up", "log_fuel", ["litres", "total_cost"]),
    ("plan a trip", "plan_trip", ["places"]),
    ("set a budget", "set_budget", ["category", "amount"]),
    ("post something", "create_post", ["content"]),
    ("add income", "add_income", ["amount"]),
    ("log maintenance", "log_maintenance", ["task"]),
    ("spent some money on fuel", "add_expense", ["amount"]),
    ("I bought groceries", "add_expense", ["amount"]),
    ("remind me to call the bank", "add_calendar", ["date"]),
    ("log fuel", "log_fuel", ["litres", "total_cost"]),
    ("add a trip", "plan_trip", ["places"]),
    ("remind me", "add_calendar", ["title", "date"]),
    ("set a reminder", "add_calendar", ["title", "date"]),
    ("post to the community", "create_post", ["content"]),
    ("add a fuel expense", "add_expense", ["amount"]),
    ("62 litres", "log_fuel", ["total_cost"]),
]


# Further paraphrases of every kind, in four batches each written before the engine saw it (first-run scores
# 145/151, 90/94, 68/69 and 73/75); the misses were fixed by general rules, never by special cases.
MORE_PARAPHRASES = [
    # Money said of someone else, of prices in general, or asked about, is not the user's to record.
    (WEDNESDAY, "is $45 a night reasonable for a powered site?", "unknown", {}),
    (WEDNESDAY, "caravan parks on the Gold Coast are charging ninety bucks a night now, crazy", "unknown", {}),
    (WEDNESDAY, "my mate reckons he paid $3,000 for his solar setup", "unknown", {}),
    (WEDNESDAY, "last year we spent about twelve grand on the whole lap, can you believe it", "unknown", {}),
    # Someone else's purchase, a price seen, a memory: nothing to record.
    (WEDNESDAY, "My brother-in-law just dropped $85,000 on a brand new Jayco, meanwhile we're still in our Coaster", "unknown", {}),
    (WEDNESDAY, "Saw unleaded at $1.79 in Griffith today, cheapest I've seen in months!", "unknown", {}),
    (WEDNESDAY, "last year we got stuck in Longreach, the park only charged us $30 a night. Good memories though.", "unknown", {}),
    # Our own request among someone else's story, or after a story of our own.
    (
        WEDNESDAY,
        "My sister reckons we're mad, she just spent $600 at a day spa. Anyway, log $22.90 at the chemist for hayfever tablets.",
        "add_expense",
        {"amount": "22.90", "category": "health"},
    ),
    (
        WEDNESDAY,
        "A bloke at the park said Hobart to Launceston is only a couple of hours and he did it on $40 of fuel. "
        "Set up a trip for us, Hobart to Launceston",
        "plan_trip",
        {"places": ["Hobart", "Launceston"]},
    ),
    (
        WEDNESDAY,
        "The grandkids are visiting at Easter which feels like forever away, but more urgently can you pop Bella's vet "
        "appointment in for the day after tomorrow? She's been scratching like mad.",
        "add_calendar",
        {"title": "Bella's vet appointment", "date": "next:03-13"},
    ),
    (WEDNESDAY, "oops, that was meant for my mate's log, undo it please", "undo", {}),
    (WEDNESDAY, "can you raise the fuel budget by $50?", "change_budget", {"category": "fuel", "amount": 50, "change": "raise"}),
    (WEDNESDAY, "📅 dentist for me in two weeks", "add_calendar", {"date": "next:03-25"}),
    (WEDNESDAY, "definately need a reminder for Mum's birthday on 14 August 🎂", "add_calendar", {"title": "Mum's birthday"}),
    (WEDNESDAY, "route from brissie to the gold coast then on to byron bay", "plan_trip", {"places": ["Brissie", "Gold Coast", "Byron Bay"]}),
    (WEDNESDAY, "my mate paid me $50 for the firewood", "add_income", {"amount": 50}),
    # How far, answered without saving a trip.
    (WEDNESDAY, "how far is it from Darwin to Katherine?", "route_distance", {"places": ["Darwin", "Katherine"]}),
    (WEDNESDAY, "how long does it take to drive from Sydney to Canberra", "route_distance", {"places": ["Sydney", "Canberra"]}),
    # Spoken numbers and days of the month.
    (
        WEDNESDAY,
        "log the caravan insurance, three hundred and fifty dollars, paid on the fourteenth of November",
        "add_expense",
        {"amount": 350, "category": "insurance", "date": "past:11-14"},
    ),
    (
        WEDNESDAY,
        "filled up, sixty-eight litres for a hundred and thirty-two dollars forty, eighty-five thousand two hundred k on the clock",
        "log_fuel",
        {"litres": 68, "total_cost": "132.40", "odometer_km": 85200},
    ),
    (WEDNESDAY, "put forty-two and a half litres of diesel in yesterday for eighty-one dollars", "log_fuel",
     {"litres": "42.5", "total_cost": 81}),
    (WEDNESDAY, "log a wheel alignment at a hundred and two thousand k", "log_maintenance", {"odometer_km": 102000}),
    (WEDNESDAY, "put Bluey's vet appointment in the calendar for the twentieth of January", "add_calendar",
     {"title_contains": "vet", "date": "next:01-20"}),
    (WEDNESDAY, "actually put that under entertainment, it was a trivia night", "correction", {"category": "entertainment"}),
    (WEDNESDAY, "wait, remind me to call mum tomorrow", "add_calendar", {"title": "Call mum"}),
    # A request after a correction cue, with nothing to correct in it, is read as the request.
    (WEDNESDAY, "actually, add Mount Gambier on the way", "add_trip_stop", {"place": "Mount Gambier"}),
    # The wish before a route is not part of it: "want to" has a "to" too.
    (
        WEDNESDAY,
        "we want to do Melbourne to Lakes Entrance then up to Eden, can you plan it",
        "plan_trip",
        {"places": ["Melbourne", "Lakes Entrance", "Eden"]},
    ),
    (WEDNESDAY, "in 20 mins remind me to turn off the generator", "add_calendar", {"title": "Turn off the generator"}),
    # expenses
    (
        WEDNESDAY,
        "Paid $35.60 for diesel at the Caltex",
        "add_expense",
        {"amount": "35.60", "category": "fuel"},
    ),
    (
        WEDNESDAY,
        "grabbed a coffee for $5.50",
        "add_expense",
        {"amount": "5.50", "category": "dining"},
    ),
    (
        WEDNESDAY,
        "that caravan park was $52 a night, paid for one night",
        "add_expense",
        {"amount": 52, "category": "camping"},
    ),
    (
        WEDNESDAY,
        "spent 200 at the supermarket on Tuesday",
        "add_expense",
        {"amount": 200, "category": "groceries", "date": "last:tuesday"},
    ),
    (
        WEDNESDAY,
        "$18 parking in Sydney yesterday",
        "add_expense",
        {"amount": 18, "category": "transport", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "Log an expense: $44 for takeaway",
        "add_expense",
        {"amount": 44, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "add expense 60 dollars groceries",
        "add_expense",
        {"amount": 60, "category": "groceries"},
    ),
    (
        WEDNESDAY,
        "I just paid $1,480 for the annual insurance",
        "add_expense",
        {"amount": 1480, "category": "insurance"},
    ),
    (
        WEDNESDAY,
        "new tyres cost $1,100 last week",
        "add_expense",
        {"amount": 1100, "category": "maintenance", "date": "today-7"},
    ),
    (
        WEDNESDAY,
        "spent $7 on a pie at the bakery in Pambula",
        "add_expense",
        {"amount": 7, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "mechanic charged me $275 for repairs",
        "add_expense",
        {"amount": 275, "category": "maintenance"},
    ),
    (
        WEDNESDAY,
        "paid $12.50 for the toll road",
        "add_expense",
        {"amount": "12.50", "category": "transport"},
    ),
    (
        WEDNESDAY,
        "add $29.95 for the Starlink",
        "add_expense",
        {"amount": "29.95", "category": "utilities"},
    ),
    (
        WEDNESDAY,
        "$150 at the chemist for medicine on 1 March",
        "add_expense",
        {"amount": 150, "category": "health", "date": "past:03-01"},
    ),
    (
        WEDNESDAY,
        "we paid 90 bucks for tickets to the show",
        "add_expense",
        {"amount": 90, "category": "entertainment"},
    ),
    (
        WEDNESDAY,
        "record $65 for groceries from Woolworths yesterday",
        "add_expense",
        {"amount": 65, "category": "groceries", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "I spent $33 at IGA",
        "add_expense",
        {"amount": 33, "category": "groceries"},
    ),
    (
        WEDNESDAY,
        "Brunch at the cafe cost $41",
        "add_expense",
        {"amount": 41, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "$300 for rego",
        "add_expense",
        {"amount": 300, "category": "registration"},
    ),
    (
        WEDNESDAY,
        "paid 25 for the campsite",
        "add_expense",
        {"amount": 25, "category": "camping"},
    ),
    (
        WEDNESDAY,
        "bought clothes at Kmart for $60",
        "add_expense",
        {"amount": 60, "category": "shopping"},
    ),
    (
        WEDNESDAY,
        "fifty dollars on petrol",
        "add_expense",
        {"amount": 50, "category": "fuel"},
    ),
    (
        WEDNESDAY,
        "I spent $85 on dinner on the 8th",
        "add_expense",
        {"amount": 85, "category": "dining", "date": "past:03-08"},
    ),
    (
        WEDNESDAY,
        "Add $15.40 for a taxi",
        "add_expense",
        {"amount": "15.40", "category": "transport"},
    ),
    (WEDNESDAY, "spent $60 on the wheel alignment", "add_expense", {"amount": 60}),
    (
        WEDNESDAY,
        "hey pam i spent 40 bucks on lunch today",
        "add_expense",
        {"amount": 40, "category": "dining", "date": "today"},
    ),
    (
        WEDNESDAY,
        "paid $110 for the powered site for two nights",
        "add_expense",
        {"amount": 110, "category": "camping"},
    ),
    (
        WEDNESDAY,
        "dropped $95 on groceries at Coles this arvo",
        "add_expense",
        {"amount": 95, "category": "groceries", "date": "today"},
    ),
    (
        WEDNESDAY,
        "pharmacy $23.80",
        "add_expense",
        {"amount": "23.80", "category": "health"},
    ),
    (
        WEDNESDAY,
        "$2,400 for vehicle repairs on 15/02/2026",
        "add_expense",
        {"amount": 2400, "category": "maintenance", "date": "2026-02-15"},
    ),
    # budgets
    (
        WEDNESDAY,
        "set my dining budget to $250",
        "set_budget",
        {"category": "dining", "amount": 250},
    ),
    (
        WEDNESDAY,
        "I want a fuel budget of $600 a month",
        "set_budget",
        {"category": "fuel", "amount": 600},
    ),
    (
        WEDNESDAY,
        "update the camping budget to $450",
        "set_budget",
        {"category": "camping", "amount": 450},
    ),
    (
        WEDNESDAY,
        "budget 300 for groceries",
        "set_budget",
        {"category": "groceries", "amount": 300},
    ),
    (
        WEDNESDAY,
        "make my entertainment budget 100 bucks",
        "set_budget",
        {"category": "entertainment", "amount": 100},
    ),
    (
        WEDNESDAY,
        "raise the maintenance budget to $800 per month",
        "set_budget",
        {"category": "maintenance", "amount": 800},
    ),
    (
        WEDNESDAY,
        "cap my dining at $200 a month",
        "set_budget",
        {"category": "dining", "amount": 200},
    ),
    (
        WEDNESDAY,
        "how am I tracking on my fuel budget?",
        "budget_status",
        {"category": "fuel"},
    ),
    (
        WEDNESDAY,
        "is my grocery budget blown?",
        "budget_status",
        {"category": "groceries"},
    ),
    (WEDNESDAY, "budget check", "budget_status", {}),
    (
        WEDNESDAY,
        "how much of my dining budget is left?",
        "budget_status",
        {"category": "dining"},
    ),
    (WEDNESDAY, "what are my budgets?", "budget_status", {}),
    # queries
    (
        WEDNESDAY,
        "how much did fuel cost me last month?",
        "spending_query",
        {"category": "fuel", "period": "last_month"},
    ),
    (
        WEDNESDAY,
        "what have I spent this week",
        "spending_query",
        {"period": "this_week"},
    ),
    (
        WEDNESDAY,
        "total spent on camping this year?",
        "spending_query",
        {"category": "camping", "period": "this_year"},
    ),
    (
        WEDNESDAY,
        "how much have I spent on groceries so far",
        "spending_query",
        {"category": "groceries"},
    ),
    (
        WEDNESDAY,
        "what's my total for dining this month",
        "spending_query",
        {"category": "dining"},
    ),
    (WEDNESDAY, "how much did we spend today?", "spending_query", {"period": "today"}),
    (
        WEDNESDAY,
        "how much money have I spent this month",
        "spending_query",
        {"period": "this_month"},
    ),
    (
        WEDNESDAY,
        "what did I earn last month?",
        "income_query",
        {"period": "last_month"},
    ),
    (WEDNESDAY, "how much income this year", "income_query", {"period": "this_year"}),
    (WEDNESDAY, "what's on tomorrow?", "upcoming_events", {}),
    (
        WEDNESDAY,
        "do I have any appointments this week?",
        "upcoming_events",
        {"period": "this_week"},
    ),
    (WEDNESDAY, "what's coming up?", "upcoming_events", {}),
    (WEDNESDAY, "show me my reminders", "upcoming_events", {}),
    (WEDNESDAY, "when is the next oil change due?", "maintenance_due", {}),
    (WEDNESDAY, "is my van due for a service?", "maintenance_due", {}),
    (WEDNESDAY, "what trips do I have?", "list_trips", {}),
    (WEDNESDAY, "list my trips", "list_trips", {}),
    (WEDNESDAY, "show me what I spent money on yesterday", "list_expenses", {}),
    (WEDNESDAY, "list expenses", "list_expenses", {}),
    (WEDNESDAY, "what's happening on the feed?", "read_feed", {}),
    (WEDNESDAY, "read the community posts", "read_feed", {}),
    # income
    (
        WEDNESDAY,
        "earned $450 from a cleaning job",
        "add_income",
        {"amount": 450, "source": "cleaning job"},
    ),
    (WEDNESDAY, "got $200 for selling the old bike", "add_income", {"amount": 200}),
    (
        WEDNESDAY,
        "sold firewood for 80 bucks today",
        "add_income",
        {"amount": 80, "date": "today"},
    ),
    (WEDNESDAY, "my pension of $1,050 came in today", "add_income", {"amount": 1050}),
    (WEDNESDAY, "received a $120 refund", "add_income", {"amount": 120}),
    (WEDNESDAY, "made $340 at the Sunday markets", "add_income", {"amount": 340}),
    (
        WEDNESDAY,
        "I was paid $700 for house sitting last week",
        "add_income",
        {"amount": 700, "date": "today-7"},
    ),
    (
        WEDNESDAY,
        "log $250 income from fruit picking",
        "add_income",
        {"amount": 250, "source": "fruit picking"},
    ),
    # fuel
    (
        WEDNESDAY,
        "filled up with 71.3 litres of diesel, $145.20",
        "log_fuel",
        {"litres": "71.3", "total_cost": "145.20"},
    ),
    (
        WEDNESDAY,
        "Fill-up: 55L @ $1.98/L",
        "log_fuel",
        {"litres": 55, "price_per_litre": "1.98", "total_cost": "108.90"},
    ),
    (
        WEDNESDAY,
        "refuelled at Ampol Tamworth 63 litres $122.22 odometer 76500",
        "log_fuel",
        {"litres": 63, "total_cost": "122.22", "odometer_km": 76500},
    ),
    (
        WEDNESDAY,
        "topped up 20 litres for $41",
        "log_fuel",
        {"litres": 20, "total_cost": 41},
    ),
    (
        WEDNESDAY,
        "I put 45 litres of diesel in for $92.70 at 143,210 km",
        "log_fuel",
        {"litres": 45, "total_cost": "92.70", "odometer_km": 143210},
    ),
    (
        WEDNESDAY,
        "filled up yesterday at Shell: 58 L, $113.10",
        "log_fuel",
        {"litres": 58, "total_cost": "113.10", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "fuel 40 litres 78 dollars",
        "log_fuel",
        {"litres": 40, "total_cost": 78},
    ),
    (
        WEDNESDAY,
        "filled the tank - 68 litres at 2.01 per litre",
        "log_fuel",
        {"litres": 68, "price_per_litre": "2.01", "total_cost": "136.68"},
    ),
    (WEDNESDAY, "log a fill up", "log_fuel", {"missing": ["litres", "total_cost"]}),
    (
        WEDNESDAY,
        "got 50 litres of unleaded for $98",
        "log_fuel",
        {"litres": 50, "total_cost": 98},
    ),
    # maintenance
    (
        WEDNESDAY,
        "had a full service done at 150,000 km, $720",
        "log_maintenance",
        {"task_contains": "service", "odometer_km": 150000, "cost": 720},
    ),
    (
        WEDNESDAY,
        "oil changed at 62,000km",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 62000},
    ),
    (
        WEDNESDAY,
        "log wheel alignment today $99",
        "log_maintenance",
        {"task": "Wheel alignment", "cost": 99},
    ),
    (
        WEDNESDAY,
        "rotated tyres at 70k km",
        "log_maintenance",
        {"task": "Tyre rotation", "odometer_km": 70000},
    ),
    (
        WEDNESDAY,
        "new battery fitted for $260 yesterday",
        "log_maintenance",
        {"task": "Battery", "cost": 260, "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "got a service at the mechanic, $380, 88,200 km",
        "log_maintenance",
        {"task": "Service", "cost": 380, "odometer_km": 88200},
    ),
    (
        WEDNESDAY,
        "replaced brake pads at 91000 km",
        "log_maintenance",
        {"task_contains": "brake", "odometer_km": 91000},
    ),
    (
        WEDNESDAY,
        "record oil change, odo 102,000",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 102000},
    ),
    (
        WEDNESDAY,
        "had the caravan serviced for $350",
        "log_maintenance",
        {"task": "Service", "cost": 350},
    ),
    (
        WEDNESDAY,
        "changed the fuel filter at 98,000 km",
        "log_maintenance",
        {"task_contains": "fuel filter", "odometer_km": 98000},
    ),
    # trips
    (
        WEDNESDAY,
        "plan a trip from Melbourne to Perth via Adelaide and the Nullarbor",
        "plan_trip",
        {"places": ["Melbourne", "Adelaide", "Nullarbor", "Perth"]},
    ),
    (
        WEDNESDAY,
        "route from Darwin to Kakadu",
        "plan_trip",
        {"places": ["Darwin", "Kakadu"]},
    ),
    (
        WEDNESDAY,
        "I want to go from Cairns to Port Douglas",
        "plan_trip",
        {"places": ["Cairns", "Port Douglas"]},
    ),
    (
        WEDNESDAY,
        "plan a trip to Broken Hill from Mildura",
        "plan_trip",
        {"places": ["Mildura", "Broken Hill"]},
    ),
    (
        WEDNESDAY,
        "plan a drive from Tamworth to Armidale via Walcha",
        "plan_trip",
        {"places": ["Tamworth", "Walcha", "Armidale"]},
    ),
    (
        WEDNESDAY,
        "Adelaide to Port Lincoln via Whyalla",
        "plan_trip",
        {"places": ["Adelaide", "Whyalla", "Port Lincoln"]},
    ),
    (
        WEDNESDAY,
        "plan a trip from Ballarat to Bendigo then Echuca and Swan Hill",
        "plan_trip",
        {"places": ["Ballarat", "Bendigo", "Echuca", "Swan Hill"]},
    ),
    (
        WEDNESDAY,
        "can you plan me a route from Dubbo to Bourke",
        "plan_trip",
        {"places": ["Dubbo", "Bourke"]},
    ),
    (
        WEDNESDAY,
        "we're driving from Sydney to the Gold Coast next month",
        "plan_trip",
        {"places": ["Sydney", "Gold Coast"]},
    ),
    (
        WEDNESDAY,
        "plan a trip from Hobart to Strahan via Queenstown leaving on 20 March",
        "plan_trip",
        {"places": ["Hobart", "Queenstown", "Strahan"], "start_date": "next:03-20"},
    ),
    (
        WEDNESDAY,
        "how long is the drive from Brisbane to Rockhampton",
        "route_distance",
        {"places": ["Brisbane", "Rockhampton"]},
    ),
    (
        WEDNESDAY,
        "new trip: Perth to Esperance",
        "plan_trip",
        {"places": ["Perth", "Esperance"]},
    ),
    # calendar
    (
        WEDNESDAY,
        "remind me to book the ferry to Tassie next Monday",
        "add_calendar",
        {"title_contains": "book the ferry", "date": "next:monday"},
    ),
    (
        WEDNESDAY,
        "Remind me to service the van on 1 April",
        "add_calendar",
        {"title_contains": "service the van", "date": "next:04-01"},
    ),
    (
        WEDNESDAY,
        "add a hairdresser appointment on Friday at 2pm",
        "add_calendar",
        {"title_contains": "hairdresser", "date": "next:friday"},
    ),
    (
        WEDNESDAY,
        "I've got a vet appointment next Thursday",
        "add_calendar",
        {"title_contains": "vet appointment", "date": "next:thursday"},
    ),
    (
        WEDNESDAY,
        "set a reminder to renew the rego on 30/6",
        "add_calendar",
        {"title_contains": "renew the rego", "date": "next:06-30"},
    ),
    (
        WEDNESDAY,
        "remind me to pay the insurance $890 on Friday",
        "add_calendar",
        {"title_contains": "insurance", "date": "next:friday"},
    ),
    (
        WEDNESDAY,
        "remind me on Monday about the gas bottle",
        "add_calendar",
        {"title_contains": "gas bottle", "date": "next:monday"},
    ),
    (
        WEDNESDAY,
        "put a reminder in for the caravan service on the 25th",
        "add_calendar",
        {"title_contains": "caravan service", "date": "2026-03-25"},
    ),
    (
        WEDNESDAY,
        "schedule the dentist for 10:30am next Wednesday",
        "add_calendar",
        {"title_contains": "dentist", "date": "next:wednesday"},
    ),
    (
        WEDNESDAY,
        "remind me in two weeks to check the batteries",
        "add_calendar",
        {"title_contains": "check the batteries", "date": "today+14"},
    ),
    (
        WEDNESDAY,
        "don't let me forget the markets on Saturday",
        "add_calendar",
        {"title_contains": "markets", "date": "next:saturday"},
    ),
    (
        WEDNESDAY,
        "remind me tomorrow to call the insurance company",
        "add_calendar",
        {"title_contains": "call the insurance", "date": "today+1"},
    ),
    # posts
    (
        WEDNESDAY,
        "post to the community: heads up, the road to Karijini is closed",
        "create_post",
        {"content_contains": "road to Karijini is closed"},
    ),
    (
        WEDNESDAY,
        "share that the free camp at Wyangala has great views",
        "create_post",
        {"content_contains": "free camp at Wyangala"},
    ),
    (
        WEDNESDAY,
        "ask everyone whether the Oodnadatta Track is open",
        "create_post",
        {"content_contains": "Oodnadatta Track is open"},
    ),
    (
        WEDNESDAY,
        "post: cheap diesel at Longreach today, $1.89",
        "create_post",
        {"content_contains": "cheap diesel at Longreach"},
    ),
    (
        WEDNESDAY,
        "tell the community we found a great bakery in Gundagai",
        "create_post",
        {"content_contains": "great bakery in Gundagai"},
    ),
    # navigation
    (WEDNESDAY, "go to my profile", "navigate", {"to": "/you"}),
    (WEDNESDAY, "take me home", "navigate", {"to": "/"}),
    (WEDNESDAY, "open wins", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "show me the trip planner", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "open the social feed", "navigate", {"to": "/social"}),
    (WEDNESDAY, "go to settings", "navigate", {"to": "/you"}),
    (WEDNESDAY, "open the budget page", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "take me to the map", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "navigate to the home page", "navigate", {"to": "/"}),
    (WEDNESDAY, "show my money", "navigate", {"to": "/wins"}),
    # corrections / undo
    (WEDNESDAY, "no, it was $48", "correction", {"amount": 48}),
    (WEDNESDAY, "sorry make that 22", "correction", {"amount": 22}),
    (WEDNESDAY, "actually it cost $19", "correction", {"amount": 19}),
    (WEDNESDAY, "oops, $60 not $16", "correction", {"amount": 60}),
    (WEDNESDAY, "wait, that was yesterday", "correction", {"date": "yesterday"}),
    (WEDNESDAY, "change it to $70", "correction", {"amount": 70}),
    (WEDNESDAY, "no no, 35 dollars", "correction", {"amount": 35}),
    (WEDNESDAY, "undo please", "undo", {}),
    (WEDNESDAY, "delete that", "undo", {}),
    (WEDNESDAY, "remove that expense", "undo", {"kind": "expense"}),
    (WEDNESDAY, "oops scratch that", "undo", {}),
    (WEDNESDAY, "undo last", "undo", {}),
    # small talk / clarify
    (WEDNESDAY, "hey there", "greeting", {}),
    (WEDNESDAY, "hiya pam", "greeting", {}),
    (WEDNESDAY, "thanks mate", "thanks", {}),
    (WEDNESDAY, "thank you!", "thanks", {}),
    (WEDNESDAY, "brilliant, thanks PAM", "thanks", {}),
    (WEDNESDAY, "what can you help me with?", "help", {}),
    (WEDNESDAY, "add a new expense", "add_expense", {"missing": ["amount"]}),
    (WEDNESDAY, "log some fuel", "log_fuel", {"missing": ["litres", "total_cost"]}),
    (WEDNESDAY, "I want to record an expense", "add_expense", {"missing": ["amount"]}),
    (
        WEDNESDAY,
        "G'day PAM! Just spent $27 on brekkie at the cafe",
        "add_expense",
        {"amount": 27, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "ok so I paid $64.20 for groceries at coles",
        "add_expense",
        {"amount": "64.20", "category": "groceries", "merchant": "Coles"},
    ),
    (
        WEDNESDAY,
        "pam can u add 30 bucks for parking",
        "add_expense",
        {"amount": 30, "category": "transport"},
    ),
    (
        WEDNESDAY,
        "i spent $22 on lunch yesterday, can you log that",
        "add_expense",
        {"amount": 22, "category": "dining", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "Spent $45.00 on GROCERIES",
        "add_expense",
        {"amount": 45, "category": "groceries"},
    ),
    (
        WEDNESDAY,
        "add $35 resturant expense",
        "add_expense",
        {"amount": 35, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "paid the campground $40 for tonight",
        "add_expense",
        {"amount": 40, "category": "camping", "date": "today"},
    ),
    (WEDNESDAY, "$8 ice creams at the kiosk", "add_expense", {"amount": 8}),
    (
        WEDNESDAY,
        "we had fish and chips for dinner, $36",
        "add_expense",
        {"amount": 36, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "just paid $1,320.50 for the caravan insurance premium",
        "add_expense",
        {"amount": "1320.50", "category": "insurance"},
    ),
    (WEDNESDAY, "it cost us $15 to park at the beach", "add_expense", {"amount": 15}),
    (
        WEDNESDAY,
        "$19.99 for data on my phone",
        "add_expense",
        {"amount": "19.99", "category": "utilities"},
    ),
    (
        WEDNESDAY,
        "Shelled out $600 for the mechanic last Thursday",
        "add_expense",
        {"amount": 600, "category": "maintenance", "date": "last:thursday"},
    ),
    (
        WEDNESDAY,
        "bought some gear at BCF for $120",
        "add_expense",
        {"amount": 120, "category": "shopping"},
    ),
    (
        WEDNESDAY,
        "spent about $50 on drinks at the pub on Friday night",
        "add_expense",
        {"amount": 50, "category": "dining", "date": "last:friday"},
    ),
    (WEDNESDAY, "Two coffees $9", "add_expense", {"amount": 9, "category": "dining"}),
    (WEDNESDAY, "Paid 12 dollars for a car wash", "add_expense", {"amount": 12}),
    (
        WEDNESDAY,
        "diesel $98.50 at the BP",
        "add_expense",
        {"amount": "98.50", "category": "fuel"},
    ),
    (
        WEDNESDAY,
        "spent $300 on new clothes",
        "add_expense",
        {"amount": 300, "category": "shopping"},
    ),
    (
        WEDNESDAY,
        "grocery shop was $143.90 today",
        "add_expense",
        {"amount": "143.90", "category": "groceries"},
    ),
    (
        WEDNESDAY,
        "I spent a hundred dollars on fuel",
        "add_expense",
        {"amount": 100, "category": "fuel"},
    ),
    (
        WEDNESDAY,
        "spent twenty-five bucks at the cinema",
        "add_expense",
        {"amount": 25, "category": "entertainment"},
    ),
    # budget
    (
        WEDNESDAY,
        "Hey PAM, set the fuel budget to $500 please",
        "set_budget",
        {"category": "fuel", "amount": 500},
    ),
    (
        WEDNESDAY,
        "set monthly groceries budget at 700",
        "set_budget",
        {"category": "groceries", "amount": 700},
    ),
    (
        WEDNESDAY,
        "i'd like to budget $250 for eating out... I mean dining",
        "set_budget",
        {"amount": 250},
    ),
    (WEDNESDAY, "can I see how my budgets are going", "budget_status", {}),
    (
        WEDNESDAY,
        "am i over my dining budget this month?",
        "budget_status",
        {"category": "dining"},
    ),
    # queries
    (
        WEDNESDAY,
        "How much did I spend on fuel in the last 30 days?",
        "spending_query",
        {"category": "fuel"},
    ),
    (
        WEDNESDAY,
        "what's the total I've spent on camping?",
        "spending_query",
        {"category": "camping"},
    ),
    (
        WEDNESDAY,
        "hey pam how much have we spent this month",
        "spending_query",
        {"period": "this_month"},
    ),
    (
        WEDNESDAY,
        "tell me my spending for last week",
        "spending_query",
        {"period": "last_week"},
    ),
    (
        WEDNESDAY,
        "how much have I made this month",
        "income_query",
        {"period": "this_month"},
    ),
    (WEDNESDAY, "what's on this week?", "upcoming_events", {}),
    (WEDNESDAY, "anything on my calendar tomorrow?", "upcoming_events", {}),
    (WEDNESDAY, "what have I got coming up", "upcoming_events", {}),
    (WEDNESDAY, "what's my next appointment", "upcoming_events", {}),
    (WEDNESDAY, "when is the next tyre rotation due", "maintenance_due", {}),
    (WEDNESDAY, "which trips have I saved?", "list_trips", {}),
    (WEDNESDAY, "any news from the community?", "read_feed", {}),
    # income
    (WEDNESDAY, "Received $90 for selling the old esky", "add_income", {"amount": 90}),
    (
        WEDNESDAY,
        "got paid 350 bucks for the relief shift",
        "add_income",
        {"amount": 350},
    ),
    (
        WEDNESDAY,
        "I earned $50 in tips last night",
        "add_income",
        {"amount": 50, "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "income: $1,200 from house-sitting on 1 March",
        "add_income",
        {"amount": 1200, "date": "past:03-01"},
    ),
    # fuel
    (
        WEDNESDAY,
        "Filled up: 61.5L diesel, $123.00, Dubbo",
        "log_fuel",
        {"litres": "61.5", "total_cost": 123},
    ),
    (
        WEDNESDAY,
        "just fuelled up 48 litres $95.52",
        "log_fuel",
        {"litres": 48, "total_cost": "95.52"},
    ),
    (
        WEDNESDAY,
        "filled up 67 litres at 203.9 c/L at Coober Pedy",
        "log_fuel",
        {"litres": 67, "price_per_litre": "2.039", "total_cost": "136.61"},
    ),
    (
        WEDNESDAY,
        "fill up 59 ltrs, $118, odo 45,678",
        "log_fuel",
        {"litres": 59, "total_cost": 118, "odometer_km": 45678},
    ),
    (
        WEDNESDAY,
        "we filled up with 80L of diesel for $164 at the Caltex in Tennant Creek",
        "log_fuel",
        {"litres": 80, "total_cost": 164},
    ),
    (
        WEDNESDAY,
        "filled up the ute with 65 litres for $130 on Sunday",
        "log_fuel",
        {"litres": 65, "total_cost": 130, "date": "last:sunday"},
    ),
    # maintenance
    (
        WEDNESDAY,
        "had the oil and filters changed at 77,777 km for $210",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 77777, "cost": 210},
    ),
    (
        WEDNESDAY,
        "got the tyres rotated and balanced, $60",
        "log_maintenance",
        {"task": "Tyre rotation", "cost": 60},
    ),
    (
        WEDNESDAY,
        "mechanic replaced the alternator for $540",
        "log_maintenance",
        {"cost": 540},
    ),
    (
        WEDNESDAY,
        "log service done at 110000km",
        "log_maintenance",
        {"task_contains": "service", "odometer_km": 110000},
    ),
    (
        WEDNESDAY,
        "had a new battery put in the van today",
        "log_maintenance",
        {"task": "Battery", "date": "today"},
    ),
    (
        WEDNESDAY,
        "gearbox serviced at 130,000 km cost $480",
        "log_maintenance",
        {"task_contains": "gearbox", "odometer_km": 130000, "cost": 480},
    ),
    # trips
    (
        WEDNESDAY,
        "Plan a trip from Sydney to Melbourne via Canberra and Albury",
        "plan_trip",
        {"places": ["Sydney", "Canberra", "Albury", "Melbourne"]},
    ),
    (
        WEDNESDAY,
        "plan route brisbane to cairns via townsville",
        "plan_trip",
        {"places": ["Brisbane", "Townsville", "Cairns"]},
    ),
    (
        WEDNESDAY,
        "Sydney -> Newcastle -> Port Macquarie",
        "plan_trip",
        {"places": ["Sydney", "Newcastle", "Port Macquarie"]},
    ),
    (
        WEDNESDAY,
        "help me plan a road trip to Uluru from Adelaide",
        "plan_trip",
        {"places": ["Adelaide", "Uluru"]},
    ),
    (
        WEDNESDAY,
        "we want to drive from Perth to Kalgoorlie and back",
        "plan_trip",
        {"places": ["Perth", "Kalgoorlie"]},
    ),
    (
        WEDNESDAY,
        "plan a trip from Alice Springs to Uluru then Kings Canyon",
        "plan_trip",
        {"places": ["Alice Springs", "Uluru", "Kings Canyon"]},
    ),
    (
        WEDNESDAY,
        "trip: Cairns to Cooktown via the Bloomfield Track",
        "plan_trip",
        {"places": ["Cairns", "Bloomfield Track", "Cooktown"]},
    ),
    (
        WEDNESDAY,
        "Plan a trip to Kangaroo Island from Adelaide via Cape Jervis",
        "plan_trip",
        {"places": ["Adelaide", "Cape Jervis", "Kangaroo Island"]},
    ),
    # calendar
    (
        WEDNESDAY,
        "remind me to renew the rego on the 15th of March",
        "add_calendar",
        {"title_contains": "renew the rego", "date": "next:03-15"},
    ),
    (
        WEDNESDAY,
        "remind me to call the mechanic at 9am tomorrow",
        "add_calendar",
        {"title_contains": "call the mechanic", "date": "today+1"},
    ),
    (
        WEDNESDAY,
        "I've got the dentist on Tuesday at 2:30pm, add it to my calendar",
        "add_calendar",
        {"date": "next:tuesday"},
    ),
    (
        WEDNESDAY,
        "add a reminder to check the tyre pressure every Monday",
        "add_calendar",
        {"title_contains": "tyre pressure"},
    ),
    (
        WEDNESDAY,
        "remind me to renew my drivers licence on March 30",
        "add_calendar",
        {"title_contains": "licence", "date": "next:03-30"},
    ),
    (
        WEDNESDAY,
        "Reminder to pay the phone bill on the 28th",
        "add_calendar",
        {"title_contains": "phone bill", "date": "2026-03-28"},
    ),
    (
        WEDNESDAY,
        "book the car in for a service next Wednesday",
        "add_calendar",
        {"title_contains": "service", "date": "next:wednesday"},
    ),
    # posts
    (
        WEDNESDAY,
        "post: Anyone camped at Bellthorpe? Worth it?",
        "create_post",
        {"content_contains": "Bellthorpe"},
    ),
    (
        WEDNESDAY,
        "share with everyone that Lake Ballard is amazing at sunrise",
        "create_post",
        {"content_contains": "Lake Ballard is amazing"},
    ),
    (
        WEDNESDAY,
        "post to the community that the Savannah Way is now open",
        "create_post",
        {"content_contains": "Savannah Way is now open"},
    ),
    # nav
    (WEDNESDAY, "go to the wheels page", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "take me to the social section", "navigate", {"to": "/social"}),
    (WEDNESDAY, "open my account", "navigate", {"to": "/you"}),
    (WEDNESDAY, "back to home", "navigate", {"to": "/"}),
    (WEDNESDAY, "can you take me to the budget screen", "navigate", {"to": "/wins"}),
    # corrections
    (WEDNESDAY, "nah it was $31", "correction", {"amount": 31}),
    (WEDNESDAY, "Actually, make it $85.50", "correction", {"amount": "85.50"}),
    (
        WEDNESDAY,
        "sorry that was for fuel not groceries",
        "correction",
        {"category": "fuel"},
    ),
    (WEDNESDAY, "I meant 45 not 54", "correction", {"amount": 45}),
    (WEDNESDAY, "the amount should be $27", "correction", {"amount": 27}),
    (WEDNESDAY, "Undo.", "undo", {}),
    (WEDNESDAY, "undo the last thing", "undo", {}),
    (WEDNESDAY, "whoops, delete that", "undo", {}),
    # chat
    (WEDNESDAY, "hello!", "greeting", {}),
    (WEDNESDAY, "hey", "greeting", {}),
    (WEDNESDAY, "cheers pam", "thanks", {}),
    (WEDNESDAY, "ok thanks", "thanks", {}),
    (WEDNESDAY, "what are you able to do", "help", {}),
    # negatives: should not be acted on
    (WEDNESDAY, "what's the best free camp near Dubbo?", "unknown", {}),
    (WEDNESDAY, "is it going to rain tomorrow?", "unknown", {}),
    (WEDNESDAY, "I love this app", "unknown", {}),
    (
        SUNDAY,
        "paid $31.50 for lunch at the pub on Saturday",
        "add_expense",
        {"amount": "31.50", "category": "dining", "date": "last:saturday"},
    ),
    (
        MONDAY,
        "spent $70 on diesel last Sunday",
        "add_expense",
        {"amount": 70, "category": "fuel", "date": "last:sunday"},
    ),
    (
        MONDAY,
        "$44 groceries at Aldi on Friday",
        "add_expense",
        {"amount": 44, "category": "groceries", "date": "last:friday"},
    ),
    (
        WEDNESDAY,
        "Add a $95 expense for the caravan park from 2 days ago",
        "add_expense",
        {"amount": 95, "category": "camping", "date": "today-2"},
    ),
    (
        WEDNESDAY,
        "paid the phone bill $49",
        "add_expense",
        {"amount": 49, "category": "utilities"},
    ),
    (WEDNESDAY, "$3.20 for a bottle of water", "add_expense", {"amount": "3.20"}),
    (
        WEDNESDAY,
        "record a $60 dinner expense",
        "add_expense",
        {"amount": 60, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "Spent $250 at Bunnings on hardware",
        "add_expense",
        {"amount": 250, "category": "shopping"},
    ),
    (
        WEDNESDAY,
        "paid $18 for the laundry at the caravan park",
        "add_expense",
        {"amount": 18, "category": "utilities"},
    ),
    (
        WEDNESDAY,
        "spent $120 on the mechanic yesterday for a new fan belt",
        "add_expense",
        {"amount": 120, "category": "maintenance", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "Took the ferry for $45",
        "add_expense",
        {"amount": 45, "category": "transport"},
    ),
    (
        WEDNESDAY,
        "dinner at the RSL $56",
        "add_expense",
        {"amount": 56, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "I spent $12 on a museum ticket",
        "add_expense",
        {"amount": 12, "category": "entertainment"},
    ),
    (
        WEDNESDAY,
        "spent 85 dollars at the doctor",
        "add_expense",
        {"amount": 85, "category": "health"},
    ),
    (
        WEDNESDAY,
        "just paid for the rego renewal, $812.40",
        "add_expense",
        {"amount": "812.40", "category": "registration"},
    ),
    (
        SUNDAY,
        "set my fuel budget to 450 dollars a month",
        "set_budget",
        {"category": "fuel", "amount": 450},
    ),
    (
        WEDNESDAY,
        "make the dining budget $180",
        "set_budget",
        {"category": "dining", "amount": 180},
    ),
    (
        WEDNESDAY,
        "give me a $100 budget for entertainment",
        "set_budget",
        {"category": "entertainment", "amount": 100},
    ),
    (
        WEDNESDAY,
        "how's the groceries budget?",
        "budget_status",
        {"category": "groceries"},
    ),
    (
        WEDNESDAY,
        "How much have I got left in the fuel budget?",
        "budget_status",
        {"category": "fuel"},
    ),
    (
        WEDNESDAY,
        "how much have I spent on dining?",
        "spending_query",
        {"category": "dining"},
    ),
    (
        WEDNESDAY,
        "what did I spend on fuel last week?",
        "spending_query",
        {"category": "fuel", "period": "last_week"},
    ),
    (
        WEDNESDAY,
        "what's my spending total for this month",
        "spending_query",
        {"period": "this_month"},
    ),
    (
        WEDNESDAY,
        "how much did groceries cost this week?",
        "spending_query",
        {"category": "groceries", "period": "this_week"},
    ),
    (
        WEDNESDAY,
        "How much have I spent in total this month?",
        "spending_query",
        {"period": "this_month"},
    ),
    (
        SUNDAY,
        "I earned $220 selling jam at the markets yesterday",
        "add_income",
        {"amount": 220, "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "got paid $950 for two weeks of house-sitting",
        "add_income",
        {"amount": 950},
    ),
    (
        WEDNESDAY,
        "made 60 bucks busking today",
        "add_income",
        {"amount": 60, "date": "today"},
    ),
    (
        WEDNESDAY,
        "earned $180 for a day of fruit picking on Monday",
        "add_income",
        {"amount": 180, "date": "last:monday"},
    ),
    (
        WEDNESDAY,
        "Filled up with 55 litres for $107.80 at 90,100 km",
        "log_fuel",
        {"litres": 55, "total_cost": "107.80", "odometer_km": 90100},
    ),
    (
        WEDNESDAY,
        "unleaded top up: 30.2 L, $61.10",
        "log_fuel",
        {"litres": "30.2", "total_cost": "61.10"},
    ),
    (
        WEDNESDAY,
        "filled up with 70 litres of diesel for $140 at Port Augusta",
        "log_fuel",
        {"litres": 70, "total_cost": 140},
    ),
    (
        WEDNESDAY,
        "Topped up 25 litres, $52.25, at 86,000 km",
        "log_fuel",
        {"litres": 25, "total_cost": "52.25", "odometer_km": 86000},
    ),
    (
        WEDNESDAY,
        "Had the tyres rotated today at 93,000 km, cost $50",
        "log_maintenance",
        {"task": "Tyre rotation", "odometer_km": 93000, "cost": 50},
    ),
    (
        WEDNESDAY,
        "log an oil change at 95000km",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 95000},
    ),
    (
        WEDNESDAY,
        "got the brakes done at 101,000 km, $420",
        "log_maintenance",
        {"task_contains": "brake", "odometer_km": 101000, "cost": 420},
    ),
    (
        WEDNESDAY,
        "log a wheel alignment at 88,800km",
        "log_maintenance",
        {"task": "Wheel alignment", "odometer_km": 88800},
    ),
    (
        WEDNESDAY,
        "had the van serviced yesterday, $395",
        "log_maintenance",
        {"task": "Service", "cost": 395, "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "Plan a trip from Adelaide to Melbourne via Mount Gambier",
        "plan_trip",
        {"places": ["Adelaide", "Mount Gambier", "Melbourne"]},
    ),
    (
        WEDNESDAY,
        "plan a route from Perth to Albany",
        "plan_trip",
        {"places": ["Perth", "Albany"]},
    ),
    (
        WEDNESDAY,
        "plan a trip from Brisbane to Hervey Bay via Noosa and Gympie",
        "plan_trip",
        {"places": ["Brisbane", "Noosa", "Gympie", "Hervey Bay"]},
    ),
    (
        WEDNESDAY,
        "trip to Margaret River from Perth",
        "plan_trip",
        {"places": ["Perth", "Margaret River"]},
    ),
    (
        WEDNESDAY,
        "Townsville to Cairns then Cooktown",
        "plan_trip",
        {"places": ["Townsville", "Cairns", "Cooktown"]},
    ),
    (
        SUNDAY,
        "Remind me to renew the rego on 20 March",
        "add_calendar",
        {"title_contains": "rego", "date": "next:03-20"},
    ),
    (
        SUNDAY,
        "add a doctor appointment next Monday",
        "add_calendar",
        {"title_contains": "doctor", "date": "next:monday"},
    ),
    (
        MONDAY,
        "add a dentist appointment next Monday",
        "add_calendar",
        {"title_contains": "dentist", "date": "next:monday"},
    ),
    (
        WEDNESDAY,
        "remind me to pay the power bill on 2 April",
        "add_calendar",
        {"title_contains": "power bill", "date": "next:04-02"},
    ),
    (
        WEDNESDAY,
        "Remind me about the gas bottle swap next Friday",
        "add_calendar",
        {"title_contains": "gas bottle swap", "date": "next:friday"},
    ),
    (
        WEDNESDAY,
        "Post to the community: Great free camp at Lake Tinaroo, highly recommend",
        "create_post",
        {"content_contains": "free camp at Lake Tinaroo"},
    ),
    (
        WEDNESDAY,
        "post that we're looking for a dog-friendly caravan park in Hobart",
        "create_post",
        {"content_contains": "dog-friendly caravan park in Hobart"},
    ),
    (
        WEDNESDAY,
        "share: The Nullarbor roadhouse has cheap showers",
        "create_post",
        {"content_contains": "Nullarbor roadhouse has cheap showers"},
    ),
    (WEDNESDAY, "show me my expenses page", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "open my profile", "navigate", {"to": "/you"}),
    (WEDNESDAY, "take me to the community", "navigate", {"to": "/social"}),
    (WEDNESDAY, "go to the dashboard", "navigate", {"to": "/"}),
    (WEDNESDAY, "open the wheels page", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "add an expense please", "add_expense", {"missing": ["amount"]}),
    (WEDNESDAY, "log a fuel fill", "log_fuel", {"missing": ["litres", "total_cost"]}),
    (
        WEDNESDAY,
        "I want to log fuel",
        "log_fuel",
        {"missing": ["litres", "total_cost"]},
    ),
    (WEDNESDAY, "Hello", "greeting", {}),
    (WEDNESDAY, "hi there PAM!", "greeting", {}),
    (WEDNESDAY, "thanks a lot", "thanks", {}),
    (WEDNESDAY, "Thank you PAM", "thanks", {}),
    (WEDNESDAY, "actually make that $45", "correction", {"amount": 45}),
    (WEDNESDAY, "actually it was $28.50", "correction", {"amount": "28.50"}),
    (WEDNESDAY, "no, make it $60", "correction", {"amount": 60}),
    (WEDNESDAY, "undo that please", "undo", {}),
    (WEDNESDAY, "delete the last one", "undo", {}),
    (WEDNESDAY, "scratch that last one", "undo", {}),
    (
        WEDNESDAY,
        "Could you record that I spent $56.70 on groceries at Coles yesterday?",
        "add_expense",
        {"amount": "56.70", "category": "groceries", "date": "yesterday"},
    ),
    (
        WEDNESDAY,
        "I forked out 300 bucks for the rego today",
        "add_expense",
        {"amount": 300, "category": "registration"},
    ),
    (
        WEDNESDAY,
        "Expense: $22.50 coffee and cake",
        "add_expense",
        {"amount": "22.50", "category": "dining"},
    ),
    (
        WEDNESDAY,
        "add 15 dollars for tolls",
        "add_expense",
        {"amount": 15, "category": "transport"},
    ),
    (
        WEDNESDAY,
        "we paid $64 for two nights at the national park campground",
        "add_expense",
        {"amount": 64, "category": "camping"},
    ),
    (
        WEDNESDAY,
        "Spent $9 on the ferry across the river this morning",
        "add_expense",
        {"amount": 9, "category": "transport", "date": "today"},
    ),
    (WEDNESDAY, "$130 at the vet for the dog's shots", "add_expense", {"amount": 130}),
    (
        WEDNESDAY,
        "Log $210 for a new battery",
        "add_expense",
        {"amount": 210, "category": "maintenance"},
    ),
    (
        WEDNESDAY,
        "Paid $27 for pizza on Tuesday night",
        "add_expense",
        {"amount": 27, "category": "dining", "date": "last:tuesday"},
    ),
    (
        WEDNESDAY,
        "the doctor charged $95",
        "add_expense",
        {"amount": 95, "category": "health"},
    ),
    (
        WEDNESDAY,
        "I bought a new awning for $450 at the caravan shop",
        "add_expense",
        {"amount": 450},
    ),
    (
        WEDNESDAY,
        "paid 60 for the powered site",
        "add_expense",
        {"amount": 60, "category": "camping"},
    ),
    (
        WEDNESDAY,
        "$5.60 for milk and bread at the servo",
        "add_expense",
        {"amount": "5.60"},
    ),
    (
        WEDNESDAY,
        "Please add an expense of $48 for dinner at the RSL club",
        "add_expense",
        {"amount": 48, "category": "dining"},
    ),
    (
        WEDNESDAY,
        "I spent $78.90 on fuel at Ampol in Griffith",
        "add_expense",
        {"amount": "78.90", "category": "fuel"},
    ),
    (
        WEDNESDAY,
        "bought tyres for the caravan, $620",
        "add_expense",
        {"amount": 620, "category": "maintenance"},
    ),
    (
        WEDNESDAY,
        "make my fuel budget $550",
        "set_budget",
        {"category": "fuel", "amount": 550},
    ),
    (
        WEDNESDAY,
        "set a grocery budget of 500 dollars",
        "set_budget",
        {"category": "groceries", "amount": 500},
    ),
    (
        WEDNESDAY,
        "Let's set the camping budget to $320 a month",
        "set_budget",
        {"category": "camping", "amount": 320},
    ),
    (
        WEDNESDAY,
        "how is my dining budget tracking",
        "budget_status",
        {"category": "dining"},
    ),
    (
        WEDNESDAY,
        "how much budget is left for fuel this month?",
        "budget_status",
        {"category": "fuel"},
    ),
    (
        WEDNESDAY,
        "how much have I spent on the mechanic this year?",
        "spending_query",
        {"category": "maintenance", "period": "this_year"},
    ),
    (
        WEDNESDAY,
        "What did I spend on groceries last month?",
        "spending_query",
        {"category": "groceries", "period": "last_month"},
    ),
    (
        WEDNESDAY,
        "what's my total spending so far this month",
        "spending_query",
        {"period": "this_month"},
    ),
    (
        WEDNESDAY,
        "how much did I earn last week?",
        "income_query",
        {"period": "last_week"},
    ),
    (
        WEDNESDAY,
        "I earned $90 selling eggs today",
        "add_income",
        {"amount": 90, "date": "today"},
    ),
    (WEDNESDAY, "got paid $2,300 for the harvest work", "add_income", {"amount": 2300}),
    (
        WEDNESDAY,
        "sold my kayak for $400 on Saturday",
        "add_income",
        {"amount": 400, "date": "last:saturday"},
    ),
    (
        WEDNESDAY,
        "received $85 from Marketplace for the old chairs",
        "add_income",
        {"amount": 85},
    ),
    (
        WEDNESDAY,
        "Filled up 63 litres for $127.26 at 77,400 km",
        "log_fuel",
        {"litres": 63, "total_cost": "127.26", "odometer_km": 77400},
    ),
    (
        WEDNESDAY,
        "diesel: 58.4L, $117.38, Broken Hill",
        "log_fuel",
        {"litres": "58.4", "total_cost": "117.38"},
    ),
    (
        WEDNESDAY,
        "put in 42 litres of petrol, $84.42",
        "log_fuel",
        {"litres": 42, "total_cost": "84.42"},
    ),
    (
        WEDNESDAY,
        "refuelled: 75 L at $1.96/L, odo 130,250",
        "log_fuel",
        {
            "litres": 75,
            "price_per_litre": "1.96",
            "total_cost": 147,
            "odometer_km": 130250,
        },
    ),
    (
        WEDNESDAY,
        "Log fuel: 50 litres for $101",
        "log_fuel",
        {"litres": 50, "total_cost": 101},
    ),
    (
        WEDNESDAY,
        "Had the wheel bearings repacked today at 140,000 km, $220",
        "log_maintenance",
        {"task": "Wheel bearing repack", "odometer_km": 140000, "cost": 220},
    ),
    (
        WEDNESDAY,
        "oil change done today, 96,300 km",
        "log_maintenance",
        {"task": "Oil change", "odometer_km": 96300},
    ),
    (WEDNESDAY, "log a tyre rotation", "log_maintenance", {"task": "Tyre rotation"}),
    (
        WEDNESDAY,
        "got the aircon regassed on the motorhome for $180",
        "log_maintenance",
        {"cost": 180},
    ),
    (
        WEDNESDAY,
        "record a service at 60,000 km costing $520",
        "log_maintenance",
        {"task": "Service", "odometer_km": 60000, "cost": 520},
    ),
    (
        WEDNESDAY,
        "Plan a trip from Geelong to Mildura via Ballarat and Horsham",
        "plan_trip",
        {"places": ["Geelong", "Ballarat", "Horsham", "Mildura"]},
    ),
    (
        WEDNESDAY,
        "plan a route to Exmouth from Carnarvon",
        "plan_trip",
        {"places": ["Carnarvon", "Exmouth"]},
    ),
    (
        WEDNESDAY,
        "Darwin to Katherine then Mataranka",
        "plan_trip",
        {"places": ["Darwin", "Katherine", "Mataranka"]},
    ),
    (
        WEDNESDAY,
        "I'd like to plan a road trip from Brisbane to Longreach via Roma",
        "plan_trip",
        {"places": ["Brisbane", "Roma", "Longreach"]},
    ),
    (
        WEDNESDAY,
        "Remind me to get the gas bottles filled on Thursday",
        "add_calendar",
        {"title_contains": "gas bottles filled", "date": "next:thursday"},
    ),
    (
        WEDNESDAY,
        "add a reminder for the rego renewal on 12 April",
        "add_calendar",
        {"title_contains": "rego renewal", "date": "next:04-12"},
    ),
    (
        WEDNESDAY,
        "Put the Bathurst 1000 on my calendar for 11 October",
        "add_calendar",
        {"title_contains": "Bathurst 1000", "date": "next:10-11"},
    ),
    (
        WEDNESDAY,
        "remind me on the 1st to pay the storage unit",
        "add_calendar",
        {"title_contains": "pay the storage unit", "date": "2026-04-01"},
    ),
    (
        WEDNESDAY,
        "add a mechanic appointment tomorrow at 8:30am",
        "add_calendar",
        {
            "title_contains": "mechanic appointment",
            "date": "today+1",
            "time": dt.time(8, 30),
        },
    ),
    (
        WEDNESDAY,
        "Post to the community: Does anyone know if Lake Mungo road is dry?",
        "create_post",
        {"content_contains": "Lake Mungo road is dry"},
    ),
    (
        WEDNESDAY,
        "share with the group that we'll be at Mission Beach next week",
        "create_post",
        {"content_contains": "Mission Beach"},
    ),
    (
        WEDNESDAY,
        "post: selling a 12V fridge, $300 ono",
        "create_post",
        {"content_contains": "12V fridge"},
    ),
    (WEDNESDAY, "open the community page", "navigate", {"to": "/social"}),
    (WEDNESDAY, "take me to my budget", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "go to my settings page", "navigate", {"to": "/you"}),
    (WEDNESDAY, "open trip planner", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "go back to the dashboard", "navigate", {"to": "/"}),
    (WEDNESDAY, "sorry, it was $17", "correction", {"amount": 17}),
    (WEDNESDAY, "actually, change it to $88", "correction", {"amount": 88}),
    (WEDNESDAY, "make it $12.50 instead", "correction", {"amount": "12.50"}),
    (WEDNESDAY, "no it was for groceries", "correction", {"category": "groceries"}),
    (WEDNESDAY, "undo the last expense", "undo", {"kind": "expense"}),
    (WEDNESDAY, "cancel the last one", "undo", {}),
    (WEDNESDAY, "oops, remove that", "undo", {}),
    (WEDNESDAY, "g'day pam", "greeting", {}),
    (WEDNESDAY, "hello, how are you today?", "greeting", {}),
    (WEDNESDAY, "ta heaps", "thanks", {}),
    (WEDNESDAY, "help me", "help", {}),
    (WEDNESDAY, "record an expense", "add_expense", {"missing": ["amount"]}),
    (
        WEDNESDAY,
        "log a fuel purchase",
        "log_fuel",
        {"missing": ["litres", "total_cost"]},
    ),
    (WEDNESDAY, "what's the weather in Broome?", "unknown", {}),
    (WEDNESDAY, "show me my expenses", "list_expenses", {}),
    (WEDNESDAY, "what's on my schedule tomorrow?", "upcoming_events", {}),
    (WEDNESDAY, "when's my rego due?", "upcoming_events", {}),
    (WEDNESDAY, "show me the latest community posts", "read_feed", {}),
    # A planning verb alone before "A to B", and the places just before "to" in typed-with-capitals text.
    (WEDNESDAY, "plan Hobart to Launceston", "plan_trip", {"places": ["Hobart", "Launceston"]}),
    (WEDNESDAY, "can you plan hobart to launceston", "plan_trip", {"places": ["Hobart", "Launceston"]}),
    (WEDNESDAY, "map out Perth to Broome", "plan_trip", {"places": ["Perth", "Broome"]}),
    (WEDNESDAY, "Could you plan me Adelaide to Port Augusta?", "plan_trip", {"places": ["Adelaide", "Port Augusta"]}),
    (WEDNESDAY, "plot Cairns to Darwin via Normanton", "plan_trip", {"places": ["Cairns", "Normanton", "Darwin"]}),
    (WEDNESDAY, "plan my budget", "unknown", {}),
    # Money already spent on a drive is an expense, not a trip to plan.
    (WEDNESDAY, "I spent $30 on fuel driving Dubbo to Orange", "add_expense", {"amount": 30, "category": "fuel"}),
    (WEDNESDAY, "paid $45 for fuel on the drive from Dubbo to Orange", "add_expense", {"amount": 45}),
    # Money received for work is income; a note that starts with the event and a future date is a calendar entry.
    (WEDNESDAY, "I got $250 for a casual shift", "add_income", {"amount": 250}),
    (WEDNESDAY, "I got a coffee for $5", "add_expense", {"amount": 5, "category": "dining"}),
    (WEDNESDAY, "doctor appointment on Thursday at 10am", "add_calendar", {"title": "Doctor appointment"}),
    (WEDNESDAY, "vet check next Monday", "add_calendar", {"title": "Vet check"}),
    (WEDNESDAY, "my birthday is on 12 March", "add_calendar", {"title": "Birthday"}),
    (WEDNESDAY, "the dentist was $120 on Monday", "add_expense", {"amount": 120}),
    # A trip plan that mentions its budget is still a trip plan; a category budget is still a budget.
    (WEDNESDAY, "plan a trip from Sydney to Melbourne, budget $500", "plan_trip", {"places": ["Sydney", "Melbourne"]}),
    (WEDNESDAY, "set my fuel budget for the trip to $400", "set_budget", {"category": "fuel", "amount": 400}),
    # "map out"/"work out" are one cue; a trailing "plan the trip" adds no place; holidays and "we" plans.
    (WEDNESDAY, "can you map out adelaide to perth for me", "plan_trip", {"places": ["Adelaide", "Perth"]}),
    (WEDNESDAY, "work out a route from Alice Springs to Uluru", "plan_trip", {"places": ["Alice Springs", "Uluru"]}),
    (WEDNESDAY, "townsville to mount isa, plan the trip", "plan_trip", {"places": ["Townsville", "Mount Isa"]}),
    (WEDNESDAY, "pencil in drinks with Dave and Sue on Saturday", "add_calendar",
     {"title": "Drinks with Dave and Sue", "date": "next:saturday"}),
    (WEDNESDAY, "we've got the ferry to Tassie on Boxing Day, add it to the calendar", "add_calendar",
     {"title": "Ferry to Tassie", "date": "next:12-26"}),
    (WEDNESDAY, "we have the vet on Friday at 2pm", "add_calendar", {"title": "Vet", "date": "next:friday"}),
    (WEDNESDAY, "pencil in $50 for fuel", "add_expense", {"amount": 50, "category": "fuel"}),
    # A limit kept "a month" is a budget; the part greased names the maintenance task.
    (WEDNESDAY, "I want to keep camping to 500 bucks a month", "set_budget", {"category": "camping", "amount": 500}),
    (WEDNESDAY, "we need to stick to $150 a week on dining", "set_budget", {"category": "dining", "amount": 150, "period": "weekly"}),
    (WEDNESDAY, "paid $80 a month to keep the van at the storage yard", "add_expense", {"amount": 80}),
    (WEDNESDAY, "maintenance note: greased the tow hitch", "log_maintenance", {"task": "Grease tow hitch"}),
    (WEDNESDAY, "greased the wheel bearings at 90,000 km", "log_maintenance", {"task": "Wheel bearings", "odometer_km": 90000}),
    # Dictated numbers, slips of the keyboard, and wordings of the second held-out set (first run 106/129).
    (WEDNESDAY, "one hundred and twelve dollars and fifty cents at coles for groceires", "add_expense",
     {"amount": "112.50", "category": "groceries", "merchant": "Coles"}),
    (WEDNESDAY, "filled up the ute with seventy two litres of diesel for one hundred and forty dollars", "log_fuel",
     {"litres": 72, "total_cost": 140}),
    (WEDNESDAY, "log an oil and filter change at one hundred and twelve thousand kilometres, cost two hundred and ten dollars",
     "log_maintenance", {"task": "Oil change", "odometer_km": 112000, "cost": 210}),
    (WEDNESDAY, "one fifty for the powered site", "add_expense", {"amount": 150, "category": "camping"}),
    (WEDNESDAY, "coolant flush done, odomoter reading 98,500, $165", "log_maintenance", {"odometer_km": 98500, "cost": 165}),
    (WEDNESDAY, "camp fees at Cape Le Grand were $30 for two nights", "add_expense", {"amount": 30, "category": "camping"}),
    (WEDNESDAY, "hundred bucks for the gas bottle", "add_expense", {"amount": 100}),
    (WEDNESDAY, "what did fuel set me back lsat month", "spending_query", {"category": "fuel", "period": "last_month"}),
    (WEDNESDAY, "break down my spending by category for this month", "spending_query", {"period": "this_month"}),
    (WEDNESDAY, "how much did I spend the day before yesterday", "spending_query",
     {"start": dt.date(2026, 3, 9), "end": dt.date(2026, 3, 9)}),
    (WEDNESDAY, "I don't want to spend more than $600 a month on groceries, set that as my budget", "set_budget",
     {"category": "groceries", "amount": 600}),
    (WEDNESDAY, "allocate $75 a month to entertainment", "set_budget", {"category": "entertainment", "amount": 75}),
    (WEDNESDAY, "my super payment of two thousand one hundred dollars came through today", "add_income", {"amount": 2100}),
    (WEDNESDAY, "the day before yesterday I got $480 for two days of caretaking at the showgrounds", "add_income",
     {"amount": 480, "date": "today-2"}),
    (WEDNESDAY, "the bill came through, $80 for electricity", "add_expense", {"amount": 80, "category": "utilities"}),
    (WEDNESDAY, "community post please - found a wallet at the Karratha servo, message me", "create_post",
     {"content": "Found a wallet at the Karratha servo, message me"}),
    (WEDNESDAY, "add a calendar entry for next Friday", "add_calendar", {"missing": ["title"]}),
    (WEDNESDAY, "never mind, delete it", "undo", {}),
    (WEDNESDAY, "that was for snacks, put it under dining", "correction", {"category": "dining"}),
    (WEDNESDAY, "entry to the Australian Age of Dinosaurs in Winton was $86", "add_expense", {"category": "entertainment"}),
    (WEDNESDAY, "donated $50 to the Royal Flying Doctor Service", "add_expense", {"amount": 50, "category": "other"}),
    (WEDNESDAY, "had the Logbook Service done for $520", "log_maintenance", {"task": "Logbook service"}),
    (WEDNESDAY, "fitted new shock absorbers to the ute at 131,720km, $1,150", "log_maintenance", {"task": "Shock absorbers"}),
    (WEDNESDAY, "Bob Jane charged $1,080 for four new tyres", "add_expense", {"merchant": "Bob Jane T-Marts"}),
    (WEDNESDAY, "to Esperance from Perth, going via Albany - plan it please", "plan_trip",
     {"places": ["Perth", "Albany", "Esperance"]}),
    (WEDNESDAY, "road trip from Alice Springs to Darwin stopping at Katherine", "plan_trip",
     {"places": ["Alice Springs", "Katherine", "Darwin"]}),
    # Third held-out set, written in five voices (first run 79/113): formal, slang, dictated, non-native, detailed.
    (WEDNESDAY, "Please plan a trip from Brisbane to Roma, stopping overnight in Toowoomba.", "plan_trip",
     {"places": ["Brisbane", "Toowoomba", "Roma"]}),
    (WEDNESDAY, "We would like to travel from Canberra to Jindabyne by way of Cooma. Could you plan the route?", "plan_trip",
     {"places": ["Canberra", "Cooma", "Jindabyne"]}),
    (WEDNESDAY, "okay so I need a route melbourne up to mildura going through bendigo", "plan_trip",
     {"places": ["Melbourne", "Bendigo", "Mildura"]}),
    (WEDNESDAY, "uh we are heading hobart to port arthur can you plan that", "plan_trip", {"places": ["Hobart", "Port Arthur"]}),
    (WEDNESDAY, "Please plan for me the road from Broome to Fitzroy Crossing, we stop one night in Derby", "plan_trip",
     {"places": ["Broome", "Derby", "Fitzroy Crossing"]}),
    (WEDNESDAY, "We're leaving Geelong on Monday and want to take the Great Ocean Road, spending a night at Apollo Bay "
     "before finishing in Warrnambool - can you plan that route?", "plan_trip",
     {"places": ["Geelong", "Apollo Bay", "Warrnambool"]}),
    (WEDNESDAY, "Kindly remind us to renew the caravan registration on the 30th of December.", "add_calendar",
     {"title": "Renew the caravan registration", "date": "next:12-30"}),
    (WEDNESDAY, "remind me fri to fill the water tanks b4 we head off", "add_calendar", {"date": "next:friday"}),
    (WEDNESDAY, "add bday drinks for jess 2moro night", "add_calendar", {"title_contains": "jess", "date": "today+1"}),
    (WEDNESDAY, "Please remember me to go to the doctor on 8 of January", "add_calendar",
     {"title": "Go to the doctor", "date": "next:01-08"}),
    (WEDNESDAY, "chuck a reminder in for next week", "add_calendar", {"missing": ["title"]}),
    (WEDNESDAY, "Please take us to the page that shows our spending.", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "Please open for me the page of my trips", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "Open the Wheels page for me - I want to look back over the maintenance history before we book its next "
     "service", "navigate", {"to": "/wheels"}),
    (WEDNESDAY, "add up my income for this month pls", "income_query", {"period": "this_month"}),
    (WEDNESDAY, "okay so can you add up everything I have spent this month", "spending_query", {"period": "this_month"}),
    (WEDNESDAY, "Our fuel budget is $300 a month but crossing the Nullarbor has blown it - by how much are we over this "
     "month?", "budget_status", {"category": "fuel"}),
    (WEDNESDAY, "fuel budget 450 a month, gotta rein it in", "set_budget", {"category": "fuel", "amount": 450}),
    (WEDNESDAY, "van rego was due so paid it, 690 ugh", "add_expense", {"amount": 690, "category": "registration"}),
    (WEDNESDAY, "surf lesson at byron 65 bucks, so worth it", "add_expense", {"category": "entertainment"}),
    (WEDNESDAY, "2 days ago I pay the ticket for ferry to Rottnest, 76 dollar", "add_expense",
     {"amount": 76, "category": "transport", "date": "today-2"}),
    (WEDNESDAY, "We paid $42.50 for luncheon at the bowling club in Yamba.", "add_expense", {"category": "dining"}),
    (WEDNESDAY, "paid 25 for a bush camp spot w hot showers last nite", "add_expense", {"amount": 25, "date": "yesterday"}),
    (WEDNESDAY, "uh log a fill up forty eight point five litres of unleaded ninety four dollars and sixty cents", "log_fuel",
     {"litres": "48.5", "total_cost": "94.60"}),
    (WEDNESDAY, "I fill the diesel 3 days before, 70 litre, total 150 dollar", "log_fuel",
     {"litres": 70, "total_cost": 150, "date": "today-3"}),
    (WEDNESDAY, "put in 71.4 litres of diesel at $2.19 a litre, came to $156.37, odometer showing 112,860", "log_fuel",
     {"litres": "71.4", "total_cost": "156.37", "odometer_km": 112860}),
    (WEDNESDAY, "the caravan's three-way fridge was serviced last Friday, at a cost of $175.", "log_maintenance",
     {"task": "Three-way fridge service", "cost": 175}),
    (WEDNESDAY, "Yesterday the mechanic change the clutch of my van, it cost 1450 dollar", "log_maintenance",
     {"task": "Clutch", "cost": 1450, "date": "yesterday"}),
    (WEDNESDAY, "I do apologise, the correct amount was $84.80.", "correction", {"amount": "84.80"}),
    (WEDNESDAY, "My apologies, it is on the 11th of December.", "correction", {"future_date": "next:12-11"}),
    (WEDNESDAY, "Sorry, I misread the pump, it was 56 litres", "correction", {"litres": 56}),
    (WEDNESDAY, "Actually scrap that, I'll log them separately later", "undo", {}),
    (WEDNESDAY, "remind me 3 days before the trip to check tyres", "add_calendar", {"missing": ["date"]}),
    (WEDNESDAY, "how far is it from Sydney to Melbourne?", "route_distance", {"places": ["Sydney", "Melbourne"]}),
    (WEDNESDAY, "how far is it from Perth to Margaret River?", "route_distance", {"places": ["Perth", "Margaret River"]}),
    # Fourth held-out set, everyday phone typing (first run 88/103).
    (WEDNESDAY, "Picked up a few things for dinner at the supermarket on the way back, $32.60", "add_expense",
     {"amount": "32.60", "category": "groceries"}),
    (WEDNESDAY, "dinner at the pub $60", "add_expense", {"category": "dining"}),
    (WEDNESDAY, "entertainment budget 100 now", "set_budget", {"category": "entertainment", "amount": 100}),
    (WEDNESDAY, "how much left in groceries", "budget_status", {"category": "groceries"}),
    (WEDNESDAY, "how much money's gone out this month", "spending_query", {"period": "this_month"}),
    (WEDNESDAY, "cleaning job paid 250 yesterday", "add_income", {"amount": 250, "date": "yesterday", "source": "cleaning job"}),
    (WEDNESDAY, "earned 180 doing a shift at the pub", "add_income", {"amount": 180}),
    (WEDNESDAY, "rego due 14 feb", "add_calendar", {"title": "Rego due", "date": "next:02-14"}),
    (WEDNESDAY, "physio friday 11am", "add_calendar", {"title": "Physio", "date": "next:friday"}),
    (WEDNESDAY, "coffee 5.50", "add_expense", {"amount": "5.50", "category": "dining"}),
    (WEDNESDAY, "budgets page pls", "navigate", {"to": "/wins"}),
    (WEDNESDAY, "wrong category, it's dining", "correction", {"category": "dining"}),
    (WEDNESDAY, "date's wrong, should be yesterday", "correction", {"date": "yesterday"}),
    (WEDNESDAY, "push it back a day", "correction", {"shift_days": 1}),
    (WEDNESDAY, "bring it forward two days", "correction", {"shift_days": -2}),
    (WEDNESDAY, "push that back a day, they're closed tomorrow", "correction", {"shift_days": 1, "absent": ["future_date"]}),
    (WEDNESDAY, "push it back a week", "correction", {"shift_days": 7}),
    # Fifth held-out set, three paraphrases of every dev case (first run 92/102).
    (WEDNESDAY, "caltex 64.10 fuel", "add_expense", {"amount": "64.10", "category": "fuel", "merchant": "Caltex"}),
    (WEDNESDAY, "Stopped at the roadhouse for a burger and a milkshake on the way through to Longreach, it was $23.60",
     "add_expense", {"amount": "23.60", "category": "dining"}),
    (WEDNESDAY, "Before we book the next caravan park I want to check the damage - how much have we spent in total so far "
     "this month?", "spending_query", {"period": "this_month", "absent": ["category"]}),
    (WEDNESDAY, "cherry picking paid 380 last fri", "add_income", {"amount": 380, "date": "last:friday"}),
    (WEDNESDAY, "The family we've been minding the farm for just transferred $1,350 for the fortnight", "add_income",
     {"amount": 1350}),
    (WEDNESDAY, "rego paid 720", "add_expense", {"amount": 720, "category": "registration"}),
    (WEDNESDAY, "the day before yesterday we paid $42 for a powered site at Mission Beach", "add_expense",
     {"amount": 42, "category": "camping", "date": "today-2"}),
    (WEDNESDAY, "Took the tow car in to get the power steering pump replaced this morning, the odometer was on 198,400 km "
     "and the bill came to $760", "log_maintenance", {"task": "Power steering pump", "odometer_km": 198400, "cost": 760}),
    (WEDNESDAY, "swapped the headlight globes, odo 71,900", "log_maintenance", {"task": "Headlight globes", "odometer_km": 71900}),
    (WEDNESDAY, "optometrist wed 9am", "add_calendar", {"title": "Optometrist", "date": "next:wednesday"}),
    (WEDNESDAY, "Hey PAM, I need to put in something I paid for earlier today", "add_expense", {"missing": ["amount"]}),
    (WEDNESDAY, "Actually scrap that one, my wife already added it on her phone", "undo", {}),
    # Sixth held-out set (first run 51/60).
    (WEDNESDAY, "Yesterday's diesel was $97, can you add it", "add_expense", {"amount": 97, "date": "yesterday"}),
    (WEDNESDAY, "travel insurance for the trip 165 today", "add_expense", {"amount": 165, "category": "insurance"}),
    (WEDNESDAY, "Log $92 for a new water pump for the van", "add_expense", {"amount": 92, "category": "maintenance"}),
    (WEDNESDAY, "Please add that we've got the van booked in for a wheel alignment at the tyre place next Wednesday",
     "add_calendar", {"title_contains": "alignment", "date": "next:wednesday"}),
    (WEDNESDAY, "route hobart - launceston pls", "plan_trip", {"places": ["Hobart", "Launceston"]}),
    (WEDNESDAY, "grand total of everything we've spent this month pls", "spending_query", {"period": "this_month"}),
    (WEDNESDAY, "I want $480 a month set aside for camping", "set_budget", {"category": "camping", "amount": 480}),
]


@pytest.mark.parametrize(
    ("text", "name", "want"),
    DEV_SET + BRIEF,
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_dev_set_and_brief(text: str, name: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), name, want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), EXPENSES)
def test_expense_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "add_expense", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "name", "want"), BUDGETS + QUERIES)
def test_budget_and_query_paraphrases(
    text: str, name: str, want: dict[str, Any]
) -> None:
    intent = classify(text, WEDNESDAY)
    want = dict(want)
    for key in ("start", "end"):
        if key in want and intent.slots.get(key) == want[key]:
            want.pop(key)
    assert check(intent, name, want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), INCOME)
def test_income_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "add_income", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), FUEL)
def test_fuel_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "log_fuel", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), MAINTENANCE)
def test_maintenance_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "log_maintenance", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), TRIPS)
def test_trip_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "plan_trip", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), CALENDAR)
def test_calendar_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "add_calendar", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "want"), POSTS)
def test_post_paraphrases(text: str, want: dict[str, Any]) -> None:
    assert check(classify(text, WEDNESDAY), "create_post", want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "page"), NAVIGATION)
def test_navigation_paraphrases(text: str, page: str) -> None:
    assert check(classify(text, WEDNESDAY), "navigate", {"to": page}, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "name", "want"), CORRECTIONS)
def test_correction_and_undo_paraphrases(
    text: str, name: str, want: dict[str, Any]
) -> None:
    assert check(classify(text, WEDNESDAY), name, want, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "name"), SMALL_TALK)
def test_small_talk(text: str, name: str) -> None:
    assert classify(text, WEDNESDAY).name == name


@pytest.mark.parametrize(("text", "name", "missing"), CLARIFY)
def test_missing_required_slots_are_visible(
    text: str, name: str, missing: list[str]
) -> None:
    intent = classify(text, WEDNESDAY)
    assert (intent.name, set(intent.missing)) == (name, set(missing))


@pytest.mark.parametrize(
    ("text", "today", "want"),
    [
        ("spent $20 on lunch last Sunday", SUNDAY, dt.date(2026, 3, 8)),
        ("spent $20 on lunch on Sunday", SUNDAY, dt.date(2026, 3, 8)),
        ("spent $20 on lunch yesterday", MONDAY, dt.date(2026, 3, 15)),
        ("spent $20 on lunch last Monday", MONDAY, dt.date(2026, 3, 9)),
        ("spent $20 on lunch on Saturday", MONDAY, dt.date(2026, 3, 14)),
    ],
)
def test_expense_dates_across_the_week_boundary(
    text: str, today: dt.date, want: dt.date
) -> None:
    assert classify(text, today).slots["date"] == want


@pytest.mark.parametrize(
    ("text", "today", "want"),
    [
        ("remind me to call the bank next Monday", SUNDAY, dt.date(2026, 3, 16)),
        ("remind me to call the bank next Monday", MONDAY, dt.date(2026, 3, 23)),
        ("remind me to call the bank this Sunday", SUNDAY, dt.date(2026, 3, 15)),
        ("remind me to call the bank on Sunday", SUNDAY, dt.date(2026, 3, 22)),
        ("remind me to call the bank tomorrow", SUNDAY, dt.date(2026, 3, 16)),
    ],
)
def test_reminder_dates_across_the_week_boundary(
    text: str, today: dt.date, want: dt.date
) -> None:
    assert classify(text, today).slots["date"] == want


def test_required_slots_cover_only_known_intents() -> None:
    assert set(REQUIRED_SLOTS) <= set(INTENTS)
    assert REQUIRED_SLOTS["add_expense"] == ("amount",)
    assert classify("add an expense", WEDNESDAY).missing == ("amount",)


def test_every_intent_name_is_reachable_from_the_tables() -> None:
    produced = {
        classify(row[0], WEDNESDAY).name
        for row in DEV_SET + BRIEF + BUDGETS + QUERIES + CORRECTIONS + SMALL_TALK
    }
    produced |= {
        "add_income",
        "log_fuel",
        "log_maintenance",
        "plan_trip",
        "route_distance",
        "add_calendar",
        "create_post",
        "navigate",
        "add_schedule",  # tests/pam/test_schedules.py
        "fuel_economy",
        "add_trip_stop",  # tests/pam/test_local_spoken_and_run_on.py
        "remove_trip_stop",
        "remove_expense",  # tests/pam/test_reports_and_run_on_records.py
    }
    assert produced == set(INTENTS)


def test_odometer_and_litres_never_become_money() -> None:
    intent = classify("Filled up with 62 litres for $118.40 at 85,300 km", WEDNESDAY)
    assert intent.slots["total_cost"] == Decimal("118.40")
    assert "cost" not in classify("log a tyre rotation at 92000km", WEDNESDAY).slots


@pytest.mark.parametrize(("today", "text", "name", "want"), MORE_PARAPHRASES)
def test_more_paraphrases(
    today: dt.date, text: str, name: str, want: dict[str, Any]
) -> None:
    assert check(classify(text, today), name, want, today) == []
