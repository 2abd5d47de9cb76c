#include "ui/library/library_status_label.h"

#include "ui/widgets/plain_tool_tip.h"

#include <QLocale>
#include <QUrl>

namespace docrag {
namespace {

// "db.example.com/team_docs": enough to tell libraries apart in a status bar.
QString shortName(const QString& library) {
    const QUrl url(library);
    return url.host() + url.path();
}

} // namespace

LibraryStatusLabel::LibraryStatusLabel(QWidget* parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("libraryStatusLabel"));
    setTextFormat(Qt::PlainText); // library URLs and error messages
}

void LibraryStatusLabel::syncStarted(const QString& library) {
    setToolTip(QString());
    setText(tr("Syncing the team library %1…").arg(shortName(library)));
}

void LibraryStatusLabel::syncProgress(const QString& library, const QString& collection, int filesDone,
                                      int filesTotal) {
    setText(tr("Syncing “%1” from the team library %2: %3 of %Ln files…", "", filesTotal)
                .arg(collection, shortName(library), QLocale().toString(filesDone)));
}

void LibraryStatusLabel::syncFinished(const LibrarySyncer::Outcome& outcome) {
    if (!outcome.error.isEmpty()) {
        setText(tr("The team library %1 could not be synced; its collections answer from their last sync.")
                    .arg(shortName(outcome.library)));
        setToolTip(PlainToolTip::of(outcome.error));
        return;
    }
    const int changed = outcome.filesUpdated + outcome.filesRemoved;
    if (changed > 0)
        setText(
            tr("Team library %1 synced: %Ln files changed.", "", changed).arg(shortName(outcome.library)));
    else if (!outcome.problems.isEmpty())
        setText(tr("Team library %1 synced, with a problem: %2")
                    .arg(shortName(outcome.library), outcome.problems.first()));
    else
        clear();
    setToolTip(outcome.problems.isEmpty() ? QString()
                                          : PlainToolTip::of(outcome.problems.join(QLatin1Char('\n'))));
}

} // namespace docrag
