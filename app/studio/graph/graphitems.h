#pragma once

// The scene's items: one NodeItem per graph node (sockets drawn inside it) and
// one EdgeItem per edge. Items show the GraphModel; they own no truth.

#include "graph/graphmodel.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QHash>
#include <QPainterPath>
#include <QStaticText>

#include <memory>
#include <optional>

namespace meshroute::studio {

// Colours of the graph, chosen for the light or the dark theme.
struct GraphPalette
{
    bool dark = false;
    QColor background, grid, nodeFill, nodeBorder, text, mutedText, selection;
    QColor gateway, route, destination, workload, ghost;
    QColor edge, brokenEdge, labelFill, socket, dragLine;
    QColor live, busy; // traffic on edges, listening ports; a port that cannot listen
    static GraphPalette forTheme(bool dark);
    QColor header(NodeKind kind) const;
};

class EdgeItem;

// Live traffic from the local gateway, drawn over the graph while it runs.
struct LiveEdge
{
    double active = 0;         // connections open on this edge
    double bytesPerSecond = 0; // both directions
    double connectionsPerSecond = 0;
    QString tooltip;
};

enum class PortState { None, Listening, Busy, NotServed };

struct LivePort
{
    PortState state = PortState::None;
    QString text; // "listening on 127.0.0.1:31400", "port busy: ...", "not served locally"
};

// "1.2 KiB/s", "312 B/s", "4.0 MiB/s"
QString bytesRateText(double bytesPerSecond);

class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    NodeItem(const GraphNode &node, const GraphPalette *palette);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const GraphNode &node() const { return m_node; }
    QString id() const { return m_node.id; }
    // The socket under a point in item coordinates, -1 for none.
    int socketAt(const QPointF &local) const;
    // Whether a drag to create or split a route may start at this point.
    bool isDragHandle(const QPointF &local, int *socket) const;
    // Edge anchor in scene coordinates: socket (or header when -1), left or right side.
    QPointF anchor(int socket, bool right) const;

    // Show `node` (same id, new content) in place: the scene keeps the item and its edges.
    void setNode(const GraphNode &node);
    void addEdge(EdgeItem *edge) { m_edges.push_back(edge); }
    void removeEdge(EdgeItem *edge) { m_edges.removeAll(edge); }
    // Per socket (by index) state of a gateway port on the running local gateway; empty when stopped.
    void setPortStates(const QHash<int, LivePort> &states);
    const QHash<int, LivePort> &portStates() const { return m_ports; }
    QString tooltipText() const; // the node's tooltip with the live ports' states
    void setDropHighlight(int socket);
    void setDimmed(bool dimmed);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    // What paint() draws that costs text shaping or path work, laid out once per content and font,
    // not per paint: an edit repaints a thousand nodes whose faces have not changed.
    struct Face
    {
        QFont base; // the painter's font the face was laid out with
        QFont title, small, socket, badge;
        QPainterPath header;
        QStaticText titleText, subtitleText, badgeText;
        struct Row
        {
            QStaticText label, detail;
            qreal detailLeft = 0;
        };
        QVector<Row> rows;
    };
    const Face &face(const QFont &base);

    GraphNode m_node;
    const GraphPalette *m_palette;
    QSizeF m_size;
    std::unique_ptr<Face> m_face; // null until painted, and after a change
    QVector<EdgeItem *> m_edges;
    QHash<int, LivePort> m_ports;
    int m_dropSocket = -1;
    bool m_hovered = false;
};

class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    EdgeItem(const GraphEdge &edge, NodeItem *from, NodeItem *to, const GraphPalette *palette);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const GraphEdge &edge() const { return m_edge; }
    // Show `edge` (same ends, new content) in place.
    void setEdge(const GraphEdge &edge);
    NodeItem *fromNode() const { return m_from; }
    NodeItem *toNode() const { return m_to; }
    void adjust();
    const QPainterPath &path() const { return m_path; } // scene coordinates, from socket to socket
    QRectF labelRect() const { return m_labelRect; }
    // Traffic on this edge while the local gateway runs; nullopt when stopped.
    void setLive(const std::optional<LiveEdge> &live);
    const std::optional<LiveEdge> &live() const { return m_live; }
    qreal penWidth() const;
    QString liveText() const; // "3 open · 1.2 KiB/s", empty without traffic
    QRectF liveRect() const { return m_liveRect; }

private:
    QString baseToolTip() const; // a broken or inactive edge's reason; empty for a live one
    GraphEdge m_edge;
    NodeItem *m_from;
    NodeItem *m_to;
    const GraphPalette *m_palette;
    QPainterPath m_path;
    QPointF m_end; // where the path ends: the arrow head's tip
    QRectF m_labelRect;
    std::optional<LiveEdge> m_live;
    QRectF m_liveRect;
};

} // namespace meshroute::studio
