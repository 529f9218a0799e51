#pragma once

// The scene's items: one NodeItem per graph node (sockets drawn inside it) and
// one EdgeItem per edge. Items show the GraphModel; they own no truth.

#include "graph/graphmodel.h"

#include <QColor>
#include <QGraphicsItem>

namespace meshroute::studio {

// Colours of the graph, chosen for the light or the dark theme.
struct GraphPalette
{
    bool dark = false;
    QColor background, grid, nodeFill, nodeBorder, text, mutedText, selection;
    QColor gateway, route, destination, workload, ghost;
    QColor edge, brokenEdge, labelFill, socket, dragLine;
    static GraphPalette forTheme(bool dark);
    QColor header(NodeKind kind) const;
};

class EdgeItem;

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

    void addEdge(EdgeItem *edge) { m_edges.push_back(edge); }
    void setDropHighlight(int socket);
    void setDimmed(bool dimmed);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    GraphNode m_node;
    const GraphPalette *m_palette;
    QSizeF m_size;
    QVector<EdgeItem *> m_edges;
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
    NodeItem *fromNode() const { return m_from; }
    NodeItem *toNode() const { return m_to; }
    void adjust();
    QRectF labelRect() const { return m_labelRect; }

private:
    GraphEdge m_edge;
    NodeItem *m_from;
    NodeItem *m_to;
    const GraphPalette *m_palette;
    QPainterPath m_path;
    QRectF m_labelRect;
};

} // namespace meshroute::studio
