#include "engine/core/source.h"

#include "engine/core/hashing.h"
#include "engine/core/hit.h"

namespace docrag {

Source Source::fromHit(const Hit& hit, int number) {
    Source s;
    s.number = number;
    s.chunkId = hit.chunkId;
    s.collection = hit.collection;
    s.path = hit.path;
    s.title = hit.title;
    s.headingPath = hit.headingPath;
    s.location = hit.locationLabel();
    s.anchor = hit.anchor;
    s.locStart = hit.locStart;
    s.locEnd = hit.locEnd;
    s.page = hit.page;
    s.excerpt = hit.text;
    s.textHash = Hashing::xxh3(QStringView(hit.text));
    return s;
}

QJsonObject Source::toJson() const {
    return QJsonObject{
        {QStringLiteral("n"), number},
        {QStringLiteral("chunk_id"), chunkId},
        {QStringLiteral("collection"), collection},
        {QStringLiteral("path"), path},
        {QStringLiteral("title"), title},
        {QStringLiteral("heading_path"), headingPath},
        {QStringLiteral("location"), location},
        {QStringLiteral("anchor"), anchor},
        {QStringLiteral("loc_start"), locStart},
        {QStringLiteral("loc_end"), locEnd},
        {QStringLiteral("page"), page},
        {QStringLiteral("excerpt"), excerpt},
        // Hex: a JSON number cannot hold 64 bits exactly.
        {QStringLiteral("text_hash"), Hashing::toHex(textHash)},
    };
}

Source Source::fromJson(const QJsonObject& json) {
    Source s;
    s.number = json.value(QStringLiteral("n")).toInt();
    s.chunkId = json.value(QStringLiteral("chunk_id")).toInteger();
    s.collection = json.value(QStringLiteral("collection")).toString();
    s.path = json.value(QStringLiteral("path")).toString();
    s.title = json.value(QStringLiteral("title")).toString();
    s.headingPath = json.value(QStringLiteral("heading_path")).toString();
    s.location = json.value(QStringLiteral("location")).toString();
    s.anchor = json.value(QStringLiteral("anchor")).toString();
    s.locStart = json.value(QStringLiteral("loc_start")).toInt();
    s.locEnd = json.value(QStringLiteral("loc_end")).toInt();
    s.page = json.value(QStringLiteral("page")).toInt();
    s.excerpt = json.value(QStringLiteral("excerpt")).toString();
    s.textHash = json.value(QStringLiteral("text_hash")).toString().toULongLong(nullptr, 16);
    return s;
}

} // namespace docrag
