// Numbers as reports print them, identical natively and in wasm (internal).
#pragma once

#include "../i18n/wording.hpp"

namespace exportcheck::rules_detail {

using namespace wording;  // human(), json_number(): their home is i18n/wording.hpp

}  // namespace exportcheck::rules_detail
