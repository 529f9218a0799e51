#pragma once

// The routing graph laid out by Graphviz's dot: columns are ranks (rank=same per
// column, rankdir=LR), nodes are tables of the nodes' own size with one port per
// socket in socket order, so dot's crossing reduction and placement see where each
// edge leaves and enters.
// Only the vertical placement is taken from dot; columns keep geometry::columnX.
// Built only when Graphviz (libgvc, libcgraph) is found at configure time.

#include "graph/layeredlayout.h"

#include <optional>

namespace meshroute::studio {

// dot's layout, or nothing when Graphviz is missing or fails (no layout plugin).
std::optional<LayoutResult> graphvizLayout(const GraphModel &graph);

} // namespace meshroute::studio
