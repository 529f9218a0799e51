#pragma once

// The ids of the graph's nodes, built in one place for the graph, the live overlay and the
// connection table: "gateway:default/tcp-echo-gateway", "route:default/tcp-echo/tcp/0",
// "destination:tcp-echo.default.svc.cluster.local", "workload:Deployment/default/tcp-echo-v1".
// They stay stable across edits (manual node positions are stored by id). Qt Core only.

#include <QRegularExpression>
#include <QString>

#include <string>
#include <string_view>

namespace meshroute::studio::nodeid {

inline QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A Gateway, by "ns/name".
inline QString gateway(std::string_view qualifiedName)
{
    return QStringLiteral("gateway:") + text(qualifiedName);
}
inline QString gateway(std::string_view ns, std::string_view name)
{
    return QStringLiteral("gateway:%1/%2").arg(text(ns), text(name));
}

// A tcp or tls rule of the VirtualService "ns/name"; `section` is "tcp" or "tls".
inline QString route(std::string_view virtualService, std::string_view section, long long rule)
{
    return QStringLiteral("route:%1/%2/%3").arg(text(virtualService), text(section)).arg(rule);
}
// The same from a compiled route's name, "ns/vs tcp[0]" (also a route of an earlier table);
// empty when the name has another form.
inline QString routeFromName(std::string_view routeName)
{
    static const QRegularExpression form(QStringLiteral("^(.+) (tcp|tls)\\[(\\d+)\\]$"));
    const auto m = form.match(text(routeName));
    return m.hasMatch() ? QStringLiteral("route:%1/%2/%3").arg(m.captured(1), m.captured(2), m.captured(3))
                        : QString();
}

// A destination host, fully qualified.
inline QString destination(std::string_view host)
{
    return QStringLiteral("destination:") + text(host);
}
// A destination's socket: the subset, or "*" for the whole service.
inline QString subsetSocket(std::string_view subset)
{
    return subset.empty() ? QStringLiteral("*") : text(subset);
}

// Workloads: a Deployment's pods, a WorkloadEntry, an endpoint written in a ServiceEntry.
inline QString deployment(std::string_view ns, std::string_view name)
{
    return QStringLiteral("workload:Deployment/%1/%2").arg(text(ns), text(name));
}
inline QString workloadEntry(std::string_view ns, std::string_view name)
{
    return QStringLiteral("workload:WorkloadEntry/%1/%2").arg(text(ns), text(name));
}
inline QString serviceEntryEndpoint(std::string_view ns, std::string_view serviceEntry, long long index)
{
    return QStringLiteral("workload:endpoint/%1/%2/%3").arg(text(ns), text(serviceEntry)).arg(index);
}

// Stand-ins for what a reference names but the input lacks.
inline QString missingGateway(std::string_view ns, std::string_view name)
{
    return QStringLiteral("ghost:") + gateway(ns, name);
}
inline QString missingPort(std::string_view ns, std::string_view name, unsigned port)
{
    return QStringLiteral("ghost:port:%1/%2:%3").arg(text(ns), text(name)).arg(port);
}
inline QString missingHost(std::string_view host)
{
    return QStringLiteral("ghost:host:") + text(host);
}
inline QString missingSubset(std::string_view host, std::string_view subset)
{
    return QStringLiteral("ghost:subset:%1/%2").arg(text(host), text(subset));
}

} // namespace meshroute::studio::nodeid
