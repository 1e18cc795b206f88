#!/usr/bin/env python3
"""Generates Cercle's demo network: the sales team of the fictional "Nordlicht Systems".

Everything under Examples/demo/ (next to this script) is rewritten: per-member exports in
real formats with the quirks real exports have (LinkedIn, vCard 2.1/3.0/4.0, mbox,
iCalendar, Google Contacts, Salesforce and HubSpot reports), the same data as ground
truth in Cercle's JSON lines (team.jsonl), a plain nodes/edges projection and README.md
with the true counts.

Deterministic by construction: one random.Random(SEED) consumed in a fixed order, no
clock, and no iteration over sets of objects (their order would follow memory addresses).
Standard library only: `python3 Examples/generate_demo.py`.
"""
import base64
import csv
import io
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

UTC = timezone.utc
SEED = 20261125
OUT = Path(__file__).resolve().parent / "demo"
AS_OF = "2026-10-31"
START = datetime(2023, 1, 2, tzinfo=UTC)
END = datetime(2026, 11, 1, tzinfo=UTC)             # exclusive: the as-of day is included
DORMANT_BEFORE = datetime(2026, 1, 31, tzinfo=UTC)  # nine months before the as-of date
VENDOR, VENDOR_DOMAIN = "Nordlicht Systems", "nordlicht.example"
rng = random.Random(SEED)

# ------------------------------------------------------------------ material
NAMES = {  # culture: (first names, last names); "|" because some last names have spaces
    "de": ("Lena|Jan|Katrin|Matthias|Stefan|Julia|Tobias|Sabine|Felix|Miriam|Florian|Jana|Lukas|Carina|"
           "Moritz|Sandra|Nils|Heike|Ralf|Birgit|Jörg|Uwe|Jürgen|Bärbel|Till|Annika|Sören|Ute",
           "Müller|Schmidt|Schneider|Fischer|Meyer|Wagner|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|"
           "Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|"
           "Lehmann|Köhler|Maier|Vogel|Jäger|Günther|Groß|Weiß|Brandt|Haas|Kühn|Vogt|Friedrich"),
    "fr": ("Camille|Léa|Chloé|Manon|Hugo|Théo|Louis|Étienne|Mathilde|Amélie|Julien|Céline|François|Gaëlle|"
           "Noël|Hélène|Jérôme|Aurélie|Zoë",
           "Dubois|Lefèvre|Moreau|Laurent|Girard|Bonnet|Dupont|Lambert|Fontaine|Rousseau|Chevalier|Mercier|"
           "Blanc|Guérin|Faure|Gauthier|Perrin|Benoît"),
    "es": ("José|María|Lucía|Javier|Carmen|Álvaro|Pablo|Inés|Raúl|Marta|Sergio|Nuria|Andrés|Begoña|Íñigo|"
           "Rocío|Diego|Elena",
           "Núñez|García|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Díaz|Ruiz|Hernández|Jiménez|Moreno|"
           "Muñoz|Álvarez|Romero|Castillo|Ortega|Rubio|Serrano|Domínguez"),
    "pl": ("Łukasz|Agnieszka|Krzysztof|Małgorzata|Piotr|Katarzyna|Paweł|Zofia|Tomasz|Joanna|Michał|Ewa|"
           "Grzegorz|Magdalena",
           "Nowak|Wróbel|Kaczmarek|Mazur|Krawczyk|Zając|Król|Wieczorek|Pawlak|Michalak|Sikora|Baran|"
           "Szczepaniak|Dudek|Walczak|Kołodziej|Wójcik|Kubiak|Błaszczyk"),
    "it": ("Giulia|Marco|Francesca|Luca|Chiara|Alessandro|Federica|Matteo|Elena|Niccolò|Beatrice|Davide",
           "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|"
           "De Luca|Mancini|Lombardi|Moretti|Fontana"),
    "nordic": ("Astrid|Erik|Ingrid|Lars|Sigrid|Magnus|Freja|Anders|Maja|Oskar|Linnea|Björn|Åsa|Kari|Jukka|Aino|"
               "Mikael|Sanna",
               "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsen|Hansen|Berg|Lindström|Åberg|Sjöberg|"
               "Holm|Dahl|Virtanen|Korhonen|Mäkinen|Nieminen|Bergqvist"),
    "nl": ("Daan|Sanne|Bram|Fleur|Sem|Lotte|Thijs|Anouk|Ruben|Femke|Joost|Eline",
           "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|Bos|Vos|"
           "Peters|Hendriks|van Leeuwen"),
    "en": ("James|Emily|Oliver|Charlotte|Harry|Sophie|George|Amelia|Jack|Olivia|Grace|Liam|Siobhán|Niamh|Declan|Hannah",
           "Smith|Jones|Taylor|Brown|Williams|Wilson|Evans|Roberts|Walker|Wright|Hughes|Edwards|Green|Hall|"
           "O'Brien|Murphy|Kelly|O'Connor"),
    "tr": ("Mehmet|Ayşe|Emre|Elif|Burak|Zeynep|Can|Selin|Murat|Deniz|Gökhan|Yasemin|Çağla",
           "Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Aydın|Öztürk|Arslan|Doğan|Koç|Kurt|Özdemir"),
    "cn": ("Wei|Li|Jing|Hao|Xin|Yan|Mei|Jun|Lei|Ying", "Wang|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Lin"),
    "jp": ("Yuki|Haruto|Sakura|Kenji|Aiko|Takeshi|Yuna|Hiroshi|Emi|Ren",
           "Tanaka|Watanabe|Suzuki|Takahashi|Ito|Yamamoto|Nakamura|Kobayashi|Sato|Kato"),
    "kr": ("Min-jun|Seo-yeon|Ji-ho|Ha-eun|Joon|Soo-ah", "Kim|Lee|Park|Choi|Jung|Kang"),
    "in": ("Priya|Arjun|Ananya|Rohan|Kavya|Vikram|Aditi|Sanjay|Deepa|Rahul",
           "Sharma|Patel|Iyer|Reddy|Nair|Gupta|Singh|Menon|Rao|Kapoor"),
    "ng": ("Chinedu|Ngozi|Oluwaseun|Funmilayo|Kwame|Abena|Emeka|Adaeze|Tunde|Ifeoma",
           "Adeyemi|Mensah|Okonkwo|Balogun|Eze|Nwosu|Asante|Boateng|Adebayo|Okoro"),
    "ar": ("Omar|Layla|Karim|Nour|Youssef|Rania|Samir|Hana|Tarek|Dalia",
           "Haddad|Khalil|Mansour|Nassar|Saleh|Aziz|Farah|Khoury|Hamdan|Sabbagh"),
}
NAMES = {k: (a.split("|"), b.split("|")) for k, (a, b) in NAMES.items()}
MIXED = ["de"] * 4 + ["fr", "es", "pl", "it", "nordic", "nl", "en", "en", "tr", "tr", "cn", "jp", "kr", "in", "ng", "ar"]

# city: country, zone, calling code, area, trunk prefix, subscriber digits, mobile prefixes, mobile digits, culture
CITIES = {
    "Berlin": ("Germany", "CET", "49", "30", "0", 7, ["151", "160", "176"], 8, "de"),
    "Hamburg": ("Germany", "CET", "49", "40", "0", 7, ["151", "170", "172"], 8, "de"),
    "Munich": ("Germany", "CET", "49", "89", "0", 7, ["152", "171", "176"], 8, "de"),
    "Frankfurt am Main": ("Germany", "CET", "49", "69", "0", 7, ["151", "160"], 8, "de"),
    "Düsseldorf": ("Germany", "CET", "49", "211", "0", 6, ["157", "172"], 8, "de"),
    "Vienna": ("Austria", "CET", "43", "1", "0", 8, ["664", "676"], 7, "de"),
    "Zurich": ("Switzerland", "CET", "41", "44", "0", 7, ["79", "78"], 7, "de"),
    "Amsterdam": ("Netherlands", "CET", "31", "20", "0", 7, ["6"], 8, "nl"),
    "Paris": ("France", "CET", "33", "1", "0", 8, ["6", "7"], 8, "fr"),
    "Lyon": ("France", "CET", "33", "4", "0", 8, ["6"], 8, "fr"),
    "Madrid": ("Spain", "CET", "34", "91", "", 7, ["612", "634", "655"], 6, "es"),
    "Barcelona": ("Spain", "CET", "34", "93", "", 7, ["612", "679"], 6, "es"),
    "Warsaw": ("Poland", "CET", "48", "22", "", 7, ["501", "602", "695"], 6, "pl"),
    "Kraków": ("Poland", "CET", "48", "12", "", 7, ["513", "604"], 6, "pl"),
    "Milan": ("Italy", "CET", "39", "02", "", 8, ["347", "335"], 7, "it"),  # Italy keeps its 0 abroad
    "Stockholm": ("Sweden", "CET", "46", "8", "0", 8, ["70", "73"], 7, "nordic"),
    "Helsinki": ("Finland", "EET", "358", "9", "0", 8, ["40", "50"], 7, "nordic"),
    "Prague": ("Czechia", "CET", "420", "2", "", 8, ["603", "777"], 6, "de"),
    "London": ("United Kingdom", "WET", "44", "20", "0", 8, ["7700"], 6, "en"),
    "New York": ("United States", "US", "1", "212", "", 7, ["646"], 7, "en"),
}
ORG_CITIES = ["Berlin"] * 5 + ["Hamburg"] * 4 + ["Munich"] * 4 + ["Frankfurt am Main"] * 3 + ["Düsseldorf"] * 2 + [
    "Vienna", "Vienna", "Zurich", "Zurich", "Amsterdam", "Amsterdam", "Paris", "Lyon", "Madrid", "Barcelona",
    "Warsaw", "Kraków", "Milan", "Stockholm", "Helsinki", "Prague", "London", "London"]
LEGAL = {"Germany": ["GmbH", "AG"], "Austria": ["GmbH"], "Switzerland": ["AG"], "Netherlands": ["B.V."],
         "France": ["SAS", "S.A."], "Spain": ["S.L.", "S.A."], "Poland": ["sp. z o.o."], "Italy": ["S.p.A."],
         "Sweden": ["AB"], "Finland": ["Oy"], "Czechia": ["s.r.o."], "United Kingdom": ["Ltd"], "United States": ["Inc."]}
STREETS = {"de": ["Hafenstraße", "Lindenallee", "Industriestraße", "Schillerstraße", "Am Markt"],
           "fr": ["Rue de la Gare", "Avenue Victor Hugo"], "es": ["Calle Mayor", "Avenida Diagonal"],
           "nl": ["Keizersgracht", "Stationsplein"], "pl": ["ulica Prosta", "Aleje Jerozolimskie"],
           "it": ["Via Roma", "Corso Como"], "nordic": ["Storgatan", "Mannerheimintie"], "en": ["King Street", "Harbour Road"]}
STEMS = ("Alder Alpen Amber Anchor Apex Arcadia Argent Aster Atlas Aurora Baltic Basalt Beacon Birch Boreal Cairn "
         "Castell Cedar Cobalt Comet Copper Corvid Crest Danube Delta Drift Elbe Ember Emerald Falk Fjord Flint Garnet "
         "Glacier Granit Hansa Harbor Helios Heron Indigo Iris Isar Jade Juniper Jura Kestrel Kite Lagoon Lark Lumen "
         "Lynx Magnolia Maple Marlin Mistral Neckar Nimbus Nordwind Nova Onyx Orbit Orion Osprey Pebble Polaris Quarz "
         "Quill Raven Ridge Saale Sable Saffron Silva Solstice Sparrow Spruce Summit Tauern Tern Thistle Tiber Topaz "
         "Tundra Vega Vireo Vista Weser Willow Wren Yarrow Zenit Zephyr").split()
TOWNS = ("Lindenau Birkenfelde Osterholm Nordhafen Westerkamp Altmühlen Seeberg Hollerbach Eichstedt Brunnhausen "
         "Grünwalde Mittelried Sandhorst Fichtenau Ebersmoor Kirchwerder Rabenau Talheim Auenstein Moorbach Steinhude "
         "Wendelin Lerchenfeld Hagenow Ostermoor Birkach Quellental Falkenried Sonnwalde Tannhausen").split()
SECTORS = {  # sector: name templates ({s} a stem, {t} a town), CRM industry labels (Salesforce, HubSpot)
    "Retail": (["{s} Retail", "{s} Markt", "{s} Fashion", "{s} Home & Living", "{s} Foods"], "Retail", "Retail"),
    "Banking": (["{s} Bank", "Sparkasse {t}", "{s} Privatbank", "{s} Capital"], "Banking", "Banking"),
    "Insurance": (["{s} Versicherung", "{s} Assurance", "{s} Insurance", "{s} Mutual"], "Insurance", "Insurance"),
    "Manufacturing": (["{s} Werke", "{s} Maschinenbau", "{s} Industries", "{s} Components"], "Manufacturing", "Machinery"),
    "Logistics": (["{s} Logistics", "{s} Spedition", "{s} Freight", "{s} Cargo"], "Transportation", "Logistics and Supply Chain"),
    "Healthcare": (["Klinikum {t}", "{s} Health", "{s} Medical", "{s} Pharma"], "Healthcare", "Hospital & Health Care"),
    "Energy": (["Stadtwerke {t}", "{s} Energie", "{s} Power", "{s} Solar"], "Energy", "Utilities"),
    "Public sector": (["Stadt {t}", "Kreisverwaltung {t}", "{t} Port Authority"], "Government", "Government Administration"),
    "Telecom": (["{s} Telecom", "{s} Mobile", "{s} Net", "{s} Fiber"], "Telecommunications", "Telecommunications"),
    "Software": (["{s} Software", "{s} Labs", "{s} Digital", "{s} Cloud"], "Technology", "Computer Software"),
    "Consulting": (["{s} Advisory", "{s} Consulting"], "Consulting", "Management Consulting"),
}
FIXED_ORGS = [  # name, sector, city, domain: the orgs the story needs by name
    ("Acme Retail", "Retail", "Berlin", "acme-retail.example"),
    ("Brightwater Foods, Inc.", "Retail", "New York", "brightwater-foods.example"),
    ("Müller & Söhne Maschinenbau GmbH", "Manufacturing", "Munich", "mueller-soehne.example"),
    ("Banco Castell S.A.", "Banking", "Madrid", "bancocastell.example"),
    ("Wisła Logistics sp. z o.o.", "Logistics", "Warsaw", "wisla-logistics.test"),
    ("Kessler, Voss & Partner", "Consulting", "Hamburg", "kvp.example"),
    ("Pinnacle Events", "Consulting", "Berlin", "pinnacle-events.example"),
    ("Meridian Advisory", "Consulting", "Madrid", "meridian-advisory.example"),
    ("Brightline Consulting", "Consulting", "London", "brightline.example"),
]
SENIOR = ["CEO", "Managing Director", "CIO", "CTO", "CFO", "Chief Digital Officer", "VP Sales, EMEA",
          "VP Operations", "Head of IT", "Head of Procurement", "Director of Operations", "Head of Data & Analytics"]
TITLES = ["IT Manager", "Procurement Manager", "Project Manager", "Product Owner", "Data Analyst", "Enterprise Architect",
          "Business Analyst", "Team Lead Infrastructure", "Purchasing Specialist", "Solution Architect", "Controller",
          "Operations Manager", "Digital Transformation Lead", "Security Officer, IT"]
SECTOR_TITLES = {"Retail": ["Head of E-Commerce", "Category Manager"], "Banking": ["Head of Payments", "Risk Manager"],
                 "Insurance": ["Head of Claims", "Actuary"], "Manufacturing": ["Plant Manager", "Head of Production IT"],
                 "Logistics": ["Fleet Manager", "Head of Warehouse Operations"], "Healthcare": ["Head of Clinical IT", "CMIO"],
                 "Energy": ["Head of Grid Operations", "Energy Trading Analyst"],
                 "Public sector": ["Referatsleitung Digitalisierung", "Head of Digital Services"],
                 "Telecom": ["Network Planning Manager", "Head of Customer Experience"], "Software": ["VP Engineering", "Partner Manager"],
                 "Consulting": ["Senior Consultant", "Managing Consultant"]}
DEPTS = ["Purchasing", "IT", "Operations", "Finance", "Digital", "Einkauf"]
PRIVATE_DOMAINS = ["mail.example", "webpost.example", "inbox.test"]
# key, first, last, title, city, files
MEMBERS = [("anna", "Anna", "Becker", "Sales Manager", "Berlin", "linkedin mbox ics google"),
           ("jonas", "Jonas", "Weber", "Senior Account Executive", "Hamburg", "linkedin vcard mbox ics"),
           ("sofia", "Sofía", "Ramírez", "Account Executive", "Madrid", "linkedin vcard21 mbox"),
           ("thomas", "Thomas", "Krüger", "Key Account Manager", "Munich", "linkedin-old vcard ics"),
           ("amara", "Amara", "Okafor", "Account Executive", "Berlin", "linkedin mbox"),
           ("henrik", "Henrik", "Lindqvist", "Account Executive Nordics", "Stockholm", "linkedin")]
HUBSPOT_SECTORS = {"Healthcare", "Public sector", "Telecom", "Software"}  # the acquired team's CRM
SECTOR_OWNER = {"Retail": "jonas", "Logistics": "jonas", "Banking": "sofia", "Insurance": "sofia",
                "Manufacturing": "thomas", "Energy": "thomas", "Healthcare": "amara", "Public sector": "amara",
                "Telecom": "henrik", "Software": "henrik", "Consulting": "anna"}
NEIGHBOUR = {"jonas": "thomas", "thomas": "jonas", "sofia": "henrik", "henrik": "sofia", "amara": "sofia", "anna": "jonas"}
# club: host member, sectors, broker names (first, last, title, org)
CLUBS = {"Retail Innovators Club": ("jonas", ["Retail", "Logistics"]),
         "FinTech Leaders Circle": ("sofia", ["Banking", "Insurance"]),
         "Smart Factory Forum": ("thomas", ["Manufacturing", "Energy", "Logistics"]),
         "Digital Health Network": ("amara", ["Healthcare", "Public sector"]),
         "Nordic Telco Meetup": ("anna", ["Telecom", "Software"])}
BROKERS = [("Ingrid", "Halvorsen", "Partner", "Kessler, Voss & Partner", ["Retail Innovators Club", "Smart Factory Forum"]),
           ("Yuki", "Tanaka", "Community Lead", "Pinnacle Events",
            ["Retail Innovators Club", "Nordic Telco Meetup", "Digital Health Network"]),
           ("Rafael", "Costa", "Managing Partner", "Meridian Advisory", ["FinTech Leaders Circle", "Digital Health Network"]),
           ("Wei", "Chen", "Senior Consultant", "Kessler, Voss & Partner", ["Smart Factory Forum", "Nordic Telco Meetup"]),
           ("Oluwaseun", "Adeyemi", "Director", "Brightline Consulting", ["FinTech Leaders Circle", "Smart Factory Forum"])]
SPECIAL = [("Zoë", "Müller", "Head of Procurement", "Acme Retail", "de"),
           ("José", "Núñez", "Head of Payments", "Banco Castell S.A.", "es"),
           ("Łukasz", "Wróbel", "Head of Warehouse Operations", "Wisła Logistics sp. z o.o.", "pl")]
SUBJECTS = ["Proposal for {org}", "Follow-up on our call", "Pilot scope and timeline", "Renewal {year}", "Invoice question",
            "Workshop next week", "Quick question", "Meeting notes", "Pricing for additional licences", "Reference call",
            "Security questionnaire", "Q{q} business review", "Contract draft v{v}", "Data migration plan"]
OPENERS = ["thanks for your time today.", "please find the notes below.", "could we move our call to Thursday?",
           "the updated proposal is attached.", "happy to set up a short demo.", "following up on the open points.",
           "the contract draft is ready for review.", "can you share the current volumes?"]
REPLIES = ["Thanks, that works for us.", "Looks good, see you then.", "Noted, I will forward it to the team.",
           "From our side this is fine.", "From next week on I am back in the office.", "Sounds good, let's do that.",
           "I will check internally and come back to you."]
DAYS, MONTHS = "Mon Tue Wed Thu Fri Sat Sun".split(), "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------ helpers
def ascii_fold(text, german=False):
    if german:
        text = text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}))
    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "ı": "i", "ß": "ss"}))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def slug(text, german=False):
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text, german).lower()).strip("-")


def fold_key(text):
    """Case, accents and punctuation folded, like Cercle's name+organisation identity key."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def utc_offset(zone, t):
    """Whole-hour UTC offset; EU and US daylight-saving rules written out so no tz database is needed."""
    y = t.year
    if zone == "US":
        mar, nov = date(y, 3, 1), date(y, 11, 1)
        start = datetime.combine(mar + timedelta(days=(6 - mar.weekday()) % 7 + 7), time(7), UTC)
        end = datetime.combine(nov + timedelta(days=(6 - nov.weekday()) % 7), time(6), UTC)
    else:
        mar, octo = date(y, 3, 31), date(y, 10, 31)
        start = datetime.combine(mar - timedelta(days=(mar.weekday() + 1) % 7), time(1), UTC)
        end = datetime.combine(octo - timedelta(days=(octo.weekday() + 1) % 7), time(1), UTC)
    return {"CET": 1, "WET": 0, "EET": 2, "US": -5}[zone] + (1 if start <= t < end else 0)


def to_utc(local, zone):
    guess = local.replace(tzinfo=UTC) - timedelta(hours=utc_offset(zone, local.replace(tzinfo=UTC)))
    return local.replace(tzinfo=UTC) - timedelta(hours=utc_offset(zone, guess))


def between(a, b, skew=1.0):
    return a + (b - a) * (rng.random() ** skew)


def work_time(t, zone, quarter=False):
    """Moves an instant to a working hour of a weekday in the sender's zone."""
    d = (t + timedelta(hours=utc_offset(zone, t))).date()
    if d.weekday() >= 5 and rng.random() < 0.92:
        d += timedelta(days=7 - d.weekday())
    clock = time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)) if quarter else rng.randint(0, 59), 0 if quarter else rng.randint(0, 59))
    return to_utc(datetime.combine(d, clock), zone)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def fold(line, limit=75):
    """RFC 6350/5545 folding: at most 75 octets a line, never inside a UTF-8 sequence."""
    parts, cur, size = [], "", 0
    for ch in line:
        n = len(ch.encode())
        if size + n > (limit if not parts else limit - 1):
            parts.append(cur)
            cur, size = "", 0
        cur += ch
        size += n
    return "\r\n ".join(parts + [cur])


def esc(text):
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def phone_text(ph, style="intl"):
    cc, area, sub, trunk = ph
    if cc == "1":
        return {"local": f"({area}) {sub[:3]}-{sub[3:]}", "compact": f"+1{area}{sub}",
                "uri": f"tel:+1-{area}-{sub[:3]}-{sub[3:]}"}.get(style, f"+1 {area} {sub[:3]} {sub[3:]}")
    return {"local": f"{trunk}{area} {sub}", "compact": f"+{cc}{area}{sub}", "uri": f"tel:+{cc}-{area}-{sub}",
            "paren0": f"+{cc} ({trunk}){area} {sub}" if trunk else f"+{cc} {area} {sub}"}.get(style, f"+{cc} {area} {sub}")


# ------------------------------------------------------------------ the world
@dataclass(eq=False)
class Org:
    name: str
    sector: str
    city: str
    domain: str
    pattern: str
    street: str
    owners: list = field(default_factory=list)
    status: str = "Clients"
    people: list = field(default_factory=list)


@dataclass(eq=False)
class Person:
    idx: int
    first: str
    last: str
    org: Org
    title: str
    city: str
    email: str = ""
    email2: str = ""
    phones: list = field(default_factory=list)   # mobile first
    url: str = ""
    member: str = ""
    dept: str = ""
    dormant: bool = False
    broker: bool = False
    bare: bool = False          # appears in mail headers without a display name
    comma: bool = False         # Outlook-style "Last, First" display name
    latin1: bool = False        # an older mail client: encodes display names as ISO-8859-1 B where it can
    clubs: list = field(default_factory=list)

    @property
    def name(self):
        return f"{self.first} {self.last}"

    @property
    def zone(self):
        return CITIES[self.city][1]


used_names, used_emails, used_phones, used_slugs = set(), set(), set(), set()
persons, orgs = [], []


def new_phone(city, mobile):
    country, zone, cc, area, trunk, sublen, mobiles, moblen, _ = CITIES[city]
    while True:
        if cc == "1":
            a, s = (rng.choice(mobiles) if mobile else area), "555" + "".join(rng.choice("0123456789") for _ in range(4))
        elif mobile:
            a = rng.choice(mobiles)
            lead = "900" if a == "7700" else str(rng.randint(1, 9))  # UK: Ofcom's range for drama
            s = lead + "".join(rng.choice("0123456789") for _ in range(moblen - len(lead)))
        else:
            a, s = area, str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(sublen - 1))
        key = (cc + a + s)[-9:]  # Cercle matches phones on their last nine digits
        if key not in used_phones:
            used_phones.add(key)
            return (cc, a, s, trunk)


def new_person(org, first=None, last=None, title=None, city=None, culture=None):
    city = city or (org.city if rng.random() < 0.9 else rng.choice(ORG_CITIES))
    culture = culture or (CITIES[city][8] if rng.random() < 0.55 else rng.choice(MIXED))
    while first is None or fold_key(f"{first} {last}") in used_names:
        first, last = rng.choice(NAMES[culture][0]), rng.choice(NAMES[culture][1])
    used_names.add(fold_key(f"{first} {last}"))
    r = rng.random()
    title = title or rng.choice(SENIOR if r < 0.2 else SECTOR_TITLES.get(org.sector, TITLES) if r < 0.5 else TITLES)
    p = Person(len(persons), first, last, org, title, city)
    german = culture == "de"  # German addresses transliterate umlauts: Müller -> mueller
    f, l = (re.sub(r"[^a-z0-9]", "", ascii_fold(x, german).lower()) for x in (first, last))
    local = org.pattern.format(f=f, l=l, i=f[0])
    while f"{local}@{org.domain}" in used_emails:
        local += str(rng.randint(1, 9))
    p.email = f"{local}@{org.domain}"
    used_emails.add(p.email)
    if rng.random() < 0.2:
        p.email2 = f"{f}.{l}{rng.randint(1, 99)}@{rng.choice(PRIVATE_DOMAINS)}"
    if rng.random() < 0.85:
        p.phones.append(new_phone(city, True))
    if rng.random() < 0.45 or not p.phones:
        p.phones.append(new_phone(city, False))
    base = slug(p.name)
    while True:  # LinkedIn slugs: name + hex, some vanity, some percent-encoded accents
        r = rng.random()
        handle = (base.replace("-", "") if r < 0.15 else
                  "-".join("".join(c if c.isascii() else "".join(f"%{b:02X}" for b in c.encode()) for c in w)
                           for w in p.name.lower().split()) + "-" + hexid(8) if r < 0.22 and not p.name.isascii() else
                  f"{base}-{hexid(8)}")
        if handle not in used_slugs:
            used_slugs.add(handle)
            break
    p.url = f"https://www.linkedin.com/in/{handle}"
    p.dept = rng.choice(DEPTS)
    p.bare, p.comma = rng.random() < 0.06, rng.random() < 0.05
    p.latin1 = rng.random() < 0.15
    persons.append(p)
    org.people.append(p)
    return p


def build_world():
    vendor = Org(VENDOR, "Software", "Berlin", VENDOR_DOMAIN, "{f}.{l}", "Friedrichstraße 112")
    members = {}
    for key, first, last, title, city, _ in MEMBERS:
        members[key] = new_person(vendor, first, last, title, city, "de")
        members[key].member = key
        members[key].bare = members[key].comma = members[key].latin1 = False
        members[key].dept = "Sales"
    stems, towns = rng.sample(STEMS, len(STEMS)), rng.sample(TOWNS, len(TOWNS))
    specs = list(FIXED_ORGS)
    for sector, (templates, _, _) in SECTORS.items():
        count = (11 if sector != "Consulting" else 6) - sum(1 for o in FIXED_ORGS if o[1] == sector)
        for i in range(count):
            tpl, city = templates[i % len(templates)], rng.choice(ORG_CITIES)
            if "{t}" in tpl:  # municipal bodies, hospitals and utilities are German-speaking
                city = rng.choice(["Berlin", "Hamburg", "Munich", "Düsseldorf", "Vienna", "Zurich"])
            name = tpl.format(s=stems.pop() if "{s}" in tpl else "", t=towns.pop() if "{t}" in tpl else "")
            tld = ".test" if rng.random() < 0.15 else ".example"
            domain = slug(name, True) + tld
            if "{s}" in tpl and rng.random() < 0.4:
                name += " " + rng.choice(LEGAL[CITIES[city][0]])
            specs.append((name, sector, city, domain))
    for name, sector, city, domain in specs:
        o = Org(name, sector, city, domain, rng.choice(["{f}.{l}", "{f}.{l}", "{i}.{l}", "{f}{l}", "{i}{l}", "{f}_{l}"]),
                f"{rng.choice(STREETS.get(CITIES[city][8], STREETS['en']))} {rng.randint(1, 180)}")
        owner = SECTOR_OWNER[sector]
        o.owners = [owner]
        for extra in ("anna", NEIGHBOUR[owner]):
            if extra not in o.owners and rng.random() < (0.3 if extra == "anna" else 0.35):
                o.owners.append(extra)
        o.status = rng.choice(["Clients", "Clients", "Prospects", "Prospects", "Partners"]) if sector != "Consulting" else "Partners"
        orgs.append(o)
    by_name = {o.name: o for o in orgs}
    showcase = [new_person(by_name[org], first, last, title, by_name[org].city, culture)
                for first, last, title, org, culture in SPECIAL]
    for first, last, title, org, clubs in BROKERS:
        b = new_person(by_name[org], first, last, title, by_name[org].city)
        b.broker, b.clubs = True, list(clubs)
    weights = [rng.paretovariate(1.7) for _ in orgs]
    for o, w in zip(orgs, weights):
        for _ in range(max(3, min(70, round(w / sum(weights) * 1850))) - len(o.people)):
            new_person(o)
    for p in persons:
        p.dormant = not (p.member or p.broker or p in showcase) and rng.random() < 0.06
    return members


def assign_knowledge(members):
    """Who knows whom, and how strongly: tiers drive e-mails, meetings and address books."""
    knows = {m: {} for m in members}
    contacts = [p for p in persons if not p.member]
    for o in orgs:
        for p in o.people:
            for rank, m in enumerate(o.owners):
                if rng.random() < (0.85, 0.5, 0.4)[rank]:
                    knows[m][p] = "none"
            if not any(p in knows[m] for m in o.owners):
                knows[o.owners[0]][p] = "none"
    for p in contacts:  # everyone's wider network, and the manager's senior contacts
        for m in members:
            if p not in knows[m] and (rng.random() < 0.012 or m == "anna" and p.title in SENIOR and rng.random() < 0.25):
                knows[m][p] = "none"
    for m, known in knows.items():
        owned = [p for p in known if m in p.org.owners and not p.dormant and not p.broker]
        owned.sort(key=lambda p: (p.title not in SENIOR, rng.random()))
        for p in owned[:14 if m == "anna" else 18]:
            known[p] = "core"
        for p, tier in known.items():
            if tier == "none":
                r = rng.random()
                if p.dormant:
                    known[p] = "dormant" if r < 0.75 else "none"
                else:
                    known[p] = "active" if r < 0.12 else "occasional" if r < 0.28 else "none"
    for first, last, *_ in SPECIAL:  # the names the docs use as examples are key contacts of their account owner
        p = next(q for q in contacts if q.name == f"{first} {last}")
        knows[p.org.owners[0]][p] = "core"
    for p in contacts:
        if p.broker:
            for m in rng.sample(list(members), 4):
                knows[m][p] = rng.choice(["core", "active"])
    clubs = {}
    for club, (host, sectors) in CLUBS.items():
        pool = [p for p in contacts if p.org.sector in sectors and not p.dormant and not p.broker]
        pool.sort(key=lambda p: (p.title not in SENIOR, rng.random()))
        chosen, per_org = [], {}
        for p in pool:
            if len(chosen) < 26 and per_org.get(p.org.name, 0) < 3:
                chosen.append(p)
                per_org[p.org.name] = per_org.get(p.org.name, 0) + 1
        clubs[club] = [b for b in contacts if club in b.clubs] + chosen
        for p in clubs[club]:
            if club not in p.clubs:
                p.clubs.append(club)
            if knows[host].get(p, "none") == "none":
                knows[host][p] = "occasional"
    return knows, clubs


# ------------------------------------------------------------------ interactions
@dataclass(eq=False)
class Message:
    id: str
    date: datetime
    sender: Person
    to: list
    cc: list
    subject: str
    reply_to: str = ""
    body: list = field(default_factory=list)
    group: str = ""


@dataclass(eq=False)
class Event:
    uid: str
    start: datetime            # UTC, or naive Europe/Berlin wall time when tzid
    minutes: int
    summary: str
    organizer: Person
    attendees: list            # (person, role, partstat)
    tzid: bool = False
    location: str = ""
    description: str = ""
    rrule: str = ""
    chair: bool = False        # organizer repeated as ATTENDEE;ROLE=CHAIR

    def occurrences(self):
        """Start instants (UTC) up to the as-of date; only FREQ=WEEKLY/MONTHLY with COUNT or UNTIL occur here."""
        rule = dict(kv.split("=") for kv in self.rrule.split(";")) if self.rrule else {"COUNT": "1", "FREQ": "WEEKLY"}
        count, step = int(rule.get("COUNT", 999)), int(rule.get("INTERVAL", 1))
        until = datetime.strptime(rule["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) if "UNTIL" in rule else END
        out, local = [], self.start
        for i in range(count):
            if rule["FREQ"] == "WEEKLY":
                local = self.start + timedelta(weeks=i * step)
            else:
                months = self.start.month - 1 + i * step
                local = self.start.replace(year=self.start.year + months // 12, month=months % 12 + 1)
            t = to_utc(local, "CET") if self.tzid else local
            if t > until:
                break
            out.append(t)
        return [t for t in out if t < END]


def subject_for(o):
    return rng.choice(SUBJECTS).format(org=o.name, year=rng.choice((2024, 2025, 2026, 2027)), q=rng.randint(1, 4), v=rng.randint(2, 5))


def body_for(sender, to, reply):
    return [f"Hi {to.first}," if to else "Hello all,", rng.choice(REPLIES) if reply else rng.choice(OPENERS).capitalize(), sender.first]


def make_thread(messages, members, knows, m, p, start, size):
    me = members[m]
    colleagues = [q for q in knows[m] if q.org is p.org and q is not p]
    cc = rng.sample(colleagues, min(len(colleagues), rng.choice((1, 1, 2)))) if colleagues and rng.random() < 0.25 else []
    co = [members[k] for k in p.org.owners if k != m]
    if co and rng.random() < 0.15:
        cc.append(co[0])
    if m != "anna" and rng.random() < 0.05:
        cc.append(members["anna"])
    sender, recipient = (me, p) if rng.random() < 0.55 else (p, me)
    subject, prev, t = subject_for(p.org), "", start
    for i in range(size):
        if t >= END:
            break
        live = [c for c in cc if not (c.dormant and t >= DORMANT_BEFORE)]
        prefix = "" if i == 0 else ("AW: " if CITIES[sender.city][8] == "de" and not sender.member else "Re: ")
        domain = sender.email.split("@")[1]
        mid = f"{t:%Y%m%d%H%M%S}.{hexid(6)}@{domain}"
        messages.append(Message(mid, t, sender, [recipient], live, prefix + subject, prev, body_for(sender, recipient, i > 0)))
        sender, recipient = recipient, sender
        nxt = work_time(t + timedelta(hours=rng.uniform(1, 70)), sender.zone)  # the answer comes in office hours
        prev, t = mid, nxt if nxt > t else t + timedelta(minutes=rng.randint(20, 180))
        cc = [c for c in cc if rng.random() < 0.8]


def make_emails(members, knows, clubs):
    messages = []
    per_tier = {"core": (9, 18), "active": (2, 5), "dormant": (5, 10), "occasional": (1, 2), "none": (0, 0)}
    for m in [k for k, *_, files in MEMBERS if "mbox" in files]:
        for p, tier in knows[m].items():
            n, first = rng.randint(*per_tier[tier]), True
            while n > 0:
                size = min(n, rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
                if tier == "dormant":
                    when = between(START, datetime(2025, 11, 30, tzinfo=UTC))
                elif tier == "active" and first:  # an active tie has at least one recent thread
                    when = between(DORMANT_BEFORE, END - timedelta(days=8))
                elif tier == "core":
                    when = between(START, END - timedelta(days=4), 0.8)
                else:
                    when = between(START, END - timedelta(days=6))
                make_thread(messages, members, knows, m, p, work_time(when, "CET"), size)
                n, first = n - size, False
    # club mailings: long recipient lists that tie the members of a club together
    anna, sofia, amara, jonas = (members[k] for k in ("anna", "sofia", "amara", "jonas"))
    by_name = {p.name: p for p in persons}
    rafael, yuki = by_name["Rafael Costa"], by_name["Yuki Tanaka"]
    fintech = [p for p in clubs["FinTech Leaders Circle"] if p is not rafael]
    for y, mo, d in ((2024, 3, 5), (2025, 2, 11), (2026, 3, 10)):
        when, dinner = datetime(y, mo, d, 9, 12, tzinfo=UTC), date(y, mo, d + 14)
        invited = rng.sample(fintech, 14) + [sofia]
        mid = f"{when:%Y%m%d%H%M%S}.{hexid(6)}@meridian-advisory.example"
        subject = f"FinTech Leaders Circle - dinner on {dinner.day} {MONTHS[dinner.month - 1]}"
        messages.append(Message(mid, when, rafael, invited, [], subject,
                                body=["Dear members of the circle,", "From 7 pm we meet for dinner, the invitation is below.", "Rafael"]))
        for r in rng.sample(invited[:-1], 2):
            t = when + timedelta(hours=rng.uniform(2, 40))
            messages.append(Message(f"{t:%Y%m%d%H%M%S}.{hexid(6)}@{r.email.split('@')[1]}", t, r, [rafael],
                                    [q for q in invited if q is not r], "Re: " + subject, mid, body_for(r, rafael, True)))
    health = clubs["Digital Health Network"]
    for when in (datetime(2025, 5, 20, 14, 3, tzinfo=UTC), datetime(2026, 6, 16, 7, 55, tzinfo=UTC)):
        messages.append(Message(f"{when:%Y%m%d%H%M%S}.{hexid(6)}@{VENDOR_DOMAIN}", when, amara, [yuki], rng.sample(health[1:], 9),
                                "Digital Health Network: slides from our session", body=body_for(amara, None, False)))
    when = datetime(2025, 9, 2, 15, 30, tzinfo=UTC)
    messages.append(Message(f"{when:%Y%m%d%H%M%S}.{hexid(6)}@{VENDOR_DOMAIN}", when, jonas,
                            rng.sample(clubs["Retail Innovators Club"], 12), [],
                            "Retail Innovators Club: agenda for the autumn roundtables", body=body_for(jonas, None, False)))
    when = datetime(2026, 9, 4, 16, 20, tzinfo=UTC)  # the one message with RFC 5322 group syntax
    messages.append(Message(f"{when:%Y%m%d%H%M%S}.{hexid(6)}@{VENDOR_DOMAIN}", when, anna, [members[k] for k in members if k != "anna"],
                            [], "Pipeline review moves to Mondays", group="team",
                            body=["Hi team,", "From next week on we meet Mondays at 9.", "Anna"]))
    messages.sort(key=lambda x: (x.date, x.id))
    return messages


VIDEO = [lambda: f"https://meet.example/{hexid(3)}-{hexid(4)}-{hexid(3)}", lambda: f"https://zoom.us/j/8{rng.randint(10**9, 10**10 - 1)}",
         lambda: f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{hexid(24)}%40thread.v2/0"]


def place(o):
    return f"{o.name}, {o.street}, {o.city}"


def meeting(organizer, attendees, start, summary, o=None, video=None, tzid=None, rrule="", minutes=None):
    uid = (f"{hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)}@{VENDOR_DOMAIN}" if organizer.member else
           "040000008200E00074C5B7101A82E008" + hexid(48).upper())  # Outlook-style UIDs from customers
    video = rng.random() < 0.45 if video is None else video
    tzid = rng.random() < 0.3 if tzid is None else tzid
    ev = Event(uid, start.astimezone(UTC).replace(tzinfo=None) + timedelta(hours=utc_offset("CET", start)) if tzid else start,
               minutes or rng.choice((30, 45, 60, 60, 90)), summary, organizer,
               [(a, "OPT-PARTICIPANT" if rng.random() < 0.08 else "REQ-PARTICIPANT", "TENTATIVE" if rng.random() < 0.1 else "ACCEPTED")
                for a in attendees], tzid, rrule=rrule, chair=rng.random() < 0.2)
    if video:
        link = rng.choice(VIDEO)()
        if link.startswith("https://meet.example") or rng.random() < 0.3:
            ev.location = link
        else:
            ev.location, ev.description = "Online", f"Join the meeting:\n{link}\nMeeting ID and passcode in the invitation."
    else:
        ev.location = place(o) if o else "Nordlicht Systems, Friedrichstraße 112, Berlin"
    return ev


def make_events(members, knows, clubs):
    events, cal = [], [k for k, *_, files in MEMBERS if "ics" in files]
    per_tier = {"core": lambda: rng.randint(1, 3), "active": lambda: int(rng.random() < 0.35),
                "dormant": lambda: int(rng.random() < 0.8), "occasional": lambda: 0, "none": lambda: 0}
    for m in cal:
        me = members[m]
        for p, tier in knows[m].items():
            for _ in range(per_tier[tier]()):
                last = datetime(2025, 12, 1, tzinfo=UTC) if tier == "dormant" else END - timedelta(days=3)
                when = work_time(between(START, last, 1 if tier == "dormant" else 0.8), "CET", quarter=True)
                others = [q for q in knows[m] if q.org is p.org and q is not p and not (q.dormant and when >= DORMANT_BEFORE)]
                group = [p] + (rng.sample(others, min(len(others), rng.randint(1, 2))) if others and rng.random() < 0.4 else [])
                co = [members[k] for k in p.org.owners if k != m]
                if co and rng.random() < 0.2:
                    group.append(co[0])
                topic = rng.choice([f"{p.org.name}: quarterly business review", f"Demo Nordlicht Analytics - {p.org.name}",
                                    "Workshop: data migration", f"Lunch with {p.first}", "Contract negotiation", "Pilot review",
                                    f"Intro call {p.org.name} / Nordlicht"])
                organizer = me if rng.random() < 0.7 else p  # customers invite too
                events.append(meeting(organizer, [me] + group[1:] if organizer is p else group, when, topic, p.org))
        for i in range(3):  # personal blocks without attendees: not interactions
            ev = meeting(me, [], work_time(between(START, END - timedelta(days=3)), "CET", True), "Focus time", video=False)
            ev.location, ev.chair = "", False
            events.append(ev)
        for i in range(2):  # already planned, after the as-of date: not interactions either
            p = rng.choice([q for q, t in knows[m].items() if t == "core"])
            when = work_time(datetime(2026, 11, 9 + 14 * i, tzinfo=UTC), "CET", True)
            events.append(meeting(me, [p], when, f"Kick-off 2027 planning - {p.org.name}", p.org))
    by_name = {p.name: p for p in persons}
    anna, jonas, thomas = members["anna"], members["jonas"], members["thomas"]
    team = [members[k] for k in members if k != "anna"]
    berlin = lambda y, mo, d, h, mi=0: to_utc(datetime(y, mo, d, h, mi), "CET")
    events.append(meeting(anna, team, berlin(2026, 9, 7, 9), "Sales pipeline review", video=True, tzid=True,
                          rrule="FREQ=WEEKLY;COUNT=10", minutes=60))  # runs past the as-of date, across the DST change
    acme = next(o for o in orgs if o.name == "Acme Retail")
    events.append(meeting(jonas, [p for p in acme.people if p in knows["jonas"]][:3], datetime(2025, 1, 13, 8, 30, tzinfo=UTC),
                          "Acme Retail pilot: weekly stand-up", video=True, tzid=False, rrule="FREQ=WEEKLY;COUNT=10", minutes=30))
    retail = clubs["Retail Innovators Club"]
    events.append(meeting(by_name["Yuki Tanaka"], [jonas] + retail[2:14], berlin(2025, 10, 15, 18),
                          "Retail Innovators Club: monthly roundtable",
                          acme, video=False, tzid=True, rrule="FREQ=MONTHLY;UNTIL=20260630T000000Z", minutes=120))
    events.append(meeting(jonas, retail[:20], berlin(2024, 6, 20, 13), "Retail Innovators Club Summer Summit 2024", acme,
                          video=False, minutes=240))
    factory = clubs["Smart Factory Forum"]
    events.append(meeting(thomas, factory[:12], berlin(2024, 3, 14, 16), "Smart Factory Forum: quarterly meetup",
                          video=False, tzid=True, rrule="FREQ=MONTHLY;INTERVAL=3;COUNT=6", minutes=120))
    fintech = clubs["FinTech Leaders Circle"]
    events.append(meeting(by_name["Rafael Costa"], [anna, members["sofia"]] + fintech[1:11], berlin(2025, 3, 4, 19),
                          "FinTech Leaders Circle dinner",
                          next(o for o in orgs if o.name == "Banco Castell S.A."), video=False, minutes=180))
    telco = clubs["Nordic Telco Meetup"]
    for i, (y, mo) in enumerate(((2024, 11), (2025, 6), (2026, 5))):
        organizer = by_name["Wei Chen"] if i == 1 else by_name["Yuki Tanaka"]
        events.append(meeting(organizer, [anna, members["henrik"]] + rng.sample([p for p in telco if p is not organizer], 9),
                              berlin(y, mo, 12 + i, 17), "Nordic Telco Meetup", video=i == 2, minutes=150))
    events.sort(key=lambda e: (e.occurrences()[0] if e.occurrences() else END, e.uid))
    return events


# ------------------------------------------------------------------ export entries
def select_entries(members, knows, clubs, messages, events):
    """Decides what each export holds, as plain entries, so that writers and ground truth agree."""
    E = {"linkedin": {}, "vcard": {}, "google": [], "crm": [], "hubspot": []}
    files = {k: f.split() for k, *_, f in MEMBERS}
    li_dates = {("anna", "thomas"): date(2016, 5, 12), ("jonas", "thomas"): date(2019, 9, 3)}
    for (a, b) in [(a, b) for i, a in enumerate(members) for b in list(members)[i + 1:]]:
        li_dates.setdefault((a, b), date(2020, 6, 1) + timedelta(days=rng.randint(0, 1400)))
    for m in members:
        old = "linkedin-old" in files[m]
        rows = []
        for k, other in members.items():
            d = li_dates.get((m, k)) or li_dates.get((k, m))
            if k != m and (not old or d < date(2020, 2, 14)):
                rows.append({"p": other, "date": d, "email": "", "company": True})
        for p, tier in knows[m].items():
            if rng.random() < {"core": 0.9, "active": 0.8, "dormant": 0.8, "occasional": 0.7, "none": 0.75}[tier]:
                d = between(date(2012, 1, 1), date(2020, 2, 14)) if old else between(date(2012, 1, 1), date(2026, 10, 30), 0.8)
                if old and rng.random() < 0.35:
                    continue  # Thomas exported in February 2020: later connections are missing
                shown = rng.random() < (0.08 if old else 0.05)
                rows.append({"p": p, "date": d, "email": (p.email2 or p.email) if shown else "", "company": True})
        rows.sort(key=lambda r: (r["date"], r["p"].idx), reverse=True)
        E["linkedin"][m] = rows
    related_done = 0
    for m in [k for k in members if {"vcard", "vcard21", "google"} & set(files[k])]:
        entries = []
        for p in [q for k, q in members.items() if k != m] + list(knows[m]):
            tier = knows[m].get(p, "core")
            if not p.member and rng.random() >= {"core": 0.95, "active": 0.75, "dormant": 0.85, "occasional": 0.35, "none": 0.08}[tier]:
                continue
            emails = [(p.email, "work")] if p.member or rng.random() < 0.95 else []
            if p.email2 and rng.random() < 0.6:
                emails.append((p.email2, "home"))
            phones = [(ph, "cell" if ph[1] in CITIES[p.city][6] else "work", rng.choice(["intl", "intl", "local", "compact", "paren0"]))
                      for ph in p.phones if rng.random() < 0.7]
            cats = ["Team"] if p.member else [p.org.status] + [c for c in p.clubs if CLUBS[c][0] == m]
            cats += ["VIP"] if tier == "core" and rng.random() < 0.3 else []
            e = {"p": p, "emails": emails, "phones": phones, "org": p.member or not emails or rng.random() < 0.97,
                 "title": rng.random() < 0.9, "unit": p.dept if rng.random() < 0.2 else "", "url": rng.random() < 0.2,
                 "cats": cats, "version": "3.0", "uid": "", "related": [], "note": ""}
            if rng.random() < 0.12:  # long enough to be folded (or soft-broken in QP)
                event = p.clubs[0] if p.clubs else "partner day"
                notes = [f"Met at the {event}; prefers calls in the morning. Decision maker for the {p.dept} budget.",
                         f"Introduced by a colleague at {p.org.name}; interested in the analytics pilot, follow up in Q1."]
                if m == "sofia":
                    notes.append(f"Conocido en el {event}; prefiere reuniones por la mañana. Responsable de la migración.")
                e["note"] = rng.choice(notes)
            entries.append(e)
        if "vcard" in files[m] and related_done == 0:  # a few vCard 4.0 cards naming a colleague (RELATED)
            by_org = {}
            for e in entries:
                if not e["p"].member and e["emails"] and e["emails"][0][0] == e["p"].email:
                    by_org.setdefault(e["p"].org.name, []).append(e)
            pairs = [g[:2] for g in by_org.values() if len(g) >= 2][:3]
            for i, (a, b) in enumerate(pairs):
                a["version"] = "4.0"
                if i == 1:
                    a["related"].append(("mailto", b["p"]))
                else:
                    b["uid"] = b["uid"] or f"{hexid(8)}-{hexid(4)}-4{hexid(3)}-a{hexid(3)}-{hexid(12)}"
                    a["related"].append(("uuid", b))
                a["uid"] = f"{hexid(8)}-{hexid(4)}-4{hexid(3)}-b{hexid(3)}-{hexid(12)}"
            related_done = len(pairs)
        if "google" in files[m]:
            for e in entries:
                e["joined"] = len(e["emails"]) == 2 and rng.random() < 0.3
                e["starred"] = knows[m].get(e["p"]) == "core" and rng.random() < 0.4
            E["google"] = entries
        else:
            for e in entries:
                e["version"] = "2.1" if "vcard21" in files[m] else e["version"]
            E["vcard"][m] = entries
    # CRM reports: the team logs contacts it works with; owner = the account's primary member
    E["seen"] = last_seen(messages)
    for p in persons:
        if p.member:
            continue
        chance = {"": 0, "none": 0.03, "occasional": 0.15, "active": 0.4, "dormant": 0.5, "core": 0.6}
        if rng.random() < max(chance[knows[m].get(p, "")] for m in members):
            add_crm(E, p)
    return E


def add_crm(E, p):
    last = E["seen"].get(p.idx)
    if last is None and rng.random() < 0.6:  # activities logged by phone, outside the demo's mail and calendars
        last = work_time(between(START, datetime(2026, 6, 1, tzinfo=UTC)), "CET")
    phone = (p.phones[0], rng.choice(["intl", "intl", "local", "paren0"])) if p.phones and rng.random() < 0.8 else None
    e = {"p": p, "owner": p.org.owners[0], "phone": phone, "last": last, "id": 5000000 + 37 * p.idx}
    (E["hubspot"] if p.org.sector in HUBSPOT_SECTORS else E["crm"]).append(e)


def records(E, messages, events):
    """Every appearance of a person as (person, keys, what it shows); keys follow Cercle's identity rules."""
    out = []

    def add(p, emails=(), phones=(), url=False, org=False, title=False, cats=(), source=""):
        keys = [("email", e.lower()) for e in emails] + [("phone", re.sub(r"\D", "", phone_text(ph))[-9:]) for ph in phones]
        keys += [("url", p.url.split("//www.")[1].lower())] if url else []
        keys += [("nameorg", fold_key(p.name) + "|" + fold_key(p.org.name))] if org else []
        shown = {"emails": list(emails), "phones": list(phones), "url": url, "org": org, "title": title, "cats": list(cats)}
        out.append((p, keys, shown | {"source": source}))
    for m, rows in E["linkedin"].items():
        old = m == "thomas"
        for r in rows:
            add(r["p"], [r["email"]] if r["email"] else [], url=not old, org=r["company"], title=r["company"], source="linkedin")
    for m, entries in list(E["vcard"].items()) + [("anna", E["google"])]:
        for e in entries:
            add(e["p"], [a for a, _ in e["emails"]], [ph for ph, *_ in e["phones"]], e["url"], e["org"], e["title"], e["cats"],
                "addressbook")
            for kind, target in e["related"]:
                if kind == "mailto":  # the address names the colleague; a urn:uuid points at a card that is its own record
                    add(target, [target.email], source="related")
    for e in E["crm"] + E["hubspot"]:
        add(e["p"], [e["p"].email], [e["phone"][0]] if e["phone"] else [], org=True, title=True, source="crm")
    for msg in messages:
        for q in [msg.sender] + msg.to + msg.cc:
            add(q, [q.email], source="mail")
    for ev in events:
        for q in [ev.organizer] + [a for a, *_ in ev.attendees]:
            add(q, [q.email], source="calendar")
    return out


def unlinked(recs):
    """Persons whose appearances would not merge into one under Cercle's identity keys."""
    by_person, owner = {}, {}
    for p, keys, _ in recs:
        by_person.setdefault(p.idx, (p, []))[1].append(set(keys))
        for k in keys:
            assert owner.setdefault(k, p.idx) == p.idx, f"identity key {k} shared by two persons"
    result = []
    for p, keysets in by_person.values():
        reached, grown = set(keysets[0]), True
        while grown:
            grown = False
            for ks in keysets:
                if ks and not ks <= reached and ks & reached:
                    reached |= ks
                    grown = True
        if any(not ks & reached for ks in keysets if ks):
            result.append(p)
    return result


def last_seen(messages):
    seen = {}
    for msg in messages:
        for q in [msg.sender] + msg.to + msg.cc:
            seen[q.idx] = max(seen.get(q.idx, msg.date), msg.date)
    return seen


# ------------------------------------------------------------------ writers
LINKEDIN_NOTE = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
                 'You will only see email addresses for connections who have allowed their connections to see or download their '
                 'email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here '
                 'https://www.linkedin.com/help/linkedin/answer/261"\n\n')


def member_slug(p):
    return slug(p.name)


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))  # bytes, so line ends stay exactly as built


def write_linkedin(members, E):
    for m, rows in E["linkedin"].items():
        old, buf = m == "thomas", io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if old:  # the pre-2020 layout: no preamble, no URL, US dates with a time
            w.writerow(["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"])
        else:
            buf.write(LINKEDIN_NOTE)
            w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        for i, r in enumerate(rows):
            p, d = r["p"], r["date"]
            if i == len(rows) // 3 and not old:
                w.writerow([""] * 7)  # a deleted or restricted member
            company, title = (p.org.name, p.title) if r["company"] else ("", "")
            if old:
                minute = p.idx * 37 % 720
                stamp = f"{d.month}/{d.day}/{d.year % 100:02d}, {minute // 60 or 12}:{minute % 60:02d} {'PM' if p.idx % 2 else 'AM'}"
                w.writerow([p.first, p.last, r["email"], company, title, stamp])
            else:
                w.writerow([p.first, p.last, p.url, r["email"], company, title, f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"])
        write(OUT / "linkedin" / member_slug(members[m]) / "Connections.csv", buf.getvalue())


def qp_lines(prefix, value):
    """vCard 2.1 quoted-printable with soft line breaks, as Android writes accented values."""
    tokens = [c if c.isascii() and c.isprintable() and c != "=" else "".join(f"={b:02X}" for b in c.encode()) for c in value]
    lines, cur = [], prefix
    for t in tokens:
        if len(cur) + len(t) > 75:
            lines.append(cur + "=")
            cur = ""
        cur += t
    return lines + [cur]


def prop21(name, value):
    if value.isascii() and len(value) < 60:  # 2.1 has no folding that all readers know, so long values go QP too
        return [f"{name}:{value}"]
    return qp_lines(f"{name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", value)


def vcard(e, apple):
    p, v = e["p"], e["version"]
    org = p.org.name + (f";{e['unit']}" if e["unit"] else "")
    if v == "2.1":
        L = ["BEGIN:VCARD", "VERSION:2.1"] + prop21("N", f"{p.last};{p.first};;;") + prop21("FN", p.name)
        L += [f"TEL;{'CELL' if kind == 'cell' else 'WORK'}:{phone_text(ph, style)}" for ph, kind, style in e["phones"]]
        L += [f"EMAIL;{kind.upper()}:{addr}" for addr, kind in e["emails"]]
        L += (prop21("ORG", org) if e["org"] else []) + (prop21("TITLE", p.title) if e["title"] else [])
        L += (prop21("NOTE", e["note"]) if e["note"] else []) + ([f"URL:{p.url}"] if e["url"] else []) + ["END:VCARD"]
        return L
    L = ["BEGIN:VCARD", f"VERSION:{v}"] + (["PRODID:-//Apple Inc.//macOS 15.1//EN"] if apple and v == "3.0" else [])
    L += ([f"UID:urn:uuid:{e['uid']}"] if e["uid"] else []) + (["KIND:individual"] if v == "4.0" else [])
    L += [f"N:{esc(p.last)};{esc(p.first)};;;", f"FN:{esc(p.name)}"]
    L += ([f"ORG:{esc(p.org.name)}" + (f";{esc(e['unit'])}" if e["unit"] else "")] if e["org"] else [])
    L += [f"TITLE:{esc(p.title)}"] if e["title"] else []
    item = 0
    for i, (addr, kind) in enumerate(e["emails"]):
        if apple and v == "3.0" and kind == "home":  # Apple's grouped property with a custom label
            item += 1
            L += [f"item{item}.EMAIL;type=INTERNET:{addr}", f"item{item}.X-ABLabel:private"]
        elif apple and v == "3.0":
            L.append(f"EMAIL;type=INTERNET;type=WORK{';type=pref' if i == 0 else ''}:{addr}")
        else:
            L.append(f"EMAIL;TYPE={kind}:{addr}")
    for ph, kind, style in e["phones"]:
        L.append(f"TEL;VALUE=uri;TYPE={kind}:{phone_text(ph, 'uri')}" if v == "4.0" else
                 f"TEL;type={kind.upper()};type=VOICE:{phone_text(ph, style)}" if apple else f"TEL;TYPE={kind}:{phone_text(ph, style)}")
    if e["url"]:
        item += 1
        L += [f"item{item}.URL:{p.url}", f"item{item}.X-ABLabel:LinkedIn"] if apple else [f"URL;TYPE=work:{p.url}"]
    for kind, target in e["related"]:
        value = f"mailto:{target.email}" if kind == "mailto" else f"urn:uuid:{target['uid']}"
        L.append(f"RELATED;TYPE=colleague:{value}")
    L += [f"CATEGORIES:{','.join(esc(c) for c in e['cats'])}"] if e["cats"] else []
    L += [f"NOTE:{esc(e['note'])}"] if e["note"] else []
    stamp = START + timedelta(minutes=p.idx * 7919 % (60 * 24 * 1390))
    L += [f"REV:{stamp:%Y-%m-%dT%H:%M:%SZ}" if v == "3.0" else f"REV:{stamp:%Y%m%dT%H%M%SZ}", "END:VCARD"]
    return [fold(line) for line in L]


def write_vcards(members, E):
    for m, entries in E["vcard"].items():
        lines = [line for e in entries for line in vcard(e, apple=m == "jonas")]
        write(OUT / "addressbook" / f"{member_slug(members[m])}.vcf", "\r\n".join(lines) + "\r\n")


GOOGLE_HEADER = ("First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
                 "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,"
                 "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
                 "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
                 "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,"
                 "Website 1 - Label,Website 1 - Value").split(",")


def write_google(members, E):
    buf = io.StringIO()
    w = csv.writer(buf)  # CRLF, minimal quoting; the file starts with a byte-order mark
    w.writerow(GOOGLE_HEADER)
    for e in E["google"]:
        p, row = e["p"], dict.fromkeys(GOOGLE_HEADER, "")
        row.update({"First Name": p.first, "Last Name": p.last, "Notes": e["note"],
                    "Labels": " ::: ".join(["* myContacts"] + (["* starred"] if e["starred"] else []) + e["cats"])})
        if e["org"]:
            row.update({"Organization Name": p.org.name, "Organization Department": e["unit"]})
        if e["title"]:
            row["Organization Title"] = p.title
        emails = [a for a, _ in e["emails"]]
        if e["joined"]:  # two addresses with the same label share one cell
            row.update({"E-mail 1 - Label": "* Work", "E-mail 1 - Value": " ::: ".join(emails)})
        else:
            for i, (addr, kind) in enumerate(e["emails"], 1):
                row.update({f"E-mail {i} - Label": ("* " if i == 1 else "") + kind.title(), f"E-mail {i} - Value": addr})
        for i, (ph, kind, style) in enumerate(e["phones"], 1):
            row.update({f"Phone {i} - Label": "Mobile" if kind == "cell" else "Work", f"Phone {i} - Value": phone_text(ph, style)})
        if e["org"] and p.idx % 4 == 0:  # a multi-line cell
            country = CITIES[p.city][0]
            row.update({"Address 1 - Label": "Work", "Address 1 - Formatted": f"{p.org.street}\n{p.city}\n{country}",
                        "Address 1 - Street": p.org.street, "Address 1 - City": p.city, "Address 1 - Country": country})
        if e["url"]:
            row.update({"Website 1 - Label": "Profile", "Website 1 - Value": p.url})
        w.writerow(row.values())
    write(OUT / "google" / f"{member_slug(members['anna'])}.csv", buf.getvalue(), "utf-8-sig")


def write_crm(members, E):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL)  # Salesforce quotes every field and appends a footer
    w.writerow(["First Name", "Last Name", "Title", "Account Name", "Email", "Phone", "Mailing City", "Mailing Country",
                "Industry", "Contact Owner", "Last Activity"])
    for e in sorted(E["crm"], key=lambda e: (e["p"].org.name, e["p"].last, e["p"].first)):
        p = e["p"]
        w.writerow([p.first, p.last, p.title, p.org.name, p.email, phone_text(*e["phone"]) if e["phone"] else "", p.city,
                    CITIES[p.city][0], SECTORS[p.org.sector][1], members[e["owner"]].name, f"{e['last']:%d.%m.%Y}" if e["last"] else ""])
    buf.write('\r\n"Contacts & Accounts"\r\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r\n'
              '"Confidential Information - Do Not Distribute"\r\n"Generated By:  Anna Becker  31.10.2026 17:42"\r\n"Nordlicht Systems"\r\n')
    write(OUT / "crm" / "accounts_contacts.csv", buf.getvalue())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title", "Industry", "City",
                "Country/Region", "Contact owner", "Last Activity Date"])
    for e in sorted(E["hubspot"], key=lambda e: e["id"]):
        p, last = e["p"], e["last"]
        w.writerow([e["id"], p.first, p.last, p.email, phone_text(*e["phone"]) if e["phone"] else "", p.org.name, p.title,
                    SECTORS[p.org.sector][2], p.city, CITIES[p.city][0], members[e["owner"]].name,
                    f"{last + timedelta(hours=utc_offset('CET', last)):%Y-%m-%d %H:%M}" if last else ""])
    write(OUT / "crm" / "hubspot_contacts.csv", buf.getvalue())


def q_words(text):
    """RFC 2047 Q encoding for a phrase, split so that no encoded word exceeds 75 characters."""
    tokens = ["_" if c == " " else c if c.isascii() and (c.isalnum() or c in "!*+-/") else "".join(f"={b:02X}" for b in c.encode())
              for c in text]
    words, cur = [], ""
    for t in tokens:
        if len(cur) + len(t) > 63:
            words.append(cur)
            cur = ""
        cur += t
    return " ".join(f"=?UTF-8?Q?{w}?=" for w in words + [cur])


def mail_addr(p, latin1=False):
    if p.bare:
        return p.email
    name = f"{p.last}, {p.first}" if p.comma else p.name
    if name.isascii():
        return (f'"{name}"' if re.search(r'[,.;:@()<>"]', name) else name) + f" <{p.email}>"
    if latin1 and all(ord(c) < 256 for c in name):
        return f"=?ISO-8859-1?B?{base64.b64encode(name.encode('latin-1')).decode()}?= <{p.email}>"
    return f"{q_words(name)} <{p.email}>"


def fold_list(name, items):
    lines = [f"{name}:"]
    for i, item in enumerate(items):
        piece = " " + item + ("," if i + 1 < len(items) else "")
        if i and len(lines[-1]) + len(piece) > 78:
            lines.append("")
        lines[-1] += piece
    return "\n".join(lines)


def message_text(msg):
    t, s = msg.date, msg.sender
    off = utc_offset(s.zone, t)
    local = t + timedelta(hours=off)
    to = [mail_addr(p, s.latin1) for p in msg.to]
    if msg.group:
        to = [f"{msg.group}: {to[0]}"] + to[1:]
        to[-1] += ";"
    h = [f"From {s.email} {DAYS[t.weekday()]} {MONTHS[t.month - 1]} {t.day:2d} {t:%H:%M:%S} {t.year}", f"From: {mail_addr(s, s.latin1)}",
         fold_list("To", to)] + ([fold_list("Cc", [mail_addr(p, s.latin1) for p in msg.cc])] if msg.cc else [])
    prefix, _, rest = msg.subject.rpartition(": ") if msg.subject[:4] in ("Re: ", "AW: ") else ("", "", msg.subject)
    h += [f"Subject: {prefix + ': ' if prefix else ''}{rest if rest.isascii() else q_words(rest)}",
          f"Date: {DAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year} {local:%H:%M:%S} {off:+03d}00",
          f"Message-ID: <{msg.id}>"] + ([f"In-Reply-To: <{msg.reply_to}>"] if msg.reply_to else [])
    if not all(line.isascii() for line in msg.body):
        h += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"]
    body = [re.sub(r"^(>*From )", r">\1", line) for line in msg.body]  # mboxrd quoting
    return "\n".join(h) + "\n\n" + "\n".join(body) + "\n\n"


def write_mboxes(members, messages):
    texts = [message_text(msg) for msg in messages]
    for m in [k for k, *_, f in MEMBERS if "mbox" in f]:
        me = members[m]
        mine = [t for msg, t in zip(messages, texts) if me is msg.sender or me in msg.to or me in msg.cc]
        write(OUT / "mail" / f"{member_slug(me)}.mbox", "".join(mine))


VTIMEZONE = ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
             "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
             "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
             "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]


def event_lines(ev):
    def dt(name, t):
        return f"{name};TZID=Europe/Berlin:{t:%Y%m%dT%H%M%S}" if ev.tzid else f"{name}:{t:%Y%m%dT%H%M%SZ}"
    first = to_utc(ev.start, "CET") if ev.tzid else ev.start
    cn = f'"{ev.organizer.name}"' if re.search(r"[,;:]", ev.organizer.name) else ev.organizer.name
    L = ["BEGIN:VEVENT", f"UID:{ev.uid}", f"DTSTAMP:{first - timedelta(days=9, hours=3):%Y%m%dT%H%M%SZ}", dt("DTSTART", ev.start),
         dt("DTEND", ev.start + timedelta(minutes=ev.minutes))] + ([f"RRULE:{ev.rrule}"] if ev.rrule else [])
    L += [f"SUMMARY:{esc(ev.summary)}", f"ORGANIZER;CN={cn}:mailto:{ev.organizer.email}"]
    if ev.chair:
        L.append(f'ATTENDEE;CN="{ev.organizer.name}";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:{ev.organizer.email}')
    L += [f'ATTENDEE;CN="{p.name}";ROLE={role};PARTSTAT={status}:mailto:{p.email}' for p, role, status in ev.attendees]
    L += ([f"LOCATION:{esc(ev.location)}"] if ev.location else []) + ([f"DESCRIPTION:{esc(ev.description)}"] if ev.description else [])
    return [fold(line) for line in L + ["STATUS:CONFIRMED", "END:VEVENT"]]


def write_calendars(members, events):
    counts = {}
    for m in [k for k, *_, f in MEMBERS if "ics" in f]:
        me = members[m]
        mine = [ev for ev in events if ev.organizer is me or any(a is me for a, *_ in ev.attendees)]
        counts[m] = len(mine)
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nordlicht Systems//Groupware 5.2//EN", "CALSCALE:GREGORIAN",
                 "METHOD:PUBLISH", f"X-WR-CALNAME:{me.name}", "X-WR-TIMEZONE:Europe/Berlin"] + VTIMEZONE
        lines += [line for ev in mine for line in event_lines(ev)] + ["END:VCALENDAR"]
        write(OUT / "calendar" / f"{member_slug(me)}.ics", "\r\n".join(lines) + "\r\n")
    return counts


# ------------------------------------------------------------------ ground truth
def ground_truth(members, E, messages, events, recs):
    shown = {}
    for p, _, s in recs:
        g = shown.setdefault(p.idx, {"p": p, "emails": set(), "phones": set(), "url": False, "org": bool(p.member),
                                     "title": bool(p.member), "cats": []})
        g["emails"].update(s["emails"])
        g["phones"].update(s["phones"])
        g["cats"] += [c for c in s["cats"] if c not in g["cats"]]
        for k in ("url", "org", "title"):
            g[k] = g[k] or s[k]
    order = {k: i for i, (k, *_) in enumerate(MEMBERS)}
    people = sorted(shown.values(), key=lambda g: (not g["p"].member, order.get(g["p"].member, 0), g["p"].idx))
    ids, lines, nodes = {}, [], []
    for g in people:
        p = g["p"]
        emails = [e for e in (p.email, p.email2) if e and e in g["emails"]]
        ids[p.idx] = emails[0] if emails else p.url.split("//www.")[1] if g["url"] else slug(p.name)
        rec = {"type": "person", "id": ids[p.idx], "name": p.name, "emails": emails,
               "phones": [phone_text(ph) for ph in p.phones if ph in g["phones"]], "urls": [p.url] if g["url"] else []}
        if g["org"]:
            rec.update({"organisation": p.org.name, "title": p.title if g["title"] else "", "sector": p.org.sector,
                        "location": f"{p.city}, {CITIES[p.city][0]}"})
        rec.update({"categories": g["cats"], "member": bool(p.member)})
        lines.append({k: v for k, v in rec.items() if v not in ("", [])})
        nodes.append([ids[p.idx], p.name, p.org.name if g["org"] else "", p.org.sector if g["org"] else "", str(bool(p.member)).lower()])
    assert len(set(ids.values())) == len(ids), "person ids are not unique"
    ties = {}

    def tie(a, b, channel, since=None):
        if b.member and (not a.member or order[b.member] < order[a.member]):
            a, b = b, a
        t = ties.setdefault((min(a.idx, b.idx), max(a.idx, b.idx)), {"source": a, "target": b, "channels": [], "since": None})
        t["channels"] = sorted(set(t["channels"]) | {channel}, key=["linkedin", "addressbook", "crm"].index)
        t["since"] = since or t["since"]
    for m, rows in E["linkedin"].items():
        for r in rows:
            tie(members[m], r["p"], "linkedin", r["date"])
    for m, entries in list(E["vcard"].items()) + [("anna", E["google"])]:
        for e in entries:
            tie(members[m], e["p"], "addressbook")
            for kind, target in e["related"]:
                tie(e["p"], target if kind == "mailto" else target["p"], "addressbook")
    for e in E["crm"] + E["hubspot"]:
        tie(members[e["owner"]], e["p"], "crm")
    for t in ties.values():
        rec = {"type": "tie", "source": ids[t["source"].idx], "target": ids[t["target"].idx], "channels": t["channels"]}
        lines.append(rec | ({"since": t["since"].isoformat()} if t["since"] else {}))
    acts = []
    for msg in messages:
        record = {"type": "interaction", "channel": "email", "date": iso(msg.date), "from": ids[msg.sender.idx],
                  "to": [ids[p.idx] for p in msg.to], "cc": [ids[p.idx] for p in msg.cc], "id": msg.id}
        acts.append((record, [msg.sender] + msg.to + msg.cc))
    for ev in events:
        to = [ids[p.idx] for p, role, _ in ev.attendees if role == "REQ-PARTICIPANT" and p is not ev.organizer]
        cc = [ids[p.idx] for p, role, _ in ev.attendees if role == "OPT-PARTICIPANT" and p is not ev.organizer]
        if not to + cc:
            continue  # only the calendar's owner: not an interaction
        channel = "video" if re.search(r"https://", ev.location + ev.description) else "meeting"
        for t in ev.occurrences():
            acts.append(({"type": "interaction", "channel": channel, "date": iso(t), "from": ids[ev.organizer.idx], "to": to, "cc": cc,
                          "id": ev.uid + (f"/{t:%Y%m%dT%H%M%SZ}" if ev.rrule else "")}, [ev.organizer] + [a for a, *_ in ev.attendees]))
    acts.sort(key=lambda a: (a[0]["date"], a[0]["id"]))
    lines += [{k: v for k, v in a.items() if v != []} for a, _ in acts]
    weights = {}
    for t in ties.values():
        weights[tuple(sorted((ids[t["source"].idx], ids[t["target"].idx])))] = 1
    for _, people_in in acts:
        pids = sorted({ids[p.idx] for p in people_in})
        for i, a in enumerate(pids):
            for b in pids[i + 1:]:
                weights[(a, b)] = weights.get((a, b), 1) + 1
    return lines, nodes, weights, ties, acts, ids


def dump_csv(rows, header):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


# ------------------------------------------------------------------ README
def readme(stats):
    s = stats
    files = "\n".join(f"| `{name}` | {count} | {what} |" for name, count, what in s["files"])
    return f"""# Cercle demo network: the Nordlicht Systems sales team

A fictional B2B sales team at **Nordlicht Systems**, a software vendor in Berlin: {s['members']} members
(five account executives and their sales manager, Anna Becker), each with a professional network,
exported the way real tools export it. Every person, organisation, e-mail address (`.example` and
`.test` domains only), phone number and meeting link is made up.

The data is **as of {AS_OF}**; interactions run from January 2023 up to and including that day.

Regenerate with `python3 Examples/generate_demo.py` (Python 3.11, standard library only). The
generator is deterministic (`random.Random({SEED})`, no clock): every run writes identical bytes.
Do not edit these files by hand; change the generator instead.

## True counts

| what | count |
|---|---|
| members | {s['members']} |
| distinct persons (members included) | {s['persons']} |
| organisations (Nordlicht Systems included) | {s['orgs']} |
| sectors | {s['sectors']} ({', '.join(s['sector_names'])}) |
| interactions | {s['interactions']} ({s['email']} e-mails, {s['meeting']} in-person meetings, {s['video']} video calls) |
| distinct e-mail messages / copies in mailboxes | {s['email']} / {s['copies']} ({s['shared']} messages sit in two or more mailboxes) |
| calendar events: distinct UIDs / VEVENT blocks in the files / occurrences that are interactions | {s['events']} / {s['vevents']} / {s['meeting'] + s['video']} |
| contacts in touch with 1 / 2 / 3 or more members (by a tie or a shared interaction) | {' / '.join(map(str, s['known_by']))} |
| ties in `team.jsonl` (member-contact, member-member, contact-contact) | {s['ties']} ({s['related']} from vCard `RELATED`) |
| rows in `edges.csv` / `nodes.csv` | {s['edges']} / {s['persons']} |

An importer that reads every file below and merges persons on Cercle's identity keys (e-mail,
profile URL, last nine digits of a phone, folded name plus organisation) should find exactly
{s['persons']} persons: the generator checks that each person's appearances are linked by shared keys
and that no key is shared by two persons. Names are unique, and an organisation is spelled the same
in every source.

## Files

| file | records | format |
|---|---|---|
{files}

Records are data rows, cards, messages, VEVENT blocks or lines; the blank LinkedIn rows and the
Salesforce footer are not counted. Members and their exports: {s['member_files']}; every member
owns contacts in one of the two CRMs.

## Conventions of `team.jsonl`

- Header first; then one `person` per distinct person (members first), one `tie` per connected
  pair, one `interaction` per e-mail and per meeting occurrence, sorted by date.
- A person's `id` is their first e-mail address that appears in some file, else their LinkedIn URL
  without scheme and `www.` (`linkedin.com/in/...`), else a slug of the name. `emails`, `phones`
  and `urls` hold only what some file shows; phones are given in international form (files write
  the same numbers as `+49 30 1234567`, `030 1234567`, `+49 (0)30 1234567`, `+49301234567` or
  `tel:+49-30-1234567`). `organisation`, `title`, `sector` and `location` are the person's employer
  and its city; they are left out for the few persons whose only record is a LinkedIn row with
  an empty company. `categories` are the vCard `CATEGORIES` and Google labels, without Google's
  system labels `* myContacts` and `* starred`.
- One `tie` per pair of persons: `channels` lists every source that connects them (`linkedin`,
  `addressbook` for vCard and Google entries, `crm` for a CRM contact owner), `since` is the
  LinkedIn connection date where there is one. Contact-to-contact ties come from vCard `RELATED`.
- E-mail interactions: `id` is the Message-ID without angle brackets; `to` includes the members of
  the one group address (`team: ...;`). A message in two mailboxes is one interaction.
- Meeting interactions: `channel` is `video` when `LOCATION` or `DESCRIPTION` holds a link, else
  `meeting`; `from` is the organizer, `to` the `REQ-PARTICIPANT` attendees, `cc` the
  `OPT-PARTICIPANT` ones (the organizer repeated as `ROLE=CHAIR` is not listed again). A recurring
  event gives one interaction per occurrence up to {AS_OF}, with `id` = `UID/<start in UTC>`;
  occurrences after that day, events planned after it, and events without attendees ("Focus time")
  are not interactions. A UID in two calendars is one event.
- `edges.csv` projects the ties and interactions onto unordered pairs: every pair with a tie or a
  shared interaction (sender with each recipient, co-recipients, all co-attendees of a meeting) has
  `weight` = number of shared interactions + 1. `nodes.csv` lists every person.

## How it was generated

1. About 115 organisations in 11 sectors and 20 cities; each sector has a primary member (its
   account owner), and an organisation may also be worked by the sales manager or a neighbouring
   member. Organisation sizes are heavy-tailed; contacts mix name cultures independently of the
   country, as real teams do.
2. Each member knows most people at the accounts they work, plus a thin wider network. Every
   member-contact pair gets a tier: *core* (many e-mails over the whole period, several meetings),
   *active* (a few, at least one in the last nine months), *dormant* (many, all before 2026),
   *occasional* (one or two) or *none* (a LinkedIn or address-book entry only).
3. E-mail threads of one to four messages alternate between the member and the contact, copying
   colleagues of the same organisation, a co-owning member or the manager; meetings gather a
   contact, colleagues and sometimes a second member. Clubs add long recipient lists and recurring
   meetings; brokers sit in several clubs.
4. Each export then takes its share of the pairs, with the fields that tool really exports; a
   person who would otherwise appear only under unrelated keys (say, an e-mail address in an mbox
   and a name and company on LinkedIn) gets a CRM row that carries both, as a real CRM would.

## Structure built in (for analyses to find)

- **Shared accounts**: most organisations are worked by two or three members.
- **Key-person risk**: {len(s['single'])} organisations are in touch with one member only:
  {', '.join(f"`{o}`" for o in s['single'])}.
- **Dormant contacts**: {len(s['dormant'])} contacts with at least five interactions, none since
  {DORMANT_BEFORE:%Y-%m-%d} (nine months before the as-of date): {', '.join(s['dormant'])}.
- **Clubs**: {', '.join(f"{c} ({n} people)" for c, n in s['clubs'])}; their members meet in
  recurring meetings or share long recipient lists.
- **Brokers** linking the clubs: {', '.join(s['brokers'])}.
- A core of strong ties per member with many messages, a middle of occasional contacts, and a long
  tail of LinkedIn-only connections.

## Format quirks, by file

- **LinkedIn, current layout**: the `Notes:` preamble and a blank line before the header; mostly
  empty e-mails; `Connected On` as `26 Dec 2025`, newest first; quoted fields with commas
  (`"VP Sales, EMEA"`, `"Kessler, Voss & Partner"`); one fully blank row `,,,,,,` per file; a few
  rows with empty company and position; some profile URLs with percent-encoded accents.
- **LinkedIn, old layout** (`thomas-kruger`): no preamble, no URL column, dates like `"1/8/18, 6:14 PM"`;
  exported in February 2020, so his later connections are missing.
- **vCard 3.0** (`jonas-weber`, Apple style): `type=INTERNET;type=WORK;type=pref`, grouped
  `itemN.EMAIL` / `itemN.X-ABLabel`, `ORG` with a unit, `CATEGORIES`, escaped `\\,` and `\\;`, lines
  folded at 75 octets (CRLF + space, never inside a UTF-8 sequence), `REV`. {s['v4']} cards in the
  same file are vCard 4.0 (`KIND`, `TEL;VALUE=uri:tel:...`, `RELATED;TYPE=colleague:urn:uuid:...`
  pointing at another card's `UID`, or `RELATED;TYPE=colleague:mailto:...`).
- **vCard 3.0** (`thomas-kruger`, generic): `EMAIL;TYPE=work`, `TEL;TYPE=cell`, `URL;TYPE=work`.
- **vCard 2.1** (`sofia-ramirez`, Android): `CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE` on accented
  values with soft line breaks (`=` at the end of a line, no leading space), `TEL;CELL`, `EMAIL;WORK`.
- **mbox** (mboxrd): `From ` separator lines in UTC, LF line ends, RFC 5322 dates in the sender's
  zone with DST ({', '.join(f"`{o}`" for o in s['offsets'])}), RFC 2047 display names in
  UTF-8 Q (`=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?=`) and ISO-8859-1 B, Outlook-style `"Last, First"`
  names (encoded with `=2C` when accented), bare addresses, folded `To`/`Cc` lines, one group
  (`To: team: ...;`), `Re:` and German `AW:` replies with `In-Reply-To`, encoded subjects,
  8-bit UTF-8 bodies with a `Content-Type`, and body lines starting `From ` quoted as `>From `.
- **iCalendar**: a `VTIMEZONE` for Europe/Berlin; `DTSTART` in UTC (`...Z`) or with
  `TZID=Europe/Berlin` (a weekly series crosses the October DST change); `RRULE` with
  `FREQ=WEEKLY;COUNT=10`, `FREQ=MONTHLY;UNTIL=20260630T000000Z` and `FREQ=MONTHLY;INTERVAL=3;COUNT=6`;
  quoted `CN` on attendees; long Outlook-style UIDs and attendee lines folded; escaped commas in
  `LOCATION`; video links in `LOCATION` or in a multi-line `DESCRIPTION`; `TENTATIVE` answers.
- **Salesforce report** (`crm/accounts_contacts.csv`): every field quoted, CRLF, German dates
  (`28.10.2026`), Salesforce industry picklist values, and the report footer after a blank line
  (title, copyright, confidentiality, "Generated By", company), which is not data. `Last Activity`
  may also reflect logged calls that are not in the mail and calendar files.
- **HubSpot export** (`crm/hubspot_contacts.csv`): a leading `Record ID` column, HubSpot's
  industry labels, `Last Activity Date` as `2026-10-28 14:03` (Berlin time).
- **Google Contacts** (`google/anna-becker.csv`): UTF-8 with a byte-order mark, the current column
  layout (`Labels` before the e-mail columns), labels `* myContacts ::: * starred ::: Clients`, two
  addresses in one cell joined by ` ::: `, and multi-line quoted address cells.

Industry labels in the CRM files map to the sectors as follows: {s['industries']}.
"""


# ------------------------------------------------------------------ main
EXPORT_NAMES = {"linkedin": "LinkedIn", "linkedin-old": "LinkedIn (old layout)", "vcard": "vCard", "vcard21": "vCard 2.1",
                "mbox": "mbox", "ics": "calendar", "google": "Google Contacts"}


def summarise(members, E, messages, events, clubs, lines, weights, ties, acts, cal_counts):
    """The counts README.md states, taken from what was written."""
    persons_out = [x for x in lines if x["type"] == "person"]
    channels = [a["channel"] for a, _ in acts]
    mailboxes = [k for k, *_, f in MEMBERS if "mbox" in f]
    copies = {m: [msg for msg in messages if members[m] is msg.sender or members[m] in msg.to + msg.cc] for m in mailboxes}
    in_boxes = [sum(msg in box for box in copies.values()) for msg in messages]
    reach, known, tally = {}, {}, {}  # organisation / contact -> members in touch; contact -> (interactions, last date)
    for t in ties.values():
        if t["source"].member and not t["target"].member:
            reach.setdefault(t["target"].org.name, set()).add(t["source"].member)
            known.setdefault(t["target"].idx, set()).add(t["source"].member)
    for a, people_in in acts:
        for p in people_in:
            if not p.member:
                reach.setdefault(p.org.name, set()).update(q.member for q in people_in if q.member)
                known.setdefault(p.idx, set()).update(q.member for q in people_in if q.member)
                n, last = tally.get(p.idx, (0, ""))
                tally[p.idx] = (n + 1, max(last, a["date"]))
    slugs = {m: member_slug(members[m]) for m in members}
    files = [(f"linkedin/{slugs[m]}/Connections.csv", len(rows), "LinkedIn, " + ("old layout" if m == "thomas" else "current layout"))
             for m, rows in E["linkedin"].items()]
    files += [(f"addressbook/{slugs[m]}.vcf", len(es), "vCard " + ("2.1" if m == "sofia" else "3.0 and 4.0" if m == "jonas" else "3.0"))
              for m, es in E["vcard"].items()]
    files += [(f"mail/{slugs[m]}.mbox", len(box), "mbox messages") for m, box in copies.items()]
    files += [(f"calendar/{slugs[m]}.ics", n, "iCalendar VEVENTs") for m, n in cal_counts.items()]
    files += [("crm/accounts_contacts.csv", len(E["crm"]), "Salesforce contacts report"),
              ("crm/hubspot_contacts.csv", len(E["hubspot"]), "HubSpot contacts export"),
              (f"google/{slugs['anna']}.csv", len(E["google"]), "Google Contacts CSV"),
              ("team.jsonl", len(lines) + 1, "ground truth (lines)"), ("nodes.csv", len(persons_out), "nodes"),
              ("edges.csv", len(weights), "weighted edges")]
    stats = {"members": len(members), "persons": len(persons_out), "interactions": len(acts), "email": channels.count("email"),
             "meeting": channels.count("meeting"), "video": channels.count("video"), "copies": sum(in_boxes),
             "shared": sum(n >= 2 for n in in_boxes), "events": len(events), "vevents": sum(cal_counts.values()),
             "orgs": len({x["organisation"] for x in persons_out if "organisation" in x}),
             "sector_names": sorted({x["sector"] for x in persons_out if "sector" in x}), "ties": len(ties),
             "related": sum(1 for t in ties.values() if not t["source"].member), "edges": len(weights), "files": files,
             "single": sorted(o for o, ms in reach.items() if len(ms) == 1 and o != VENDOR),
             "dormant": sorted(persons[i].name for i, (n, last) in tally.items() if n >= 5 and last < iso(DORMANT_BEFORE)),
             "clubs": [(c, len(ps)) for c, ps in clubs.items()], "brokers": [f"{b[0]} {b[1]} ({b[3]})" for b in BROKERS],
             "member_files": "; ".join(f"{members[k].name} ({members[k].title}): {', '.join(EXPORT_NAMES[x] for x in f.split())}"
                                       for k, *_, f in MEMBERS),
             "industries": "; ".join(f"{sec} = `{sf}` / `{hs}`" for sec, (_, sf, hs) in SECTORS.items())}
    stats["sectors"] = len(stats["sector_names"])
    stats["offsets"] = sorted({f"{utc_offset(m.sender.zone, m.date):+03d}00" for m in messages})
    stats["v4"] = sum(e["version"] == "4.0" for es in E["vcard"].values() for e in es)
    stats["known_by"] = [sum(len(ms) == k for ms in known.values()) for k in (1, 2)] + [sum(len(ms) >= 3 for ms in known.values())]
    return stats


def main():
    members = build_world()
    knows, clubs = assign_knowledge(members)
    messages = make_emails(members, knows, clubs)
    events = make_events(members, knows, clubs)
    E = select_entries(members, knows, clubs, messages, events)
    for p in unlinked(records(E, messages, events)):  # a CRM entry carries e-mail and name + organisation together
        add_crm(E, p)
    recs = records(E, messages, events)
    assert not unlinked(recs), "some person's records do not link"
    appearances = {}
    for p, _, _ in recs:
        appearances[p.idx] = appearances.get(p.idx, 0) + 1
    lonely = [r for m, rows in E["linkedin"].items() if m != "thomas" for r in rows if appearances[r["p"].idx] == 1 and not r["p"].member]
    for r in rng.sample(lonely, 3):  # between jobs; safe only where nothing else has to link to the row
        r["company"] = False
    recs = records(E, messages, events)

    if OUT.exists():  # regenerate from scratch, so no file of an earlier layout survives
        for path in sorted(OUT.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    write_linkedin(members, E)
    write_vcards(members, E)
    write_google(members, E)
    write_crm(members, E)
    write_mboxes(members, messages)
    cal_counts = write_calendars(members, events)
    lines, nodes, weights, ties, acts, ids = ground_truth(members, E, messages, events, recs)
    header = {"type": "header", "format": "cercle-jsonl", "version": 1, "directed": False, "ids": "global",
              "name": "Nordlicht Systems sales team", "as_of": AS_OF}
    write(OUT / "team.jsonl", "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n" for x in [header] + lines))
    write(OUT / "nodes.csv", dump_csv(nodes, ["id", "label", "organisation", "sector", "member"]))
    write(OUT / "edges.csv", dump_csv([[a, b, w] for (a, b), w in sorted(weights.items())], ["source", "target", "weight"]))
    stats = summarise(members, E, messages, events, clubs, lines, weights, ties, acts, cal_counts)
    write(OUT / "README.md", readme(stats))

    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"persons {stats['persons']} (members {stats['members']}), organisations {stats['orgs']}, sectors {stats['sectors']}")
    print(f"interactions {stats['interactions']}: e-mail {stats['email']} ({stats['copies']} copies), meeting {stats['meeting']}, "
          f"video {stats['video']}; ties {stats['ties']}; edges {stats['edges']}")
    for name, n, what in stats["files"]:
        print(f"  {name:42} {n:6}  {what}")
    print(f"{total / 1e6:.2f} MB in {OUT}")


if __name__ == "__main__":
    main()
