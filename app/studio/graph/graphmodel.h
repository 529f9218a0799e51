#pragma once

// The routing graph of a ResourceSet, as plain data: nodes in four columns
// (gateways, routes, destinations, workloads), their sockets (gateway ports,
// subsets) and the edges between them. Built from the model, never edited:
// the scene mirrors it, and edits go to the document.
//
// What the edges say is core's answer, not the graph's own reading of the YAML:
// a port -> rule edge is live when core's binding (routing/binding.h) says the
// rule serves the port, rule -> destination and destination -> workload edges
// when the compiled route table runs them. Everything else a rule aims at is
// drawn inactive (greyed, dashed) with core's reason in its tooltip; a reference
// to something the input lacks goes to a ghost node (broken, red).

#include "editing/routeedits.h"
#include "gatewayapi/targets.h"
#include "model/resourceset.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

namespace meshroute::studio {

class GraphTexts;

enum class NodeKind { Gateway, Route, Destination, Workload, Ghost };
enum class Column { Gateways = 0, Routes = 1, Destinations = 2, Workloads = 3 };
enum class EdgeKind { PortToRoute, RouteToSubset, SubsetToWorkload };
enum class Badge { None, Info, Warning, Error };

struct GraphSocket
{
    QString key;    // unique within its node: "0" (server index), "v1" (subset), "*" (whole service)
    QString label;  // "31400 TCP", "v1"
    QString detail; // "version=v1"
    int index = -1; // server index or subset index, -1 for the whole service
    friend bool operator==(const GraphSocket &, const GraphSocket &) = default;
};

struct GraphNode
{
    QString id; // stable across edits, used for manual positions: "gateway:default/tcp-echo-gateway"
    NodeKind kind = NodeKind::Ghost;
    Column column = Column::Gateways;
    QString title;
    QString subtitle;
    QString tooltip;
    int resource = -1;      // index in the set; the DestinationRule for destinations when there is one
    QVector<int> resources; // every resource the node shows (Service + DestinationRules + ServiceEntries)
    QVector<GraphSocket> sockets;
    edits::RouteRef route; // for routes
    QString host;          // for destinations: the qualified host
    Badge badge = Badge::None;
    bool inactive = false; // a rule the local gateway does not run anywhere (the tooltip says why)

    int socketIndex(const QString &key) const;
    friend bool operator==(const GraphNode &, const GraphNode &) = default;
};

struct GraphEdge
{
    EdgeKind kind = EdgeKind::PortToRoute;
    QString from;
    QString fromSocket; // empty: the node itself
    QString to;
    QString toSocket;
    QString label;         // the weight, "50%"
    bool broken = false;   // to a ghost: the reference names nothing in the input
    bool inactive = false; // not run by the local gateway; `reason` says why
    int destination = -1;  // RouteToSubset: index in the rule's route list
    QString reason;        // why the edge is broken or inactive, in the UI language
    friend bool operator==(const GraphEdge &, const GraphEdge &) = default;
};

// What makes two edges the same edge: the graph draws each once, and the scene keeps an edge's item
// across rebuilds by it.
struct EdgeIdentity
{
    EdgeKind kind = EdgeKind::PortToRoute;
    QString from;
    QString fromSocket;
    QString to;
    QString toSocket;
    int destination = -1;
    friend bool operator==(const EdgeIdentity &, const EdgeIdentity &) = default;
};
EdgeIdentity identityOf(const GraphEdge &edge);
size_t qHash(const EdgeIdentity &identity, size_t seed = 0) noexcept;

class GraphModel
{
public:
    // `target`: the cluster the document is meant for (Document::gatewayApiTarget()); what it
    // rejects or ignores is drawn as not run, as compile plays it. Absent: everything is read.
    // `texts`: the words of the nodes as an earlier build wrote them (graphtexts.h), found again by
    // their content instead of formatted again, and kept for the next build; null: formatted here.
    static GraphModel build(const ResourceSet &set, const Diagnostics &diagnostics = {},
                            const std::optional<gatewayapi::Target> &target = std::nullopt,
                            GraphTexts *texts = nullptr);

    const QVector<GraphNode> &nodes() const { return m_nodes; }
    const QVector<GraphEdge> &edges() const { return m_edges; }
    const GraphNode *node(const QString &id) const;
    int nodeIndex(const QString &id) const { return m_index.value(id, -1); }
    // The node showing resource `index` (routes: the first of its VirtualService).
    QString nodeOfResource(int index) const;
    QString nodeOfRoute(const edits::RouteRef &route) const;

private:
    friend class GraphBuilder;
    friend class GatewayApiGraph;
    GraphNode &addNode(GraphNode node);
    void addEdge(GraphEdge edge); // once per identity: a second one is dropped
    QVector<GraphNode> m_nodes;
    QVector<GraphEdge> m_edges;
    QHash<QString, int> m_index;
    QSet<EdgeIdentity> m_edgeIdentities;
};

} // namespace meshroute::studio
