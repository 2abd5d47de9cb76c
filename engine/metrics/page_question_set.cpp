#include "engine/metrics/page_question_set.h"

#include <QFile>

#include <algorithm>

namespace docrag {
namespace {

const QStringList kHeader = {QStringLiteral("question"), QStringLiteral("pages"), QStringLiteral("half")};

bool endsWithPage(const QString& path, const QString& page) {
    return path == page ||
           (path.endsWith(page) && path.at(path.size() - page.size() - 1) == QLatin1Char('/'));
}

} // namespace

Result<PageQuestionSet> PageQuestionSet::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    auto set = parse(QString::fromUtf8(file.readAll()));
    if (!set)
        return Error{set.error().code, path + QStringLiteral(": ") + set.error().message};
    return set;
}

Result<PageQuestionSet> PageQuestionSet::parse(const QString& text) {
    PageQuestionSet set;
    bool header = false;
    int lineNumber = 0;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = raw.split(QLatin1Char('\t'));
        if (!header) {
            QStringList names;
            for (const QString& f : fields)
                names << f.trimmed().toLower();
            if (names != kHeader)
                return Error{ErrorCode::Parse,
                             QStringLiteral("line %1: the header must be \"question<TAB>pages<TAB>half\"")
                                 .arg(lineNumber)};
            header = true;
            continue;
        }
        if (fields.size() != 3)
            return Error{ErrorCode::Parse,
                         QStringLiteral("line %1: %2 fields, not 3").arg(lineNumber).arg(fields.size())};
        PageQuestion q;
        q.text = fields[0].trimmed();
        q.half = fields[2].trimmed().toLower();
        if (q.half != QLatin1String("tune") && q.half != QLatin1String("test"))
            return Error{ErrorCode::Parse,
                         QStringLiteral("line %1: the half is \"tune\" or \"test\", not \"%2\"")
                             .arg(lineNumber)
                             .arg(q.half)};
        for (const QString& page : fields[1].split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString p = page.trimmed();
            if (p.isEmpty())
                continue;
            const qsizetype hash = p.indexOf(QLatin1Char('#'));
            q.pages << (hash < 0 ? p : p.left(hash));
            q.anchors << (hash < 0 ? QString() : p.mid(hash + 1));
        }
        if (q.text.isEmpty() || q.pages.isEmpty())
            return Error{
                ErrorCode::Parse,
                QStringLiteral("line %1: a question needs its text and at least one page").arg(lineNumber)};
        set.m_questions.push_back(std::move(q));
    }
    if (set.m_questions.empty())
        return Error{ErrorCode::Parse, QStringLiteral("no questions")};
    return set;
}

std::vector<PageQuestion> PageQuestionSet::questions(const QString& half) const {
    if (half.isEmpty() || half == QLatin1String("all"))
        return m_questions;
    std::vector<PageQuestion> out;
    for (const PageQuestion& q : m_questions) {
        if (q.half == half)
            out.push_back(q);
    }
    return out;
}

bool PageQuestionSet::answers(const QString& path, const PageQuestion& question) {
    return std::any_of(question.pages.cbegin(), question.pages.cend(),
                       [&path](const QString& page) { return endsWithPage(path, page); });
}

} // namespace docrag
