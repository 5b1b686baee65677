// libxml2's HTML parser and XPath.
//
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's
// headers, whose UErrorCode clashes with the ICU inside Foundation: any Swift
// module that sees both fails to build. Lectern never touches the ICU part of
// libxml2's API (the converter fields of xmlCharEncodingHandler, which it only
// handles through pointers), so the ICU switch is turned off for this view of
// the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
