#pragma once

#include "engine/core/hit.h"
#include "engine/ingest/ingest_report.h"
#include "engine/metrics/percentiles.h"
#include "engine/rag/rag_engine.h"

#include <QJsonObject>

namespace docrag {

// The JSON shapes of docrag-cli's --json output. Field names are a public interface: add, never rename.
class CliJson final {
public:
    static QJsonObject hit(const Hit& hit, int rank);
    static QJsonObject fileReport(const FileReport& file);
    static QJsonObject ingestReport(const IngestReport& report, bool withFiles);
    static QJsonObject publishReport(const PublishReport& report);
    static QJsonObject collection(const CollectionInfo& info);
    static QJsonObject stats(const EngineStats& stats);
    static QJsonObject latency(const LatencySummary& summary);
};

} // namespace docrag
