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

QString demoFolder()
{
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                               .absoluteFilePath(QStringLiteral("samples/tcp-echo"));
    if (!QDir().mkpath(folder))
        return {};
    QDirIterator it(QStringLiteral(":/samples/tcp-echo"), {QStringLiteral("*.yaml")}, QDir::Files);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(folder).absoluteFilePath(QFileInfo(source).fileName());
        if (QFileInfo::exists(target))
            continue;
        if (!QFile::copy(source, target))
            return {};
        QFile::setPermissions(target,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return folder;
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
        if (!QDir().mkpath(folder))
            return {};
        for (const QString &file : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            const QString target = QDir(folder).absoluteFilePath(file);
            if (!QFile::copy(source.absoluteFilePath(file), target))
                return {};
            QFile::setPermissions(target,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        return folder;
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
