#pragma once

// Helpers shared by the YAML suites: fixtures, temporary files, loading text.

#include "yaml/loader.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

#include <string>

namespace yamltest {

inline std::string dataPath(const char *name)
{
    return std::string(MESHROUTE_TEST_DATA) + "/data/" + name;
}

inline std::string demoPath()
{
    return std::string(MESHROUTE_SOURCE_DIR) + "/resources/samples/tcp-echo";
}

inline std::string sharedDir()
{
    const QByteArray fromEnv = qgetenv("MESHROUTE_SHARED_DIR");
    return fromEnv.isEmpty() ? std::string(MESHROUTE_SHARED_DIR) : fromEnv.toStdString();
}

inline std::string readBytes(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

inline bool writeBytes(const std::string &path, const std::string &bytes)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes.data(), static_cast<qint64>(bytes.size())) == static_cast<qint64>(bytes.size());
}

// Every diagnostic, one per line, for failure messages.
inline std::string describe(const meshroute::Diagnostics &diagnostics)
{
    std::string out;
    for (const meshroute::Diagnostic &d : diagnostics)
        out += d.format() + "\n";
    return out;
}

inline const meshroute::Diagnostic *findCode(const meshroute::Diagnostics &diagnostics,
                                             const std::string &code)
{
    for (const meshroute::Diagnostic &d : diagnostics)
        if (d.code == code)
            return &d;
    return nullptr;
}

// Load `text` as if it were file `path`.
struct Loaded
{
    meshroute::ResourceSet set;
    meshroute::Diagnostics diagnostics;
};

inline Loaded loadString(const std::string &text, const std::string &path = "test.yaml",
                         const meshroute::LoadLimits &limits = {})
{
    Loaded loaded;
    meshroute::loadText(loaded.set, loaded.diagnostics, text, path, limits);
    return loaded;
}

} // namespace yamltest
