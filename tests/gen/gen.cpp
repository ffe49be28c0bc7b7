// lkjip-gen: writes synthetic but realistic, valid report descriptions (input/SCHEMA.md) of the
// units of Kabupaten Jombang, for bulk tests and the benchmarks. Deterministic for a seed:
// description i depends only on (seed, i, pages-scale), so --count 6 is a prefix of --count 1000.
//   lkjip-gen --count N --out DIR [--seed S] [--pages-scale K]
// --pages-scale K multiplies the narrative, the villages and the programs (K = 1: about 20-30
// pages; the page count grows about linearly with K).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// SplitMix64: a tiny generator whose sequence is fixed by its definition, unlike the
/// standard distributions, whose results differ between library implementations.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi] (the modulo bias is irrelevant for test data).
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return range(1, 100) <= percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[next() % v.size()];
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  uint64_t state_;
};

const std::vector<std::string> kKecamatan = {"Bandar Kedung Mulyo",
                                             "Bareng",
                                             "Diwek",
                                             "Gudo",
                                             "Jogoroto",
                                             "Jombang",
                                             "Kabuh",
                                             "Kesamben",
                                             "Kudu",
                                             "Megaluh",
                                             "Mojoagung",
                                             "Mojowarno",
                                             "Ngoro",
                                             "Ngusikan",
                                             "Perak",
                                             "Peterongan",
                                             "Plandaan",
                                             "Ploso",
                                             "Sumobito",
                                             "Tembelang",
                                             "Wonosalam"};

/// Perangkat daerah of a kabupaten (name, short name for the jabatan line).
const std::vector<std::string> kDinas = {
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Ketahanan Pangan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Pariwisata",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Pertanian",
    "Dinas Perikanan",
    "Dinas Perindustrian dan Perdagangan",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pendapatan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Inspektorat Daerah",
    "Satuan Polisi Pamong Praja",
    "Sekretariat Daerah",
    "Sekretariat DPRD"};

const std::vector<std::string> kDesa = {
    "Turi Pinggir", "Gongseng",     "Sudimoro",   "Balongsari",  "Sumbersari", "Ngogri",
    "Sidomulyo",    "Balonggemek",  "Dukuharum",  "Sumberagung", "Pacarpeluk", "Kedungrejo",
    "Karangrejo",   "Wonosari",     "Ngampel",    "Jatipelem",   "Kayen",      "Keras",
    "Bulurejo",     "Cukir",        "Grogol",     "Bendet",      "Kwaron",     "Ngudirejo",
    "Pundong",      "Kedunglosari", "Brodot",     "Sembung",     "Tebuireng",  "Mayangan",
    "Sukosari",     "Tambakrejo",   "Banjardowo", "Plosogeneng", "Denanyar",   "Pulolor",
    "Kepanjen",     "Candimulyo",   "Jelakombo",  "Sengon",      "Tunggorono", "Kaliwungu"};

const std::vector<std::string> kFirstNames = {
    "BAMBANG", "SITI", "AHMAD",     "SRI", "AGUS",  "ENDANG", "MOH.",  "DWI",
    "HERU",    "NUR",  "YULI",      "EKO", "RINA",  "SUGENG", "WAHYU", "LILIK",
    "HADI",    "ANIK", "SUPRIYADI", "TRI", "ANANG", "DEWI",   "IMAM",  "RETNO"};
const std::vector<std::string> kLastNames = {
    "SUTRISNO",  "RAHAYU",  "FAUZI",    "WULANDARI", "PRASETYO", "HIDAYAT",   "SANTOSO",
    "KURNIAWAN", "LESTARI", "SETIAWAN", "MUSTOFA",   "ARIFIN",   "HANDAYANI", "PURNOMO"};
const std::vector<std::string> kDegrees = {", S.Sos., M.Si.", ", S.STP., M.Si.", ", S.H., M.H.",
                                           ", S.E., M.M.",    ", S.Kom.",        ", M.AP.",
                                           ", S.Pd., M.Pd.",  ", S.T., M.T."};

const std::vector<std::string> kWords = {
    "pelayanan",   "masyarakat",    "pemerintahan", "kinerja",      "peningkatan", "pelaksanaan",
    "program",     "kegiatan",      "desa",         "koordinasi",   "evaluasi",    "perencanaan",
    "anggaran",    "pembangunan",   "kualitas",     "administrasi", "sasaran",     "capaian",
    "pengawasan",  "pembinaan",     "pemberdayaan", "ketertiban",   "keamanan",    "data",
    "laporan",     "dokumen",       "aparatur",     "tahun",        "daerah",      "wilayah",
    "secara",      "berkelanjutan", "terpadu",      "efektif",      "efisien",     "akuntabel",
    "transparan",  "yang",          "dan",          "dalam",        "untuk",       "dengan",
    "serta",       "melalui",       "terhadap",     "telah",        "akan",        "dapat",
    "sesuai",      "ketentuan",     "peraturan",    "bupati",       "kabupaten",   "optimal",
    "partisipasi", "penguatan",     "sinergi",      "inovasi",      "digital",     "aplikasi",
    "pengaduan",   "tindak",        "lanjut",       "indikator",    "target",      "realisasi"};

const std::vector<std::string> kMisi = {
    "Mewujudkan Tata Kelola Pemerintahan yang Bersih dan Profesional",
    "Meningkatkan Kualitas Pelayanan Publik",
    "Mewujudkan Kehidupan Masyarakat yang Religius, Berbudaya dan Berkarakter",
    "Meningkatkan Daya Saing Ekonomi Daerah yang Berkelanjutan"};

/// An IKU template: text, unit, direction and a plausible target range (in hundredths).
struct IkuTemplate {
  const char* id;
  const char* name;  // "{u}" is replaced by the unit name
  const char* unit;
  bool lower;
  int target_lo, target_hi;  // hundredths
  const char* formula;
};

const std::vector<IkuTemplate> kIku = {
    {"akip", "Nilai Evaluasi AKIP {u}", "nilai", false, 6000, 8000, "Nilai Evaluasi AKIP tahun n"},
    {"ikm", "Indeks Kepuasan Masyarakat (IKM) {u}", "indeks", false, 8000, 8800,
     "Rata-rata nilai IKM seluruh jenis layanan"},
    {"ipp", "Indeks Pelayanan Publik (IPP) {u}", "indeks", false, 300, 400,
     "Nilai IPP hasil evaluasi KemenPANRB tahun n"},
    {"aduan", "Persentase pengaduan masyarakat yang tidak ditindaklanjuti", "%", true, 500, 1500,
     "Pengaduan tidak ditindaklanjuti / jumlah pengaduan x 100%"},
    {"lpj_desa", "Persentase desa yang menyampaikan LPJ APB Desa tepat waktu", "%", false, 9000,
     10000, "Desa yang menyampaikan LPJ tepat waktu / jumlah desa x 100%"},
    {"trantibum", "Persentase pelanggaran Perda dan Trantibum yang ditindaklanjuti", "%", false,
     9000, 10000, "Pelanggaran yang ditindaklanjuti / pelanggaran yang dilaporkan x 100%"},
    {"rb", "Nilai Reformasi Birokrasi {u}", "nilai", false, 6000, 7500,
     "Nilai evaluasi Reformasi Birokrasi tahun n"},
    {"miskin", "Persentase penduduk miskin di wilayah kerja", "%", true, 800, 1200,
     "Penduduk miskin / jumlah penduduk x 100%"},
    {"stunting", "Prevalensi balita stunting", "%", true, 1000, 2000,
     "Balita stunting / balita yang diukur x 100%"},
    {"waktu_layanan", "Rata-rata waktu penyelesaian layanan administrasi", "hari", true, 200, 500,
     "Jumlah hari penyelesaian / jumlah layanan"},
    {"kompetensi", "Persentase ASN yang memenuhi standar kompetensi jabatan", "%", false, 7000,
     9500, "ASN yang memenuhi standar / jumlah ASN x 100%"},
    {"arsip", "Persentase arsip yang tertata sesuai standar", "%", false, 7500, 10000,
     "Arsip tertata / jumlah arsip x 100%"}};

const std::vector<std::string> kProgram = {
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "Program Penyelenggaraan Urusan Pemerintahan Umum",
    "Program Pembinaan dan Pengawasan Pemerintahan Desa",
    "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    "Program Pengelolaan Informasi Administrasi Kependudukan",
    "Program Pengembangan Sumber Daya Manusia",
    "Program Penanggulangan Bencana"};

const std::vector<std::string> kKegiatan = {
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan Pemerintahan Desa",
    "Koordinasi Kegiatan Pemberdayaan Desa"};

/// Sub-kegiatan with its output indicator and unit of measure.
struct SubTemplate {
  const char* name;
  const char* indicator;
  const char* unit;  // "" → a percentage
  int lo, hi;        // target range
};
const std::vector<SubTemplate> kSub = {
    {"Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen perencanaan yang tersusun",
     "dokumen", 2, 6},
    {"Penyediaan Gaji dan Tunjangan ASN", "Jumlah bulan pembayaran gaji dan tunjangan ASN", "bulan",
     12, 14},
    {"Penyediaan Barang Cetakan dan Penggandaan", "Jumlah barang cetakan yang disediakan", "lembar",
     800, 7000},
    {"Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
     "Jumlah bulan layanan jasa komunikasi, air dan listrik", "bulan", 12, 12},
    {"Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "Jumlah laporan rapat koordinasi",
     "laporan", 3, 12},
    {"Pemeliharaan Kendaraan Dinas Operasional", "Jumlah kendaraan dinas yang dipelihara", "unit",
     2, 15},
    {"Pelayanan Administrasi Terpadu Kecamatan", "Persentase layanan yang selesai tepat waktu", "",
     90, 100},
    {"Fasilitasi Administrasi Tata Pemerintahan Desa", "Jumlah desa yang difasilitasi", "desa", 5,
     25},
    {"Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
     "Jumlah kegiatan Forkopimcam yang dilaksanakan", "kegiatan", 4, 24},
    {"Peningkatan Partisipasi Masyarakat dalam Musyawarah Perencanaan Pembangunan Desa",
     "Jumlah laporan monitoring perencanaan pembangunan desa", "laporan", 4, 26}};

const std::vector<std::string> kLayanan = {
    "Fasilitasi KTP-elektronik",   "Fasilitasi Kartu Keluarga (KK)", "Fasilitasi SKCK",
    "Surat Keterangan Ahli Waris", "Rekomendasi Izin Keramaian",     "Legalisasi Dokumen"};

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

/// A TOML basic string.
std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// `hundredths` / 100 as a TOML number with two decimals ("70.20"). Precondition: >= 0 (every
/// generated figure is positive).
std::string dec(int hundredths) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%02d", hundredths / 100, hundredths % 100);
  return buf;
}

/// Indonesian grouping for quantities written as text: 1100 → "1.100".
std::string grouped(long v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

/// A NIP that passes the engine's checks: birth date, CPNS start after it, sex digit, serial.
std::string nip(Rng& r) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int year = r.range(1966, 1988), month = r.range(1, 12);
  const int day = r.range(1, days[month - 1]);  // February capped at 28: valid in every year
  const int cpns = year + r.range(22, 30), cpns_month = r.range(1, 12);
  const char* sex = r.chance(60) ? "1" : "2";
  const int serial = r.range(1, 999);
  char serial_digits[8];
  std::snprintf(serial_digits, sizeof serial_digits, "%03d", serial);
  return std::to_string(year) + two(month) + two(day) + std::to_string(cpns) + two(cpns_month) +
         sex + serial_digits;
}

struct Unit {
  std::string name;  // "Kecamatan Megaluh", "Dinas Kesehatan"
  std::string head;  // "CAMAT MEGALUH", "KEPALA DINAS KESEHATAN"
  bool kecamatan = false;
};

/// Every unit name the generator knows, in the order of `seed`: the kecamatan and perangkat
/// daerah first, then (for large counts) UPTD units of the villages, so that names stay distinct.
std::vector<Unit> all_units(uint64_t seed) {
  Rng r(seed);
  std::vector<Unit> units;
  for (const auto& k : kKecamatan) units.push_back({"Kecamatan " + k, "CAMAT " + upper(k), true});
  for (const auto& d : kDinas) units.push_back({d, "KEPALA " + upper(d), false});
  r.shuffle(units);
  std::vector<Unit> uptd;
  for (const auto& desa : kDesa) {
    uptd.push_back({"UPTD Puskesmas " + desa, "KEPALA UPTD PUSKESMAS " + upper(desa), false});
    for (int n = 1; n <= 3; ++n) {
      const std::string name = "UPTD SD Negeri " + desa + " " + std::to_string(n);
      uptd.push_back({name, "KEPALA " + upper(name), false});
    }
  }
  r.shuffle(uptd);
  units.insert(units.end(), uptd.begin(), uptd.end());
  return units;
}

class Writer {
 public:
  Writer(uint64_t seed, int scale, const Unit& unit) : r_(seed), k_(scale), u_(unit) {}

  std::string description() {
    header();
    signatory();
    strategy_and_organisation();
    performance();
    programs();
    data_tables();
    narrative();
    return out_;
  }

 private:
  Rng r_;
  int k_;
  Unit u_;
  std::string out_;
  int sasaran_ = 0;
  std::vector<std::string> iku_ids_;
  int villages_ = 0;

  void line(const std::string& s = "") { out_ += s + "\n"; }
  void kv(const std::string& key, const std::string& value) { line(key + " = " + value); }

  std::string short_name() const {
    return u_.kecamatan ? u_.name.substr(std::string("Kecamatan ").size()) : u_.name;
  }

  void header() {
    line("# Synthetic description written by lkjip-gen (tests/gen); not a real report.");
    line("[report]");
    kv("unit", q(u_.name));
    kv("region", q("Kabupaten Jombang"));
    kv("year", "2024");
    kv("place", q("Jombang"));
    kv("date", "2025-01-" + two(r_.range(2, 28)));
    if (r_.chance(25)) kv("paper", q("F4"));
    kv("signatory", q("kepala"));
    line();
    line("[settings]");
    kv("decimals", "2");
    kv("capaian_cap", r_.chance(50) ? "100" : "0");
    kv("average", q(r_.chance(50) ? "per_sasaran" : "all_iku"));
    kv("efficiency", q(r_.chance(70) ? "difference" : "ratio"));
    kv("money", q(r_.chance(60) ? "puebi" : "rp_dot"));
    line();
  }

  void signatory() {
    line("[[signatory]]");
    kv("id", q("kepala"));
    const bool plt = r_.chance(20);
    kv("prefix", q(plt ? "Plt." : ""));
    kv("jabatan", q(u_.head));
    if (plt) kv("own_jabatan", q(u_.kecamatan ? "SEKRETARIS KECAMATAN" : "SEKRETARIS"));
    const std::string first = r_.pick(kFirstNames), last = r_.pick(kLastNames);
    kv("name", q(first + " " + last + r_.pick(kDegrees)));
    kv("pangkat",
       q(r_.pick(std::vector<std::string>{"Pembina", "Pembina Tingkat I", "Pembina Utama Muda"})));
    kv("golongan", q(r_.pick(std::vector<std::string>{"IV/a", "IV/b", "IV/c"})));
    kv("nip", q(nip(r_)));
    line();
  }

  void strategy_and_organisation() {
    line("[strategy]");
    kv("visi", q("Bersama Mewujudkan Jombang Berkarakter dan Berdaya Saing"));
    std::vector<std::string> misi = kMisi;
    r_.shuffle(misi);
    misi.resize(static_cast<size_t>(r_.range(1, 3)));
    std::string m = "[";
    for (size_t i = 0; i < misi.size(); ++i) m += (i ? ", " : "") + q(misi[i]);
    kv("misi", m + "]");
    kv("tujuan",
       "[\n  { id = \"t1\", text = " + q("Meningkatkan akuntabilitas kinerja " + u_.name) +
           " },\n  { id = \"t2\", text = " + q("Meningkatkan kualitas layanan publik " + u_.name) +
           " },\n]");
    line();
    const std::string head = u_.kecamatan ? "CAMAT" : "KEPALA";
    auto org = [&](const std::string& id, const std::string& name, const std::string& parent,
                   bool staff) {
      line("[[organisation]]");
      kv("id", q(id));
      kv("name", q(name));
      if (!parent.empty()) kv("parent", q(parent));
      if (staff) kv("staff", "true");
      line();
    };
    org("org_kepala", head, "", false);
    org("org_jf", "KELOMPOK JABATAN FUNGSIONAL", "org_kepala", true);
    org("org_sekretariat", "SEKRETARIAT", "org_kepala", false);
    org("org_umum", "Sub Bagian Umum dan Kepegawaian", "org_sekretariat", false);
    org("org_keuangan", "Sub Bagian Keuangan dan Program", "org_sekretariat", false);
    const std::vector<std::string> sections =
        u_.kecamatan
            ? std::vector<std::string>{"Seksi Tata Pemerintahan",
                                       "Seksi Pemberdayaan Masyarakat dan Desa",
                                       "Seksi Ketentraman dan Ketertiban Umum",
                                       "Seksi Sosial Budaya"}
            : std::vector<std::string>{"Bidang Perencanaan dan Pengendalian", "Bidang Pelayanan",
                                       "Bidang Pengembangan", "Bidang Pengawasan"};
    const int n = r_.range(2, 4);
    for (int i = 0; i < n; ++i)
      org("org_bidang" + std::to_string(i + 1), sections[static_cast<size_t>(i)], "org_kepala",
          false);
  }

  void performance() {
    sasaran_ = r_.range(1, 4);
    const std::vector<std::string> goals = {
        "Meningkatnya akuntabilitas dan kinerja " + u_.name,
        "Meningkatnya kualitas pelayanan publik " + u_.name,
        "Meningkatnya ketenteraman dan ketertiban masyarakat",
        "Meningkatnya partisipasi masyarakat dalam pembangunan"};
    for (int s = 1; s <= sasaran_; ++s) {
      line("[[sasaran]]");
      kv("id", q("s" + std::to_string(s)));
      kv("name", q(goals[static_cast<size_t>(s - 1)]));
      kv("tujuan", q(s == 1 ? "t1" : "t2"));
      line();
    }
    std::vector<IkuTemplate> pool = kIku;
    r_.shuffle(pool);
    const int count = std::max(sasaran_, r_.range(2, 8));
    for (int i = 0; i < count; ++i) {
      const IkuTemplate& t = pool[static_cast<size_t>(i)];
      // Every sasaran gets at least one IKU, the rest are spread at random.
      const int s = i < sasaran_ ? i + 1 : r_.range(1, sasaran_);
      const int target = r_.range(t.target_lo, t.target_hi);
      // Realisation within about ±20% of the target; percentages stay at most 100.
      int real = target + target * r_.range(-20, 15) / 100;
      if (std::string(t.unit) == "%") real = std::min(real, 10000);
      real = std::max(real, 1);
      line("[[iku]]");
      kv("id", q(t.id));
      kv("sasaran", q("s" + std::to_string(s)));
      kv("name", q(replace_all(t.name, "{u}", short_name())));
      kv("unit", q(t.unit));
      kv("direction", q(t.lower ? "lower" : "higher"));
      kv("formula", q(t.formula));
      kv("source", q("Laporan internal " + u_.name));
      kv("responsible", q(u_.kecamatan ? "Camat " + short_name() : "Kepala " + u_.name));
      kv("target", dec(target));
      kv("realisasi", dec(real));
      if (r_.chance(60)) {
        kv("renstra_target", dec(t.lower ? target - target / 10 : target + target / 20));
        kv("renstra_year", "2026");
      }
      if (r_.chance(70)) {  // some IKU are new and have no history
        std::string h = "[\n";
        for (int y = r_.chance(50) ? 2021 : 2022; y <= 2023; ++y) {
          const int past = std::max(1, target + target * r_.range(-15, 10) / 100);
          h += "  { year = " + std::to_string(y) +
               (r_.chance(50) ? ", target = " + dec(target) : std::string()) +
               ", realisasi = " + dec(std::string(t.unit) == "%" ? std::min(past, 10000) : past) +
               " },\n";
        }
        kv("history", h + "]");
      }
      if (r_.chance(40))
        kv("compare",
           "{ kabupaten = " + dec(std::max(1, target + target * r_.range(-15, 15) / 100)) +
               ", note = \"Tidak ada standar nasional\" }");
      line();
      iku_ids_.push_back(t.id);
    }
  }

  std::string quantity(const std::string& unit, long v) {
    return unit.empty() ? std::to_string(v) + "%" : grouped(v) + " " + unit;
  }

  void indicator(const std::string& table, const std::string& name, const std::string& unit, int lo,
                 int hi, const std::string& indent) {
    const long target = r_.range(lo, hi);
    long real = target;
    if (r_.chance(25))
      real = std::max(0L, target - r_.range(1, std::max(1, static_cast<int>(target / 5))));
    if (unit.empty()) real = std::min(real, 100L);
    line(indent + "[[" + table + "]]");
    line(indent + "name = " + q(name));
    line(indent + "target = " + q(quantity(unit, target)));
    line(indent + "realisasi = " + q(quantity(unit, real)));
  }

  void programs() {
    const int n = r_.range(2, 8) * k_;
    std::vector<std::string> names = kProgram;
    r_.shuffle(names);
    for (int p = 1; p <= n; ++p) {
      const std::string pid = "p" + std::to_string(p);
      line("[[program]]");
      kv("id", q(pid));
      kv("name", q(names[static_cast<size_t>(p - 1) % names.size()]));
      kv("sasaran", q("Meningkatnya kinerja " + u_.name));
      kv("supports", q("s" + std::to_string(r_.range(1, sasaran_))));
      indicator("program.indicator", "Persentase capaian kinerja program", "", 95, 100, "  ");
      const int kegiatan = r_.range(1, 3);
      for (int k = 1; k <= kegiatan; ++k) {
        const std::string kid = pid + "k" + std::to_string(k);
        line("  [[program.kegiatan]]");
        line("  id = " + q(kid));
        line("  name = " + q(r_.pick(kKegiatan)));
        indicator("program.kegiatan.indicator",
                  "Persentase kegiatan yang terlaksana sesuai rencana", "", 90, 100, "    ");
        const int subs = r_.range(1, 3);
        for (int s = 1; s <= subs; ++s) {
          const SubTemplate& t = r_.pick(kSub);
          line("    [[program.kegiatan.sub]]");
          line("    id = " + q(kid + "s" + std::to_string(s)));
          line("    name = " + q(t.name));
          const long millions = r_.range(5, 900), thousands = r_.range(0, 999);
          const long budget = millions * 1000000L + thousands * 1000L;
          line("    anggaran = " + std::to_string(budget));
          line("    realisasi_anggaran = " +
               std::to_string(budget - budget / 1000 * r_.range(0, 250)));
          indicator("program.kegiatan.sub.indicator", t.indicator, t.unit, t.lo, t.hi, "      ");
        }
      }
      line();
    }
  }

  void data_tables() {
    if (u_.kecamatan || r_.chance(30)) {
      line("[[components]]");
      kv("id", q("akip_komponen"));
      kv("caption", q("Komponen Nilai Evaluasi AKIP " + u_.name + " Tahun 2024"));
      kv("mode", q("score"));
      kv("item_header", q("Komponen"));
      kv("value_header", q("Nilai Hasil Evaluasi"));
      struct Part {
        const char* name;
        int weight;
      };
      std::string items = "[\n";
      for (const Part& c : {Part{"Perencanaan Kinerja", 30}, Part{"Pengukuran Kinerja", 30},
                            Part{"Pelaporan Kinerja", 15}, Part{"Evaluasi Kinerja", 25}})
        items += "  { name = " + q(c.name) + ", weight = " + std::to_string(c.weight) +
                 ", value = " + dec(r_.range(c.weight * 55, c.weight * 95)) + " },\n";
      kv("items", items + "]");
      line();
    }
    line("[[survey]]");
    kv("id", q("ikm_layanan"));
    kv("caption", q("Nilai IKM per Jenis Layanan " + u_.name + " Tahun 2024"));
    kv("item_header", q("Jenis Layanan"));
    kv("value_header", q("IKM"));
    std::string items = "[\n";
    for (int i = 0, n = r_.range(3, 6); i < n; ++i)
      items += "  { name = " + q(kLayanan[static_cast<size_t>(i)]) +
               ", value = " + dec(r_.range(7500, 10000)) + " },\n";
    kv("items", items + "]");
    line();

    line("[[table]]");
    kv("id", q("penduduk"));
    kv("caption", q("Jumlah Penduduk per Desa " + u_.name + " Tahun 2024"));
    kv("source",
       q(u_.kecamatan ? "Seksi Tata Pemerintahan" : "Dinas Kependudukan dan Pencatatan Sipil"));
    kv("columns",
       "[\n  { title = \"No\", kind = \"rownum\" },\n"
       "  { title = \"Desa\", kind = \"text\" },\n"
       "  { title = \"Laki-laki\", kind = \"integer\", total = \"sum\" },\n"
       "  { title = \"Perempuan\", kind = \"integer\", total = \"sum\" },\n"
       "  { title = \"Jumlah KK\", kind = \"integer\", total = \"sum\" },\n]");
    villages_ = r_.range(5, 25) * k_;
    std::string rows = "[\n";
    for (int v = 0; v < villages_; ++v) {
      const std::string desa = kDesa[static_cast<size_t>(v) % kDesa.size()] +
                               (v >= static_cast<int>(kDesa.size())
                                    ? " " + std::to_string(v / static_cast<int>(kDesa.size()) + 1)
                                    : std::string());
      const int men = r_.range(900, 4500);
      rows += "  [" + q(desa) + ", " + std::to_string(men) + ", " +
              std::to_string(men + r_.range(-200, 200)) + ", " + std::to_string(men * 2 / 3) +
              "],\n";
    }
    kv("rows", rows + "]");
    kv("total_label", q("Jumlah"));
    kv("widths", "[8, 44, 16, 16, 16]");
    line();

    line("[[figure]]");
    kv("id", q("struktur"));
    kv("caption", q("Struktur Organisasi " + u_.name));
    kv("orgchart", "true");
    line();
    line("[[chart]]");
    kv("id", q("grafik_capaian"));
    kv("kind", q("target_realisasi"));
    kv("caption", q("Target dan Realisasi IKU " + u_.name + " Tahun 2024"));
    line();
  }

  std::string sentence() {
    std::string s;
    const int n = r_.range(8, 18);
    for (int i = 0; i < n; ++i) {
      std::string w = r_.pick(kWords);
      if (i == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
      if (i > 0 && r_.chance(3)) w = "**" + w + "**";
      if (i) s += ' ';
      s += w;
    }
    if (r_.chance(10)) s += " sebesar {iku." + r_.pick(iku_ids_) + ".capaian}";
    return s + ".";
  }

  std::string paragraph() {
    std::string p;
    for (int i = 0, n = r_.range(3, 7); i < n; ++i) {
      if (i) p += ' ';
      p += sentence();
    }
    return p + "\n\n";
  }

  std::string list() {
    const bool numbered = r_.chance(50);
    std::string l;
    for (int i = 1, n = r_.range(3, 6); i <= n; ++i) {
      std::string item = sentence();
      item[0] = static_cast<char>(item[0] - 'A' + 'a');
      l += (numbered ? std::to_string(i) + ". " : "- ") + item.substr(0, item.size() - 1) +
           (i == n ? ".\n" : ";\n");
    }
    return l + "\n";
  }

  /// `sections` × scale level-1 sections of 1–4 paragraphs, some with a list or a subsection.
  std::string sections(const std::vector<std::string>& titles, int sections) {
    std::string b;
    for (int s = 0; s < sections * k_; ++s) {
      b += "# " + titles[static_cast<size_t>(s) % titles.size()] +
           (s >= static_cast<int>(titles.size()) ? " (Lanjutan " + std::to_string(s) + ")" : "") +
           "\n\n";
      for (int p = 0, n = r_.range(1, 4); p < n; ++p) b += paragraph();
      if (r_.chance(50)) b += list();
      if (r_.chance(40)) b += "## Uraian Rinci\n\n" + paragraph();
    }
    return b;
  }

  void chapter(const std::string& id, const std::string& title, const std::string& body) {
    line("[[chapter]]");
    kv("id", q(id));
    kv("title", q(title));
    line("body = '''\n" + body + "'''");
    line();
  }

  void narrative() {
    line("[foreword]");
    line("body = '''\n" + paragraph() + paragraph() + "'''");
    line();
    chapter(
        "pendahuluan", "PENDAHULUAN",
        sections({"Latar Belakang", "Tugas Pokok dan Fungsi", "Isu Strategis"}, r_.range(1, 3)) +
            "# Struktur Organisasi\n\nSusunan organisasi " + u_.name +
            " ditunjukkan pada {ref:struktur}.\n\n@figure struktur\n\n"
            "# Kependudukan\n\nWilayah kerja mencakup " +
            std::to_string(villages_) +
            " desa dengan jumlah penduduk laki-laki {table.penduduk.total} jiwa, seperti "
            "pada {ref:penduduk}.\n\n@table penduduk\n");
    chapter("perencanaan", "PERENCANAAN KINERJA",
            sections({"Rencana Strategis", "Perjanjian Kinerja"}, r_.range(1, 2)) +
                "# Indikator Kinerja Utama\n\n@table pk\n\n@table iku\n\n@table renja\n");
    std::string akun =
        "# Capaian Kinerja Organisasi\n\nRata-rata capaian kinerja tahun 2024 sebesar "
        "**{capaian.rata_rata}** dengan predikat {capaian.predikat}.\n\n@table measurement\n\n"
        "@chart grafik_capaian\n\n@table sasaran_summary\n\n";
    akun += sections({"Analisis Capaian", "Perbandingan Kinerja", "Kendala dan Solusi"},
                     r_.range(1, 3));
    akun += "# Perbandingan Antar Tahun\n\n@table multiyear\n\n@table program_capaian\n\n";
    if (out_.find("id = \"akip_komponen\"") != std::string::npos)
      akun += "@table akip_komponen\n\n";
    akun +=
        "@table ikm_layanan\n\n# Realisasi Anggaran\n\nSerapan anggaran mencapai "
        "{anggaran.serapan} dari pagu {anggaran.total}.\n\n@table budget\n\n"
        "@table efficiency\n";
    chapter("akuntabilitas", "AKUNTABILITAS KINERJA", akun);
    chapter("penutup", "PENUTUP",
            sections({"Kesimpulan", "Rencana Tindak Lanjut"}, 1) + "@signature kepala\n");
  }
};

int usage(const char* msg) {
  std::fprintf(stderr,
               "lkjip-gen: %s\nUsage: lkjip-gen --count N --out DIR [--seed S] [--pages-scale K]\n",
               msg);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  long count = -1, scale = 1;
  uint64_t seed = 1;
  std::string out;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
      const std::string v = argv[++i];
      if (a == "--count")
        count = std::stol(v);
      else if (a == "--out")
        out = v;
      else if (a == "--seed")
        seed = std::stoull(v);
      else if (a == "--pages-scale")
        scale = std::stol(v);
      else
        return usage(("unknown option " + a).c_str());
    }
  } catch (const std::logic_error&) {
    return usage("numbers expected");
  }
  if (count < 1 || out.empty() || scale < 1 || scale > 1000)
    return usage("--count N (>= 1) and --out DIR are required; --pages-scale 1..1000");

  const std::vector<Unit> units = all_units(seed);
  std::error_code ec;
  fs::create_directories(out, ec);
  const int width = static_cast<int>(std::to_string(count).size());
  for (long i = 0; i < count; ++i) {
    Unit u = units[static_cast<size_t>(i) % units.size()];
    if (static_cast<size_t>(i) >= units.size()) {  // beyond the known names: numbered copies
      const std::string n = " " + std::to_string(i / static_cast<long>(units.size()) + 1);
      u.name += n;
      u.head += n;
    }
    // Each description has its own stream: it does not depend on how many are written.
    Writer w(seed * 0x100000001B3ULL + static_cast<uint64_t>(i), static_cast<int>(scale), u);
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "%0*ld-", width, i + 1);
    const fs::path file = fs::path(out) / (prefix + slug(u.name) + ".toml");
    std::ofstream f(file, std::ios::binary);
    f << w.description();
    if (!f.flush()) {
      std::fprintf(stderr, "lkjip-gen: cannot write %s\n", file.c_str());
      return 3;
    }
  }
  std::printf("wrote %ld descriptions to %s\n", count, out.c_str());
  return 0;
}
