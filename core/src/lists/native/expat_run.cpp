#include "expat_run.hpp"

#include <algorithm>
#include <new>

namespace exportcheck::native_xml {

Parser make_parser(const char* encoding, void* user_data, XML_StartElementHandler start, XML_EndElementHandler end,
                   XML_CharacterDataHandler text) {
    Parser parser(XML_ParserCreate(encoding));
    if (!parser) throw std::bad_alloc();
    XML_SetUserData(parser.get(), user_data);
    XML_SetElementHandler(parser.get(), start, end);
    XML_SetCharacterDataHandler(parser.get(), text);
    return parser;
}

bool feed(XML_Parser parser, std::string_view xml) {
    constexpr std::size_t kChunk = std::size_t{1} << 24;
    std::size_t pos = 0;
    do {  // once at least: an empty document is malformed too ("no element found")
        const std::size_t n = std::min(kChunk, xml.size() - pos);
        const bool last = pos + n == xml.size();
        if (XML_Parse(parser, xml.data() + pos, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK)
            return false;
        pos += n;
    } while (pos < xml.size());
    return true;
}

std::string expat_error(XML_Parser parser) {
    return "line " + std::to_string(XML_GetCurrentLineNumber(parser)) + ", column " +
           std::to_string(XML_GetCurrentColumnNumber(parser) + 1) + ": " + XML_ErrorString(XML_GetErrorCode(parser));
}

}  // namespace exportcheck::native_xml
