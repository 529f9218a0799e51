#include "pods/demopod.h"

#include "engine/reason.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace meshroute::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

std::string podGreeting(const DemoPod &pod)
{
    return "Welcome, you are connected to node " + pod.node + ".\n" + //
           "Running on Pod " + pod.name + ".\n" +                     //
           "In namespace " + pod.ns + ".\n" +                         //
           "With IP address " + pod.ip + ".\n" +                      //
           "Service " + pod.serviceAccount + ".\n";
}

namespace {

class PodConnection final : public Abortable
{
public:
    PodConnection(Worker &owner, tcp::socket accepted)
        : m_worker(owner)
        , socket(std::move(accepted))
    {
        m_worker.live.insert(this);
    }
    ~PodConnection() override { m_worker.live.erase(this); }
    void abort(CloseReason) override
    {
        error_code ignored;
        socket.close(ignored);
    }

    Worker &m_worker;
    tcp::socket socket;
};

asio::awaitable<void> serve(std::shared_ptr<PodRuntime> pod, tcp::socket socket)
{
    Worker &worker = *pod->worker;
    PodConnection connection(worker, std::move(socket));
    tcp::socket &s = connection.socket;
    error_code ec;
    s.set_option(tcp::no_delay(true), ec);
    const std::string id = newConnectionId();

    co_await asio::async_write(s, asio::buffer(pod->greeting), asio::redirect_error(asio::use_awaitable, ec));
    if (ec)
        co_return;
    s.non_blocking(true, ec);
    for (;;) {
        {
            // Read first, wait only on "would block" (see relay.cpp).
            BufferLease buffer(worker.pool);
            const std::size_t n = s.read_some(asio::buffer(buffer.data(), buffer.size()), ec);
            if (!ec) {
                const std::span<const char> bytes(buffer.data(), n);
                const std::string prefix = logTimestamp() + " " + id + " - ";
                pod->log.append(prefix + "Received Raw Data: " + rawDataText(bytes));
                pod->log.append(prefix + "Received Data (converted to string): " + convertedText(bytes));
                co_await asio::async_write(s, asio::buffer(buffer.data(), n),
                                           asio::redirect_error(asio::use_awaitable, ec));
                if (ec)
                    co_return;
                continue;
            }
            if (ec != asio::error::would_block && ec != asio::error::try_again)
                break; // EOF or reset: the tutorial's server closes too
        }
        co_await s.async_wait(tcp::socket::wait_read, asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return;
    }
    error_code ignored;
    s.shutdown(tcp::socket::shutdown_both, ignored);
}

asio::awaitable<void> acceptLoop(std::shared_ptr<PodRuntime> pod)
{
    Worker &worker = *pod->worker;
    Worker::AcceptBackoff backoff;
    for (;;) {
        if (!pod->acceptor || !pod->acceptor->is_open())
            co_return;
        tcp::socket socket(worker.io);
        error_code ec;
        co_await pod->acceptor->async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor)
            co_return;
        if (ec) { // out of descriptors or memory: counted, and a pause instead of a spin
            Worker::bump(worker.acceptFailures);
            asio::steady_timer pause(worker.io, backoff.take());
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        backoff.reset();
        asio::co_spawn(worker.io, serve(pod, std::move(socket)), worker.countExceptions());
    }
}

} // namespace

bool openPod(PodRuntime &pod, Worker &worker, Message &error)
{
    pod.worker = &worker;
    auto acceptor = std::make_unique<tcp::acceptor>(worker.io);
    error_code ec;
    const tcp::endpoint where(asio::ip::address_v4::loopback(), 0);
    acceptor->open(where.protocol(), ec);
    if (!ec)
        acceptor->bind(where, ec);
    if (!ec)
        acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        pod.address = acceptor->local_endpoint(ec);
    if (ec) {
        error = Message{"engine-pod-failed", {pod.pod.ns + "/" + pod.pod.name, systemReason(ec)}};
        return false;
    }
    pod.acceptor = std::move(acceptor);
    return true;
}

void startPod(const std::shared_ptr<PodRuntime> &pod)
{
    asio::co_spawn(pod->worker->io, acceptLoop(pod), pod->worker->countExceptions());
}

void stopPod(const std::shared_ptr<PodRuntime> &pod)
{
    asio::post(pod->worker->io, [pod] {
        if (pod->acceptor) {
            error_code ignored;
            pod->acceptor->close(ignored);
        }
    });
}

} // namespace meshroute::proxy
