#include "views/yamlpane.h"

#include "document/document.h"
#include "document/documentdelta.h"
#include "views/diagnostictext.h"
#include "views/yamlhighlighter.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cstring>

namespace meshroute::studio {

namespace {

// How many characters `a` and `b` have in common from their start (`forward`) or from their end:
// compared a block at a time, then a character at a time.
qsizetype commonRun(QStringView a, QStringView b, bool forward)
{
    const qsizetype n = std::min(a.size(), b.size());
    const QChar *x = a.data();
    const QChar *y = b.data();
    const auto at = [&](const QChar *base, qsizetype size, qsizetype i) {
        return forward ? base + i : base + size - 1 - i;
    };
    constexpr qsizetype block = 256;
    qsizetype run = 0;
    while (n - run >= block) {
        const QChar *p = forward ? at(x, a.size(), run) : at(x, a.size(), run + block - 1);
        const QChar *q = forward ? at(y, b.size(), run) : at(y, b.size(), run + block - 1);
        if (std::memcmp(p, q, block * sizeof(QChar)) != 0)
            break;
        run += block;
    }
    while (run < n && *at(x, a.size(), run) == *at(y, b.size(), run))
        ++run;
    return run;
}

// Show `text` in `editor`, which shows `old`, replacing only the span that differs: an edit of one
// resource in a large file re-lays out and re-highlights a few lines, not the whole file.
void replaceText(QPlainTextEdit *editor, const QString &old, const QString &text)
{
    if (old == text)
        return;
    qsizetype prefix = commonRun(old, text, true);
    while (prefix > 0 && old[prefix - 1].isHighSurrogate())
        --prefix; // never split a character
    qsizetype suffix = commonRun(QStringView(old).mid(prefix), QStringView(text).mid(prefix), false);
    while (suffix > 0 && old[old.size() - suffix].isLowSurrogate())
        --suffix;
    if (prefix + suffix < old.size() / 2) {
        editor->setPlainText(text); // mostly new: one reset is cheaper
        return;
    }
    QTextDocument *document = editor->document();
    document->setUndoRedoEnabled(false); // as setPlainText: the pane's text starts without history
    QTextCursor cursor(document);
    cursor.setPosition(static_cast<int>(prefix));
    cursor.setPosition(static_cast<int>(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    document->setUndoRedoEnabled(true);
}

} // namespace

YamlPane::YamlPane(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(new YamlHighlighter(m_editor->document()))
    , m_title(new QLabel(this))
    , m_files(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_apply(new QPushButton(this))
    , m_revert(new QPushButton(this))
{
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(false);
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("yamlMessage"));
    m_message->hide();
    m_files->setObjectName(QStringLiteral("yamlFileSelector"));
    // Neither the title nor long file names may set the dock's width: the title wraps, the
    // selector elides (the full path is in its list and tooltip).
    m_title->setWordWrap(true);
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_files->setMinimumContentsLength(14);
    m_files->hide();
    retranslate();
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);

    // The title on a row of its own: it wraps at the dock's width (Chinese wraps between any two
    // characters, so it must not share the row with the buttons).
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(6, 4, 6, 0);
    titleRow->addWidget(m_title, 1);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 0, 6, 0);
    top->addWidget(m_files);
    top->addStretch(1);
    top->addWidget(m_revert);
    top->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);

    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_editor);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &YamlPane::apply);
    connect(m_apply, &QPushButton::clicked, this, &YamlPane::apply);
    connect(m_revert, &QPushButton::clicked, this, &YamlPane::revert);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &YamlPane::onTextChanged);
    connect(m_files, &QComboBox::activated, this, [this](int index) { showFile(index - 1); });
    connect(m_document, &Document::documentChanged, this, [this] {
        // Never throw away what the person is typing; leave alone what the change did not touch.
        if (!m_dirty && isShowing(m_document->lastDelta()))
            reload();
    });
    connect(m_document, &Document::documentReset, this, [this] {
        m_dirty = false;
        m_resource = -1;
        m_file = -1;
        reload();
    });
    reload();
}

void YamlPane::setDarkTheme(bool dark)
{
    m_highlighter->setDarkTheme(dark);
}

QString YamlPane::text() const
{
    return m_editor->toPlainText();
}

QString YamlPane::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void YamlPane::showResource(int index)
{
    if (m_dirty && index != m_resource && !apply())
        return; // keep the faulty text in front of the person
    m_resource = index;
    reload();
}

void YamlPane::showDocument()
{
    if (m_dirty && m_resource >= 0 && !apply())
        return;
    m_resource = -1; // the file chosen in the selector, if any, stays chosen
    reload();
}

void YamlPane::showFile(int file)
{
    if (m_dirty && !apply()) {
        updateFileSelector(); // keep the faulty text, and the selector on its file
        return;
    }
    m_resource = -1;
    m_file = file;
    reload();
}

int YamlPane::file() const
{
    if (m_resource >= 0)
        return -1;
    const int files = static_cast<int>(m_document->set().files.size());
    if (files == 1)
        return 0;
    return m_file >= 0 && m_file < files ? m_file : -1;
}

void YamlPane::retranslate()
{
    m_apply->setText(tr("Apply"));
    m_revert->setText(tr("Revert"));
    m_apply->setToolTip(tr("Replace the resource with this text (Ctrl+Return)"));
    m_files->setToolTip(tr("The source file to show and edit whole"));
    updateFileSelector();
}

void YamlPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateTitle(); // never reload: the text may be an edit in progress
        if (!m_message->isHidden())
            showEditMessage();
    }
    QWidget::changeEvent(event);
}

void YamlPane::updateTitle()
{
    const ResourceSet &set = m_document->set();
    const int shownFile = file();
    if (m_resource >= 0 && m_resource < static_cast<int>(set.resources.size())) {
        const Resource &resource = set.resources[static_cast<std::size_t>(m_resource)];
        m_title->setText(
            tr("<b>%1</b> — editable")
                .arg(QString::fromStdString(resource.displayName(set.defaultNamespace)).toHtmlEscaped()));
    } else if (shownFile >= 0) {
        const QString name =
            QFileInfo(QString::fromStdString(set.files[static_cast<std::size_t>(shownFile)].path)).fileName();
        m_title->setText(tr("<b>%1</b> — the whole file, editable").arg(name.toHtmlEscaped()));
    } else {
        m_title->setText(tr("<b>Whole document</b> — choose a file or select a resource to edit"));
    }
}

void YamlPane::updateFileSelector()
{
    const ResourceSet &set = m_document->set();
    QStringList items{tr("All files (read only)")};
    for (const SourceFile &source : set.files)
        items << QFileInfo(QString::fromStdString(source.path)).fileName();
    QSignalBlocker blocker(m_files);
    QStringList current;
    for (int i = 0; i < m_files->count(); ++i)
        current << m_files->itemText(i);
    if (current != items) {
        m_files->clear();
        m_files->addItems(items);
        for (int i = 1; i < m_files->count(); ++i)
            m_files->setItemData(i, QString::fromStdString(set.files[static_cast<std::size_t>(i - 1)].path),
                                 Qt::ToolTipRole);
    }
    m_files->setCurrentIndex(file() + 1);
    m_files->setVisible(m_resource < 0 && set.files.size() > 1);
}

bool YamlPane::isShowing(const DocumentDelta &delta) const
{
    if (delta.isStructural())
        return true;
    if (m_resource >= 0)
        return std::find(delta.modified.begin(), delta.modified.end(), m_resource) != delta.modified.end();
    const int shownFile = file();
    return shownFile >= 0 ? delta.touchesFile(shownFile) : !delta.isEmpty();
}

void YamlPane::reload()
{
    m_loading = true;
    const ResourceSet &set = m_document->set();
    if (m_resource >= static_cast<int>(set.resources.size()))
        m_resource = -1;
    QString text;
    const int shownFile = file();
    if (m_resource >= 0) {
        text = m_document->yamlOf(static_cast<std::size_t>(m_resource));
        m_editor->setReadOnly(false);
    } else if (shownFile >= 0) {
        text = QString::fromStdString(renderFile(set, shownFile));
        m_editor->setReadOnly(false);
    } else {
        QStringList parts;
        for (std::size_t i = 0; i < set.files.size(); ++i)
            parts << QString::fromStdString(renderFile(set, static_cast<int>(i)));
        text = parts.join(QStringLiteral("---\n"));
        m_editor->setReadOnly(true);
    }
    updateTitle();
    updateFileSelector();
    replaceText(m_editor, m_shown ? *m_shown : m_editor->toPlainText(), text);
    m_shown = text;
    m_dirty = false;
    m_editDiagnostics.clear();
    m_message->clear();
    m_message->hide();
    m_editor->setExtraSelections({});
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
    m_loading = false;
}

void YamlPane::onTextChanged()
{
    if (m_loading)
        return;
    m_shown.reset(); // the editor holds text reload() did not put there
    if (m_editor->isReadOnly())
        return;
    m_dirty = true;
    m_apply->setEnabled(true);
    m_revert->setEnabled(true);
}

void YamlPane::revert()
{
    m_dirty = false;
    reload();
}

bool YamlPane::apply()
{
    if (!m_dirty)
        return true;
    YAML::Node node;
    Diagnostics diagnostics;
    bool ok = false;
    if (m_resource < 0) {
        // One source file, whole.
        const int shownFile = file();
        if (shownFile < 0)
            return true; // the read-only whole document
        const QString name = QFileInfo(QString::fromStdString(
                                           m_document->set().files[static_cast<std::size_t>(shownFile)].path))
                                 .fileName();
        ok = m_document->replaceFileText(shownFile, text().toStdString(),
                                         tr("Edit the whole file %1").arg(name), diagnostics);
        if (ok) {
            m_dirty = false;
            reload();
            return true;
        }
    } else {
        ok = parseSingleDocument(text().toStdString(), node, diagnostics);
    }
    m_editDiagnostics.clear();
    for (const Diagnostic &diagnostic : diagnostics)
        if (!ok || diagnostic.severity == Severity::Error)
            m_editDiagnostics.push_back(diagnostic);
    if (!ok || hasErrors(diagnostics)) {
        showEditMessage();
        markLines();
        return false;
    }
    const int index = m_resource;
    m_dirty = false;
    m_document->replaceResource(
        static_cast<std::size_t>(index), node,
        tr("Edit YAML of %1")
            .arg(QString::fromStdString(m_document->set().resources[static_cast<std::size_t>(index)].name)));
    reload();
    return true;
}

void YamlPane::showEditMessage()
{
    QStringList lines;
    for (const Diagnostic &diagnostic : m_editDiagnostics)
        lines << tr("line %1:%2: %3 [%4]")
                     .arg(diagnostic.position.line)
                     .arg(diagnostic.position.column)
                     .arg(diagnosticMessage(diagnostic), QString::fromStdString(diagnostic.code));
    if (lines.isEmpty())
        lines << tr("The text is not one valid resource");
    m_message->setText(tr("Not applied — the document is unchanged:\n%1").arg(lines.join(QLatin1Char('\n'))));
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #d93025; padding: 4px 6px; }"));
    m_message->show();
}

void YamlPane::markLines()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Diagnostic &diagnostic : m_editDiagnostics) {
        if (!diagnostic.position.known())
            continue;
        QTextBlock block = m_editor->document()->findBlockByNumber(diagnostic.position.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(0xd9, 0x30, 0x25, 45));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections << line;
        QTextEdit::ExtraSelection word;
        word.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        word.format.setUnderlineColor(QColor(0xd9, 0x30, 0x25));
        word.cursor = QTextCursor(block);
        word.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                 std::max(0, diagnostic.position.column - 1));
        word.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections << word;
    }
    m_editor->setExtraSelections(selections);
    if (!m_editDiagnostics.empty() && m_editDiagnostics.front().position.known())
        goToLine(m_editDiagnostics.front().position.line);
}

void YamlPane::goToLine(int line)
{
    QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    if (m_editDiagnostics.empty()) {
        QTextEdit::ExtraSelection current;
        current.format.setBackground(QColor(0xff, 0xd5, 0x4f, 70));
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = cursor;
        m_editor->setExtraSelections({current});
    }
}

} // namespace meshroute::studio
