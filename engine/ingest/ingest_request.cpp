#include "engine/ingest/ingest_request.h"

#include <QJsonArray>

namespace docrag {
namespace {

QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

QJsonObject IngestRequest::toJson() const {
    return QJsonObject{
        {QStringLiteral("collection"), collection},
        {QStringLiteral("doc_type"), docType},
        {QStringLiteral("embedder"), embedder},
        {QStringLiteral("paths"), QJsonArray::fromStringList(paths)},
        {QStringLiteral("limits"), limits.toJson()},
        {QStringLiteral("default_excludes"), scan.useDefaultExcludes},
        {QStringLiteral("excludes"), QJsonArray::fromStringList(scan.extraExcludes)},
        {QStringLiteral("excluded_dirs"), QJsonArray::fromStringList(scan.excludedDirs)},
        {QStringLiteral("includes"), QJsonArray::fromStringList(scan.includePatterns)},
        {QStringLiteral("only_under"), QJsonArray::fromStringList(scan.onlyUnder)},
        {QStringLiteral("keep_in_sync"), keepInSync},
        {QStringLiteral("library"), library},
    };
}

IngestRequest IngestRequest::fromJson(const QJsonObject& json) {
    IngestRequest r;
    r.collection = json.value(QStringLiteral("collection")).toString();
    r.docType = json.value(QStringLiteral("doc_type")).toString();
    r.embedder = json.value(QStringLiteral("embedder")).toString();
    r.paths = strings(json.value(QStringLiteral("paths")));
    r.limits = IngestLimits::fromJson(json.value(QStringLiteral("limits")).toObject());
    // Requests stored before the limits had their own object kept only the file size.
    if (const QJsonValue old = json.value(QStringLiteral("max_file_bytes")); old.isDouble())
        r.limits.maxFileBytes = old.toInteger(r.limits.maxFileBytes);
    r.scan.useDefaultExcludes = json.value(QStringLiteral("default_excludes")).toBool(true);
    r.scan.extraExcludes = strings(json.value(QStringLiteral("excludes")));
    r.scan.excludedDirs = strings(json.value(QStringLiteral("excluded_dirs")));
    r.scan.includePatterns = strings(json.value(QStringLiteral("includes")));
    r.scan.onlyUnder = strings(json.value(QStringLiteral("only_under")));
    r.keepInSync = json.value(QStringLiteral("keep_in_sync")).toBool(false);
    r.library = json.value(QStringLiteral("library")).toString();
    return r;
}

} // namespace docrag
