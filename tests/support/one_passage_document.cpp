#include "tests/support/one_passage_document.h"

#include "engine/store/chunk_store.h"
#include "engine/store/document_store.h"

#include <vector>

namespace docrag::test {

Result<qint64> addOnePassageDocument(QSqlDatabase db, qint64 collection, const QString& path,
                                     const QString& title, const QString& heading, const QString& text) {
    Document d;
    d.collectionId = collection;
    d.path = path;
    d.title = title;
    d.status = DocumentStatus::Indexed;
    auto document = DocumentStore(db).upsert(d);
    if (!document)
        return document.error();
    std::vector<Chunk> chunks(1);
    chunks[0].headingPath = heading;
    chunks[0].text = text;
    const std::vector<float> vector(2, 0.5f);
    if (Status s = ChunkStore(db).insert(*document, chunks, QStringLiteral("e"), vector, 2); !s)
        return s.error();
    return chunks[0].id;
}

} // namespace docrag::test
