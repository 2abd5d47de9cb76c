#include "engine/index/symbol_index.h"

#include <QTest>

namespace docrag {
namespace {

SymbolHit symbol(const QString& name, const QString& kind, qint64 collectionId = 1) {
    SymbolHit hit;
    hit.symbol.name = name;
    hit.symbol.kind = kind;
    hit.collectionId = collectionId;
    return hit;
}

// A slice of the Python docs' names, with the near misses a lookup must rank below the right one.
SymbolIndex pythonNames() {
    return SymbolIndex({
        symbol(QStringLiteral("os.path.isjunction"), QStringLiteral("function")),
        symbol(QStringLiteral("posixpath.join"), QStringLiteral("function")),
        symbol(QStringLiteral("os.pathconf"), QStringLiteral("function")),
        symbol(QStringLiteral("os.path.join"), QStringLiteral("function")),
        symbol(QStringLiteral("str.join"), QStringLiteral("method")),
        symbol(QStringLiteral("str.splitlines"), QStringLiteral("method")),
        symbol(QStringLiteral("bytes.startswith"), QStringLiteral("method")),
        symbol(QStringLiteral("str.startswith"), QStringLiteral("method")),
        symbol(QStringLiteral("string"), QStringLiteral("module")),
        symbol(QStringLiteral("str"), QStringLiteral("class")),
        symbol(QStringLiteral("os.path"), QStringLiteral("module")),
        symbol(QStringLiteral("QString::append"), QStringLiteral("function"), 2),
        symbol(QStringLiteral("QStringList::join"), QStringLiteral("function"), 2),
    });
}

QStringList names(const std::vector<SymbolHit>& hits) {
    QStringList out;
    for (const SymbolHit& h : hits)
        out << h.symbol.name;
    return out;
}

} // namespace

class TestSymbolIndex final : public QObject {
    Q_OBJECT

private slots:
    void prefixOfTheWholeNameComesFirst() {
        const SymbolIndex index = pythonNames();
        QCOMPARE(index.lookup(u"os.path.jo", 5).front().symbol.name, QStringLiteral("os.path.join"));
        QCOMPARE(index.lookup(u"str.startsw", 5).front().symbol.name, QStringLiteral("str.startswith"));
        QCOMPARE(index.lookup(u"str.startsw", 5).front().tier, int(SymbolIndex::Prefix));
        // Case does not matter.
        QCOMPARE(index.lookup(u"OS.PATH.JO", 5).front().symbol.name, QStringLiteral("os.path.join"));
    }

    void exactBeforePrefixThenKindThenLength() {
        const SymbolIndex index = pythonNames();
        // "str" is a class; "string" (a module) and "str.join" only start with it.
        const QStringList found = names(index.lookup(u"str", 4));
        QCOMPARE(found.front(), QStringLiteral("str"));
        QCOMPARE(found[1], QStringLiteral("string")); // a module before the methods
        QCOMPARE(found[2], QStringLiteral("str.join"));
    }

    void partsOfANameMatch() {
        const SymbolIndex index = pythonNames();
        // A whole part ("join") before a part's start; among equals the method of the shorter name.
        const QStringList join = names(index.lookup(u"join", 10));
        QCOMPARE(join.mid(0, 4),
                 (QStringList{QStringLiteral("str.join"), QStringLiteral("os.path.join"),
                              QStringLiteral("posixpath.join"), QStringLiteral("QStringList::join")}));
        QCOMPARE(names(index.lookup(u"startsw", 2)),
                 (QStringList{QStringLiteral("str.startswith"), QStringLiteral("bytes.startswith")}));
        QCOMPARE(names(index.lookup(u"path.join", 2)),
                 (QStringList{QStringLiteral("os.path.join"), QStringLiteral("posixpath.join")}));
        QCOMPARE(index.lookup(u"append", 1).front().symbol.name, QStringLiteral("QString::append"));
    }

    void insideAndFuzzyFillWhatIsLeft() {
        const SymbolIndex index = pythonNames();
        const std::vector<SymbolHit> inside = index.lookup(u"athcon", 3);
        QCOMPARE(inside.size(), size_t(2)); // and os.path.isjunction by its letters
        QCOMPARE(inside.front().symbol.name, QStringLiteral("os.pathconf"));
        QCOMPARE(inside.front().tier, int(SymbolIndex::Inside));
        QCOMPARE(inside[1].tier, int(SymbolIndex::Fuzzy));
        // Letters in order: the tighter match first.
        const std::vector<SymbolHit> fuzzy = index.lookup(u"ospj", 3);
        QVERIFY(!fuzzy.empty());
        QCOMPARE(fuzzy.front().symbol.name, QStringLiteral("os.path.join"));
        QCOMPARE(fuzzy.front().tier, int(SymbolIndex::Fuzzy));
        QVERIFY(index.lookup(u"zzz", 3).empty());
    }

    void limitsAndCollections() {
        const SymbolIndex index = pythonNames();
        QVERIFY(index.lookup(u"", 5).empty());
        QVERIFY(index.lookup(u"   ", 5).empty());
        QVERIFY(index.lookup(u"str", 0).empty());
        QCOMPARE(index.lookup(u"s", 2).size(), size_t(2));
        QCOMPARE(names(index.lookup(u"join", 10, {2})), QStringList{QStringLiteral("QStringList::join")});
        QVERIFY(index.lookup(u"join", 10, {3}).empty());
        QVERIFY(SymbolIndex({}).lookup(u"x", 3).empty());
    }

    void aNameWithARepeatedPartKeepsItsBestMatch() {
        const SymbolIndex index({symbol(QStringLiteral("a.b.a"), QStringLiteral("function")),
                                 symbol(QStringLiteral("ab"), QStringLiteral("function"))});
        const std::vector<SymbolHit> hits = index.lookup(u"a", 5);
        QCOMPARE(hits.size(), size_t(2));
        QCOMPARE(hits.front().tier, int(SymbolIndex::Prefix));
        QCOMPARE(hits[1].tier, int(SymbolIndex::Prefix));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestSymbolIndex)
#include "test_symbol_index.moc"
