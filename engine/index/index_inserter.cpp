#include "engine/index/index_inserter.h"

#include "engine/index/vector_index.h"

namespace docrag {

IndexInserter::IndexInserter(std::shared_ptr<VectorIndex> index, std::stop_token stop)
    : m_index(std::move(index))
    , m_stop(std::move(stop))
    , m_thread([this] { run(); }) {}

IndexInserter::~IndexInserter() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_queue.clear();
    }
    m_changed.notify_all();
    m_thread.join();
}

void IndexInserter::add(std::vector<qint64> labels, std::vector<float> vectors) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(Batch{std::move(labels), std::move(vectors)});
    }
    m_changed.notify_all();
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
