#pragma once

// "Configured versus observed": for every weighted route of the running gateway,
// each destination's configured share beside the connections it got since the
// last reset, a bar with both, and whether the difference is what chance
// explains (a binomial with the configured share, within 3 sigma).
//
//   auto *shares = new SharesView(&liveSession, dock);   // follows LiveSession::sampled()

#include "live/livesession.h"

#include <QWidget>

#include <cstdint>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace meshroute::studio {

class SharesView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        DestinationColumn,
        ConfiguredColumn,
        ObservedColumn,
        ObservedPercentColumn,
        ShareColumn,
        VerdictColumn,
        ColumnCount
    };
    // Item data roles of the tree's numbers (Qt::DisplayRole holds the text).
    enum Role { ConfiguredRole = Qt::UserRole + 1, ObservedRole, ObservedPercentRole, VerdictRole };

    struct Verdict
    {
        enum Kind { TooFew, Within, Outside };
        Kind kind = TooFew;
        double sigmas = 0; // (observed - expected) / standard deviation; 0 when TooFew
        QString text;
    };
    // `observed` of `total` connections went to a destination configured for `configuredPercent`.
    static Verdict judge(std::uint64_t observed, std::uint64_t total, double configuredPercent);

    explicit SharesView(LiveSession *session, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *resetButton() const { return m_reset; }

public slots:
    void refresh(); // connected to LiveSession::sampled()
    void reset();   // counts from now on (LiveSession::resetShares())

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild(const std::vector<RouteShare> &shares);

    LiveSession *m_session;
    QLabel *m_hint;
    QPushButton *m_reset;
    QTreeWidget *m_tree;
    QStringList m_shape; // route and destination labels the items were built for
};

} // namespace meshroute::studio
