#pragma once

// Automatic layout of the routing graph: the columns are given by the kinds
// (gateways, routes, destinations, workloads), so this is the ordering and
// placement half of a Sugiyama layout. Graphviz's dot does it when available
// (graphvizlayout.h); the home-made fallback orders each column by barycentre
// sweeps (crossing reduction) and places nodes after their neighbours' sockets
// so that edges run as straight as the order allows.

#include "graph/graphmodel.h"

#include <QHash>
#include <QPointF>
#include <QSizeF>

namespace meshroute::studio {

namespace geometry {
inline constexpr qreal nodeWidth = 220;
inline constexpr qreal headerHeight = 44;
inline constexpr qreal socketHeight = 24;
inline constexpr qreal padding = 6;
inline constexpr qreal columnGap = 110;
inline constexpr qreal rowGap = 22;

QSizeF nodeSize(const GraphNode &node);
// The y offset of socket `index` (its centre) within its node; -1: the header.
qreal socketCentre(int index);
qreal columnX(Column column);
} // namespace geometry

struct LayoutResult
{
    QHash<QString, QPointF> positions; // top-left corner per node id
    int crossings = 0;                 // edge crossings of the result (between adjacent columns)
    QString engine;                    // "dot" or "sweeps": who made it
};

// The automatic layout: Graphviz's dot (graphvizlayout.h) when it was available at build time
// and the graph has at most dotNodeLimit() nodes, else the sweeps below. When dot leaves
// crossings, the sweep layout is computed too and the one with fewer crossings wins.
// MESHROUTE_LAYOUT=dot or =sweeps in the environment chooses one whatever the size (benchmarks).
LayoutResult layeredLayout(const GraphModel &graph, int sweeps = 6);
// The home-made layout: barycentre sweeps and straightening.
LayoutResult sweepLayout(const GraphModel &graph, int sweeps = 6);
bool graphvizAvailable();
// Above this many nodes dot is too slow for the one-second budget of a first paint or relayout.
int dotNodeLimit();

// Crossings between adjacent columns for given positions (socket anchors taken into account).
int countCrossings(const GraphModel &graph, const QHash<QString, QPointF> &positions);

} // namespace meshroute::studio
