#include "graph/layeredlayout.h"

#ifdef MESHROUTE_HAVE_GRAPHVIZ
#include "graph/graphvizlayout.h"
#endif

#include <algorithm>
#include <array>
#include <functional>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace meshroute::studio {

namespace geometry {

QSizeF nodeSize(const GraphNode &node)
{
    return {nodeWidth,
            headerHeight + node.sockets.size() * socketHeight + (node.sockets.isEmpty() ? 0 : padding)};
}

qreal socketCentre(int index)
{
    return index < 0 ? headerHeight / 2 : headerHeight + index * socketHeight + socketHeight / 2;
}

qreal columnX(Column column)
{
    return static_cast<int>(column) * (nodeWidth + columnGap);
}

} // namespace geometry

namespace {

constexpr int columnCount = 4;
// bench_graph on this 2-core machine (busy): dot takes ~7 ms at 300 nodes, ~55 ms at 700,
// ~230 ms at 1,200 (the 1,000-route benchmark), ~530 ms at 1,700 and ~820 ms at 2,200; the
// sweeps stay under 10 ms. Every edit lays the graph out again, so dot is used while it stays
// well inside an edit's budget.
constexpr int kDotNodeLimit = 1300;

struct Link
{
    int from;         // node index
    qreal fromOffset; // y of the anchor within the node
    int to;
    qreal toOffset;
};

struct Work
{
    const GraphModel &graph;
    std::array<std::vector<int>, columnCount> columns;
    std::vector<Link> links;
    std::vector<qreal> y;      // top of each node
    std::vector<qreal> height; // of each node

    explicit Work(const GraphModel &model)
        : graph(model)
    {
        const auto &nodes = graph.nodes();
        y.assign(static_cast<std::size_t>(nodes.size()), 0);
        height.assign(static_cast<std::size_t>(nodes.size()), 0);
        for (int i = 0; i < nodes.size(); ++i) {
            columns[static_cast<std::size_t>(nodes[i].column)].push_back(i);
            height[static_cast<std::size_t>(i)] = geometry::nodeSize(nodes[i]).height();
        }
        for (const GraphEdge &edge : graph.edges()) {
            const int from = graph.nodeIndex(edge.from);
            const int to = graph.nodeIndex(edge.to);
            if (from < 0 || to < 0)
                continue;
            const GraphNode &a = nodes[from];
            const GraphNode &b = nodes[to];
            if (static_cast<int>(a.column) + 1 != static_cast<int>(b.column))
                continue; // not between adjacent columns; drawn, but not laid out by
            links.push_back(
                {from,
                 geometry::socketCentre(edge.fromSocket.isEmpty() ? -1 : a.socketIndex(edge.fromSocket)), to,
                 geometry::socketCentre(edge.toSocket.isEmpty() ? -1 : b.socketIndex(edge.toSocket))});
        }
    }

    void stack(int column)
    {
        qreal top = 0;
        for (int node : columns[static_cast<std::size_t>(column)]) {
            y[static_cast<std::size_t>(node)] = top;
            top += height[static_cast<std::size_t>(node)] + geometry::rowGap;
        }
    }

    // Mean anchor y of each node's neighbours in column `other`, or its own centre when it has none.
    std::vector<qreal> barycentres(int column, bool fromLeft) const
    {
        const auto &nodes = graph.nodes();
        std::vector<qreal> sum(static_cast<std::size_t>(nodes.size()), 0);
        std::vector<int> count(static_cast<std::size_t>(nodes.size()), 0);
        for (const Link &link : links) {
            const int self = fromLeft ? link.to : link.from;
            const int other = fromLeft ? link.from : link.to;
            if (static_cast<int>(nodes[self].column) != column)
                continue;
            const qreal anchor =
                y[static_cast<std::size_t>(other)] + (fromLeft ? link.fromOffset : link.toOffset);
            const qreal own = fromLeft ? link.toOffset : link.fromOffset;
            sum[static_cast<std::size_t>(self)] += anchor - own;
            ++count[static_cast<std::size_t>(self)];
        }
        std::vector<qreal> result(static_cast<std::size_t>(nodes.size()), 0);
        for (int node : columns[static_cast<std::size_t>(column)]) {
            const auto n = static_cast<std::size_t>(node);
            result[n] = count[n] ? sum[n] / count[n] : y[n];
        }
        return result;
    }

    void order(int column, bool fromLeft)
    {
        const std::vector<qreal> centre = barycentres(column, fromLeft);
        auto &list = columns[static_cast<std::size_t>(column)];
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            return centre[static_cast<std::size_t>(a)] < centre[static_cast<std::size_t>(b)];
        });
        stack(column);
    }

    // Place each node at its neighbours' barycentre, keeping the order and a gap.
    void place(int column, bool fromLeft)
    {
        const std::vector<qreal> wanted = barycentres(column, fromLeft);
        auto &list = columns[static_cast<std::size_t>(column)];
        qreal bottom = -1e18;
        for (int node : list) {
            const auto n = static_cast<std::size_t>(node);
            y[n] = std::max(wanted[n], bottom);
            bottom = y[n] + height[n] + geometry::rowGap;
        }
        // Shift up so that the column starts where the others do, when it was pushed down.
        if (!list.empty()) {
            const qreal top = y[static_cast<std::size_t>(list.front())];
            if (top < 0)
                for (int node : list)
                    y[static_cast<std::size_t>(node)] -= top;
        }
    }

    int crossings() const
    {
        // Crossings between adjacent columns: pairs of links whose ends are in opposite order.
        const auto &nodes = graph.nodes();
        int total = 0;
        for (int column = 0; column + 1 < columnCount; ++column) {
            std::vector<std::pair<qreal, qreal>> ends;
            for (const Link &link : links)
                if (static_cast<int>(nodes[link.from].column) == column)
                    ends.emplace_back(y[static_cast<std::size_t>(link.from)] + link.fromOffset,
                                      y[static_cast<std::size_t>(link.to)] + link.toOffset);
            std::sort(ends.begin(), ends.end());
            // Count inversions of the second coordinate (merge sort).
            std::vector<qreal> second;
            for (const auto &end : ends)
                second.push_back(end.second);
            std::vector<qreal> buffer(second.size());
            std::function<long(std::size_t, std::size_t)> sortCount = [&](std::size_t lo,
                                                                          std::size_t hi) -> long {
                if (hi - lo < 2)
                    return 0;
                const std::size_t mid = (lo + hi) / 2;
                long count = sortCount(lo, mid) + sortCount(mid, hi);
                std::size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (second[j] < second[i]) {
                        count += static_cast<long>(mid - i);
                        buffer[k++] = second[j++];
                    } else {
                        buffer[k++] = second[i++];
                    }
                }
                while (i < mid)
                    buffer[k++] = second[i++];
                while (j < hi)
                    buffer[k++] = second[j++];
                std::copy(buffer.begin() + static_cast<long>(lo), buffer.begin() + static_cast<long>(hi),
                          second.begin() + static_cast<long>(lo));
                return count;
            };
            total += static_cast<int>(sortCount(0, second.size()));
        }
        return total;
    }
};

} // namespace

bool graphvizAvailable()
{
#ifdef MESHROUTE_HAVE_GRAPHVIZ
    return true;
#else
    return false;
#endif
}

int dotNodeLimit()
{
    return kDotNodeLimit;
}

namespace {

// What the layout depends on: nodes (id, column, sockets) and edges (ends and sockets); not
// titles, labels or badges.
QByteArray layoutSignature(const GraphModel &graph, int sweeps)
{
    QByteArray out = QByteArray::number(sweeps);
    out.reserve(64 * (graph.nodes().size() + graph.edges().size()));
    for (const GraphNode &node : graph.nodes()) {
        out += '\n' + node.id.toUtf8() + ' ' + QByteArray::number(static_cast<int>(node.column));
        for (const GraphSocket &socket : node.sockets)
            out += ' ' + socket.key.toUtf8();
    }
    for (const GraphEdge &edge : graph.edges())
        out += '\n' + edge.from.toUtf8() + ' ' + edge.fromSocket.toUtf8() + '>' + edge.to.toUtf8() + ' ' +
               edge.toSocket.toUtf8();
    return out;
}

LayoutResult computeLayout(const GraphModel &graph, int sweeps)
{
#ifdef MESHROUTE_HAVE_GRAPHVIZ
    static const QByteArray forced = qgetenv("MESHROUTE_LAYOUT");
    if (forced == "dot" || (forced != "sweeps" && graph.nodes().size() <= kDotNodeLimit)) {
        if (std::optional<LayoutResult> dot = graphvizLayout(graph)) {
            if (dot->crossings == 0)
                return *dot;
            LayoutResult sweep = sweepLayout(graph, sweeps);
            return sweep.crossings < dot->crossings ? sweep : *dot;
        }
    }
#endif
    return sweepLayout(graph, sweeps);
}

} // namespace

LayoutResult layeredLayout(const GraphModel &graph, int sweeps)
{
    // The graph is rebuilt after every change, mostly with the same shape (a weight, a label, a
    // rename), and undo returns to a shape seen just before; opening a document builds it twice
    // (reset, then change). The last few layouts are reused when nothing they depend on changed.
    constexpr std::size_t kKept = 4;
    thread_local std::vector<std::pair<QByteArray, LayoutResult>> recent; // newest last
    QByteArray signature = layoutSignature(graph, sweeps);
    for (auto it = recent.begin(); it != recent.end(); ++it) {
        if (it->first == signature) {
            std::rotate(it, it + 1, recent.end()); // now the newest
            return recent.back().second;
        }
    }
    if (recent.size() == kKept)
        recent.erase(recent.begin());
    recent.emplace_back(std::move(signature), computeLayout(graph, sweeps));
    return recent.back().second;
}

LayoutResult sweepLayout(const GraphModel &graph, int sweeps)
{
    Work work(graph);
    for (int column = 0; column < columnCount; ++column)
        work.stack(column);

    auto best = work.columns;
    int bestCrossings = work.crossings();
    for (int sweep = 0; sweep < sweeps && bestCrossings > 0; ++sweep) {
        for (int column = 1; column < columnCount; ++column)
            work.order(column, true);
        for (int column = columnCount - 2; column >= 0; --column)
            work.order(column, false);
        const int crossings = work.crossings();
        if (crossings < bestCrossings) {
            bestCrossings = crossings;
            best = work.columns;
        }
    }
    work.columns = best;
    for (int column = 0; column < columnCount; ++column)
        work.stack(column);
    // Straighten: routes follow their ports, destinations their routes, workloads their subsets;
    // then gateways are pulled back towards the routes they feed.
    for (int column = 1; column < columnCount; ++column)
        work.place(column, true);

    LayoutResult result;
    const auto &nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); ++i)
        result.positions.insert(
            nodes[i].id, QPointF(geometry::columnX(nodes[i].column), work.y[static_cast<std::size_t>(i)]));
    result.crossings = work.crossings();
    result.engine = QStringLiteral("sweeps");
    return result;
}

int countCrossings(const GraphModel &graph, const QHash<QString, QPointF> &positions)
{
    Work work(graph);
    const auto &nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); ++i)
        work.y[static_cast<std::size_t>(i)] = positions.value(nodes[i].id).y();
    return work.crossings();
}

} // namespace meshroute::studio
