#pragma once

// The graph's scene: mirrors a GraphModel with NodeItems and EdgeItems, places
// them by the automatic layout (or the document's positions, a person's own
// moves), and turns drags into reports: a gateway port or a route dragged onto a
// subset, nodes dragged, a relayout asked for. It never edits the document, nor
// keeps positions of its own: the window hands the reports to the editing layer
// and the document, and the scene mirrors what they decide.

#include "graph/graphitems.h"
#include "graph/graphmodel.h"
#include "graph/layeredlayout.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <memory>

class QGraphicsPathItem;
class QThread;

namespace meshroute::studio {

// What the running local gateway shows on the graph: port states and edge traffic.
struct LiveOverlay
{
    bool running = false;
    QHash<QString, LivePort> ports; // GraphScene::portKey(node, socket key)
    QHash<QString, LiveEdge> edges; // GraphScene::edgeKey(edge)
};

class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    void setDarkTheme(bool dark);
    const GraphPalette &graphPalette() const { return m_palette; }

    // Show `graph`; nodes in `manual` keep those positions, the rest are laid out. The same nodes
    // as shown keep their automatic positions (no layout runs); a graph of at least
    // backgroundLayoutNodes() nodes is laid out on a worker thread (layoutStarted, layoutFinished)
    // while the nodes stand at provisional places, so the window stays responsive.
    void setGraph(GraphModel graph, const QHash<QString, QPointF> &manual);
    bool isLayingOut() const { return m_layoutThread != nullptr; }
    int backgroundLayoutNodes() const { return m_backgroundNodes; }
    void setBackgroundLayoutNodes(int nodes) { m_backgroundNodes = nodes; }
    const GraphModel &graph() const { return m_graph; }
    // Lay everything out again and ask for the manual positions to go (relayoutRequested).
    void relayout();
    // The manual positions shown (the document's, of the nodes in the graph).
    QHash<QString, QPointF> manualPositions() const { return m_manual; }
    // Place nodes in `positions` there and every other node where the automatic layout puts it
    // (the document's positions changed); emits nothing.
    void setManualPositions(const QHash<QString, QPointF> &positions);

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    QList<EdgeItem *> edgeItems() const { return m_edges; }
    EdgeItem *edgeItem(const QString &from, const QString &to, int destination = -1) const;
    QStringList selectedNodeIds() const;
    void selectNodes(const QStringList &ids);
    // Show a selection made elsewhere: these nodes and edges selected, nothing else. Nothing
    // happens (no selectionChanged) when that is what is selected.
    void showSelection(const QStringList &nodes, const QVector<GraphEdge> &edges);
    // Dim nodes that do not match; returns the ids that match (all when text is empty).
    QStringList setFilter(const QString &text);
    int layoutCrossings() const { return m_crossings; }

    // Live traffic over the graph; kept across rebuilds (edits while running), cleared with {}.
    void setLiveOverlay(const LiveOverlay &overlay);
    const LiveOverlay &liveOverlay() const { return m_live; }
    static QString portKey(const QString &node, const QString &socketKey);
    static QString edgeKey(const GraphEdge &edge);

signals:
    // A drag from a gateway port (fromSocket: server index) or a route's handle (-1) onto a subset.
    void connectionRequested(const QString &fromNode, int fromSocket, const QString &toNode, int toSocket);
    // Nodes dragged: their positions now, in whole units. Every report of one drag (press to
    // release) carries the same `gesture`; the last one, on release, is `finished`.
    void nodesMoved(const QHash<QString, QPointF> &positions, int gesture, bool finished);
    void relayoutRequested();
    void layoutStarted();  // a layout runs on a worker thread
    void layoutFinished(); // its result is shown
    void edgeActivated(const meshroute::studio::GraphEdge &edge);
    void nodeActivated(const QString &id);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    NodeItem *nodeAt(const QPointF &scenePos) const;
    // Mirror m_graph: keep the items of nodes and edges that stay, add and remove the others.
    void updateItems(const QHash<QString, QPointF> &positions);
    void applyLiveOverlay();
    // Lay m_graph out: here, or on a worker thread for a large graph (positions follow on finish).
    void layOut();
    void startBackgroundLayout();
    void onBackgroundLayout(const LayoutResult &layout);
    void placeAutomatic();
    void clearDrag();
    void select(const QStringList &nodes, const QStringList &edgeKeys);
    QStringList selectedEdgeKeys() const;
    QHash<QString, QPointF> draggedPositions() const;

    GraphPalette m_palette;
    GraphModel m_graph;
    QHash<QString, NodeItem *> m_nodes;
    QList<EdgeItem *> m_edges;
    QHash<QString, QPointF> m_manual;
    QHash<QString, QPointF> m_pressPositions;
    int m_gesture = 0;
    QSet<QString> m_reported;            // nodes of this drag reported moved: reported to its end
    QHash<QString, QPointF> m_automatic; // the last automatic layout
    int m_crossings = 0;
    LiveOverlay m_live;
    int m_backgroundNodes = 600;
    QThread *m_layoutThread = nullptr;
    bool m_layoutAgain = false;                  // the graph changed shape while its layout ran
    std::shared_ptr<const GraphModel> m_laidOut; // what the last background layout laid out

    NodeItem *m_dragFrom = nullptr;
    int m_dragSocket = -1;
    QGraphicsPathItem *m_dragLine = nullptr;
    NodeItem *m_dropTarget = nullptr;
};

} // namespace meshroute::studio
