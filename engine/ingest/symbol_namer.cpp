#include "engine/ingest/symbol_namer.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace docrag {
namespace {

bool startsName(QChar c) {
    return c.isLetter() || c == u'_' || c == u'~';
}

bool inName(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

// Words of a signature that are not the name it defines.
bool isSignatureKeyword(QStringView word) {
    static const QSet<QString> keywords = {
        QStringLiteral("class"),    QStringLiteral("exception"),    QStringLiteral("async"),
        QStringLiteral("await"),    QStringLiteral("static"),       QStringLiteral("classmethod"),
        QStringLiteral("abstract"), QStringLiteral("staticmethod"), QStringLiteral("abstractmethod"),
        QStringLiteral("property"), QStringLiteral("enum"),         QStringLiteral("struct"),
        QStringLiteral("union"),    QStringLiteral("typedef"),      QStringLiteral("const"),
        QStringLiteral("virtual"),  QStringLiteral("inline"),       QStringLiteral("flags"),
        QStringLiteral("new"),      QStringLiteral("type"),         QStringLiteral("final"),
    };
    return keywords.contains(word.toString());
}

QStringView trimPunctuation(QStringView word) {
    while (!word.isEmpty() && !startsName(word.front()))
        word = word.sliced(1);
    while (!word.isEmpty() && !inName(word.back()))
        word = word.chopped(1);
    return word;
}

} // namespace

bool SymbolNamer::isIdentifier(QStringView name) {
    if (name.isEmpty())
        return false;
    bool partStart = true;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (partStart) {
            if (!startsName(c))
                return false;
            partStart = false;
        } else if (c == u'.') {
            partStart = true;
        } else if (c == u':' && i + 1 < name.size() && name[i + 1] == u':') {
            partStart = true;
            ++i;
        } else if (!inName(c)) {
            return false;
        }
    }
    return !partStart;
}

QString SymbolNamer::nameInSignature(QStringView text, bool qualified) {
    if (const qsizetype paren = text.indexOf(u'('); paren > 0) {
        qsizetype end = paren;
        while (end > 0 && text[end - 1].isSpace())
            --end;
        qsizetype begin = end;
        while (begin > 0 && (inName(text[begin - 1]) || text[begin - 1] == u'.' || text[begin - 1] == u':' ||
                             text[begin - 1] == u'~'))
            --begin;
        const QStringView name = text.sliced(begin, end - begin);
        // "operator QString()" converts to QString, it does not define it.
        if (text.first(begin).trimmed().endsWith(QLatin1String("operator")))
            return {};
        return isIdentifier(name) ? name.toString() : QString();
    }
    for (const QStringView word : text.split(u' ', Qt::SkipEmptyParts)) {
        const QStringView candidate = trimPunctuation(word);
        if (candidate.isEmpty() || isSignatureKeyword(candidate) || !isIdentifier(candidate))
            continue;
        if (qualified && !candidate.contains(u'.') && !candidate.contains(QLatin1String("::")))
            continue;
        return candidate.toString();
    }
    return {};
}

std::optional<SymbolName> SymbolNamer::fromDefinition(QStringView id, QStringView text,
                                                      QStringView listClass) {
    static const QSet<QString> domains = {QStringLiteral("py"), QStringLiteral("c"),   QStringLiteral("cpp"),
                                          QStringLiteral("js"), QStringLiteral("std"), QStringLiteral("rst")};
    const auto words = listClass.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2 || !domains.contains(words[0].toString()))
        return std::nullopt;
    const QStringView domain = words[0];
    if (words[1] == u"term") // a glossary entry is a word, not an API
        return std::nullopt;
    SymbolName symbol{{}, words[1].toString()};
    if (domain == u"std") {
        // Options and environment variables: "-c <command>", "PYTHONPATH".
        const auto tokens = text.split(u' ', Qt::SkipEmptyParts);
        symbol.name = tokens.isEmpty() ? QString() : tokens.front().toString();
    } else if (domain != u"cpp" && isIdentifier(id)) {
        symbol.name = id.toString();
        if (domain == u"c" && symbol.name.startsWith(QLatin1String("c.")))
            symbol.name.remove(0, 2);
    } else {
        symbol.name = nameInSignature(text, false); // C++ ids are mangled
    }
    if (symbol.name.isEmpty())
        return std::nullopt;
    return symbol;
}

std::optional<SymbolName> SymbolNamer::fromHeading(QStringView id, QStringView text,
                                                   QStringView headingClass) {
    if (id.startsWith(QLatin1String("module-"))) {
        const QStringView module = id.sliced(7);
        if (isIdentifier(module))
            return SymbolName{module.toString(), QStringLiteral("module")};
        return std::nullopt;
    }
    // qdoc's page title: "QString Class", "Qt Namespace".
    if (headingClass == u"title") {
        for (const char* kind : {"Class", "Struct", "Namespace"}) {
            const QString suffix = QLatin1Char(' ') + QLatin1String(kind);
            const QStringView name = text.trimmed();
            if (name.endsWith(suffix) && isIdentifier(name.chopped(suffix.size())))
                return SymbolName{name.chopped(suffix.size()).toString(),
                                  QString::fromLatin1(kind).toLower()};
        }
        return std::nullopt;
    }
    if (headingClass != u"fn" && headingClass != u"flags")
        return std::nullopt;
    QString kind = QStringLiteral("function");
    if (headingClass == u"flags" || id.endsWith(QLatin1String("-enum")))
        kind = QStringLiteral("enum");
    else if (id.endsWith(QLatin1String("-typedef")))
        kind = QStringLiteral("typedef");
    else if (id.endsWith(QLatin1String("-prop")))
        kind = QStringLiteral("property");
    else if (id.endsWith(QLatin1String("-var")))
        kind = QStringLiteral("variable");
    else if (!text.contains(u'('))
        return std::nullopt;
    // A property's heading ("objectName : QString") does not say its class: only qualified names.
    QString name = nameInSignature(text, true);
    if (name.isEmpty())
        return std::nullopt;
    return SymbolName{std::move(name), std::move(kind)};
}

std::optional<SymbolName> SymbolNamer::fromCode(QStringView before, QStringView code) {
    QStringView label = before.trimmed();
    // Only a label of words ends before the code ("Class:", "Static method:"): other text makes it prose,
    // and "DEP0005:" is a number, not a kind.
    if (!label.isEmpty() && !label.endsWith(u':'))
        return std::nullopt;
    label = label.isEmpty() ? label : label.chopped(1).trimmed();
    if (std::any_of(label.begin(), label.end(), [](QChar c) { return !c.isLetter() && c != u' '; }))
        return std::nullopt;
    code = code.trimmed();
    if (code.startsWith(QLatin1String("new ")))
        code = code.sliced(4);
    if (code.size() > 1 && (code.front() == u'\'' || code.front() == u'"') && code.back() == code.front())
        code = code.sliced(1, code.size() - 2); // an event: `'close'`
    QString name = code.contains(u'(') ? nameInSignature(code, false) : code.toString();
    if (name.isEmpty() || name.contains(u' '))
        return std::nullopt;
    QString kind = label.isEmpty()
                       ? (code.contains(u'(') ? QStringLiteral("function") : QStringLiteral("property"))
                       : label.toString().toLower();
    return SymbolName{std::move(name), std::move(kind)};
}

std::vector<Symbol> SymbolNamer::symbolsOf(const std::vector<Block>& blocks) {
    std::vector<Symbol> symbols;
    QSet<QString> seen;
    for (const Block& block : blocks) {
        if (block.kind != BlockKind::Heading || block.symbol.isEmpty())
            continue;
        const QString key = block.symbolKind + QLatin1Char('\n') + block.symbol;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        symbols.push_back(Symbol{block.symbol, block.symbolKind, block.anchor, block.lineStart});
    }
    return symbols;
}

} // namespace docrag
