#include "engine/ingest/change_batch.h"

#include "engine/core/folder_path.h"

#include <algorithm>

namespace docrag {

ChangeBatch::ChangeBatch(qint64 quietMs, qint64 maxDelayMs, int maxPaths)
    : m_quietMs(quietMs)
    , m_maxDelayMs(maxDelayMs)
    , m_maxPaths(maxPaths) {}

void ChangeBatch::touched(qint64 nowMs) {
    if (m_firstMs < 0)
        m_firstMs = nowMs;
    m_lastMs = nowMs;
}

void ChangeBatch::add(const QString& path, qint64 nowMs) {
    touched(nowMs);
    if (m_everything)
        return;
    m_paths.insert(path);
    if (m_paths.size() > m_maxPaths) {
        m_everything = true;
        m_paths.clear();
    }
}

void ChangeBatch::addEverything(qint64 nowMs) {
    touched(nowMs);
    m_everything = true;
    m_paths.clear();
}

qint64 ChangeBatch::dueAtMs() const {
    if (isEmpty())
        return -1;
    return std::min(m_lastMs + m_quietMs, m_firstMs + m_maxDelayMs);
}

ChangeBatch::Taken ChangeBatch::take() {
    Taken taken;
    taken.everything = m_everything;
    if (!m_everything) {
        QStringList sorted(m_paths.begin(), m_paths.end());
        std::sort(sorted.begin(), sorted.end());
        // Sorted, a folder comes before what is under it.
        for (const QString& path : std::as_const(sorted)) {
            if (!FolderPath::anyHolds(taken.paths, path)) // the set has each path once
                taken.paths << path;
        }
    }
    m_paths.clear();
    m_everything = false;
    m_firstMs = -1;
    m_lastMs = -1;
    return taken;
}

} // namespace docrag
