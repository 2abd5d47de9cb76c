#include "engine/rag/library_syncer.h"

#include "engine/library/team_libraries.h"
#include "engine/rag/rag_engine.h"

#include <QPointer>
#include <QTimer>

namespace docrag {

LibrarySyncer::LibrarySyncer(RagEngine& engine, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this)) {
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &LibrarySyncer::syncNow);
}

LibrarySyncer::~LibrarySyncer() {
    // The round holds a reference to this object's signals: it must end first (at its next file).
    m_stop.request_stop();
    m_round.waitForFinished();
}

void LibrarySyncer::start() {
    m_stopping = false;
    m_timer->start();
    syncNow();
}

void LibrarySyncer::syncNow() {
    if (m_stopping)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    round();
}

void LibrarySyncer::stop() {
    m_stopping = true;
    m_timer->stop();
    m_again = false;
    if (!m_running) {
        emit stopped();
        return;
    }
    m_stop.request_stop();
}

void LibrarySyncer::round() {
    m_running = true;
    m_stop = std::stop_source();
    const std::stop_token stop = m_stop.get_token();
    RagEngine* engine = &m_engine;
    LibrarySyncer* self = this; // outlives the round: its destructor waits for it
    m_round = m_engine.runLong([engine, self, stop] {
        auto libraries = engine->libraries().list();
        if (!libraries)
            return;
        for (const TeamLibrary& library : *libraries) {
            if (stop.stop_requested())
                return;
            emit self->syncStarted(library.url);
            auto report = engine->syncLibrary(library.url, stop, [&](const LibrarySyncProgress& p) {
                emit self->syncProgress(library.url, p.collection, p.filesDone, p.filesTotal);
            });
            Outcome outcome;
            outcome.library = library.url;
            if (report) {
                outcome.filesUpdated = report->filesUpdated;
                outcome.filesRemoved = report->filesRemoved;
                outcome.changedCollections = report->changedCollections + report->removedCollections;
                outcome.problems = report->problems;
                outcome.elapsedMs = report->elapsedMs;
            } else {
                outcome.error = report.error().message;
            }
            emit self->syncFinished(outcome);
        }
    });
    QPointer<LibrarySyncer> guard(this);
    m_round.then(this, [guard] {
        if (!guard)
            return;
        guard->m_running = false;
        emit guard->roundFinished();
        if (guard->m_stopping) {
            emit guard->stopped();
            return;
        }
        if (guard->m_again) {
            guard->m_again = false;
            guard->round();
        }
    });
}

} // namespace docrag
