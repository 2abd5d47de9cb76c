#include "tests/support/read_fixture.h"

#include <QFile>

namespace docrag::test {

QByteArray readFixture(const QString& relativePath) {
    QFile file(QStringLiteral(DOCRAG_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace docrag::test
