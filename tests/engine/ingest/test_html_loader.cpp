#include "engine/ingest/html_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>
#include <QtConcurrentMap>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;
using test::readFixture;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path = QStringLiteral("/docs/page.html")) {
    return loadOrFail(HtmlLoader(), path, bytes);
}

QStringList loadBody(const QByteArray& body) {
    return BlockDump::describeAll(
        loadOk("<!DOCTYPE html><html><head><title>T</title></head><body>" + body + "</body></html>"));
}

} // namespace

class TestHtmlLoader final : public QObject {
    Q_OBJECT

private slots:
    void sphinxTutorialPage() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/sphinx_tutorial.html")));
        QCOMPARE(doc.format, QStringLiteral("html"));
        QCOMPARE(doc.title, QStringLiteral("3. Reading Files"));
        QVERIFY(doc.notes.isEmpty());
        const QStringList expected = {
            QStringLiteral("H1 50-50 #reading-files 3. Reading Files"),
            QStringLiteral(
                "P 51-53 #reading-files A widget can read its settings from a file; the settings can "
                "also be written back after any change. The open() helper does the work."),
            QStringLiteral("H2 55-55 #opening-a-file 3.1. Opening a File"),
            QStringLiteral("P 56-56 #opening-a-file There are two ways to open a file:"),
            QStringLiteral(
                "P 58-59 #opening-a-file - Call widget.open(path) with a path relative to the working "
                "directory."),
            QStringLiteral("C[python] 60-62 #opening-a-file >>> w = widget.open('a.cfg')\n>>> w.size\n42"),
            QStringLiteral("P 66-66 #opening-a-file - Pass an already open stream."),
            QStringLiteral("P 69-69 #opening-a-file Note"),
            QStringLiteral("P 70-70 #opening-a-file Streams must be opened in binary mode."),
            QStringLiteral("H3 73-73 #methods-of-file-objects 3.1.1. Methods of File Objects"),
            QStringLiteral(
                "C[python] 74-75 #methods-of-file-objects for line in f:\n    print(line, end='')"),
            QStringLiteral("C[] 78-79 #methods-of-file-objects $ widget --check a.cfg\nok"),
            QStringLiteral("H2 85-85 #closing 3.2. Closing"),
            QStringLiteral("P 87-87 #closing 1. Flush the buffers."),
            QStringLiteral("P 88-88 #closing 2. Release the handle."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void sphinxReferencePage() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/sphinx_reference.html")));
        QCOMPARE(doc.title, QStringLiteral("Built-in Helpers"));
        const QStringList expected = {
            QStringLiteral("H1 20-20 #built-in-helpers Built-in Helpers"),
            QStringLiteral("P 23-23 #built-in-helpers Built-in Helpers"),
            QStringLiteral("P 28-35 #built-in-helpers A clamp() | G Gauge()"),
            QStringLiteral("H7 43-43 #clamp clamp(x, lo, hi)"),
            QStringLiteral("P 44-44 #clamp Return x limited to the range lo to hi."),
            QStringLiteral("C[python] 45-46 #clamp >>> clamp(7, 0, 5)\n5"),
            QStringLiteral("/H7 49-49 #clamp "),
            QStringLiteral("H7 53-53 #Gauge class Gauge(value=0)"),
            QStringLiteral("H7 55-55 #Gauge class Gauge(text, base=10)"),
            QStringLiteral("P 56-56 #Gauge Build a gauge from a number or a string."),
            QStringLiteral("H8 59-59 #Gauge.read read()"),
            QStringLiteral("P 60-60 #Gauge.read Return the current value."),
            QStringLiteral("/H8 61-61 #Gauge.read "),
            QStringLiteral("P 63-63 #Gauge Gauges compare by value."),
            QStringLiteral("P 65-65 #Gauge Changed in version 2.0: The base argument."),
            QStringLiteral("/H7 67-67 #Gauge "),
            QStringLiteral("P 70-70 #built-in-helpers Raises:"),
            QStringLiteral("P 71-71 #built-in-helpers ValueError \u2013 if the gauge is empty."),
            QStringLiteral("H7 75-75 #term-widget widget"),
            QStringLiteral("/H7 76-76 #term-widget "),
            QStringLiteral("P 77-77 #built-in-helpers End of the reference."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void plainHtml5Page() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/plain_page.html")));
        QCOMPARE(doc.title, QStringLiteral("Deploying the Service"));
        const QStringList expected = {
            QStringLiteral("H1 16-16 #deploying Deploying the Service"),
            QStringLiteral("P 17-17 #deploying Updated for release 4.2"),
            QStringLiteral(
                "P 19-20 #deploying The service runs as a systemd unit. Start it with one command & "
                "check its status."),
            QStringLiteral("H2 23-23 #requirements Requirements"),
            QStringLiteral("P 25-25 #requirements 3. A Linux host"),
            QStringLiteral("P 26-26 #requirements 7. Port 8080 open"),
            QStringLiteral("P 29-29 #requirements Supported systems"),
            QStringLiteral("P 30-30 #requirements System | Version"),
            QStringLiteral("P 32-32 #requirements Debian | 12 | tested"),
            QStringLiteral("H2 35-35 #config Configuration"),
            QStringLiteral("C[yaml] 37-38 #config server:\n  port: 8080"),
            QStringLiteral("P 40-40 #config Keep the file small."),
            QStringLiteral("P 45-45 #config Figure 1: the deployment."),
            QStringLiteral("P 46-46 #config Article footer stays."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void bodyIsTheRootWithoutMainOrArticle() {
        const QByteArray html = "<html><head><title>Notes</title></head>\n"
                                "<body>\n"
                                "<header><h1>Site banner</h1></header>\n"
                                "<nav>Home | About</nav>\n"
                                "<div role=\"navigation\">Sidebar links</div>\n"
                                "<div role=\"search\">Search box</div>\n"
                                "Loose text\n"
                                "<section id=\"s\"><header><h2>Section title</h2></header>\n"
                                "<p>Body</p></section>\n"
                                "<footer>Copyright</footer>\n"
                                "</body></html>\n";
        const QStringList expected = {
            QStringLiteral("P 7-7 # Loose text"),
            QStringLiteral("H2 8-8 #s Section title"),
            QStringLiteral("P 9-9 #s Body"),
        };
        QCOMPARE(BlockDump::describeAll(loadOk(html)), expected);
    }

    void contentRootPreference() {
        const QByteArray roleMainOverArticle = "<body><p>outside</p><article><p>article</p></article>"
                                               "<div role=\"main\"><p>role main</p></div></body>";
        QCOMPARE(BlockDump::describeAll(loadOk(roleMainOverArticle)),
                 QStringList{QStringLiteral("P 1-1 # role main")});
        const QByteArray mainOverRoleMain = "<body><div role=\"main\"><p>role main</p></div>"
                                            "<main><p>first main</p></main><main><p>second</p></main></body>";
        QCOMPARE(BlockDump::describeAll(loadOk(mainOverRoleMain)),
                 QStringList{QStringLiteral("P 1-1 # first main")});
        const QByteArray hiddenMain =
            "<body><main hidden><p>other view</p></main><main><p>visible</p></main></body>";
        QCOMPARE(BlockDump::describeAll(loadOk(hiddenMain)), QStringList{QStringLiteral("P 1-1 # visible")});
        const QByteArray article = "<body><p>outside</p><article><p>article</p></article></body>";
        QCOMPARE(BlockDump::describeAll(loadOk(article)), QStringList{QStringLiteral("P 1-1 # article")});
    }

    void titleRules_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("title");
        QTest::newRow("em dash suffix") << QByteArray("<title>7. Input and Output &#8212; Python 3.11.2 "
                                                      "documentation</title>")
                                        << QStringLiteral("7. Input and Output");
        QTest::newRow("pipe suffix") << QByteArray("<title>API  Reference | Site</title>")
                                     << QStringLiteral("API Reference");
        QTest::newRow("hyphen suffix, last one")
            << QByteArray("<title>A - B - Site</title>") << QStringLiteral("A - B");
        QTest::newRow("em dash wins over pipe")
            << QByteArray("<title>Notes | 2024 \xE2\x80\x94 Site</title>") << QStringLiteral("Notes | 2024");
        QTest::newRow("nothing before separator")
            << QByteArray("<title> \xE2\x80\x94 Site</title>") << QStringLiteral("\u2014 Site");
        QTest::newRow("no suffix") << QByteArray("<title>Plain title</title>")
                                   << QStringLiteral("Plain title");
        QTest::newRow("empty title falls back to h1")
            << QByteArray("<title>  </title><body><h2>Second</h2><h1>First <em>one</em></h1>")
            << QStringLiteral("First one");
        QTest::newRow("no title, no h1: base name")
            << QByteArray("<body><h2>Only h2</h2></body>") << QStringLiteral("page.v2");
    }

    void titleRules() {
        QFETCH(QByteArray, html);
        QFETCH(QString, title);
        QCOMPARE(loadOk(html, QStringLiteral("/docs/page.v2.html")).title, title);
    }

    void headingAnchors() {
        const QByteArray body =
            "<h2 id=\"own\">Own id</h2>\n"
            "<section id=\"sec\"><h2>Section id</h2></section>\n"
            "<div id=\"div\"><span id=\"marker\"></span><h3>Div id past marker</h3></div>\n"
            "<div id=\"late\"><p>x</p><h3>Headerlink<a class=\"headerlink\" "
            "href=\"#link\">\xC2\xB6</a></h3></div>\n"
            "<a name=\"named\"></a>\n<h4>Named anchor</h4>\n"
            "<span id=\"spanned\"></span><h4>Span anchor</h4>\n"
            "<h5>No anchor</h5><p>after</p>\n";
        const QStringList expected = {
            QStringLiteral("H2 1-1 #own Own id"),
            QStringLiteral("H2 2-2 #sec Section id"),
            QStringLiteral("H3 3-3 #div Div id past marker"),
            QStringLiteral("P 4-4 #div x"),
            QStringLiteral("H3 4-4 #link Headerlink"),
            QStringLiteral("H4 6-6 #named Named anchor"),
            QStringLiteral("H4 7-7 #spanned Span anchor"),
            QStringLiteral("H5 8-8 # No anchor"),
            QStringLiteral("P 8-8 # after"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void codeLanguages_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("language");
        QTest::newRow("language- on pre") << QByteArray("<pre class=\"language-rust\">x</pre>") << "rust";
        QTest::newRow("lang- on code")
            << QByteArray("<pre><code class=\"hljs lang-js\">x</code></pre>") << "js";
        QTest::newRow("highlight-python3") << QByteArray("<div class=\"highlight-python3 notranslate\"><div "
                                                         "class=\"highlight\"><pre>x</pre></div></div>")
                                           << "python";
        QTest::newRow("highlight-pycon")
            << QByteArray("<div class=\"highlight-pycon\"><div class=\"highlight\"><pre>x</pre></div></div>")
            << "python";
        QTest::newRow("highlight-default")
            << QByteArray("<div class=\"highlight-default\"><div><pre>x</pre></div></div>") << "python";
        QTest::newRow("highlight-c") << QByteArray("<div class=\"highlight-c\"><pre>x</pre></div>") << "c";
        QTest::newRow("highlight-none")
            << QByteArray("<div class=\"highlight-none\"><pre>x</pre></div>") << "";
        QTest::newRow("pre wins over ancestor")
            << QByteArray("<div class=\"highlight-c\"><pre class=\"language-go\">x</pre></div>") << "go";
        QTest::newRow("unknown") << QByteArray("<pre class=\"literal-block\">x</pre>") << "";
    }

    void codeLanguages() {
        QFETCH(QByteArray, html);
        QFETCH(QString, language);
        const ParsedDocument doc = loadOk(html);
        QCOMPARE(doc.blocks.size(), std::size_t(1));
        QCOMPARE(doc.blocks[0].kind, BlockKind::Code);
        QCOMPARE(doc.blocks[0].language, language);
        QCOMPARE(doc.blocks[0].text, QStringLiteral("x"));
    }

    void codeIsVerbatim() {
        const QByteArray body = "<p>Before</p><pre>\n"
                                "\n"
                                "    indented  &lt;tag&gt;   spaced\n"
                                "\tcol<a class=\"headerlink\" href=\"#x\">\xC2\xB6</a><br>next<span> kept "
                                "</span>\n"
                                "   \n"
                                "</pre>\n";
        const QStringList expected = {
            QStringLiteral("P 1-1 # Before"),
            QStringLiteral("C[] 3-4 #     indented  <tag>   spaced\n\tcol\nnext kept"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void listsAndInlineText() {
        const QByteArray body = "<ul>\n"
                                "<li><p>First para</p><p>same item</p></li>\n"
                                "<li>Outer\n"
                                "  <ul><li>Inner <em>item</em></li></ul>\n"
                                "  tail text</li>\n"
                                "</ul>\n"
                                "<ol><li>one</li><li><pre>code()</pre>after code</li></ol>\n"
                                "<p>a<b>b</b>c <a href=\"#\">link</a>&nbsp;&nbsp;end<br>next</p>\n";
        const QStringList expected = {
            QStringLiteral("P 2-2 # - First para same item"),
            QStringLiteral("P 3-3 # - Outer"),
            QStringLiteral("P 4-4 # - Inner item"),
            QStringLiteral("P 5-5 # tail text"),
            QStringLiteral("P 7-7 # 1. one"),
            QStringLiteral("C[] 7-7 # code()"),
            QStringLiteral("P 7-7 # after code"),
            QStringLiteral("P 8-8 # abc link end next"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void definitionLists() {
        const QByteArray body = "<dl class=\"simple\"><dt>Term</dt><dd>Meaning</dd></dl>\n"
                                "<dl class=\"py data\">\n"
                                "<dt id=\"LIMIT\">LIMIT</dt>\n"
                                "</dl>\n"
                                "<dl class=\"py function\"><dt id=\"f\">f()</dt><dt id=\"g\">g()</dt>\n"
                                "<dd><p>Both.</p></dd>\n"
                                "<dt id=\"h\">h()</dt><dd>Third.</dd></dl>\n"
                                "<p>after</p>\n";
        const QStringList expected = {
            QStringLiteral("P 1-1 # Term"),        QStringLiteral("P 1-1 # Meaning"),
            QStringLiteral("H7 3-3 #LIMIT LIMIT"), QStringLiteral("/H7 4-4 #LIMIT "),
            QStringLiteral("H7 5-5 #f f()"),       QStringLiteral("H7 5-5 #g g()"),
            QStringLiteral("P 6-6 #g Both."),      QStringLiteral("/H7 6-6 #g "),
            QStringLiteral("H7 7-7 #h h()"),       QStringLiteral("P 7-7 #h Third."),
            QStringLiteral("/H7 7-7 #h "),         QStringLiteral("P 8-8 # after"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void skippedElements() {
        const QByteArray body =
            "<main>\n"
            "<p>kept<script>var x;</script><style>p{}</style><noscript>enable js</noscript></p>\n"
            "<nav>nav text</nav><aside>aside</aside><form><label>form label</label><input></form>\n"
            "<button>Copy</button><svg><text>svg text</text></svg><iframe>frame</iframe>\n"
            "<select><option>choice</option></select><template>tpl</template>\n"
            "<div role=\"navigation\">menu</div><div role=\"search\">find</div>\n"
            "<p hidden>secret</p><span hidden>inline secret</span>\n"
            "<header>article header stays</header>\n"
            "</main>\n";
        const QStringList expected = {
            QStringLiteral("P 2-2 # kept"),
            QStringLiteral("P 8-8 # article header stays"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void crlfLineEndings() {
        const QByteArray html = "<html>\r\n<body>\r\n<h1 id=\"t\">Title</h1>\r\n<p>one\r\ntwo</p>\r\n"
                                "<pre>a\r\nb</pre>\r\n</body></html>";
        const QStringList expected = {
            QStringLiteral("H1 3-3 #t Title"),
            QStringLiteral("P 4-5 #t one two"),
            QStringLiteral("C[] 6-7 #t a\nb"),
        };
        QCOMPARE(BlockDump::describeAll(loadOk(html)), expected);
    }

    void windows1252IsDecoded() {
        QByteArray html =
            "<html><head><meta charset=\"windows-1252\"><title>R\xE9sum\xE9</title></head><body>\n"
            "<p>Le caf\xE9 est tr\xE8s bon, le th\xE9 aussi; \x93quoted\x94 na\xEFve.</p>\n"
            "<p>D\xE9j\xE0 vu \x96 \xE9t\xE9 \xE0 la fran\xE7"
            "aise, c\x92"
            "est la cr\xE8me br\xFBl\xE9"
            "e.</p>\n</body></html>";
        const ParsedDocument doc = loadOk(html);
        QCOMPARE(doc.notes, QStringList{QStringLiteral("decoded as WINDOWS-1252")});
        QCOMPARE(doc.title, QStringLiteral("R\u00E9sum\u00E9"));
        const QStringList expected = {
            QStringLiteral("P 2-2 # Le caf\u00E9 est tr\u00E8s bon, le th\u00E9 aussi; \u201Cquoted\u201D "
                           "na\u00EFve."),
            QStringLiteral(
                "P 3-3 # D\u00E9j\u00E0 vu \u2013 \u00E9t\u00E9 \u00E0 la fran\u00E7aise, c\u2019est "
                "la cr\u00E8me br\u00FBl\u00E9e."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void utf16WithBomIsDecoded() {
        const QString html = QStringLiteral("<html><body>\n<h1 id=\"x\">\u00DCber</h1>\n</body></html>");
        QByteArray bytes("\xFF\xFE", 2);
        bytes.append(reinterpret_cast<const char*>(html.utf16()), html.size() * 2);
        const ParsedDocument doc = loadOk(bytes);
        QCOMPARE(doc.notes, QStringList{QStringLiteral("decoded as UTF-16LE")});
        QCOMPARE(BlockDump::describeAll(doc), QStringList{QStringLiteral("H1 2-2 #x \u00DCber")});
    }

    void utf8BomIsSkipped() {
        const ParsedDocument doc = loadOk("\xEF\xBB\xBF<p>caf\xC3\xA9</p>\n<p>two</p>");
        QVERIFY(doc.notes.isEmpty());
        const QStringList expected = {QStringLiteral("P 1-1 # caf\u00E9"), QStringLiteral("P 2-2 # two")};
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void binaryContentIsUnsupported() {
        static const char raw[] = "<html>\0\0\0\x01\x02 binary";
        const QByteArray bytes(raw, sizeof(raw) - 1);
        const Result<ParsedDocument> result = HtmlLoader().load(QStringLiteral("x.html"), bytes);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void documentsWithoutText() {
        const ParsedDocument empty = loadOk({}, QStringLiteral("/d/empty.html"));
        QVERIFY(empty.blocks.empty());
        QCOMPARE(empty.title, QStringLiteral("empty"));
        const ParsedDocument scriptsOnly = loadOk(
            "<html><head><title>App</title></head><body><script>main()</script>\n<div> </div></body></html>");
        QVERIFY(scriptsOnly.blocks.empty());
        QCOMPARE(scriptsOnly.title, QStringLiteral("App"));
    }

    void concurrentLoadsAgree() {
        const QByteArray bytes = readFixture(QStringLiteral("loaders/sphinx_reference.html"));
        const QStringList expected = BlockDump::describeAll(loadOk(bytes));
        const QList<QStringList> results = QtConcurrent::blockingMapped(
            QList<int>(16, 0), [&bytes](int) { return BlockDump::describeAll(loadOk(bytes)); });
        for (const QStringList& result : results)
            QCOMPARE(result, expected);
    }

    void toctreeListsAreDropped() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/sphinx_toctree.html")));
        QCOMPARE(doc.title, QStringLiteral("Widget Documentation contents"));
        const QStringList expected = {
            QStringLiteral("H1 20-20 #widget-documentation-contents Widget Documentation contents"),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void genindexRowsAreDropped() {
        // A row of link-only entries goes; an entry with a plain-text label keeps its label.
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/sphinx_genindex.html")));
        QCOMPARE(doc.title, QStringLiteral("Index"));
        const QStringList expected = {
            QStringLiteral("H1 17-17 #index Index \u2013 G"),
            QStringLiteral("P 43-43 #index global"),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void codeReferenceListsAreKept() {
        // Items and rows made only of links rendered as code references are API content; toctree
        // entries, plain literals, links with more than the code in them and term links are not.
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/sphinx_api_list.html")));
        QCOMPARE(doc.title, QStringLiteral("C API Stability"));
        const QStringList expected = {
            QStringLiteral("H1 10-10 #stable-abi C API Stability"),
            QStringLiteral("P 11-11 #stable-abi The following functions are part of the Limited API:"),
            QStringLiteral("P 13-13 #stable-abi - PyArg_Parse()"),
            QStringLiteral("P 14-14 #stable-abi - PyArg_ParseTuple()"),
            QStringLiteral("P 15-16 #stable-abi - getpeername(), getsockname()"),
            QStringLiteral("P 18-18 #stable-abi - RWF_HIPRI"),
            QStringLiteral("P 22-23 #stable-abi os | pathlib"),
            QStringLiteral("P 27-28 #stable-abi os.path.abspath() | Path.absolute() 1"),
            QStringLiteral("P 32-32 #stable-abi Navigation that stays out:"),
            QStringLiteral("P 46-46 #stable-abi A recv() outside a link is text."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void mixedListsKeepItemsWithWords() {
        const QByteArray body =
            "<p>Functions and chapters:</p>\n"
            "<ul>\n"
            "<li><a href=\"io.html#open\"><code>open()</code></a> \xE2\x80\x93 Open file and return a "
            "stream</li>\n"
            "<li><a href=\"inputoutput.html#reading\">7.2. Reading and Writing Files</a></li>\n"
            "<li><p><a href=\"a.html\">A-LAW</a>, <a href=\"b.html\">[1]</a> (<a href=\"c.html\">x</a>) - "
            "\xE2\x80\x94 <a href=\"d.html\">y</a>.</p></li>\n"
            "<li>Label\n"
            "  <ul><li><a href=\"#n\">nested link</a></li>\n"
            "  <li>nested <a href=\"#m\">words</a></li></ul></li>\n"
            "<li><a href=\"#c\">Example</a><pre>x = 1</pre></li>\n"
            "<li><a name=\"anchor\">Named anchors are not links</a></li>\n"
            "<li><a href=\"#k\">\xC3\xBC"
            "ber</a> \xD0\x9F\xD1\x80\xD0\xB8</li>\n"
            "<li><a href=\"#p\">PEP 8</a> 2001</li>\n"
            "<li><a href=\"#e\"></a></li>\n"
            "</ul>\n"
            "<ol><li><a href=\"#1\">one</a></li><li>two</li><li><a href=\"#3\">three</a></li>"
            "<li>four <a href=\"#4\">4</a></li></ol>\n"
            "<p>after</p>\n";
        const QStringList expected = {
            QStringLiteral("P 1-1 # Functions and chapters:"),
            QStringLiteral("P 3-3 # - open() \u2013 Open file and return a stream"),
            QStringLiteral("P 6-6 # - Label"),
            QStringLiteral("P 8-8 # - nested words"),
            QStringLiteral("P 9-9 # - Example"),
            QStringLiteral("C[] 9-9 # x = 1"),
            QStringLiteral("P 10-10 # - Named anchors are not links"),
            QStringLiteral("P 11-11 # - \u00FCber \u041F\u0440\u0438"),
            QStringLiteral("P 12-12 # - PEP 8 2001"),
            QStringLiteral("P 15-15 # 2. two"),
            QStringLiteral("P 15-15 # 4. four 4"),
            QStringLiteral("P 16-16 # after"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void seeAlsoListInProse() {
        const QByteArray body =
            "<section id=\"reading\">\n"
            "<h2>Reading</h2>\n"
            "<p>Read files with <a href=\"#open\">open()</a>; see <a href=\"#pathlib\">pathlib</a>.</p>\n"
            "<div class=\"admonition seealso\">\n"
            "<p class=\"admonition-title\">See also</p>\n"
            "<ul class=\"simple\">\n"
            "<li><p><a class=\"reference internal\" href=\"#pathlib\"><code class=\"xref py py-mod\">"
            "pathlib</code></a></p></li>\n"
            "<li><p><a class=\"reference external\" href=\"https://peps.python.org/pep-0519/\"><strong>PEP "
            "519</strong></a> \xE2\x80\x93 Adding a file system path protocol</p></li>\n"
            "</ul>\n"
            "</div>\n"
            "<p>More prose after the\n<a href=\"#x\">list</a>.</p>\n"
            "</section>\n";
        const QStringList expected = {
            QStringLiteral("H2 2-2 #reading Reading"),
            QStringLiteral("P 3-3 #reading Read files with open(); see pathlib."),
            QStringLiteral("P 5-5 #reading See also"),
            QStringLiteral("P 7-7 #reading - pathlib"),
            QStringLiteral("P 8-8 #reading - PEP 519 \u2013 Adding a file system path protocol"),
            QStringLiteral("P 11-12 #reading More prose after the list."),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void headingsInsideLinkOnlyItemsAreKept() {
        const QByteArray body = "<ul><li><h3 id=\"h\"><a href=\"#h\">Card title</a></h3></li>\n"
                                "<li><dl><dt id=\"f\"><a href=\"#f\">f()</a></dt><dd><a href=\"#g\">g()</a>"
                                "</dd></dl></li></ul>\n"
                                "<p>body</p>\n";
        const QStringList expected = {
            QStringLiteral("H3 1-1 #h Card title"), QStringLiteral("H7 2-2 #f f()"),
            QStringLiteral("P 2-2 #f g()"),         QStringLiteral("/H7 2-2 #f "),
            QStringLiteral("P 3-3 #h body"),
        };
        QCOMPARE(loadBody(body), expected);
    }

    void pageOfOnlyNavigationHasNoBlocks() {
        const ParsedDocument doc =
            loadOk("<html><head><title>Nav</title></head><body>\n"
                   "<ul><li><a href=\"a.html\">A</a><ul><li><a href=\"b.html\">B</a></li></ul></li></ul>\n"
                   "<table><tr><th><a href=\"c.html\">C</a></th><td>, <a href=\"d.html\">D</a></td></tr>"
                   "</table>\n</body></html>");
        QVERIFY(doc.blocks.empty());
        QCOMPARE(doc.title, QStringLiteral("Nav"));
    }

    void deepLinkOnlyNestingIsLinear() {
        QByteArray links = "<body><p>before</p>\n";
        links += QByteArray("<ul><li><a href=\"#\">x</a>").repeated(3000);
        links += "</body>";
        QCOMPARE(BlockDump::describeAll(loadOk(links)), QStringList{QStringLiteral("P 1-1 # before")});

        QByteArray words = "<body>";
        words += QByteArray("<ul><li><a href=\"#\">x</a>").repeated(3000);
        words += " leaf</body>";
        // The walker's own cost, with the depth cap (which would flatten this) out of the way.
        IngestLimits deep;
        deep.maxHtmlDepth = 10000;
        auto loaded = HtmlLoader().load(QStringLiteral("/docs/page.html"), words, deep);
        QVERIFY(loaded.ok());
        const ParsedDocument& doc = *loaded;
        QCOMPARE(doc.blocks.size(), std::size_t(3000));
        QCOMPARE(BlockDump::describe(doc.blocks.front()), QStringLiteral("P 1-1 # - x"));
        QCOMPARE(BlockDump::describe(doc.blocks.back()), QStringLiteral("P 1-1 # - x leaf"));
    }

    void pathologicalNestingDoesNotOverflowTheStack() {
        constexpr int depth = 200000;
        QByteArray html = "<body><p>";
        html += QByteArray("<span>").repeated(depth);
        html += "deep\ntext";
        html += QByteArray("</span>").repeated(depth);
        html += "</p>\n<p>after</p></body>";
        const QStringList expected = {QStringLiteral("P 1-2 # deep text"), QStringLiteral("P 3-3 # after")};
        QCOMPARE(BlockDump::describeAll(loadOk(html)), expected);

        QByteArray lists = "<body>";
        lists += QByteArray("<ul><li>").repeated(3000);
        lists += "leaf</body>";
        QCOMPARE(BlockDump::describeAll(loadOk(lists)), QStringList{QStringLiteral("P 1-1 # - leaf")});
    }

    // HTML5 moves text that stands in a table but outside its cells ahead of the table ("foster
    // parenting"), so a block's words need not come in source order: its lines run from the first
    // line of any word to the last, never backwards (found by fuzz_html_loader).
    void textMovedAheadOfATableKeepsAForwardLineRange() {
        const QStringList expected = {QStringLiteral("P 1-2 # > | a")};
        QCOMPARE(BlockDump::describeAll(loadOk("<table><th><table><th>a<tr>\n>")), expected);
        QCOMPARE(BlockDump::describeAll(loadOk("<table><th><table><th>a<tr>\r>")), expected);
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestHtmlLoader)
#include "test_html_loader.moc"
