#pragma once

#include "engine/core/result.h"
#include "engine/ingest/ingest_report.h"
#include "engine/ingest/ingest_request.h"

#include <QString>

#include <functional>
#include <optional>

namespace docrag {

class RagEngine;

// The bundled user guide as a collection: the first collection of a new data folder, so that DocRag
// answers questions about itself at once, offline, from the desktop as from the command line.
class GuideCollection final {
public:
    static QString name();    // "DocRag guide"
    static QString docType(); // "docrag"

    // The ingest of the guide in `folder`: the whole guide the first time, the changed pages after.
    static IngestRequest request(const QString& folder);

    // Removes a guide collection that was built from another folder than `folder` (an installation
    // elsewhere, the build tree, the copy older versions kept in the data folder): an ingest removes
    // only pages under the folders it scans, so the old pages would stay and every answer would cite
    // the guide twice. Nothing happens when there is no guide collection or it came from `folder`.
    static Status forgetOtherFolders(RagEngine& engine, const QString& folder);

    // The command line's first run: when the data folder holds no collection at all (and can be
    // written), ingests the guide in `folder` and returns the report; std::nullopt when nothing was
    // done. `before` is called just before the ingest starts, to say what is happening.
    static Result<std::optional<IngestReport>> ingestIfEmpty(RagEngine& engine, const QString& folder,
                                                             const std::function<void()>& before = {});
};

} // namespace docrag
