#pragma once
// The drive's manifest-sha256.txt (written by `mpcheck pack`, read by `sha256sum -c`): which
// file should hold which bytes. `check` verifies a drive against it (file.hash-mismatch,
// file.missing-from-drive, file.not-in-manifest, file.manifest-malformed). Pure: the text is
// read by gather/run.cpp; the paths it lists are untrusted and never opened — they are only
// looked up among the files the walk found inside the drive.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/submission.hpp"

namespace mpcheck::gather {

// The entries of a manifest's text and the lines that say nothing usable. Reads what
// `sha256sum` writes ("HEX  PATH", "HEX *PATH", the '\' escaping of names holding '\', CR or
// LF), the BagIt form (any run of blanks between digest and path) and the BSD tag form
// ("SHA256 (PATH) = HEX"); ignores a UTF-8 byte order mark, CR before LF and blank lines;
// takes upper-case hex digits; drops a leading "./". A path that is absolute, empty, has an
// empty, "." or ".." part or a NUL byte is a problem ("outside"), as is a second line for
// the same path ("duplicate").
DriveManifest parse_drive_manifest(std::string_view text);

// Sets each entry's `file`: the file whose path on disk is the listed one, byte for byte,
// else whose NFC path is the listed one once in NFC (a name normalised by another system).
void match_manifest(DriveManifest& manifest, const std::vector<SubmissionFile>& files);

} // namespace mpcheck::gather
