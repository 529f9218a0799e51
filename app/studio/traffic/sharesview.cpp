#include "traffic/sharesview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace meshroute::studio {

namespace {

// Below this many expected connections on either side the normal approximation of
// the binomial is too rough to call anything.
constexpr double kMinimumExpected = 5;
constexpr double kSigmas = 3;

QString percent(double value)
{
    const int decimals = value == std::floor(value) ? 0 : 1;
    return SharesView::tr("%1 %").arg(QLocale().toString(value, 'f', decimals));
}

QColor warningColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    return dark ? QColor(255, 120, 110) : QColor(190, 30, 20);
}

// The share column: the configured share as an outlined bar with a tick at its
// end, the observed share as a filled bar below it, on one 0-100 % track.
class ShareBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, QModelIndex()); // selection background only
        const QVariant configured = index.data(SharesView::ConfiguredRole);
        if (!configured.isValid())
            return;
        const QVariant observed = index.data(SharesView::ObservedPercentRole);
        const QPalette &pal = option.palette;
        const QRectF track = QRectF(option.rect).adjusted(4, 3, -4, -3);
        const double half = track.height() / 2;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        QColor trackColor = pal.color(QPalette::Text);
        trackColor.setAlphaF(0.08);
        painter->fillRect(track, trackColor);
        QColor accent = pal.color(QPalette::Highlight);
        const double c = std::clamp(configured.toDouble(), 0.0, 100.0) / 100.0;
        QRectF configuredBar(track.left(), track.top(), track.width() * c, half - 1);
        QColor light = accent;
        light.setAlphaF(0.25);
        painter->fillRect(configuredBar, light);
        painter->setPen(QPen(accent, 1));
        painter->drawRect(configuredBar.adjusted(0, 0, -1, -1));
        if (observed.isValid()) {
            const double o = std::clamp(observed.toDouble(), 0.0, 100.0) / 100.0;
            painter->fillRect(QRectF(track.left(), track.top() + half, track.width() * o, half), accent);
        }
        // The configured share's end across both bars, so the eye compares at once.
        painter->setPen(QPen(pal.color(QPalette::Text), 1));
        const double x = track.left() + track.width() * c;
        painter->drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(std::max(size.width(), 160));
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 6));
        return size;
    }
};

} // namespace

SharesView::Verdict SharesView::judge(std::uint64_t observed, std::uint64_t total, double configuredPercent)
{
    Verdict v;
    const double p = std::clamp(configuredPercent / 100.0, 0.0, 1.0);
    const double n = static_cast<double>(total);
    const double expected = n * p;
    if (total == 0) {
        v.text = tr("no connections yet");
        return v;
    }
    if (p <= 0 || p >= 1) {
        // Weight 0 (or the only weight): every connection goes one way.
        const bool exact = static_cast<double>(observed) == expected;
        v.kind = exact ? Verdict::Within : Verdict::Outside;
        v.text = exact ? tr("as configured") : tr("should be %1, is %2").arg(expected).arg(observed);
        return v;
    }
    const double rarer = std::min(p, 1 - p);
    if (n * rarer < kMinimumExpected) {
        const auto needed = static_cast<qulonglong>(std::ceil(kMinimumExpected / rarer));
        v.text = tr("too few connections yet (%1 of %2)").arg(total).arg(needed);
        return v;
    }
    const double sd = std::sqrt(n * p * (1 - p));
    v.sigmas = (static_cast<double>(observed) - expected) / sd;
    const QString z = QLocale().toString(std::abs(v.sigmas) < 0.05 ? 0.0 : v.sigmas, 'f', 1); // no "-0.0"
    if (std::abs(v.sigmas) <= kSigmas + 1e-9) { // 3.0 exactly counts as within, rounding aside
        v.kind = Verdict::Within;
        v.text = tr("within 3σ (z = %1)").arg(z);
    } else {
        v.kind = Verdict::Outside;
        v.text = tr("off by %1σ: not what the weights explain")
                     .arg(QLocale().toString(std::abs(v.sigmas), 'f', 1));
    }
    return v;
}

SharesView::SharesView(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_hint(new QLabel(this))
    , m_reset(new QPushButton(this))
    , m_tree(new QTreeWidget(this))
{
    m_hint->setWordWrap(true);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setItemDelegateForColumn(ShareColumn, new ShareBarDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_hint, 1);
    top->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);

    retranslate();
    connect(m_reset, &QPushButton::clicked, this, &SharesView::reset);
    if (m_session)
        connect(m_session, &LiveSession::sampled, this, &SharesView::refresh);
    refresh();
}

void SharesView::retranslate()
{
    m_tree->setHeaderLabels({tr("Route / destination"), tr("Configured"), tr("Observed"), tr("Observed %"),
                             tr("Configured ▭ / observed ▬"), tr("Verdict")});
    m_reset->setText(tr("&Reset counts"));
    m_reset->setToolTip(tr("Count the connections from now on"));
    m_shape.clear(); // the texts are rebuilt on the next refresh
    refresh();
}

void SharesView::rebuild(const std::vector<RouteShare> &shares)
{
    m_tree->clear();
    for (const RouteShare &share : shares) {
        auto *routeItem = new QTreeWidgetItem(m_tree);
        routeItem->setText(DestinationColumn, share.route);
        routeItem->setToolTip(DestinationColumn, share.graphNode);
        QFont bold = routeItem->font(DestinationColumn);
        bold.setBold(true);
        routeItem->setFont(DestinationColumn, bold);
        for (const RouteShare::Destination &d : share.destinations) {
            auto *item = new QTreeWidgetItem(routeItem);
            item->setText(DestinationColumn, d.label);
            item->setToolTip(DestinationColumn, d.label);
            for (const int c : {ConfiguredColumn, ObservedColumn, ObservedPercentColumn})
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        routeItem->setTextAlignment(ObservedColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tree->expandAll();
    for (int c = 0; c < VerdictColumn; ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(ShareColumn, std::max(m_tree->columnWidth(ShareColumn), 180));
}

void SharesView::refresh()
{
    const std::vector<RouteShare> shares = m_session ? m_session->routeShares() : std::vector<RouteShare>{};
    QStringList shape;
    for (const RouteShare &share : shares) {
        shape << share.route;
        for (const RouteShare::Destination &d : share.destinations)
            shape << QStringLiteral("\t") + d.label;
    }
    if (shape != m_shape || m_tree->topLevelItemCount() != static_cast<int>(shares.size())) {
        rebuild(shares);
        m_shape = shape;
    }
    m_hint->setText(shares.empty() ? tr("No weighted route runs: give a route two or more destinations with "
                                        "weights to compare the configured split with the traffic.")
                                   : tr("Connections per destination since the last reset, beside the "
                                        "configured weights."));
    const QColor warn = warningColor(palette());
    const QColor normal = palette().color(QPalette::Text);
    for (std::size_t r = 0; r < shares.size(); ++r) {
        const RouteShare &share = shares[r];
        QTreeWidgetItem *routeItem = m_tree->topLevelItem(static_cast<int>(r));
        routeItem->setText(ObservedColumn, QLocale().toString(static_cast<qulonglong>(share.total)));
        routeItem->setData(ObservedColumn, ObservedRole, static_cast<qulonglong>(share.total));
        Verdict::Kind worst = Verdict::Within;
        for (std::size_t d = 0; d < share.destinations.size(); ++d) {
            const RouteShare::Destination &dest = share.destinations[d];
            QTreeWidgetItem *item = routeItem->child(static_cast<int>(d));
            const Verdict v = judge(dest.observed, share.total, dest.configured);
            item->setText(ConfiguredColumn, percent(dest.configured));
            item->setData(ConfiguredColumn, ConfiguredRole, dest.configured);
            item->setText(ObservedColumn, QLocale().toString(static_cast<qulonglong>(dest.observed)));
            item->setData(ObservedColumn, ObservedRole, static_cast<qulonglong>(dest.observed));
            item->setText(ObservedPercentColumn, share.total ? percent(dest.observedPercent) : tr("–"));
            item->setData(ObservedPercentColumn, ObservedPercentRole, dest.observedPercent);
            item->setData(ShareColumn, ConfiguredRole, dest.configured);
            item->setData(ShareColumn, ObservedPercentRole,
                          share.total ? QVariant(dest.observedPercent) : QVariant());
            item->setToolTip(ShareColumn, tr("configured %1, observed %2")
                                              .arg(percent(dest.configured),
                                                   share.total ? percent(dest.observedPercent) : tr("–")));
            item->setText(VerdictColumn, v.text);
            item->setData(VerdictColumn, VerdictRole, static_cast<int>(v.kind));
            item->setForeground(VerdictColumn, v.kind == Verdict::Outside ? warn : normal);
            if (v.kind == Verdict::TooFew)
                worst = Verdict::TooFew;
            else if (v.kind == Verdict::Outside && worst != Verdict::TooFew)
                worst = Verdict::Outside;
        }
        const QString routeVerdict = worst == Verdict::TooFew    ? tr("too few connections yet")
                                     : worst == Verdict::Outside ? tr("differs from the weights")
                                                                 : tr("as configured: every share within 3σ");
        routeItem->setText(VerdictColumn, routeVerdict);
        routeItem->setData(VerdictColumn, VerdictRole, static_cast<int>(worst));
        routeItem->setForeground(VerdictColumn, worst == Verdict::Outside ? warn : normal);
    }
}

void SharesView::reset()
{
    if (m_session)
        m_session->resetShares();
    refresh();
}

void SharesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace meshroute::studio
