#pragma once

#include <QMainWindow>

class QLabel;

namespace rpcscope::widgets {

// The application window: menus, status bar and the docks later views live in.
// Geometry and dock layout are remembered in QSettings between runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The About text: program, Qt and protobuf versions (also shown by tests).
    static QString aboutText();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    QLabel *m_placeholder = nullptr;
};

} // namespace rpcscope::widgets
