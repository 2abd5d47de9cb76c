#pragma once

#include "engine/core/result.h"
#include "engine/rag/engine_options.h"
#include "engine/rag/rag_engine.h"

#include <QString>

#include <memory>

namespace docrag::test {

// The fixture of the tests that need a searchable engine: RagEngine::open(options), then the folder
// `docs` ingested as `collection`. The error says which of the two failed.
Result<std::unique_ptr<RagEngine>> ingestedEngine(const EngineOptions& options, const QString& collection,
                                                  const QString& docs);

} // namespace docrag::test
