#include "traffic/connectionsview.h"

#include "graph/nodeid.h"

#include "live/livesession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace meshroute::studio {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString durationText(std::chrono::microseconds d)
{
    const double ms = static_cast<double>(d.count()) / 1000.0;
    if (ms < 1000)
        return ConnectionsModel::tr("%1 ms").arg(ms, 0, 'f', ms < 10 ? 2 : 1);
    return ConnectionsModel::tr("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

} // namespace

QStringList ConnectionPath::nodes() const
{
    QStringList out;
    for (const QString &id : {gatewayNode, routeNode, destinationNode, workloadNode}) {
        if (!id.isEmpty())
            out << id;
    }
    return out;
}

// ---- ConnectionsModel ------------------------------------------------------------------

ConnectionsModel::ConnectionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConnectionsModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    const int excess = finishedCount() - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_dropped += static_cast<std::uint64_t>(excess);
        endRemoveRows();
    }
}

void ConnectionsModel::append(const std::vector<proxy::ConnectionRecord> &records)
{
    if (records.empty())
        return;
    // A batch larger than the table keeps only its newest rows.
    const std::size_t keep = std::min(records.size(), static_cast<std::size_t>(m_capacity));
    const std::size_t skip = records.size() - keep;
    m_dropped += skip;
    const int excess = finishedCount() + static_cast<int>(keep) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_dropped += static_cast<std::uint64_t>(excess);
        endRemoveRows();
    }
    const int first = finishedCount(); // finished rows come before the open ones
    beginInsertRows({}, first, first + static_cast<int>(keep) - 1);
    m_rows.insert(m_rows.end(), records.begin() + static_cast<std::ptrdiff_t>(skip), records.end());
    endInsertRows();
}

void ConnectionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_open.clear();
    endResetModel();
}

void ConnectionsModel::setOpen(const std::vector<proxy::ConnectionRecord> &open)
{
    const int first = finishedCount();
    const bool sameRows =
        open.size() == m_open.size() && std::equal(open.begin(), open.end(), m_open.begin(),
                                                   [](const auto &a, const auto &b) { return a.id == b.id; });
    if (sameRows) {
        // The same connections: only their bytes and durations moved (a selection stays put).
        m_open = open;
        if (!m_open.empty())
            emit dataChanged(index(first, 0),
                             index(first + static_cast<int>(m_open.size()) - 1, ColumnCount - 1));
        return;
    }
    if (!m_open.empty()) {
        beginRemoveRows({}, first, first + static_cast<int>(m_open.size()) - 1);
        m_open.clear();
        endRemoveRows();
    }
    if (!open.empty()) {
        beginInsertRows({}, first, first + static_cast<int>(open.size()) - 1);
        m_open = open;
        endInsertRows();
    }
}

const proxy::ConnectionRecord &ConnectionsModel::record(int row) const
{
    const auto finished = static_cast<std::size_t>(finishedCount());
    const auto r = static_cast<std::size_t>(row);
    return r < finished ? m_rows[r] : m_open[r - finished];
}

QString ConnectionsModel::stateText(proxy::CloseReason reason)
{
    using proxy::CloseReason;
    switch (reason) {
    case CloseReason::Finished:
        return tr("closed");
    case CloseReason::NoRoute:
    case CloseReason::Overflow:
    case CloseReason::NoHealthyUpstream:
    case CloseReason::ConnectFailed:
        return tr("rejected"); // never reached an upstream
    case CloseReason::IdleTimeout:
    case CloseReason::ClientError:
    case CloseReason::UpstreamError:
        return tr("failed");
    case CloseReason::Stopped:
        return tr("stopped");
    }
    return {};
}

QString ConnectionsModel::reasonText(proxy::CloseReason reason)
{
    using proxy::CloseReason;
    switch (reason) {
    case CloseReason::Finished:
        return tr("finished");
    case CloseReason::NoRoute:
        return tr("no route");
    case CloseReason::Overflow:
        return tr("connection limit");
    case CloseReason::NoHealthyUpstream:
        return tr("no healthy upstream");
    case CloseReason::ConnectFailed:
        return tr("upstream connect failed");
    case CloseReason::IdleTimeout:
        return tr("idle timeout");
    case CloseReason::ClientError:
        return tr("client error");
    case CloseReason::UpstreamError:
        return tr("upstream error");
    case CloseReason::Stopped:
        return tr("gateway stopped");
    }
    return q(proxy::closeReasonName(reason));
}

QString ConnectionsModel::gatewayOf(const std::string &listener)
{
    const auto colon = listener.rfind(':');
    return q(colon == std::string::npos ? listener : listener.substr(0, colon));
}

QString ConnectionsModel::portOf(const std::string &listener)
{
    const auto colon = listener.rfind(':');
    return colon == std::string::npos ? QString() : q(listener.substr(colon + 1));
}

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size() + m_open.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const proxy::ConnectionRecord &r = record(index.row());
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case Id:
        case GatewayPort:
        case BytesClientToUpstream:
        case BytesUpstreamToClient:
        case Duration:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case Id:
            return QVariant::fromValue<qulonglong>(r.id);
        case GatewayPort:
            return portOf(r.listener).toInt();
        case BytesClientToUpstream:
            return QVariant::fromValue<qulonglong>(r.bytesFromClient);
        case BytesUpstreamToClient:
            return QVariant::fromValue<qulonglong>(r.bytesToClient);
        case Duration:
            return QVariant::fromValue<qlonglong>(r.duration.count());
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == GatewayPort)
            return q(r.listener);
        if (column == Subset)
            return q(r.cluster);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Id:
        return QString::number(r.id);
    case Client:
        return q(r.client);
    case GatewayPort:
        return portOf(r.listener);
    case Route:
        // A TLS PASSTHROUGH port's connection: the server name that chose the rule (or none did).
        if (!r.serverName.empty())
            return r.route.empty() ? tr("none for SNI %1").arg(q(r.serverName))
                                   : tr("%1 (SNI %2)").arg(q(r.route), q(r.serverName));
        return q(r.route);
    case Subset:
        return r.subset.empty() && !r.cluster.empty() ? tr("all") : q(r.subset);
    case Pod:
        return q(r.endpoint);
    case BytesClientToUpstream:
        return QString::number(r.bytesFromClient);
    case BytesUpstreamToClient:
        return QString::number(r.bytesToClient);
    case Duration:
        return durationText(r.duration);
    case State:
        return r.open ? tr("open") : stateText(r.reason);
    case CloseReason:
        return r.open ? QString() : reasonText(r.reason);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BytesClientToUpstream:
            return tr("Bytes read from the client and sent towards the upstream");
        case BytesUpstreamToClient:
            return tr("Bytes read from the upstream and written back to the client");
        case GatewayPort:
            return tr("The Gateway server's port (before any local port offset)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Id");
    case Client:
        return tr("Client");
    case GatewayPort:
        return tr("Gateway port");
    case Route:
        return tr("Route");
    case Subset:
        return tr("Subset");
    case Pod:
        return tr("Pod");
    case BytesClientToUpstream:
        return tr("Client → upstream (B)");
    case BytesUpstreamToClient:
        return tr("Upstream → client (B)");
    case Duration:
        return tr("Duration");
    case State:
        return tr("State");
    case CloseReason:
        return tr("Close reason");
    default:
        return {};
    }
}

void ConnectionsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

// ---- ConnectionsView -------------------------------------------------------------------

ConnectionsView::ConnectionsView(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ConnectionsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_clear(new QPushButton(this))
{
    m_model->setCapacity(static_cast<int>(std::min<std::size_t>(session->options().finishedCapacity, 10000)));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConnectionsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_filter->setObjectName(QStringLiteral("connectionFilter"));
    m_filter->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("connectionTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConnectionsModel::Id, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    top->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ConnectionsView::setFilterText);
    connect(m_clear, &QPushButton::clicked, m_model, &ConnectionsModel::clear);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionsView::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ConnectionsView::updateCount);
    // Columns fit their headers and the first rows once; later batches never re-measure.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_sized)
            return;
        m_sized = true;
        fitColumns();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConnectionsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ConnectionsView::updateCount);
    // The session batches what finished since the last sample: one insertion per sample.
    connect(session, &LiveSession::connectionsFinished, m_model, &ConnectionsModel::append);
    // Open connections too, refreshed every sample (after the finished ones of that sample).
    session->setTrackOpenConnections(true);
    connect(session, &LiveSession::connectionsOpen, m_model, &ConnectionsModel::setOpen);

    const auto &finished = session->finished();
    m_model->append(std::vector<proxy::ConnectionRecord>(finished.begin(), finished.end()));
    if (!m_sized)
        fitColumns(); // at least the headers
    retranslate();
}

void ConnectionsView::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    else
        m_proxy->setFilterFixedString(text.trimmed());
    updateCount();
}

ConnectionPath ConnectionsView::pathOf(const proxy::ConnectionRecord &record) const
{
    ConnectionPath path;
    path.connection = record.id;
    if (!record.listener.empty()) {
        path.gatewayNode = nodeid::gateway(ConnectionsModel::gatewayOf(record.listener).toStdString());
        if (const TrafficSeries *s = m_session->findSeries(QStringLiteral("listener:") + q(record.listener)))
            path.gatewaySocket = s->graphSocket;
    }
    const std::shared_ptr<const RouteTable> table = m_session->table();
    if (!record.route.empty()) {
        bool found = false;
        if (table) {
            for (const meshroute::Route &route : table->routes) {
                if (route.name == record.route) {
                    path.routeNode = LiveSession::graphRouteId(route);
                    found = true;
                    break;
                }
            }
        }
        if (!found) // a route of an earlier table: "ns/vs tcp[i]" names it all the same
            path.routeNode = nodeid::routeFromName(record.route);
    }
    if (!record.cluster.empty()) {
        std::string host;
        const meshroute::Cluster *cluster = nullptr;
        if (table) {
            for (const meshroute::Cluster &c : table->clusters) {
                if (c.name == record.cluster) {
                    cluster = &c;
                    break;
                }
            }
        }
        if (cluster) {
            host = cluster->host;
        } else {
            // outbound|3333|v1|tcp-echo.default.svc.cluster.local
            const auto bar = record.cluster.rfind('|');
            host = bar == std::string::npos ? record.cluster : record.cluster.substr(bar + 1);
        }
        path.destinationNode = nodeid::destination(host);
        path.subset = nodeid::subsetSocket(record.subset);
        if (cluster && !record.endpoint.empty()) {
            for (const meshroute::Endpoint &e : cluster->endpoints) {
                if (e.name != record.endpoint || e.workload.empty())
                    continue;
                path.workloadNode = e.pod >= 0 ? nodeid::deployment(e.workloadNamespace, e.workload)
                                               : nodeid::workloadEntry(e.workloadNamespace, e.workload);
                break;
            }
        }
    }
    return path;
}

ConnectionPath ConnectionsView::selectedPath() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return {};
    return pathOf(m_model->record(source.row()));
}

void ConnectionsView::fitColumns()
{
    m_table->resizeColumnsToContents();
    // Ids grow: leave room for seven digits.
    const int idWidth = m_table->fontMetrics().horizontalAdvance(QStringLiteral("9999999")) + 12;
    if (m_table->columnWidth(ConnectionsModel::Id) < idWidth)
        m_table->setColumnWidth(ConnectionsModel::Id, idWidth);
}

void ConnectionsView::onSelectionChanged()
{
    const ConnectionPath path = selectedPath();
    if (path.connection == m_lastPath.connection && path.nodes() == m_lastPath.nodes())
        return;
    m_lastPath = path;
    emit pathSelected(path);
}

void ConnectionsView::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QLocale locale;
    m_count->setText(shown == all
                         ? tr("%1 connections").arg(locale.toString(all))
                         : tr("%1 of %2 connections").arg(locale.toString(shown), locale.toString(all)));
}

void ConnectionsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConnectionsView::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter: client, route, subset, pod, reason…"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Empty the table (the gateway keeps running)"));
    m_model->retranslate();
    updateCount();
}

} // namespace meshroute::studio
