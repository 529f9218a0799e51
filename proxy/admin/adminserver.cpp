#include "admin/adminserver.h"

#include "admin/adminhttp.h"
#include "engine/reason.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

namespace meshroute::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using boost::system::error_code;

struct AdminServer::State
{
    Worker *worker = nullptr;
    std::unique_ptr<tcp::acceptor> acceptor;
    SnapshotSource source;
};

namespace {

class AdminConnection final : public Abortable
{
public:
    AdminConnection(Worker &owner, tcp::socket socket)
        : worker(owner)
        , stream(std::move(socket))
    {
        worker.live.insert(this);
    }
    ~AdminConnection() override { worker.live.erase(this); }
    void abort(CloseReason) override
    {
        error_code ignored;
        stream.socket().close(ignored);
    }

    Worker &worker;
    beast::tcp_stream stream;
};

asio::awaitable<void> serve(std::shared_ptr<AdminServer::SnapshotSource> source, Worker &worker,
                            tcp::socket socket)
{
    AdminConnection connection(worker, std::move(socket));
    beast::flat_buffer buffer(8192);
    error_code ec;
    for (;;) {
        http::request_parser<http::string_body> parser;
        limitRequest(parser);
        connection.stream.expires_after(std::chrono::seconds(30));
        co_await http::async_read(connection.stream, buffer, parser,
                                  asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return;
        http::response<http::string_body> response = answerRequest(parser.get(), *source);
        co_await http::async_write(connection.stream, response,
                                   asio::redirect_error(asio::use_awaitable, ec));
        if (ec || !response.keep_alive())
            break;
    }
    connection.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> acceptLoop(std::shared_ptr<AdminServer::State> state)
{
    auto source = std::make_shared<AdminServer::SnapshotSource>(state->source);
    Worker::AcceptBackoff backoff;
    for (;;) {
        tcp::socket socket(state->worker->io);
        error_code ec;
        co_await state->acceptor->async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
        if (!state->acceptor->is_open() || ec == asio::error::operation_aborted)
            co_return;
        if (ec) { // out of descriptors or memory: counted, and a pause instead of a spin
            Worker::bump((*state->worker).acceptFailures);
            asio::steady_timer pause((*state->worker).io, backoff.take());
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        backoff.reset();
        asio::co_spawn(state->worker->io, serve(source, *state->worker, std::move(socket)),
                       state->worker->countExceptions());
    }
}

} // namespace

bool AdminServer::open(Worker &worker, const std::string &address, SnapshotSource source, Message &error)
{
    const auto fail = [&](MessageArg why) {
        error = Message{"engine-admin-failed", {address, std::move(why)}};
        std::lock_guard lock(m_mutex);
        m_error = render(error);
        return false;
    };
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
        return fail(MessageArg::fragmentOf("fragment-admin-address-form"));
    std::string host = address.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost")
        host = "127.0.0.1";
    error_code ec;
    const auto ip = asio::ip::make_address(host, ec);
    if (ec)
        return fail(MessageArg::fragmentOf("fragment-not-an-ip-address"));
    if (!ip.is_loopback())
        return fail(MessageArg::fragmentOf("fragment-admin-loopback-only"));
    unsigned long port = 0;
    try {
        std::size_t used = 0;
        port = std::stoul(address.substr(colon + 1), &used);
        if (used != address.size() - colon - 1 || port > 65535)
            return fail(MessageArg::fragmentOf("fragment-bad-port"));
    } catch (...) {
        return fail(MessageArg::fragmentOf("fragment-bad-port"));
    }

    auto state = std::make_shared<State>();
    state->worker = &worker;
    state->source = std::move(source);
    state->acceptor = std::make_unique<tcp::acceptor>(worker.io);
    const tcp::endpoint endpoint(ip, static_cast<std::uint16_t>(port));
    state->acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        state->acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        state->acceptor->bind(endpoint, ec);
    if (!ec)
        state->acceptor->listen(asio::socket_base::max_listen_connections, ec);
    tcp::endpoint bound;
    if (!ec)
        bound = state->acceptor->local_endpoint(ec);
    if (ec)
        return fail(systemReason(ec));
    std::lock_guard lock(m_mutex);
    m_state = std::move(state);
    m_address = bound.address().to_string() + ":" + std::to_string(bound.port());
    m_error.clear();
    return true;
}

void AdminServer::start()
{
    std::lock_guard lock(m_mutex);
    if (m_state)
        asio::co_spawn(m_state->worker->io, acceptLoop(m_state), m_state->worker->countExceptions());
}

void AdminServer::stop()
{
    std::lock_guard lock(m_mutex);
    if (!m_state)
        return;
    auto state = m_state;
    asio::post(state->worker->io, [state] {
        error_code ignored;
        state->acceptor->close(ignored);
    });
    m_address.clear();
}

std::string AdminServer::address() const
{
    std::lock_guard lock(m_mutex);
    return m_address;
}

std::string AdminServer::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

} // namespace meshroute::proxy
