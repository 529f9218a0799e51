#include "window/convertdialog.h"

#include "views/diagnostictext.h"
#include "yaml/writer.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <tuple>

namespace meshroute::studio {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

using Identity = std::tuple<std::string, std::string, std::string>; // kind, namespace, name

Identity identityOf(const YAML::Node &node, const std::string &defaultNamespace)
{
    auto text = [](const YAML::Node &n) { return n && n.IsScalar() ? n.Scalar() : std::string(); };
    const YAML::Node metadata = node["metadata"];
    std::string ns = metadata && metadata.IsMap() ? text(metadata["namespace"]) : std::string();
    return {text(node["kind"]), ns.empty() ? defaultNamespace : ns,
            metadata && metadata.IsMap() ? text(metadata["name"]) : std::string()};
}

Identity identityOf(const Resource &resource, const std::string &defaultNamespace)
{
    return {resource.kindName, resource.effectiveNamespace(defaultNamespace), resource.name};
}

std::optional<YAML::Node> parse(const std::string &document)
{
    try {
        YAML::Node node = YAML::Load(document);
        if (node.IsMap())
            return node;
    } catch (const YAML::Exception &) {
    }
    return std::nullopt;
}

enum Roles { EntryRole = Qt::UserRole + 1, DiagnosticRole };

} // namespace

gatewayapi::ConvertOptions convertOptionsFor(const gatewayapi::Target &target)
{
    gatewayapi::ConvertOptions options;
    options.versions = gatewayapi::routeVersionsFor(target);
    return options;
}

gatewayapi::Conversion convertSet(const ResourceSet &set, ConvertDirection direction,
                                  const gatewayapi::Target &target)
{
    const gatewayapi::ConvertOptions options = convertOptionsFor(target);
    return direction == ConvertDirection::ToGatewayApi ? gatewayapi::toGatewayApi(set, options)
                                                       : gatewayapi::toIstio(set, options);
}

std::vector<ConversionEntry> conversionEntries(const ResourceSet &set,
                                               const gatewayapi::Conversion &conversion)
{
    std::map<Identity, int> sources;
    for (std::size_t i = 0; i < set.resources.size(); ++i)
        sources.emplace(identityOf(set.resources[i], set.defaultNamespace), static_cast<int>(i));
    std::vector<bool> matched(set.resources.size(), false);
    std::vector<ConversionEntry> entries;
    for (std::size_t d = 0; d < conversion.documents.size(); ++d) {
        ConversionEntry entry;
        entry.output = static_cast<int>(d);
        Identity identity;
        if (const std::optional<YAML::Node> node = parse(conversion.documents[d]))
            identity = identityOf(*node, set.defaultNamespace);
        std::tie(entry.kind, entry.ns, entry.name) = identity;
        if (const auto it = sources.find(identity);
            it != sources.end() && !matched[static_cast<std::size_t>(it->second)]) {
            entry.source = it->second;
            matched[static_cast<std::size_t>(it->second)] = true;
            entry.change =
                exportResource(set.resources[static_cast<std::size_t>(it->second)]) == conversion.documents[d]
                    ? ConversionEntry::Change::Kept
                    : ConversionEntry::Change::Replaced;
        }
        entries.push_back(std::move(entry));
    }
    for (std::size_t i = 0; i < set.resources.size(); ++i)
        if (!matched[i]) {
            ConversionEntry entry;
            entry.change = ConversionEntry::Change::Removed;
            std::tie(entry.kind, entry.ns, entry.name) = identityOf(set.resources[i], set.defaultNamespace);
            entry.source = static_cast<int>(i);
            entries.push_back(std::move(entry));
        }
    return entries;
}

bool applyConversion(ResourceSet &set, const gatewayapi::Conversion &conversion)
{
    const std::vector<ConversionEntry> entries = conversionEntries(set, conversion);
    std::vector<std::optional<YAML::Node>> nodes;
    for (const std::string &document : conversion.documents) {
        nodes.push_back(parse(document));
        if (!nodes.back())
            return false;
    }
    // Replace in place first (indices do not move), then remove from the end, then append.
    int addTo = -1;
    std::vector<int> removed;
    for (const ConversionEntry &entry : entries) {
        const int file = entry.source >= 0 ? set.resources[static_cast<std::size_t>(entry.source)].file : -1;
        if (entry.change == ConversionEntry::Change::Replaced) {
            set.replaceNode(static_cast<std::size_t>(entry.source),
                            *nodes[static_cast<std::size_t>(entry.output)]);
            if (addTo < 0)
                addTo = file;
        } else if (entry.change == ConversionEntry::Change::Removed) {
            removed.push_back(entry.source);
            if (addTo < 0)
                addTo = file;
        }
    }
    std::sort(removed.begin(), removed.end(), std::greater<>());
    for (int index : removed)
        set.remove(static_cast<std::size_t>(index));
    for (const ConversionEntry &entry : entries)
        if (entry.change == ConversionEntry::Change::Added)
            set.add(*nodes[static_cast<std::size_t>(entry.output)], addTo);
    return true;
}

ConvertDialog::ConvertDialog(const ResourceSet &set, ConvertDirection direction,
                             const gatewayapi::Target &target, QWidget *parent)
    : QDialog(parent)
    , m_conversion(convertSet(set, direction, target))
    , m_entries(conversionEntries(set, m_conversion))
    , m_summary(new QLabel(this))
    , m_results(new QTreeWidget(this))
    , m_diagnostics(new QTreeWidget(this))
    , m_preview(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("convertDialog"));
    setWindowTitle(direction == ConvertDirection::ToGatewayApi ? tr("Convert to Gateway API")
                                                               : tr("Convert to Istio Classic API"));
    resize(980, 680);
    for (const Resource &resource : set.resources)
        m_sourceYaml.push_back(exportResource(resource));

    m_summary->setObjectName(QStringLiteral("convertSummary"));
    m_summary->setWordWrap(true);
    m_results->setObjectName(QStringLiteral("convertResults"));
    m_results->setHeaderLabels({tr("Resource"), tr("Change")});
    m_results->setRootIsDecorated(true);
    m_diagnostics->setObjectName(QStringLiteral("convertDiagnostics"));
    m_diagnostics->setHeaderLabels({tr("Severity"), tr("Code"), tr("Field"), tr("Resource"), tr("Message")});
    m_diagnostics->setRootIsDecorated(false);
    m_preview->setObjectName(QStringLiteral("convertPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_results);
    top->addWidget(m_preview);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_diagnostics);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *replace = buttons->addButton(tr("&Replace in Document"), QDialogButtonBox::AcceptRole);
    replace->setObjectName(QStringLiteral("convertReplace"));
    replace->setToolTip(tr("Replace the converted resources in this document, as one undo step"));
    QPushButton *open = buttons->addButton(tr("Open as &New Document"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("convertNewDocument"));
    QPushButton *save = buttons->addButton(tr("&Save to File…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("convertSave"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(replace, &QPushButton::clicked, this, [this] { finish(Outcome::Replace); });
    connect(open, &QPushButton::clicked, this, [this] { finish(Outcome::NewDocument); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Converted Configuration"), QString(),
                                                          tr("YAML files (*.yaml *.yml)"));
        if (!path.isEmpty())
            saveAndClose(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    fill(set);
    connect(m_results, &QTreeWidget::currentItemChanged, this, &ConvertDialog::showEntry);
    if (m_results->topLevelItemCount() > 0)
        m_results->setCurrentItem(m_results->topLevelItem(0));
    else
        m_preview->setPlainText(q(m_conversion.yaml()));
    const bool nothing = m_conversion.documents.empty();
    replace->setEnabled(!nothing);
    open->setEnabled(!nothing);
    save->setEnabled(!nothing);
    m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                       tr("Routes are written with the apiVersions the document's target reads (%1).")
                           .arg(q(target.spec())));
}

void ConvertDialog::fill(const ResourceSet &set)
{
    QStyle *style = this->style();
    const QIcon error = style->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon info = style->standardIcon(QStyle::SP_MessageBoxInformation);
    auto iconOf = [&](Severity severity) {
        return severity == Severity::Error ? error : severity == Severity::Warning ? warning : info;
    };
    auto location = [](const Diagnostic &d) {
        QString text = d.file.empty() ? QString() : QFileInfo(q(d.file)).fileName();
        if (d.position.known())
            text += QStringLiteral(":%1:%2").arg(d.position.line).arg(d.position.column);
        return text;
    };

    // The rows: what each resource becomes. Diagnostics go under the document's resource they name.
    std::map<Identity, QTreeWidgetItem *> bySource;
    int added = 0, replaced = 0, kept = 0, removed = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const ConversionEntry &entry = m_entries[i];
        QString change;
        switch (entry.change) {
        case ConversionEntry::Change::Added:
            change = tr("added");
            ++added;
            break;
        case ConversionEntry::Change::Replaced:
            change = tr("replaced");
            ++replaced;
            break;
        case ConversionEntry::Change::Kept:
            change = tr("kept");
            ++kept;
            break;
        case ConversionEntry::Change::Removed:
            change = tr("removed");
            ++removed;
            break;
        }
        const QString name = entry.ns.empty() || entry.kind == "GatewayClass" || entry.kind == "Namespace"
                                 ? q(entry.name)
                                 : q(entry.ns + "/" + entry.name);
        auto *item = new QTreeWidgetItem({q(entry.kind) + QLatin1Char(' ') + name, change});
        item->setData(0, EntryRole, static_cast<int>(i));
        m_results->addTopLevelItem(item);
        if (entry.source >= 0)
            bySource.emplace(
                identityOf(set.resources[static_cast<std::size_t>(entry.source)], set.defaultNamespace),
                item);
    }
    for (std::size_t i = 0; i < m_conversion.diagnostics.size(); ++i) {
        const Diagnostic &d = m_conversion.diagnostics[i];
        auto *row = new QTreeWidgetItem({severityText(d.severity), q(d.code), location(d),
                                         q(d.resource.display()), diagnosticMessage(d)});
        row->setIcon(0, iconOf(d.severity));
        row->setToolTip(4, diagnosticLine(d));
        row->setData(0, DiagnosticRole, static_cast<int>(i));
        m_diagnostics->addTopLevelItem(row);

        const Identity source{d.resource.kind, d.resource.ns.empty() ? set.defaultNamespace : d.resource.ns,
                              d.resource.name};
        if (const auto it = bySource.find(source); it != bySource.end()) {
            QTreeWidgetItem *parent = it->second;
            auto *child = new QTreeWidgetItem({diagnosticMessage(d), location(d)});
            child->setIcon(0, iconOf(d.severity));
            child->setToolTip(0, diagnosticLine(d));
            child->setData(0, DiagnosticRole, static_cast<int>(i));
            parent->addChild(child);
            parent->setIcon(0, iconOf(d.severity));
            parent->setExpanded(true);
        }
    }
    // The resource column takes the room (its diagnostics rows are long), the change stays in view.
    m_results->header()->setStretchLastSection(false);
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int column : {0, 1, 2, 3})
        m_diagnostics->resizeColumnToContents(column);

    QString summary = tr("%n resource(s) in the result: %1 added, %2 replaced, %3 kept; %4 removed.", nullptr,
                         static_cast<int>(m_conversion.documents.size()))
                          .arg(added)
                          .arg(replaced)
                          .arg(kept)
                          .arg(removed);
    summary += QLatin1Char(' ');
    summary += m_conversion.diagnostics.empty()
                   ? tr("Everything was carried.")
                   : tr("%n part(s) could not be carried exactly: see the diagnostics below.", nullptr,
                        static_cast<int>(m_conversion.diagnostics.size()));
    m_summary->setText(summary);
}

void ConvertDialog::showEntry()
{
    QTreeWidgetItem *item = m_results->currentItem();
    while (item && item->parent())
        item = item->parent();
    if (!item)
        return;
    const ConversionEntry &entry = m_entries[static_cast<std::size_t>(item->data(0, EntryRole).toInt())];
    if (entry.output >= 0)
        m_preview->setPlainText(q(m_conversion.documents[static_cast<std::size_t>(entry.output)]));
    else
        m_preview->setPlainText(tr("# Removed: not in the converted configuration\n") +
                                q(m_sourceYaml[static_cast<std::size_t>(entry.source)]));
}

bool ConvertDialog::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray bytes = QByteArray::fromStdString(m_conversion.yaml());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool ConvertDialog::saveAndClose(const QString &path)
{
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save Converted Configuration"),
                             tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    finish(Outcome::SavedToFile);
    return true;
}

void ConvertDialog::finish(Outcome outcome)
{
    m_outcome = outcome;
    accept();
}

} // namespace meshroute::studio
