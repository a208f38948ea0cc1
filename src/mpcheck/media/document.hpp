#pragma once
// Tells what a document file really is (a .docx must be a Word document, not a renamed
// .doc, a PDF or a damaged zip), from its bytes.

#include <cstddef>
#include <string>
#include <vector>

#include "mpcheck/core/facts.hpp"

namespace mpcheck::media {

// Reads the file's signature and, for Office Open XML / OpenDocument, the zip directory.
DocumentFacts probe_document(const std::string& path);

// The same for a whole file's `size` bytes in memory (the fuzz target, tests).
DocumentFacts probe_document_bytes(const unsigned char* data, size_t size);

} // namespace mpcheck::media
