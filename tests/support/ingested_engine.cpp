#include "tests/support/ingested_engine.h"

namespace docrag::test {

Result<std::unique_ptr<RagEngine>> ingestedEngine(const EngineOptions& options, const QString& collection,
                                                  const QString& docs) {
    auto engine = RagEngine::open(options);
    if (!engine)
        return Error{engine.error().code,
                     QStringLiteral("opening the engine: %1").arg(engine.error().message)};
    IngestRequest request;
    request.collection = collection;
    request.paths = {docs};
    if (auto ingested = (*engine)->ingest(request); !ingested)
        return Error{ingested.error().code,
                     QStringLiteral("ingesting %1: %2").arg(docs, ingested.error().message)};
    return std::move(*engine);
}

} // namespace docrag::test
