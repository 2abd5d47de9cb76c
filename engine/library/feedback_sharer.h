#pragma once

#include "engine/core/result.h"
#include "engine/core/team_library.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

class Clock;
class Database;
class LibraryConnection;

// A question the team's feedback is about, from the library's feedback (FeedbackSharer::report).
struct FeedbackTopic final {
    QString question;
    QStringList collections;
    int notHelpful = 0;
    int helpful = 0;
    QStringList notes; // newest first
    qint64 lastAtMs = 0;
};

// Sends the feedback given here on answers drawn from a team library's collections to that library
// (when this data folder shares feedback with it), and reads what the team said. Feedback is appended,
// never updated: each answer on each machine is one origin, whose latest row counts (0: withdrawn).
class FeedbackSharer final {
public:
    // `origin`: what tells this data folder's answers from other machines' (see originOf()).
    FeedbackSharer(Database& local, const Clock& clock, QString origin);
    static QString originOf(const QString& databasePath);

    // Sends the feedback that changed since it was last sent; how many answers' feedback was sent.
    Result<int> share(const TeamLibrary& library, LibraryConnection& connection);
    // The questions of the library's feedback, those most often found not helpful first.
    static Result<std::vector<FeedbackTopic>> report(LibraryConnection& connection, int limit = 50);

private:
    Database& m_local;
    const Clock& m_clock;
    QString m_origin;
};

} // namespace docrag
