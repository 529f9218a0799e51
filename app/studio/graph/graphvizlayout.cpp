#include "graph/graphvizlayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <mutex>

#include <QByteArray>

#include <cmath>
#include <dlfcn.h>
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

// An HTML-like table with one cell for the header and one per socket, top to bottom, each a
// port ("h", "s<i>") of the node's own height, so dot knows where each edge leaves and enters.
// (Record labels would do the same, but Graphviz 2.43 leaks every record field's text.)
QByteArray tableLabel(const GraphNode &node)
{
    const QByteArray width = QByteArray::number(qRound(geometry::nodeWidth));
    const auto cell = [&](const QByteArray &port, qreal height) {
        return "<TR><TD PORT=\"" + port + "\" FIXEDSIZE=\"TRUE\" WIDTH=\"" + width + "\" HEIGHT=\"" +
               QByteArray::number(qRound(height)) + "\"></TD></TR>";
    };
    QByteArray label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">";
    label += cell("h", geometry::headerHeight);
    for (int i = 0; i < node.sockets.size(); ++i)
        label += cell("s" + QByteArray::number(i), geometry::socketHeight);
    if (!node.sockets.isEmpty())
        label += cell("p", geometry::padding); // as geometry::nodeSize: padding below the sockets
    return label + "</TABLE>";
}

QByteArray port(const GraphNode &node, const QString &socket, const char *side)
{
    const int index = socket.isEmpty() ? -1 : node.socketIndex(socket);
    return (index < 0 ? QByteArray("h") : "s" + QByteArray::number(index)) + ":" + side;
}

// One context for the program's life, used from the GUI thread only, holding dot's layout
// plugin alone. gvContext() would load every plugin, among them the pango text layout,
// which caches font data across contexts (read after free when a context is freed) and
// leaks fontconfig memory; labels here are empty, so Graphviz's own text estimate is enough.
GVC_t *makeContext()
{
#ifdef MESHROUTE_GRAPHVIZ_PLUGIN_DIR
    for (const char *name : {"/libgvplugin_dot_layout.so.6", "/libgvplugin_dot_layout.so"}) {
        const QByteArray path = QByteArray(MESHROUTE_GRAPHVIZ_PLUGIN_DIR) + name;
        void *library = dlopen(path.constData(), RTLD_NOW | RTLD_LOCAL);
        if (!library)
            continue;
        if (auto *plugin =
                static_cast<gvplugin_library_t *>(dlsym(library, "gvplugin_dot_layout_LTX_library"))) {
            static const lt_symlist_t none[] = {{nullptr, nullptr}};
            GVC_t *gvc = gvContextPlugins(none, 0);
            if (gvc) {
                gvAddLibrary(gvc, plugin);
                return gvc;
            }
        }
        dlclose(library);
    }
#endif
    return gvContext();
}

GVC_t *context()
{
    static GVC_t *const shared = makeContext();
    return shared;
}

} // namespace

std::optional<LayoutResult> graphvizLayout(const GraphModel &graph)
{
    const auto &nodes = graph.nodes();
    LayoutResult result;
    result.engine = QStringLiteral("dot");
    if (nodes.isEmpty())
        return result;

    // Graphviz keeps global state: one layout at a time (the scene lays out large graphs on a
    // worker thread, small ones in the GUI thread).
    static std::mutex oneAtATime;
    const std::lock_guard lock(oneAtATime);
    agseterr(AGMAX); // dot's warnings are not the user's business
    GVC_t *gvc = context();
    if (!gvc)
        return std::nullopt;
    Agraph_t *g = agopen(text("routing"), Agdirected, nullptr);
    agattr(g, AGRAPH, text("rankdir"), text("LR"));
    agattr(g, AGRAPH, text("splines"), text("false")); // only positions are used: no edge routing
    agattr(g, AGRAPH, text("nodesep"), inches(geometry::rowGap).data());
    agattr(g, AGRAPH, text("ranksep"), inches(geometry::columnGap).data());
    agattr(g, AGRAPH, text("newrank"), text("true"));
    // plain: the node is exactly its label, the table below.
    agattr(g, AGNODE, text("shape"), text("plain"));
    Agsym_t *label = agattr(g, AGNODE, text("label"), text(""));
    Agsym_t *tailport = agattr(g, AGEDGE, text("tailport"), text(""));
    Agsym_t *headport = agattr(g, AGEDGE, text("headport"), text(""));

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
        QByteArray html = tableLabel(node);
        agxset(n, label, agstrdup_html(g, html.data()));
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

    if (gvLayout(gvc, g, "dot") != 0) {
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
    gvFreeLayout(gvc, g);
    agclose(g);
    result.crossings = countCrossings(graph, result.positions);
    return result;
}

} // namespace meshroute::studio
