// Atomic writes: the new contents appear whole or not at all; a failed write leaves
// the original untouched and no temporary behind. Capped reads.

#include "support/atomicfile.h"
#include "yamltest.h"

#include <QDir>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace meshroute;
using namespace yamltest;

namespace {

QStringList entries(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class tst_AtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void writesANewFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/new.yaml";
        std::string error;
        QVERIFY2(writeFileAtomically(path, "a: 1\n", error), error.c_str());
        QVERIFY(error.empty());
        QCOMPARE(readBytes(path), std::string("a: 1\n"));
        QCOMPARE(entries(dir), QStringList{"new.yaml"});
    }

    void replacesAndKeepsPermissions()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/file.yaml";
        QVERIFY(writeBytes(path, "old\n"));
        QVERIFY(::chmod(path.c_str(), 0640) == 0);
        std::string error;
        QVERIFY2(writeFileAtomically(path, "new contents\n", error), error.c_str());
        QCOMPARE(readBytes(path), std::string("new contents\n"));
        struct stat st;
        QVERIFY(::stat(path.c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(entries(dir), QStringList{"file.yaml"});
    }

    void writesThroughASymbolicLink()
    {
        QTemporaryDir dir;
        const std::string target = dir.path().toStdString() + "/target.yaml";
        const std::string link = dir.path().toStdString() + "/link.yaml";
        QVERIFY(writeBytes(target, "old\n"));
        QVERIFY(::symlink(target.c_str(), link.c_str()) == 0);
        std::string error;
        QVERIFY2(writeFileAtomically(link, "new\n", error), error.c_str());
        QCOMPARE(readBytes(target), std::string("new\n"));
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
    }

    void failuresLeaveTheOriginal_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("path is a folder") << "folder";
        QTest::newRow("folder does not exist") << "missing-folder";
        QTest::newRow("folder not writable (read-only file system)") << "read-only";
        QTest::newRow("disk full midway (file size limit)") << "file-size-limit";
    }

    void failuresLeaveTheOriginal()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const std::string original = dir.path().toStdString() + "/original.yaml";
        QVERIFY(writeBytes(original, "precious: true\n"));
        std::string path = original;
        std::string contents = "replacement\n";
        if (kind == "folder") {
            QVERIFY(QDir(dir.path()).mkdir("sub"));
            path = dir.path().toStdString() + "/sub";
        } else if (kind == "missing-folder") {
            path = dir.path().toStdString() + "/no/such/folder/file.yaml";
        } else if (kind == "read-only") {
            path = "/proc/version"; // a file in a folder nobody, not even root, can create files in
        }

        std::string error;
        bool written = false;
        if (kind == "file-size-limit") {
            // The write fails with EFBIG after 4 KB, as on a full disk.
            contents = std::string(1 << 20, 'x');
            rlimit saved{};
            QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
            const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit small = saved;
            small.rlim_cur = 4096;
            QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
            written = writeFileAtomically(path, contents, error);
            ::setrlimit(RLIMIT_FSIZE, &saved);
            std::signal(SIGXFSZ, previousHandler);
        } else {
            written = writeFileAtomically(path, contents, error);
        }
        QVERIFY(!written);
        QVERIFY(!error.empty());
        QCOMPARE(readBytes(original), std::string("precious: true\n"));
        if (kind == "folder")
            QVERIFY(QFileInfo(QString::fromStdString(path)).isDir());
        // No temporary file left behind.
        QStringList expected{"original.yaml"};
        if (kind == "folder")
            expected << "sub";
        QCOMPARE(entries(dir), expected);
    }

    void readsWithASizeCap()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data.yaml";
        QVERIFY(writeBytes(path, std::string(1000, 'a')));
        std::string contents;
        std::string error;
        QVERIFY2(readFile(path, contents, error, 1000), error.c_str());
        QCOMPARE(contents.size(), std::size_t(1000));

        QVERIFY(!readFile(path, contents, error, 999));
        QVERIFY(contents.empty());
        QVERIFY2(error.find("limit") != std::string::npos, error.c_str());

        QVERIFY(!readFile(dir.path().toStdString(), contents, error, 1000));
        QVERIFY2(error.find("folder") != std::string::npos, error.c_str());

        QVERIFY(!readFile(dir.path().toStdString() + "/missing.yaml", contents, error, 1000));
        QVERIFY2(error.find("No such file") != std::string::npos, error.c_str());

        // A pipe (no size known in advance) is read up to the cap and refused past it.
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const std::string chunk(3000, 'p');
        QVERIFY(::write(fds[1], chunk.data(), chunk.size()) == static_cast<ssize_t>(chunk.size()));
        ::close(fds[1]);
        const std::string pipePath = "/proc/self/fd/" + std::to_string(fds[0]);
        QVERIFY(!readFile(pipePath, contents, error, 2000));
        ::close(fds[0]);
    }
};

QTEST_GUILESS_MAIN(tst_AtomicFile)
#include "tst_atomicfile.moc"
