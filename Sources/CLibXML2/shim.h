#ifndef VECTORDB_CLIBXML2_SHIM_H
#define VECTORDB_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// libxml2 exposes `xmlFree` as a global function pointer, which Swift 6 rejects as shared mutable
/// state; this wrapper calls it from C.
static inline void vectordb_xml_free(void *pointer) { xmlFree(pointer); }
#endif
