#pragma once

#include "engine/core/result.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

namespace docrag {

class VectorIndex;

// Inserts vectors into an index on a thread of its own, in the order they were queued, while the
// ingest's writer goes on committing files. hnswlib 0.6.2 cannot insert in parallel without risking a
// deadlock, so one thread does it; running beside the writer keeps that from lengthening the ingest.
// The thread waits only for batches; the writer waits for it only in finish().
class IndexInserter final {
public:
    IndexInserter(std::shared_ptr<VectorIndex> index, std::stop_token stop);
    // Stops after the batch in progress; what is still queued is dropped (the index is then behind
    // the database and is rebuilt, as after any interruption).
    ~IndexInserter();
    IndexInserter(const IndexInserter&) = delete;
    IndexInserter& operator=(const IndexInserter&) = delete;

    void add(std::vector<qint64> labels, std::vector<float> vectors);
    // Waits until everything queued is in the index; the first failure, if any.
    Status finish();
    // A failure so far (the caller stops trusting the index).
    bool failed() const;

private:
    struct Batch final {
        std::vector<qint64> labels;
        std::vector<float> vectors;
    };
    void run();

    std::shared_ptr<VectorIndex> m_index;
    std::stop_token m_stop;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    bool m_busy = false;
    bool m_closing = false;
    std::optional<Error> m_error;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace docrag
