#pragma once

// Shared by the studio suites: an isolated environment (settings, recovery files
// and the demo copy live in a temporary home) and a copy of the tutorial demo.

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace studiotest {

inline QString demoSource()
{
    return QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo");
}

// Copy the demo into `folder` (a fresh folder per test, so tests can save).
inline QString copyDemo(const QString &folder)
{
    QDir().mkpath(folder);
    const QDir source(demoSource());
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        QFile::copy(source.absoluteFilePath(name), QDir(folder).absoluteFilePath(name));
    return folder;
}

inline QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace studiotest

// QTEST_MAIN with the user's folders pointed into a temporary directory first.
#define STUDIO_TEST_MAIN(TestClass)                                                                          \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        QTemporaryDir home;                                                                                  \
        qputenv("XDG_CONFIG_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("config")).toUtf8());   \
        qputenv("XDG_DATA_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("data")).toUtf8());       \
        qputenv("XDG_CACHE_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("cache")).toUtf8());     \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                                                  \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                         \
        QApplication app(argc, argv);                                                                        \
        QApplication::setOrganizationName(QStringLiteral("MeshrouteTest"));                                  \
        QApplication::setApplicationName(QStringLiteral("meshroute-studio-test"));                           \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
