// The one way the native list readers drive expat (OFAC's XML, the UN's XML, the parts of an xlsx workbook):
// a parser freed on every path, the whole document fed in chunks, and where it went wrong told as people count.
#pragma once

#include <expat.h>

#include <memory>
#include <string>
#include <string_view>

namespace exportcheck::native_xml {

struct ParserFree {
    void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};
using Parser = std::unique_ptr<XML_ParserStruct, ParserFree>;

// A parser (encoding nullptr: as the document says) with `user_data` and the three handlers set; throws
// std::bad_alloc when expat has no memory for one.
Parser make_parser(const char* encoding, void* user_data, XML_StartElementHandler start, XML_EndElementHandler end,
                   XML_CharacterDataHandler text);

// Feeds the whole document, in chunks (XML_Parse takes an int length). False when expat stopped: the document
// is malformed (expat_error says where and why) or a handler stopped the parser.
bool feed(XML_Parser parser, std::string_view xml);

// "line 3, column 7: mismatched tag" (expat counts columns from 0, people from 1).
std::string expat_error(XML_Parser parser);

}  // namespace exportcheck::native_xml
