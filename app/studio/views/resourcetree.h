#pragma once

#include <QHash>
#include <QTreeWidget>

namespace meshroute::studio {

class Document;
struct DocumentDelta;

// Namespaces → kinds → resources. Follows the document (an edit in place updates
// the rows it touched; resources added, removed or moved rebuild it); selecting a
// resource reports its index.
class ResourceTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ResourceTree(Document *document, QWidget *parent = nullptr);

    void selectResource(int index);
    int currentResource() const;

signals:
    void resourceSelected(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void onResourcesChanged(const DocumentDelta &delta);
    // Show resource `index` in `item`; false when it belongs under another namespace or kind.
    bool showResource(QTreeWidgetItem *item, int index) const;
    void onSelectionChanged();

    Document *m_document;
    QHash<int, QTreeWidgetItem *> m_items; // by resource index
    bool m_rebuilding = false;
};

} // namespace meshroute::studio
