#pragma once
// File-system name rules of FAT32, exFAT and NTFS as Windows sees them, and the Unicode
// helpers they need (NFC, UTF-16 length, caseless comparison). Pure: no disk access.
// Names are UTF-8 byte strings; invalid UTF-8 is reported, never a crash. See docs/naming.md.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mpcheck::naming {

// One thing wrong with a file name. `code` is stable (tests and check ids rely on it):
//   "empty"         the name is empty
//   "utf8"          invalid UTF-8; detail "byte N" (offset of the first bad byte)
//   "characters"    forbidden <>:"/\|?* or control U+0000–U+001F; detail lists each offending
//                   character once, in order, controls as "U+0009", separated by spaces
//   "trailing"      ends with a dot or a space (Windows strips them); detail "dot" / "space"
//   "reserved"      a DOS device name (CON, NUL, COM1, LPT¹, …) with or without extension;
//                   detail is the device name in upper case, e.g. "NUL"
//   "length"        over 255 UTF-16 code units; detail is the count, e.g. "256"
//   "normalization" valid UTF-8 but not NFC; detail is the NFC form
struct NameProblem {
  std::string code;
  std::string detail;
  friend bool operator==(const NameProblem&, const NameProblem&) = default;
};

// The most UTF-16 code units a single name may have on FAT32 (LFN), exFAT and NTFS.
inline constexpr std::size_t max_name_units = 255;

// The most bytes a single name may have on ext4 and most Linux file systems (statvfs
// f_namemax, checked by pack before it writes): 85 Chinese characters of 3 bytes.
inline constexpr std::size_t max_name_bytes = 255;

// Units a drive prefix such as `E:\` adds to a path on Windows (see path_too_long).
inline constexpr std::size_t drive_prefix_units = 3;

// Every problem of one name component (not a path: '/' and '\' count as forbidden), in the
// order of the codes above; empty when the name is fine on all three file systems.
std::vector<NameProblem> check_file_name(std::string_view name);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values > U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Offset of the first byte of `text` that is not part of well-formed UTF-8, or npos.
std::size_t first_invalid_byte(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (for reports, which must be
// valid UTF-8 whatever the names on the drive are).
std::string replace_invalid_utf8(std::string_view text);

// Length in UTF-16 code units, as Windows counts a name: 1 per BMP character (CJK included),
// 2 per supplementary character (emoji). Each ill-formed UTF-8 sequence counts 1 (it would
// become U+FFFD).
std::size_t utf16_length(std::string_view utf8);

// True when `relative_path` ('/'- or '\'-separated, leading separators ignored) would be
// longer than `limit` UTF-16 units once placed at the root of a drive, i.e. counting
// drive_prefix_units for `E:\` in front. `limit` excludes the terminating NUL: Windows'
// MAX_PATH of 260 allows 259; the default 240 keeps 19 units of room for a receiver who
// copies the tree into a folder of their own.
inline constexpr std::size_t default_path_limit = 240;
bool path_too_long(std::string_view relative_path, std::size_t limit = default_path_limit);

// `text` in Unicode Normalization Form C (ICU). Invalid UTF-8 is returned unchanged, so no
// byte is lost; check it with is_valid_utf8.
std::string to_nfc(std::string_view text);

// True when `text` is valid UTF-8 and already in NFC.
bool is_nfc(std::string_view text);

// A key under which two names are "the same file" on a case-insensitive, normalising file
// system: NFC, simple Unicode case folding (what NTFS/exFAT/FAT upcase tables do, so "ß" and
// "ss" stay distinct), NFC again, trailing dots and spaces removed (Win32 strips them).
// Invalid UTF-8 only has its ASCII letters folded, so two different invalid names never meet.
std::string fold_for_collision(std::string_view name);

// Groups of names (each of two or more) that share a fold_for_collision key, in order of
// first appearance; members keep their input order. Identical names form a group too.
std::vector<std::vector<std::string>> find_collisions(const std::vector<std::string>& names);

// The names taken so far in one folder tree, compared as a case-insensitive NFC file system
// does (fold_for_collision): for plans that hand out names one at a time (pack's destinations,
// rename's new names), each name claimed by its owner (the source it comes from).
class NameClaims {
public:
  // Claims `name` for `owner`. Returns "" when it was free or already `owner`'s, else the owner
  // that holds it (the claim is then refused: the name stays theirs).
  std::string claim(const std::string& name, const std::string& owner);

private:
  std::map<std::string, std::string> m_owner_of; // folded name → owner
};

// A title made safe to write into a file name, for `rename` and `pack`:
// <>:/\|?* become their full-width forms ＜＞：／＼｜？＊, '"' becomes “ and ” in turn,
// tab/CR/LF become a space, other control characters are removed, ill-formed UTF-8 becomes
// U+FFFD, runs of spaces collapse to one, leading/trailing spaces (also U+3000) and trailing
// dots are stripped, a device name before a dot ("CON.2024", which would make the whole file
// name reserved) gets the full-width '．', and the result is NFC. Meant for a title that is
// followed by "-分类-单位": a bare "CON" is left alone. May return "" (the caller must refuse
// it). Does not shorten: the length limit applies to the whole name, see check_file_name.
// `extra_forbidden`: characters a notice refuses beyond the file systems' (the rule set's
// naming.forbidden_characters); each is dropped.
std::string sanitize_title(std::string_view title, std::string_view extra_forbidden = {});

// The characters of `forbidden` (UTF-8, each code point one character) that `name` contains,
// each once, in the order of `forbidden`, separated by spaces; "" when none.
std::string notice_forbidden_in(std::string_view name, std::string_view forbidden);

} // namespace mpcheck::naming
