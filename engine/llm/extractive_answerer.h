#pragma once

#include "engine/core/answer.h"
#include "engine/core/hit.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace docrag {

// The offline answerer: no model, no network. Quotes the sentences and code blocks of the retrieved
// passages that best cover the question's words, each followed by its citation [n], and says that it
// is extractive. When nothing retrieved shares a content word with the question, it says that the
// documentation does not seem to answer it rather than quote something unrelated.
class ExtractiveAnswerer final {
    // The answer's own sentences are read by a person: translated when the application has a translator.
    Q_DECLARE_TR_FUNCTIONS(ExtractiveAnswerer)

public:
    struct Options final {
        int maxUnits = 4;   // sentences or code blocks quoted
        int maxWords = 160; // of prose in the answer
        int maxCodeLines = 30;
        int maxPerSource = 2;
    };

    ExtractiveAnswerer();
    explicit ExtractiveAnswerer(Options options);

    static QString modelName() { return QStringLiteral("extractive"); }

    // `hits` best first. Fills text, sources, model and extractive of the answer.
    Answer answer(const QString& question, const std::vector<Hit>& hits) const;

private:
    Options m_options;
};

} // namespace docrag
