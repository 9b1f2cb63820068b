"""The invented words of services/common/sample_residents.py: first names (common in the UK, so
not identifying), made-up surnames, streets, estates, towns and counties, and the number and
postcode ranges that reach nobody. Stdlib-only, data only."""
from __future__ import annotations

FEMALE = ("Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Ruby", "Lily", "Chloe",
          "Jessica", "Sarah", "Emma", "Laura", "Rebecca", "Hannah", "Rachel", "Claire", "Lisa", "Karen",
          "Susan", "Margaret", "Patricia", "Jean", "Joan", "Dorothy", "Fatima", "Aisha", "Priya", "Zainab",
          "Amina", "Niamh", "Megan", "Zoe", "Nadia", "Mei", "Agnieszka", "Bernadette", "Maureen")
MALE = ("Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Jacob", "James",
        "Thomas", "Daniel", "Matthew", "Michael", "David", "Paul", "Mark", "Andrew", "Robert", "Peter",
        "John", "Kevin", "Gary", "Brian", "Kenneth", "Ronald", "Mohammed", "Ali", "Omar", "Arjun", "Ravi",
        "Kwame", "Tomasz", "Declan", "Sean", "Ryan", "Liam", "Callum", "Dennis")
NEUTRAL = ("Alex", "Sam", "Jordan", "Charlie", "Robin", "Jamie", "Morgan", "Riley", "Ash", "Kai")
SURNAME_HEADS = ("Toll", "Brack", "Quill", "Farn", "Vell", "Thrim", "Orm", "Grist", "Lusk", "Pell", "Skarn",
                 "Wend", "Yarl", "Callo", "Drumm", "Eppel", "Hask", "Jorr", "Marro", "Nettle", "Ossel",
                 "Prim", "Rook", "Sallow", "Tarn", "Umber", "Vask", "Whin", "Brisk", "Cradd", "Dovel", "Flint")
SURNAME_TAILS = ("ander", "well", "mere", "wick", "holt", "stow", "by", "ridge", "ington", "sett", "ock",
                 "away", "combe", "ery", "enshaw", "hallow", "opp", "ward", "ith", "esby")
STREET_HEADS = ("Larch", "Wren", "Cobble", "Amber", "Heron", "Marl", "Fallow", "Quarry", "Bramble", "Tansy",
                "Sorrel", "Kestrel", "Juniper", "Pebble", "Linnet", "Osier", "Teasel", "Moss", "Rowan", "Sable")
STREET_TAILS = ("mere", "field", "gate", "wood", "brook", "side", "hill", "croft", "lea", "ford")
STREET_TYPES = ("Road", "Street", "Close", "Avenue", "Lane", "Court", "Way", "Crescent", "Gardens", "Drive")
ESTATES = ("Tollbridge Estate", "Wrenfold Park", "Marlow Vale", "Quillgate", "Ambermoor", "Heronsleigh")
TOWNS = {"North": ("Northfield", "Brackenholt", "Farrowby"), "South": ("Southcombe", "Tansyford", "Pellmouth"),
         "East": ("Easthaven", "Osierwick", "Skarnby"), "West": ("Westmoor", "Vellbridge", "Thrimley"),
         "Central": ("Midvale", "Cobblestow", "Larkhollow")}
COUNTIES = ("Ambershire", "Tollshire", "Wendmoorshire")
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"   # letters used in the last two places of UK postcodes
UNITS = tuple(a + b for a in UNIT_LETTERS for b in UNIT_LETTERS)
MOBILES = tuple(f"07700 900{i:03d}" for i in range(1000))    # Ofcom drama numbers only
LANDLINES = tuple(f"01632 960{i:03d}" for i in range(1000))
