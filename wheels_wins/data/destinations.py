"""Travel destinations that GeoNames' populated places lack: landmarks, parks, islands and outback stops
under 500 people, in Australia and (`ABROAD`) where Australians hire campervans. Travellers plan trips to these by name ("Alice Springs to Uluru").

Each row: name, other names people type, state code, latitude, longitude (the visitor hub or the
landmark itself, where a route would end).
"""

from __future__ import annotations

Destination = tuple[str, tuple[str, ...], str, float, float]

# Ranks a destination like a town of this size: above small namesakes, below real cities.
DESTINATION_POPULATION = 20_000

DESTINATIONS: tuple[Destination, ...] = (
    # Northern Territory
    ("Uluru", ("Ayers Rock",), "NT", -25.3444, 131.0369),
    ("Kata Tjuta", ("The Olgas", "Olgas"), "NT", -25.2970, 130.7310),
    ("Kings Canyon", ("Watarrka",), "NT", -24.2500, 131.5200),
    ("Litchfield National Park", ("Litchfield",), "NT", -13.1700, 130.7500),
    ("Nitmiluk", ("Katherine Gorge", "Nitmiluk Gorge"), "NT", -14.3139, 132.4217),
    ("Karlu Karlu", ("Devils Marbles",), "NT", -20.5631, 134.2611),
    ("Daly Waters", (), "NT", -16.2540, 133.3690),
    # South Australia
    ("Kangaroo Island", ("KI",), "SA", -35.7752, 137.2142),
    ("Wilpena Pound", ("Flinders Ranges", "Ikara"), "SA", -31.5290, 138.6050),
    ("Kati Thanda", ("Lake Eyre",), "SA", -28.3667, 137.3667),
    ("Nullarbor Roadhouse", ("Nullarbor",), "SA", -31.4486, 130.8960),
    ("Head of Bight", (), "SA", -31.4830, 131.1440),
    ("Innamincka", (), "SA", -27.7473, 140.7360),
    ("Oodnadatta", (), "SA", -27.5480, 135.4470),
    ("William Creek", (), "SA", -28.9170, 136.3370),
    ("Marree", (), "SA", -29.6490, 138.0630),
    ("Barossa Valley", ("Barossa",), "SA", -34.5234, 138.9598),
    # Victoria
    ("Twelve Apostles", ("12 Apostles",), "VIC", -38.6621, 143.1051),
    ("Halls Gap", ("Grampians", "Gariwerd", "Grampians National Park"), "VIC", -37.1372, 142.5186),
    ("Wilsons Promontory", ("Wilsons Prom", "Tidal River"), "VIC", -39.0300, 146.3210),
    ("Mount Buffalo", (), "VIC", -36.7200, 146.7700),
    ("Mount Hotham", (), "VIC", -36.9760, 147.1340),
    # New South Wales and the ACT
    ("Thredbo", (), "NSW", -36.5050, 148.3030),
    ("Mount Kosciuszko", ("Kosciuszko", "Kosciusko", "Mount Kosciusko"), "NSW", -36.4560, 148.2630),
    ("Jervis Bay", (), "NSW", -35.0600, 150.6900),
    ("Mungo National Park", ("Lake Mungo", "Mungo"), "NSW", -33.7370, 143.0440),
    ("Warrumbungle National Park", ("Warrumbungles", "Warrumbungle"), "NSW", -31.2700, 149.0000),
    ("Myall Lakes", (), "NSW", -32.4900, 152.3700),
    # Queensland
    ("Cape Tribulation", ("Cape Trib",), "QLD", -16.0880, 145.4620),
    ("Daintree", ("Daintree Rainforest",), "QLD", -16.2500, 145.3180),
    ("Cape York", ("Tip of Cape York", "Pajinka"), "QLD", -10.6870, 142.5310),
    ("K'gari", ("Fraser Island", "Kgari"), "QLD", -25.2700, 153.1300),
    ("Carnarvon Gorge", (), "QLD", -25.0650, 148.2270),
    ("Boodjamulla", ("Lawn Hill", "Lawn Hill Gorge"), "QLD", -18.7000, 138.4830),
    ("Birdsville", (), "QLD", -25.8990, 139.3520),
    ("Windorah", (), "QLD", -25.4210, 142.6550),
    ("Boulia", (), "QLD", -22.9120, 139.9090),
    ("Undara", ("Undara Lava Tubes",), "QLD", -18.2000, 144.6000),
    ("Eungella", (), "QLD", -21.1330, 148.4870),
    # Tasmania
    ("Cradle Mountain", (), "TAS", -41.6846, 145.9516),
    ("Coles Bay", ("Freycinet", "Wineglass Bay", "Freycinet National Park"), "TAS", -42.1240, 148.2860),
    ("Bruny Island", (), "TAS", -43.2800, 147.3300),
    ("Bay of Fires", (), "TAS", -41.1500, 148.2700),
    ("Port Arthur", ("Port Arthur Historic Site",), "TAS", -43.1466, 147.8510),
    # Western Australia
    ("Karijini", ("Karijini National Park",), "WA", -22.4700, 118.5500),
    ("Purnululu", ("Bungle Bungles", "Bungle Bungle Range"), "WA", -17.4330, 128.4000),
    ("Monkey Mia", (), "WA", -25.7920, 113.7170),
    ("Shark Bay", (), "WA", -25.9268, 113.5333),
    ("The Pinnacles", ("Pinnacles", "Nambung"), "WA", -30.6060, 115.1580),
    ("Ningaloo", ("Ningaloo Reef",), "WA", -21.9300, 114.1300),
    ("Wave Rock", (), "WA", -32.4440, 118.8970),
    ("Hyden", (), "WA", -32.4460, 118.8610),
    ("Lucky Bay", ("Cape Le Grand",), "WA", -33.9920, 122.2290),
    ("Cape Leveque", (), "WA", -16.3980, 122.9290),
    ("El Questro", (), "WA", -16.0080, 127.9800),
)

# Roadhouses, stations and tiny towns on outback highways, under GeoNames' 500-people floor but where travellers
# refuel, camp and break down ("add Timber Creek as a stop"). Ranked as the small places they are, so a bigger
# namesake at home still wins and a lower-case "three ways" in a sentence is no town. Same row shape as DESTINATIONS.
OUTBACK_STOP_POPULATION = 600

OUTBACK_STOPS: tuple[Destination, ...] = (
    # Stuart Highway, Darwin to Port Augusta
    ("Adelaide River", (), "NT", -13.2380, 131.1060),
    ("Pine Creek", (), "NT", -13.8230, 131.8330),
    ("Larrimah", (), "NT", -15.5750, 133.2150),
    ("Dunmarra", ("Dunmarra Roadhouse",), "NT", -16.6790, 133.4120),
    ("Elliott", (), "NT", -17.5500, 133.5400),
    ("Renner Springs", ("Renner Springs Roadhouse",), "NT", -18.3170, 133.8000),
    ("Three Ways", ("Threeways", "Three Ways Roadhouse", "Threeways Roadhouse"), "NT", -19.4380, 134.2110),
    ("Wycliffe Well", (), "NT", -20.7960, 134.2360),
    ("Barrow Creek", (), "NT", -21.5310, 133.8890),
    ("Ti Tree", ("Ti-Tree",), "NT", -22.1330, 133.4170),
    ("Aileron", ("Aileron Roadhouse",), "NT", -22.6500, 133.3500),
    ("Erldunda", ("Erldunda Roadhouse",), "NT", -25.2030, 133.2010),
    ("Kulgera", ("Kulgera Roadhouse",), "NT", -25.8400, 133.3000),
    ("Marla", (), "SA", -27.3030, 133.6230),
    ("Glendambo", (), "SA", -30.9690, 135.7500),
    ("Pimba", (), "SA", -31.2530, 136.8020),
    # Across the Top End, the Barkly and the Gulf
    ("Timber Creek", (), "NT", -15.6460, 130.4800),
    ("Victoria River Roadhouse", ("Victoria River Crossing", "Victoria River"), "NT", -15.6150, 131.1300),
    ("Kalkarindji", (), "NT", -17.4330, 130.8330),
    ("Barkly Homestead", ("Barkly Homestead Roadhouse", "Barkly Roadhouse"), "NT", -19.7100, 135.8300),
    ("Cooinda", ("Yellow Water",), "NT", -12.9030, 132.5200),
    ("Cahills Crossing", (), "NT", -12.4260, 132.9630),
    ("Curtin Springs", (), "NT", -25.3170, 131.7570),
    ("Glen Helen", ("Glen Helen Gorge",), "NT", -23.6850, 132.6750),
    ("Ormiston Gorge", (), "NT", -23.6320, 132.7270),
    ("Finke", ("Aputula",), "NT", -25.5800, 134.5800),
    ("Burketown", (), "QLD", -17.7410, 139.5470),
    ("Hells Gate Roadhouse", (), "QLD", -17.4550, 138.3580),
    # The Kimberley and the north-west
    ("Warmun", ("Turkey Creek",), "WA", -17.0170, 128.2170),
    ("Home Valley Station", ("Home Valley",), "WA", -15.7270, 127.8260),
    ("Mount Barnett Roadhouse", ("Mount Barnett",), "WA", -16.6640, 125.9410),
    ("Windjana Gorge", (), "WA", -17.4080, 124.9470),
    ("Tunnel Creek", (), "WA", -17.6110, 125.1480),
    ("Drysdale River Station", ("Drysdale River",), "WA", -15.6990, 126.3790),
    ("Kalumburu", (), "WA", -14.2950, 126.6410),
    ("Mitchell Falls", ("Mitchell Plateau",), "WA", -14.8190, 125.7160),
    ("Willare Bridge Roadhouse", ("Willare",), "WA", -17.7240, 123.6520),
    ("Sandfire Roadhouse", ("Sandfire",), "WA", -19.7720, 121.0930),
    # The outback tracks of South Australia
    ("Coward Springs", (), "SA", -29.4010, 136.7860),
    ("Leigh Creek", (), "SA", -30.5930, 138.4010),
    ("Arkaroola", (), "SA", -30.3120, 139.3370),
    ("Mount Dare", (), "SA", -26.0690, 135.2440),
    ("Dalhousie Springs", (), "SA", -26.4240, 135.5070),
)

# Places abroad that Australians hire campervans and RVs to see, missing for the same reason.
# Each row: name, other names, region, country code, country, latitude, longitude.
AbroadDestination = tuple[str, tuple[str, ...], str, str, str, float, float]

# Counties touring motorhomers name as places and after towns ("St Ives, Cornwall"): at their middle.
COUNTIES: tuple[AbroadDestination, ...] = (
    ("Cornwall", (), "England", "GB", "United Kingdom", 50.3700, -4.9300),
    ("Devon", (), "England", "GB", "United Kingdom", 50.7200, -3.7600),
    ("Dorset", (), "England", "GB", "United Kingdom", 50.7500, -2.3400),
    ("Somerset", (), "England", "GB", "United Kingdom", 51.1000, -2.9000),
    ("Cumbria", ("Lake District",), "England", "GB", "United Kingdom", 54.4600, -3.0900),
    ("Norfolk", (), "England", "GB", "United Kingdom", 52.6500, 1.0000),
    ("Northumberland", (), "England", "GB", "United Kingdom", 55.2200, -2.0000),
    ("Yorkshire", ("North Yorkshire", "Yorkshire Dales"), "England", "GB", "United Kingdom", 54.1500, -1.5000),
    ("Pembrokeshire", (), "Wales", "GB", "United Kingdom", 51.8500, -4.9700),
)

ABROAD: tuple[AbroadDestination, ...] = (
    ("Lake Tekapo", ("Tekapo", "Takapo"), "Canterbury", "NZ", "New Zealand", -44.0047, 170.4772),
    ("Aoraki Mount Cook", ("Mount Cook", "Mount Cook Village", "Aoraki", "Mount Cook National Park"), "Canterbury", "NZ",
     "New Zealand", -43.7350, 170.0960),
    ("Milford Sound", ("Piopiotahi",), "Southland", "NZ", "New Zealand", -44.6414, 167.8974),
    ("Fox Glacier", (), "West Coast", "NZ", "New Zealand", -43.4650, 170.0170),
    ("Franz Josef", ("Franz Josef Glacier", "Waiau"), "West Coast", "NZ", "New Zealand", -43.3887, 170.1830),
    ("Cape Reinga", (), "Northland", "NZ", "New Zealand", -34.4287, 172.6808),
    ("Abel Tasman National Park", ("Abel Tasman", "Marahau"), "Tasman", "NZ", "New Zealand", -41.0060, 173.0050),
    ("Tongariro National Park", ("Tongariro", "Whakapapa Village"), "Manawatu-Wanganui", "NZ", "New Zealand",
     -39.2000, 175.5400),
    ("Hobbiton", (), "Waikato", "NZ", "New Zealand", -37.8721, 175.6829),
    ("Haast", ("Haast Township",), "West Coast", "NZ", "New Zealand", -43.8810, 169.0420),
    ("Punakaiki", ("Pancake Rocks",), "West Coast", "NZ", "New Zealand", -42.1080, 171.3360),
    ("Glencoe", ("Glen Coe",), "Scotland", "GB", "United Kingdom", 56.6826, -5.1024),
    ("Durness", (), "Scotland", "GB", "United Kingdom", 58.5676, -4.7455),
    ("John o' Groats", ("John o Groats", "John O'Groats"), "Scotland", "GB", "United Kingdom", 58.6440, -3.0690),
    ("Applecross", (), "Scotland", "GB", "United Kingdom", 57.4330, -5.8110),
    ("Land's End", ("Lands End",), "England", "GB", "United Kingdom", 50.0657, -5.7132),
    *COUNTIES,
    ("Isle of Skye", ("Skye",), "Scotland", "GB", "United Kingdom", 57.3000, -6.2500),
    ("Yosemite", ("Yosemite Valley", "Yosemite National Park"), "California", "US", "United States", 37.7456, -119.5936),
    ("Yellowstone", ("Old Faithful", "Yellowstone National Park"), "Wyoming", "US", "United States", 44.4605, -110.8281),
    ("Zion National Park", ("Zion",), "Utah", "US", "United States", 37.2002, -112.9870),
    ("Bryce Canyon", ("Bryce Canyon National Park",), "Utah", "US", "United States", 37.6283, -112.1677),
    ("Monument Valley", (), "Utah", "US", "United States", 36.9980, -110.0985),
)

# Names Australians use for towns GeoNames lists under their full name: nickname → that place's name (in AU).
NICKNAMES: dict[str, str] = {
    "Noosa": "Noosa Heads",
    "Byron": "Byron Bay",
    "Airlie": "Airlie Beach",
    "Margs": "Margaret River",
    "Goldie": "Gold Coast",
    "Sunny Coast": "Sunshine Coast",
    "Port Mac": "Port Macquarie",
    "Coffs": "Coffs Harbour",
    "Wagga": "Wagga Wagga",
    "Rocky": "Rockhampton",
    "Alice": "Alice Springs",
    "Lonnie": "Launceston",
    "Freo": "Fremantle",
    "Brissie": "Brisbane",
    "Brissy": "Brisbane",
    "Brizzy": "Brisbane",
    "Brizvegas": "Brisbane",
    "Melbs": "Melbourne",
    "Melb": "Melbourne",
    "Syd": "Sydney",
    "Bris": "Brisbane",
    "Radelaide": "Adelaide",
    "The Gong": "Wollongong",
    "Gong": "Wollongong",
    "Newy": "Newcastle",
    "Kal": "Kalgoorlie",
    "Kalgoorlie-Boulder": "Kalgoorlie",
}
