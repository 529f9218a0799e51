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
