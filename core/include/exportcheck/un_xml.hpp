// Extras for the UN Security Council consolidated list XML; the parser itself is parse_un_xml() in
// lists.hpp.
#pragma once

#include <string>
#include <string_view>

namespace exportcheck {

#ifndef __EMSCRIPTEN__
// The `dateGenerated` attribute of the CONSOLIDATED_LIST root (e.g. "2026-02-27T00:00:09.554Z"), or ""
// when there is none. A cheap scan of the root's start tag: it does not validate the document.
std::string un_xml_date_generated(std::string_view xml);
#endif

}  // namespace exportcheck
