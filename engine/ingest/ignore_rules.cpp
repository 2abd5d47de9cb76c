#include "engine/ingest/ignore_rules.h"

#include <QStringView>

#include <optional>

namespace docrag {
namespace {

// A compiled glob follows git's wildmatch() with WM_PATHNAME: '*', '?' and classes never match '/', and "**"
// crosses directories only when it fills a whole path segment. Matching the base name of a path (patterns
// without a slash) gives the same answers, since a name holds no '/'.
enum class TokenType : quint8 { Literal, AnyChar, Class, Star, GlobStar };

struct Token final {
    TokenType type = TokenType::Literal;
    char16_t ch = 0;     // Literal
    int classIndex = -1; // Class
};

bool isSlash(const Token& token) {
    return token.type == TokenType::Literal && token.ch == u'/';
}

// Git's bracket expressions know the POSIX classes, in their ASCII meaning.
enum PosixClass : quint16 {
    Alnum = 1 << 0,
    Alpha = 1 << 1,
    Blank = 1 << 2,
    Cntrl = 1 << 3,
    Digit = 1 << 4,
    Graph = 1 << 5,
    Lower = 1 << 6,
    Print = 1 << 7,
    Punct = 1 << 8,
    Space = 1 << 9,
    Upper = 1 << 10,
    XDigit = 1 << 11,
};

quint16 posixClassBit(QStringView name) {
    struct Named final {
        const char16_t* name;
        PosixClass bit;
    };
    static const Named classes[] = {
        {u"alnum", Alnum}, {u"alpha", Alpha}, {u"blank", Blank}, {u"cntrl", Cntrl},
        {u"digit", Digit}, {u"graph", Graph}, {u"lower", Lower}, {u"print", Print},
        {u"punct", Punct}, {u"space", Space}, {u"upper", Upper}, {u"xdigit", XDigit},
    };
    for (const Named& named : classes) {
        if (name == QStringView(named.name))
            return named.bit;
    }
    return 0;
}

quint16 posixClassesOf(char16_t c) {
    if (c >= 128)
        return 0;
    const bool digit = c >= u'0' && c <= u'9';
    const bool upper = c >= u'A' && c <= u'Z';
    const bool lower = c >= u'a' && c <= u'z';
    const bool alnum = digit || upper || lower;
    const bool graph = c > 32 && c < 127;
    quint16 bits = 0;
    bits |= digit ? Digit : 0;
    bits |= upper ? Upper : 0;
    bits |= lower ? Lower : 0;
    bits |= (upper || lower) ? Alpha : 0;
    bits |= alnum ? Alnum : 0;
    bits |= graph ? Graph : 0;
    bits |= (graph && !alnum) ? Punct : 0;
    bits |= (c >= 32 && c < 127) ? Print : 0;
    bits |= (c < 32 || c == 127) ? Cntrl : 0;
    bits |= (c == u' ' || c == u'\t') ? Blank : 0;
    bits |= (c == u' ' || (c >= u'\t' && c <= u'\r')) ? Space : 0;
    bits |= (digit || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')) ? XDigit : 0;
    return bits;
}

struct CharRange final {
    char16_t low = 0;
    char16_t high = 0;
};

struct CharClass final {
    std::vector<CharRange> ranges;
    quint16 posixClasses = 0;
    bool negated = false;

    bool contains(char16_t c) const {
        bool member = (posixClasses & posixClassesOf(c)) != 0;
        for (qsizetype i = 0; !member && i < qsizetype(ranges.size()); ++i)
            member = c >= ranges[i].low && c <= ranges[i].high;
        return member != negated;
    }
};

// AbortAll and AbortToStarStar are git's pruning: once the text ran out, or a single '*' met a '/', moving
// an enclosing star further along cannot help, which keeps matching linear on ordinary patterns.
enum class Wild : quint8 { Match, NoMatch, AbortAll, AbortToStarStar };

enum class GlobKind : quint8 { Exact, Suffix, Generic };

struct Glob final {
    std::vector<Token> tokens;
    std::vector<CharClass> classes;
    GlobKind kind = GlobKind::Generic;
    QString literal; // Exact: the whole text; Suffix: what follows the leading '*'

    bool matches(QStringView text) const {
        switch (kind) {
        case GlobKind::Exact:
            return text == literal;
        case GlobKind::Suffix:
            return text.endsWith(literal) && !text.first(text.size() - literal.size()).contains(u'/');
        case GlobKind::Generic:
            break;
        }
        return match(0, text, 0) == Wild::Match;
    }

    Wild match(size_t ti, QStringView text, qsizetype t) const {
        for (; ti < tokens.size(); ++ti) {
            const Token& token = tokens[ti];
            if (token.type == TokenType::Star || token.type == TokenType::GlobStar)
                return matchStar(ti, text, t);
            if (t == text.size())
                return Wild::AbortAll;
            const char16_t c = text[t].unicode();
            switch (token.type) {
            case TokenType::Literal:
                if (c != token.ch)
                    return Wild::NoMatch;
                ++t;
                break;
            case TokenType::AnyChar:
                if (c == u'/')
                    return Wild::NoMatch;
                t += (QChar::isHighSurrogate(c) && t + 1 < text.size() && text[t + 1].isLowSurrogate()) ? 2
                                                                                                        : 1;
                break;
            case TokenType::Class:
                if (c == u'/' || !classes[size_t(token.classIndex)].contains(c))
                    return Wild::NoMatch;
                ++t;
                break;
            default:
                break;
            }
        }
        return t == text.size() ? Wild::Match : Wild::NoMatch;
    }

    Wild matchStar(size_t ti, QStringView text, qsizetype t) const {
        const bool crossesSlashes = tokens[ti].type == TokenType::GlobStar;
        const size_t next = ti + 1;
        // "a/**/b" also matches "a/b": "**/" may stand for no directory at all.
        if (crossesSlashes && next < tokens.size() && isSlash(tokens[next]) &&
            match(next + 1, text, t) == Wild::Match)
            return Wild::Match;
        if (next == tokens.size())
            return (crossesSlashes || !text.sliced(t).contains(u'/')) ? Wild::Match : Wild::NoMatch;
        if (!crossesSlashes && isSlash(tokens[next])) {
            const qsizetype slash = text.indexOf(u'/', t);
            return slash < 0 ? Wild::NoMatch : match(next, text, slash);
        }
        for (; t < text.size(); ++t) {
            const Wild result = match(next, text, t);
            if (result != Wild::NoMatch) {
                if (!crossesSlashes || result != Wild::AbortToStarStar)
                    return result;
            } else if (!crossesSlashes && text[t] == u'/') {
                return Wild::AbortToStarStar;
            }
        }
        return Wild::AbortAll;
    }
};

qsizetype compileStars(QStringView pattern, qsizetype i, std::vector<Token>& tokens) {
    qsizetype end = i;
    while (end < pattern.size() && pattern[end] == u'*')
        ++end;
    const bool startsSegment = tokens.empty() || isSlash(tokens.back());
    const bool endsSegment = end == pattern.size() || pattern[end] == u'/' ||
                             (pattern[end] == u'\\' && end + 1 < pattern.size() && pattern[end + 1] == u'/');
    // Any other run of asterisks is an ordinary '*'.
    const bool globStar = end - i >= 2 && startsSegment && endsSegment;
    tokens.push_back({globStar ? TokenType::GlobStar : TokenType::Star, 0, -1});
    return end;
}

// Reads a bracket expression starting after its '['; returns the index after its ']', or nothing when it is
// malformed. Mirrors git: a ']' right after "[" or "[!" is a member, "-" between two members is a range,
// "\x" is x, "[:name:]" a POSIX class, and "[:" without a closing ":]" is a plain '['.
std::optional<qsizetype> compileClass(QStringView pattern, qsizetype i, Glob& glob) {
    const qsizetype n = pattern.size();
    CharClass cls;
    if (i < n && (pattern[i] == u'!' || pattern[i] == u'^')) {
        cls.negated = true;
        ++i;
    }
    char16_t previous = 0;
    for (bool first = true;; first = false, ++i) {
        if (i >= n)
            return std::nullopt;
        char16_t c = pattern[i].unicode();
        if (c == u']' && !first)
            break;
        if (c == u'\\') {
            if (++i >= n)
                return std::nullopt;
            c = pattern[i].unicode();
            cls.ranges.push_back({c, c});
        } else if (c == u'-' && previous != 0 && i + 1 < n && pattern[i + 1] != u']') {
            char16_t high = pattern[++i].unicode();
            if (high == u'\\') {
                if (++i >= n)
                    return std::nullopt;
                high = pattern[i].unicode();
            }
            cls.ranges.push_back({previous, high});
            c = 0;
        } else if (c == u'[' && i + 1 < n && pattern[i + 1] == u':') {
            const qsizetype nameStart = i + 2;
            const qsizetype close = pattern.indexOf(u']', nameStart);
            if (close < 0)
                return std::nullopt;
            if (close == nameStart || pattern[close - 1] != u':') {
                cls.ranges.push_back({c, c});
            } else {
                const quint16 bit = posixClassBit(pattern.sliced(nameStart, close - nameStart - 1));
                if (bit == 0)
                    return std::nullopt;
                cls.posixClasses |= bit;
                i = close;
                c = 0;
            }
        } else {
            cls.ranges.push_back({c, c});
        }
        previous = c;
    }
    glob.classes.push_back(std::move(cls));
    glob.tokens.push_back({TokenType::Class, 0, int(glob.classes.size()) - 1});
    return i + 1;
}

// Most ignore patterns are a plain name ("node_modules") or "*.ext": those skip the general matcher.
void chooseFastPath(Glob& glob) {
    const auto& tokens = glob.tokens;
    const size_t firstLiteral = (!tokens.empty() && tokens.front().type == TokenType::Star) ? 1 : 0;
    QString literal;
    for (size_t i = firstLiteral; i < tokens.size(); ++i) {
        if (tokens[i].type != TokenType::Literal || (firstLiteral == 1 && tokens[i].ch == u'/'))
            return;
        literal.append(QChar(tokens[i].ch));
    }
    glob.kind = firstLiteral == 1 ? GlobKind::Suffix : GlobKind::Exact;
    glob.literal = literal;
}

std::optional<Glob> compileGlob(QStringView pattern) {
    Glob glob;
    qsizetype i = 0;
    while (i < pattern.size()) {
        const QChar c = pattern[i];
        if (c == u'\\') {
            if (i + 1 == pattern.size())
                return std::nullopt;
            glob.tokens.push_back({TokenType::Literal, pattern[i + 1].unicode(), -1});
            i += 2;
        } else if (c == u'?') {
            glob.tokens.push_back({TokenType::AnyChar, 0, -1});
            ++i;
        } else if (c == u'*') {
            i = compileStars(pattern, i, glob.tokens);
        } else if (c == u'[') {
            const std::optional<qsizetype> end = compileClass(pattern, i + 1, glob);
            if (!end)
                return std::nullopt;
            i = *end;
        } else {
            glob.tokens.push_back({TokenType::Literal, c.unicode(), -1});
            ++i;
        }
    }
    chooseFastPath(glob);
    return glob;
}

// Git drops trailing spaces unless the last one is escaped with a backslash.
QStringView trimTrailingSpaces(QStringView line) {
    qsizetype firstTrailingSpace = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u' ') {
            if (firstTrailingSpace < 0)
                firstTrailingSpace = i;
            continue;
        }
        if (line[i] == u'\\' && ++i == line.size())
            return line;
        firstTrailingSpace = -1;
    }
    return firstTrailingSpace < 0 ? line : line.first(firstTrailingSpace);
}

} // namespace

struct IgnoreRules::Pattern final {
    QString basePrefix; // "" or "dir/": a pattern only sees the subtree of the directory of its ignore file
    Glob glob;
    bool negated = false;
    bool directoryOnly = false;
    bool anchored = false; // matched against the path below basePrefix rather than against the name

    static std::shared_ptr<const Pattern> parse(const QString& basePrefix, QStringView line) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            return nullptr;
        line = trimTrailingSpaces(line);
        auto pattern = std::make_shared<Pattern>();
        pattern->basePrefix = basePrefix;
        if (line.startsWith(u'!')) {
            pattern->negated = true;
            line = line.sliced(1);
        }
        if (line.endsWith(u'/')) {
            pattern->directoryOnly = true;
            line.chop(1);
        }
        pattern->anchored = line.contains(u'/');
        if (line.startsWith(u'/'))
            line = line.sliced(1);
        if (line.isEmpty())
            return nullptr;
        std::optional<Glob> glob = compileGlob(line);
        if (!glob)
            return nullptr;
        pattern->glob = std::move(*glob);
        return pattern;
    }

    bool matches(QStringView relPath, QStringView name, bool isDir) const {
        if ((directoryOnly && !isDir) || !relPath.startsWith(basePrefix))
            return false;
        return glob.matches(anchored ? relPath.sliced(basePrefix.size()) : name);
    }
};

void IgnoreRules::addPatterns(const QString& baseDir, const QStringList& lines) {
    const QString basePrefix = baseDir.isEmpty() ? QString() : baseDir + u'/';
    for (const QString& line : lines) {
        if (auto pattern = Pattern::parse(basePrefix, line))
            m_patterns.push_back(std::move(pattern));
    }
}

bool IgnoreRules::isIgnored(const QString& relPath, bool isDir) const {
    if (relPath.isEmpty())
        return false;
    const QStringView path(relPath);
    const QStringView name = path.sliced(path.lastIndexOf(u'/') + 1);
    for (auto it = m_patterns.rbegin(); it != m_patterns.rend(); ++it) {
        if ((*it)->matches(path, name, isDir))
            return !(*it)->negated;
    }
    return false;
}

QStringList IgnoreRules::defaultExcludes() {
    return {
        QStringLiteral(".*"),
        QStringLiteral("node_modules/"),
        QStringLiteral("__pycache__/"),
        QStringLiteral("bower_components/"),
        QStringLiteral("build/"),
        QStringLiteral("dist/"),
        QStringLiteral("target/"),
        QStringLiteral("_build/"),
        QStringLiteral("site-packages/"),
        QStringLiteral("venv/"),
        QStringLiteral("*.min.js"),
        QStringLiteral("*.min.css"),
        QStringLiteral("*.map"),
        QStringLiteral("*.lock"),
        QStringLiteral("package-lock.json"),
        // Sphinx HTML output: a copy of the sources next to the pages, themes and images.
        QStringLiteral("_static/"),
        QStringLiteral("_sources/"),
        QStringLiteral("_images/"),
        // Qt's qdoc output: the help project and the index other modules link through, XML data that the
        // pages beside them say in prose (on Qt 5's reference, 38,000 of 76,000 passages were such XML).
        QStringLiteral("*.qhp"),
        QStringLiteral("*.qhp.sha1"),
        QStringLiteral("*.index"),
        QStringLiteral("examples-manifest.xml"),
    };
}

} // namespace docrag
