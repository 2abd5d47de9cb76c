#include "engine/store/fts_ranker.h"

#include "engine/store/sqlite_handle.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace docrag {

// Shared by every connection to one database: the document frequency of terms seen in queries.
// Frequencies are valid while the table's row and token totals are unchanged; any write moves at
// least one of them. Counting one costs a walk of the term's whole posting list, as much as a search.
struct FtsRanker::TermStats final {
    std::mutex mutex;
    std::unordered_map<std::string, sqlite3_int64> documentFrequency;
    sqlite3_int64 rows = -1;
    sqlite3_int64 tokens = -1;
};

namespace {

// Per connection: the token count of every row seen so far, by rowid (-1: not known yet). Read on
// every matching row, so it is not shared: no lock on the hot path.
struct ConnectionCache final {
    std::vector<int> lengths;
    std::shared_ptr<FtsRanker::TermStats> terms;
};

// Per query: what does not change from row to row.
struct QueryStats final {
    std::vector<double> idf;  // by phrase
    std::vector<char> scored; // by phrase: false for a repeated phrase of a pruned query
    double averageLength = 1.0;
};

int countRow(const Fts5ExtensionApi*, Fts5Context*, void* userData) {
    ++*static_cast<sqlite3_int64*>(userData);
    return SQLITE_OK;
}

// The terms of the query's phrases, when the caller passed them ("\x1f"-separated, phrase order).
// An empty term marks a phrase that is not scored: a pruned query repeats some terms to make FTS5
// skip rows (see LexicalIndex), and each term must count once.
std::vector<std::string> phraseTerms(sqlite3_value* value, int phrases) {
    std::vector<std::string> terms;
    if (!value || sqlite3_value_type(value) != SQLITE_TEXT)
        return terms;
    const std::string all(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                          static_cast<size_t>(sqlite3_value_bytes(value)));
    size_t from = 0;
    while (from <= all.size()) {
        const size_t to = all.find('\x1f', from);
        terms.push_back(all.substr(from, to == std::string::npos ? std::string::npos : to - from));
        if (to == std::string::npos)
            break;
        from = to + 1;
    }
    if (static_cast<int>(terms.size()) != phrases)
        terms.clear();
    return terms;
}

QueryStats* queryStats(const Fts5ExtensionApi* api, Fts5Context* fts, ConnectionCache& cache,
                       sqlite3_value* termList, int* rc) {
    if (auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0)))
        return stats;
    auto stats = std::make_unique<QueryStats>();
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK)
        *rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (*rc != SQLITE_OK)
        return nullptr;
    stats->averageLength =
        rows > 0 ? std::max(1.0, static_cast<double>(tokens) / static_cast<double>(rows)) : 1.0;
    const int phrases = api->xPhraseCount(fts);
    const std::vector<std::string> terms = phraseTerms(termList, phrases);
    stats->idf.resize(static_cast<size_t>(phrases));
    stats->scored.assign(static_cast<size_t>(phrases), 1);
    FtsRanker::TermStats& shared = *cache.terms;
    for (int i = 0; i < phrases; ++i) {
        if (!terms.empty() && terms[static_cast<size_t>(i)].empty()) {
            stats->scored[static_cast<size_t>(i)] = 0;
            continue;
        }
        std::optional<sqlite3_int64> known;
        if (!terms.empty()) {
            std::lock_guard lock(shared.mutex);
            if (rows != shared.rows || tokens != shared.tokens) {
                shared.documentFrequency.clear();
                shared.rows = rows;
                shared.tokens = tokens;
            }
            if (auto found = shared.documentFrequency.find(terms[static_cast<size_t>(i)]);
                found != shared.documentFrequency.end())
                known = found->second;
        }
        sqlite3_int64 hits = 0;
        if (known) {
            hits = *known;
        } else {
            *rc = api->xQueryPhrase(fts, i, &hits, &countRow);
            if (*rc != SQLITE_OK)
                return nullptr;
            if (!terms.empty()) {
                std::lock_guard lock(shared.mutex);
                if (rows == shared.rows && tokens == shared.tokens)
                    shared.documentFrequency.emplace(terms[static_cast<size_t>(i)], hits);
            }
        }
        stats->idf[static_cast<size_t>(i)] = FtsRanker::idf(rows, hits);
    }
    QueryStats* raw = stats.release();
    *rc = api->xSetAuxdata(fts, raw, [](void* p) { delete static_cast<QueryStats*>(p); });
    return *rc == SQLITE_OK ? raw : nullptr;
}

int rowLength(const Fts5ExtensionApi* api, Fts5Context* fts, ConnectionCache& cache, int* rc) {
    const sqlite3_int64 rowid = api->xRowid(fts);
    const bool cacheable = rowid >= 0 && rowid < (sqlite3_int64(1) << 26);
    if (cacheable && static_cast<size_t>(rowid) < cache.lengths.size() &&
        cache.lengths[static_cast<size_t>(rowid)] >= 0)
        return cache.lengths[static_cast<size_t>(rowid)];
    int tokens = 0;
    *rc = api->xColumnSize(fts, -1, &tokens);
    if (*rc == SQLITE_OK && cacheable) {
        if (static_cast<size_t>(rowid) >= cache.lengths.size())
            cache.lengths.resize(static_cast<size_t>(rowid) * 2 + 1024, -1);
        cache.lengths[static_cast<size_t>(rowid)] = tokens;
    }
    return tokens;
}

void docragBm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
                sqlite3_value** argv) {
    double k1 = 1.2;
    double b = 0.75;
    double weights[3] = {1.0, 1.0, 1.0};
    if (argc >= 1)
        k1 = sqlite3_value_double(argv[0]);
    if (argc >= 2)
        b = sqlite3_value_double(argv[1]);
    for (int i = 2; i < argc && i < 5; ++i)
        weights[i - 2] = sqlite3_value_double(argv[i]);

    int rc = SQLITE_OK;
    auto& cache = *static_cast<ConnectionCache*>(api->xUserData(fts));
    QueryStats* stats = queryStats(api, fts, cache, argc >= 6 ? argv[5] : nullptr, &rc);
    if (!stats) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    thread_local std::vector<double> frequency;
    frequency.assign(stats->idf.size(), 0.0);
    // Each scored phrase's own instances: xInstCount would first sort the instances of every phrase,
    // the repeated ones of a pruned query too, by position, which the score does not need.
    for (size_t p = 0; rc == SQLITE_OK && p < frequency.size(); ++p) {
        if (!stats->scored[p])
            continue;
        Fts5PhraseIter iterator;
        int column = -1;
        int offset = 0;
        rc = api->xPhraseFirst(fts, static_cast<int>(p), &iterator, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset))
            frequency[p] += column < 3 ? weights[column] : 1.0;
    }
    const int length = rc == SQLITE_OK ? rowLength(api, fts, cache, &rc) : 0;
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    const double norm = k1 * (1.0 - b + b * static_cast<double>(length) / stats->averageLength);
    double score = 0.0;
    for (size_t p = 0; p < frequency.size(); ++p) {
        if (frequency[p] > 0.0 && stats->scored[p])
            score += stats->idf[p] * frequency[p] * (k1 + 1.0) / (frequency[p] + norm);
    }
    // Negative like FTS5's bm25(), so that ORDER BY score ascending puts the best first.
    sqlite3_result_double(context, -score);
}

// docrag_bm25_bound(chunks_fts, k1, terms, from): the most that the terms from position `from` on
// can add to a row's docrag_bm25() score, whatever their frequency in it: idf × (k1 + 1) each.
void docragBm25Bound(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
                     sqlite3_value** argv) {
    if (argc != 3) {
        sqlite3_result_error(context, "docrag_bm25_bound() takes k1, terms and the first term", -1);
        return;
    }
    const double k1 = sqlite3_value_double(argv[0]);
    const sqlite3_int64 from = sqlite3_value_int64(argv[2]);
    int rc = SQLITE_OK;
    auto& cache = *static_cast<ConnectionCache*>(api->xUserData(fts));
    QueryStats* stats = queryStats(api, fts, cache, argv[1], &rc);
    if (!stats) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double bound = 0.0;
    for (size_t p = static_cast<size_t>(std::max<sqlite3_int64>(0, from)); p < stats->idf.size(); ++p) {
        if (stats->scored[p])
            bound += stats->idf[p] * (k1 + 1.0);
    }
    sqlite3_result_double(context, bound);
}

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

FtsRanker::FtsRanker()
    : m_terms(std::make_shared<TermStats>()) {}

FtsRanker::~FtsRanker() = default;

std::optional<FtsRanker::KnownFrequencies> FtsRanker::knownFrequencies(const QStringList& terms) const {
    KnownFrequencies known;
    std::lock_guard lock(m_terms->mutex);
    if (m_terms->rows < 0)
        return std::nullopt;
    known.rows = m_terms->rows;
    for (const QString& term : terms) {
        const auto found = m_terms->documentFrequency.find(term.toStdString());
        if (found == m_terms->documentFrequency.end())
            return std::nullopt;
        known.documents.push_back(found->second);
    }
    return known;
}

double FtsRanker::idf(qint64 rows, qint64 documents) {
    // The BM25 idf of Robertson and Sparck Jones, kept positive as Lucene and FTS5 do.
    const double n = static_cast<double>(documents);
    return std::log(1.0 + (static_cast<double>(rows) - n + 0.5) / (n + 0.5));
}

Status FtsRanker::install(QSqlDatabase db) const {
    sqlite3* sqlite = sqliteHandle(db);
    if (!sqlite)
        return Error{ErrorCode::Database, QStringLiteral("not a SQLite connection")};
    fts5_api* api = fts5Api(sqlite);
    if (!api || api->iVersion < 2)
        return Error{ErrorCode::Database, QStringLiteral("SQLite was built without FTS5")};
    // The two functions share one cache, deleted with the first; FTS5 destroys its functions only
    // when the connection closes, when neither can be called any more.
    auto* cache = new ConnectionCache{{}, m_terms};
    int rc = api->xCreateFunction(api, "docrag_bm25", cache, &docragBm25,
                                  [](void* p) { delete static_cast<ConnectionCache*>(p); });
    if (rc != SQLITE_OK)
        delete cache;
    else
        rc = api->xCreateFunction(api, "docrag_bm25_bound", cache, &docragBm25Bound, nullptr);
    if (rc != SQLITE_OK) {
        return Error{ErrorCode::Database, QStringLiteral("cannot register the ranking function: %1")
                                              .arg(QString::fromUtf8(sqlite3_errstr(rc)))};
    }
    return {};
}

} // namespace docrag
