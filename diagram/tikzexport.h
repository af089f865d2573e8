#pragma once

#include "diagramexport.h"

#include <QByteArray>
#include <QString>

namespace rpcscope::diagram {

// What surrounds the frame in a TikZ export.
struct TikzOptions
{
    QString title;           // the caption, as on a slide
    QString subtitle;        // the settings that shape the story
    bool legend = false;     // a key to every mark
    bool standalone = true;  // a whole document (standalone class); false: the tikzpicture alone
};

// The sequence diagram of `made` as a TikZ picture for a thesis or a paper:
// the frame's own items and placed labels in the painter's colours, at one
// point per pixel of the frame (y pointing up, so the frame's y is negated).
// Crosses, clocks and dots are drawn with TikZ paths, not glyphs; the
// words are escaped for LaTeX, and symbols such as → and · are written as
// LaTeX commands, so pdfLaTeX typesets any Latin-script text. Other
// scripts are written as they are, with a comment that says to use XeLaTeX
// or LuaLaTeX.
QByteArray tikzDiagram(const ExportFrame &made, const TikzOptions &options);

// `text` for a LaTeX paragraph: # $ % & _ { } ~ ^ \ < > | escaped, the
// diagram's symbols as commands. Sets `*beyondPdfLatex` (when given) if it
// leaves characters that pdfLaTeX cannot typeset.
QString latexEscaped(const QString &text, bool *beyondPdfLatex = nullptr);

} // namespace rpcscope::diagram
