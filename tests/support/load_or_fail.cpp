#include "tests/support/load_or_fail.h"

#include <QtGlobal>

namespace docrag::test {

ParsedDocument loadOrFail(const Loader& loader, const QString& path, const QByteArray& bytes) {
    Result<ParsedDocument> result = loader.load(path, bytes);
    if (!result)
        qFatal("loading %s failed: %s", qPrintable(path), qPrintable(result.error().message));
    return std::move(result).value();
}

} // namespace docrag::test
