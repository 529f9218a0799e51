#include "graph/graphscene.h"

#include "graph/layeredlayout.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace meshroute::studio {

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_palette(GraphPalette::forTheme(false))
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
}

GraphScene::~GraphScene()
{
    if (m_layoutThread) {
        m_layoutThread->disconnect(this);
        m_layoutThread->wait();
        delete m_layoutThread;
    }
}

void GraphScene::setDarkTheme(bool dark)
{
    m_palette = GraphPalette::forTheme(dark);
    setBackgroundBrush(m_palette.background);
    update();
}

namespace {

// What the automatic layout depends on besides the edges: the nodes, their columns and sizes.
bool sameLayoutNodes(const GraphModel &a, const GraphModel &b)
{
    if (a.nodes().size() != b.nodes().size())
        return false;
    for (int i = 0; i < a.nodes().size(); ++i) {
        const GraphNode &x = a.nodes()[i];
        const GraphNode &y = b.nodes()[i];
        if (x.id != y.id || x.column != y.column || x.sockets.size() != y.sockets.size() ||
            geometry::nodeSize(x) != geometry::nodeSize(y))
            return false;
    }
    return true;
}

// Everything the automatic layout reads: the nodes (sameLayoutNodes) and the edges' ends.
bool sameLayoutInput(const GraphModel &a, const GraphModel &b)
{
    if (!sameLayoutNodes(a, b) || a.edges().size() != b.edges().size())
        return false;
    for (int i = 0; i < a.edges().size(); ++i) {
        const GraphEdge &x = a.edges()[i];
        const GraphEdge &y = b.edges()[i];
        if (x.kind != y.kind || x.from != y.from || x.fromSocket != y.fromSocket || x.to != y.to ||
            x.toSocket != y.toSocket)
            return false;
    }
    return true;
}

} // namespace

void GraphScene::setGraph(GraphModel graph, const QHash<QString, QPointF> &manual)
{
    const QStringList selected = selectedNodeIds();
    const QStringList selectedEdges = selectedEdgeKeys();
    // The same nodes as before (an edit that changed what they say, or which edges run): the
    // layout is reused, so nothing moves under the person's eyes and no layout runs.
    const bool reuseLayout = !m_nodes.isEmpty() && sameLayoutNodes(m_graph, graph);
    m_graph = std::move(graph);
    m_manual.clear();
    for (auto it = manual.begin(); it != manual.end(); ++it)
        if (m_graph.node(it.key()))
            m_manual.insert(it.key(), it.value());
    if (!reuseLayout)
        layOut();
    QHash<QString, QPointF> positions = m_automatic;
    for (auto it = m_manual.begin(); it != m_manual.end(); ++it)
        positions.insert(it.key(), it.value());
    updateItems(positions);
    select(selected, selectedEdges);
}

void GraphScene::relayout()
{
    layOut();
    placeAutomatic();
    emit relayoutRequested();
}

void GraphScene::layOut()
{
    if (m_graph.nodes().size() < m_backgroundNodes) {
        const LayoutResult layout = layeredLayout(m_graph);
        m_automatic = layout.positions;
        m_crossings = layout.crossings;
        m_laidOut.reset();
        return;
    }
    // The layout of this very shape is shown (a relayout of an unchanged graph): nothing to do.
    if (!m_layoutThread && m_laidOut && sameLayoutInput(*m_laidOut, m_graph))
        return;
    // Until the layout is done: nodes shown before stay, new ones are stacked in their column.
    QHash<QString, QPointF> provisional;
    QHash<int, qreal> bottom;
    for (const GraphNode &node : m_graph.nodes())
        if (const auto it = m_automatic.constFind(node.id); it != m_automatic.cend()) {
            provisional.insert(node.id, *it);
            const int column = static_cast<int>(node.column);
            bottom[column] = std::max(bottom.value(column), it->y() + geometry::nodeSize(node).height());
        }
    for (const GraphNode &node : m_graph.nodes())
        if (!provisional.contains(node.id)) {
            const int column = static_cast<int>(node.column);
            const qreal y = bottom.contains(column) ? bottom.value(column) + geometry::rowGap : 0;
            provisional.insert(node.id, QPointF(geometry::columnX(node.column), y));
            bottom[column] = y + geometry::nodeSize(node).height();
        }
    m_automatic = provisional;
    startBackgroundLayout();
}

void GraphScene::startBackgroundLayout()
{
    if (m_layoutThread) {
        m_layoutAgain = true; // the running one lays out a shape no longer shown
        return;
    }
    // The worker gets its own copy of the model (plain data) and hands back plain data; the
    // items are only touched here, in the GUI thread, when it has finished.
    auto result = std::make_shared<LayoutResult>();
    auto graph = std::make_shared<const GraphModel>(m_graph);
    m_laidOut.reset();
    m_layoutThread = QThread::create([graph, result] { *result = layeredLayout(*graph); });
    connect(m_layoutThread, &QThread::finished, this, [this, graph, result] {
        m_laidOut = graph;
        onBackgroundLayout(*result);
    });
    m_layoutThread->start(QThread::LowPriority);
    emit layoutStarted();
}

void GraphScene::onBackgroundLayout(const LayoutResult &layout)
{
    m_layoutThread->wait();
    delete m_layoutThread;
    m_layoutThread = nullptr;
    if (std::exchange(m_layoutAgain, false)) {
        startBackgroundLayout();
        return;
    }
    m_automatic = layout.positions;
    m_crossings = layout.crossings;
    placeAutomatic();
    emit layoutFinished();
}

void GraphScene::placeAutomatic()
{
    for (auto it = m_automatic.cbegin(); it != m_automatic.cend(); ++it)
        if (NodeItem *item = m_nodes.value(it.key());
            item && !m_manual.contains(it.key()) && item->pos() != *it)
            item->setPos(*it);
    if (m_pressPositions.isEmpty())
        setSceneRect(itemsBoundingRect().adjusted(-200, -200, 200, 200));
}

void GraphScene::setManualPositions(const QHash<QString, QPointF> &positions)
{
    m_manual.clear();
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const auto manual = positions.find(it.key());
        if (manual != positions.end())
            m_manual.insert(it.key(), manual.value());
        it.value()->setPos(manual != positions.end() ? manual.value() : m_automatic.value(it.key()));
    }
    // Not while a drag goes on: a new scene rect would scroll the view under the mouse.
    if (m_pressPositions.isEmpty())
        setSceneRect(itemsBoundingRect().adjusted(-200, -200, 200, 200));
}

void GraphScene::updateItems(const QHash<QString, QPointF> &positions)
{
    clearDrag();
    // Items of nodes that stay are kept (and shown anew when their content changed), so an edit
    // costs what it changed, not a new scene.
    QHash<QString, NodeItem *> nodes;
    nodes.reserve(m_graph.nodes().size());
    for (const GraphNode &node : m_graph.nodes()) {
        NodeItem *item = m_nodes.take(node.id);
        if (item) {
            item->setNode(node);
        } else {
            item = new NodeItem(node, &m_palette);
            addItem(item);
        }
        const QPointF position = positions.value(node.id);
        if (item->pos() != position)
            item->setPos(position);
        nodes.insert(node.id, item);
    }
    const QHash<QString, NodeItem *> gone = std::exchange(m_nodes, nodes);

    QHash<EdgeIdentity, EdgeItem *> previous;
    previous.reserve(m_edges.size());
    for (EdgeItem *edge : std::as_const(m_edges))
        previous.insert(identityOf(edge->edge()), edge);
    QList<EdgeItem *> stale;
    m_edges.clear();
    for (const GraphEdge &edge : m_graph.edges()) {
        NodeItem *from = m_nodes.value(edge.from);
        NodeItem *to = m_nodes.value(edge.to);
        if (!from || !to)
            continue;
        EdgeItem *item = previous.take(identityOf(edge));
        if (item && (item->fromNode() != from || item->toNode() != to)) {
            stale.push_back(item); // its ends are other items now
            item = nullptr;
        }
        if (item)
            item->setEdge(edge);
        else {
            item = new EdgeItem(edge, from, to, &m_palette);
            addItem(item);
        }
        m_edges.push_back(item);
    }
    stale.append(previous.values());
    for (EdgeItem *edge : std::as_const(stale)) {
        edge->fromNode()->removeEdge(edge);
        edge->toNode()->removeEdge(edge);
        delete edge;
    }
    for (NodeItem *item : gone)
        delete item; // its edges went above: they ended at nodes no longer shown
    applyLiveOverlay();
    setSceneRect(itemsBoundingRect().adjusted(-200, -200, 200, 200));
}

QString GraphScene::portKey(const QString &node, const QString &socketKey)
{
    return node + QLatin1Char('#') + socketKey;
}

QString GraphScene::edgeKey(const GraphEdge &edge)
{
    return QStringLiteral("%1#%2>%3#%4@%5")
        .arg(edge.from, edge.fromSocket, edge.to, edge.toSocket)
        .arg(edge.kind == EdgeKind::RouteToSubset ? edge.destination : -1);
}

void GraphScene::setLiveOverlay(const LiveOverlay &overlay)
{
    m_live = overlay;
    applyLiveOverlay();
}

void GraphScene::applyLiveOverlay()
{
    for (NodeItem *node : std::as_const(m_nodes)) {
        if (node->node().kind != NodeKind::Gateway)
            continue;
        QHash<int, LivePort> states;
        if (m_live.running) {
            const QVector<GraphSocket> &sockets = node->node().sockets;
            for (int i = 0; i < sockets.size(); ++i) {
                const auto it = m_live.ports.constFind(portKey(node->id(), sockets[i].key));
                states.insert(i, it != m_live.ports.cend()
                                     ? *it
                                     : LivePort{PortState::NotServed, tr("not served by the local gateway")});
            }
        }
        if (!states.isEmpty() || !node->portStates().isEmpty())
            node->setPortStates(states);
    }
    for (EdgeItem *edge : std::as_const(m_edges)) {
        if (m_live.edges.isEmpty() && !edge->live())
            continue; // nothing to show, nothing to clear: no key to format
        const auto it = m_live.edges.constFind(edgeKey(edge->edge()));
        const std::optional<LiveEdge> live =
            it != m_live.edges.cend() ? std::optional<LiveEdge>(*it) : std::nullopt;
        if (live || edge->live())
            edge->setLive(live);
    }
}

EdgeItem *GraphScene::edgeItem(const QString &from, const QString &to, int destination) const
{
    for (EdgeItem *edge : m_edges)
        if (edge->edge().from == from && edge->edge().to == to &&
            (destination < 0 || edge->edge().destination == destination))
            return edge;
    return nullptr;
}

QStringList GraphScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type)
            ids << static_cast<NodeItem *>(item)->id();
    return ids;
}

void GraphScene::selectNodes(const QStringList &ids)
{
    select(ids, {});
}

void GraphScene::select(const QStringList &nodes, const QStringList &edgeKeys)
{
    QSignalBlocker blocker(this);
    clearSelection();
    for (const QString &id : nodes)
        if (NodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    if (!edgeKeys.isEmpty()) {
        const QSet<QString> wanted(edgeKeys.cbegin(), edgeKeys.cend());
        for (EdgeItem *edge : std::as_const(m_edges))
            if (wanted.contains(edgeKey(edge->edge())))
                edge->setSelected(true);
    }
    blocker.unblock();
    emit selectionChanged();
}

QStringList GraphScene::selectedEdgeKeys() const
{
    QStringList keys;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == EdgeItem::Type)
            keys << edgeKey(static_cast<EdgeItem *>(item)->edge());
    return keys;
}

void GraphScene::showSelection(const QStringList &nodes, const QVector<GraphEdge> &edges)
{
    QStringList keys;
    for (const GraphEdge &edge : edges)
        keys << edgeKey(edge);
    QStringList wantedNodes;
    for (const QString &id : nodes)
        if (m_nodes.contains(id))
            wantedNodes << id;
    QStringList shownNodes = selectedNodeIds();
    QStringList shownEdges = selectedEdgeKeys();
    std::sort(wantedNodes.begin(), wantedNodes.end());
    std::sort(keys.begin(), keys.end());
    std::sort(shownNodes.begin(), shownNodes.end());
    std::sort(shownEdges.begin(), shownEdges.end());
    if (wantedNodes != shownNodes || keys != shownEdges)
        select(nodes, keys);
}

QStringList GraphScene::setFilter(const QString &text)
{
    QStringList matches;
    for (NodeItem *item : std::as_const(m_nodes)) {
        const GraphNode &node = item->node();
        bool match = text.isEmpty() || node.title.contains(text, Qt::CaseInsensitive) ||
                     node.subtitle.contains(text, Qt::CaseInsensitive);
        for (const GraphSocket &socket : node.sockets)
            match = match || socket.label.contains(text, Qt::CaseInsensitive);
        item->setDimmed(!match);
        if (match)
            matches << node.id;
    }
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->setOpacity(
            text.isEmpty() || (edge->fromNode()->opacity() > 0.5 && edge->toNode()->opacity() > 0.5) ? 1.0
                                                                                                     : 0.2);
    return matches;
}

NodeItem *GraphScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    return nullptr;
}

void GraphScene::clearDrag()
{
    if (m_dragLine) {
        removeItem(m_dragLine);
        delete m_dragLine;
        m_dragLine = nullptr;
    }
    if (m_dropTarget)
        m_dropTarget->setDropHighlight(-1);
    m_dropTarget = nullptr;
    m_dragFrom = nullptr;
    m_dragSocket = -1;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        NodeItem *node = nodeAt(event->scenePos());
        int socket = -1;
        if (node && node->isDragHandle(node->mapFromScene(event->scenePos()), &socket)) {
            m_dragFrom = node;
            m_dragSocket = socket;
            m_dragLine = new QGraphicsPathItem;
            QPen pen(m_palette.dragLine, 2, Qt::DashLine);
            m_dragLine->setPen(pen);
            m_dragLine->setZValue(10);
            addItem(m_dragLine);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type)
            m_pressPositions.insert(static_cast<NodeItem *>(item)->id(), item->pos());
    ++m_gesture;
    m_reported.clear();
}

QHash<QString, QPointF> GraphScene::draggedPositions() const
{
    // Whole units: what the sidecar stores is exactly what is shown.
    QHash<QString, QPointF> moved;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it)
        if (NodeItem *item = m_nodes.value(it.key());
            item && (item->pos() != it.value() || m_reported.contains(it.key())))
            moved.insert(it.key(), QPointF(std::round(item->pos().x()), std::round(item->pos().y())));
    return moved;
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragFrom) {
        const QPointF a = m_dragFrom->anchor(m_dragSocket, true);
        const QPointF b = event->scenePos();
        const qreal dx = std::max<qreal>(40, std::abs(b.x() - a.x()) / 2);
        QPainterPath path(a);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        m_dragLine->setPath(path);
        NodeItem *target = nodeAt(b);
        int socket = -1;
        if (target && target->node().kind == NodeKind::Destination)
            socket = target->socketAt(target->mapFromScene(b));
        else
            target = nullptr;
        if (m_dropTarget && m_dropTarget != target)
            m_dropTarget->setDropHighlight(-1);
        m_dropTarget = target;
        if (target)
            target->setDropHighlight(socket);
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
    if (!m_pressPositions.isEmpty() && (event->buttons() & Qt::LeftButton)) {
        const QHash<QString, QPointF> moved = draggedPositions();
        if (!moved.isEmpty()) {
            for (auto it = moved.begin(); it != moved.end(); ++it)
                m_reported.insert(it.key());
            emit nodesMoved(moved, m_gesture, false);
        }
    }
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragFrom) {
        NodeItem *target = nodeAt(event->scenePos());
        const QString from = m_dragFrom->id();
        const int fromSocket = m_dragSocket;
        int socket = -1;
        if (target && target->node().kind == NodeKind::Destination)
            socket = target->socketAt(target->mapFromScene(event->scenePos()));
        const QString to = target ? target->id() : QString();
        clearDrag();
        event->accept();
        if (socket >= 0)
            emit connectionRequested(from, fromSocket, to, socket);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    const QHash<QString, QPointF> moved = draggedPositions();
    const bool report = !moved.isEmpty();
    m_pressPositions.clear();
    m_reported.clear();
    if (report)
        emit nodesMoved(moved, m_gesture, true);
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == EdgeItem::Type) {
            emit edgeActivated(static_cast<EdgeItem *>(item)->edge());
            event->accept();
            return;
        }
        if (item->type() == NodeItem::Type) {
            emit nodeActivated(static_cast<NodeItem *>(item)->id());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_palette.background);
    // A dot grid, spaced so it never gets denser than the eye can use.
    const qreal scale = painter->worldTransform().m11();
    if (scale < 0.45)
        return;
    const qreal step = 24;
    painter->setPen(QPen(m_palette.grid, 2.0 / std::max<qreal>(scale, 0.5)));
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QVector<QPointF> points;
    for (qreal x = left; x < rect.right(); x += step)
        for (qreal y = top; y < rect.bottom(); y += step)
            points.push_back(QPointF(x, y));
    painter->drawPoints(points.data(), static_cast<int>(points.size()));
}

} // namespace meshroute::studio
