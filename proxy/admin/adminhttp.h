#pragma once

// The admin endpoint's HTTP handling, apart from its sockets: how a request is parsed (the
// limits) and answered. The server (adminserver.cpp) and adminExchange() share it, so what
// the tests and the fuzzer drive is what a client gets.

#include "admin/adminserver.h"

#include <boost/beast/http.hpp>

namespace meshroute::proxy {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// The server's limits on one request (kAdminHeaderLimit, kAdminBodyLimit).
void limitRequest(http::request_parser<http::string_body> &parser);

// The answer to one parsed request: 200 for GET/HEAD of a known path, 404, or 405.
Response answerRequest(const Request &request, const AdminServer::SnapshotSource &source);

} // namespace meshroute::proxy
