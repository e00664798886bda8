#include "args.hpp"

#include <algorithm>

namespace exportcheck::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& flags) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const auto& a = argv[i];
        if (a.size() > 1 && a[0] == '-' && a != "-") {
            std::string name = a.substr(a.find_first_not_of('-'));
            if (name == "o") name = "output";
            if (const auto eq = name.find('='); eq != std::string::npos) {
                options_.emplace(name.substr(0, eq), name.substr(eq + 1));
            } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
                options_.emplace(name, "");
            } else {
                if (i + 1 >= argv.size()) throw UsageError("option --" + name + " needs a value");
                options_.emplace(name, argv[++i]);
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    const auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = options_.equal_range(name); it != end; ++it) out.push_back(it->second);
    return out;
}

std::string Args::require(const std::string& name) const {
    auto v = get(name);
    if (!v) throw UsageError("missing required option --" + name);
    return *v;
}

bool Args::flag(const std::string& name) const { return options_.count(name) > 0; }

void Args::only(const std::vector<std::string>& known) const {
    for (const auto& [name, value] : options_)
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw UsageError("unknown option --" + name);
}

}  // namespace exportcheck::cli
