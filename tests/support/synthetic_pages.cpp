#include "tests/support/synthetic_pages.h"

#include "tests/support/temp_tree.h"

namespace docrag::test {

void SyntheticPages::write(const TempTree& tree, const QString& folder, const QString& topic, int pages) {
    for (int i = 0; i < pages; ++i) {
        QString text = QStringLiteral("# %1 page %2\n\n").arg(topic).arg(i);
        for (int s = 0; s < 5; ++s)
            text += QStringLiteral("## Part %1\n\nThe %2 service answers request %3 in step %4. Configure %2 "
                                   "option %5 before running the %2 tool; use the %2 setting %5 to tune it, "
                                   "or set %2 flag %5 to change the %2 module.\n\n")
                        .arg(s)
                        .arg(topic)
                        .arg(i * 11 + s)
                        .arg(s)
                        .arg(i % 13);
        tree.write(QStringLiteral("%1/p%2.md").arg(folder).arg(i, 4, 10, QLatin1Char('0')), text);
    }
}

} // namespace docrag::test
