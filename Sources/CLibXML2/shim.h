// libxml2's HTML parser and XPath. Files that import this module must not import
// Foundation (Debian's headers pull in ICU; see docs/ARCHITECTURE.md).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
