#include "traffic/tcpclient.h"

#include "live/livesession.h"
#include "relay/clienthello.h"
#include "views/diagnostictext.h"

#include <QComboBox>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTcpSocket>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace meshroute::studio {

namespace {

constexpr int kGatewayPortRole = Qt::UserRole;
constexpr int kBoundPortRole = Qt::UserRole + 1;
constexpr int kSniRole = Qt::UserRole + 2;     // a TLS PASSTHROUGH port: routed by server name
constexpr int kSniNameRole = Qt::UserRole + 3; // a name one of its rules lists (exact names first)
constexpr int kMaxTranscriptBlocks = 5000;

} // namespace

namespace {

// A name to try on a PASSTHROUGH port: the first exact name its rules list, else one under the
// first "*." wildcard, else none (only "*" rules).
QString suggestedServerName(const Listener &listener)
{
    QString wildcard;
    for (const SniRoute &route : listener.sniRoutes) {
        for (const std::string &host : route.sniHosts) {
            if (host.find('*') == std::string::npos)
                return QString::fromStdString(host);
            if (wildcard.isEmpty() && host.size() > 2 && host.compare(0, 2, "*.") == 0)
                wildcard = QStringLiteral("www") + QString::fromStdString(host.substr(1));
        }
    }
    return wildcard;
}

} // namespace

ReceivedSplit splitReceived(const QByteArray &data)
{
    const auto n = data.size();
    const auto byte = [&data](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    const auto continuation = [&](qsizetype i) { return (byte(i) & 0xc0) == 0x80; };
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = byte(i);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
                return {i, n};
            ++i;
            continue;
        }
        const qsizetype length = c >= 0xc2 && c <= 0xdf   ? 2
                                 : c >= 0xe0 && c <= 0xef ? 3
                                 : c >= 0xf0 && c <= 0xf4 ? 4
                                                          : 0;
        if (length == 0)
            return {i, n};
        qsizetype k = 1;
        while (k < length && i + k < n && continuation(i + k))
            ++k;
        if (k == length) {
            i += length;
            continue;
        }
        if (i + k == n)
            return {i, i}; // cut by the read: the rest comes next time
        return {i, n};
    }
    return {n, n};
}

TcpClientPanel::TcpClientPanel(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_socket(new QTcpSocket(this))
    , m_ports(new QComboBox(this))
    , m_serverName(new QLineEdit(this))
    , m_connect(new QPushButton(this))
    , m_clear(new QPushButton(this))
    , m_transcript(new QPlainTextEdit(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(this))
    , m_status(new QLabel(this))
{
    m_ports->setObjectName(QStringLiteral("clientPort"));
    m_ports->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_serverName->setObjectName(QStringLiteral("clientServerName"));
    m_serverName->setVisible(false);
    m_serverName->setMinimumWidth(m_serverName->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_connect->setObjectName(QStringLiteral("clientConnect"));
    m_transcript->setObjectName(QStringLiteral("clientTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setMaximumBlockCount(kMaxTranscriptBlocks);
    m_input->setObjectName(QStringLiteral("clientInput"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_send->setObjectName(QStringLiteral("clientSend"));
    m_status->setObjectName(QStringLiteral("clientStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_ports, 1);
    top->addWidget(m_serverName, 1);
    top->addWidget(m_connect);
    top->addWidget(m_clear);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_input, 1);
    bottom->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_transcript, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_status);

    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            connectToSelected();
        else
            disconnectFromPeer();
    });
    connect(m_clear, &QPushButton::clicked, m_transcript, &QPlainTextEdit::clear);
    connect(m_send, &QPushButton::clicked, this, [this] {
        sendLine(m_input->text());
        m_input->clear();
    });
    connect(m_input, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_socket, &QTcpSocket::connected, this, &TcpClientPanel::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClientPanel::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClientPanel::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClientPanel::onError);
    connect(m_socket, &QTcpSocket::stateChanged, this, &TcpClientPanel::updateButtons);
    connect(m_ports, &QComboBox::currentIndexChanged, this, &TcpClientPanel::updateServerName);
    connect(session, &LiveSession::runningChanged, this, &TcpClientPanel::refreshPorts);
    connect(session, &LiveSession::applied, this, &TcpClientPanel::refreshPorts);

    retranslate();
    refreshPorts();
    setStatus(tr("Not connected."));
}

TcpClientPanel::~TcpClientPanel()
{
    m_socket->disconnect(this); // no slots into a half-destroyed panel
    m_socket->abort();
}

int TcpClientPanel::portCount() const
{
    return m_ports->count();
}

quint32 TcpClientPanel::gatewayPortAt(int index) const
{
    return m_ports->itemData(index, kGatewayPortRole).toUInt();
}

quint16 TcpClientPanel::boundPortAt(int index) const
{
    return static_cast<quint16>(m_ports->itemData(index, kBoundPortRole).toUInt());
}

bool TcpClientPanel::selectGatewayPort(quint32 gatewayPort)
{
    for (int i = 0; i < m_ports->count(); ++i) {
        if (gatewayPortAt(i) == gatewayPort) {
            m_ports->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool TcpClientPanel::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QString TcpClientPanel::transcript() const
{
    return m_transcript->toPlainText();
}

QString TcpClientPanel::status() const
{
    return m_status->text();
}

void TcpClientPanel::refreshPorts()
{
    const quint32 current = m_ports->count() ? gatewayPortAt(m_ports->currentIndex()) : 0;
    m_ports->clear();
    for (const proxy::ListenerStatus &l : m_session->listeners()) {
        const QString gateway = QString::fromStdString(l.gateway);
        QString text;
        if (l.listening)
            text =
                tr("%1 → %2:%3 (%4)").arg(l.port).arg(m_session->bindAddress()).arg(l.boundPort).arg(gateway);
        else
            text = tr("%1 (%2): not listening").arg(l.port).arg(gateway);
        m_ports->addItem(text);
        const int i = m_ports->count() - 1;
        m_ports->setItemData(i, l.port, kGatewayPortRole);
        m_ports->setItemData(i, l.listening ? l.boundPort : 0, kBoundPortRole);
        if (const auto table = m_session->table()) {
            const auto it =
                std::find_if(table->listeners.begin(), table->listeners.end(),
                             [&](const Listener &t) { return t.gateway == l.gateway && t.port == l.port; });
            if (it != table->listeners.end() && !it->sniRoutes.empty()) {
                m_ports->setItemData(i, true, kSniRole);
                m_ports->setItemData(i, suggestedServerName(*it), kSniNameRole);
            }
        }
        if (!l.listening)
            m_ports->setItemData(i, engineMessage(l.why), Qt::ToolTipRole);
    }
    if (current != 0)
        selectGatewayPort(current);
    updateServerName();
    updateButtons();
}

void TcpClientPanel::updateServerName()
{
    const int index = m_ports->currentIndex();
    const bool sni = index >= 0 && m_ports->itemData(index, kSniRole).toBool();
    m_serverName->setVisible(sni);
    if (!sni)
        return;
    const QString suggested = m_ports->itemData(index, kSniNameRole).toString();
    if (m_serverName->text().isEmpty() || m_serverName->text() == m_suggestedName)
        m_serverName->setText(suggested);
    m_suggestedName = suggested;
}

void TcpClientPanel::connectToSelected()
{
    const int index = m_ports->currentIndex();
    const quint16 port = index >= 0 ? boundPortAt(index) : 0;
    if (port == 0) {
        setStatus(m_session->isRunning() ? tr("That port is not listening.")
                                         : tr("Start the local gateway first."),
                  true);
        return;
    }
    m_socket->abort();
    m_errorShown = false;
    m_carry.clear();
    m_peer = tr("%1:%2 (gateway port %3)").arg(m_session->bindAddress()).arg(port).arg(gatewayPortAt(index));
    setStatus(tr("Connecting to %1…").arg(m_peer));
    m_socket->connectToHost(m_session->bindAddress(), port);
}

void TcpClientPanel::disconnectFromPeer()
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    m_errorShown = true; // our own close is no error
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    setStatus(tr("Disconnected from %1.").arg(m_peer));
}

void TcpClientPanel::sendLine(const QString &line)
{
    if (!isConnected()) {
        setStatus(tr("Not connected: connect first."), true);
        return;
    }
    const QByteArray bytes = line.toUtf8() + '\n';
    m_socket->write(bytes);
    QString shown =
        m_transcript->toPlainText().endsWith(QLatin1Char('\n')) || m_transcript->document()->isEmpty()
            ? QString()
            : QStringLiteral("\n");
    appendTranscript(shown + QStringLiteral("> ") + line + QLatin1Char('\n'));
}

void TcpClientPanel::onConnected()
{
    setStatus(tr("Connected to %1.").arg(m_peer));
    if (!m_serverName->isHidden()) {
        // A TLS PASSTHROUGH port waits for a ClientHello and routes by its server name.
        const QString name = m_serverName->text().trimmed();
        const std::string hello = proxy::clientHelloFor(name.toStdString());
        m_socket->write(hello.data(), static_cast<qint64>(hello.size()));
        appendTranscript(name.isEmpty() ? tr("> [TLS ClientHello without a server name, %n byte(s)]\n",
                                             nullptr, static_cast<int>(hello.size()))
                                        : tr("> [TLS ClientHello for %1, %n byte(s)]\n", nullptr,
                                             static_cast<int>(hello.size()))
                                              .arg(name));
    }
    emit connectedChanged(true);
    m_input->setFocus();
}

void TcpClientPanel::onReadyRead()
{
    const QByteArray bytes = std::exchange(m_carry, QByteArray()) + m_socket->readAll();
    // Text as it comes; from the first byte that is not text on (TLS records, the hello echoed),
    // only how many bytes came.
    const ReceivedSplit split = splitReceived(bytes);
    const QString text = QString::fromUtf8(bytes.left(split.text));
    m_carry = bytes.mid(split.carry);
    if (split.text == split.carry) {
        appendTranscript(text);
    } else {
        const auto rest = static_cast<int>(split.carry - split.text);
        appendTranscript(
            text + (text.isEmpty() || text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) +
            tr("[%n byte(s) that are not text]", nullptr, rest) + QLatin1Char('\n'));
    }
    emit received(QString::fromUtf8(bytes.left(split.carry)));
}

void TcpClientPanel::onDisconnected()
{
    if (!m_errorShown)
        setStatus(tr("Closed by the peer (%1).").arg(m_peer), true);
    emit connectedChanged(false);
}

void TcpClientPanel::onError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        setStatus(tr("Closed by the peer (%1).").arg(m_peer), true);
        break;
    case QAbstractSocket::ConnectionRefusedError:
        setStatus(tr("Connection refused by %1: nothing listens there.").arg(m_peer), true);
        break;
    default:
        setStatus(tr("Error on %1: %2").arg(m_peer, m_socket->errorString()), true);
        break;
    }
    m_errorShown = true;
}

void TcpClientPanel::appendTranscript(const QString &text)
{
    // Insert as received: a greeting or an echo may arrive in pieces.
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
}

void TcpClientPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void TcpClientPanel::updateButtons()
{
    const auto state = m_socket->state();
    const bool idle = state == QAbstractSocket::UnconnectedState;
    m_connect->setText(idle ? tr("Connect") : tr("Disconnect"));
    m_connect->setEnabled(!idle || m_ports->count() > 0);
    m_ports->setEnabled(idle);
    const bool connected = state == QAbstractSocket::ConnectedState;
    m_input->setEnabled(connected);
    m_send->setEnabled(connected);
}

void TcpClientPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TcpClientPanel::retranslate()
{
    m_ports->setToolTip(tr("The gateway port to connect to, and where it listens on this machine"));
    m_serverName->setPlaceholderText(tr("Server name (SNI)"));
    m_serverName->setToolTip(tr("A TLS passthrough port routes by the server name of the client's TLS hello: "
                                "this one is sent first, when the connection opens"));
    m_clear->setText(tr("Clear"));
    m_input->setPlaceholderText(tr("Type a line, press Enter: the pod echoes it"));
    m_send->setText(tr("Send"));
    updateButtons();
    refreshPorts();
}

} // namespace meshroute::studio
