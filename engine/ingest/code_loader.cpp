#include "engine/ingest/code_loader.h"

#include "engine/ingest/text_decoder.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace docrag {
namespace {

constexpr qsizetype kMaxLineLength = 5000;
constexpr qsizetype kMaxAverageLineLength = 300;

struct SourceLine final {
    QStringView text; // without its line terminator
    bool blank = false;
};

std::vector<SourceLine> splitLines(const QString& text) {
    std::vector<SourceLine> lines;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = pos;
        while (end < text.size() && text[end] != QLatin1Char('\n') && text[end] != QLatin1Char('\r'))
            ++end;
        const QStringView line = QStringView(text).sliced(pos, end - pos);
        const bool blank = std::all_of(line.begin(), line.end(), [](QChar c) { return c.isSpace(); });
        lines.push_back(SourceLine{line, blank});
        const bool crlf =
            end + 1 < text.size() && text[end] == QLatin1Char('\r') && text[end + 1] == QLatin1Char('\n');
        pos = end + (crlf ? 2 : 1);
    }
    return lines;
}

// Bundles, minified scripts and generated data drown search in noise and cost embeddings.
QString generatedReason(const std::vector<SourceLine>& lines) {
    qsizetype total = 0;
    qsizetype longest = 0;
    for (const SourceLine& line : lines) {
        total += line.text.size();
        longest = std::max(longest, line.text.size());
    }
    if (longest > kMaxLineLength)
        return QStringLiteral("a line of %1 characters").arg(longest);
    const qsizetype average = lines.empty() ? 0 : total / static_cast<qsizetype>(lines.size());
    if (average > kMaxAverageLineLength)
        return QStringLiteral("average line length %1 characters").arg(average);
    return {};
}

Block codeBlock(const std::vector<SourceLine>& lines, size_t first, size_t last, const QString& language) {
    qsizetype size = 0;
    for (size_t i = first; i <= last; ++i)
        size += lines[i].text.size() + 1;
    Block block;
    block.kind = BlockKind::Code;
    block.language = language;
    block.text.reserve(size);
    for (size_t i = first; i <= last; ++i) {
        if (i > first)
            block.text += QLatin1Char('\n');
        block.text += lines[i].text;
    }
    block.lineStart = static_cast<int>(first) + 1;
    block.lineEnd = static_cast<int>(last) + 1;
    return block;
}

} // namespace

QString CodeLoader::languageForSuffix(const QString& lowerSuffix) {
    static const QHash<QString, QString> languages = [] {
        // clang-format off
        const std::pair<const char*, const char*> table[] = {
            {"c", "c"}, {"h", "c"}, {"cpp", "cpp"}, {"cc", "cpp"}, {"cxx", "cpp"}, {"c++", "cpp"},
            {"hpp", "cpp"}, {"hh", "cpp"}, {"hxx", "cpp"}, {"h++", "cpp"}, {"ipp", "cpp"}, {"inl", "cpp"},
            {"tpp", "cpp"}, {"cu", "cuda"}, {"py", "python"}, {"pyi", "python"}, {"pyw", "python"},
            {"pyx", "cython"}, {"js", "javascript"}, {"mjs", "javascript"}, {"cjs", "javascript"},
            {"jsx", "javascript"}, {"ts", "typescript"}, {"mts", "typescript"}, {"cts", "typescript"},
            {"tsx", "typescript"}, {"java", "java"}, {"kt", "kotlin"}, {"kts", "kotlin"}, {"go", "go"},
            {"rs", "rust"}, {"rb", "ruby"}, {"rake", "ruby"}, {"gemspec", "ruby"}, {"php", "php"},
            {"cs", "csharp"}, {"fs", "fsharp"}, {"fsx", "fsharp"}, {"vb", "vbnet"}, {"swift", "swift"},
            {"scala", "scala"}, {"sc", "scala"}, {"sh", "bash"}, {"bash", "bash"}, {"zsh", "zsh"},
            {"fish", "fish"}, {"ps1", "powershell"}, {"psm1", "powershell"}, {"bat", "batch"},
            {"cmd", "batch"}, {"sql", "sql"}, {"lua", "lua"}, {"pl", "perl"}, {"pm", "perl"}, {"r", "r"},
            {"jl", "julia"}, {"hs", "haskell"}, {"lhs", "haskell"}, {"ml", "ocaml"}, {"mli", "ocaml"},
            {"ex", "elixir"}, {"exs", "elixir"}, {"erl", "erlang"}, {"hrl", "erlang"}, {"clj", "clojure"},
            {"cljs", "clojure"}, {"cljc", "clojure"}, {"edn", "clojure"}, {"elm", "elm"}, {"dart", "dart"},
            {"zig", "zig"}, {"nim", "nim"}, {"m", "objectivec"}, {"mm", "objectivec"}, {"f90", "fortran"},
            {"f95", "fortran"}, {"cmake", "cmake"}, {"mk", "makefile"}, {"yaml", "yaml"}, {"yml", "yaml"},
            {"toml", "toml"}, {"json", "json"}, {"jsonc", "json"}, {"json5", "json"}, {"ini", "ini"},
            {"cfg", "ini"}, {"conf", "ini"}, {"properties", "properties"}, {"css", "css"}, {"scss", "scss"},
            {"sass", "sass"}, {"less", "less"}, {"vue", "vue"}, {"svelte", "svelte"}, {"proto", "protobuf"},
            {"graphql", "graphql"}, {"gql", "graphql"}, {"gradle", "gradle"}, {"groovy", "groovy"},
            {"tf", "hcl"}, {"tfvars", "hcl"}, {"hcl", "hcl"}, {"nix", "nix"}, {"sol", "solidity"},
            {"sv", "verilog"}, {"vhd", "vhdl"}, {"asm", "asm"}, {"s", "asm"}, {"glsl", "glsl"},
            {"hlsl", "hlsl"}, {"wgsl", "wgsl"}, {"qml", "qml"}, {"bzl", "starlark"}, {"star", "starlark"},
            {"dockerfile", "dockerfile"},
        };
        // clang-format on
        QHash<QString, QString> map;
        for (const auto& [suffix, language] : table)
            map.insert(QString::fromLatin1(suffix), QString::fromLatin1(language));
        return map;
    }();
    return languages.value(lowerSuffix);
}

Result<ParsedDocument> CodeLoader::parse(const QString& path, const QByteArray& bytes,
                                         BlockBudget& budget) const {
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();

    const std::vector<SourceLine> lines = splitLines(decoded->text);
    if (const QString reason = generatedReason(lines); !reason.isEmpty())
        return Error{ErrorCode::Unsupported, QStringLiteral("looks minified or generated (%1)").arg(reason)};

    const QFileInfo info(path);
    ParsedDocument doc;
    doc.format = QStringLiteral("code");
    doc.title = info.fileName();
    doc.language = languageForSuffix(info.suffix().toLower());
    if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
        doc.notes.append(note);

    size_t first = 0;
    bool open = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) {
            if (open && !budget.append(doc.blocks, codeBlock(lines, first, i - 1, doc.language)))
                return doc;
            open = false;
        } else if (!open) {
            first = i;
            open = true;
        }
    }
    if (open)
        budget.append(doc.blocks, codeBlock(lines, first, lines.size() - 1, doc.language));
    return doc;
}

} // namespace docrag
