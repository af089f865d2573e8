// MainWindow's Help menu: shortcuts, the lesson, the homework and About.
#include "mainwindow.h"

#include "base/buildinfo.h"
#include "lessonpanel.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace rpcscope::widgets {

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(QString(), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    shortcuts->setShortcut(Qt::Key_F1);
    QAction *lessonAction = help->addAction(QString(), this, [this] {
        auto *dock = findChild<QDockWidget *>(QStringLiteral("lessonDock"));
        dock->show();
        dock->raise();
    });
    lessonAction->setObjectName(QStringLiteral("lesson"));
    lessonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *nextStep = help->addAction(QString(), this, [this] {
        findChild<LessonPanel *>()->startNext();
    });
    nextStep->setObjectName(QStringLiteral("nextLessonStep"));
    nextStep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QAction *homework = help->addAction(QString(), this, &MainWindow::showHomework);
    homework->setObjectName(QStringLiteral("homework"));
    help->addSeparator();
    QAction *about = help->addAction(QString(), this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    m_i18n.add([help, shortcuts, lessonAction, nextStep, homework, about, aboutQt] {
        help->setTitle(tr("&Help"));
        shortcuts->setText(tr("&Keyboard Shortcuts"));
        lessonAction->setText(tr("&Lesson: the Chapter Step by Step"));
        lessonAction->setStatusTip(tr("The chapter's ideas in order, each a scenario with what to say and what to "
                                      "ask, and a glossary in three languages"));
        nextStep->setText(tr("Next Lesson &Step"));
        homework->setText(tr("&Homework: the Chapter's Questions…"));
        homework->setStatusTip(tr("Each question of the chapter's coding homework, with the scenario, "
                                  "settings and command that answer it"));
        about->setText(tr("&About RpcScope"));
        aboutQt->setText(tr("About &Qt"));
    });
}

QString MainWindow::aboutText()
{
    return tr("<h3>RpcScope %1</h3>"
              "<p>See and tune how RPC behaves over an unreliable network.</p>"
              "<p>Built with Qt %2, running on Qt %3; protobuf %4.</p>")
               .arg(BuildInfo::programVersion(), BuildInfo::qtCompileVersion(),
                    BuildInfo::qtRuntimeVersion(), BuildInfo::protobufVersion())
           + tr("<p>RpcScope is free software under the MIT licence. It uses Qt under the GNU LGPL "
                "version 3 and protobuf under the BSD 3-Clause licence.</p>");
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About RpcScope"), aboutText());
}

void MainWindow::showHomework()
{
    auto *dialog = findChild<QDialog *>(QStringLiteral("homeworkDialog"));
    if (!dialog) {
        dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("homeworkDialog"));
        auto *layout = new QVBoxLayout(dialog);
        auto *text = new QTextBrowser(dialog);
        text->setOpenExternalLinks(true);
        QFile page(QStringLiteral(":/docs/homework.md"));
        if (page.open(QIODevice::ReadOnly))
            text->setMarkdown(QString::fromUtf8(page.readAll()));
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(QSize(760, 640).boundedTo(screen()->availableSize() * 0.9));
    }
    dialog->setWindowTitle(tr("Homework"));
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace rpcscope::widgets
