// Decodes every image once with lkjip's own libpng/libjpeg error handlers before PoDoFo sees it:
// PoDoFo's decoders print raw "libpng error:" lines to stderr and fail with a bare
// ePdfError_…, so a damaged header, Huffman table or zlib stream is caught here and told in
// lkjip's words. Rows are decoded one at a time: the check needs one row of memory.
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <jpeglib.h>
#include <png.h>

#include "pdf/writer.h"

namespace lkjip::pdf::detail {

namespace {

struct PngInput {
  const unsigned char* data;
  size_t size;
  size_t at = 0;
};

struct PngFailure {
  std::string message;
};

[[noreturn]] void png_fail(png_structp png, png_const_charp message) {
  static_cast<PngFailure*>(png_get_error_ptr(png))->message = message;
  png_longjmp(png, 1);
}

void png_ignore(png_structp, png_const_charp) {}

void png_read_bytes(png_structp png, png_bytep out, png_size_t n) {
  auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
  if (n > in->size - in->at) png_error(png, "the file ends inside the image data");
  std::memcpy(out, in->data + in->at, n);
  in->at += n;
}

/// Empty when libpng decodes every row; else what failed, in lkjip's words.
std::string png_decode_problem(const std::vector<unsigned char>& bytes) {
  PngFailure failure;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &failure, png_fail, png_ignore);
  if (!png) return "not enough memory to check the PNG image";
  png_infop info = png_create_info_struct(png);
  PngInput in{bytes.data(), bytes.size()};
  std::vector<unsigned char> row;
  volatile bool header_read = false;  // read after a longjmp
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    return std::string(header_read ? "its PNG image data is damaged"
                                   : "its PNG header (IHDR) is invalid") +
           " (" + failure.message + ")";
  }
  if (!info) png_error(png, "out of memory");
  png_set_read_fn(png, &in, png_read_bytes);
  png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
  png_read_info(png, info);
  header_read = true;
  row.resize(png_get_rowbytes(png, info));
  const int passes = png_set_interlace_handling(png);
  const png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row.data(), nullptr);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return {};
}

struct JpegFailure {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  std::string message;
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
  auto* failure = reinterpret_cast<JpegFailure*>(cinfo->err);
  char text[JMSG_LENGTH_MAX];
  (*cinfo->err->format_message)(cinfo, text);
  failure->message = text;
  std::longjmp(failure->jump, 1);
}

/// Counts warnings (level -1: corrupt data libjpeg recovered from) without printing them.
void jpeg_count_warning(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}

/// Empty when libjpeg decodes every scanline; else what failed, in lkjip's words.
std::string jpeg_decode_problem(const std::vector<unsigned char>& bytes) {
  jpeg_decompress_struct cinfo{};
  JpegFailure failure{};
  cinfo.err = jpeg_std_error(&failure.mgr);
  failure.mgr.error_exit = jpeg_fail;
  failure.mgr.emit_message = jpeg_count_warning;
  std::vector<unsigned char> row;
  volatile bool header_read = false;  // read after a longjmp
  if (setjmp(failure.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return std::string(header_read ? "its JPEG image data is damaged"
                                   : "its JPEG header (tables or frame) is invalid") +
           " (" + failure.message + ")";
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  jpeg_start_decompress(&cinfo);
  header_read = true;
  row.resize(size_t{cinfo.output_width} * static_cast<size_t>(cinfo.output_components));
  JSAMPROW rows[1] = {row.data()};
  while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, rows, 1);
  // Damage libjpeg recovers from (a corrupt Huffman code in the scan) is a warning it counts.
  const bool damaged = failure.mgr.num_warnings > 0;
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return damaged ? "its JPEG image data is damaged (libjpeg had to skip corrupt data)" : "";
}

}  // namespace

std::string decode_problem(const frame::ImageData& img) {
  return img.kind == frame::ImageData::Kind::png ? png_decode_problem(img.bytes)
                                                 : jpeg_decode_problem(img.bytes);
}

}  // namespace lkjip::pdf::detail
