#pragma once

// A strict reader of the Prometheus text exposition format, for tests: every
// sample line must be `name{label="value",...} value` after its family's TYPE.

#include <QRegularExpression>
#include <QString>

#include <cstring>
#include <map>
#include <string>

namespace testnet {

struct Sample
{
    std::map<std::string, std::string> labels;
    double value = 0;
};

// Prometheus text format, parsed strictly enough that a malformed line fails the test.
inline bool parsePrometheus(const std::string &text, std::multimap<std::string, Sample> &samples,
                            std::string &error)
{
    static const QRegularExpression line(QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$"));
    static const QRegularExpression label(
        QStringLiteral("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)"));
    std::map<std::string, std::string> types;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            error = "no final newline";
            return false;
        }
        const std::string l = text.substr(start, end - start);
        start = end + 1;
        if (l.starts_with("# TYPE ")) {
            const auto parts = QString::fromStdString(l).split(' ');
            if (parts.size() != 4) {
                error = l;
                return false;
            }
            types[parts[2].toStdString()] = parts[3].toStdString();
            continue;
        }
        if (l.starts_with("# HELP "))
            continue;
        const auto m = line.match(QString::fromStdString(l));
        if (!m.hasMatch()) {
            error = "bad line: " + l;
            return false;
        }
        Sample s;
        bool ok = false;
        s.value = m.captured(4).toDouble(&ok);
        if (!ok && m.captured(4) != "+Inf") {
            error = "bad value: " + l;
            return false;
        }
        const QString labels = m.captured(3);
        int consumed = 0;
        auto it = label.globalMatch(labels);
        while (it.hasNext()) {
            const auto lm = it.next();
            if (lm.capturedStart() != consumed) {
                error = "bad labels: " + l;
                return false;
            }
            consumed = lm.capturedEnd();
            s.labels[lm.captured(1).toStdString()] = lm.captured(2).toStdString();
        }
        if (consumed != labels.size()) {
            error = "bad labels: " + l;
            return false;
        }
        std::string name = m.captured(1).toStdString();
        std::string family = name;
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            if (name.ends_with(suffix) && types.count(name.substr(0, name.size() - std::strlen(suffix))))
                family = name.substr(0, name.size() - std::strlen(suffix));
        }
        if (!types.count(family)) {
            error = "sample before its TYPE: " + l;
            return false;
        }
        samples.emplace(name, s);
    }
    return true;
}

} // namespace testnet
