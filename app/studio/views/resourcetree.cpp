#include "views/resourcetree.h"

#include "document/document.h"
#include "document/documentdelta.h"

#include <QEvent>
#include <QHeaderView>
#include <QSet>

#include <map>

namespace meshroute::studio {

namespace {
constexpr int IndexRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;
} // namespace

ResourceTree::ResourceTree(Document *document, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_document, &Document::resourcesChanged, this, &ResourceTree::onResourcesChanged);
    connect(this, &QTreeWidget::itemSelectionChanged, this, &ResourceTree::onSelectionChanged);
    rebuild();
}

void ResourceTree::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QTreeWidget::changeEvent(event);
}

void ResourceTree::onResourcesChanged(const DocumentDelta &delta)
{
    if (!delta.isStructural()) {
        bool inPlace = true;
        for (int index : delta.modified) {
            QTreeWidgetItem *item = m_items.value(index);
            inPlace = inPlace && item && showResource(item, index);
        }
        if (inPlace)
            return;
    }
    rebuild();
}

namespace {
QString kindOf(const Resource &resource)
{
    return QString::fromStdString(resource.kindName.empty() ? kindName(resource.kind) : resource.kindName);
}
} // namespace

bool ResourceTree::showResource(QTreeWidgetItem *item, int index) const
{
    const ResourceSet &set = m_document->set();
    if (index < 0 || index >= static_cast<int>(set.resources.size()))
        return false;
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    QTreeWidgetItem *kindItem = item->parent();
    QTreeWidgetItem *nsItem = kindItem ? kindItem->parent() : nullptr;
    if (!nsItem || kindItem->data(0, KindRole).toString() != kindOf(resource) ||
        nsItem->text(0) != QString::fromStdString(resource.effectiveNamespace(set.defaultNamespace)))
        return false;
    QString name = QString::fromStdString(resource.name);
    if (resource.modified)
        name += QStringLiteral(" •");
    item->setText(0, name);
    item->setToolTip(
        0, QStringLiteral("%1\n%2").arg(QString::fromStdString(resource.displayName(set.defaultNamespace)),
                                        QString::fromStdString(set.fileOf(resource))));
    return true;
}

void ResourceTree::rebuild()
{
    // Keep what the person had open and selected.
    QSet<QString> collapsed;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *ns = topLevelItem(i);
        if (!ns->isExpanded())
            collapsed.insert(ns->text(0));
        for (int k = 0; k < ns->childCount(); ++k)
            if (!ns->child(k)->isExpanded())
                collapsed.insert(ns->text(0) + QLatin1Char('/') + ns->child(k)->data(0, KindRole).toString());
    }
    const int selected = currentResource();

    m_rebuilding = true;
    clear();
    m_items.clear();
    const ResourceSet &set = m_document->set();
    std::map<std::string, std::map<std::string, std::vector<int>>> tree;
    for (std::size_t i = 0; i < set.resources.size(); ++i) {
        const Resource &resource = set.resources[i];
        tree[resource.effectiveNamespace(set.defaultNamespace)]
            [resource.kindName.empty() ? kindName(resource.kind) : resource.kindName]
                .push_back(static_cast<int>(i));
    }
    QTreeWidgetItem *selectedItem = nullptr;
    for (const auto &[ns, kinds] : tree) {
        auto *nsItem = new QTreeWidgetItem(this, {QString::fromStdString(ns)});
        nsItem->setData(0, IndexRole, -1);
        nsItem->setToolTip(0, tr("Namespace %1").arg(QString::fromStdString(ns)));
        for (const auto &[kind, indices] : kinds) {
            auto *kindItem = new QTreeWidgetItem(
                nsItem, {QStringLiteral("%1 (%2)").arg(QString::fromStdString(kind)).arg(indices.size())});
            kindItem->setData(0, IndexRole, -1);
            kindItem->setData(0, KindRole, QString::fromStdString(kind));
            for (int index : indices) {
                auto *item = new QTreeWidgetItem(kindItem);
                item->setData(0, IndexRole, index);
                showResource(item, index);
                m_items.insert(index, item);
                if (index == selected)
                    selectedItem = item;
            }
            kindItem->setExpanded(!collapsed.contains(QString::fromStdString(ns) + QLatin1Char('/') +
                                                      QString::fromStdString(kind)));
        }
        nsItem->setExpanded(!collapsed.contains(nsItem->text(0)));
    }
    if (selectedItem)
        setCurrentItem(selectedItem);
    m_rebuilding = false;
}

int ResourceTree::currentResource() const
{
    QTreeWidgetItem *item = currentItem();
    return item && item->isSelected() ? item->data(0, IndexRole).toInt() : -1;
}

void ResourceTree::selectResource(int index)
{
    const QSignalBlocker blocker(this);
    clearSelection();
    QTreeWidgetItemIterator it(this);
    for (; *it; ++it) {
        if ((*it)->data(0, IndexRole).toInt() == index && index >= 0) {
            setCurrentItem(*it);
            scrollToItem(*it);
            return;
        }
    }
}

void ResourceTree::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    const int index = currentResource();
    if (index >= 0)
        emit resourceSelected(index);
}

} // namespace meshroute::studio
