#include "engine/index/question_boilerplate.h"

#include <QRegularExpression>

namespace docrag {

QString QuestionBoilerplate::strip(const QString& query) {
    static const QRegularExpression phrases(
        QStringLiteral("\\b(what(?:'s| is| are) the differences? between|differences? between|"
                       "is there (?:a|any) way to|what(?:'s| is) the (?:best|right|correct|proper) way to|"
                       "the (?:best|right|correct|proper) way to|how (?:do|can|should|would) (?:i|you|we)|"
                       "i (?:want|need|would like|wanted) to|how to|in what way)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QString stripped = query;
    stripped.replace(phrases, QStringLiteral(" "));
    stripped = stripped.simplified();
    // A bare "vs"/"versus" is the question's form too: "merge vs rebase".
    static const QRegularExpression versus(QStringLiteral("\\b(?:vs\\.?|versus)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    stripped.replace(versus, QStringLiteral(" "));
    stripped = stripped.simplified();
    static const QRegularExpression word(QStringLiteral("\\w"));
    return stripped.contains(word) ? stripped : query;
}

} // namespace docrag
