#!/usr/bin/env python3
"""Writes Tandem's sample-data/ CSV files: realistic, deterministic, with every deliberate case that
sample-data/README.md lists. Run from the repository root: python3 scripts/make-sample-data.py"""
import csv, json, random, unicodedata, uuid, os
from datetime import datetime, timedelta, timezone

rng = random.Random(20261124)
OUT = os.path.join(os.path.dirname(__file__), "..", "sample-data")
BASE = datetime(2026, 11, 2, 8, 0, 0, tzinfo=timezone.utc)

def uid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))

def stamp(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"

def ascii_slug(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c == " "))
    return "".join(text.lower().split())[:20] or "info"

COUNTRIES = {
    "DE": dict(cur="EUR", phone="+49 30", cities=[("Berlin", "10115"), ("München", "80331"), ("Köln", "50667"), ("Düsseldorf", "40213")],
               streets=["Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße"], tld="de",
               companies=["Müller Maschinenbau GmbH", "Schäfer Logistik AG", "Weiß & Söhne KG", "Bäckerei Krüger", "Hoffmann Elektrotechnik GmbH",
                          "Nordlicht Solar GmbH", "Brauerei Großmann", "Fischer Feinmechanik GmbH", "Zimmermann Holzbau", "Löwe Pharma AG"],
               first=["Jürgen", "Anna", "Lukas", "Sophie", "Matthias", "Lea", "Björn", "Katrin"], last=["Müller", "Schröder", "Wagner", "Becker", "Groß", "Köhler"]),
    "FR": dict(cur="EUR", phone="+33 1", cities=[("Paris", "75002"), ("Lyon", "69002"), ("Marseille", "13001"), ("Nantes", "44000")],
               streets=["Rue de la République", "Avenue Victor Hugo", "Boulevard Haussmann", "Rue Lafayette"], tld="fr",
               companies=["Boulangerie Lefèvre SARL", "Château Belle-Île", "Éditions Mercier", "Société Générale de Câblage", "Atelier Dupré",
                          "Fromagerie Chevrier", "Cœur de Lyon Traiteur", "Hôtel Beauséjour", "Transports Bénard", "Maison Gaëlle"],
               first=["Amélie", "François", "Hélène", "Jérôme", "Céline", "Benoît", "Noémie", "Loïc"], last=["Lefèvre", "Dupré", "Bénard", "Moreau", "Girard", "Faure"]),
    "ES": dict(cur="EUR", phone="+34 91", cities=[("Madrid", "28013"), ("Barcelona", "08002"), ("Sevilla", "41001"), ("Valencia", "46002")],
               streets=["Calle Mayor", "Avenida de la Constitución", "Gran Vía", "Calle de Alcalá"], tld="es",
               companies=["Industrias García S.A.", "Construcciones Peña", "Aceites Núñez", "Viñedos de la Ribera", "Transportes Ibáñez S.L.",
                          "Cerámica Muñoz", "Óptica Castaño", "Pescados Galicia", "Farmacia Martín", "Talleres Hernández"],
               first=["José", "María", "Álvaro", "Lucía", "Sofía", "Íñigo", "Begoña", "Raúl"], last=["García", "Núñez", "Peña", "Ibáñez", "Martín", "Sánchez"]),
    "IT": dict(cur="EUR", phone="+39 02", cities=[("Milano", "20121"), ("Roma", "00184"), ("Torino", "10121"), ("Napoli", "80133")],
               streets=["Via Roma", "Corso Vittorio Emanuele", "Via Garibaldi", "Piazza Duomo"], tld="it",
               companies=["Ferrari Tessuti S.p.A.", "Pasticceria Bianchi", "Officine Rossi", "Caffè Lavazzo", "Moda Colombo S.r.l.",
                          "Vini Esposito", "Costruzioni Ricci", "Ottica Romano", "Tipografia Gallo", "Marmi Conti"],
               first=["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Niccolò", "Elena", "Davide"], last=["Rossi", "Bianchi", "Esposito", "Colombo", "Ricci", "Romano"]),
    "NL": dict(cur="EUR", phone="+31 20", cities=[("Amsterdam", "1012 AB"), ("Rotterdam", "3011 AA"), ("Utrecht", "3511 AA")],
               streets=["Damrak", "Coolsingel", "Oudegracht"], tld="nl",
               companies=["Van der Berg Bloemen B.V.", "De Vries Techniek", "Jansen Transport B.V.", "Bakkerij Visser", "Smit Scheepsbouw"],
               first=["Daan", "Sanne", "Bram", "Femke", "Joris", "Lotte"], last=["de Vries", "Jansen", "Visser", "van Dijk", "Smit", "Bakker"]),
    "GB": dict(cur="GBP", phone="+44 20", cities=[("London", "EC1A 1BB"), ("Manchester", "M1 1AE"), ("Edinburgh", "EH1 1YZ"), ("Bristol", "BS1 4DJ")],
               streets=["High Street", "Station Road", "Church Lane", "King Street"], tld="co.uk",
               companies=["Fabrikam Ltd.", "Thames Valley Engineering", "Baker & Sons Ltd.", "Highland Whisky Co.", "Oxford Instruments Supply",
                          "Brighton Seafoods", "Northern Rail Parts Ltd.", "Kensington Interiors", "Yorkshire Textiles", "Celtic Software plc"],
               first=["Oliver", "Amelia", "Harry", "Isla", "George", "Emily", "Siobhán", "Rhys"], last=["Smith", "Jones", "Taylor", "Brown", "O'Neill", "Evans"]),
    "US": dict(cur="USD", phone="+1 206", cities=[("Seattle", "98101"), ("Chicago", "60601"), ("Austin", "73301"), ("Boston", "02108")],
               streets=["Main Street", "Pine Street", "Michigan Avenue", "Congress Avenue"], tld="com",
               companies=["Adatum Corporation", "Contoso Ltd.", "Trey Research", "Alpine Ski House", "Coho Winery",
                          "Litware, Inc.", "Wide World Importers", "Tailspin Toys", "Northwind Traders", "Proseware, Inc."],
               first=["James", "Olivia", "Michael", "Emma", "Daniel", "Ava", "Chloé", "Ethan"], last=["Johnson", "Williams", "Miller", "Davis", "García", "Wilson"]),
    "JP": dict(cur="JPY", phone="+81 3", cities=[("東京", "100-0005"), ("大阪", "530-0001"), ("京都", "600-8216")],
               streets=["丸の内1-1-1", "梅田2-4-9", "烏丸通七条下ル"], tld="jp",
               companies=["株式会社山田製作所", "東京精密工業株式会社", "大阪商事株式会社", "京都織物合同会社", "🍣 Sushi Bar Tanaka"],
               first=["太郎", "花子", "健一", "美咲", "翔太", "由美"], last=["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤"]),
    "CN": dict(cur="CNY", phone="+86 10", cities=[("北京", "100000"), ("上海", "200000"), ("深圳", "518000")],
               streets=["长安街1号", "南京路100号", "深南大道2000号"], tld="cn",
               companies=["北京华星科技有限公司", "上海东方贸易有限公司", "深圳创新电子有限公司", "杭州绿茶集团"],
               first=["伟", "芳", "静", "强", "磊", "敏"], last=["王", "李", "张", "刘", "陈", "杨"]),
    "SA": dict(cur="SAR", phone="+966 11", cities=[("الرياض", "11564"), ("جدة", "21577")],
               streets=["طريق الملك فهد", "شارع التحلية"], tld="sa",
               companies=["شركة النور للتجارة", "مؤسسة الفجر للمقاولات", "شركة الخليج للتقنية"],
               first=["محمد", "فاطمة", "أحمد", "نورة", "خالد", "سارة"], last=["العتيبي", "القحطاني", "الشمري", "الحربي"]),
    "SE": dict(cur="SEK", phone="+46 8", cities=[("Stockholm", "111 20"), ("Göteborg", "411 01"), ("Malmö", "211 20")],
               streets=["Drottninggatan", "Kungsgatan", "Södra Förstadsgatan"], tld="se",
               companies=["Nordström Möbler AB", "Ångström Optik AB", "Göteborgs Kaffe", "Öresund Logistik AB", "Åre Fjällsport"],
               first=["Åsa", "Björn", "Märta", "Lars", "Ingrid", "Östen"], last=["Andersson", "Nyström", "Lindqvist", "Åberg", "Sjögren"]),
    "PL": dict(cur="PLN", phone="+48 22", cities=[("Warszawa", "00-001"), ("Kraków", "30-001"), ("Łódź", "90-001")],
               streets=["ul. Marszałkowska", "ul. Floriańska", "ul. Piotrkowska"], tld="pl",
               companies=["Łódzkie Zakłady Włókiennicze", "Żabka Dystrybucja", "Kraków Ceramika Sp. z o.o.", "Gdańsk Stocznia Serwis"],
               first=["Łukasz", "Zofia", "Paweł", "Małgorzata", "Wojciech", "Agnieszka"], last=["Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Żak"]),
    "BR": dict(cur="BRL", phone="+55 11", cities=[("São Paulo", "01001-000"), ("Rio de Janeiro", "20010-000")],
               streets=["Avenida Paulista", "Rua da Assembleia"], tld="com.br",
               companies=["Construtora São João", "Café Três Corações Distribuidora", "Açaí do Pará Ltda.", "Têxtil Gonçalves"],
               first=["João", "Ana", "Conceição", "Thiago", "Luíza", "Vinícius"], last=["Silva", "Gonçalves", "Araújo", "Conceição", "Magalhães"]),
}

JOBS = ["Purchasing Manager", "Chief Executive Officer", "Sales Director", "Accountant", "IT Manager", "Office Manager",
        "Head of Logistics", "Buyer", "Chief Financial Officer", "Project Lead"]

def company_pool():
    pool = []
    for code, c in COUNTRIES.items():
        for name in c["companies"]:
            pool.append((code, name))
    return pool

def make_customer(no, code, name):
    c = COUNTRIES[code]
    city, post = rng.choice(c["cities"])
    slug = ascii_slug(name)
    return {
        "id": uid(), "No.": no, "Name": name,
        "Address": f"{rng.choice(c['streets'])} {rng.randint(1, 180)}" if code not in ("JP", "CN") else rng.choice(c["streets"]),
        "Address 2": rng.choice(["", "", "", "2nd floor", "Building B", "Suite 400"]),
        "Post Code": post, "City": city, "Country/Region Code": code,
        "Phone No.": f"{c['phone']} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        "E-Mail": f"info@{slug}.{c['tld']}", "Home Page": f"www.{slug}.{c['tld']}",
        "Contact": f"{rng.choice(c['first'])} {rng.choice(c['last'])}",
        "Currency Code": "" if code in ("DE", "FR", "ES", "IT", "NL") else c["cur"],
        "Credit Limit": str(rng.choice([0, 5000, 10000, 25000, 50000, 100000])), "Blocked": "",
    }

CUSTOMER_MAP = [("Name", "name"), ("Address", "address1_line1"), ("Address 2", "address1_line2"), ("Post Code", "address1_postalcode"),
                ("City", "address1_city"), ("Country/Region Code", "address1_country"), ("Phone No.", "telephone1"),
                ("E-Mail", "emailaddress1"), ("Home Page", "websiteurl"), ("Contact", "address1_primarycontactname"),
                ("Currency Code", "transactioncurrency"), ("Credit Limit", "creditlimit"), ("No.", "accountnumber")]
CONTACT_MAP = [("First Name", "firstname"), ("Surname", "lastname"), ("Job Title", "jobtitle"), ("E-Mail", "emailaddress1"),
               ("Phone No.", "telephone1"), ("Mobile Phone No.", "mobilephone")]

def account_from(customer):
    acc = {"id": uid(), "statecode": "Active"}
    for erp, crm in CUSTOMER_MAP:
        acc[crm] = customer[erp]
    return acc

customers, accounts, couplings, contacts, crm_contacts = [], [], [], [], []
pool = company_pool()
rng.shuffle(pool)

# 160 customers, C00010 … C01600; names from the pool, then numbered branches.
special = {
    3: ("GB", "O'Reilly \"Quoted\", Commas & Co."),
    7: ("FR", "Cafe\u0301 de l'Ope\u0301ra (combining accents)"),
    11: ("US", "The Extraordinarily Long-Named International Consolidated Holding Company for Advanced Industrial Manufacturing, Distribution and Services of North America, Incorporated"),
    13: ("US", "Evil\x1b[31m RED\x1b[0m Corp\r\x08\x08\x08\tOVERWRITTEN\x07 \u202eesrever\u202c Ltd."),
}
for i in range(160):
    if i in special:
        code, name = special[i]
    elif i < len(pool):
        code, name = pool[i]
    else:
        code, name = pool[i % len(pool)]
        name = f"{name} ({COUNTRIES[code]['cities'][i % len(COUNTRIES[code]['cities'])][0]})"
    customers.append(make_customer(f"C{(i + 1) * 10:05d}", code, name))

t_sync = BASE
def later(hours):
    return BASE + timedelta(hours=hours, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59), milliseconds=rng.randint(0, 999))

notes = {}
for i, what in ((3, "quotes and commas in the name (CSV quoting)"), (7, "combining accents (e + U+0301) in the name"),
                (11, "a very long name (over 150 characters)"),
                (13, "hostile text: ESC colour codes, CR, backspaces, TAB, BEL and a bidi override in the name")):
    notes[f"C{(i + 1) * 10:05d}"] = what
# --- Customers 0..89: coupled to accounts.
for i in range(90):
    cu = customers[i]
    acc = account_from(cu)
    accounts.append(acc)
    snap = {erp: [cu[erp], acc[crm]] for erp, crm in CUSTOMER_MAP}
    cu["modifiedAt"] = stamp(t_sync)
    acc["modifiedAt"] = stamp(t_sync)
    coupling = {"mapping": "CUSTOMER", "erpId": cu["id"], "crmId": acc["id"],
                "erpModifiedAtLastSync": stamp(t_sync), "crmModifiedAtLastSync": stamp(t_sync), "snapshot": json.dumps(snap, ensure_ascii=False)}
    couplings.append(coupling)
    if i in (20, 21, 22, 23, 24):          # changed in the ERP only
        cu["Phone No."] = cu["Phone No."][:-4] + f"{rng.randint(1000, 9999)}"
        cu["modifiedAt"] = stamp(later(30))
        notes[cu["No."]] = "changed in the ERP only (Phone No.)"
    elif i in (25, 26, 27, 28, 29):        # changed in the CRM only
        acc["address1_city"] = acc["address1_city"] + " Centre" if rng.random() < 0.5 else acc["address1_city"].upper()
        acc["modifiedAt"] = stamp(later(40))
        notes[cu["No."]] = "changed in the CRM only (address1_city)"
    elif i in (30, 31, 32, 33):            # true conflicts: the same field, different values
        cu["E-Mail"] = "sales@" + cu["E-Mail"].split("@")[1]
        acc["emailaddress1"] = "contact@" + acc["emailaddress1"].split("@")[1]
        cu["modifiedAt"] = stamp(later(50))
        acc["modifiedAt"] = stamp(later(52))
        notes[cu["No."]] = "true conflict: E-Mail changed differently on both sides"
    elif i in (34, 35):                    # changed on both sides, different fields: merges cleanly
        cu["Phone No."] = cu["Phone No."][:-4] + "0000"
        acc["websiteurl"] = "https://" + acc["websiteurl"]
        cu["modifiedAt"] = stamp(later(60))
        acc["modifiedAt"] = stamp(later(61))
        notes[cu["No."]] = "changed on both sides in different fields (Phone No. / websiteurl): merges cleanly"
    elif i == 36:                          # coupled, but the CRM account was deleted
        accounts.remove(acc)
        notes[cu["No."]] = "coupled to a CRM account that was deleted"
    elif i == 37:                          # coupled but never synchronized: no snapshot, no timestamps
        coupling.update(erpModifiedAtLastSync="", crmModifiedAtLastSync="", snapshot="")
        acc["creditlimit"] = "0"
        notes[cu["No."]] = "coupled but never synchronized (no snapshot)"
    elif i == 38:                          # decimal that differs only in form: not a change
        acc["creditlimit"] = cu["Credit Limit"] + ".00"
        notes[cu["No."]] = "creditlimit 'N.00' equals Credit Limit 'N' (compared as numbers)"

# --- Customers 90..149: not coupled; most have a matching account for match-based coupling.
for i in range(90, 150):
    cu = customers[i]
    cu["modifiedAt"] = stamp(later(5))
    if i < 130:
        acc = account_from(cu)
        acc["id"] = uid()
        if i % 7 == 0:
            acc["name"] = acc["name"].upper()       # still matches case-insensitively
        acc["modifiedAt"] = stamp(later(6))
        accounts.append(acc)
        notes.setdefault(cu["No."], "not coupled; one CRM account matches on name + e-mail")
    elif i in (130, 131):                           # CRM duplicates: ambiguous match
        for _ in range(2):
            acc = account_from(cu)
            acc["id"] = uid()
            acc["modifiedAt"] = stamp(later(6))
            accounts.append(acc)
        notes[cu["No."]] = "two identical CRM accounts: match is ambiguous"
    elif i == 132:                                  # same name and e-mail as a customer that is coupled
        twin = customers[0]
        for f in ("Name", "E-Mail"):
            cu[f] = twin[f]
        notes[cu["No."]] = f"same name and e-mail as {twin['No.']}, whose account is coupled: candidate already coupled"
    else:
        notes.setdefault(cu["No."], "not coupled; no CRM account matches")
for i in range(150, 160):
    customers[i]["modifiedAt"] = stamp(later(5))
    notes.setdefault(customers[i]["No."], "not coupled; no CRM account matches")
customers[150]["Blocked"] = "All"
notes[customers[150]["No."]] = "Blocked: outside the CUSTOMER mapping's filter"
inactive = account_from(make_customer("X", "DE", "Altmann Stillgelegt GmbH"))
inactive["accountnumber"] = ""
inactive["statecode"] = "Inactive"
inactive["modifiedAt"] = stamp(later(3))
accounts.append(inactive)

# Fill the CRM up to 170 accounts with prospects that have no ERP customer.
prospects = ["Blue Yonder Airlines", "Humongous Insurance", "Lucerne Publishing", "Margie's Travel", "Fourth Coffee",
             "Graphic Design Institute", "School of Fine Art", "Woodgrove Bank", "City Power & Light", "Relecloud"]
n = 0
while len(accounts) < 170:
    code = rng.choice(list(COUNTRIES))
    base = prospects[n % len(prospects)]
    name = base if n < len(prospects) else f"{base} {COUNTRIES[code]['cities'][0][0]}"
    acc = account_from(make_customer("", code, name))
    acc["accountnumber"] = ""
    acc["modifiedAt"] = stamp(later(8))
    accounts.append(acc)
    n += 1

# --- Contacts: two per customer (first 150 customers), one company-less.
coupled_customer_ids = {c["erpId"]: c["crmId"] for c in couplings}
existing_accounts = {a["id"] for a in accounts}
ct_no = 0
for i, cu in enumerate(customers[:145]):
    code = cu["Country/Region Code"]
    c = COUNTRIES[code]
    for k in range(2):
        ct_no += 1
        first, last = rng.choice(c["first"]), rng.choice(c["last"])
        slug = ascii_slug(first + last) if ascii_slug(first + last) != "info" else f"person{ct_no}"
        contact = {"id": uid(), "No.": f"CT{ct_no * 10:06d}", "First Name": first, "Surname": last, "Name": f"{first} {last}",
                   "Job Title": rng.choice(JOBS), "Company No.": cu["No."],
                   "E-Mail": f"{slug}{ct_no}@{cu['E-Mail'].split('@')[1]}",
                   "Phone No.": cu["Phone No."][:-2] + f"{rng.randint(10, 99)}",
                   "Mobile Phone No.": f"{c['phone'].split()[0]} 1{rng.randint(10, 99)} {rng.randint(100000, 999999)}",
                   "modifiedAt": stamp(later(4))}
        contacts.append(contact)
        crm_account = coupled_customer_ids.get(cu["id"])
        if crm_account and crm_account in existing_accounts:
            cc = {"id": uid(), "firstname": first, "lastname": last, "fullname": f"{first} {last}", "jobtitle": contact["Job Title"],
                  "emailaddress1": contact["E-Mail"], "telephone1": contact["Phone No."], "mobilephone": contact["Mobile Phone No."],
                  "parentcustomerid": crm_account, "statecode": "Active", "modifiedAt": contact["modifiedAt"]}
            crm_contacts.append(cc)
            snap = {erp: [contact[erp], cc[crm]] for erp, crm in CONTACT_MAP}
            snap["Company No."] = [cu["No."], crm_account]
            couplings.append({"mapping": "CONTACT", "erpId": contact["id"], "crmId": cc["id"],
                              "erpModifiedAtLastSync": contact["modifiedAt"], "crmModifiedAtLastSync": cc["modifiedAt"],
                              "snapshot": json.dumps(snap, ensure_ascii=False)})
            if len(crm_contacts) in (5, 6, 7):
                cc["jobtitle"] = "Senior " + cc["jobtitle"]
                cc["modifiedAt"] = stamp(later(45))
                notes[contact["No."]] = "contact changed in the CRM only (jobtitle)"
            elif len(crm_contacts) in (8, 9):
                contact["Mobile Phone No."] = contact["Mobile Phone No."][:-3] + "123"
                cc["mobilephone"] = cc["mobilephone"][:-3] + "987"
                contact["modifiedAt"] = stamp(later(55))
                cc["modifiedAt"] = stamp(later(56))
                notes[contact["No."]] = "contact true conflict (Mobile Phone No.)"
while len(contacts) < 300:
    ct_no += 1
    contacts.append({"id": uid(), "No.": f"CT{ct_no * 10:06d}", "First Name": "Private", "Surname": f"Person {ct_no}",
                     "Name": f"Private Person {ct_no}", "Job Title": "", "Company No.": "", "E-Mail": f"person{ct_no}@example.com",
                     "Phone No.": "", "Mobile Phone No.": "", "modifiedAt": stamp(later(4))})
    notes[contacts[-1]["No."]] = "no Company No.: outside the CONTACT mapping's filter"
# CRM-only contacts up to 320, attached to accounts; two duplicates of an ERP contact for ambiguity.
first_uncoupled = next(c for c in contacts if c["Company No."] == customers[100]["No."])
for _ in range(2):
    crm_contacts.append({"id": uid(), "firstname": first_uncoupled["First Name"], "lastname": first_uncoupled["Surname"],
                         "fullname": first_uncoupled["Name"], "jobtitle": first_uncoupled["Job Title"],
                         "emailaddress1": first_uncoupled["E-Mail"], "telephone1": "", "mobilephone": "",
                         "parentcustomerid": "", "statecode": "Active", "modifiedAt": stamp(later(7))})
notes[first_uncoupled["No."]] = "two identical CRM contacts: match is ambiguous"
while len(crm_contacts) < 320:
    acc = rng.choice(accounts[90:])
    code = acc["address1_country"] if acc["address1_country"] in COUNTRIES else "US"
    c = COUNTRIES[code]
    first, last = rng.choice(c["first"]), rng.choice(c["last"])
    crm_contacts.append({"id": uid(), "firstname": first, "lastname": last, "fullname": f"{first} {last}",
                         "jobtitle": rng.choice(JOBS), "emailaddress1": f"{ascii_slug(first+last)}{len(crm_contacts)}@example.org",
                         "telephone1": "", "mobilephone": "", "parentcustomerid": acc["id"], "statecode": "Active",
                         "modifiedAt": stamp(later(9))})

def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])

CUSTOMER_FIELDS = ["No.", "Name", "Address", "Address 2", "Post Code", "City", "Country/Region Code", "Phone No.", "E-Mail",
                   "Home Page", "Contact", "Currency Code", "Credit Limit", "Blocked"]
ACCOUNT_FIELDS = ["name", "accountnumber", "address1_line1", "address1_line2", "address1_postalcode", "address1_city",
                  "address1_country", "telephone1", "emailaddress1", "websiteurl", "address1_primarycontactname",
                  "transactioncurrency", "creditlimit", "statecode"]
ERP_CONTACT_FIELDS = ["No.", "Name", "First Name", "Surname", "Job Title", "Company No.", "E-Mail", "Phone No.", "Mobile Phone No."]
CRM_CONTACT_FIELDS = ["fullname", "firstname", "lastname", "jobtitle", "parentcustomerid", "emailaddress1", "telephone1",
                      "mobilephone", "statecode"]
os.makedirs(OUT, exist_ok=True)
write("erp-customers.csv", ["id", "modifiedAt"] + CUSTOMER_FIELDS, customers)
write("erp-contacts.csv", ["id", "modifiedAt"] + ERP_CONTACT_FIELDS, contacts)
write("crm-accounts.csv", ["id", "modifiedAt"] + ACCOUNT_FIELDS, accounts)
write("crm-contacts.csv", ["id", "modifiedAt"] + CRM_CONTACT_FIELDS, crm_contacts)
write("couplings.csv", ["mapping", "erpId", "crmId", "erpModifiedAtLastSync", "crmModifiedAtLastSync", "snapshot"], couplings)
with open(os.path.join(OUT, "cases.tsv"), "w", encoding="utf-8") as f:
    f.write("No.\tcase\n")
    for no in sorted(notes):
        f.write(f"{no}\t{notes[no]}\n")
print(len(customers), "customers,", len(contacts), "contacts,", len(accounts), "accounts,", len(crm_contacts), "CRM contacts,",
      len(couplings), "couplings")
