// Scale of the link stage: generates the records of N documents shaped like a run's output and
// links them. The goals: 1,000,000 documents in <= 5 minutes and <= 4 GB on a 2-core
// machine; adding 1,000 documents to a store of 1,000,000 in seconds, not a full re-link. Timed
// from outside, for the peak memory as well as the time:
//
//   /usr/bin/time -v build/bench/link_bench 1000000      # all at once, in memory
//   /usr/bin/time -v build/bench/link_bench 1000000 8    # in 8 parts of whole towns
//   build/bench/link_bench --db /tmp/big.db build 1000000          # a store of 1M, linked (once)
//   build/bench/link_bench --db /tmp/new.db store 1000000          # the same store, not linked yet
//   build/bench/link_bench --db /tmp/new.db relink   # its first full link (copy the db first to repeat it)
//   /usr/bin/time -v build/bench/link_bench --db /tmp/big.db add 1000   # 1,000 more, incrementally
//   build/bench/link_bench --db /tmp/big.db digest   # a digest of the events table
//   build/bench/link_bench --db /tmp/big.db relink   # link the whole store again (to compare)
//   /usr/bin/time -v build/bench/link_bench --db /tmp/big.db export /tmp/out  # ExportAll: the files of a run
//
// `add` stores the new documents and links only what they touch (engine/link_store.h), then
// adds the same documents again and checks that nothing changes. Half the new documents report
// new events, half are late reports of stored events.
//
// The corpus: real events in a few thousand towns (some named by a neighbourhood) of 20 countries,
// dated over fourteen years, each told by 1-10 reports (most by one to three); reports published
// up to two days late, some undated, some syndicated copies of another report; each report with
// its lead event, sometimes a second event it mentions, and a few counts from named and unnamed
// sources, sometimes a denial or a running tally. Fixed seed: the same N gives the same corpus.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "engine/link_store.h"
#include "link/linker.h"
#include "report/exports.h"
#include "store/sqlite_store.h"

namespace crosscheck {
namespace {

using Clock = std::chrono::steady_clock;

struct Town {
  Place place;
  std::vector<std::string> neighbourhoods;
};

const char* kTypes[][2] = {
    {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Explosions/Remote violence", "Air/drone strike"},
    {"Battles", "Armed clash"},
    {"Violence against civilians", "Attack"},
    {"Riots", "Violent demonstration"},
    {"Protests", "Peaceful protest"},
};
struct SourceSpec {
  const char* name;
  ActorType type;
};
const SourceSpec kSources[] = {
    {"Health Ministry", ActorType::kGovernment},      {"State News Agency", ActorType::kStateMedia},
    {"Army", ActorType::kMilitary},                   {"Local Coordination Committees", ActorType::kActivist},
    {"Observatory for Human Rights", ActorType::kNgo}, {"Red Crescent", ActorType::kInternationalOrg},
    {"", ActorType::kActivist},                        {"", ActorType::kWitness},
    {"", ActorType::kMedical},                         {"", ActorType::kUnattributed},
};

const char* kActors[] = {"Government forces", "Syrian army", "Islamic State", "Police", "Militia"};
const char* kTargets[] = {"market", "hospital", "school", "bakery", "mosque", "checkpoint", "bus station",
                          "refugee camp", "power plant", "wedding party", "funeral", "university"};
const char* kWeapons[] = {"mortars", "artillery", "rockets", "barrel bombs", "car bomb", "gunfire"};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {
    for (int c = 0; c < 20; ++c) {
      std::string cc = {char('A' + c), char('A' + (c * 7) % 26)};
      for (int t = 0; t < 200; ++t) {
        Town town;
        town.place.name = "Town" + std::to_string(c) + "x" + std::to_string(t);
        town.place.admin1 = "Province " + std::to_string(t % 12);
        town.place.country = "Country " + cc;
        town.place.country_code = cc;
        town.place.lat = 30.0 + t * 0.01;
        town.place.lon = 40.0 + c * 0.5;
        town.place.precision = PlacePrecision::kTown;
        town.place.geonames_id = 100000 + c * 1000 + t;
        for (int n = 0; n < int(t % 4); ++n) town.neighbourhoods.push_back(town.place.name + " Quarter " + std::to_string(n));
        towns_.push_back(std::move(town));
      }
    }
  }

  // The reports of real event number `number` (1-10 of them): appended to `in` when its town is
  // in part `part` of `parts` (towns split by index, so a part holds whole blocks); returns how
  // many reports the event has either way. Each event has its own random stream, so a part is
  // generated without generating the others.
  //
  // `salt` != 0 gives other documents (other ids, publication delays, counts) of the same event:
  // late reports of it; `max_reports` caps how many are made.
  size_t Event(LinkInput& in, uint64_t number, size_t part, size_t parts, uint64_t salt = 0,
               size_t max_reports = SIZE_MAX) {
    rng_.seed(number * 0x9E3779B97F4A7C15ull + 12345);
    size_t town_index = Pick(towns_.size());
    const Town& town = towns_[town_index];
    Date day = Date{2010, 1, 1}.AddDays(int64_t(Pick(14 * 365)));
    size_t type = Pick(std::size(kTypes));
    int64_t toll = int64_t(Pick(3) == 0 ? Pick(200) : Pick(20)) + 1;
    size_t reports = Pick(2) ? 1 + Pick(3) : 1 + Pick(10);
    if (town_index % parts != part) return reports;
    if (salt) rng_.seed(rng_() ^ (salt * 0xD1B54A32D192ED03ull));
    reports = std::min(reports, max_reports);
    std::string first_doc;
    for (size_t r = 0; r < reports; ++r) {
      DocumentRecord d;
      d.doc_id = Hex();
      d.path = "/data/scrape/2024/" + d.doc_id + ".html";
      d.url = "https://news.example.org/world/" + d.doc_id;
      d.outlet = "Outlet " + std::to_string(Pick(200));
      d.title = std::to_string(toll) + " killed in " + town.place.name + " as fighting goes on";
      d.language = "en";
      Date published = day.AddDays(int64_t(Pick(3)));
      if (Pick(20)) d.published = PublishedDate{published, DateBasis::kMetadata, 0.9};
      if (!first_doc.empty() && Pick(20) == 0) d.near_duplicate_of = first_doc;
      if (first_doc.empty()) first_doc = d.doc_id;
      d.body_fingerprint = rng_();

      PlaceRecord where{town.place, town.place.name};
      if (!town.neighbourhoods.empty() && Pick(3) == 0) {
        where.place.name = town.neighbourhoods[Pick(town.neighbourhoods.size())];
        where.place.precision = PlacePrecision::kNeighbourhood;
        where.place.parent = town.place.name;
        where.text = where.place.name;
      }
      DocEventRecord lead;
      lead.doc_id = d.doc_id;
      lead.index = 0;
      lead.event_type = kTypes[type][0];
      lead.sub_event_type = kTypes[type][1];
      lead.location = where;
      if (d.published.date) lead.date_start = lead.date_end = day;
      lead.actor1 = kActors[(number + (Pick(4) == 0)) % std::size(kActors)];
      lead.actor2 = Pick(2) ? "Rebels" : "";
      // The words of the incident (what was hit, with what), most of them shared by its reports.
      const char* target = kTargets[(number / 7 + (Pick(5) == 0)) % std::size(kTargets)];
      const char* weapon = kWeapons[(number / 3) % std::size(kWeapons)];
      lead.sentence = std::string(lead.actor1) + " hit the " + target + " in " + where.place.name + " with " +
                      weapon + " on Saturday, residents said, as the offensive entered its third week.";
      lead.is_lead = true;
      d.lead = LeadRecord{"", lead.event_type, lead.sub_event_type, Quantity{toll, toll, false},
                          std::nullopt, where, lead.date_start};
      in.doc_events.push_back(lead);
      if (Pick(10) < 3) {  // a second event the report mentions in passing
        // Another town of the same part: a part must hold every report of its towns.
        size_t other_index = Pick(towns_.size() / parts) * parts + part;
        const Town& other = towns_[other_index < towns_.size() ? other_index : town_index];
        DocEventRecord e = lead;
        e.index = 1;
        e.is_lead = false;
        e.location = PlaceRecord{other.place, other.place.name};
        e.date_start = e.date_end = day.AddDays(-int64_t(Pick(30)));
        e.sentence = "Clashes were also reported in " + other.place.name + " earlier in the month.";
        in.doc_events.push_back(e);
      }
      size_t claims = 1 + Pick(4);
      for (size_t k = 0; k < claims; ++k) {
        ClaimRecord c;
        c.claim_id = d.doc_id + "-c" + std::to_string(k);
        c.doc_id = d.doc_id;
        c.doc_event = 0;
        const SourceSpec& src = kSources[Pick(std::size(kSources))];
        c.source_name = src.name;
        c.source_type = src.type;
        c.source_text = src.name[0] ? std::string("the ") + src.name : "activists";
        c.kind = Pick(4) ? ClaimKind::kKilled : ClaimKind::kInjured;
        int64_t n = std::max<int64_t>(1, toll + int64_t(Pick(7)) - 3);
        if (Pick(25) == 0 && k > 0) {
          c.polarity = Polarity::kDenied;
          c.sentence = "The " + std::string(src.name[0] ? src.name : "government") +
                       " denied that any civilians had been killed in the shelling.";
        } else {
          c.count = CountRecord{std::to_string(n), Quantity{n, n, false}};
          if (Pick(10) == 0) {
            c.scope = Scope::kCumulative;
            c.count = CountRecord{"at least " + std::to_string(n * 40), Quantity{n * 40, std::nullopt, false}};
          }
          c.sentence = "At least " + std::to_string(n) + " people were killed at the " + target + " in " +
                       where.place.name + " on Saturday, " + c.source_text + " said in a statement.";
        }
        c.char_start = int64_t(k * 200);
        c.char_end = c.char_start + int64_t(c.sentence.size());
        c.victims = "people";
        c.location = where;
        c.time_start = c.time_end = lead.date_start;
        c.time_text = "on Saturday";
        in.claims.push_back(std::move(c));
      }
      in.documents.push_back(std::move(d));
    }
    return reports;
  }

 private:
  size_t Pick(size_t n) { return size_t(rng_() % n); }
  std::string Hex() {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng_()));
    return buf;
  }
  std::mt19937_64 rng_;
  std::vector<Town> towns_;
};

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Stores what the generator made, a document at a time (its claims and events follow it in `in`).
// Returns how many were new.
size_t Store(SqliteStore& store, LinkInput& in, std::vector<std::string>* added) {
  size_t e = 0, c = 0, fresh = 0;
  for (DocumentRecord& d : in.documents) {
    DocumentRecords records;
    while (e < in.doc_events.size() && in.doc_events[e].doc_id == d.doc_id) records.events.push_back(std::move(in.doc_events[e++]));
    while (c < in.claims.size() && in.claims[c].doc_id == d.doc_id) records.claims.push_back(std::move(in.claims[c++]));
    records.document = std::move(d);
    auto ok = store.AddDocument(records);
    if (!ok.ok()) {
      std::fprintf(stderr, "%s\n", ok.status().ToString().c_str());
      std::exit(1);
    }
    if (*ok) {
      ++fresh;
      if (added) added->push_back(records.document.doc_id);
    }
  }
  in = LinkInput();
  return fresh;
}

void Check(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    std::exit(1);
  }
}

// The number of events the generator made for the first `n` documents.
uint64_t EventsFor(Generator& gen, size_t n) {
  LinkInput scratch;
  size_t total = 0;
  uint64_t number = 0;
  while (total < n) {
    total += gen.Event(scratch, number++, 0, 1);
    scratch = LinkInput();
  }
  return number;
}

// A digest of the events table: its rows' JSON, in order.
std::pair<int64_t, uint64_t> Digest(SqliteStore& store) {
  int64_t rows = 0;
  uint64_t h = 1469598103934665603ull;
  Check(store.ForEachJson("events", [&](std::string_view json) {
    ++rows;
    for (unsigned char ch : json) h = (h ^ ch) * 1099511628211ull;
    return Status::Ok();
  }));
  return {rows, h};
}

void PrintPhases(const LinkStoreStats& s) {
  std::printf("  load %.1f s, link %.1f s, write %.1f s, indexes %.1f s\n", s.load_seconds, s.link_seconds,
              s.write_seconds, s.finish_seconds);
}

int DbMain(const std::string& path, const std::string& mode, size_t n, const std::string& arg) {
  auto opened = SqliteStore::Open(path);
  Check(opened.status());
  SqliteStore& store = **opened;
  Generator gen(20260101);
  std::vector<std::string> repaired;
  LinkStoreStats stats;
  if (mode == "build" || mode == "store") {
    auto t0 = Clock::now();
    size_t total = 0;
    uint64_t number = 0;
    Check(store.Begin());
    while (total < n) {
      LinkInput in;
      for (int k = 0; k < 2000 && total < n; ++k) total += gen.Event(in, number++, 0, 1);
      Store(store, in, nullptr);
    }
    Check(store.Commit());
    double stored = Since(t0);
    if (mode == "store") {
      std::printf("stored %zu documents (%llu real events) in %.1f s\n", total,
                  static_cast<unsigned long long>(number), stored);
      return 0;
    }
    auto t1 = Clock::now();
    Check(LinkStore(store, LinkOptions(), nullptr, {}, &repaired, &stats));
    std::printf("stored %zu documents (%llu real events) in %.1f s; linked %zu document events into %zu events "
                "in %zu batches in %.1f s\n",
                total, static_cast<unsigned long long>(number), stored, stats.doc_events, stats.events,
                stats.batches, Since(t1));
    PrintPhases(stats);
    return 0;
  }
  if (mode == "relink") {
    auto t0 = Clock::now();
    Check(LinkStore(store, LinkOptions(), nullptr, {}, &repaired, &stats));
    std::printf("linked %zu document events into %zu events in %.1f s\n", stats.doc_events, stats.events, Since(t0));
    PrintPhases(stats);
    return 0;
  }
  if (mode == "export") {
    auto t0 = Clock::now();
    Check(ExportAll(store, arg));
    std::printf("exported the store to %s in %.1f s\n", arg.c_str(), Since(t0));
    return 0;
  }
  if (mode == "digest") {
    auto [rows, h] = Digest(store);
    std::printf("events %lld, digest %016llx\n", static_cast<long long>(rows), static_cast<unsigned long long>(h));
    return 0;
  }
  if (mode != "add") return 2;
  // New documents: half report new events (numbered past the stored ones), half are late reports
  // of stored events.
  auto t0 = Clock::now();
  auto stored_docs = store.Count("documents");
  Check(stored_docs.status());
  uint64_t first_new = EventsFor(gen, size_t(*stored_docs));
  auto make = [&] {
    LinkInput in;
    uint64_t k = 0;
    while (in.documents.size() < n) {
      if (k % 2 == 0) {
        gen.Event(in, first_new + k / 2, 0, 1, 0, n - in.documents.size());
      } else {
        uint64_t old = (k * 0x9E3779B97F4A7C15ull >> 11) % first_new;
        gen.Event(in, old, 0, 1, /*salt=*/k + 1, 1);
      }
      ++k;
    }
    return in;
  };
  double setup = Since(t0);
  auto t1 = Clock::now();
  LinkInput in = make();
  std::vector<std::string> added;
  Check(store.Begin());
  size_t fresh = Store(store, in, &added);
  Check(store.Commit());
  double add = Since(t1);
  auto t2 = Clock::now();
  Check(LinkStore(store, LinkOptions(), &added, {}, &repaired, &stats));
  double link = Since(t2);
  std::printf("store of %lld documents (setup %.1f s); added %zu in %.2f s; linked incrementally (%s) %zu document "
              "events into %zu events in %.2f s; %zu dates repaired\n",
              static_cast<long long>(*stored_docs), setup, fresh, add, stats.incremental ? "yes" : "NO",
              stats.doc_events, stats.events, link, repaired.size());
  // The same documents again: nothing is added and nothing changes.
  auto before = Digest(store);
  auto t3 = Clock::now();
  in = make();
  added.clear();
  Check(store.Begin());
  size_t again = Store(store, in, &added);
  Check(store.Commit());
  LinkStoreStats none;
  Check(LinkStore(store, LinkOptions(), &added, {}, &repaired, &none));
  auto after = Digest(store);
  std::printf("the same %zu again: %zu added, %zu document events linked in %.2f s, events table %s\n", n, again,
              none.doc_events, Since(t3), before == after ? "unchanged" : "CHANGED");
  return before == after && again == 0 ? 0 : 1;
}

}  // namespace
}  // namespace crosscheck

// Usage: link_bench [DOCUMENTS [PARTS]]. With PARTS > 1 the corpus is generated and linked a
// part (a set of whole towns) at a time, as `crosscheck run` links a large store in batches of
// whole blocks: the peak memory is that of one part.
// Or: link_bench --db PATH build|store|add|relink|digest [DOCUMENTS] | export DIR (see the top of this file).
int main(int argc, char** argv) {
  using namespace crosscheck;
  if (argc > 3 && std::string(argv[1]) == "--db") {
    std::string arg = argc > 4 ? argv[4] : "";
    size_t n = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1000;
    int rc = DbMain(argv[2], argv[3], n, arg);
    if (rc == 2) std::fprintf(stderr, "usage: link_bench --db PATH build|store|add|relink|digest [DOCUMENTS] | export DIR\n");
    return rc;
  }
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  size_t parts = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  if (n == 0 || parts == 0) {
    std::fprintf(stderr, "usage: link_bench [DOCUMENTS [PARTS]]\n");
    return 1;
  }
  Generator gen(20260101);
  double generate = 0, link = 0;
  size_t docs = 0, claims = 0, doc_events = 0, real_events = 0, events = 0, merged = 0,
         contradictions = 0, changed = 0;
  for (size_t part = 0; part < parts; ++part) {
    auto t0 = Clock::now();
    LinkInput in;
    size_t total = 0;
    uint64_t number = 0;
    while (total < n) total += gen.Event(in, number++, part, parts);
    real_events = number;
    docs += in.documents.size();
    claims += in.claims.size();
    doc_events += in.doc_events.size();
    generate += Since(t0);
    auto t1 = Clock::now();
    LinkOutput out = Linker().Link(std::move(in));
    link += Since(t1);
    for (const EventRecord& e : out.events) {
      merged += e.documents.size() > 1;
      contradictions += e.contradictions.size();
    }
    events += out.events.size();
    changed += out.changed_claims.size();
  }
  std::printf("documents %zu in %zu part(s), document events %zu, claims %zu, real events %zu\n", docs,
              parts, doc_events, claims, real_events);
  std::printf("generate %.1f s, link %.1f s (%.0f documents/s)\n", generate, link, double(docs) / link);
  std::printf("events %zu (%zu from several reports), contradictions %zu, changed claims %zu\n", events,
              merged, contradictions, changed);
  return 0;
}
