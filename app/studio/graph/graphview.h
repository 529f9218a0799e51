#pragma once

#include <QGraphicsView>

#include <functional>

namespace meshroute::studio {

class GraphScene;

// Zoom with the wheel (towards the cursor) or the keyboard, pan with the middle
// button or Space + drag, rubber-band selection with the left button, and arrow
// keys to walk the graph: Left/Right follow edges, Up/Down move within a column.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal factor);
    // A percentage edited in place over `scenePos` (an edge's weight label): Enter or leaving it
    // calls `apply` with the value, Escape cancels. One editor at a time.
    void editPercentAt(const QPointF &scenePos, int value, const QString &toolTip,
                       std::function<void(int)> apply);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();
    void centreOn(const QString &nodeId);

signals:
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void scaleBy(qreal factor);
    void walk(int key);
    GraphScene *m_scene;
    bool m_panning = false;
};

} // namespace meshroute::studio
