#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

// One question of a documentation set and the pages that answer it.
struct PageQuestion final {
    QString text;
    QStringList pages;   // paths relative to the doc set's root, without their anchors
    QStringList anchors; // the anchor given with each page ("" when none), in the order of `pages`
    QString half;        // "tune" or "test": tune on one half, report on the other
};

// A question set for a collection: a TSV of `question`, `pages` ("a.html#x; b.html") and `half`, with a
// header line; '#' starts a comment line. A hit answers when its path ends with one of the pages.
class PageQuestionSet final {
public:
    static Result<PageQuestionSet> load(const QString& path);
    static Result<PageQuestionSet> parse(const QString& text);

    // The questions of one half ("tune", "test"), or all of them for "" or "all".
    std::vector<PageQuestion> questions(const QString& half = {}) const;

    // Whether a result's path is one of the question's answering pages: it ends with one at a folder
    // boundary, whatever folder the collection was ingested from.
    static bool answers(const QString& path, const PageQuestion& question);

private:
    std::vector<PageQuestion> m_questions;
};

} // namespace docrag
