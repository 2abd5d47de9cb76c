// docrag-bench-scale: the two halves of scripts/bench-scale that docrag-cli has no command for.
//   generate DIR CHUNKS QUERIES_FILE  writes a synthetic collection of about CHUNKS passages
//   (SyntheticCorpus)
//                                     and 500 queries on its topics
//   probe DATA_DIR COLLECTION QUERIES_FILE
//                                     in a new process (as a one-shot command or a window starts): opens the
//                                     engine and the collection's vector index (timed), runs every query
//                                     once (first pass) and then 500 timed hybrid, dense and BM25 searches,
//                                     reads the resident memory, and last measures the graph's recall@10
//                                     against an exact scan (which touches every vector, so it comes after
//                                     the memory figure). One JSON object on stdout.
//   graph DATA_DIR COLLECTION QUERIES_FILE M EF_CONSTRUCTION
//                                     builds the collection's graph again in memory with other parameters
//                                     and measures its recall and search time for several beams
// Not a test: the figures go to BENCHMARKS.md.
#include "engine/core/process_memory.h"
#include "engine/core/query_file.h"
#include "engine/embed/embedder.h"
#include "engine/embed/local_embedder.h"
#include "engine/index/vector_index.h"
#include "engine/index/vector_index_manager.h"
#include "engine/metrics/memory_probe.h"
#include "engine/metrics/percentiles.h"
#include "engine/rag/rag_engine.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "tests/bench/synthetic_corpus.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace docrag;

namespace {

constexpr int kQueries = 500;
constexpr int kRecallQueries = 200;

int fail(const QString& message) {
    std::fprintf(stderr, "docrag-bench-scale: %s\n", qPrintable(message));
    return 1;
}

double elapsedMs(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QJsonObject latency(const std::vector<double>& samples) {
    const LatencySummary s = Percentiles::summarize(samples);
    return {{QStringLiteral("p50_ms"), s.p50},
            {QStringLiteral("p95_ms"), s.p95},
            {QStringLiteral("p99_ms"), s.p99},
            {QStringLiteral("max_ms"), s.max}};
}

int generate(const QString& dir, int chunks, const QString& queriesPath) {
    const bench::SyntheticCorpus corpus;
    corpus.writeFiles(dir, chunks);
    QFile out(queriesPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot write %1").arg(queriesPath));
    out.write(corpus.queries(kQueries).join(QLatin1Char('\n')).toUtf8() + '\n');
    return 0;
}

std::vector<double> timeSearches(RagEngine& engine, const QStringList& queries, SearchMode mode, int count,
                                 QString* error) {
    SearchOptions options; // the application's defaults: k 5, fusion, re-ranking, merging
    options.mode = mode;
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto hits = engine.search(queries[i % queries.size()], options);
        samples.push_back(elapsedMs(timer));
        if (!hits && error->isEmpty())
            *error = hits.error().message;
    }
    return samples;
}

// The graph search against an exact scan of the same index: for each beam size, the share of the exact
// ten nearest chunks that the graph finds, and how long its searches take.
Result<QJsonArray> recallByBeam(VectorIndex& index, const Embedder& embedder, const QStringList& queries) {
    const int count = static_cast<int>(std::min<qsizetype>(kRecallQueries, queries.size()));
    const auto dimension = static_cast<size_t>(embedder.dimension());
    std::vector<float> vectors(static_cast<size_t>(count) * dimension);
    if (Status s = embedder.embed(std::span(queries.cbegin(), static_cast<size_t>(count)), vectors); !s)
        return s.error();
    const auto vector = [&](int q) {
        return std::span<const float>(vectors).subspan(q * dimension, dimension);
    };
    std::vector<std::vector<ScoredChunk>> exact;
    for (int q = 0; q < count; ++q) {
        auto found = index.searchExact(vector(q), 10);
        if (!found)
            return found.error();
        exact.push_back(std::move(*found));
    }
    const int adapted = index.efSearch();
    QJsonArray out;
    std::vector<int> beams{adapted}; // what searches use, first
    for (const int ef : {256, 512, 1024, 2048, 4096}) {
        if (ef != adapted)
            beams.push_back(ef);
    }
    for (const int ef : beams) {
        index.setEfSearch(ef);
        std::vector<double> samples;
        int found = 0;
        int tied = 0;
        int total = 0;
        for (int q = 0; q < count; ++q) {
            QElapsedTimer timer;
            timer.start();
            auto approximate = index.search(vector(q), 10);
            samples.push_back(elapsedMs(timer));
            if (!approximate)
                return approximate.error();
            const std::vector<ScoredChunk>& truth = exact[static_cast<size_t>(q)];
            for (const ScoredChunk& e : truth) {
                ++total;
                found += std::any_of(approximate->begin(), approximate->end(),
                                     [&](const ScoredChunk& a) { return a.chunkId == e.chunkId; });
            }
            // As ann-benchmarks counts: a result as close as the tenth true neighbour is one of the ten
            // (passages with the same vector tie, and the scan and the graph may pick different ones).
            if (!truth.empty()) {
                tied += static_cast<int>(
                    std::count_if(approximate->begin(), approximate->end(), [&](const ScoredChunk& a) {
                        return a.score >= truth.back().score - 1e-6;
                    }));
            }
        }
        QJsonObject row = latency(samples);
        row.insert(QStringLiteral("ef"), ef);
        row.insert(QStringLiteral("default"), ef == adapted);
        row.insert(QStringLiteral("recall_at_10"), total == 0 ? 0.0 : static_cast<double>(tied) / total);
        row.insert(QStringLiteral("recall_at_10_by_id"),
                   total == 0 ? 0.0 : static_cast<double>(found) / total);
        out.append(row);
    }
    return out;
}

// Builds the collection's graph anew in memory with other parameters (the index file is left alone) and
// measures it as probe does: to choose the parameters for large collections.
int graph(const QString& dataDir, const QString& name, const QString& queriesPath, int m,
          int efConstruction) {
    const auto read = QueryFile::read(queriesPath);
    if (!read)
        return fail(read.error().message);
    const QStringList& queries = *read;
    auto database = Database::open(QDir(dataDir).filePath(QStringLiteral("docrag.sqlite3")));
    if (!database)
        return fail(database.error().message);
    auto collection = CollectionStore((*database)->connection()).find(name);
    if (!collection)
        return fail(QStringLiteral("no collection \"%1\" in %2").arg(name, dataDir));
    ChunkStore chunks((*database)->connection());
    auto count = chunks.countVectors(collection->id, collection->embedderId);
    if (!count)
        return fail(count.error().message);
    const LocalEmbedder embedder;
    VectorIndexParams params;
    params.m = m;
    params.efConstruction = efConstruction;
    VectorIndex index(embedder.dimension(), static_cast<size_t>(*count) + 16, params);
    std::vector<qint64> labels;
    std::vector<float> vectors;
    Status added;
    QElapsedTimer timer;
    timer.start();
    const auto flush = [&] {
        if (added.ok() && !labels.empty())
            added = index.addBatch(labels, vectors);
        labels.clear();
        vectors.clear();
    };
    const Status scanned = chunks.forEachVector(
        collection->id, collection->embedderId, [&](qint64 id, std::span<const float> vector) {
            labels.push_back(id);
            vectors.insert(vectors.end(), vector.begin(), vector.end());
            if (labels.size() >= 16384)
                flush();
        });
    flush();
    if (!scanned || !added)
        return fail(!scanned ? scanned.error().message : added.error().message);
    const double buildSeconds = elapsedMs(timer) / 1000.0;
    auto recall = recallByBeam(index, embedder, queries);
    if (!recall)
        return fail(recall.error().message);
    const QJsonObject json{{QStringLiteral("m"), m},
                           {QStringLiteral("ef_construction"), efConstruction},
                           {QStringLiteral("vectors"), static_cast<qint64>(index.size())},
                           {QStringLiteral("build_seconds"), buildSeconds},
                           {QStringLiteral("recall_by_ef"), *recall}};
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}

int probe(const QString& dataDir, const QString& name, const QString& queriesPath) {
    const auto read = QueryFile::read(queriesPath);
    if (!read)
        return fail(read.error().message);
    const QStringList& queries = *read;
    QElapsedTimer timer;
    timer.start();
    EngineOptions options;
    options.dataDir = dataDir;
    auto opened = RagEngine::open(options);
    if (!opened)
        return fail(opened.error().message);
    RagEngine& engine = **opened;
    const double engineOpenMs = elapsedMs(timer);
    auto collections = engine.collections();
    if (!collections)
        return fail(collections.error().message);
    const auto info = std::find_if(collections->begin(), collections->end(),
                                   [&](const CollectionInfo& c) { return c.collection.name == name; });
    if (info == collections->end())
        return fail(QStringLiteral("no collection \"%1\" in %2").arg(name, dataDir));

    timer.restart();
    auto index = engine.indexes().current(info->collection, engine.embedder().dimension());
    const double indexOpenMs = elapsedMs(timer);
    if (!index)
        return fail(index.error().message);
    if (!*index)
        return fail(QStringLiteral("the vector index is being rebuilt; run the probe again later"));

    QString error;
    timer.restart();
    (void)timeSearches(engine, queries, SearchMode::Hybrid, 1, &error);
    const double firstSearchMs = elapsedMs(timer);
    const std::vector<double> firstPass =
        timeSearches(engine, queries, SearchMode::Hybrid, static_cast<int>(queries.size()), &error);
    const std::vector<double> hybrid = timeSearches(engine, queries, SearchMode::Hybrid, kQueries, &error);
    const std::vector<double> dense = timeSearches(engine, queries, SearchMode::Dense, kQueries, &error);
    const std::vector<double> lexical = timeSearches(engine, queries, SearchMode::Lexical, kQueries, &error);
    if (!error.isEmpty())
        return fail(error);
    const qint64 residentDuringSearch = MemoryProbe::residentBytes();
    const qint64 peakDuringSearch = MemoryProbe::peakResidentBytes();

    auto recall = recallByBeam(**index, engine.embedder(), queries);
    if (!recall)
        return fail(recall.error().message);
    const QJsonObject json{
        {QStringLiteral("passages"), static_cast<qint64>(info->stats.chunks)},
        {QStringLiteral("vectors"), static_cast<qint64>((*index)->size())},
        {QStringLiteral("engine_open_ms"), engineOpenMs},
        {QStringLiteral("index_open_ms"), indexOpenMs},
        {QStringLiteral("first_search_ms"), firstSearchMs},
        {QStringLiteral("hybrid_first_pass"), latency(firstPass)},
        {QStringLiteral("hybrid"), latency(hybrid)},
        {QStringLiteral("dense"), latency(dense)},
        {QStringLiteral("bm25"), latency(lexical)},
        {QStringLiteral("resident_mb"), static_cast<double>(residentDuringSearch) / 1048576.0},
        {QStringLiteral("peak_resident_mb"), static_cast<double>(peakDuringSearch) / 1048576.0},
        {QStringLiteral("recall_at_10"), recall->first().toObject().value(QStringLiteral("recall_at_10"))},
        {QStringLiteral("ef_search"), recall->first().toObject().value(QStringLiteral("ef"))},
        {QStringLiteral("recall_by_ef"), *recall},
        {QStringLiteral("recall_queries"), std::min<qsizetype>(kRecallQueries, queries.size())},
    };
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    ProcessMemory::configure();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == QLatin1String("generate")) {
        bool ok = false;
        const int chunks = args[3].toInt(&ok);
        if (!ok || chunks <= 0)
            return fail(QStringLiteral("CHUNKS must be a positive number"));
        return generate(args[2], chunks, args[4]);
    }
    if (args.size() == 7 && args[1] == QLatin1String("graph"))
        return graph(args[2], args[3], args[4], args[5].toInt(), args[6].toInt());
    if (args.size() == 5 && args[1] == QLatin1String("probe"))
        return probe(args[2], args[3], args[4]);
    std::fprintf(stderr,
                 "usage: docrag-bench-scale generate DIR CHUNKS QUERIES_FILE\n"
                 "       docrag-bench-scale probe DATA_DIR COLLECTION QUERIES_FILE\n"
                 "       docrag-bench-scale graph DATA_DIR COLLECTION QUERIES_FILE M EF_CONSTRUCTION\n");
    return 2;
}
