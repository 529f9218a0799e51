#include "document/selection.h"

namespace meshroute::studio {

namespace {

bool sameEdge(const GraphEdge &a, const GraphEdge &b)
{
    return a.kind == b.kind && a.from == b.from && a.fromSocket == b.fromSocket && a.to == b.to &&
           a.toSocket == b.toSocket && a.destination == b.destination;
}

} // namespace

Selection::Selection(QObject *parent)
    : QObject(parent)
{}

bool Selection::sameGraphSelection(const QStringList &nodes, const QVector<GraphEdge> &edges) const
{
    if (nodes != m_nodes || edges.size() != m_edges.size())
        return false;
    for (qsizetype i = 0; i < edges.size(); ++i)
        if (!sameEdge(edges[i], m_edges[i]))
            return false;
    return true;
}

void Selection::setGraphSelection(const GraphModel &graph, const QStringList &nodes,
                                  const QVector<GraphEdge> &edges)
{
    // The graph showing what is already selected (it follows the selection, or was rebuilt
    // and restored it) is no news: a resource chosen in the tree stays the focus.
    if (sameGraphSelection(nodes, edges))
        return;
    if (nodes.size() > 1) {
        set(Focus::Several, nodes, edges, -1, {});
        return;
    }
    if (nodes.size() == 1) {
        const GraphNode *node = graph.node(nodes.front());
        if (!node) {
            set(Focus::None, {}, {}, -1, {});
            return;
        }
        set(Focus::Node, nodes, edges, node->resource,
            node->kind == NodeKind::Route ? node->route : edits::RouteRef{});
        return;
    }
    for (const GraphEdge &edge : edges)
        if (const GraphNode *route = graph.node(edge.from); route && route->kind == NodeKind::Route) {
            set(Focus::Route, {}, edges, route->route.resource, route->route);
            return;
        }
    set(edges.isEmpty() ? Focus::None : Focus::Several, {}, edges, -1, {});
}

void Selection::setResource(const GraphModel &graph, int index)
{
    if (index < 0) {
        clear();
        return;
    }
    const QString node = graph.nodeOfResource(index);
    QStringList nodes = node.isEmpty() ? QStringList() : QStringList{node};
    if (m_focus == Focus::Resource && m_resource == index && m_nodes == nodes)
        return;
    set(Focus::Resource, std::move(nodes), {}, index, {});
}

void Selection::clear()
{
    if (m_focus != Focus::None || !m_nodes.isEmpty() || !m_edges.isEmpty())
        set(Focus::None, {}, {}, -1, {});
}

void Selection::set(Focus focus, QStringList nodes, QVector<GraphEdge> edges, int resource,
                    edits::RouteRef route)
{
    if (focus == m_focus && resource == m_resource && route == m_route && sameGraphSelection(nodes, edges))
        return; // what is selected already
    m_focus = focus;
    m_nodes = std::move(nodes);
    m_edges = std::move(edges);
    m_resource = resource;
    m_route = route;
    emit changed();
}

} // namespace meshroute::studio
