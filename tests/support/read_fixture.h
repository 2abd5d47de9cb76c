#pragma once

#include <QByteArray>
#include <QString>

namespace docrag::test {

// The bytes of a fixture file, `relativePath` being relative to tests/data (DOCRAG_TEST_DATA_DIR),
// e.g. "loaders/guide.md". A missing fixture ends the test run: no assertion could mean anything.
QByteArray readFixture(const QString& relativePath);

} // namespace docrag::test
