#include "engine/index/index_inserter.h"

#include "engine/index/vector_index.h"

#include <algorithm>

namespace docrag {

IndexInserter::IndexInserter(std::shared_ptr<VectorIndex> index, std::stop_token stop, size_t queueBytes)
    : m_index(std::move(index))
    , m_stop(std::move(stop))
    , m_queueBytes(queueBytes)
    , m_thread([this] { run(); }) {}

IndexInserter::~IndexInserter() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_queue.clear();
        m_queued = 0;
    }
    m_changed.notify_all();
    m_thread.join();
}

void IndexInserter::add(std::vector<qint64> labels, std::vector<float> vectors) {
    const size_t bytes = vectors.size() * sizeof(float);
    {
        std::unique_lock lock(m_mutex);
        // An empty queue always takes the batch, however large: the inserter is never starved.
        m_changed.wait(lock, [&] {
            return m_queue.empty() || m_queued + bytes <= m_queueBytes || m_error.has_value() || m_closing ||
                   m_stop.stop_requested();
        });
        if (m_stop.stop_requested() && !m_error)
            m_error = Error{ErrorCode::Cancelled, QStringLiteral("stopped")}; // the batch is not in the index
        if (m_error || m_closing)
            return;
        m_queue.push_back(Batch{std::move(labels), std::move(vectors)});
        m_queued += bytes;
        m_peakQueued = std::max(m_peakQueued, m_queued);
    }
    m_changed.notify_all();
}

size_t IndexInserter::peakQueuedBytes() const {
    std::lock_guard lock(m_mutex);
    return m_peakQueued;
}

Status IndexInserter::finish() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return (m_queue.empty() && !m_busy) || m_error.has_value(); });
    if (m_error)
        return *m_error;
    return {};
}

bool IndexInserter::failed() const {
    std::lock_guard lock(m_mutex);
    return m_error.has_value();
}

void IndexInserter::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_closing || !m_queue.empty(); });
        if (m_closing)
            return;
        Batch batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_queued -= batch.vectors.size() * sizeof(float);
        m_busy = true;
        lock.unlock();
        Status added = m_error ? Status() : m_index->addBatch(batch.labels, batch.vectors, m_stop);
        lock.lock();
        m_busy = false;
        if (!added && !m_error)
            m_error = added.error();
        m_changed.notify_all();
    }
}

} // namespace docrag
