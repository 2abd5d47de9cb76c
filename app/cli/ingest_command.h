#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli ingest PATH... --collection NAME: folders in, searchable collection out.
class IngestCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
