#include "graph/graphitems.h"

#include "graph/graphscene.h"
#include "graph/layeredlayout.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace meshroute::studio {

GraphPalette GraphPalette::forTheme(bool dark)
{
    GraphPalette p;
    p.dark = dark;
    if (dark) {
        p.background = QColor(0x1e, 0x20, 0x24);
        p.grid = QColor(0x2a, 0x2d, 0x33);
        p.nodeFill = QColor(0x2b, 0x2f, 0x36);
        p.nodeBorder = QColor(0x4a, 0x50, 0x5a);
        p.text = QColor(0xe8, 0xea, 0xed);
        p.mutedText = QColor(0xa0, 0xa6, 0xb0);
        p.selection = QColor(0x4d, 0xa3, 0xff);
        p.gateway = QColor(0x2f, 0x6f, 0xb3);
        p.route = QColor(0x7b, 0x4f, 0xae);
        p.destination = QColor(0x2e, 0x8b, 0x57);
        p.workload = QColor(0xa8, 0x6b, 0x1f);
        p.ghost = QColor(0x8a, 0x2b, 0x2b);
        p.edge = QColor(0x9a, 0xa4, 0xb1);
        p.brokenEdge = QColor(0xff, 0x5c, 0x5c);
        p.labelFill = QColor(0x35, 0x3a, 0x42);
        p.socket = QColor(0xcf, 0xd6, 0xdf);
        p.dragLine = QColor(0x4d, 0xa3, 0xff);
        p.live = QColor(0x34, 0xd3, 0x99);
        p.busy = QColor(0xff, 0x6b, 0x6b);
    } else {
        p.background = QColor(0xf7, 0xf8, 0xfa);
        p.grid = QColor(0xe9, 0xec, 0xf0);
        p.nodeFill = QColor(0xff, 0xff, 0xff);
        p.nodeBorder = QColor(0xc3, 0xc8, 0xd0);
        p.text = QColor(0x1f, 0x23, 0x28);
        p.mutedText = QColor(0x5f, 0x66, 0x70);
        p.selection = QColor(0x1a, 0x73, 0xe8);
        p.gateway = QColor(0x3b, 0x7d, 0xd8);
        p.route = QColor(0x8e, 0x5c, 0xc7);
        p.destination = QColor(0x2f, 0x9e, 0x63);
        p.workload = QColor(0xc7, 0x84, 0x2c);
        p.ghost = QColor(0xd1, 0x43, 0x43);
        p.edge = QColor(0x7d, 0x86, 0x92);
        p.brokenEdge = QColor(0xd1, 0x24, 0x24);
        p.labelFill = QColor(0xff, 0xff, 0xff);
        p.socket = QColor(0x55, 0x5d, 0x68);
        p.dragLine = QColor(0x1a, 0x73, 0xe8);
        p.live = QColor(0x05, 0x96, 0x69);
        p.busy = QColor(0xd1, 0x24, 0x24);
    }
    return p;
}

QString bytesRateText(double bytesPerSecond)
{
    static const char *const units[] = {"B/s", "KiB/s", "MiB/s", "GiB/s"};
    int unit = 0;
    while (bytesPerSecond >= 1024 && unit < 3) {
        bytesPerSecond /= 1024;
        ++unit;
    }
    // Three significant figures at most: 312 B/s, 4.5 KiB/s, 179 KiB/s.
    return QStringLiteral("%1 %2")
        .arg(bytesPerSecond, 0, 'f', unit == 0 || bytesPerSecond >= 10 ? 0 : 1)
        .arg(QLatin1String(units[unit]));
}

QColor GraphPalette::header(NodeKind kind) const
{
    switch (kind) {
    case NodeKind::Gateway:
        return gateway;
    case NodeKind::Route:
        return route;
    case NodeKind::Destination:
        return destination;
    case NodeKind::Workload:
        return workload;
    case NodeKind::Ghost:
        return ghost;
    }
    return gateway;
}

// ------------------------------------------------------------------ NodeItem

NodeItem::NodeItem(const GraphNode &node, const GraphPalette *palette)
    : m_node(node)
    , m_palette(palette)
    , m_size(geometry::nodeSize(node))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setToolTip(node.tooltip);
    setZValue(1);
}

void NodeItem::setNode(const GraphNode &node)
{
    if (node == m_node)
        return;
    const QSizeF size = geometry::nodeSize(node);
    // The edges' ends are where the sockets are: only a new size or other sockets move them (a
    // tooltip, a badge or a title of the same width does not).
    const bool socketsMoved =
        size != m_size ||
        !std::equal(node.sockets.begin(), node.sockets.end(), m_node.sockets.begin(), m_node.sockets.end(),
                    [](const GraphSocket &a, const GraphSocket &b) { return a.key == b.key; });
    // A new tooltip alone (a problem of the resource reworded) changes nothing drawn.
    GraphNode drawn = node;
    drawn.tooltip = m_node.tooltip;
    const bool looksSame = drawn == m_node;
    if (size != m_size)
        prepareGeometryChange();
    m_node = node;
    m_size = size;
    if (socketsMoved)
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    if (looksSame) {
        setToolTip(tooltipText());
        return;
    }
    m_face.reset();
    setPortStates(m_ports); // the tooltip, with the live ports' states; repaints
}

QString NodeItem::tooltipText() const
{
    QString tip = m_node.tooltip;
    for (auto it = m_ports.cbegin(); it != m_ports.cend(); ++it) {
        if (it.key() >= 0 && it.key() < m_node.sockets.size() && !it.value().text.isEmpty())
            tip += QStringLiteral("<br>%1: %2")
                       .arg(m_node.sockets[it.key()].label.toHtmlEscaped(), it.value().text.toHtmlEscaped());
    }
    return tip;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the socket dots that stick out on both sides, the badge and the selection outline.
    return QRectF(-8, -10, m_size.width() + 16, m_size.height() + 18);
}

int NodeItem::socketAt(const QPointF &local) const
{
    if (local.x() < -8 || local.x() > m_size.width() + 8)
        return -1;
    const qreal y = local.y() - geometry::headerHeight;
    if (y < 0)
        return -1;
    const int index = static_cast<int>(y / geometry::socketHeight);
    return index < m_node.sockets.size() ? index : -1;
}

bool NodeItem::isDragHandle(const QPointF &local, int *socket) const
{
    if (m_node.kind == NodeKind::Gateway) {
        const int index = socketAt(local);
        if (index >= 0 && socket)
            *socket = index;
        return index >= 0;
    }
    if (m_node.kind == NodeKind::Route) {
        // The route's output handle: the dot on its right edge.
        const QPointF handle(m_size.width(), geometry::socketCentre(-1));
        if (socket)
            *socket = -1;
        return QLineF(local, handle).length() <= 10;
    }
    return false;
}

QPointF NodeItem::anchor(int socket, bool right) const
{
    return mapToScene(QPointF(right ? m_size.width() : 0, geometry::socketCentre(socket)));
}

void NodeItem::setPortStates(const QHash<int, LivePort> &states)
{
    m_ports = states;
    setToolTip(tooltipText());
    update();
}

void NodeItem::setDropHighlight(int socket)
{
    if (m_dropSocket != socket) {
        m_dropSocket = socket;
        update();
    }
}

void NodeItem::setDimmed(bool dimmed)
{
    setOpacity(dimmed ? 0.25 : 1.0);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    if (change == ItemSelectedHasChanged)
        setZValue(value.toBool() ? 2 : 1);
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

namespace {

QStaticText plainText(const QString &text, const QFont &font)
{
    QStaticText staticText(text);
    staticText.setTextFormat(Qt::PlainText);
    staticText.setPerformanceHint(QStaticText::AggressiveCaching);
    staticText.prepare(QTransform(), font);
    return staticText;
}

// Draw `text` left-aligned (or centred) in `rect`, vertically centred, as drawText with
// Qt::AlignVCenter would.
void drawIn(QPainter *painter, const QRectF &rect, const QStaticText &text, bool centred = false)
{
    const QSizeF size = text.size();
    const qreal x = centred ? rect.left() + (rect.width() - size.width()) / 2 : rect.left();
    painter->drawStaticText(QPointF(x, rect.top() + (rect.height() - size.height()) / 2), text);
}

} // namespace

const NodeItem::Face &NodeItem::face(const QFont &base)
{
    if (m_face && m_face->base == base)
        return *m_face;
    auto face = std::make_unique<Face>();
    face->base = base;
    const qreal width = m_size.width();
    // The header: rounded at the top, square where it meets the sockets; one path filled with the
    // winding rule, so the two shapes' overlap is filled once.
    face->header.setFillRule(Qt::WindingFill);
    face->header.addRoundedRect(QRectF(0, 0, width, geometry::headerHeight), 7, 7);
    face->header.addRect(QRectF(0, geometry::headerHeight - 8, width, 8));

    face->title = base;
    face->title.setBold(true);
    face->title.setPointSizeF(9.5);
    face->small = base;
    face->small.setPointSizeF(8);
    face->socket = face->small;
    face->socket.setBold(true);
    face->socket.setPointSizeF(8.5);
    face->badge = face->small;
    face->badge.setBold(true);

    const qreal textLeft = 12;
    const qreal textWidth = width - textLeft - 22;
    const QFontMetricsF titleMetrics(face->title);
    const QFontMetricsF smallMetrics(face->small);
    const QFontMetricsF socketMetrics(face->socket);
    face->titleText =
        plainText(titleMetrics.elidedText(m_node.title, Qt::ElideMiddle, textWidth), face->title);
    face->subtitleText =
        plainText(smallMetrics.elidedText(m_node.subtitle, Qt::ElideRight, textWidth), face->small);
    face->badgeText =
        plainText(m_node.badge == Badge::Info ? QStringLiteral("i") : QStringLiteral("!"), face->badge);
    face->rows.reserve(m_node.sockets.size());
    for (const GraphSocket &socket : m_node.sockets) {
        Face::Row row;
        const QString label = socketMetrics.elidedText(socket.label, Qt::ElideRight, 90);
        row.label = plainText(label, face->socket);
        row.detailLeft = textLeft + socketMetrics.horizontalAdvance(label) + 8;
        row.detail = plainText(
            smallMetrics.elidedText(socket.detail, Qt::ElideRight, width - row.detailLeft - 14), face->small);
        face->rows.push_back(std::move(row));
    }
    m_face = std::move(face);
    return *m_face;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const GraphPalette &p = *m_palette;
    const QRectF body(0, 0, m_size.width(), m_size.height());
    const bool ghost = m_node.kind == NodeKind::Ghost;
    const bool faded = ghost || m_node.inactive; // a ghost, or a rule the local gateway does not run
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const Face &f = face(painter->font());
    painter->setRenderHint(QPainter::Antialiasing);

    // Body and header.
    QPen border(isSelected() ? p.selection : (m_hovered ? p.header(m_node.kind) : p.nodeBorder),
                isSelected() ? 2.5 : 1.2);
    if (ghost)
        border.setStyle(Qt::DashLine);
    else if (m_node.inactive)
        border.setStyle(Qt::DotLine);
    painter->setPen(border);
    QColor fill = p.nodeFill;
    if (faded)
        fill.setAlpha(150);
    painter->setBrush(fill);
    painter->drawRoundedRect(body, 7, 7);

    QColor headerColor = p.header(m_node.kind);
    headerColor.setAlpha(faded ? 60 : (p.dark ? 110 : 40));
    painter->setPen(Qt::NoPen);
    painter->setBrush(headerColor);
    painter->drawPath(f.header);
    painter->setBrush(p.header(m_node.kind));
    painter->drawRoundedRect(QRectF(0, 0, 5, geometry::headerHeight), 2, 2);

    if (lod < 0.35) {
        // Far away: a block of colour is all that reads.
        return;
    }

    const qreal textLeft = 12;
    const qreal textWidth = body.width() - textLeft - 22;
    painter->setFont(f.title);
    painter->setPen(ghost ? p.brokenEdge : (m_node.inactive ? p.mutedText : p.text));
    drawIn(painter, QRectF(textLeft, 4, textWidth, 20), f.titleText);
    painter->setFont(f.small);
    painter->setPen(p.mutedText);
    drawIn(painter, QRectF(textLeft, 22, textWidth, 18), f.subtitleText);

    // Sockets.
    const bool inputs = m_node.kind == NodeKind::Destination;
    const bool outputs = m_node.kind == NodeKind::Gateway || m_node.kind == NodeKind::Destination;
    for (int i = 0; i < f.rows.size(); ++i) {
        const Face::Row &row = f.rows[i];
        const qreal top = geometry::headerHeight + i * geometry::socketHeight;
        if (i == m_dropSocket) {
            QColor glow = p.selection;
            glow.setAlpha(60);
            painter->setPen(Qt::NoPen);
            painter->setBrush(glow);
            painter->drawRect(QRectF(0, top, body.width(), geometry::socketHeight).adjusted(1, 1, -1, -1));
        }
        painter->setFont(f.socket);
        painter->setPen(p.text);
        drawIn(painter, QRectF(textLeft, top, 95, geometry::socketHeight), row.label);
        painter->setFont(f.small);
        painter->setPen(p.mutedText);
        drawIn(painter,
               QRectF(row.detailLeft, top, body.width() - row.detailLeft - 14, geometry::socketHeight),
               row.detail);
        painter->setPen(QPen(p.nodeFill, 1.5));
        painter->setBrush(p.header(m_node.kind));
        const qreal cy = geometry::socketCentre(i);
        if (inputs)
            painter->drawEllipse(QPointF(0, cy), 5, 5);
        if (outputs)
            painter->drawEllipse(QPointF(body.width(), cy), 5, 5);
        if (const auto state = m_ports.constFind(i);
            state != m_ports.cend() && state->state != PortState::None) {
            // The port on the running local gateway: a lit dot when it listens.
            const QColor color = state->state == PortState::Listening ? p.live
                                 : state->state == PortState::Busy    ? p.busy
                                                                      : p.mutedText;
            painter->setPen(QPen(color, 1.4));
            painter->setBrush(state->state == PortState::NotServed ? QBrush(Qt::NoBrush) : QBrush(color));
            painter->drawEllipse(QPointF(body.width() - 16, cy), 4, 4);
        }
    }
    // Header handles: routes take input on the left and give output on the right; workloads take input.
    painter->setPen(QPen(p.nodeFill, 1.5));
    painter->setBrush(p.header(m_node.kind));
    const qreal hy = geometry::socketCentre(-1);
    if (m_node.kind == NodeKind::Route || m_node.kind == NodeKind::Workload)
        painter->drawEllipse(QPointF(0, hy), 5, 5);
    if (m_node.kind == NodeKind::Route)
        painter->drawEllipse(QPointF(body.width(), hy), 6, 6);

    // Badge for problems.
    if (m_node.badge != Badge::None) {
        const QColor color = m_node.badge == Badge::Error     ? QColor(0xd9, 0x30, 0x25)
                             : m_node.badge == Badge::Warning ? QColor(0xe3, 0x9b, 0x0b)
                                                              : QColor(0x3b, 0x82, 0xf6);
        const QPointF centre(body.width() - 12, 12);
        painter->setPen(QPen(p.nodeFill, 1.5));
        painter->setBrush(color);
        painter->drawEllipse(centre, 8, 8);
        painter->setPen(Qt::white);
        painter->setFont(f.badge);
        drawIn(painter, QRectF(centre.x() - 8, centre.y() - 8, 16, 16), f.badgeText, true);
    }
}

// ------------------------------------------------------------------ EdgeItem

EdgeItem::EdgeItem(const GraphEdge &edge, NodeItem *from, NodeItem *to, const GraphPalette *palette)
    : m_edge(edge)
    , m_from(from)
    , m_to(to)
    , m_palette(palette)
{
    setFlags(ItemIsSelectable);
    setZValue(edge.broken ? 0.5 : 0);
    from->addEdge(this);
    to->addEdge(this);
    setToolTip(baseToolTip());
    adjust();
}

void EdgeItem::setEdge(const GraphEdge &edge)
{
    if (edge == m_edge)
        return;
    m_edge = edge;
    setLive(m_live); // z order and tooltip follow the edge and its traffic; repaints
}

QString EdgeItem::baseToolTip() const
{
    if (m_edge.broken) {
        QString tip = QCoreApplication::translate("meshroute::studio::GraphScene", "Broken reference: %1")
                          .arg(m_to->node().title + QStringLiteral(" — ") + m_to->node().subtitle);
        if (!m_edge.reason.isEmpty())
            tip += QLatin1Char('\n') + m_edge.reason;
        return tip;
    }
    return m_edge.inactive ? m_edge.reason : QString(); // why the local gateway does not run it
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    const int fromSocket = m_edge.fromSocket.isEmpty() ? -1 : m_from->node().socketIndex(m_edge.fromSocket);
    const int toSocket = m_edge.toSocket.isEmpty() ? -1 : m_to->node().socketIndex(m_edge.toSocket);
    const QPointF a = m_from->anchor(fromSocket, true);
    const QPointF b = m_to->anchor(toSocket, false);
    const qreal dx = std::max<qreal>(40, (b.x() - a.x()) / 2);
    QPainterPath path(a);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    m_path = path;
    m_end = b;
    const QString text = liveText();
    if (!m_edge.label.isEmpty()) {
        const QPointF at = path.pointAtPercent(0.74); // near the subsets, where split edges are apart
        QFont font = QApplication::font();
        font.setPointSizeF(8);
        font.setBold(true);
        qreal width = QFontMetricsF(font).horizontalAdvance(m_edge.label) + 12;
        if (!text.isEmpty()) { // one label: "80% · 3 open · 94 KiB/s"
            QFont liveFont = font;
            liveFont.setBold(false);
            liveFont.setPointSizeF(7.5);
            width += QFontMetricsF(liveFont).horizontalAdvance(QStringLiteral(" · ") + text);
        }
        m_labelRect = QRectF(at.x() - width / 2, at.y() - 9, width, 18);
    } else {
        m_labelRect = QRectF();
    }
    if (!text.isEmpty() && m_labelRect.isNull()) {
        const QPointF at = m_path.pointAtPercent(0.5);
        QFont font = QApplication::font();
        font.setPointSizeF(7.5);
        const qreal width = QFontMetricsF(font).horizontalAdvance(text) + 10;
        m_liveRect = QRectF(at.x() - width / 2, at.y() - 8, width, 16);
    } else {
        m_liveRect = QRectF();
    }
}

void EdgeItem::setLive(const std::optional<LiveEdge> &live)
{
    m_live = live;
    // Above the nodes while it carries a label, so the numbers stay readable on short edges.
    setZValue(live && !liveText().isEmpty() ? 1.5 : (m_edge.broken ? 0.5 : 0));
    if (live && !live->tooltip.isEmpty())
        setToolTip(live->tooltip);
    else
        setToolTip(baseToolTip());
    adjust();
    update();
}

QString EdgeItem::liveText() const
{
    if (!m_live || (m_live->active <= 0 && m_live->bytesPerSecond <= 0 && m_live->connectionsPerSecond <= 0))
        return {};
    QStringList parts;
    parts << GraphScene::tr("%n open", nullptr, static_cast<int>(m_live->active));
    if (m_live->bytesPerSecond > 0)
        parts << bytesRateText(m_live->bytesPerSecond);
    return parts.join(QStringLiteral(" · "));
}

qreal EdgeItem::penWidth() const
{
    if (!m_live || liveText().isEmpty())
        return 1.6;
    // Thickness follows the traffic: logarithmic in bytes/s, at least 2.4 while connections are open.
    const qreal byRate = 1.6 + 1.25 * std::log10(1.0 + m_live->bytesPerSecond / 100.0);
    return std::clamp<qreal>(std::max<qreal>(byRate, 2.4), 2.4, 10.0);
}

QRectF EdgeItem::boundingRect() const
{
    const qreal margin = 4 + penWidth() / 2;
    return m_path.boundingRect()
        .united(m_labelRect)
        .united(m_liveRect)
        .adjusted(-margin, -margin, margin, margin);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(m_path);
    if (!m_labelRect.isNull())
        shape.addRect(m_labelRect);
    return shape;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const GraphPalette &p = *m_palette;
    painter->setRenderHint(QPainter::Antialiasing);
    const bool flowing = !liveText().isEmpty();
    QColor color = m_edge.broken ? p.brokenEdge : (flowing ? p.live : p.edge);
    if (m_edge.inactive && !flowing) { // drawn, but not run by the local gateway: greyed
        color = p.mutedText;
        color.setAlpha(140);
    }
    if (isSelected() || m_from->isSelected() || m_to->isSelected())
        color = m_edge.broken ? p.brokenEdge : p.selection;
    QPen pen(color, flowing ? penWidth() : (isSelected() ? 2.6 : 1.6));
    pen.setCosmetic(false);
    if (m_edge.broken)
        pen.setStyle(Qt::DashLine);
    else if (m_edge.inactive)
        pen.setStyle(Qt::DotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    // Arrow head at the target.
    const QPointF end = m_end;
    painter->setBrush(color);
    painter->setPen(Qt::NoPen);
    QPolygonF head;
    head << end << end + QPointF(-8, -4) << end + QPointF(-8, 4);
    painter->drawPolygon(head);

    if (!m_labelRect.isNull()) {
        painter->setPen(QPen(color, 1));
        painter->setBrush(p.labelFill);
        painter->drawRoundedRect(m_labelRect, 8, 8);
        QFont font = painter->font();
        font.setPointSizeF(8);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(p.text);
        const QString live = liveText();
        if (live.isEmpty()) {
            painter->drawText(m_labelRect, Qt::AlignCenter, m_edge.label);
        } else {
            const QRectF text = m_labelRect.adjusted(6, 0, -6, 0);
            painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_edge.label);
            QFont liveFont = font;
            liveFont.setBold(false);
            liveFont.setPointSizeF(7.5);
            painter->setFont(liveFont);
            painter->setPen(p.live);
            painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral(" · ") + live);
        }
    }
    if (!m_liveRect.isNull()) {
        painter->setPen(QPen(p.live, 1));
        QColor fill = p.labelFill;
        fill.setAlpha(235);
        painter->setBrush(fill);
        painter->drawRoundedRect(m_liveRect, 7, 7);
        QFont font = painter->font();
        font.setPointSizeF(7.5);
        font.setBold(false);
        painter->setFont(font);
        painter->setPen(p.live);
        painter->drawText(m_liveRect, Qt::AlignCenter, liveText());
    }
}

} // namespace meshroute::studio
