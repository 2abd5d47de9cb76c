#include "engine/ingest/file_processor.h"

#include "engine/core/hashing.h"
#include "engine/embed/embedder.h"
#include "engine/ingest/block_budget.h"
#include "engine/ingest/chunker.h"
#include "engine/ingest/loader_registry.h"
#include "engine/ingest/symbol_namer.h"
#include "engine/metrics/performance_monitor.h"

#include <QFile>

#include <algorithm>

namespace docrag {

FileProcessor::FileProcessor(const LoaderRegistry& loaders, const Chunker& chunker, const Embedder& embedder,
                             const IngestLimits& limits, PerformanceMonitor* monitor)
    : m_loaders(loaders)
    , m_chunker(chunker)
    , m_embedder(embedder)
    , m_limits(limits)
    , m_monitor(monitor) {}

ProcessedFile FileProcessor::process(FileJob job, std::stop_token stop) const {
    ProcessedFile out;
    out.job = std::move(job);
    const FileJob& j = out.job;
    if (stop.stop_requested()) {
        out.kind = ProcessedFile::Kind::Cancelled;
        return out;
    }

    QFile file(j.path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.detail = tr("cannot read: %1").arg(file.errorString());
        return out;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        out.detail = tr("cannot read: %1").arg(file.errorString());
        return out;
    }
    out.bytesRead = bytes.size();
    out.contentHash = Hashing::toHex(Hashing::xxh3(bytes));
    if (j.previous && j.previous->contentHash == out.contentHash &&
        j.previous->status != DocumentStatus::Failed) {
        out.kind = ProcessedFile::Kind::SameContent;
        return out;
    }
    if (bytes.isEmpty()) {
        out.kind = ProcessedFile::Kind::Skipped;
        out.detail = tr("empty file");
        return out;
    }
    const Loader* loader = m_loaders.loaderFor(j.path);
    if (!loader) {
        out.kind = ProcessedFile::Kind::Skipped;
        out.detail = tr("unsupported file type");
        return out;
    }
    // The bytes, then the parsed blocks, go as soon as the next step has what it needs: a large file
    // is held in one form at a time, not three.
    auto parsed = loader->load(j.path, bytes, m_limits);
    bytes = QByteArray();
    if (!parsed) {
        out.kind = parsed.error().code == ErrorCode::Unsupported ? ProcessedFile::Kind::Skipped
                                                                 : ProcessedFile::Kind::Failed;
        out.detail = parsed.error().message;
        return out;
    }
    out.title = parsed->title;
    int cappedAtLine = -1;
    out.chunks = m_chunker.chunk(*parsed, m_limits.maxPassagesPerFile, &cappedAtLine);
    out.symbols = SymbolNamer::symbolsOf(parsed->blocks);
    if (cappedAtLine >= 0) {
        // The passages ran out before the loader's own cap: that one is no news.
        parsed->notes.removeIf(&BlockBudget::isCapNote);
        parsed->notes << BlockBudget::capNote(QStringLiteral("%1 passages").arg(m_limits.maxPassagesPerFile),
                                              cappedAtLine);
    }
    out.detail = parsed->notes.join(QLatin1String("; "));
    std::vector<Block>().swap(parsed->blocks);
    if (out.chunks.empty()) {
        out.kind = ProcessedFile::Kind::Skipped;
        out.detail = parsed->format == QLatin1String("pdf") ? tr("no extractable text (scanned PDF?)")
                                                            : tr("no text content");
        return out;
    }
    embed(out, stop);
    return out;
}

void FileProcessor::embed(ProcessedFile& file, std::stop_token stop) const {
    const auto dim = static_cast<size_t>(m_embedder.dimension());
    file.vectors.assign(file.chunks.size() * dim, 0.0f);
    std::vector<QString> texts;
    std::vector<size_t> positions;
    for (size_t i = 0; i < file.chunks.size(); ++i) {
        const Chunk& chunk = file.chunks[i];
        auto reusable = file.job.reusable.find(chunk.textHash);
        if (reusable != file.job.reusable.end() && reusable->second.size() == dim) {
            std::copy(reusable->second.begin(), reusable->second.end(), file.vectors.begin() + i * dim);
            ++file.reused;
            continue;
        }
        texts.push_back(chunk.embedText);
        positions.push_back(i);
    }
    if (texts.empty()) {
        file.kind = ProcessedFile::Kind::Indexed;
        return;
    }
    std::vector<float> computed(texts.size() * dim);
    const auto timer = PerformanceMonitor::ScopedTimer(m_monitor, PerformanceMonitor::Operation::EmbedBatch,
                                                       QStringLiteral("%1 texts").arg(texts.size()));
    if (Status s = m_embedder.embed(texts, computed, stop); !s) {
        file.kind = s.error().code == ErrorCode::Cancelled ? ProcessedFile::Kind::Cancelled
                                                           : ProcessedFile::Kind::Failed;
        file.detail = tr("embedding failed: %1").arg(s.error().message);
        return;
    }
    for (size_t k = 0; k < positions.size(); ++k)
        std::copy_n(computed.begin() + k * dim, dim, file.vectors.begin() + positions[k] * dim);
    file.embedded = static_cast<int>(texts.size());
    file.kind = ProcessedFile::Kind::Indexed;
}

} // namespace docrag
