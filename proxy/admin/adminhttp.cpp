#include "admin/adminhttp.h"

#include "stats/render.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <sstream>

namespace meshroute::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;

bool adminResponse(const std::string &target, const StatsSnapshot &snapshot, std::string &body,
                   std::string &contentType)
{
    if (target == "/stats" || target == "/stats/json") {
        body = renderJson(snapshot);
        contentType = "application/json";
        return true;
    }
    if (target == "/stats/prometheus" || target == "/metrics") {
        body = renderPrometheus(snapshot);
        contentType = "text/plain; version=0.0.4; charset=utf-8";
        return true;
    }
    if (target == "/") {
        body = "meshroute admin\n/stats\n/stats/prometheus\n";
        contentType = "text/plain; charset=utf-8";
        return true;
    }
    return false;
}

void limitRequest(http::request_parser<http::string_body> &parser)
{
    parser.header_limit(static_cast<std::uint32_t>(kAdminHeaderLimit));
    parser.body_limit(kAdminBodyLimit);
}

Response answerRequest(const Request &request, const AdminServer::SnapshotSource &source)
{
    Response response;
    response.version(request.version());
    response.keep_alive(request.keep_alive());
    response.set(http::field::server, "meshroute");
    std::string target(request.target());
    if (const auto q = target.find('?'); q != std::string::npos)
        target.resize(q);
    std::string body;
    std::string contentType;
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        response.result(http::status::method_not_allowed);
        response.set(http::field::allow, "GET, HEAD");
        body = "only GET\n";
        contentType = "text/plain; charset=utf-8";
    } else if (adminResponse(target, source(), body, contentType)) {
        response.result(http::status::ok);
    } else {
        response.result(http::status::not_found);
        body = "not found; try /stats or /stats/prometheus\n";
        contentType = "text/plain; charset=utf-8";
    }
    response.set(http::field::content_type, contentType);
    if (request.method() == http::verb::head) {
        response.content_length(body.size());
    } else {
        response.body() = std::move(body);
        response.prepare_payload();
    }
    return response;
}

AdminExchange adminExchange(std::string_view bytes, const AdminServer::SnapshotSource &source)
{
    AdminExchange exchange;
    beast::flat_buffer buffer;
    buffer.commit(asio::buffer_copy(buffer.prepare(bytes.size()), asio::buffer(bytes.data(), bytes.size())));
    while (buffer.size() > 0) {
        http::request_parser<http::string_body> parser;
        limitRequest(parser);
        parser.eager(true);
        error_code ec;
        while (!parser.is_done()) {
            const std::size_t used = parser.put(buffer.data(), ec);
            buffer.consume(used);
            if (ec == http::error::need_more) {
                if (buffer.size() == 0 || used == 0) {
                    // As async_read: wait for more bytes (here there are none).
                    exchange.incomplete = true;
                    return exchange;
                }
                ec = {};
                continue;
            }
            if (ec) {
                exchange.closed = true;
                exchange.error = ec.message();
                return exchange;
            }
            if (used == 0) { // no progress and no error: nothing more can be read from these bytes
                exchange.incomplete = true;
                return exchange;
            }
        }
        const Request &request = parser.get();
        Response response = answerRequest(request, source);
        AdminTurn turn;
        turn.method = std::string(request.method_string());
        turn.target = std::string(request.target());
        turn.status = static_cast<int>(response.result_int());
        std::ostringstream out;
        out << response;
        turn.response = out.str();
        exchange.turns.push_back(std::move(turn));
        if (!response.keep_alive()) {
            exchange.closed = true;
            break;
        }
    }
    return exchange;
}

} // namespace meshroute::proxy
