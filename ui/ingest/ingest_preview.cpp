#include "ui/ingest/ingest_preview.h"

#include "engine/core/token_counter.h"
#include "engine/ingest/loader_registry.h"

#include <QFile>

#include <algorithm>
#include <vector>

namespace docrag {
namespace {

// Tokens of what the embedder would see of one file; -1 when it would not be indexed.
qint64 sampleTokens(const QString& path, const LoaderRegistry& loaders, const Chunker& chunker) {
    const Loader* loader = loaders.loaderFor(path);
    QFile file(path);
    if (!loader || !file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = file.readAll();
    auto parsed = loader->load(path, bytes);
    if (!parsed)
        return -1;
    qint64 tokens = 0;
    for (const Chunk& chunk : chunker.chunk(*parsed))
        tokens += TokenCounter::estimate(chunk.embedText);
    return tokens;
}

} // namespace

Result<IngestPreview> IngestPreview::compute(const QStringList& paths, const ScanOptions& scan,
                                             qint64 maxFileBytes, const ChunkerOptions& chunkerOptions,
                                             std::stop_token stop) {
    auto scanned = FileScanner(scan).scan(paths, stop);
    if (!scanned)
        return scanned.error();
    const LoaderRegistry loaders;
    IngestPreview preview;
    preview.skipped = static_cast<int>(scanned->skipped.size());
    std::vector<const ScannedFile*> read;
    for (const ScannedFile& file : scanned->files) {
        if (file.size > maxFileBytes || !loaders.loaderFor(file.path)) {
            ++preview.skipped;
            continue;
        }
        ++preview.files;
        preview.bytes += file.size;
        read.push_back(&file);
    }
    if (read.empty())
        return preview;

    // Files spread evenly over the sorted list, so that one folder of unusual files does not decide.
    const Chunker chunker(chunkerOptions);
    qint64 sampleBytes = 0;
    qint64 sampleTokenCount = 0;
    const size_t step = std::max<size_t>(1, read.size() / kSampleFiles);
    for (size_t i = 0; i < read.size() && preview.sampledFiles < kSampleFiles; i += step) {
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("preview cancelled")};
        const ScannedFile& file = *read[i];
        if (file.size > kSampleFileBytes)
            continue;
        const qint64 tokens = sampleTokens(file.path, loaders, chunker);
        if (tokens < 0)
            continue;
        sampleBytes += file.size;
        sampleTokenCount += tokens;
        ++preview.sampledFiles;
    }
    // Without a usable sample, the usual rule of thumb for English text: four bytes a token.
    const double tokensPerByte = sampleBytes > 0 ? static_cast<double>(sampleTokenCount) / sampleBytes : 0.25;
    preview.estimatedTokens = static_cast<qint64>(tokensPerByte * static_cast<double>(preview.bytes) + 0.5);
    return preview;
}

} // namespace docrag
