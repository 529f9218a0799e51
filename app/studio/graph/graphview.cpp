#include "graph/graphview.h"

#include <QShortcut>
#include <QSpinBox>

#include "graph/graphscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace meshroute::studio {

namespace {
constexpr qreal minZoom = 0.05;
constexpr qreal maxZoom = 4.0;
} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::setZoom(qreal factor)
{
    factor = std::clamp(factor, minZoom, maxZoom);
    QTransform t;
    t.scale(factor, factor);
    setTransform(t);
    emit zoomChanged(factor);
}

void GraphView::scaleBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void GraphView::zoomIn()
{
    scaleBy(1.25);
}

void GraphView::zoomOut()
{
    scaleBy(0.8);
}

void GraphView::resetZoom()
{
    setZoom(1.0);
}

void GraphView::fitAll()
{
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setZoom(1.0);
    else
        emit zoomChanged(zoom());
    centerOn(bounds.center());
}

void GraphView::centreOn(const QString &nodeId)
{
    if (QGraphicsItem *item = m_scene->nodeItem(nodeId))
        centerOn(item);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event); // scroll
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        scaleBy(std::pow(1.15, steps));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (!(event->modifiers() & Qt::ControlModifier)) {
            walk(event->key());
            return;
        }
        break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_panning = true;
            setDragMode(QGraphicsView::ScrollHandDrag);
        }
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_panning = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        setDragMode(QGraphicsView::ScrollHandDrag);
        // ScrollHandDrag pans with the left button: hand the press over as one.
        QMouseEvent press(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                          Qt::LeftButton, event->modifiers());
        QGraphicsView::mousePressEvent(&press);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        QMouseEvent release(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                            Qt::NoButton, event->modifiers());
        QGraphicsView::mouseReleaseEvent(&release);
        if (!m_panning)
            setDragMode(QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::walk(int key)
{
    const QStringList selected = m_scene->selectedNodeIds();
    const GraphModel &graph = m_scene->graph();
    if (graph.nodes().isEmpty())
        return;
    if (selected.isEmpty()) {
        m_scene->selectNodes({graph.nodes().front().id});
        centreOn(graph.nodes().front().id);
        return;
    }
    NodeItem *current = m_scene->nodeItem(selected.front());
    if (!current)
        return;
    QString next;
    if (key == Qt::Key_Left || key == Qt::Key_Right) {
        // The nearest node connected on that side.
        qreal best = 1e18;
        for (EdgeItem *edge : m_scene->edgeItems()) {
            NodeItem *other = nullptr;
            if (key == Qt::Key_Right && edge->fromNode() == current)
                other = edge->toNode();
            if (key == Qt::Key_Left && edge->toNode() == current)
                other = edge->fromNode();
            if (!other)
                continue;
            const qreal distance = std::abs(other->pos().y() - current->pos().y());
            if (distance < best) {
                best = distance;
                next = other->id();
            }
        }
    } else {
        qreal best = 1e18;
        for (const GraphNode &node : graph.nodes()) {
            if (node.column != current->node().column || node.id == current->id())
                continue;
            NodeItem *item = m_scene->nodeItem(node.id);
            const qreal dy = item->pos().y() - current->pos().y();
            if ((key == Qt::Key_Down && dy > 0 && dy < best) || (key == Qt::Key_Up && dy < 0 && -dy < best)) {
                best = std::abs(dy);
                next = node.id;
            }
        }
    }
    if (!next.isEmpty()) {
        m_scene->selectNodes({next});
        ensureVisible(m_scene->nodeItem(next), 40, 40);
    }
}

void GraphView::editPercentAt(const QPointF &scenePos, int value, const QString &toolTip,
                              std::function<void(int)> apply)
{
    delete viewport()->findChild<QSpinBox *>(QStringLiteral("inlineWeight"));
    auto *editor = new QSpinBox(viewport());
    editor->setObjectName(QStringLiteral("inlineWeight"));
    editor->setRange(0, 100);
    editor->setSuffix(QStringLiteral(" %"));
    editor->setValue(value);
    editor->setKeyboardTracking(false);
    editor->setToolTip(toolTip);
    editor->adjustSize();
    editor->move(mapFromScene(scenePos) - QPoint(editor->width() / 2, editor->height() / 2));
    editor->show();
    editor->setFocus();
    editor->selectAll();
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), editor, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, editor, [editor] {
        editor->setProperty("cancelled", true);
        editor->hide();
        editor->deleteLater();
    });
    connect(editor, &QSpinBox::editingFinished, this, [editor, apply = std::move(apply)] {
        if (editor->property("cancelled").toBool() || editor->property("done").toBool())
            return;
        editor->setProperty("done", true);
        editor->hide();
        editor->deleteLater();
        apply(editor->value());
    });
}

} // namespace meshroute::studio
