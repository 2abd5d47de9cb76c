#pragma once

#include "engine/rag/library_syncer.h"

#include <QLabel>

namespace docrag {

// The status bar's word on team libraries: "Syncing …" with the files done while a sync runs, then
// what it changed, or that the library could not be reached and the replicas answer from their last
// sync; quiet when a sync found nothing new.
class LibraryStatusLabel final : public QLabel {
    Q_OBJECT
public:
    explicit LibraryStatusLabel(QWidget* parent = nullptr);

public slots:
    void syncStarted(const QString& library);
    void syncProgress(const QString& library, const QString& collection, int filesDone, int filesTotal);
    void syncFinished(const docrag::LibrarySyncer::Outcome& outcome);
};

} // namespace docrag
