#pragma once

// The connection table: finished connections of the local gateway, newest last,
// bounded (the oldest rows go), filled one batch per sample so that a thousand
// connections a second cost one insert per sample. A filter field searches every
// column; the columns sort (numbers as numbers). Selecting a row tells which graph
// items the connection went through, so the window can highlight its path.

#include "stats/snapshot.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QWidget>

#include <deque>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace meshroute::studio {

class LiveSession;

// The graph items of one connection's path (empty strings where unknown).
struct ConnectionPath
{
    QString gatewayNode;     // "gateway:default/tcp-echo-gateway"
    QString gatewaySocket;   // the Gateway server's index, "0"
    QString routeNode;       // "route:default/tcp-echo/tcp/0"
    QString destinationNode; // "destination:tcp-echo.default.svc.cluster.local"
    QString subset;          // the destination's subset socket: "v1", "*" for the whole service
    QString workloadNode;    // "workload:Deployment/default/tcp-echo-v1", when the pod is known
    std::uint64_t connection = 0;

    bool isEmpty() const { return gatewayNode.isEmpty() && routeNode.isEmpty() && destinationNode.isEmpty(); }
    QStringList nodes() const; // the non-empty node ids, gateway first
};

class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Id,
        Client,
        GatewayPort,
        Route,
        Subset,
        Pod,
        BytesClientToUpstream,
        BytesUpstreamToClient,
        Duration,
        State,
        CloseReason,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; // numbers for numeric columns, text otherwise

    explicit ConnectionsModel(QObject *parent = nullptr);

    void setCapacity(int rows); // at least 1; the oldest rows go first
    int capacity() const { return m_capacity; }
    // Appends one batch (oldest first): one row insertion, and one removal when full.
    void append(const std::vector<proxy::ConnectionRecord> &records);
    // The connections open now, shown after the finished ones (state "open"); replaces the last set.
    void setOpen(const std::vector<proxy::ConnectionRecord> &open);
    void clear();
    const proxy::ConnectionRecord &record(int row) const;
    int finishedCount() const { return static_cast<int>(m_rows.size()); }
    int openCount() const { return static_cast<int>(m_open.size()); }
    std::uint64_t dropped() const { return m_dropped; } // rows that went for capacity

    static QString stateText(proxy::CloseReason reason);   // closed, rejected, failed, stopped
    static QString reasonText(proxy::CloseReason reason);  // translated close reason
    static QString gatewayOf(const std::string &listener); // "default/gw" from "default/gw:31400"
    static QString portOf(const std::string &listener);    // "31400"

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate(); // headers and texts after a language change

private:
    std::deque<proxy::ConnectionRecord> m_rows;
    std::vector<proxy::ConnectionRecord> m_open;
    int m_capacity = 10000;
    std::uint64_t m_dropped = 0;
};

class ConnectionsView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionsView(LiveSession *session, QWidget *parent = nullptr);

    ConnectionsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filter; }
    void setFilterText(const QString &text);
    // The path of a connection, named as the graph names its items.
    ConnectionPath pathOf(const proxy::ConnectionRecord &record) const;
    ConnectionPath selectedPath() const;

signals:
    // The selected row changed; an empty path when nothing is selected.
    void pathSelected(const meshroute::studio::ConnectionPath &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onSelectionChanged();
    void updateCount();
    void fitColumns();

    LiveSession *m_session;
    ConnectionsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_count;
    QPushButton *m_clear;
    ConnectionPath m_lastPath;
    bool m_sized = false; // columns fitted to the first rows
};

} // namespace meshroute::studio
