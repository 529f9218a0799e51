// The relay on its own, with real sockets on 127.0.0.1: both paths (splice(2) through
// pooled pipes, and pooled buffers) carry every byte in order both ways, half-close
// keeps the other direction flowing, and nothing stays leased once a connection idles
// or ends. Every wait has a deadline.

#include "relay/relay.h"
#include "testnet.h"

#include <QTest>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <future>
#include <optional>
#include <thread>

using namespace meshroute::proxy;
using testnet::Backend;
using testnet::Client;
using testnet::waitFor;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// Bytes that differ at every offset (a shifted or repeated chunk would not compare equal).
std::string pattern(std::size_t n, std::uint32_t seed)
{
    std::string out(n, '\0');
    std::uint32_t x = seed * 2654435761u + 1;
    for (std::size_t i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out[i] = static_cast<char>(x);
    }
    return out;
}

class TestRelay final : public RelayConnection
{
public:
    TestRelay(asio::io_context &io, BufferPool &buffers, PipePool &pipes, RelaySocket accepted)
        : RelayConnection(io, buffers, pipes, std::move(accepted))
    {
        counters.push(&block);
    }
    void start(bool splice) { startRelay(counters, nullptr, RelayOptions{splice}); }

    CounterBlock block{1};
    RelayCounters counters;
    std::optional<RelayResult> result;
    std::atomic<bool> done{false};

private:
    void relayFinished(const RelayResult &r) override
    {
        result = r;
        closeSockets();
        done = true;
    }
};

// A relay between a test client and `backendPort`, run by its own io thread.
struct Rig
{
    explicit Rig(std::uint16_t backendPort, bool splice)
    {
        tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
        QVERIFY(client.connect(acceptor.local_endpoint().port()));
        RelaySocket accepted(io.get_executor());
        acceptor.accept(accepted);
        accepted.non_blocking(true);
        relay = std::make_shared<TestRelay>(io, buffers, pipes, std::move(accepted));
        relay->upstream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), backendPort));
        relay->upstream.non_blocking(true);
        relay->start(splice);
        thread = std::thread([this] { io.run(); });
    }
    ~Rig()
    {
        client.close();
        waitFor([&] { return relay->done.load(); }, 5000);
        io.stop();
        thread.join();
    }
    // Read on the io thread, where the pools live.
    template <typename F> auto onIo(F f)
    {
        std::promise<decltype(f())> promise;
        asio::post(io, [&] { promise.set_value(f()); });
        return promise.get_future().get();
    }
    std::size_t leased()
    {
        return onIo([&] { return buffers.leased() + pipes.leased(); });
    }

    asio::io_context io;
    BufferPool buffers{4};
    PipePool pipes{4, 64};
    Client client;
    std::shared_ptr<TestRelay> relay;
    std::thread thread;
};

} // namespace

class tst_Relay : public QObject
{
    Q_OBJECT

private slots:
    void bulkBothWaysIsByteExact_data();
    void bulkBothWaysIsByteExact();
    void halfCloseWhileSplicing_data();
    void halfCloseWhileSplicing();
    void idleDirectionsHoldNothing();
    void smallMessagesStayOffThePipes();
    void takesTheAsioShortcutsOnlyWhereTheyWereWritten();
};

void tst_Relay::takesTheAsioShortcutsOnlyWhereTheyWereWritten()
{
    // The reactor shortcuts are for Asio 1.18.0 exactly; MESHROUTE_PORTABLE_RELAY forces the
    // public-API path. The other tests of this suite run against whichever path is built.
#if defined(MESHROUTE_PORTABLE_RELAY)
    QVERIFY(!kRelayUsesAsioInternals);
#else
    QCOMPARE(kRelayUsesAsioInternals, BOOST_ASIO_VERSION == 101800);
#endif
    qInfo("relay path: %s (Asio %d)", kRelayUsesAsioInternals ? "Asio 1.18 reactor shortcuts" : "portable",
          BOOST_ASIO_VERSION);
}

void tst_Relay::bulkBothWaysIsByteExact_data()
{
    QTest::addColumn<bool>("splice");
    QTest::newRow("splice(2) through pooled pipes") << true;
    QTest::newRow("pooled buffers only") << false;
}

void tst_Relay::bulkBothWaysIsByteExact()
{
    // 8 MiB out and the same 8 MiB echoed back while still sending: both directions bulk at once.
    QFETCH(bool, splice);
    Backend echo(Backend::echo());
    Rig rig(echo.port(), splice);
    const std::string payload = pattern(8u << 20, 1);
    std::atomic<bool> sent{false};
    std::thread sender([&] { sent = rig.client.send(payload, 20000); });
    const std::string back = rig.client.read(payload.size(), 20000);
    sender.join();
    QVERIFY(sent.load());
    QCOMPARE(back.size(), payload.size());
    QVERIFY(back == payload);
    const auto v = rig.relay->block.read();
    QCOMPARE(v[meshroute::proxy::Counter::BytesFromClient], std::uint64_t(payload.size()));
    QCOMPARE(v[meshroute::proxy::Counter::BytesToUpstream], std::uint64_t(payload.size()));
    QCOMPARE(v[meshroute::proxy::Counter::BytesFromUpstream], std::uint64_t(payload.size()));
    QCOMPARE(v[meshroute::proxy::Counter::BytesToClient], std::uint64_t(payload.size()));
    // The spliced relay went through pipes (now back in the pool); the other never made one.
    const std::size_t pipesMade = rig.onIo([&] { return rig.pipes.idle(); });
    if (splice)
        QVERIFY(pipesMade > 0);
    else
        QCOMPARE(pipesMade, std::size_t(0));
    QVERIFY(waitFor([&] { return rig.leased() == 0; }));
}

void tst_Relay::halfCloseWhileSplicing_data()
{
    bulkBothWaysIsByteExact_data();
}

void tst_Relay::halfCloseWhileSplicing()
{
    // The backend reads to EOF, then answers with 3 MiB of its own and closes: the client's
    // EOF must reach it (shutdown, not close) while the answer still flows back in full.
    QFETCH(bool, splice);
    const std::string request = pattern(3u << 20, 2);
    const std::string answer = pattern(3u << 20, 3);
    std::atomic<bool> requestIntact{false};
    Backend backend([&](int fd, Backend &self) {
        std::string got;
        char buffer[65536];
        while (self.waitReadable(fd)) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            got.append(buffer, static_cast<std::size_t>(n));
        }
        requestIntact = got == request;
        Backend::sendAll(fd, answer);
    });
    Rig rig(backend.port(), splice);
    QVERIFY(rig.client.send(request, 20000));
    rig.client.shutdownWrite();
    bool eof = false;
    const std::string back = rig.client.readToEof(20000, eof);
    QVERIFY(eof);
    QCOMPARE(back.size(), answer.size());
    QVERIFY(back == answer);
    QVERIFY(requestIntact.load());
    QVERIFY(waitFor([&] { return rig.relay->done.load(); }));
    QCOMPARE(int(rig.relay->result->clientToUpstream), int(TransferEnd::Eof));
    QCOMPARE(int(rig.relay->result->upstreamToClient), int(TransferEnd::Eof));
}

void tst_Relay::idleDirectionsHoldNothing()
{
    // After bulk both ways, then quiet: no buffer and no pipe stays with the connection.
    Backend echo(Backend::echo());
    Rig rig(echo.port(), true);
    const std::string payload = pattern(1u << 20, 4);
    std::atomic<bool> sent{false};
    std::thread sender([&] { sent = rig.client.send(payload, 20000); });
    const bool intact = rig.client.read(payload.size(), 20000) == payload;
    sender.join();
    QVERIFY(sent.load() && intact);
    QVERIFY(waitFor([&] { return rig.leased() == 0; }));
    QVERIFY(rig.client.send("ping") && rig.client.read(4) == "ping");
    QVERIFY(waitFor([&] { return rig.leased() == 0; }));
    QVERIFY(!rig.relay->done.load()); // still open, just idle
}

void tst_Relay::smallMessagesStayOffThePipes()
{
    // Round trips of 64 bytes and of 1000 bytes (longer than the inline bytes) never splice.
    Backend echo(Backend::echo());
    Rig rig(echo.port(), true);
    for (std::size_t size : {std::size_t(64), std::size_t(1000)}) {
        for (int i = 0; i < 50; ++i) {
            const std::string message = pattern(size, static_cast<std::uint32_t>(i + 10));
            QVERIFY(rig.client.send(message));
            QVERIFY(rig.client.read(size) == message);
        }
    }
    QCOMPARE(rig.onIo([&] { return rig.pipes.idle() + rig.pipes.leased(); }), std::size_t(0));
    const auto v = rig.relay->block.read();
    QCOMPARE(v[meshroute::proxy::Counter::BytesToClient], std::uint64_t(50 * 64 + 50 * 1000));
}

QTEST_GUILESS_MAIN(tst_Relay)
#include "tst_relay.moc"
