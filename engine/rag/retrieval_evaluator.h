#pragma once

#include "engine/core/result.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/ingest/ingest_report.h"
#include "engine/metrics/percentiles.h"

#include <QString>

namespace docrag {

class BeirDataset;
class RagEngine;

struct EvalOptions final {
    QString collection;   // where the corpus is ingested (created on the first run, reused after)
    SearchOptions search; // mode, filters and tuning; k is set from depth
    int depth = 100;      // documents ranked per query: Recall@depth
};

struct EvalReport final {
    QString collection;
    int queries = 0;
    int documents = 0;
    double ndcgAt10 = 0.0;
    double recallAt100 = 0.0;
    double mrrAt10 = 0.0;
    LatencySummary latency; // per query, in milliseconds
    IngestReport ingest;
};

// Measures retrieval quality on a BEIR-format benchmark: the corpus becomes a collection (each
// document one HTML file whose name is its _id, so results map back to BEIR ids), every judged
// query is searched, and the rankings are scored with trec_eval's definitions.
class RetrievalEvaluator final {
public:
    explicit RetrievalEvaluator(RagEngine& engine);

    Result<EvalReport> run(const BeirDataset& data, const EvalOptions& options);

    static QString fileNameFor(const QString& documentId);
    static QString documentIdFor(const QString& path);

private:
    Result<QString> materialize(const BeirDataset& data, const QString& collection) const;

    RagEngine& m_engine;
};

} // namespace docrag
