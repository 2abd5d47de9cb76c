#include "engine/metrics/beir_dataset.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace docrag {
namespace {

Status readLines(const QString& path, const std::function<Status(const QByteArray&, int)>& take) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        if (Status s = take(line, number); !s)
            return s;
    }
    return {};
}

Result<QJsonObject> jsonLine(const QString& path, const QByteArray& line, int number) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error{
            ErrorCode::Parse,
            QStringLiteral("%1:%2: not a JSON object (%3)").arg(path).arg(number).arg(error.errorString())};
    const QJsonObject object = doc.object();
    if (!object.value(QLatin1String("_id")).isString())
        return Error{ErrorCode::Parse, QStringLiteral("%1:%2: no \"_id\"").arg(path).arg(number)};
    return object;
}

const Judgements kNone;

} // namespace

Result<BeirDataset> BeirDataset::load(const QString& corpusPath, const QString& queriesPath,
                                      const QString& qrelsPath) {
    BeirDataset data;
    Status qrels = readLines(qrelsPath, [&](const QByteArray& line, int number) -> Status {
        const QList<QByteArray> fields = line.split('\t');
        bool ok = false;
        const int score = fields.size() >= 3 ? fields[2].trimmed().toInt(&ok) : 0;
        if (!ok) {
            if (number == 1)
                return {}; // the header
            return Error{
                ErrorCode::Parse,
                QStringLiteral("%1:%2: expected query-id, corpus-id and score").arg(qrelsPath).arg(number)};
        }
        data.m_qrels[QString::fromUtf8(fields[0])][QString::fromUtf8(fields[1])] = score;
        return {};
    });
    if (!qrels)
        return qrels.error();
    Status corpus = readLines(corpusPath, [&](const QByteArray& line, int number) -> Status {
        auto object = jsonLine(corpusPath, line, number);
        if (!object)
            return object.error();
        data.m_corpus.push_back(BeirDocument{object->value(QLatin1String("_id")).toString(),
                                             object->value(QLatin1String("title")).toString(),
                                             object->value(QLatin1String("text")).toString()});
        return {};
    });
    if (!corpus)
        return corpus.error();
    Status queries = readLines(queriesPath, [&](const QByteArray& line, int number) -> Status {
        auto object = jsonLine(queriesPath, line, number);
        if (!object)
            return object.error();
        const QString id = object->value(QLatin1String("_id")).toString();
        if (data.m_qrels.contains(id))
            data.m_queries.push_back(BeirQuery{id, object->value(QLatin1String("text")).toString()});
        return {};
    });
    if (!queries)
        return queries.error();
    if (data.m_corpus.empty() || data.m_queries.empty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no documents, or no query with judgements")};
    return data;
}

const Judgements& BeirDataset::judgements(const QString& queryId) const {
    const auto it = m_qrels.constFind(queryId);
    return it == m_qrels.constEnd() ? kNone : it.value();
}

} // namespace docrag
