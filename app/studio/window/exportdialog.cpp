#include "window/exportdialog.h"

#include "document/textdiff.h"
#include "support/atomicfile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace meshroute::studio {

namespace {

class DiffHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat format;
        if (text.startsWith(QLatin1Char('+'))) {
            format.setForeground(QColor(0x2e, 0x9e, 0x44));
        } else if (text.startsWith(QLatin1Char('-'))) {
            format.setForeground(QColor(0xd9, 0x30, 0x25));
        } else if (text.startsWith(QLatin1String("@@")) || text.startsWith(QLatin1String("==="))) {
            format.setForeground(QColor(0x6f, 0x7d, 0x95));
            format.setFontWeight(QFont::Bold);
        } else {
            return;
        }
        setFormat(0, static_cast<int>(text.size()), format);
    }
};

QString fileNameFor(const Resource &resource, const std::string &defaultNamespace)
{
    QString kind =
        QString::fromStdString(resource.kindName.empty() ? kindName(resource.kind) : resource.kindName);
    QString name = QStringLiteral("%1-%2-%3.yaml")
                       .arg(QString::fromStdString(resource.effectiveNamespace(defaultNamespace)),
                            kind.toLower(), QString::fromStdString(resource.name));
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    return name;
}

QString readExisting(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QList<ExportFile> exportFiles(const ResourceSet &set, bool onePerResource, const ExportOptions &options,
                              const QString &target)
{
    QList<ExportFile> files;
    if (!onePerResource) {
        files.push_back({target, QString::fromStdString(exportForKubectl(set, options))});
        return files;
    }
    QDir folder(target);
    for (const Resource &resource : set.resources) {
        if (resource.kind == Kind::Other && !options.includeOpaque)
            continue;
        files.push_back({folder.absoluteFilePath(fileNameFor(resource, set.defaultNamespace)),
                         QString::fromStdString(exportResource(resource, options))});
    }
    return files;
}

bool writeExport(const QList<ExportFile> &files, QString *error)
{
    for (const ExportFile &file : files) {
        QDir().mkpath(QFileInfo(file.path).absolutePath());
        std::string message;
        if (!writeFileAtomically(file.path.toStdString(), file.text.toStdString(), message)) {
            if (error)
                *error = QString::fromStdString(message);
            return false;
        }
    }
    return true;
}

ExportDialog::ExportDialog(const ResourceSet &set, const QString &suggestedFolder, QWidget *parent)
    : QDialog(parent)
    , m_set(set)
    , m_stream(new QRadioButton(tr("One stream (a single file for kubectl apply -f)"), this))
    , m_perResource(new QRadioButton(tr("One file per resource (into a folder)"), this))
    , m_apiVersion(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_summary(new QLabel(this))
    , m_suggestedFolder(suggestedFolder)
{
    setWindowTitle(tr("Export for kubectl"));
    resize(820, 620);
    m_stream->setChecked(true);
    m_apiVersion->addItem(tr("as written"), QString());
    m_apiVersion->addItem(QStringLiteral("networking.istio.io/v1"), QStringLiteral("v1"));
    m_apiVersion->addItem(QStringLiteral("networking.istio.io/v1beta1"), QStringLiteral("v1beta1"));
    m_apiVersion->addItem(QStringLiteral("networking.istio.io/v1alpha3"), QStringLiteral("v1alpha3"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setObjectName(QStringLiteral("exportDiff"));
    new DiffHighlighter(m_diff->document());
    m_target->setText(QDir(suggestedFolder.isEmpty() ? QDir::homePath() : suggestedFolder)
                          .absoluteFilePath(QStringLiteral("meshroute-export.yaml")));

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Write"), m_stream);
    form->addRow(QString(), m_perResource);
    form->addRow(tr("Istio API version"), m_apiVersion);
    form->addRow(tr("Target"), targetRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *write = buttons->addButton(tr("Write"), QDialogButtonBox::AcceptRole);
    write->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Changes against the files on disk:"), this));
    layout->addWidget(m_diff, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_stream, &QRadioButton::toggled, this, [this](bool stream) {
        QFileInfo current(m_target->text());
        if (stream && current.suffix().isEmpty())
            m_target->setText(
                QDir(m_target->text()).absoluteFilePath(QStringLiteral("meshroute-export.yaml")));
        else if (!stream && !current.suffix().isEmpty())
            m_target->setText(current.absoluteDir().absoluteFilePath(QStringLiteral("meshroute-export")));
        refresh();
    });
    connect(m_apiVersion, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_target, &QLineEdit::textChanged, this, &ExportDialog::refresh);
    refresh();
}

QString ExportDialog::target() const
{
    return m_target->text();
}

void ExportDialog::setTarget(const QString &path)
{
    m_target->setText(path);
}

void ExportDialog::setOnePerResource(bool onePerResource)
{
    (onePerResource ? m_perResource : m_stream)->setChecked(true);
    refresh();
}

QString ExportDialog::diffText() const
{
    return m_diff->toPlainText();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    const QString version = m_apiVersion->currentData().toString();
    if (!version.isEmpty())
        options.istioApiVersion = version.toStdString();
    return options;
}

QList<ExportFile> ExportDialog::files() const
{
    return exportFiles(m_set, m_perResource->isChecked(), options(), m_target->text());
}

void ExportDialog::browse()
{
    QString path;
    if (m_perResource->isChecked())
        path = QFileDialog::getExistingDirectory(this, tr("Export into folder"), m_target->text());
    else
        path = QFileDialog::getSaveFileName(this, tr("Export to file"), m_target->text(),
                                            tr("YAML files (*.yaml *.yml)"));
    if (!path.isEmpty())
        m_target->setText(path);
}

void ExportDialog::refresh()
{
    QStringList parts;
    int changed = 0;
    int created = 0;
    const QList<ExportFile> list = files();
    for (const ExportFile &file : list) {
        const bool exists = QFileInfo::exists(file.path);
        const QString before = exists ? readExisting(file.path) : QString();
        if (exists && before == file.text)
            continue;
        exists ? ++changed : ++created;
        parts << QStringLiteral("=== %1%2").arg(file.path, exists ? QString() : tr(" (new file)"));
        parts << unifiedDiff(before, file.text);
    }
    m_diff->setPlainText(parts.isEmpty() ? tr("Nothing changes: the files on disk already hold this export.")
                                         : parts.join(QLatin1Char('\n')));
    m_summary->setText(tr("%n file(s) to write: %1 new, %2 changed.", nullptr, static_cast<int>(list.size()))
                           .arg(created)
                           .arg(changed));
}

void ExportDialog::accept()
{
    QString error;
    if (!writeExport(files(), &error)) {
        QMessageBox::critical(this, tr("Export failed"), error);
        return;
    }
    QDialog::accept();
}

} // namespace meshroute::studio
