#include "engine/ingest/pdf_module.h"

#include "engine/core/install_paths.h"

#include <QFileInfo>
#include <QLibrary>

#include <spdlog/spdlog.h>
#include <string_view>

namespace docrag {
namespace {

void logPopplerMessage(const char* text, size_t size) {
    if (const auto logger = spdlog::get("docrag.ingest"))
        logger->debug("poppler: {}", std::string_view(text, size));
}

// /proc/self/exe rather than QCoreApplication::applicationDirPath(): a fuzz target has no application
// object. Symbolic links are resolved, as for the guide: a link in ~/bin finds its installation.
QString applicationDir() {
    return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
}

} // namespace

QStringList PdfModule::candidatesFor(const QString& applicationDir) {
    const QString name = QStringLiteral("/plugins/docrag_pdf.so");
    return {InstallPaths::libDirFor(applicationDir) + name,
            InstallPaths::libDirFor(applicationDir + QStringLiteral("/..")) + name};
}

Result<const PdfModule*> PdfModule::get() {
    static const Result<const PdfModule*> module = load();
    return module;
}

Result<const PdfModule*> PdfModule::load() {
    const QStringList candidates = candidatesFor(applicationDir());
    for (const QString& path : candidates) {
        if (!QFileInfo::exists(path))
            continue;
        // Kept loaded for the life of the process: QLibrary's destructor does not unload.
        QLibrary library(path);
        if (!library.load())
            return Error{ErrorCode::Unsupported,
                         QStringLiteral("PDF support cannot be loaded: %1").arg(library.errorString())};
        const auto version =
            reinterpret_cast<DocragPdfAbiVersionFunction>(library.resolve(kPdfModuleAbiVersionSymbol));
        const auto read = reinterpret_cast<DocragPdfReadFunction>(library.resolve(kPdfModuleReadSymbol));
        const auto setLog =
            reinterpret_cast<DocragPdfSetLogFunction>(library.resolve(kPdfModuleSetLogSymbol));
        if (!version || !read || !setLog || version() != kPdfModuleAbiVersion)
            return Error{ErrorCode::Unsupported,
                         QStringLiteral("PDF support in %1 is of another version of DocRag").arg(path)};
        setLog(&logPopplerMessage);
        static const PdfModule module(read);
        return &module;
    }
    return Error{
        ErrorCode::Unsupported,
        QStringLiteral("PDF support is not installed (no %1)").arg(candidates.join(QStringLiteral(" or ")))};
}

} // namespace docrag
