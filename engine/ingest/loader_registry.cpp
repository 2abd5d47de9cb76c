#include "engine/ingest/loader_registry.h"

#include "engine/ingest/code_loader.h"
#include "engine/ingest/html_loader.h"
#include "engine/ingest/markdown_loader.h"
#include "engine/ingest/pdf_loader.h"
#include "engine/ingest/rst_loader.h"
#include "engine/ingest/text_loader.h"

#include <QFileInfo>
#include <QSet>

namespace docrag {
namespace {

bool isKnownBinarySuffix(const QString& suffix) {
    static const QSet<QString> binary = {
        QStringLiteral("png"),   QStringLiteral("jpg"),   QStringLiteral("jpeg"),   QStringLiteral("gif"),
        QStringLiteral("bmp"),   QStringLiteral("ico"),   QStringLiteral("webp"),   QStringLiteral("tif"),
        QStringLiteral("tiff"),  QStringLiteral("psd"),   QStringLiteral("zip"),    QStringLiteral("gz"),
        QStringLiteral("tgz"),   QStringLiteral("bz2"),   QStringLiteral("xz"),     QStringLiteral("zst"),
        QStringLiteral("7z"),    QStringLiteral("rar"),   QStringLiteral("tar"),    QStringLiteral("jar"),
        QStringLiteral("war"),   QStringLiteral("whl"),   QStringLiteral("egg"),    QStringLiteral("deb"),
        QStringLiteral("rpm"),   QStringLiteral("exe"),   QStringLiteral("dll"),    QStringLiteral("so"),
        QStringLiteral("dylib"), QStringLiteral("a"),     QStringLiteral("o"),      QStringLiteral("obj"),
        QStringLiteral("class"), QStringLiteral("pyc"),   QStringLiteral("pyo"),    QStringLiteral("wasm"),
        QStringLiteral("woff"),  QStringLiteral("woff2"), QStringLiteral("ttf"),    QStringLiteral("otf"),
        QStringLiteral("eot"),   QStringLiteral("mp3"),   QStringLiteral("mp4"),    QStringLiteral("wav"),
        QStringLiteral("ogg"),   QStringLiteral("flac"),  QStringLiteral("avi"),    QStringLiteral("mov"),
        QStringLiteral("mkv"),   QStringLiteral("webm"),  QStringLiteral("sqlite"), QStringLiteral("db"),
        QStringLiteral("inv"),   QStringLiteral("bin"),   QStringLiteral("dat"),    QStringLiteral("iso"),
        QStringLiteral("doc"),   QStringLiteral("xls"),   QStringLiteral("ppt"),    QStringLiteral("docx"),
        QStringLiteral("xlsx"),  QStringLiteral("pptx"),  QStringLiteral("odt"),    QStringLiteral("epub"),
    };
    return binary.contains(suffix);
}

} // namespace

LoaderRegistry::LoaderRegistry()
    : m_markdown(std::make_unique<MarkdownLoader>())
    , m_html(std::make_unique<HtmlLoader>())
    , m_rst(std::make_unique<RstLoader>())
    , m_text(std::make_unique<TextLoader>())
    , m_code(std::make_unique<CodeLoader>())
    , m_pdf(std::make_unique<PdfLoader>()) {}

LoaderRegistry::~LoaderRegistry() = default;

const Loader* LoaderRegistry::loaderFor(const QString& path) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown") ||
        suffix == QLatin1String("mdx"))
        return m_markdown.get();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml"))
        return m_html.get();
    if (suffix == QLatin1String("rst") || suffix == QLatin1String("rest"))
        return m_rst.get();
    if (suffix == QLatin1String("pdf"))
        return m_pdf.get();
    if (!CodeLoader::languageForSuffix(suffix).isEmpty())
        return m_code.get();
    if (isKnownBinarySuffix(suffix))
        return nullptr;
    // .txt, README, LICENSE, unknown suffixes: treated as text; binary content is caught by the decoder.
    return m_text.get();
}

} // namespace docrag
