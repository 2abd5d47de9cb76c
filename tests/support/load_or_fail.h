#pragma once

#include "engine/core/parsed_document.h"
#include "engine/ingest/loader.h"

#include <QByteArray>
#include <QString>

namespace docrag::test {

// What `loader` makes of `bytes` read from `path`, for tests that expect the load to succeed: an
// error ends the test run with its message, since no later assertion could mean anything.
ParsedDocument loadOrFail(const Loader& loader, const QString& path, const QByteArray& bytes);

} // namespace docrag::test
