#include "traffic/trafficcharts.h"

#include "stats/promql.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace meshroute::studio {

namespace {

constexpr int kMetricCount = 6;
constexpr double kMaxRangeSeconds = 15 * 60;  // the longest range the selector offers
constexpr double kMaxPausedSeconds = 60 * 60; // what a paused view keeps at most

using Metric = TrafficCharts::Metric;

int chartOf(Metric metric)
{
    switch (metric) {
    case Metric::Active:
        return TrafficCharts::ActiveChart;
    case Metric::ClientToUpstream:
    case Metric::UpstreamToClient:
        return TrafficCharts::ThroughputChart;
    case Metric::ConnectionsPerSecond:
        return TrafficCharts::RateChart;
    case Metric::ConnectFailures:
    case Metric::NoRoute:
        return TrafficCharts::FailureChart;
    }
    return TrafficCharts::ActiveChart;
}

double valueOf(const TrafficPoint &p, Metric metric)
{
    switch (metric) {
    case Metric::Active:
        return p.active;
    case Metric::ConnectionsPerSecond:
        return p.connectionsPerSecond;
    case Metric::ClientToUpstream:
        return p.clientToUpstreamPerSecond;
    case Metric::UpstreamToClient:
        return p.upstreamToClientPerSecond;
    case Metric::ConnectFailures:
        return p.connectFailuresPerSecond;
    case Metric::NoRoute:
        return p.noRoutePerSecond;
    }
    return 0;
}

// Digit runs compare as numbers (QCollator's numeric mode depends on the locale's backend).
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Without leading zeros, the longer run is the larger number.
            QStringView na = QStringView(a).mid(i, ei - i);
            QStringView nb = QStringView(b).mid(j, ej - j);
            while (na.size() > 1 && na.front() == QLatin1Char('0'))
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == QLatin1Char('0'))
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool shownKind(SeriesKind kind)
{
    return kind == SeriesKind::Listener || kind == SeriesKind::Route || kind == SeriesKind::Subset;
}

// A number as a person reads it: up to three significant digits, in the user's locale.
QString shortNumber(double value, int maxDecimals = 2)
{
    const double a = std::abs(value);
    const int decimals = std::min(maxDecimals, a >= 100 || a == std::floor(a) ? 0 : a >= 10 ? 1 : 2);
    QString text = QLocale().toString(value, 'f', decimals);
    if (decimals > 0) {
        const QChar point = QLocale().decimalPoint().at(0);
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

const char *const kByteUnits[] = {
    QT_TRANSLATE_NOOP("TrafficCharts", "B/s"), QT_TRANSLATE_NOOP("TrafficCharts", "KiB/s"),
    QT_TRANSLATE_NOOP("TrafficCharts", "MiB/s"), QT_TRANSLATE_NOOP("TrafficCharts", "GiB/s")};

int byteUnitFor(double value)
{
    int unit = 0;
    double a = std::abs(value);
    while (a >= 1024 && unit < 3) {
        a /= 1024;
        ++unit;
    }
    return unit;
}

QString bytesIn(double value, int unit, int maxDecimals = 1)
{
    return shortNumber(value / std::pow(1024.0, unit), unit == 0 ? 0 : maxDecimals) + QLatin1Char(' ') +
           TrafficCharts::tr(kByteUnits[unit]);
}

// Value axis ticks in human units. Byte rates step in the unit of the axis' top
// (0, 0.5, 1, 1.5 KiB/s), connection counts step by whole numbers when asked.
class UnitTicker : public QCPAxisTicker
{
public:
    enum Unit { Count, WholeCount, Bytes };
    explicit UnitTicker(Unit unit)
        : m_unit(unit)
    {
        setTickCount(4);
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        if (m_unit == Bytes) {
            m_byteUnit = byteUnitFor(std::max(std::abs(range.lower), std::abs(range.upper)));
            const double scale = std::pow(1024.0, m_byteUnit);
            return QCPAxisTicker::getTickStep(QCPRange(range.lower / scale, range.upper / scale)) * scale;
        }
        const double step = QCPAxisTicker::getTickStep(range);
        return m_unit == WholeCount ? std::max(1.0, std::round(step)) : step;
    }
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        if (m_unit == Bytes)
            return bytesIn(tick, m_byteUnit, 2);
        return TrafficCharts::formatCount(tick);
    }

private:
    Unit m_unit;
    int m_byteUnit = 0;
};

// The query (proxy/stats/promql.h) each chart's lines correspond to. The dashboards chart
// bytes only; connections and failures are our own queries on the same metrics.
const char *promQlName(TrafficCharts::Chart chart, int line)
{
    switch (chart) {
    case TrafficCharts::ActiveChart:
        return "meshroute.connections-open";
    case TrafficCharts::ThroughputChart: // the gateway's outbound traffic, by destination service
        return line == 0 ? "workload.outbound-services.sent-bytes"
                         : "workload.outbound-services.received-bytes";
    case TrafficCharts::RateChart:
        return "meshroute.connections-opened-rate";
    case TrafficCharts::FailureChart:
        return line == 0 ? "meshroute.connect-failures-rate" : "meshroute.no-route-rate";
    case TrafficCharts::ChartCount:
        break;
    }
    return "";
}

} // namespace

TrafficCharts::TrafficCharts(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_plot(new QCustomPlot(this))
    , m_perLabel(new QLabel(this))
    , m_perBox(new QComboBox(this))
    , m_rangeLabel(new QLabel(this))
    , m_rangeBox(new QComboBox(this))
    , m_pause(new QToolButton(this))
    , m_follow(new QToolButton(this))
    , m_png(new QToolButton(this))
    , m_csv(new QToolButton(this))
{
    for (int i = 0; i < 3; ++i)
        m_perBox->addItem(QString());
    m_perBox->setItemData(0, static_cast<int>(SeriesKind::Listener));
    m_perBox->setItemData(1, static_cast<int>(SeriesKind::Route));
    m_perBox->setItemData(2, static_cast<int>(SeriesKind::Subset));
    for (const int minutes : {1, 5, 15})
        m_rangeBox->addItem(QString(), minutes);
    m_rangeBox->setCurrentIndex(1);
    m_perLabel->setBuddy(m_perBox);
    m_rangeLabel->setBuddy(m_rangeBox);
    m_pause->setCheckable(true);
    m_pause->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_png->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_csv->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_perLabel);
    bar->addWidget(m_perBox);
    bar->addSpacing(8);
    bar->addWidget(m_rangeLabel);
    bar->addWidget(m_rangeBox);
    bar->addSpacing(8);
    bar->addWidget(m_pause);
    bar->addWidget(m_follow);
    bar->addStretch(1);
    bar->addWidget(m_png);
    bar->addWidget(m_csv);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    buildPlot();
    retranslate();
    applyPalette();

    connect(m_perBox, &QComboBox::currentIndexChanged, this,
            [this] { setPer(static_cast<SeriesKind>(m_perBox->currentData().toInt())); });
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this] { setRangeMinutes(m_rangeBox->currentData().toInt()); });
    connect(m_pause, &QToolButton::toggled, this, &TrafficCharts::setPaused);
    connect(m_follow, &QToolButton::clicked, this, &TrafficCharts::followNow);
    connect(m_png, &QToolButton::clicked, this, &TrafficCharts::chooseExportPng);
    connect(m_csv, &QToolButton::clicked, this, &TrafficCharts::chooseExportCsv);
    if (m_session)
        connect(m_session, &LiveSession::sampled, this, &TrafficCharts::refresh);
    refresh();
}

TrafficCharts::~TrafficCharts() = default;

void TrafficCharts::buildPlot()
{
    // The plot's own hint (titles and legends at full width) would make the dock wide.
    m_plot->setMinimumSize(240, 180);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Two columns: the plots (title and axis rect, four times) and one legend for all of them.
    QCPLayoutGrid *top = m_plot->plotLayout();
    top->clear(); // the default axis rect and its legend go
    top->setColumnSpacing(6);
    auto *grid = new QCPLayoutGrid;
    m_chartGrid = grid;
    top->addElement(0, 0, grid);
    grid->setRowSpacing(0);
    grid->setColumnSpacing(12);
    auto *side = new QCPLayoutGrid;
    top->addElement(0, 1, side);
    side->setRowSpacing(0);
    top->setColumnStretchFactor(0, 1);
    top->setColumnStretchFactor(1, 0.001);
    auto *margins = new QCPMarginGroup(m_plot);
    auto timeTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    timeTicker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    timeTicker->setDateTimeSpec(Qt::LocalTime);
    timeTicker->setTickCount(6);
    QFont titleFont = font();
    titleFont.setBold(true);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));

    for (int c = 0; c < ChartCount; ++c) {
        m_titles[c] = new QCPTextElement(m_plot, QString(), titleFont);
        m_titles[c]->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        grid->addElement(2 * c, 0, m_titles[c]);

        auto *rect = new QCPAxisRect(m_plot);
        m_rects[c] = rect;
        rect->axis(QCPAxis::atTop)->setVisible(false);
        rect->axis(QCPAxis::atRight)->setVisible(false);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeZoomFactor(0.85);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        x->setTicker(timeTicker);
        x->setTickLabelFont(small);
        x->setSubTicks(false);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        y->setTicker(QSharedPointer<UnitTicker>::create(c == ActiveChart       ? UnitTicker::WholeCount
                                                        : c == ThroughputChart ? UnitTicker::Bytes
                                                                               : UnitTicker::Count));
        y->setTickLabelFont(small);
        y->setRange(0, 1);
        grid->addElement(2 * c + 1, 0, rect);

        connect(x, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this, c] { onTimeRangeChanged(c); });
        connect(y, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this, c] { onValueRangeChanged(c); });
    }
    // The legend at the top of its column, level with the first plot; a filler below takes the rest.
    m_legend = new QCPLegend;
    side->addElement(0, 0, new QCPLayoutElement(m_plot));
    side->addElement(1, 0, m_legend);
    side->addElement(2, 0, new QCPLayoutElement(m_plot));
    const int titleHeight = QFontMetrics(titleFont).height() + 2; // the first title's text and top margin
    side->element(0, 0)->setMinimumSize(0, titleHeight);
    side->element(0, 0)->setMaximumSize(QWIDGETSIZE_MAX, titleHeight);
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 0.001);
    side->setRowStretchFactor(2, 1);
    m_legend->setLayer(QStringLiteral("legend"));
    m_legend->setFont(small);
    m_legend->setIconSize(18, 8);
    m_legend->setRowSpacing(0);
    m_legend->setColumnSpacing(8);
    m_legend->setMargins(QMargins(4, 2, 4, 2));
    m_legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_legend->setVisible(true);
    arrangePlots(1);
    // The newest view ends now: a first sample fills it.
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    setTimeRange(now - m_rangeMinutes * 60.0, now);

    connect(m_plot, &QCustomPlot::mousePress, this, &TrafficCharts::onMousePress);
    connect(m_plot, &QCustomPlot::mouseWheel, this, &TrafficCharts::onMouseWheel);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TrafficCharts::onMouseMove);
    m_plot->setMouseTracking(true);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &TrafficCharts::onPlotContextMenu);
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) { onLegendClick(item); });
}

void TrafficCharts::arrangePlots(int columns)
{
    // One column of four plots, or two by two when the widget is wide and low (a bottom dock).
    m_columns = columns;
    for (int c = 0; c < ChartCount; ++c) {
        m_chartGrid->take(m_titles[c]);
        m_chartGrid->take(m_rects[c]);
    }
    m_chartGrid->simplify();
    const int rows = ChartCount / columns;
    for (int c = 0; c < ChartCount; ++c) {
        const int row = c / columns;
        const int column = c % columns;
        m_titles[c]->setMargins(QMargins(4, row == 0 ? 2 : 8, 4, 0));
        m_chartGrid->addElement(2 * row, column, m_titles[c]);
        m_chartGrid->addElement(2 * row + 1, column, m_rects[c]);
        m_rects[c]->axis(QCPAxis::atBottom)->setTickLabels(row == rows - 1);
    }
    for (int row = 0; row < rows; ++row) {
        m_chartGrid->setRowStretchFactor(2 * row, 0.001);
        m_chartGrid->setRowStretchFactor(2 * row + 1, 1);
    }
    for (int column = 0; column < columns; ++column)
        m_chartGrid->setColumnStretchFactor(column, 1);
}

void TrafficCharts::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Each plot at least ~110 px high where the width allows two columns of ~360 px.
    const int columns = m_plot->height() < 4 * 110 + 60 && m_plot->width() >= 2 * 360 + 200 ? 2 : 1;
    if (columns != m_columns) {
        arrangePlots(columns);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TrafficCharts::retranslate()
{
    m_perLabel->setText(tr("&Per"));
    m_perBox->setItemText(0, tr("Listener (gateway port)"));
    m_perBox->setItemText(1, tr("Route"));
    m_perBox->setItemText(2, tr("Subset"));
    m_perBox->setToolTip(tr("What each line stands for"));
    m_rangeLabel->setText(tr("&Range"));
    m_rangeBox->setItemText(0, tr("1 min"));
    m_rangeBox->setItemText(1, tr("5 min"));
    m_rangeBox->setItemText(2, tr("15 min"));
    m_rangeBox->setToolTip(tr("How much time the live view shows"));
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(tr("Freeze the view; the data keeps being collected. Resume jumps to now."));
    m_follow->setText(tr("Follow now"));
    m_follow->setToolTip(tr("Show the selected range up to now and fit the value axes"));
    m_png->setText(tr("Export PNG…"));
    m_png->setToolTip(tr("Save the plots as shown as a PNG image"));
    m_csv->setText(tr("Export CSV…"));
    m_csv->setToolTip(tr("Save the data of the visible time span as CSV"));
    m_titles[ActiveChart]->setText(tr("Active connections"));
    m_titles[ThroughputChart]->setText(
        tr("Throughput (bytes/s) — solid: client → upstream, dashed: upstream → client"));
    m_titles[RateChart]->setText(tr("New connections per second"));
    m_titles[FailureChart]->setText(
        tr("Failures per second — solid: upstream connect failures, dotted: no route"));
    for (Lines &lines : m_lines) {
        const auto stored = m_store.find(lines.key);
        if (stored == m_store.end())
            continue;
        for (int m = 0; m < kMetricCount; ++m)
            lines.graphs[m]->setName(lineName(stored->second.label, static_cast<Metric>(m)));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString TrafficCharts::lineName(const QString &label, Metric metric) const
{
    switch (metric) {
    case Metric::ClientToUpstream:
        return tr("%1: client → upstream").arg(label);
    case Metric::UpstreamToClient:
        return tr("%1: upstream → client").arg(label);
    case Metric::ConnectFailures:
        return tr("%1: connect failures").arg(label);
    case Metric::NoRoute:
        return tr("%1: no route").arg(label);
    case Metric::Active:
    case Metric::ConnectionsPerSecond:
        break;
    }
    return label;
}

QColor TrafficCharts::seriesColor(int index) const
{
    // Hues a golden angle apart; lighter lines on a dark background.
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    const int hue = (210 + index * 137) % 360;
    return QColor::fromHsl(hue, dark ? 190 : 200, dark ? 160 : 100);
}

void TrafficCharts::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    QColor axis = text;
    axis.setAlphaF(0.6);
    QColor grid = text;
    grid.setAlphaF(0.12);
    m_plot->setBackground(base);
    for (int c = 0; c < ChartCount; ++c) {
        m_titles[c]->setTextColor(pal.color(QPalette::WindowText));
        for (QCPAxis *a : m_rects[c]->axes()) {
            a->setBasePen(QPen(axis, 0));
            a->setTickPen(QPen(axis, 0));
            a->setSubTickPen(QPen(axis, 0));
            a->setTickLabelColor(text);
            a->setLabelColor(text);
            a->grid()->setPen(QPen(grid, 0, Qt::SolidLine));
            a->grid()->setZeroLinePen(QPen(axis, 0));
        }
    }
    m_legend->setBrush(base);
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setTextColor(text);
    for (Lines &lines : m_lines)
        styleLines(lines);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrafficCharts::styleLines(Lines &lines)
{
    const QColor color = seriesColor(lines.colorIndex);
    QColor off = palette().color(QPalette::Disabled, QPalette::Text);
    if (off == palette().color(QPalette::Text))
        off.setAlphaF(0.45);
    const bool shown = !m_hidden.count(lines.key);
    for (int m = 0; m < kMetricCount; ++m) {
        QCPGraph *g = lines.graphs[m];
        const auto metric = static_cast<Metric>(m);
        // One pixel wide: wider antialiased pens cost twice the replot time with many series.
        QPen pen(color, 1);
        if (metric == Metric::UpstreamToClient)
            pen.setStyle(Qt::DashLine);
        else if (metric == Metric::NoRoute)
            pen.setStyle(Qt::DotLine);
        g->setPen(pen);
        g->setVisible(shown);
    }
    if (QCPAbstractLegendItem *item = m_legend->itemWithPlottable(lines.graphs[0]))
        item->setTextColor(shown ? palette().color(QPalette::Text) : off);
}

TrafficCharts::Lines &TrafficCharts::addLines(const Stored &stored)
{
    Lines lines;
    lines.key = stored.key;
    lines.colorIndex = static_cast<int>(m_lines.size());
    for (int m = 0; m < kMetricCount; ++m) {
        const auto metric = static_cast<Metric>(m);
        QCPAxisRect *rect = m_rects[chartOf(metric)];
        QCPGraph *g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        g->setName(lineName(stored.label, metric));
        g->setProperty("seriesKey", stored.key);
        g->setProperty("metric", m);
        lines.graphs[m] = g;
    }
    // One legend entry per series (its active-connections line) stands for all its lines.
    lines.graphs[static_cast<int>(Metric::Active)]->addToLegend(m_legend);
    styleLines(lines);
    m_lines.push_back(lines);
    return m_lines.back();
}

void TrafficCharts::appendNew(Lines &lines, const Stored &stored)
{
    const auto first = std::upper_bound(stored.points.begin(), stored.points.end(), lines.lastTime,
                                        [](double t, const TrafficPoint &p) { return t < p.time; });
    const auto count = static_cast<int>(std::distance(first, stored.points.end()));
    if (count == 0)
        return;
    // A pause in the samples (the gateway was stopped) breaks the line rather than bridging it.
    const double interval = m_session ? m_session->options().sampleIntervalMs / 1000.0 : 0.25;
    const double gap = std::max(1.0, 4 * interval);
    QVector<double> keys;
    keys.reserve(count + 1);
    std::vector<bool> breaks;
    double previous = lines.lastTime;
    for (auto it = first; it != stored.points.end(); ++it) {
        if (previous > 0 && it->time - previous > gap) {
            keys.push_back(previous + interval);
            breaks.push_back(true);
        }
        keys.push_back(it->time);
        breaks.push_back(false);
        previous = it->time;
    }
    QVector<double> values(keys.size());
    for (int m = 0; m < kMetricCount; ++m) {
        auto it = first;
        for (qsizetype i = 0; i < keys.size(); ++i)
            values[i] =
                breaks[static_cast<std::size_t>(i)] ? qQNaN() : valueOf(*it++, static_cast<Metric>(m));
        lines.graphs[m]->addData(keys, values, true);
    }
    lines.lastTime = keys.back();
}

void TrafficCharts::removeLines(Lines &lines)
{
    // removeGraph() only knows the plot's default legend: leave ours first.
    lines.graphs[static_cast<int>(Metric::Active)]->removeFromLegend(m_legend);
    for (int m = 0; m < kMetricCount; ++m) {
        m_plot->removeGraph(lines.graphs[m]);
        lines.graphs[m] = nullptr;
    }
}

void TrafficCharts::rebuildLines()
{
    for (Lines &lines : m_lines)
        removeLines(lines);
    m_lines.clear();
    // In the order people count: "load-2" before "load-10".
    std::vector<const Stored *> shown;
    for (const auto &[key, stored] : m_store) {
        if (stored.kind == m_per)
            shown.push_back(&stored);
    }
    std::sort(shown.begin(), shown.end(),
              [](const Stored *a, const Stored *b) { return naturalLess(a->label, b->label); });
    for (const Stored *stored : shown)
        appendNew(addLines(*stored), *stored);
    dropOld();
}

void TrafficCharts::refresh()
{
    bool added = false;
    if (m_session) {
        // What is older than the store keeps is not taken again (a session may keep more history).
        const double floor = m_latest > 0 ? storeStart() : 0;
        for (const auto &[key, series] : m_session->series()) {
            if (!shownKind(series.kind) || series.points.empty())
                continue;
            auto found = m_store.find(key);
            const double last =
                found == m_store.end() || found->second.points.empty() ? 0 : found->second.points.back().time;
            auto it = std::upper_bound(series.points.begin(), series.points.end(), std::max(last, floor),
                                       [](double t, const TrafficPoint &p) { return t < p.time; });
            if (found == m_store.end() && it == series.points.end())
                continue; // only old points: a series that ended long ago
            Stored &stored = m_store[key];
            if (stored.key.isEmpty()) {
                stored.key = key;
                stored.kind = series.kind;
            }
            const bool renamed = stored.label != series.label;
            stored.label = series.label;
            for (; it != series.points.end(); ++it)
                stored.points.push_back(*it);
            m_latest = std::max(m_latest, series.points.back().time);
            if (stored.kind != m_per)
                continue;
            auto lines =
                std::find_if(m_lines.begin(), m_lines.end(), [&](const Lines &l) { return l.key == key; });
            if (lines == m_lines.end()) {
                added = true; // a new series: the lines are rebuilt in order below (rare, not per sample)
                continue;
            }
            if (renamed) {
                for (int m = 0; m < kMetricCount; ++m)
                    lines->graphs[m]->setName(lineName(stored.label, static_cast<Metric>(m)));
            }
            appendNew(*lines, stored);
        }
    }
    if (added)
        rebuildLines();
    dropOld();
    placeView();
    fitValueAxes();
    wrapLegend();
    if (m_plot->isVisible()) // a hidden dock costs no painting; showing it replots
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrafficCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrafficCharts::wrapLegend()
{
    // Many series: the entries go on in a next column rather than below the plots.
    const int itemHeight = QFontMetrics(m_legend->font()).height() + 2;
    const int height = m_plot->plotLayout()->outerRect().height() - m_titles[0]->outerRect().height();
    if (height < 3 * itemHeight)
        return; // not laid out yet (or too small to tell): one column
    const int rows = std::max(1, (height - 8) / itemHeight);
    if (m_legend->wrap() != rows) {
        m_legend->setWrap(rows);
        m_legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    }
}

double TrafficCharts::retentionStart() const
{
    // The graphs hold the range (and what a paused or panned view shows); the store
    // holds the longest range, so a wider range or another kind fills at once.
    const double range = m_rangeMinutes * 60.0;
    double start = m_latest - range;
    if (m_paused)
        start = std::max(std::min(start, m_rects[0]->axis(QCPAxis::atBottom)->range().lower),
                         m_latest - kMaxPausedSeconds);
    return start - 2.0; // one point left of the edge, so lines enter from it
}

double TrafficCharts::storeStart() const
{
    return std::min(retentionStart(), m_latest - kMaxRangeSeconds - 2.0);
}

void TrafficCharts::dropOld()
{
    const double graphStart = retentionStart();
    const double oldest = storeStart();
    for (auto it = m_store.begin(); it != m_store.end();) {
        std::deque<TrafficPoint> &points = it->second.points;
        while (!points.empty() && points.front().time < oldest)
            points.pop_front();
        const TrafficSeries *live = m_session ? m_session->findSeries(it->first) : nullptr;
        if (points.empty() && (!live || !live->current)) {
            const QString key = it->first;
            const auto lines =
                std::find_if(m_lines.begin(), m_lines.end(), [&](const Lines &l) { return l.key == key; });
            if (lines != m_lines.end()) {
                removeLines(*lines);
                m_lines.erase(lines);
            }
            it = m_store.erase(it);
        } else {
            ++it;
        }
    }
    for (Lines &lines : m_lines) {
        for (QCPGraph *g : lines.graphs)
            g->data()->removeBefore(graphStart);
    }
}

void TrafficCharts::setTimeRange(double lower, double upper)
{
    m_settingRange = true;
    for (QCPAxisRect *rect : m_rects)
        rect->axis(QCPAxis::atBottom)->setRange(lower, upper);
    m_settingRange = false;
}

void TrafficCharts::placeView()
{
    if (m_paused || m_latest <= 0)
        return;
    const QCPRange shown = m_rects[0]->axis(QCPAxis::atBottom)->range();
    setTimeRange(m_latest - shown.size(), m_latest);
}

void TrafficCharts::fitValueAxes()
{
    for (int c = 0; c < ChartCount; ++c) {
        if (!m_autoValue[c])
            continue;
        QCPAxisRect *rect = m_rects[c];
        const QCPRange time = rect->axis(QCPAxis::atBottom)->range();
        double top = 0;
        for (QCPGraph *g : rect->graphs()) {
            if (!g->visible())
                continue;
            bool found = false;
            const QCPRange r = g->getValueRange(found, QCP::sdBoth, time);
            if (found)
                top = std::max(top, r.upper);
        }
        const double minimum = c == ThroughputChart ? 1024.0 : c == ActiveChart ? 2.0 : 1.0;
        m_settingRange = true;
        rect->axis(QCPAxis::atLeft)->setRange(0, std::max(minimum, top * 1.12));
        m_settingRange = false;
    }
}

void TrafficCharts::onTimeRangeChanged(int chart)
{
    if (m_settingRange)
        return;
    // The user panned or zoomed one plot: the others follow, and the view stops following now.
    const QCPRange range = m_rects[chart]->axis(QCPAxis::atBottom)->range();
    m_settingRange = true;
    for (int c = 0; c < ChartCount; ++c) {
        if (c != chart)
            m_rects[c]->axis(QCPAxis::atBottom)->setRange(range);
    }
    m_settingRange = false;
    if (!m_paused)
        setPaused(true);
    fitValueAxes();
}

void TrafficCharts::onValueRangeChanged(int chart)
{
    if (m_settingRange)
        return;
    m_autoValue[chart] = false;
    // Values below zero mean nothing here.
    QCPAxis *y = m_rects[chart]->axis(QCPAxis::atLeft);
    if (y->range().lower < 0) {
        m_settingRange = true;
        y->setRange(0, std::max(y->range().upper - y->range().lower, 1e-6));
        m_settingRange = false;
    }
}

int TrafficCharts::chartAt(const QPointF &pos) const
{
    for (int c = 0; c < ChartCount; ++c) {
        if (m_rects[c]->outerRect().contains(pos.toPoint()))
            return c;
    }
    return -1;
}

void TrafficCharts::onMousePress(QMouseEvent *event)
{
    // Dragging pans time; with Ctrl it moves the value axis of that plot.
    const Qt::Orientations o = event->modifiers() & Qt::ControlModifier ? Qt::Vertical : Qt::Horizontal;
    for (QCPAxisRect *rect : m_rects)
        rect->setRangeDrag(o);
}

QString TrafficCharts::valuesAt(Chart chart, double time) const
{
    QStringList rows;
    for (const Lines &lines : m_lines) {
        const auto stored = m_store.find(lines.key);
        if (m_hidden.count(lines.key) || stored == m_store.end() || stored->second.points.empty())
            continue;
        // The sample nearest to `time`, if there is one within two seconds.
        const std::deque<TrafficPoint> &points = stored->second.points;
        auto it = std::lower_bound(points.begin(), points.end(), time,
                                   [](const TrafficPoint &p, double t) { return p.time < t; });
        if (it == points.end() || (it != points.begin() && time - (it - 1)->time < it->time - time))
            it = it == points.begin() ? it : it - 1;
        if (std::abs(it->time - time) > 2.0)
            continue;
        const QString label = stored->second.label.toHtmlEscaped();
        switch (chart) {
        case ActiveChart:
            rows << tr("%1: %2 open").arg(label, formatCount(it->active));
            break;
        case ThroughputChart:
            rows << tr("%1: client → upstream %2, upstream → client %3")
                        .arg(label, formatBytesPerSecond(it->clientToUpstreamPerSecond),
                             formatBytesPerSecond(it->upstreamToClientPerSecond));
            break;
        case RateChart:
            rows << tr("%1: %2 conn/s").arg(label, formatCount(it->connectionsPerSecond));
            break;
        case FailureChart:
        case ChartCount:
            rows << tr("%1: connect failures %2/s, no route %3/s")
                        .arg(label, formatCount(it->connectFailuresPerSecond),
                             formatCount(it->noRoutePerSecond));
            break;
        }
    }
    if (rows.isEmpty())
        return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(std::llround(time * 1000.0));
    return QStringLiteral("<b>%1</b><br>%2")
        .arg(when.toString(QStringLiteral("HH:mm:ss")), rows.join(QStringLiteral("<br>")));
}

void TrafficCharts::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    const int chart = chartAt(event->position());
    if (chart < 0 || !m_rects[chart]->rect().contains(event->position().toPoint())) {
        QToolTip::hideText();
        return;
    }
    QCPAxisRect *rect = m_rects[chart];
    const double time = rect->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x());
    const QString values = valuesAt(static_cast<Chart>(chart), time);
    const QString hint = tr("Wheel: zoom time · drag: pan · with Ctrl: the value axis");
    QToolTip::showText(event->globalPosition().toPoint(),
                       values.isEmpty() ? hint
                                        : values + QStringLiteral("<br><i>") + hint + QStringLiteral("</i>"),
                       m_plot, rect->rect());
}

void TrafficCharts::onMouseWheel(QWheelEvent *event)
{
    const Qt::Orientations o = event->modifiers() & Qt::ControlModifier ? Qt::Vertical : Qt::Horizontal;
    for (QCPAxisRect *rect : m_rects)
        rect->setRangeZoom(o);
}

QString TrafficCharts::promQl(Chart chart, int line) const
{
    const proxy::DashboardQuery *query = proxy::findQuery(promQlName(chart, line));
    if (!query || !m_session)
        return {};
    // The services behind the lines shown: a subset's, a route's destinations', or (a gateway
    // port) every service the gateway routes to.
    const proxy::StatsSnapshot &snapshot = m_session->snapshot();
    std::map<QString, std::string> hostOf; // cluster name -> host
    for (const proxy::ClusterStats &c : snapshot.clusters)
        hostOf.emplace(QString::fromStdString(c.name), c.host);
    std::set<std::string> hosts;
    const auto addAll = [&] {
        for (const auto &[name, host] : hostOf)
            hosts.insert(host);
    };
    for (const Lines &lines : m_lines) {
        if (m_hidden.count(lines.key))
            continue;
        if (lines.key.startsWith(QLatin1String("subset:"))) {
            if (const auto it = hostOf.find(lines.key.mid(7)); it != hostOf.end())
                hosts.insert(it->second);
        } else if (lines.key.startsWith(QLatin1String("route:"))) {
            for (const proxy::RouteStats &r : snapshot.routes) {
                if (QString::fromStdString(r.name) != lines.key.mid(6))
                    continue;
                for (const proxy::RouteDestinationStats &d : r.destinations) {
                    if (const auto it = hostOf.find(QString::fromStdString(d.cluster)); it != hostOf.end())
                        hosts.insert(it->second);
                }
            }
        } else {
            addAll();
        }
    }
    if (hosts.empty())
        addAll();
    hosts.erase(std::string());
    if (hosts.empty())
        return {};
    const std::vector<proxy::TemplateValue> values{
        {"namespace", {snapshot.gatewayNamespace}},
        {"workload", {snapshot.gatewayWorkload}},
        {"dstsvc", std::vector<std::string>(hosts.begin(), hosts.end())},
    };
    return QString::fromStdString(proxy::substitute(query->expr, values, query->dashboard));
}

void TrafficCharts::copyPromQl(Chart chart, int line)
{
    const QString query = promQl(chart, line);
    if (!query.isEmpty())
        QGuiApplication::clipboard()->setText(query);
}

QMenu *TrafficCharts::contextMenu(Chart chart, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true);
    const bool twoLines = chart == ThroughputChart || chart == FailureChart;
    for (int line = 0; line < (twoLines ? 2 : 1); ++line) {
        QString text = tr("Copy PromQL");
        if (chart == ThroughputChart)
            text = line == 0 ? tr("Copy PromQL: client → upstream") : tr("Copy PromQL: upstream → client");
        else if (chart == FailureChart)
            text = line == 0 ? tr("Copy PromQL: connect failures") : tr("Copy PromQL: no route");
        QAction *action = menu->addAction(text, this, [this, chart, line] { copyPromQl(chart, line); });
        const proxy::DashboardQuery *query = proxy::findQuery(promQlName(chart, line));
        if (query && !query->dashboard.empty()) {
            action->setToolTip(
                tr("The query of the panel “%1” of Istio's Grafana dashboard %2, for the services "
                   "shown (reporter \"source\": what a gateway reports)")
                    .arg(QString::fromUtf8(query->panel.data(), qsizetype(query->panel.size())),
                         QString::fromUtf8(query->dashboard.data(), qsizetype(query->dashboard.size()))));
        } else {
            action->setToolTip(
                tr("Istio's Grafana dashboards have no panel for this; the query reads the same "
                   "Istio metrics, for the services shown"));
        }
        action->setEnabled(!promQl(chart, line).isEmpty());
    }
    return menu;
}

void TrafficCharts::onPlotContextMenu(const QPoint &pos)
{
    const int chart = chartAt(pos);
    if (chart < 0)
        return;
    QMenu *menu = contextMenu(static_cast<Chart>(chart), this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_plot->mapToGlobal(pos));
}

void TrafficCharts::onLegendClick(QCPAbstractLegendItem *item)
{
    auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plottableItem)
        return;
    const QString key = plottableItem->plottable()->property("seriesKey").toString();
    if (!m_hidden.erase(key))
        m_hidden.insert(key);
    for (Lines &lines : m_lines) {
        if (lines.key == key)
            styleLines(lines);
    }
    fitValueAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrafficCharts::setPer(SeriesKind kind)
{
    if (!shownKind(kind))
        return;
    const int index = m_perBox->findData(static_cast<int>(kind));
    if (m_perBox->currentIndex() != index)
        m_perBox->setCurrentIndex(index); // comes back here
    if (m_per == kind)
        return;
    m_per = kind;
    rebuildLines();
    fitValueAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrafficCharts::setRangeMinutes(int minutes)
{
    const int index = m_rangeBox->findData(minutes);
    if (index < 0)
        return;
    if (m_rangeBox->currentIndex() != index)
        m_rangeBox->setCurrentIndex(index); // comes back here
    if (m_rangeMinutes == minutes)
        return;
    m_rangeMinutes = minutes;
    followNow();
}

void TrafficCharts::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused); // comes back here
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    if (!m_paused) {
        // What a paused view held left of the range goes; the range ends now again.
        placeView();
        dropOld();
        fitValueAxes();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    emit pausedChanged(m_paused);
}

void TrafficCharts::followNow()
{
    for (bool &autoValue : m_autoValue)
        autoValue = true;
    const double now = m_latest > 0 ? m_latest : QDateTime::currentMSecsSinceEpoch() / 1000.0;
    setTimeRange(now - m_rangeMinutes * 60.0, now);
    if (m_paused)
        setPaused(false);
    rebuildLines(); // the range may have grown: take the stored history
    fitValueAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *TrafficCharts::graph(const QString &seriesKey, Metric metric) const
{
    for (const Lines &lines : m_lines) {
        if (lines.key == seriesKey)
            return lines.graphs[static_cast<int>(metric)];
    }
    return nullptr;
}

QStringList TrafficCharts::shownSeries() const
{
    QStringList keys;
    for (const Lines &lines : m_lines)
        keys << lines.key;
    return keys;
}

QString TrafficCharts::formatBytesPerSecond(double value)
{
    return bytesIn(value, byteUnitFor(value));
}

QString TrafficCharts::formatCount(double value)
{
    const double a = std::abs(value);
    if (a >= 1e9)
        return shortNumber(value / 1e9, 1) + QLatin1Char('G');
    if (a >= 1e6)
        return shortNumber(value / 1e6, 1) + QLatin1Char('M');
    if (a >= 1e3)
        return shortNumber(value / 1e3, 1) + QLatin1Char('k');
    return shortNumber(value);
}

bool TrafficCharts::exportPng(const QString &path)
{
    return m_plot->savePng(path, m_plot->width(), m_plot->height());
}

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvNumber(double value)
{
    return QString::number(value, 'g', 12); // QString::number is always the C locale
}

} // namespace

QString TrafficCharts::csv() const
{
    const QCPRange shown = m_rects[0]->axis(QCPAxis::atBottom)->range();
    struct Row
    {
        double time;
        int line;
        const TrafficPoint *point;
    };
    std::vector<Row> rows;
    for (int l = 0; l < static_cast<int>(m_lines.size()); ++l) {
        const auto stored = m_store.find(m_lines[l].key);
        if (stored == m_store.end())
            continue;
        for (const TrafficPoint &p : stored->second.points) {
            if (p.time >= shown.lower && p.time <= shown.upper)
                rows.push_back({p.time, l, &p});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time < b.time; });
    QString out = QStringLiteral("time,unix_time,series,active,connections_per_second,"
                                 "client_to_upstream_bytes_per_second,upstream_to_client_bytes_per_second,"
                                 "connect_failures_per_second,no_route_per_second\n");
    for (const Row &row : rows) {
        const TrafficPoint &p = *row.point;
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(std::llround(p.time * 1000.0), Qt::UTC);
        const QStringList fields{when.toString(Qt::ISODateWithMs),
                                 QString::number(p.time, 'f', 3),
                                 csvField(m_store.at(m_lines[row.line].key).label),
                                 csvNumber(p.active),
                                 csvNumber(p.connectionsPerSecond),
                                 csvNumber(p.clientToUpstreamPerSecond),
                                 csvNumber(p.upstreamToClientPerSecond),
                                 csvNumber(p.connectFailuresPerSecond),
                                 csvNumber(p.noRoutePerSecond)};
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

bool TrafficCharts::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(csv().toUtf8());
    return file.commit();
}

void TrafficCharts::chooseExportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts as PNG"), QStringLiteral("meshroute-traffic.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        QMessageBox::warning(this, tr("Export charts as PNG"), tr("Could not write %1.").arg(path));
}

void TrafficCharts::chooseExportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export traffic data as CSV"),
                                     QStringLiteral("meshroute-traffic.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
        QMessageBox::warning(this, tr("Export traffic data as CSV"), tr("Could not write %1.").arg(path));
}

void TrafficCharts::changeEvent(QEvent *event)
{
    if (!m_titles[0]) {
        QWidget::changeEvent(event);
        return;
    }
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshroute::studio
