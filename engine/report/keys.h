// The keys a description may contain, per table, as the parser reads them. Internal to
// engine/report/; exposed so a unit test can keep input/lkjip.schema.json in step with the
// parser (every schema object's property set must equal the table of the same path).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace lkjip::report::detail {

/// Table path → allowed keys. Paths name tables as in SCHEMA.md: "" is the root, "iku" an
/// [[iku]] entry, "iku.history" an entry of its `history` array, "program.kegiatan.sub" …
/// Arrays add no path segment of their own.
const std::map<std::string, std::vector<std::string>>& description_keys();

/// The allowed keys of one table path; internal_error for a path not in the table.
const std::vector<std::string>& keys_of(const std::string& path);

/// Names of the generated tables (`@table <name>`, keys of [captions]); reserved as ids.
const std::vector<std::string>& generated_table_names();

}  // namespace lkjip::report::detail
