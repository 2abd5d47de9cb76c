#pragma once

#include "engine/embed/local_embedder.h"
#include "engine/index/vector_index.h"
#include "engine/ingest/chunker.h"
#include "engine/llm/openai_config.h"

#include <QString>

#include <optional>

namespace docrag {

struct EngineOptions final {
    QString dataDir; // holds docrag.sqlite3, indexes/ and logs/
    int threads = 0; // worker threads; 0 = one per core
    int embeddingDimension = LocalEmbedder::kDefaultDimension;
    ChunkerOptions chunker;
    VectorIndexParams vectorIndex;
    // An OpenAI-compatible server for answers (and embeddings on request); none: offline, extractive.
    std::optional<OpenAiConfig> openai;
};

} // namespace docrag
