#include "window/startup.h"

#include "window/settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace meshroute::studio::startup {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::Startup)
};
} // namespace

void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Tr::tr("Edit, check and export Istio TCP routing."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"), Tr::tr("YAML files or folders to open."),
                                 QStringLiteral("[paths...]"));
}

namespace {

// Copies the bundled *.yaml files of `source` (":/samples/<name>") into `folder`, each one that is
// not there yet, as files the person may edit (the resource system's copies are read-only).
bool copyBundled(const QString &source, const QString &folder)
{
    if (!QDir().mkpath(folder))
        return false;
    QDirIterator it(source, {QStringLiteral("*.yaml")}, QDir::Files);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(folder).absoluteFilePath(QFileInfo(file).fileName());
        if (QFileInfo::exists(target))
            continue;
        if (!QFile::copy(file, target))
            return false;
        QFile::setPermissions(target,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

} // namespace

QString demoFolder()
{
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                               .absoluteFilePath(QStringLiteral("samples/tcp-echo"));
    return copyBundled(QStringLiteral(":/samples/tcp-echo"), folder) ? folder : QString();
}

QStringList sampleNames()
{
    QStringList names = QDir(QStringLiteral(":/samples")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

QString sampleTitle(const QString &name)
{
    if (name == QLatin1String("tcp-echo"))
        return Tr::tr("TCP echo (Istio classic API)");
    if (name == QLatin1String("tcp-echo-gateway-api"))
        return Tr::tr("TCP echo (Gateway API)");
    return name;
}

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whether `folder` holds exactly the bundled files of `source`, unchanged.
bool isPristineCopy(const QDir &folder, const QDir &source)
{
    const QStringList copied = folder.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    const QStringList bundled = source.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    if (copied != bundled)
        return false;
    for (const QString &name : bundled)
        if (contents(folder.absoluteFilePath(name)) != contents(source.absoluteFilePath(name)))
            return false;
    return true;
}

} // namespace

QString sampleCopy(const QString &name)
{
    const QDir source(QStringLiteral(":/samples/") + name);
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || !sampleNames().contains(name))
        return {};
    const QDir samples(QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                           .absoluteFilePath(QStringLiteral("samples")));
    for (int n = 1; n < 1000; ++n) {
        const QString folder =
            samples.absoluteFilePath(n == 1 ? name : QStringLiteral("%1-%2").arg(name).arg(n));
        if (QFileInfo::exists(folder)) {
            if (isPristineCopy(QDir(folder), source))
                return folder;
            continue;
        }
        return copyBundled(source.path(), folder) ? folder : QString();
    }
    return {};
}

QStringList initialDocument()
{
    QSettings settings;
    const bool first = !settings.value(settingsKeys::started, false).toBool();
    settings.setValue(settingsKeys::started, true);
    if (!first) {
        QStringList last = settings.value(settingsKeys::lastDocument).toStringList();
        last.erase(std::remove_if(last.begin(), last.end(),
                                  [](const QString &path) { return !QFileInfo::exists(path); }),
                   last.end());
        if (!last.isEmpty())
            return last;
        return {};
    }
    const QString demo = demoFolder();
    return demo.isEmpty() ? QStringList() : QStringList{demo};
}

} // namespace meshroute::studio::startup
