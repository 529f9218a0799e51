#pragma once

// What a person's gesture means for the document, decided without a window: each
// function takes the set (and the graph the gesture was made on) and returns a
// Change, the documents it replaces, removes and adds with the undo history's text.
// Document::apply(change) makes it one undo step; an empty change does nothing.
//
//   const edits::Change change = edits::addSubset(document.set(), index);
//   document.apply(change);

#include "editing/routeedits.h"
#include "graph/graphmodel.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace meshroute::studio::edits {

struct Change
{
    QString text;                               // the undo history's description
    std::map<std::size_t, YAML::Node> replaced; // index in the set before the change -> new document
    std::vector<std::size_t> removed;           // indices in the set before the change
    std::vector<YAML::Node> added;              // appended, in this order
    // What to select once applied: a route, else (selectAdded) the first added resource. Where a
    // resource is added lands in the set only once applied (after its file's resources): a route in
    // it (routeInAdded) takes that index then, see routeAfter().
    RouteRef route;
    bool routeInAdded = false;
    bool selectAdded = false;

    // The route to select, given the index Document::apply returned for the first added resource.
    RouteRef routeAfter(int firstAdded) const
    {
        RouteRef ref = route;
        if (routeInAdded)
            ref.resource = firstAdded;
        return ref;
    }

    bool isEmpty() const { return replaced.empty() && removed.empty() && added.empty(); }
};

// A drag from a gateway port (fromSocket: server index) or a route (-1) onto a destination
// socket: a new tcp/tls rule in the VirtualService bound to the gateway (else one in its
// namespace, else a new one), or a further weighted destination of the route.
Change connectNodes(const ResourceSet &set, const GraphNode &from, int fromSocket, const GraphNode &to,
                    int toSocket);

// A subset "vN" (the first N free) with label version=vN.
Change addSubset(const ResourceSet &set, int destinationRule);
// A TCP server on the port after the gateway's highest (31400 at least).
Change addPort(const ResourceSet &set, int gateway);
// A new resource of `kind` as a person would start one; `selectedHost` (a destination shown
// selected) is the host of a new DestinationRule. Kinds that cannot be created give no change.
Change createResource(const ResourceSet &set, Kind kind, const std::string &selectedHost = {});
// Rename resource `index`; a gateway's references are renamed with it.
Change rename(const ResourceSet &set, int index, const std::string &newName);

// Weight of one destination of a route, as the inline editor on the edge edits it.
struct WeightTarget
{
    RouteRef route;
    int destination = -1;
    int current = 100;        // the weight the edge shows (no label: the only destination, 100)
    int gatewayApiRoute = -1; // a TCPRoute/TLSRoute's index: `destination` is its backendRef
};
// The weight an activated edge edits: only route-to-subset edges of a route node have one.
std::optional<WeightTarget> weightTargetOf(const GraphModel &graph, const GraphEdge &edge);
Change setWeight(const ResourceSet &set, const WeightTarget &target, int weight);

// What a delete of the selection removes: whole resources, rules of VirtualServices and single
// route destinations (edges from a route to a subset).
struct DeleteTarget
{
    std::vector<int> resources;
    std::vector<RouteRef> rules;
    std::vector<std::pair<RouteRef, int>> destinations; // the rule, the destination's index in it
    // Gateway API routes (gatewayapiedits.h): {route's index, backendRef / parentRef index}.
    std::vector<std::pair<int, int>> backendRefs;
    std::vector<std::pair<int, int>> parentRefs;
    bool isEmpty() const
    {
        return resources.empty() && rules.empty() && destinations.empty() && backendRefs.empty() &&
               parentRefs.empty();
    }
};
// The selected nodes and edges of `graph` as a delete target (route nodes are rules, other nodes
// every resource they show, route-to-subset edges destinations; on Gateway API routes a route node
// is its TCPRoute/TLSRoute, a route-to-Service edge its backendRef, a listener-to-route edge its
// parentRef).
DeleteTarget deleteTargetOf(const GraphModel &graph, const QStringList &nodes,
                            const QVector<GraphEdge> &edges);
struct Deletion
{
    QStringList names;               // what goes, for the question and the undo text
    std::vector<std::string> broken; // resources that stay and refer to a deleted one (sorted)
    QString question;                // "Delete ...?" and, when some refer to it, which
    Change change;
};
Deletion deleteItems(const ResourceSet &set, const DeleteTarget &target);

} // namespace meshroute::studio::edits
