#pragma once

// The "Watching" charts: active connections, throughput (each direction named),
// connection rate and failures of the running local gateway, scrolling in real
// time. The series are per listener (gateway port), per route or per subset.
//
// The charts keep their own copy of what the session sampled (up to 15 minutes,
// the session keeps 5) and, on every LiveSession::sampled(), append only the
// points newer than the last one to the graphs, drop the points that left the
// range and queue one replot. Changing what the lines are per rebuilds the graphs
// once from that copy.
//
//   auto *charts = new TrafficCharts(&liveSession, dock);
//   charts->setPer(SeriesKind::Route);
//   charts->setRangeMinutes(15);
//   charts->exportCsv(path);
//   charts->copyPromQl(TrafficCharts::ThroughputChart, 1); // what the chart's context menu does

#include "live/livesession.h"

#include <QWidget>

#include <deque>
#include <map>
#include <set>
#include <vector>

class QComboBox;
class QCPAbstractLegendItem;
class QCPAxisRect;
class QCPGraph;
class QCPLayoutGrid;
class QCPLegend;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QMenu;
class QMouseEvent;
class QToolButton;
class QWheelEvent;

namespace meshroute::studio {

class TrafficCharts : public QWidget
{
    Q_OBJECT

public:
    // The four plots, top to bottom.
    enum Chart { ActiveChart, ThroughputChart, RateChart, FailureChart, ChartCount };
    // One line of a series; Throughput has two (one per direction), Failures two.
    enum class Metric {
        Active,
        ConnectionsPerSecond,
        ClientToUpstream,
        UpstreamToClient,
        ConnectFailures,
        NoRoute
    };

    explicit TrafficCharts(LiveSession *session, QWidget *parent = nullptr);
    ~TrafficCharts() override;

    // What one line stands for: SeriesKind::Listener, Route or Subset.
    void setPer(SeriesKind kind);
    SeriesKind per() const { return m_per; }
    // How much time the view shows when following now: 1, 5 or 15 minutes.
    void setRangeMinutes(int minutes);
    int rangeMinutes() const { return m_rangeMinutes; }

    // Paused: the view stays where it is while the data keeps coming. Resuming jumps to now.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Back to the live view: the selected range ending now, value axes fitted, not paused.
    void followNow();

    // The plots as one PNG of the widget's plot size (false when it cannot be written).
    bool exportPng(const QString &path);
    // The data of the selected kind in the visible time span: one header row, then
    // "time,unix_time,series,active,..." per series and sample, numbers in the C locale.
    QString csv() const;
    bool exportCsv(const QString &path) const;

    // For the dock and the tests.
    QCustomPlot *plot() const { return m_plot; }
    QCPAxisRect *axisRect(Chart chart) const { return m_rects[chart]; }
    // One legend for the four plots: an entry per series; a click shows or hides all its lines.
    QCPLegend *legend() const { return m_legend; }
    bool isSeriesHidden(const QString &seriesKey) const { return m_hidden.count(seriesKey) > 0; }
    // The line of one series and metric (null when that series is not shown).
    QCPGraph *graph(const QString &seriesKey, Metric metric) const;
    // The keys of the series that have lines now, in display order.
    QStringList shownSeries() const;
    // What the tooltip shows for a plot at a time: each shown series' values there, in human units (rich
    // text).
    QString valuesAt(Chart chart, double time) const;
    // 1: the plots one below the other; 2: two by two (the widget is wide and low).
    int plotColumns() const { return m_columns; }
    // The time (Unix seconds) of the newest sample the charts hold.
    double latestTime() const { return m_latest; }

    // "Copy PromQL": the Prometheus query of Istio's Grafana dashboards (proxy/stats/promql.h) that
    // shows what a chart shows, for the services of the lines shown, as Grafana would send it.
    // `line` 1 is the second line of Throughput (upstream → client) and Failures (no route).
    // Empty when the gateway has no service yet.
    QString promQl(Chart chart, int line = 0) const;
    void copyPromQl(Chart chart, int line = 0);
    // The menu a right click on `chart` opens (the caller owns it).
    QMenu *contextMenu(Chart chart, QWidget *parent);

    // Human units for the axes and tooltips: "512 B/s", "1.5 KiB/s", "3.2 MiB/s"; "12", "1.2k", "3.4M".
    static QString formatBytesPerSecond(double value);
    static QString formatCount(double value);

public slots:
    // Takes the points the session sampled since the last call (connected to sampled()).
    void refresh();

signals:
    void pausedChanged(bool paused);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Stored
    {
        QString key;
        QString label;
        SeriesKind kind = SeriesKind::Listener;
        std::deque<TrafficPoint> points; // oldest first
    };
    struct Lines
    {
        QString key;
        QCPGraph *graphs[6] = {}; // indexed by Metric
        double lastTime = 0;      // newest point already in the graphs
        int colorIndex = 0;
    };

    void buildPlot();
    void arrangePlots(int columns);
    void retranslate();
    void applyPalette();
    void rebuildLines();
    Lines &addLines(const Stored &stored);
    void appendNew(Lines &lines, const Stored &stored);
    void removeLines(Lines &lines);
    void styleLines(Lines &lines);
    QString lineName(const QString &label, Metric metric) const;
    void dropOld();
    void wrapLegend();
    void placeView();
    void fitValueAxes();
    void setTimeRange(double lower, double upper);
    void onTimeRangeChanged(int chart);
    void onValueRangeChanged(int chart);
    void onMousePress(QMouseEvent *event);
    void onMouseWheel(QWheelEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onLegendClick(QCPAbstractLegendItem *item);
    void onPlotContextMenu(const QPoint &pos);
    void chooseExportPng();
    void chooseExportCsv();
    int chartAt(const QPointF &pos) const;
    double retentionStart() const;
    double storeStart() const;
    QColor seriesColor(int index) const;

    LiveSession *m_session;
    SeriesKind m_per = SeriesKind::Listener;
    int m_rangeMinutes = 5;
    bool m_paused = false;
    bool m_settingRange = false; // the charts move the axes (not the user)
    bool m_autoValue[ChartCount] = {true, true, true, true};
    double m_latest = 0;

    std::map<QString, Stored> m_store; // every listener, route and subset series seen
    std::vector<Lines> m_lines;        // the shown kind, in display order
    std::set<QString> m_hidden;        // keys of the series the user switched off in the legend

    QCustomPlot *m_plot;
    QCPAxisRect *m_rects[ChartCount] = {};
    QCPLegend *m_legend = nullptr;
    QCPTextElement *m_titles[ChartCount] = {};
    QCPLayoutGrid *m_chartGrid = nullptr;
    int m_columns = 1;
    QLabel *m_perLabel;
    QComboBox *m_perBox;
    QLabel *m_rangeLabel;
    QComboBox *m_rangeBox;
    QToolButton *m_pause;
    QToolButton *m_follow;
    QToolButton *m_png;
    QToolButton *m_csv;
};

} // namespace meshroute::studio
