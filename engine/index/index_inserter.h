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
// The thread waits only for batches. The writer waits for it in finish(), and in add() while more than
// `queueBytes` of vectors are queued: inserting is the slowest step of an ingest, and an unbounded
// queue held most of a large collection's vectors at its end (117 MB of the Qt docs' 76k).
class IndexInserter final {
public:
    static constexpr size_t kDefaultQueueBytes = 16 * 1024 * 1024;

    IndexInserter(std::shared_ptr<VectorIndex> index, std::stop_token stop,
                  size_t queueBytes = kDefaultQueueBytes);
    // Stops after the batch in progress; what is still queued is dropped (the index is then behind
    // the database and is rebuilt, as after any interruption).
    ~IndexInserter();
    IndexInserter(const IndexInserter&) = delete;
    IndexInserter& operator=(const IndexInserter&) = delete;

    // Waits while the queue is full (not after a failure or a stop: the batch is then dropped).
    void add(std::vector<qint64> labels, std::vector<float> vectors);
    // The most bytes of vectors that were queued at once (tests).
    size_t peakQueuedBytes() const;
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
    const size_t m_queueBytes;
    size_t m_queued = 0; // bytes of vectors in m_queue
    size_t m_peakQueued = 0;
    bool m_busy = false;
    bool m_closing = false;
    std::optional<Error> m_error;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace docrag
