#include "ui/ingest/ingest_limits_box.h"

#include "ui/widgets/byte_size.h"

#include <QFormLayout>
#include <QSpinBox>

namespace docrag {

IngestLimitsBox::IngestLimitsBox(QWidget* parent)
    : QGroupBox(tr("Limits for each file"), parent) {
    setObjectName(QStringLiteral("limitsGroupBox"));
    setToolTip(tr("A file that reaches a limit is indexed up to it, and its status says where it stopped."));
    const IngestLimits defaults;
    constexpr int kMb = 1024 * 1024;
    m_passages = addSpinBox("maxPassagesSpinBox", 1, 10000000, defaults.maxPassagesPerFile, QString());
    m_fileMb = addSpinBox("maxFileSizeSpinBox", 1, 1 << 20, static_cast<int>(defaults.maxFileBytes / kMb),
                          ByteSize::mebibyteSuffix());
    m_blockChars = addSpinBox("maxBlockCharsSpinBox", 16, 1 << 30, defaults.maxBlockChars, QString());
    m_htmlDepth = addSpinBox("maxHtmlDepthSpinBox", 1, 100000, defaults.maxHtmlDepth, QString());
    m_memoryMb = addSpinBox("memoryBudgetSpinBox", 16, 1 << 20,
                            static_cast<int>(defaults.memoryBudgetBytes / kMb), ByteSize::mebibyteSuffix());
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Passages per file:"), m_passages);
    form->addRow(tr("&Largest file:"), m_fileMb);
    form->addRow(tr("Longest bl&ock (characters):"), m_blockChars);
    form->addRow(tr("HTML &nesting:"), m_htmlDepth);
    form->addRow(tr("&Memory for files read together:"), m_memoryMb);
}

QSpinBox* IngestLimitsBox::addSpinBox(const char* name, int minimum, int maximum, int value,
                                      const QString& suffix) {
    auto* box = new QSpinBox(this);
    box->setObjectName(QLatin1String(name));
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

IngestLimits IngestLimitsBox::limits() const {
    constexpr qint64 kMb = 1024 * 1024;
    IngestLimits l;
    l.maxPassagesPerFile = m_passages->value();
    l.maxFileBytes = m_fileMb->value() * kMb;
    l.maxBlockChars = m_blockChars->value();
    l.maxHtmlDepth = m_htmlDepth->value();
    l.memoryBudgetBytes = m_memoryMb->value() * kMb;
    return l;
}

} // namespace docrag
