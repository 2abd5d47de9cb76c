#pragma once

#include "engine/rag/live_collections.h"

#include <QLabel>

namespace docrag {

// The status bar's word on collections kept in sync: "Syncing …" while one is, then what the sync
// changed or why it failed; quiet when a sync found nothing new.
class SyncStatusLabel final : public QLabel {
    Q_OBJECT
public:
    explicit SyncStatusLabel(QWidget* parent = nullptr);

public slots:
    void syncStarted(const QString& collection);
    void syncFinished(const docrag::LiveCollections::Outcome& outcome);
};

} // namespace docrag
