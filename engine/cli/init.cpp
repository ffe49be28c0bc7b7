// `lkjip init --kind KIND [--year N] FOLDER/`: writes a starter description for one kind of unit
// that renders at once. The starter is one template (kStarter) whose @NAME@ slots are filled
// from the kind's table entry (kKinds); its comments tell the planning officer, in Indonesian,
// what each section holds. It is a draft whose realisations are left out (t.a.d., listed by
// `lkjip check`), never filled with a plausible figure.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "cli/commands.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

namespace {

/// What differs between kinds of unit: the names, the head's office, the organisation chart
/// and the usual key indicators (IKU) of such a unit.
struct Kind {
  std::string_view name;          // --kind value
  std::string_view unit;          // [report] unit
  std::string_view head_id;       // the signatory's id
  std::string_view jabatan;       // the head's office, as signed
  std::string_view head_office;   // the top box of the organisation chart
  std::string_view organisation;  // [[organisation]] entries
  std::string_view iku;           // the [[iku]] entry of sasaran s2
};

constexpr std::string_view kKecamatanOrg = R"toml([[organisation]]
id = "camat"
name = "@HEAD_OFFICE@"

[[organisation]]
id = "sekcam"
name = "SEKRETARIS KECAMATAN"
parent = "camat"

[[organisation]]
id = "jf"
name = "KELOMPOK JABATAN FUNGSIONAL"
parent = "camat"
staff = true

[[organisation]]
id = "pemerintahan"
name = "SEKSI TATA PEMERINTAHAN"
parent = "camat"

[[organisation]]
id = "pelayanan"
name = "SEKSI PELAYANAN UMUM"
parent = "camat"
)toml";

// A Dinas's or a Badan's chart. In every chart @HEAD_OFFICE@ is the top box (Kind::head_office).
constexpr std::string_view kKepalaOrg = R"toml([[organisation]]
id = "kepala"
name = "@HEAD_OFFICE@"

[[organisation]]
id = "sekretariat"
name = "SEKRETARIAT"
parent = "kepala"

[[organisation]]
id = "jf"
name = "KELOMPOK JABATAN FUNGSIONAL"
parent = "kepala"
staff = true

[[organisation]]
id = "bidang1"
name = "BIDANG (NAMA BIDANG)"
parent = "kepala"

[[organisation]]
id = "upt"
name = "UPT (NAMA UPT)"
parent = "kepala"
)toml";

constexpr std::string_view kInspektoratOrg = R"toml([[organisation]]
id = "inspektur"
name = "@HEAD_OFFICE@"

[[organisation]]
id = "sekretariat"
name = "SEKRETARIAT"
parent = "inspektur"

[[organisation]]
id = "jf"
name = "KELOMPOK JABATAN FUNGSIONAL AUDITOR"
parent = "inspektur"
staff = true

[[organisation]]
id = "irban1"
name = "INSPEKTUR PEMBANTU WILAYAH I"
parent = "inspektur"

[[organisation]]
id = "irban2"
name = "INSPEKTUR PEMBANTU WILAYAH II"
parent = "inspektur"
)toml";

// The second indicator (sasaran s2; the first, the AKIP evaluation, is every unit's and sits in
// kStarter): the IKM for units serving the public, oversight follow-up for the Inspektorat.
constexpr std::string_view kServiceIku = R"toml([[iku]]
id = "ikm"
sasaran = "s2"
name = "Indeks Kepuasan Masyarakat (IKM)"
unit = "indeks"
formula = "Rata-rata nilai IKM seluruh jenis layanan"
source = "Survei Kepuasan Masyarakat"
responsible = "(Pejabat penanggung jawab)"
target = 80
# ISI: hasil survei tahun ini, mis. `realisasi = 82.5`
)toml";

constexpr std::string_view kInspektoratIku = R"toml([[iku]]
id = "tindak_lanjut"
sasaran = "s2"
name = "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti"
unit = "%"
formula = "Rekomendasi ditindaklanjuti / jumlah rekomendasi × 100%"
source = "Register tindak lanjut hasil pengawasan"
responsible = "Inspektur Pembantu"
target = 90
# ISI: persentase tahun ini, mis. `realisasi = 93.1`
)toml";

constexpr Kind kKinds[] = {
    {"kecamatan", "Kecamatan Contoh", "camat", "CAMAT CONTOH", "CAMAT", kKecamatanOrg, kServiceIku},
    {"dinas", "Dinas Contoh", "kepala_dinas", "KEPALA DINAS CONTOH", "KEPALA DINAS", kKepalaOrg,
     kServiceIku},
    {"badan", "Badan Contoh", "kepala_badan", "KEPALA BADAN CONTOH", "KEPALA BADAN", kKepalaOrg,
     kServiceIku},
    {"inspektorat", "Inspektorat", "inspektur", "INSPEKTUR", "INSPEKTUR", kInspektoratOrg,
     kInspektoratIku},
};

// The starter. Slots: @SCHEMA@ @HEAD_OFFICE@ @UNIT@ @YEAR@ @DATE@ @HEAD@ @JABATAN@ @ORGANISATION@
// @IKU@ @FILE@.
constexpr std::string_view kStarter = R"toml(#:schema @SCHEMA@
# LKjIP @YEAR@ @UNIT@ — deskripsi awal dari `lkjip init`.
# Ganti setiap "Contoh" dan setiap teks dalam kurung (…) dengan data unit Anda, dan isi setiap
# baris ISI; `lkjip check` menyebut realisasi yang masih kosong. Selama masih draf, setiap
# halaman bertanda DRAF dan tanpa kolom tanda tangan; setelah lengkap, ubah status ke "final". Semua capaian, rata-rata, predikat dan serapan dihitung oleh lkjip: jangan
# diketik. Panduan lengkap setiap bagian: share/doc/lkjip/SCHEMA.md (`lkjip help render`).
# Cetak: lkjip render @FILE@ -o laporan.pdf

# Identitas laporan.
[report]
unit = "@UNIT@"
region = "Kabupaten Contoh"
year = @YEAR@
place = "Contoh"
# tanggal penandatanganan
date = @DATE@
# "draft" selama data belum lengkap; "final" untuk laporan yang ditandatangani
status = "draft"
signatory = "@HEAD@"

# Pilihan perhitungan (semua opsional; lihat SCHEMA.md).
[settings]
decimals = 2
average = "per_sasaran"

# Pejabat yang menandatangani Kata Pengantar dan Perjanjian Kinerja.
[[signatory]]
id = "@HEAD@"
# "", "Plt.", "Plh." atau "a.n."
prefix = ""
jabatan = "@JABATAN@"
name = "(NAMA LENGKAP DAN GELAR)"
pangkat = "(Pangkat)"
golongan = "(Gol.)"
# nip = "(18 digit)"

# Visi, misi dan tujuan dari Renstra.
[strategy]
visi = "(Visi kepala daerah dari RPJMD)"
misi = ["(Misi yang didukung unit ini)"]
tujuan = [
  { id = "t1", text = "(Tujuan 1 dari Renstra)" },
  { id = "t2", text = "(Tujuan 2 dari Renstra)" },
]

# Struktur organisasi: satu entri per unit kerja; `parent` menunjuk atasannya.
@ORGANISATION@
# Sasaran strategis dari Renstra; `tujuan` menunjuk tujuan yang didukungnya.
[[sasaran]]
id = "s1"
name = "(Sasaran strategis 1)"
tujuan = "t1"

[[sasaran]]
id = "s2"
name = "(Sasaran strategis 2)"
tujuan = "t2"

# Indikator kinerja utama (IKU) per sasaran: target dari Perjanjian Kinerja dan realisasi
# saja; capaian dan predikat dihitung oleh lkjip.
[[iku]]
id = "akip"
sasaran = "s1"
name = "Nilai Evaluasi AKIP @UNIT@"
unit = "nilai"
formula = "Nilai hasil evaluasi AKIP tahun n"
source = "LHE SAKIP"
responsible = "Sekretaris"
target = 70
# ISI: nilai LHE tahun ini, mis. `realisasi = 71.25`

@IKU@
# Program, kegiatan dan sub kegiatan dengan anggaran (rupiah, bilangan bulat).
[[program]]
id = "p1"
name = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
sasaran = "(Sasaran program)"
supports = "s1"

[[program.kegiatan]]
id = "p1k1"
name = "(Nama kegiatan)"

[[program.kegiatan.sub]]
id = "p1k1s1"
name = "(Nama sub kegiatan)"
# ISI: pagu
anggaran = 100000000
# ISI: realisasi, mis. `realisasi_anggaran = 95000000`

# Kata Pengantar; blok tanda tangan pejabat ditambahkan otomatis.
[foreword]
body = '''
Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan Kinerja
Instansi Pemerintah (LKjIP) @UNIT@ Tahun @YEAR@.

(Tujuan laporan dan ucapan terima kasih.)
'''

# Bab laporan (sistematika PermenPANRB 53/2014). {…} menyisipkan angka hasil hitungan,
# @table / @figure / @chart / @signature menempatkan tabel, gambar, grafik dan tanda tangan.
[[chapter]]
id = "pendahuluan"
title = "PENDAHULUAN"
body = '''
# Latar Belakang

(Dasar hukum dan maksud penyusunan LKjIP.)

# Struktur Organisasi

Struktur organisasi @UNIT@ ditunjukkan pada {ref:struktur}.

@figure struktur
'''

[[chapter]]
id = "perencanaan"
title = "PERENCANAAN KINERJA"
body = '''
# Perjanjian Kinerja

@table pk
'''

[[chapter]]
id = "akuntabilitas"
title = "AKUNTABILITAS KINERJA"
body = '''
# Capaian Kinerja Organisasi

Rata-rata capaian kinerja tahun @YEAR@ sebesar {capaian.rata_rata} dengan predikat
{capaian.predikat}.

@table measurement

# Realisasi Anggaran

Serapan anggaran mencapai {anggaran.serapan} dari pagu {anggaran.total}.

@table budget
'''

[[chapter]]
id = "penutup"
title = "PENUTUP"
body = '''
(Kesimpulan dan langkah perbaikan.)

@signature @HEAD@
'''

[[figure]]
id = "struktur"
caption = "Struktur Organisasi @UNIT@"
orgchart = true
)toml";

void fill_slot(std::string& text, std::string_view slot, std::string_view value) {
  for (size_t at = text.find(slot); at != std::string::npos;
       at = text.find(slot, at + value.size()))
    text.replace(at, slot.size(), value);
}

/// The installed JSON Schema (share/lkjip/lkjip.schema.json), or the source tree's for the
/// binary in its build folder.
std::string schema_path() {
  const fs::path data = data_dir();
  std::error_code ec;
  if (fs::exists(data / "lkjip.schema.json", ec))
    return fs::absolute(data / "lkjip.schema.json").lexically_normal().string();
  return fs::absolute(data / "input/lkjip.schema.json").lexically_normal().string();
}

/// The reporting year by default: the year before the current one (SOURCE_DATE_EPOCH when
/// set), since an LKjIP is written after its year ends.
int default_year() {
  const std::time_t now = source_date_epoch().value_or(std::time(nullptr));
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900 - 1;
}

}  // namespace

std::string starter_description(std::string_view kind, int year, const std::string& file_name,
                                const std::string& schema) {
  const Kind* k = nullptr;
  for (const Kind& candidate : kKinds)
    if (candidate.name == kind) k = &candidate;
  if (!k) internal_error("init: no starter for kind '" + std::string(kind) + "'");
  std::string text(kStarter);
  fill_slot(text, "@ORGANISATION@", k->organisation);
  fill_slot(text, "@IKU@", k->iku);
  fill_slot(text, "@HEAD_OFFICE@", k->head_office);
  fill_slot(text, "@SCHEMA@", schema);
  fill_slot(text, "@FILE@", file_name);
  fill_slot(text, "@UNIT@", k->unit);
  fill_slot(text, "@YEAR@", std::to_string(year));
  fill_slot(text, "@DATE@", std::to_string(year + 1) + "-01-31");
  fill_slot(text, "@HEAD@", k->head_id);
  fill_slot(text, "@JABATAN@", k->jabatan);
  return text;
}

int run_init(const Args& args) {
  if (args.operands().size() != 1) throw UsageError("init takes one target folder");
  if (!args.has("--kind"))
    throw UsageError("init needs --kind (kecamatan, dinas, badan or inspektorat)");
  const int year = args.has("--year") ? static_cast<int>(args.count("--year", 0)) : default_year();
  if (year < 1900 || year > 2200)
    throw UsageError("--year must be between 1900 and 2200, not " + std::to_string(year));
  const fs::path folder = args.operands()[0];
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    std::fprintf(stderr, "lkjip: error: %s is not a folder\n", folder.c_str());
    return io_error;
  }
  if (fs::is_directory(folder, ec) && !fs::is_empty(folder, ec) && !args.has("--force")) {
    std::fprintf(stderr,
                 "lkjip: error: refusing to write into %s: the folder is not empty\n"
                 "  hint: choose a new or empty folder, or add --force\n",
                 folder.c_str());
    return io_error;
  }
  fs::create_directories(folder, ec);
  if (ec) {
    std::fprintf(stderr, "lkjip: error: cannot create %s: %s\n", folder.c_str(),
                 ec.message().c_str());
    return io_error;
  }
  const std::string kind = args.get("--kind");
  const std::string name = "lkjip-" + kind + "-" + std::to_string(year) + ".toml";
  const fs::path file = folder / name;
  if (const int rc =
          write_output(file.string(), starter_description(kind, year, name, schema_path()), {});
      rc != ok)
    return rc;
  std::printf("wrote %s\n  next: edit it, then: lkjip render %s -o %s\n", file.c_str(),
              file.c_str(),
              (folder / ("lkjip-" + kind + "-" + std::to_string(year) + ".pdf")).c_str());
  return ok;
}

}  // namespace lkjip::cli
