#include "tests/support/team_library_rig.h"

#include "engine/library/library_url.h"

#include <QThreadPool>

namespace docrag::test {

TeamLibraryRig::~TeamLibraryRig() {
    QThreadPool::globalInstance()->waitForDone();
}

QString TeamLibraryRig::freshLibrary() {
    const QString name = QStringLiteral("library%1").arg(++m_databases);
    if (!m_server.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return {};
    return m_server.url(name);
}

std::unique_ptr<RagEngine> TeamLibraryRig::engine(const QString& dataFolder) {
    EngineOptions options;
    options.dataDir = m_tree.filePath(dataFolder);
    auto opened = RagEngine::open(options);
    return opened ? std::move(*opened) : nullptr;
}

QString TeamLibraryRig::writePages(const QString& folder, int count, const QString& word) {
    for (int i = 0; i < count; ++i) {
        const QString topic = QStringLiteral("%1%2").arg(word).arg(i);
        QString text = QStringLiteral("# All about %1\n\n").arg(topic);
        for (const char* section : {"Installing", "Configuring", "Troubleshooting"}) {
            text += QStringLiteral("## %1 %2\n\n").arg(QLatin1String(section), topic);
            for (int line = 0; line < 12; ++line)
                text += QStringLiteral("Step %1 of %2 %3 explains one more detail of the %3 at length.\n")
                            .arg(line)
                            .arg(QLatin1String(section), topic);
            text += QLatin1Char('\n');
        }
        m_tree.write(QStringLiteral("%1/%2.md").arg(folder, topic), text);
    }
    return m_tree.filePath(folder);
}

IngestRequest TeamLibraryRig::sharing(const QString& collection, const QString& folder,
                                      const QString& library) {
    IngestRequest request;
    request.collection = collection;
    request.paths = {folder};
    request.library = library;
    return request;
}

QString TeamLibraryRig::shareFresh(const QString& name, int pages, const QString& word, Shared& out) {
    out.url = freshLibrary();
    if (out.url.isEmpty())
        return m_server.error();
    out.database = out.url.section(QLatin1Char('/'), -1);
    out.folder = writePages(name + QStringLiteral("/docs"), pages, word);
    out.writer = engine(name + QStringLiteral("/writer"));
    out.reader = engine(name + QStringLiteral("/reader"));
    if (!out.writer || !out.reader)
        return QStringLiteral("an engine did not open");
    auto shared = out.writer->ingest(sharing(QStringLiteral("docs"), out.folder, out.url));
    return shared ? QString() : shared.error().message;
}

std::map<QString, int> TeamLibraryRig::passages(RagEngine& engine, const QString& collection) {
    std::map<QString, int> out;
    auto all = engine.collections();
    if (!all)
        return out;
    for (const CollectionInfo& info : *all) {
        if (info.collection.name != collection)
            continue;
        const auto documents = engine.documents(info.collection.id);
        for (const Document& d : *documents)
            out[d.path] = static_cast<int>(engine.chunks(d.id)->size());
    }
    return out;
}

bool TeamLibraryRig::finds(RagEngine& engine, const QString& word, const QString& file) {
    SearchOptions options;
    options.k = 3;
    auto hits = engine.search(word, options);
    return hits && !hits->empty() && hits->front().path.endsWith(file);
}

Result<LibraryConnection> TeamLibraryRig::connect(const QString& url) {
    auto parsed = LibraryUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return LibraryConnection::open(*parsed);
}

} // namespace docrag::test
