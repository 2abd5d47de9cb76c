#include "engine/rag/retrieval_evaluator.h"

#include "engine/metrics/beir_dataset.h"
#include "engine/rag/rag_engine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrl>

namespace docrag {
namespace {

const QString kSuffix = QStringLiteral(".html");

// The h1 is the title (the loader takes it as the document's title when there is no <title>, and
// keeps it out of the heading path), the abstract one paragraph.
QByteArray htmlFor(const BeirDocument& doc) {
    return QStringLiteral(
               "<!DOCTYPE html>\n<html><body><main>\n<h1>%1</h1>\n<p>%2</p>\n</main></body></html>\n")
        .arg(doc.title.toHtmlEscaped(), doc.text.toHtmlEscaped())
        .toUtf8();
}

bool sameContent(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.size() == content.size() && file.open(QIODevice::ReadOnly) && file.readAll() == content;
}

QString folderName(const QString& collection) {
    return QString::fromLatin1(QUrl::toPercentEncoding(collection))
        .replace(QLatin1Char('%'), QLatin1Char('_'));
}

} // namespace

RetrievalEvaluator::RetrievalEvaluator(RagEngine& engine)
    : m_engine(engine) {}

QString RetrievalEvaluator::fileNameFor(const QString& documentId) {
    // Percent-encoding keeps any id (slashes, dots, spaces) a single, reversible file name.
    return QString::fromLatin1(QUrl::toPercentEncoding(documentId, QByteArray(), QByteArray("."))) + kSuffix;
}

QString RetrievalEvaluator::documentIdFor(const QString& path) {
    QString name = QFileInfo(path).fileName();
    name.chop(kSuffix.size());
    return QUrl::fromPercentEncoding(name.toLatin1());
}

Result<QString> RetrievalEvaluator::materialize(const BeirDataset& data, const QString& collection) const {
    const QString dir =
        QDir(m_engine.options().dataDir).filePath(QStringLiteral("eval/") + folderName(collection));
    if (!QDir().mkpath(dir))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(dir)};
    QSet<QString> names;
    for (const BeirDocument& doc : data.corpus()) {
        const QString name = fileNameFor(doc.id);
        names.insert(name);
        const QString path = QDir(dir).filePath(name);
        const QByteArray content = htmlFor(doc);
        // Unchanged files keep their time, so a second evaluation re-ingests nothing.
        if (sameContent(path, content))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(path)};
    }
    for (const QString& stale : QDir(dir).entryList(QDir::Files)) {
        if (!names.contains(stale))
            QFile::remove(QDir(dir).filePath(stale));
    }
    return dir;
}

Result<EvalReport> RetrievalEvaluator::run(const BeirDataset& data, const EvalOptions& options) {
    auto dir = materialize(data, options.collection);
    if (!dir)
        return dir.error();
    IngestRequest request;
    request.collection = options.collection;
    request.docType = QStringLiteral("beir");
    request.paths = {*dir};
    auto ingested = m_engine.ingest(request);
    if (!ingested)
        return ingested.error();

    EvalReport report;
    report.collection = options.collection;
    report.documents = static_cast<int>(data.corpus().size());
    report.ingest = std::move(*ingested);
    SearchOptions search = options.search;
    search.collections = {options.collection};
    // Chunks, not documents, are ranked: ask for enough to fill `depth` documents.
    search.k = options.depth * 2;
    search.candidates = std::max(search.candidates, search.k);
    search.snippets = false;

    std::vector<double> latencies;
    double ndcg = 0.0;
    double recall = 0.0;
    double mrr = 0.0;
    for (const BeirQuery& query : data.queries()) {
        QElapsedTimer timer;
        timer.start();
        auto hits = m_engine.search(query.text, search);
        latencies.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!hits)
            return hits.error();
        QStringList ranking;
        QSet<QString> seen;
        for (const Hit& hit : *hits) {
            const QString id = documentIdFor(hit.path);
            if (!seen.contains(id) && ranking.size() < options.depth) {
                seen.insert(id);
                ranking << id;
            }
        }
        const Judgements& judged = data.judgements(query.id);
        ndcg += RetrievalMetrics::ndcgAtK(ranking, judged, 10);
        recall += RetrievalMetrics::recallAtK(ranking, judged, 100);
        mrr += RetrievalMetrics::reciprocalRankAtK(ranking, judged, 10);
    }
    report.queries = static_cast<int>(data.queries().size());
    report.ndcgAt10 = ndcg / report.queries;
    report.recallAt100 = recall / report.queries;
    report.mrrAt10 = mrr / report.queries;
    report.latency = Percentiles::summarize(std::move(latencies));
    return report;
}

} // namespace docrag
