#include "compute/json.h"

#include <charconv>

namespace lkjip::compute {

namespace {

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::text:
      return "text";
    case Value::Kind::integer:
      return "integer";
    case Value::Kind::number:
      return "number";
    case Value::Kind::percent:
      return "percent";
    case Value::Kind::points:
      return "points";
    case Value::Kind::ratio:
      return "ratio";
    case Value::Kind::money:
      return "money";
    case Value::Kind::quantity:
      return "quantity";
  }
  return "text";
}

const char* attainment_name(Attainment a) {
  switch (a) {
    case Attainment::unknown:
      return "unknown";
    case Attainment::not_met:
      return "not_met";
    case Attainment::met:
      return "met";
    case Attainment::exceeded:
      return "exceeded";
  }
  return "unknown";
}

/// Appends members in the order written; commas are handled by the writer. Written text goes
/// to `sink_` in pieces of about 64 KiB, so the whole document is never held at once.
class Writer {
 public:
  std::string out;

  explicit Writer(const std::function<void(std::string_view)>& sink) : sink_(sink) {}
  void flush() {
    sink_(out);
    out.clear();
  }

  void open(char c) {
    comma();
    out += c;
    first_ = true;
  }
  void close(char c) {
    out += c;
    first_ = false;
  }
  void key(const std::string& k) {
    comma();
    out += json_quote(k);
    out += ':';
    first_ = true;  // the value that follows needs no comma
  }
  void str(const std::string& s) {
    comma();
    out += json_quote(s);
  }
  void integer(long long n) {
    comma();
    out += std::to_string(n);
  }
  void value(const Value& v) {
    open('{');
    key("kind");
    str(kind_name(v.kind));
    key("known");
    raw(v.known ? "true" : "false");
    if (v.kind != Value::Kind::text) {
      key("value");
      if (v.known) {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, v.number);
        raw(std::string(buf, res.ptr));
      } else {
        raw("null");
      }
      key("exact");
      if (v.known) {
        str(v.exact.to_string());
      } else {
        raw("null");
      }
      if (!v.unit.empty()) {
        key("unit");
        str(v.unit);
      }
    }
    key("text");
    str(v.text);
    close('}');
    if (out.size() >= 64 * 1024) flush();
  }
  void member(const std::string& k, const Value& v) {
    key(k);
    value(v);
  }
  void member(const std::string& k, const std::string& s) {
    key(k);
    str(s);
  }
  void raw(const std::string& s) {
    comma();
    out += s;
  }
  /// `{ … }`, its members written by `body`; after key(), the value of that key.
  template <class Body>
  void object(Body&& body) {
    open('{');
    body();
    close('}');
  }
  template <class Body>
  void object(const std::string& k, Body&& body) {
    key(k);
    object(body);
  }
  /// `k: [ … ]`, `each` writing the element for every item.
  template <class Items, class Each>
  void array(const std::string& k, const Items& items, Each&& each) {
    key(k);
    open('[');
    for (const auto& item : items) each(item);
    close(']');
  }

 private:
  const std::function<void(std::string_view)>& sink_;
  bool first_ = true;
  void comma() {
    if (!first_) out += ',';
    first_ = false;
  }
};

void budget(Writer& w, const std::string& k, const BudgetFigures& b) {
  w.object(k, [&] {
    w.member("anggaran", b.anggaran);
    w.member("realisasi", b.realisasi);
    w.member("serapan", b.serapan);
    w.member("sisa", b.sisa);
    w.member("share", b.share);
  });
}

void iku(Writer& w, const ComputedTables& t) {
  w.array("iku", t.iku, [&](const IkuResult& k) {
    w.object([&] {
      w.member("id", k.iku->id);
      w.member("sasaran", t.sasaran.at(k.sasaran).sasaran->id);
      w.member("target", k.target);
      w.member("realisasi", k.realisasi);
      w.member("capaian", k.capaian);
      w.member("capaian_capped", k.capaian_capped);
      w.member("predikat", k.predikat);
      w.member("attainment", attainment_name(k.attainment));
      w.array("history", k.history, [&](const HistoryRow& h) {
        w.object([&] {
          w.key("year");
          w.integer(h.year);
          w.member("target", h.target);
          w.member("realisasi", h.realisasi);
          w.member("capaian", h.capaian);
          w.member("change", h.change);
          w.member("change_pct", h.change_pct);
        });
      });
      w.member("prev", k.prev);
      w.member("change", k.change);
      w.member("change_pct", k.change_pct);
      w.member("renstra_target", k.renstra_target);
      w.member("kemajuan", k.kemajuan);
      budget(w, "budget", k.budget);
      w.member("efisiensi", k.efisiensi);
      // (A plain pair, not a structured binding: clang 14 cannot capture those in a lambda.)
      for (const auto& level :
           {std::pair{"kabupaten", &k.kabupaten}, std::pair{"provinsi", &k.provinsi},
            std::pair{"nasional", &k.nasional}}) {
        const ComparisonCell* cell = level.second;
        w.object(level.first, [&] {
          w.member("reference", cell->reference);
          w.member("difference", cell->difference);
        });
      }
    });
  });
}

void sasaran(Writer& w, const ComputedTables& t) {
  w.array("sasaran", t.sasaran, [&](const SasaranResult& s) {
    w.object([&] {
      w.member("id", s.sasaran->id);
      w.array("iku", s.iku, [&](size_t i) { w.str(t.iku.at(i).iku->id); });
      w.member("capaian", s.capaian);
      w.member("predikat", s.predikat);
      w.member("jumlah_iku", s.jumlah_iku);
      w.member("tercapai", s.tercapai);
      w.member("melampaui", s.melampaui);
      w.member("tidak_tercapai", s.tidak_tercapai);
      w.member("tanpa_data", s.tanpa_data);
      budget(w, "budget", s.budget);
      w.member("efisiensi", s.efisiensi);
    });
  });
}

void overall(Writer& w, const Overall& o) {
  w.object("overall", [&] {
    w.member("average_name", o.average_name);
    w.member("rata_rata", o.rata_rata);
    w.member("rata_rata_iku", o.rata_rata_iku);
    w.member("rata_rata_sasaran", o.rata_rata_sasaran);
    w.member("predikat", o.predikat);
    w.member("jumlah_iku", o.jumlah_iku);
    w.member("jumlah_sasaran", o.jumlah_sasaran);
    w.member("tercapai", o.tercapai);
    w.member("melampaui", o.melampaui);
    w.member("tidak_tercapai", o.tidak_tercapai);
    w.member("tanpa_data", o.tanpa_data);
    w.member("rata_rata_prev", o.rata_rata_prev);
    w.member("rata_rata_change", o.rata_rata_change);
  });
}

void activities(Writer& w, const ComputedTables& t) {
  w.array("activities", t.activities, [&](const ActivityResult& a) {
    w.object([&] {
      w.member("id", a.activity->id);
      w.member("number", a.number);
      w.key("level");
      w.integer(a.level);
      w.array("indicators", a.indicators, [&](const IndicatorResult& i) {
        w.object([&] {
          w.member("name", i.indicator->name);
          w.member("target", i.target);
          w.member("realisasi", i.realisasi);
          w.member("capaian", i.capaian);
          w.member("attainment", attainment_name(i.attainment));
        });
      });
      w.member("capaian", a.capaian);
      budget(w, "budget", a.budget);
      w.member("efisiensi", a.efisiensi);
    });
  });
}

void others(Writer& w, const ComputedTables& t) {
  w.array("components", t.components, [&](const ComponentsResult& c) {
    w.object([&] {
      w.member("id", c.components->id);
      w.array("rows", c.rows, [&](const ComponentRow& r) {
        w.object([&] {
          w.member("name", r.item->name);
          w.member("weight", r.weight);
          w.member("value", r.value);
          w.member("capaian", r.capaian);
          w.member("weighted", r.weighted);
        });
      });
      w.member("weight_total", c.weight_total);
      w.member("total", c.total);
    });
  });
  w.array("surveys", t.surveys, [&](const SurveyResult& s) {
    w.object([&] {
      w.member("id", s.survey->id);
      w.array("rows", s.rows, [&](const SurveyRow& r) {
        w.object([&] {
          w.member("name", r.item->name);
          w.member("value", r.value);
          w.member("keterangan", r.keterangan);
        });
      });
      w.member("average", s.average);
      w.member("keterangan", s.keterangan);
    });
  });
  w.array("tables", t.tables, [&](const TableResult& tr) {
    w.object([&] {
      w.member("id", tr.table->id);
      w.key("cells");
      w.open('[');
      for (const auto& row : tr.cells) {
        w.open('[');
        for (const Value& v : row) w.value(v);
        w.close(']');
      }
      w.close(']');
      w.array("totals", tr.totals, [&](const Value& v) { w.value(v); });
    });
  });
}

}  // namespace

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
  return out;
}

std::string to_json(const ComputedTables& t) {
  std::string out;
  write_json(t, [&](std::string_view piece) { out += piece; });
  return out;
}

void write_json(const ComputedTables& t, const std::function<void(std::string_view)>& sink) {
  Writer w(sink);
  w.open('{');
  iku(w, t);
  sasaran(w, t);
  overall(w, t.overall);
  activities(w, t);
  w.object("budget", [&] {
    budget(w, "figures", t.budget.figures);
    w.member("efisiensi", t.budget.efisiensi);
    w.member("efficiency_formula", t.budget.efficiency_formula);
  });
  others(w, t);
  w.object("refs", [&] {
    for (const auto& [path, v] : t.refs) w.member(path, v);  // std::map: sorted, stable
  });
  w.close('}');
  w.out += '\n';
  w.flush();
}

}  // namespace lkjip::compute
