#include "engine/ingest/code_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;
using test::readFixture;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path) {
    return loadOrFail(CodeLoader(), path, bytes);
}

} // namespace

class TestCodeLoader final : public QObject {
    Q_OBJECT

private slots:
    void languageForSuffix_data() {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("language");
        const std::pair<const char*, const char*> rows[] = {
            {"c", "c"},
            {"h", "c"},
            {"cpp", "cpp"},
            {"cc", "cpp"},
            {"cxx", "cpp"},
            {"hpp", "cpp"},
            {"hh", "cpp"},
            {"hxx", "cpp"},
            {"py", "python"},
            {"pyi", "python"},
            {"js", "javascript"},
            {"mjs", "javascript"},
            {"cjs", "javascript"},
            {"jsx", "javascript"},
            {"ts", "typescript"},
            {"tsx", "typescript"},
            {"java", "java"},
            {"kt", "kotlin"},
            {"kts", "kotlin"},
            {"go", "go"},
            {"rs", "rust"},
            {"rb", "ruby"},
            {"php", "php"},
            {"cs", "csharp"},
            {"swift", "swift"},
            {"scala", "scala"},
            {"sh", "bash"},
            {"bash", "bash"},
            {"zsh", "zsh"},
            {"fish", "fish"},
            {"ps1", "powershell"},
            {"sql", "sql"},
            {"lua", "lua"},
            {"pl", "perl"},
            {"pm", "perl"},
            {"r", "r"},
            {"hs", "haskell"},
            {"ml", "ocaml"},
            {"ex", "elixir"},
            {"exs", "elixir"},
            {"erl", "erlang"},
            {"clj", "clojure"},
            {"dart", "dart"},
            {"m", "objectivec"},
            {"mm", "objectivec"},
            {"cmake", "cmake"},
            {"yaml", "yaml"},
            {"yml", "yaml"},
            {"toml", "toml"},
            {"json", "json"},
            {"ini", "ini"},
            {"cfg", "ini"},
            {"css", "css"},
            {"scss", "scss"},
            {"less", "less"},
            {"vue", "vue"},
            {"svelte", "svelte"},
            {"proto", "protobuf"},
            {"graphql", "graphql"},
            {"gradle", "gradle"},
            {"groovy", "groovy"},
            {"tf", "hcl"},
            {"nix", "nix"},
            // Documents and unknown suffixes are not source code.
            {"md", ""},
            {"html", ""},
            {"rst", ""},
            {"txt", ""},
            {"pdf", ""},
            {"xml", ""},
            {"", ""},
            {"png", ""},
        };
        for (const auto& [suffix, language] : rows)
            QTest::newRow(suffix) << QString::fromLatin1(suffix) << QString::fromLatin1(language);
    }

    void languageForSuffix() {
        QFETCH(QString, suffix);
        QFETCH(QString, language);
        QCOMPARE(CodeLoader::languageForSuffix(suffix), language);
    }

    void loadsThePythonFixture() {
        const ParsedDocument doc =
            loadOk(readFixture(QStringLiteral("loaders/retry.py")), QStringLiteral("/src/retry.py"));
        QCOMPARE(doc.format, QStringLiteral("code"));
        QCOMPARE(doc.language, QStringLiteral("python"));
        QCOMPARE(doc.title, QStringLiteral("retry.py"));
        QVERIFY(doc.notes.isEmpty());
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{
                     QStringLiteral("C[python] 1-1 # \"\"\"Retry helpers for flaky network calls.\"\"\""),
                     QStringLiteral("C[python] 3-4 # import random\nimport time"),
                     QStringLiteral("C[python] 7-9 # def backoff(attempt: int, base: float = 0.5) -> float:\n"
                                    "    \"\"\"Exponential backoff with full jitter.\"\"\"\n"
                                    "    return random.uniform(0, base * 2 ** attempt)"),
                     QStringLiteral("C[python] 12-14 # class Retry:\n    def __init__(self, attempts=3):\n"
                                    "        self.attempts = attempts"),
                     QStringLiteral("C[python] 16-22 #     def __call__(self, fn):\n"
                                    "        for attempt in range(self.attempts):\n"
                                    "            try:\n"
                                    "                return fn()\n"
                                    "            except OSError:\n"
                                    "                time.sleep(backoff(attempt))\n"
                                    "        raise TimeoutError(\"gave up\")"),
                 }));
    }

    void titleKeepsTheExtension() {
        QCOMPARE(loadOk("int x;\n", QStringLiteral("/a/b/widget.test.hpp")).title,
                 QStringLiteral("widget.test.hpp"));
        QCOMPARE(loadOk("int x;\n", QStringLiteral("/a/b/widget.test.hpp")).language, QStringLiteral("cpp"));
    }

    void emptyInputHasNoBlocks() {
        QVERIFY(loadOk(QByteArray(), QStringLiteral("empty.go")).blocks.empty());
        QVERIFY(loadOk("\n\n  \n", QStringLiteral("blank.go")).blocks.empty());
    }

    void crlfLineEndings() {
        const ParsedDocument doc =
            loadOk("package main\r\n\r\nfunc main() {\r\n}\r\n", QStringLiteral("main.go"));
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{QStringLiteral("C[go] 1-1 # package main"),
                                                           QStringLiteral("C[go] 3-4 # func main() {\n}")}));
    }

    void latin1IsDecodedWithANote() {
        const QByteArray latin1 =
            QStringLiteral("-- Données des clients (téléphone, adresse, numéro)\n"
                           "SELECT nom, prénom FROM clients WHERE ville = 'Besançon';\n")
                .toLatin1();
        const ParsedDocument doc = loadOk(latin1, QStringLiteral("clients.sql"));
        QCOMPARE(
            BlockDump::describeAll(doc),
            (QStringList{QStringLiteral("C[sql] 1-2 # -- Données des clients (téléphone, adresse, numéro)\n"
                                        "SELECT nom, prénom FROM clients WHERE ville = 'Besançon';")}));
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY2(doc.notes.front().startsWith(QLatin1String("decoded as ")), qPrintable(doc.notes.front()));
    }

    void binaryInputIsUnsupported() {
        const QByteArray bytes("\xCA\xFE\xBA\xBE\0\0\0\x34\0\x1d\x0a\0\x06\0\x0f", 16);
        const Result<ParsedDocument> result = CodeLoader().load(QStringLiteral("Main.java"), bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void minifiedOrGeneratedFilesAreSkipped() {
        // One very long line.
        const QByteArray bundle = "!function(e){" + QByteArray(6000, 'x') + "}();\n";
        Result<ParsedDocument> result = CodeLoader().load(QStringLiteral("app.min.js"), bundle);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        QVERIFY2(result.error().message.startsWith(QLatin1String("looks minified or generated (")),
                 qPrintable(result.error().message));

        // Many lines, each under 5,000 characters but long on average.
        QByteArray data;
        for (int i = 0; i < 10; ++i)
            data += "[" + QByteArray(400, '1') + "],\n";
        result = CodeLoader().load(QStringLiteral("data.json"), data);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        QVERIFY2(result.error().message.startsWith(QLatin1String("looks minified or generated (")),
                 qPrintable(result.error().message));

        // Long lines are fine when they are the exception.
        QByteArray normal = "x = '" + QByteArray(4000, 'a') + "'\n";
        for (int i = 0; i < 100; ++i)
            normal += "y = " + QByteArray::number(i) + "\n";
        QVERIFY(CodeLoader().load(QStringLiteral("ok.py"), normal).ok());
    }

    void hugeBlockWithoutBlankLines() {
        QByteArray source;
        const int lines = 30000;
        for (int i = 0; i < lines; ++i)
            source += "    call(" + QByteArray::number(i) + ");\n";
        const ParsedDocument doc = loadOk(source, QStringLiteral("gen.c"));
        QCOMPARE(doc.blocks.size(), size_t(1));
        QCOMPARE(doc.blocks[0].lineStart, 1);
        QCOMPARE(doc.blocks[0].lineEnd, lines);
        QCOMPARE(doc.blocks[0].language, QStringLiteral("c"));
        QVERIFY(doc.blocks[0].text.endsWith(QLatin1String("    call(29999);")));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestCodeLoader)
#include "test_code_loader.moc"
