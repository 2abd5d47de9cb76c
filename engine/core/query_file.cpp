#include "engine/core/query_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace docrag {

Result<QStringList> QueryFile::read(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    QStringList queries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith('{')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString text =
                o.value(QLatin1String("text")).toString(o.value(QLatin1String("query")).toString());
            if (!text.isEmpty())
                queries << text;
            continue;
        }
        queries << QString::fromUtf8(line);
    }
    if (queries.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 holds no queries").arg(path)};
    return queries;
}

} // namespace docrag
