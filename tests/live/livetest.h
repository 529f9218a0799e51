#pragma once

// Shared by the suites that run the studio's bridge on the tutorial demo
// (tests/live, tests/studio): the demo as text with edits, the 80/20 split,
// loading and analysing a text, test options, and reading a pod's greeting.

#include "analysis/analyzer.h"
#include "live/livesession.h"
#include "yaml/loader.h"

#include "../proxy/testnet.h"

#include <QFile>
#include <QRegularExpression>

#include <string>
#include <utility>
#include <vector>

namespace livetest {

// The tutorial demo's files as one text, with `edits` (from -> to, first occurrence) applied;
// empty when a file is missing or an edit does not apply.
inline std::string demoText(const std::vector<std::pair<std::string, std::string>> &edits = {})
{
    std::string text;
    for (const char *file : {"deployment.yaml", "destination-rule.yaml", "gateway.yaml", "service.yaml",
                             "virtualservice.yaml"}) {
        QFile f(QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo/") + QLatin1String(file));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        text += "---\n" + f.readAll().toStdString() + "\n";
    }
    for (const auto &[from, to] : edits) {
        const auto at = text.find(from);
        if (at == std::string::npos)
            return {};
        text.replace(at, from.size(), to);
    }
    return text;
}

// Port 31400's rule split 80/20 between v1 and v2.
inline const char *const kSplitFrom = "            subset: v1\n"
                                      "            port:\n"
                                      "              number: 3333\n";
inline const char *const kSplitTo = "            subset: v1\n"
                                    "            port:\n"
                                    "              number: 3333\n"
                                    "          weight: 80\n"
                                    "        - destination:\n"
                                    "            host: tcp-echo.default.svc.cluster.local\n"
                                    "            subset: v2\n"
                                    "            port:\n"
                                    "              number: 3333\n"
                                    "          weight: 20\n";

inline std::string splitText()
{
    return demoText({{kSplitFrom, kSplitTo}});
}

// A loaded and analysed configuration, as the studio's document holds it.
struct Config
{
    meshroute::ResourceSet set;
    meshroute::Diagnostics diagnostics;
};

inline Config config(const std::string &text)
{
    Config c;
    meshroute::loadText(c.set, c.diagnostics, text, "demo.yaml");
    const meshroute::Diagnostics analysis = meshroute::analyze(c.set);
    c.diagnostics.insert(c.diagnostics.end(), analysis.begin(), analysis.end());
    return c;
}

// Every listener on a free port, two engine threads, frequent samples.
inline meshroute::studio::LiveSession::Options testOptions(int sampleIntervalMs = 50)
{
    meshroute::studio::LiveSession::Options o;
    o.ephemeralPorts = true;
    o.threads = 2;
    o.sampleIntervalMs = sampleIntervalMs;
    return o;
}

// Starts `live` on `text` with testOptions(); false on configuration errors or a refused start.
inline bool start(meshroute::studio::LiveSession &live, const std::string &text, int sampleIntervalMs = 50)
{
    const Config c = config(text);
    live.setOptions(testOptions(sampleIntervalMs));
    return !meshroute::hasErrors(c.diagnostics) && live.start(c.set, c.diagnostics).applied;
}

// Connects, reads the demo pod's greeting, returns the pod's name ("" on failure).
inline std::string greet(testnet::Client &nc, std::uint16_t port)
{
    if (!nc.connect(port))
        return {};
    const std::string greeting = nc.readUntil("Service default.\n");
    static const QRegularExpression pod(QStringLiteral("Running on Pod ([a-z0-9-]+)\\."));
    const auto m = pod.match(QString::fromStdString(greeting));
    return m.hasMatch() ? m.captured(1).toStdString() : std::string();
}

} // namespace livetest
