// The meshroute command line as a user runs it: exit codes, output, files.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run meshroute(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess process;
    process.start(QStringLiteral(MESHROUTE_CLI), args);
    if (!process.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString demo()
{
    return QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo");
}

QString data(const char *name)
{
    return QStringLiteral(MESHROUTE_TEST_DATA "/data/") + QLatin1String(name);
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void validateDemoHasNoError()
    {
        const Run r = meshroute({"validate", demo()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("0 errors"));
        // Istio's default ingress Service exposes 31400 only: 31401 is worth a warning.
        QVERIFY2(r.out.contains("IST0162"), qPrintable(r.out));
    }

    void validateReportsErrorsCompilerStyle()
    {
        const Run r = meshroute({"validate", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        const QString expected = data("missing-subset.yaml") + ":23:17: error: ";
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY(r.out.contains("\"v3\""));
        QVERIFY(r.out.contains("[IST0101]"));
    }

    // One Gateway with two plain-TCP servers on one port: the second is skipped, and validate says
    // so (a warning only the route compiler finds), at the skipped server's port number.
    void validateReportsASkippedServer()
    {
        const Run r = meshroute({"validate", data("shared-port.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString expected = data("shared-port.yaml") + ":19:7: warning: ";
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY2(r.out.contains("[MR0018]"), qPrintable(r.out));
        QVERIFY(r.out.contains("is skipped: the port is already taken by Gateway default/tcp-gateway"));
        QCOMPARE(r.out.count("[MR0018]"), 1);
    }

    // Valid for Istio, not runnable here: validate says why before the user starts the gateway.
    void validateReportsADestinationWithoutLocalAddress()
    {
        const Run r = meshroute({"validate", data("resolution-none.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(data("resolution-none.yaml") + ":18:1: warning: ServiceEntry default/db has "
                                                               "resolution NONE"),
                 qPrintable(r.out));
        QCOMPARE(r.out.count("[MR0020]"), 1);
    }

    void validateUnreadableInputIsExitTwo()
    {
        const Run r = meshroute({"validate", "/nonexistent/meshroute.yaml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("/nonexistent/meshroute.yaml"));
    }

    void usageErrorIsExitTwo()
    {
        QCOMPARE(meshroute({"validate"}).exitCode, 2);
        QCOMPARE(meshroute({"frobnicate"}).exitCode, 2);
        QCOMPARE(meshroute({}).exitCode, 2);
    }

    void helpAndVersion()
    {
        const Run help = meshroute({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("validate"));
        QVERIFY(help.out.contains("export"));
        const Run version = meshroute({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("meshroute "));
    }

    void validateReadsStandardInput()
    {
        QFile file(data("missing-subset.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run r = meshroute({"validate", "-"}, file.readAll());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(":23:17: error:"), qPrintable(r.out));
    }

    void exportWritesTheStreamAtomically()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("tcp-echo.yaml");
        const Run r = meshroute({"export", demo(), "-o", out, "--api-version", "v1beta1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count("kind: "), 7);
        QVERIFY(text.contains("apiVersion: networking.istio.io/v1beta1"));
        QVERIFY(!text.contains("networking.istio.io/v1\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind

        // Exported twice, the same bytes.
        const Run again = meshroute({"export", demo(), "--api-version", "v1beta1"});
        QCOMPARE(again.out, text);
    }

    void exportRefusesInputWithErrors()
    {
        const Run r = meshroute({"export", data("missing-subset.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("IST0101"));
    }

    void exportRejectsUnknownApiVersion()
    {
        QCOMPARE(meshroute({"export", demo(), "--api-version", "v2"}).exitCode, 2);
    }

    void exportPassesIstioSchemas()
    {
        QTemporaryDir dir;
        const QString checker = QStringLiteral(MESHROUTE_SHARED_DIR "/istio/check-manifests");
        if (!QFile::exists(checker))
            QSKIP("the shared Istio reference folder is not next to the repository");
        for (const char *version : {"v1", "v1beta1", "v1alpha3"}) {
            const QString out = dir.filePath(QString("demo-%1.yaml").arg(version));
            QCOMPARE(meshroute({"export", demo(), "-o", out, "--api-version", version}).exitCode, 0);
            QProcess check;
            check.start("python3", {checker, out});
            QVERIFY(check.waitForFinished(60000));
            QVERIFY2(check.exitCode() == 0, check.readAll().constData());
        }
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
