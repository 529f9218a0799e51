#pragma once

// Automatic layout of the routing graph: the columns are given by the kinds
// (gateways, routes, destinations, workloads), so this is the ordering and
// placement half of a Sugiyama layout. Order within each column comes from
// barycentre sweeps (crossing reduction); y positions follow the neighbours'
// sockets so that edges run as straight as the order allows.

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
};

LayoutResult layeredLayout(const GraphModel &graph, int sweeps = 6);

// Crossings between adjacent columns for given positions (socket anchors taken into account).
int countCrossings(const GraphModel &graph, const QHash<QString, QPointF> &positions);

} // namespace meshroute::studio
