#include "ui/library/sync_status_label.h"

#include "ui/widgets/plain_tool_tip.h"

namespace docrag {

SyncStatusLabel::SyncStatusLabel(QWidget* parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("syncStatusLabel"));
    setTextFormat(Qt::PlainText); // collection names and error messages
}

void SyncStatusLabel::syncStarted(const QString& collection) {
    setText(tr("Syncing “%1” with its folders…").arg(collection));
}

void SyncStatusLabel::syncFinished(const LiveCollections::Outcome& outcome) {
    if (!outcome.error.isEmpty()) {
        setText(tr("Could not sync “%1”: %2").arg(outcome.collection, outcome.error));
        return;
    }
    setToolTip(QString());
    if (outcome.failedFiles > 0) {
        // The sentence is translated; what went wrong with each file is the engine's English particular.
        setText(
            tr("“%1” synced: %Ln files were not indexed; a file indexed before keeps its last good version.",
               "", outcome.failedFiles)
                .arg(outcome.collection) +
            QStringLiteral(" (%1)").arg(outcome.failures.value(0)));
        setToolTip(PlainToolTip::of(outcome.failures.join(QLatin1Char('\n'))));
    } else if (outcome.changedFiles > 0) {
        setText(tr("“%1” synced: %Ln files changed.", "", outcome.changedFiles).arg(outcome.collection));
    } else {
        clear();
    }
}

} // namespace docrag
