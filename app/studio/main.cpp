// meshroute-studio: the desktop console for Istio ingress routing of TCP traffic.

#include "window/mainwindow.h"
#include "window/settings.h"
#include "window/startup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Meshroute"));
    QApplication::setApplicationName(QStringLiteral("meshroute-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Meshroute Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MESHROUTE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("meshroute-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/meshroute-studio.svg")));

    const meshroute::studio::Preferences preferences = meshroute::studio::Preferences::load();
    meshroute::studio::installTranslation(app, preferences.language);

    QCommandLineParser parser;
    meshroute::studio::startup::describeCommandLine(parser);
    parser.process(app);

    meshroute::studio::MainWindow window;
    window.show();
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        QTimer::singleShot(0, &window, &meshroute::studio::MainWindow::startUp);
    else
        window.openPaths(paths);
    return app.exec();
}
