#pragma once

// What the PDF module (docrag_pdf.so, built from pdf_module_plugin.cpp) and the engine agree on. The module
// holds poppler and the twenty-odd libraries poppler loads, so that a process that reads no PDF (every
// search, every question) does not load them: they cost each command-line call about 4 ms.
// Plain C types only: the two sides may be built apart.

#include <cstddef>

extern "C" {

// Where the module reports a document as it reads it. Text is UTF-8, not terminated.
struct DocragPdfSink {
    void* context;
    void (*title)(void* context, const char* text, size_t size);
    // Returns 0 to stop reading: the file's budget is spent.
    int (*page)(void* context, int number, const char* text, size_t size);
    // Why the document could not be read (with DocragPdfFailed).
    void (*error)(void* context, const char* text, size_t size);
};

enum DocragPdfResult { DocragPdfOk = 0, DocragPdfNotPdf = 1, DocragPdfLocked = 2, DocragPdfFailed = 3 };

// Version of this header the module was built with: a module of another version is not used.
using DocragPdfAbiVersionFunction = int (*)();
// Reads the document in `data`; never throws.
using DocragPdfReadFunction = int (*)(const char* data, int size, const DocragPdfSink* sink);
// poppler's notes on damaged files (it prints them on stderr otherwise), to the engine's log.
using DocragPdfLogFunction = void (*)(const char* text, size_t size);
using DocragPdfSetLogFunction = void (*)(DocragPdfLogFunction log);

} // extern "C"

namespace docrag {

inline constexpr int kPdfModuleAbiVersion = 1;
inline constexpr const char* kPdfModuleAbiVersionSymbol = "docrag_pdf_abi_version";
inline constexpr const char* kPdfModuleReadSymbol = "docrag_pdf_read";
inline constexpr const char* kPdfModuleSetLogSymbol = "docrag_pdf_set_log";

} // namespace docrag
