#pragma once

#include <QTreeWidget>

namespace meshroute::studio {

class Document;

// Namespaces → kinds → resources. Follows the document; selecting a resource
// reports its index.
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
    void onSelectionChanged();

    Document *m_document;
    bool m_rebuilding = false;
};

} // namespace meshroute::studio
