// libFuzzer target: what the transcript renderer makes of an answer's text, which comes from a
// language model (or a hostile server): the citations linked in it, its code blocks, and the Markdown
// written into a QTextDocument, first while it streams in and then whole. The first byte chooses the
// entry's shape; the rest is the answer.
#include "tests/fuzz/loader_fuzz.h"
#include "ui/chat/transcript_renderer.h"

#include <QGuiApplication>
#include <QTextDocument>

using namespace docrag;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen"); // no display: the document needs fonts, not a window
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const uint8_t shape = data[0];
    const QString content = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    std::vector<TranscriptEntry> entries(2);
    entries[0].role = TranscriptEntry::Role::User;
    entries[0].content = QStringLiteral("How do I read a file?");
    TranscriptEntry& answer = entries[1];
    answer.role = shape & 1 ? TranscriptEntry::Role::Assistant : TranscriptEntry::Role::Error;
    answer.model = QStringLiteral("gpt-4o-mini");
    answer.extractive = shape & 2;
    answer.messageId = shape & 4 ? 7 : 0;
    answer.feedback = (shape >> 3) % 3 - 1;
    for (int n = 1; n <= (shape >> 5); ++n) {
        Source source;
        source.number = n * (n == 3 ? 100 : 1); // 1, 2, 300, 4...: numbers of one to three digits
        source.title = QStringLiteral("Files <b>&amp;");
        source.path = QStringLiteral("/docs/files.md");
        source.location = QStringLiteral("lines 1-9");
        answer.sources.push_back(source);
    }

    QTextDocument document;
    TranscriptRenderer renderer(document);
    renderer.renderAll(entries);
    // Streaming: the answer grows in three steps, each rewriting the last entry only, then is whole.
    answer.streaming = true;
    for (int step = 1; step <= 3; ++step) {
        answer.content = content.left(content.size() * step / 3);
        renderer.renderLast(entries);
        (void)TranscriptRenderer::codeBlocks(answer.content);
    }
    answer.streaming = false;
    renderer.renderLast(entries);
    (void)document.toPlainText();
    return 0;
}
