#pragma once

// What the person has selected, once for every view: the graph, the resource tree,
// the inspector, the YAML pane, the diagnostics and the connections list report into
// it, and the window shows it in each of them. A report that changes nothing emits
// nothing, so views that follow the selection and report it back need no guard flags.

#include "graph/graphmodel.h"

#include <QObject>
#include <QStringList>
#include <QVector>

namespace meshroute::studio {

class Selection : public QObject
{
    Q_OBJECT

public:
    enum class Focus {
        None,     // nothing selected: the whole document
        Node,     // one graph node (and the resources it shows)
        Resource, // one resource, chosen outside the graph (tree, diagnostics, a new resource)
        Route,    // the route of a selected edge, no node selected
        Several,  // several nodes: nothing to show in the forms
    };

    explicit Selection(QObject *parent = nullptr);

    Focus focus() const { return m_focus; }
    const QStringList &nodes() const { return m_nodes; }
    const QVector<GraphEdge> &edges() const { return m_edges; }
    // The resource in focus (a route node's VirtualService), -1 for none.
    int resource() const { return m_resource; }
    // The route in focus (a route node, or the route of a selected edge).
    const edits::RouteRef &route() const { return m_route; }

    // The graph's selection: node ids and the selected edges.
    void setGraphSelection(const GraphModel &graph, const QStringList &nodes,
                           const QVector<GraphEdge> &edges);
    // A resource chosen outside the graph; its node in `graph` is selected with it.
    void setResource(const GraphModel &graph, int index);
    void clear();

signals:
    void changed();

private:
    bool sameGraphSelection(const QStringList &nodes, const QVector<GraphEdge> &edges) const;
    void set(Focus focus, QStringList nodes, QVector<GraphEdge> edges, int resource, edits::RouteRef route);

    Focus m_focus = Focus::None;
    QStringList m_nodes;
    QVector<GraphEdge> m_edges;
    int m_resource = -1;
    edits::RouteRef m_route;
};

} // namespace meshroute::studio
