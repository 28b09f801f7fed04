#ifndef BACA_LIBXML2_SHIM_H
#define BACA_LIBXML2_SHIM_H

// libxml2's HTML parser, for BacaFeeds. The include path (/usr/include/libxml2) comes from
// pkg-config (`libxml-2.0`), declared on the system-library target in Package.swift.
//
// Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes ICU's
// <unicode/ucnv.h>. Foundation ships its own copy of ICU's headers, and the two definitions of
// `UErrorCode` collide in any Swift module that imports both. ICU only adds two pointer
// fields at the end of `xmlCharEncodingHandler`, a struct baca never reads, so hiding ICU from
// the headers changes nothing that Swift touches: libxml2 itself still converts with ICU/iconv.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
