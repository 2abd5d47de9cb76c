#pragma once

#include <QJsonObject>
#include <QtGlobal>

namespace docrag {

// What one ingest lets a single file cost, whatever is in it: a file of a million headings, one line of
// 60 MB or markup nested 100,000 deep is indexed up to these caps (and says so in its status) instead of
// taking the machine. All of them are settable (docrag-cli ingest --max-..., the wizard) and stored with
// the request, so that a resumed ingest applies the same ones.
struct IngestLimits final {
    static constexpr qint64 kDefaultMaxFileBytes = 64ll * 1024 * 1024;

    qint64 maxFileBytes = kDefaultMaxFileBytes; // larger files are skipped unread
    int maxPassagesPerFile = 10000;             // the chunks of one file; the rest is not indexed
    int maxBlockChars = 1 << 20;                // a longer paragraph or code block is split
    int maxHtmlDepth = 256;                     // deeper markup is flattened before it is parsed
    // Files in flight together may need at most this much memory (by estimate); a file that alone
    // would need more is skipped with the reason.
    qint64 memoryBudgetBytes = 512ll * 1024 * 1024;

    // Derived bounds on what a loader may produce before the chunker caps the passages: blocks and
    // characters of text several times what the passages can hold.
    qint64 maxBlocks() const { return static_cast<qint64>(maxPassagesPerFile) * 8; }
    qint64 maxTextChars() const { return static_cast<qint64>(maxPassagesPerFile) * 4096; }
    // The memory one file may take while it is loaded, chunked and embedded: the bytes, their decoded
    // text (UTF-16, twice the bytes), copies in blocks bounded by maxTextChars, and the passages.
    qint64 memoryEstimate(qint64 fileBytes) const;

    QJsonObject toJson() const;
    static IngestLimits fromJson(const QJsonObject& json);
};

} // namespace docrag
