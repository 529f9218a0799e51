#include "graph/graphvizlayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <QByteArray>

#include <cmath>
#include <memory>
#include <vector>

namespace meshroute::studio {

namespace {

constexpr qreal kPointsPerInch = 72.0;

// cgraph takes `char *` for names and values it never changes.
char *text(const char *value)
{
    return const_cast<char *>(value);
}

QByteArray inches(qreal points)
{
    return QByteArray::number(points / kPointsPerInch, 'f', 4);
}

// A record with one field for the header and one per socket, top to bottom (rankdir=LR
// lays a record's top-level fields out vertically), so each socket is a port "s<i>".
QByteArray recordLabel(const GraphNode &node)
{
    QByteArray label = "<h>";
    for (int i = 0; i < node.sockets.size(); ++i)
        label += "|<s" + QByteArray::number(i) + ">";
    return label;
}

QByteArray port(const GraphNode &node, const QString &socket, const char *side)
{
    const int index = socket.isEmpty() ? -1 : node.socketIndex(socket);
    return (index < 0 ? QByteArray("h") : "s" + QByteArray::number(index)) + ":" + side;
}

struct ContextDeleter
{
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};

} // namespace

std::optional<LayoutResult> graphvizLayout(const GraphModel &graph)
{
    const auto &nodes = graph.nodes();
    LayoutResult result;
    result.engine = QStringLiteral("dot");
    if (nodes.isEmpty())
        return result;

    agseterr(AGMAX); // dot's warnings are not the user's business
    // One context per layout: contexts are cheap next to the layout, and nothing is shared.
    std::unique_ptr<GVC_t, ContextDeleter> context(gvContext());
    if (!context)
        return std::nullopt;
    Agraph_t *g = agopen(text("routing"), Agdirected, nullptr);
    agattr(g, AGRAPH, text("rankdir"), text("LR"));
    agattr(g, AGRAPH, text("splines"), text("false")); // only positions are used: no edge routing
    agattr(g, AGRAPH, text("nodesep"), inches(geometry::rowGap).data());
    agattr(g, AGRAPH, text("ranksep"), inches(geometry::columnGap).data());
    agattr(g, AGRAPH, text("newrank"), text("true"));
    Agsym_t *shape = agattr(g, AGNODE, text("shape"), text("record"));
    Agsym_t *fixed = agattr(g, AGNODE, text("fixedsize"), text("true"));
    Agsym_t *width = agattr(g, AGNODE, text("width"), text("1"));
    Agsym_t *height = agattr(g, AGNODE, text("height"), text("1"));
    Agsym_t *label = agattr(g, AGNODE, text("label"), text(""));
    Agsym_t *tailport = agattr(g, AGEDGE, text("tailport"), text(""));
    Agsym_t *headport = agattr(g, AGEDGE, text("headport"), text(""));
    (void)shape;
    (void)fixed;

    // Columns as ranks, in column order; nodes in model order (dot starts its ordering from there).
    std::vector<Agraph_t *> columns;
    for (int c = 0; c < 4; ++c) {
        const QByteArray name = "column" + QByteArray::number(c);
        Agraph_t *sub = agsubg(g, text(name.constData()), 1);
        agsafeset(sub, text("rank"), text("same"), text(""));
        columns.push_back(sub);
    }
    std::vector<Agnode_t *> handles(static_cast<std::size_t>(nodes.size()), nullptr);
    for (int i = 0; i < nodes.size(); ++i) {
        const GraphNode &node = nodes[i];
        const QByteArray name = "n" + QByteArray::number(i);
        Agnode_t *n = agnode(columns[static_cast<std::size_t>(node.column)], text(name.constData()), 1);
        const QSizeF size = geometry::nodeSize(node);
        agxset(n, width, inches(size.width()).data());
        agxset(n, height, inches(size.height()).data());
        agxset(n, label, recordLabel(node).data());
        handles[static_cast<std::size_t>(i)] = n;
    }
    for (const GraphEdge &edge : graph.edges()) {
        const int from = graph.nodeIndex(edge.from);
        const int to = graph.nodeIndex(edge.to);
        if (from < 0 || to < 0)
            continue;
        const GraphNode &a = nodes[from];
        const GraphNode &b = nodes[to];
        if (static_cast<int>(a.column) + 1 != static_cast<int>(b.column))
            continue; // as in the sweep layout: only edges between adjacent columns shape the layout
        Agedge_t *e = agedge(g, handles[static_cast<std::size_t>(from)],
                             handles[static_cast<std::size_t>(to)], nullptr, 1);
        agxset(e, tailport, port(a, edge.fromSocket, "e").data());
        agxset(e, headport, port(b, edge.toSocket, "w").data());
    }

    if (gvLayout(context.get(), g, "dot") != 0) {
        agclose(g);
        return std::nullopt;
    }
    // dot's y grows upwards from the bottom of its bounding box; the scene's grows downwards.
    const qreal top = GD_bb(g).UR.y;
    for (int i = 0; i < nodes.size(); ++i) {
        const GraphNode &node = nodes[i];
        Agnode_t *n = handles[static_cast<std::size_t>(i)];
        const qreal centre = top - ND_coord(n).y;
        const qreal y = std::round(centre - geometry::nodeSize(node).height() / 2);
        result.positions.insert(node.id, QPointF(geometry::columnX(node.column), y));
    }
    gvFreeLayout(context.get(), g);
    agclose(g);
    result.crossings = countCrossings(graph, result.positions);
    return result;
}

} // namespace meshroute::studio
