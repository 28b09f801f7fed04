#ifndef BACA_CHAFA_SHIM_H
#define BACA_CHAFA_SHIM_H

// libchafa (`libchafa-dev`; its pkg-config needs `libglib2.0-dev`): draws decoded pixels as
// Unicode symbols with colours, or as sixel, kitty or iTerm2 graphics. It decodes no file
// formats itself (CImageCodecs does).
#include <chafa.h>

// GLib's GString, freed from Swift (g_string_free's macro form cannot be imported).
static inline void baca_gstring_free(GString *string) { g_string_free(string, TRUE); }

#endif
