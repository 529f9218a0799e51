#pragma once

// A built-in `nc`: pick one of the running gateway's ports, connect, read the
// pod's greeting, type lines and read their echo. A QTcpSocket in the GUI thread;
// refused connections and a peer that closes are told in the panel. On a TLS
// PASSTHROUGH port it first sends a ClientHello naming the server name typed in,
// so that the gateway's SNI routes can be tried without a TLS client; bytes that
// are not text (a ServerHello, the hello echoed) are summarised, not printed.

#include <QAbstractSocket>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTcpSocket;

namespace meshroute::studio {

class LiveSession;

// How received bytes show: data[0, text) is UTF-8 text (printable, or newline, return, tab);
// data[text, carry) is not text (binary from the first byte that is not, to the end); and
// data[carry, size) is a character cut by the read, kept for the next read. `text <= carry`.
struct ReceivedSplit
{
    qsizetype text = 0;
    qsizetype carry = 0;
};
ReceivedSplit splitReceived(const QByteArray &data);

class TcpClientPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TcpClientPanel(LiveSession *session, QWidget *parent = nullptr);
    ~TcpClientPanel() override;

    // The ports offered: the Gateway port, and where it listens (0 when it does not).
    int portCount() const;
    quint32 gatewayPortAt(int index) const;
    quint16 boundPortAt(int index) const;
    bool selectGatewayPort(quint32 gatewayPort); // false when that port is not offered

    bool isConnected() const;
    QString transcript() const; // everything received and sent, as shown
    QString status() const;     // the status line ("Connected to ...", "Connection refused ...")

    QComboBox *portBox() const { return m_ports; }
    QPushButton *connectButton() const { return m_connect; }
    QLineEdit *input() const { return m_input; }
    QLineEdit *serverName() const { return m_serverName; } // shown for TLS PASSTHROUGH ports only

public slots:
    void refreshPorts();
    void connectToSelected();
    void disconnectFromPeer();
    void sendLine(const QString &line); // adds "\n"

signals:
    void connectedChanged(bool connected);
    void received(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void appendTranscript(const QString &text);
    void setStatus(const QString &text, bool error = false);
    void updateServerName();

    LiveSession *m_session;
    QTcpSocket *m_socket;
    QComboBox *m_ports;
    QLineEdit *m_serverName;
    QString m_suggestedName; // the name filled in for the port shown, replaced when the user did not edit it
    QPushButton *m_connect;
    QPushButton *m_clear;
    QPlainTextEdit *m_transcript;
    QLineEdit *m_input;
    QPushButton *m_send;
    QLabel *m_status;
    QString m_peer;     // "127.0.0.1:42397 (31400)"
    QByteArray m_carry; // the start of a UTF-8 character the last read cut
    bool m_errorShown = false;
};

} // namespace meshroute::studio
