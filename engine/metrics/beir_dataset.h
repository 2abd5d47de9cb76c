#pragma once

#include "engine/core/result.h"
#include "engine/metrics/retrieval_metrics.h"

#include <QString>

#include <vector>

namespace docrag {

struct BeirDocument final {
    QString id;
    QString title;
    QString text;
};

struct BeirQuery final {
    QString id;
    QString text;
};

// A retrieval benchmark in BEIR's format: corpus.jsonl, queries.jsonl and a qrels TSV with a header.
class BeirDataset final {
public:
    static Result<BeirDataset> load(const QString& corpusPath, const QString& queriesPath,
                                    const QString& qrelsPath);

    const std::vector<BeirDocument>& corpus() const { return m_corpus; }
    // Only the queries that have judgements, in file order.
    const std::vector<BeirQuery>& queries() const { return m_queries; }
    const Judgements& judgements(const QString& queryId) const;

private:
    std::vector<BeirDocument> m_corpus;
    std::vector<BeirQuery> m_queries;
    QHash<QString, Judgements> m_qrels;
};

} // namespace docrag
