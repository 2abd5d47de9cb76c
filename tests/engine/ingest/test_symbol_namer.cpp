#include "engine/ingest/html_loader.h"
#include "engine/ingest/markdown_loader.h"
#include "engine/ingest/rst_loader.h"
#include "engine/ingest/symbol_namer.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>

namespace docrag {
namespace {

// "kind name #anchor" of each symbol, in order.
QStringList describe(const std::vector<Symbol>& symbols) {
    QStringList out;
    for (const Symbol& s : symbols)
        out << QStringLiteral("%1 %2 #%3").arg(s.kind, s.name, s.anchor);
    return out;
}

QString nameOf(const std::optional<SymbolName>& symbol) {
    return symbol ? symbol->kind + QLatin1Char(' ') + symbol->name : QStringLiteral("none");
}

} // namespace

class TestSymbolNamer final : public QObject {
    Q_OBJECT

private slots:
    void identifiers() {
        QVERIFY(SymbolNamer::isIdentifier(u"os.path.join"));
        QVERIFY(SymbolNamer::isIdentifier(u"QString::append"));
        QVERIFY(SymbolNamer::isIdentifier(u"snake_case"));
        QVERIFY(SymbolNamer::isIdentifier(u"QObject::~QObject"));
        QVERIFY(!SymbolNamer::isIdentifier(u""));
        QVERIFY(!SymbolNamer::isIdentifier(u"os..path"));
        QVERIFY(!SymbolNamer::isIdentifier(u"os.path."));
        QVERIFY(!SymbolNamer::isIdentifier(u"term-widget"));
        QVERIFY(!SymbolNamer::isIdentifier(u"2to3"));
        QVERIFY(!SymbolNamer::isIdentifier(u"a:b"));
    }

    void namesInSignatures() {
        QCOMPARE(SymbolNamer::nameInSignature(u"os.path.join(path, *paths)", false),
                 QStringLiteral("os.path.join"));
        QCOMPARE(SymbolNamer::nameInSignature(u"QString &QString::append(const QString &str)", false),
                 QStringLiteral("QString::append"));
        QCOMPARE(SymbolNamer::nameInSignature(u"class collections.Counter([iterable-or-mapping])", false),
                 QStringLiteral("collections.Counter"));
        QCOMPARE(SymbolNamer::nameInSignature(u"enum QString::SectionFlag flags QString::SectionFlags", true),
                 QStringLiteral("QString::SectionFlag"));
        QCOMPARE(SymbolNamer::nameInSignature(u"typedef QString::ConstIterator", true),
                 QStringLiteral("QString::ConstIterator"));
        // A property's heading does not say its class: without a qualified name there is none.
        QCOMPARE(SymbolNamer::nameInSignature(u"objectName : QString", true), QString());
        QCOMPARE(SymbolNamer::nameInSignature(u"PYTHONPATH", false), QStringLiteral("PYTHONPATH"));
        // A conversion operator does not define the type it converts to.
        QCOMPARE(SymbolNamer::nameInSignature(u"QKeySequence::operator QString() const", false), QString());
        QCOMPARE(SymbolNamer::nameInSignature(u"bool operator==(const QString &a)", false), QString());
    }

    void sphinxDefinitions() {
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"str.startswith",
                                                    u"str.startswith(prefix[, start[, end]])", u"py method")),
                 QStringLiteral("method str.startswith"));
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"c.PyList_New", u"PyObject *PyList_New(Py_ssize_t len)",
                                                    u"c function")),
                 QStringLiteral("function PyList_New"));
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"_CPPv4N7QString6appendE", u"QString &QString::append()",
                                                    u"cpp function")),
                 QStringLiteral("function QString::append"));
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"cmdoption-c", u"-c <command>", u"std cmdoption")),
                 QStringLiteral("cmdoption -c"));
        // Lists that are not object descriptions, and glossary entries, name nothing.
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"term-widget", u"widget", u"std term")),
                 QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"x", u"x", u"simple")), QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromDefinition(u"x", u"x", u"field-list simple")),
                 QStringLiteral("none"));
    }

    void htmlHeadings() {
        QCOMPARE(nameOf(SymbolNamer::fromHeading(u"module-os.path",
                                                 u"os.path — Common pathname manipulations", {})),
                 QStringLiteral("module os.path"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading(u"append-1", u"QString &QString::append(const QString &str)",
                                                 u"fn")),
                 QStringLiteral("function QString::append"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading(u"SectionFlag-enum",
                                                 u"enum QString::SectionFlag flags QString::SectionFlags",
                                                 u"flags")),
                 QStringLiteral("enum QString::SectionFlag"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading(u"objectName-prop", u"objectName : QString", u"fn")),
                 QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading({}, u"QString Class", u"title")),
                 QStringLiteral("class QString"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading({}, u"Qt Namespace", u"title")),
                 QStringLiteral("namespace Qt"));
        // Ordinary headings name nothing.
        QCOMPARE(nameOf(SymbolNamer::fromHeading(u"reading-files", u"Reading Files", {})),
                 QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromHeading({}, u"Getting Started", u"title")), QStringLiteral("none"));
    }

    void markdownCode() {
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"", u"fs.readFile(path[, options], callback)")),
                 QStringLiteral("function fs.readFile"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"Class: ", u"fs.Dir")), QStringLiteral("class fs.Dir"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"Static method: ", u"Buffer.from(array)")),
                 QStringLiteral("static method Buffer.from"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"", u"new URL(input[, base])")),
                 QStringLiteral("function URL"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"Event: ", u"'close'")), QStringLiteral("event close"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"", u"dir.path")), QStringLiteral("property dir.path"));
        // Prose before the code, a numbered label, or code that is not a name: no symbol.
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"Using ", u"fs.readFile")), QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"DEP0005: ", u"Buffer()")), QStringLiteral("none"));
        QCOMPARE(nameOf(SymbolNamer::fromCode(u"", u"npm install x")), QStringLiteral("none"));
    }

    void sphinxPage() {
        const ParsedDocument doc =
            test::loadOrFail(HtmlLoader(), QStringLiteral("/docs/ref.html"),
                             test::readFixture(QStringLiteral("loaders/sphinx_reference.html")));
        // The class's second <dt> (an overload) is not a second Gauge; the glossary term and the
        // field list ("Raises") are not APIs.
        QCOMPARE(describe(SymbolNamer::symbolsOf(doc.blocks)),
                 (QStringList{QStringLiteral("function clamp #clamp"), QStringLiteral("class Gauge #Gauge"),
                              QStringLiteral("method Gauge.read #Gauge.read")}));
    }

    void markdownPage() {
        const QByteArray page = "# File system\n\n## Class: `fs.Dir`\n\nA directory.\n\n### `dir.close()`\n\n"
                                "Closes it.\n\n## Using `fs.Dir` well\n\nProse.\n\n## Notes\n";
        const ParsedDocument doc = test::loadOrFail(MarkdownLoader(), QStringLiteral("/docs/fs.md"), page);
        const std::vector<Symbol> symbols = SymbolNamer::symbolsOf(doc.blocks);
        QCOMPARE(describe(symbols), (QStringList{QStringLiteral("class fs.Dir #class-fsdir"),
                                                 QStringLiteral("function dir.close #dirclose")}));
        QCOMPARE(symbols[1].line, 7);
    }

    void rstDirectives() {
        const QByteArray page =
            ".. module:: widget\n\nTitle\n=====\n\n.. function:: open(path)\n\n   Opens.\n\n"
            ".. class:: Gauge(x)\n\n   .. method:: read()\n\n      Reads.\n";
        const ParsedDocument doc = test::loadOrFail(RstLoader(), QStringLiteral("/docs/widget.rst"), page);
        QCOMPARE(describe(SymbolNamer::symbolsOf(doc.blocks)),
                 (QStringList{QStringLiteral("function widget.open #widget.open"),
                              QStringLiteral("class widget.Gauge #widget.Gauge"),
                              QStringLiteral("method widget.Gauge.read #widget.Gauge.read")}));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestSymbolNamer)
#include "test_symbol_namer.moc"
