// Keeps input/lkjip.schema.json in step with the parser: every object of the schema has the
// same keys as the parser's table of the same path (report/keys.h), and a description using
// every key of the schema, with values of the schema's types, parses without unknown-key or
// type errors.

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "report/keys.h"
#include "report/model.h"

namespace lkjip::report {
namespace {

/// A JSON value, just enough for reading the schema (objects keep their key order).
struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>,
               std::vector<std::pair<std::string, Json>>>
      v;
  const Json* get(const std::string& key) const {
    if (const auto* o = std::get_if<std::vector<std::pair<std::string, Json>>>(&v))
      for (const auto& [k, val] : *o)
        if (k == key) return &val;
    return nullptr;
  }
  const std::string* str() const { return std::get_if<std::string>(&v); }
  const std::vector<Json>* arr() const { return std::get_if<std::vector<Json>>(&v); }
  const std::vector<std::pair<std::string, Json>>* obj() const {
    return std::get_if<std::vector<std::pair<std::string, Json>>>(&v);
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string text) : s_(std::move(text)) {}
  Json parse() {
    Json j = value();
    space();
    if (i_ != s_.size()) fail("trailing text");
    return j;
  }

 private:
  std::string s_;
  size_t i_ = 0;

  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(i_));
  }
  void space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  void expect(char c) {
    space();
    if (i_ >= s_.size() || s_[i_] != c) fail(std::string("expected ") + c);
    ++i_;
  }
  bool take(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("bad escape");
        char e = s_[i_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'u':
            fail("\\u escapes are not used in the schema");
          default:
            out += e;
        }
      } else {
        out += c;
      }
    }
    expect('"');
    return out;
  }
  Json value() {
    space();
    if (i_ >= s_.size()) fail("unexpected end");
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      std::vector<std::pair<std::string, Json>> members;
      if (!take('}')) {
        do {
          std::string key = string();
          expect(':');
          members.emplace_back(key, value());
        } while (take(','));
        expect('}');
      }
      return {members};
    }
    if (c == '[') {
      ++i_;
      std::vector<Json> items;
      if (!take(']')) {
        do items.push_back(value());
        while (take(','));
        expect(']');
      }
      return {items};
    }
    if (c == '"') return {string()};
    for (auto [word, val] : {std::pair{"true", Json{true}}, std::pair{"false", Json{false}},
                             std::pair{"null", Json{nullptr}}})
      if (s_.compare(i_, std::strlen(word), word) == 0) {
        i_ += std::strlen(word);
        return val;
      }
    size_t used = 0;
    double d = std::stod(s_.substr(i_), &used);
    i_ += used;
    return {d};
  }
};

class SchemaSync : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(LKJIP_SOURCE_DIR "/input/lkjip.schema.json");
    ASSERT_TRUE(in.is_open());
    std::stringstream ss;
    ss << in.rdbuf();
    schema_ = JsonParser(ss.str()).parse();
  }

  /// Follows a local "$ref" ("#/$defs/name").
  const Json& resolve(const Json& node) const {
    const Json* ref = node.get("$ref");
    if (!ref || !ref->str()) return node;
    const std::string prefix = "#/$defs/";
    if (!ref->str()->starts_with(prefix)) throw std::runtime_error("unsupported $ref");
    const Json* target = schema_.get("$defs")->get(ref->str()->substr(prefix.size()));
    if (!target) throw std::runtime_error("dangling $ref " + *ref->str());
    return resolve(*target);
  }

  /// Collects path → property names for every object in the schema.
  void walk(const Json& raw, const std::string& path,
            std::map<std::string, std::vector<std::string>>& out) const {
    const Json& node = resolve(raw);
    if (const Json* props = node.get("properties")) {
      std::vector<std::string> keys;
      for (const auto& [k, child] : *props->obj()) {
        keys.push_back(k);
        walk(child, path.empty() ? k : path + "." + k, out);
      }
      out[path] = keys;
      const Json* extra = node.get("additionalProperties");
      EXPECT_TRUE(extra && std::get_if<bool>(&extra->v) && !std::get<bool>(extra->v))
          << "object `" << path << "` must set additionalProperties: false";
    }
    if (const Json* items = node.get("items")) walk(*items, path, out);
    for (const char* alt : {"oneOf", "anyOf"})
      if (const Json* alts = node.get(alt))
        for (const auto& a : *alts->arr()) walk(a, path, out);
  }

  /// A TOML value of the schema's type (the first alternative or enum value).
  std::string toml_value(const Json& raw) const {
    const Json& node = resolve(raw);
    if (const Json* e = node.get("enum")) {
      const Json& first = e->arr()->front();
      if (first.str()) return "\"" + *first.str() + "\"";
      return std::to_string(static_cast<long long>(std::get<double>(first.v)));
    }
    for (const char* alt : {"oneOf", "anyOf"})
      if (const Json* alts = node.get(alt)) return toml_value(alts->arr()->front());
    const Json* type = node.get("type");
    std::string t = type->str() ? *type->str() : *type->arr()->front().str();
    if (t == "string") return node.get("format") ? "2025-01-03" : "\"x1\"";
    if (t == "number") return "1.5";
    if (t == "integer") {
      const Json* min = node.get("minimum");
      return min ? std::to_string(static_cast<long long>(std::get<double>(min->v)) + 1) : "1";
    }
    if (t == "boolean") return "true";
    std::string out;
    if (t == "array") return out.append("[").append(toml_value(*node.get("items"))).append("]");
    out = "{ ";
    for (const auto& [k, child] : *node.get("properties")->obj()) {
      if (out.size() > 2) out.append(", ");
      out.append(k).append(" = ").append(toml_value(child));
    }
    return out.append(" }");
  }

  Json schema_;
};

TEST_F(SchemaSync, SchemaObjectsHaveTheParsersKeys) {
  std::map<std::string, std::vector<std::string>> from_schema;
  walk(schema_, "", from_schema);
  const auto& from_parser = detail::description_keys();
  for (const auto& [path, keys] : from_parser) {
    auto it = from_schema.find(path);
    if (it == from_schema.end()) {
      ADD_FAILURE() << "schema lacks the object `" << path << "`";
      continue;
    }
    std::set<std::string> a(keys.begin(), keys.end()), b(it->second.begin(), it->second.end());
    for (const auto& k : a)
      EXPECT_TRUE(b.contains(k)) << "schema object `" << path << "` lacks key `" << k << "`";
    for (const auto& k : b)
      EXPECT_TRUE(a.contains(k)) << "parser table `" << path << "` lacks key `" << k << "`";
  }
  for (const auto& [path, keys] : from_schema)
    EXPECT_TRUE(from_parser.contains(path))
        << "parser has no table for schema object `" << path << "`";
}

TEST_F(SchemaSync, ParserAcceptsEverySchemaKeyWithItsType) {
  std::string doc;
  for (const auto& [key, child] : *schema_.get("properties")->obj())
    doc += key + " = " + toml_value(child) + "\n";
  DiagnosticSink sink;
  parse_description(doc, "generated.toml", {}, sink);  // throws InternalError on an unread key
  size_t checked = 0;
  for (const auto& d : sink.all()) {
    std::string text = format_diagnostic(d);
    EXPECT_EQ(text.find("unknown key"), std::string::npos) << text << "\n" << doc;
    EXPECT_EQ(text.find(": expected "), std::string::npos) << text << "\n" << doc;
    ++checked;
  }
  // The generated values are type-correct but not a valid report (dangling ids, …): the
  // parser must have read far enough to say so.
  EXPECT_GT(checked, 0u);
  EXPECT_NE(doc.find("sub = [{ id = \"x1\""), std::string::npos) << doc;
}

}  // namespace
}  // namespace lkjip::report
