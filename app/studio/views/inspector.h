#pragma once

// Typed forms for the selected item: a route's match and weighted destinations,
// a gateway's ports, a DestinationRule's subsets and load balancer, a
// Deployment's replicas. Every edit is one undoable change of the document
// (typing in one field merges into one step); invalid input is flagged and not
// applied.

#include "editing/routeedits.h"

#include <QScrollArea>

class QFormLayout;
class QLineEdit;
class QVBoxLayout;

namespace meshroute::studio {

class Document;
struct DocumentDelta;
struct GraphNode;

class Inspector : public QScrollArea
{
    Q_OBJECT

public:
    explicit Inspector(Document *document, QWidget *parent = nullptr);

    void inspectResource(int index);
    void inspectRoute(const edits::RouteRef &route);
    void inspectNode(const GraphNode &node);
    void clear();

signals:
    void showYamlRequested(int resource);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    // Whether a change touches what the page shows (its resources, a route's DestinationRules).
    bool shows(const DocumentDelta &delta) const;
    QWidget *newPage();
    QFormLayout *addGroup(const QString &title);
    void buildRoute(const edits::RouteRef &route);
    void buildGateway(int index);
    void buildDestinationRule(int index);
    void buildDeployment(int index);
    void buildService(int index);
    void buildSummary(int index);
    void apply(int index, const YAML::Node &node, const QString &text, const QString &field);
    static bool validateName(QLineEdit *edit);

    Document *m_document;
    QWidget *m_page = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QVector<int> m_resources; // what is shown
    edits::RouteRef m_route;  // when a route is shown
    bool m_applying = false;
};

} // namespace meshroute::studio
