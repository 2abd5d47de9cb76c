#include "app/cli/cli_json.h"

#include <QJsonArray>

namespace docrag {

QJsonObject CliJson::hit(const Hit& h, int rank) {
    QJsonObject o{
        {QStringLiteral("rank"), rank},
        {QStringLiteral("score"), h.score},
        {QStringLiteral("chunk_id"), h.chunkId},
        {QStringLiteral("collection"), h.collection},
        {QStringLiteral("path"), h.path},
        {QStringLiteral("title"), h.title},
        {QStringLiteral("heading_path"), h.headingPath},
        {QStringLiteral("location"), h.locationLabel()},
        {QStringLiteral("line_start"), h.locStart},
        {QStringLiteral("line_end"), h.locEnd},
        {QStringLiteral("page"), h.page},
        {QStringLiteral("anchor"), h.anchor},
        {QStringLiteral("lexical_rank"), h.lexicalRank},
        {QStringLiteral("dense_rank"), h.denseRank},
        {QStringLiteral("lexical_score"), h.lexicalScore},
        {QStringLiteral("dense_score"), h.denseScore},
        {QStringLiteral("snippet"), h.snippet},
    };
    if (!h.scoreParts.isEmpty()) {
        QJsonObject partsJson;
        for (const auto& [name, value] : h.scoreParts)
            partsJson.insert(name, value);
        o.insert(QStringLiteral("score_parts"), partsJson);
    }
    return o;
}

QJsonObject CliJson::fileReport(const FileReport& f) {
    QJsonObject o{{QStringLiteral("path"), f.path}, {QStringLiteral("status"), fileOutcomeName(f.outcome)}};
    if (!f.detail.isEmpty())
        o.insert(QStringLiteral("detail"), f.detail);
    if (f.chunks > 0)
        o.insert(QStringLiteral("chunks"), f.chunks);
    if (f.bytes > 0)
        o.insert(QStringLiteral("bytes"), f.bytes);
    return o;
}

QJsonObject CliJson::publishReport(const PublishReport& p) {
    return QJsonObject{
        {QStringLiteral("library"), p.library},     {QStringLiteral("collection"), p.collection},
        {QStringLiteral("published"), p.published}, {QStringLiteral("removed"), p.removed},
        {QStringLiteral("unchanged"), p.unchanged}, {QStringLiteral("version"), p.version},
        {QStringLiteral("waited_ms"), p.waitedMs},  {QStringLiteral("elapsed_ms"), p.elapsedMs},
    };
}

QJsonObject CliJson::ingestReport(const IngestReport& r, bool withFiles) {
    QJsonObject counts{
        {QStringLiteral("indexed"), r.count(FileOutcome::Indexed)},
        {QStringLiteral("unchanged"), r.count(FileOutcome::Unchanged)},
        {QStringLiteral("skipped"), r.count(FileOutcome::Skipped)},
        {QStringLiteral("failed"), r.count(FileOutcome::Failed)},
        {QStringLiteral("removed"), r.count(FileOutcome::Removed)},
    };
    QJsonObject o{
        {QStringLiteral("collection"), r.collection},
        {QStringLiteral("cancelled"), r.cancelled},
        {QStringLiteral("elapsed_ms"), r.elapsedMs},
        {QStringLiteral("bytes_read"), r.bytesRead},
        {QStringLiteral("chunks_written"), r.chunksWritten},
        {QStringLiteral("embeddings_computed"), r.embeddingsComputed},
        {QStringLiteral("embeddings_reused"), r.embeddingsReused},
        {QStringLiteral("index_rebuilt"), r.indexRebuilt},
        {QStringLiteral("files"), counts},
    };
    if (r.published)
        o.insert(QStringLiteral("published"), publishReport(*r.published));
    if (withFiles) {
        QJsonArray files;
        for (const FileReport& f : r.files)
            files.append(fileReport(f));
        o.insert(QStringLiteral("file_reports"), files);
    }
    return o;
}

QJsonObject CliJson::collection(const CollectionInfo& info) {
    const Collection& c = info.collection;
    return QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("doc_type"), c.docType},
        {QStringLiteral("roots"), QJsonArray::fromStringList(c.rootPaths)},
        {QStringLiteral("embedder"), c.embedderId},
        {QStringLiteral("documents"), info.stats.documents},
        {QStringLiteral("indexed"), info.stats.indexed},
        {QStringLiteral("skipped"), info.stats.skipped},
        {QStringLiteral("failed"), info.stats.failed},
        {QStringLiteral("chunks"), info.stats.chunks},
        {QStringLiteral("bytes"), info.stats.bytes},
        {QStringLiteral("created_at_ms"), c.createdAtMs},
        {QStringLiteral("updated_at_ms"), c.updatedAtMs},
        {QStringLiteral("ingest"), CollectionInfo::ingestName(info.ingest)},
        {QStringLiteral("files_done"), c.filesDone},
        {QStringLiteral("files_total"), c.filesTotal},
        {QStringLiteral("keep_in_sync"), c.keepInSync},
        {QStringLiteral("synced_at_ms"), c.syncedAtMs},
    };
}

QJsonObject CliJson::stats(const EngineStats& s) {
    QJsonArray collections;
    qint64 documents = 0;
    qint64 chunks = 0;
    for (const CollectionInfo& c : s.collections) {
        collections.append(collection(c));
        documents += c.stats.documents;
        chunks += c.stats.chunks;
    }
    return QJsonObject{
        {QStringLiteral("data_dir"), s.dataDir},
        {QStringLiteral("database"), s.databasePath},
        {QStringLiteral("schema_version"), s.schemaVersion},
        {QStringLiteral("embedder"), s.embedderId},
        {QStringLiteral("database_bytes"), s.databaseBytes},
        {QStringLiteral("index_bytes"), s.indexBytes},
        {QStringLiteral("documents"), documents},
        {QStringLiteral("chunks"), chunks},
        {QStringLiteral("collections"), collections},
    };
}

QJsonObject CliJson::latency(const LatencySummary& l) {
    return QJsonObject{
        {QStringLiteral("count"), static_cast<qint64>(l.count)},
        {QStringLiteral("avg_ms"), l.avg},
        {QStringLiteral("min_ms"), l.min},
        {QStringLiteral("max_ms"), l.max},
        {QStringLiteral("p50_ms"), l.p50},
        {QStringLiteral("p95_ms"), l.p95},
        {QStringLiteral("p99_ms"), l.p99},
    };
}

} // namespace docrag
