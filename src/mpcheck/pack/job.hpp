#pragma once
// A pack job from what the user asked to a checked drive (docs/pack.md): where the plan comes
// from (works.yaml or the names in SRC, also for `rename`), the plan completed (sources
// resolved, forms generated), the outputs the user named vetted, then execute() with the check
// of the finished drive before its manifest. The CLI only wires options to these calls and
// prints what they return.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/pack/execute.hpp"
#include "mpcheck/pack/forms.hpp"
#include "mpcheck/pack/sources.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::pack {

// What a folder of material is planned from: its works manifest when there is one (given, or
// SRC/works.yaml), else the names of its files.
struct Material {
  std::optional<manifest::Manifest> manifest; // loaded and checked against the rule set
  std::string unit;                           // the manifest's, else the one given
  Submission names; // the files as named (names only, nothing probed); empty with a manifest
                    // unless `with_names`
};

// Reads the material in `src`. `manifest_path` "" = SRC/works.yaml when present. A `unit`
// given that differs from the manifest's is an error. Throws rules::RuleError (FILE:LINE:COL)
// for a manifest that cannot be used, a source outside SRC included. `with_names`: walk SRC
// for the names even when a manifest exists (rename matches the manifest to the files).
Material read_material(const std::string& src, const std::string& manifest_path,
                       const std::string& unit, const rules::RuleSet& rules, Lang lang,
                       bool with_names = false);

// What the user asked `pack` to do.
struct Request {
  std::string src;
  std::string manifest;              // --manifest, "" = SRC/works.yaml when present
  std::string unit;                  // --unit
  std::string out;                   // --out, the drive
  std::string zip;                   // --zip, "" = none
  std::string report;                // -o, "" or "-" = stdout
  std::string rules;                 // --rules as given (a rule file is a source: never written)
  bool force = false;                // replace an existing --zip / -o (never a source)
  FormsMode forms = FormsMode::keep; // --forms
  Date as_of;                        // the forms are dated with it
  Lang lang = Lang::zh;
};

// A file of SRC that does not go onto the drive, and why.
struct LeftOut {
  std::string path; // relative to SRC, as walked (NFC)
  Text why;
};

struct Prepared {
  // usage: a bad manifest or output (exit 2); refused: files that cannot be packed,
  // `plan.problems` (exit 1); runtime: the forms could not be made (exit 3).
  enum class Status { ready, usage, refused, runtime };
  Status status = Status::ready;
  std::string error;     // one message in the request's language, for usage and runtime
  layout::PackPlan plan; // sources resolved, forms generated
  std::optional<manifest::Manifest> manifest;
  std::string unit;
  std::vector<Link> links;       // sources that are links inside SRC (copied as their targets)
  std::vector<LeftOut> left_out; // every file of SRC not on the drive, with its reason
  std::vector<std::string> kept_forms; // dests of the forms the unit filled in, kept
  // The 授课记录's cells left empty that the notice does not ask for, each
  // "FILE:LINE:COL: MESSAGE" (those it asks for refuse the manifest instead), or, without a
  // works.yaml, that the record is a blank form.
  std::vector<std::string> form_gaps;
};

// Plans the drive: reads the material, plans it (plan_from_manifest, else plan_from_submission
// with links leaving SRC as problems), applies --forms to the forms the unit filled in (found
// by name in SRC also when works.yaml does not list them), lists every other file of SRC left
// out and why (junk, not in works.yaml, no role), resolves the sources, vets --out/--zip/-o
// (output_problem, pack/outputs.hpp) and generates the forms. Writes nothing.
Prepared prepare(const Request& request, const rules::RuleSet& rules);

// What `pack --dry-run` decides, writing nothing: execute() in its dry-run mode into `out`
// (names too long for the target, FAT32, free space, files in the way, what `clean` would
// remove).
ExecuteResult dry_run(const Prepared& prepared, const std::string& out, bool clean);

// What pack says about SRC besides the copies: the files left out and why, the unit's forms
// kept, the forms generated.
std::string contents_text(const Prepared& prepared, Lang lang);

// What `pack --dry-run` prints: the links, each copy (source → dest), contents_text, and the
// files --clean would remove (`dry.extra`).
std::string plan_text(const Prepared& prepared, const ExecuteResult& dry, Lang lang);

// The files --clean removed (or, `dry`, would remove): one line each under a heading; "" for
// none.
std::string removed_text(const std::vector<std::string>& removed, bool dry, Lang lang);

// A packed and checked drive.
struct Packed {
  ExecuteResult result;
  checks::CheckReport report; // the check of the finished drive (empty when execute failed)
};

// Executes `plan` into `out` and checks the finished drive with `rules` before its manifest is
// written (ExecuteOptions::make_report): the digests pack computed while writing stand in for
// reading the files again, and the pending manifest for the one not yet written. The report
// text (in `lang`) goes onto the drive. `before_check` runs when the copy is done.
Packed execute_and_check(const layout::PackPlan& plan, const std::string& out,
                         ExecuteOptions options, gather::RunOptions check,
                         const rules::RuleSet& rules, Lang lang,
                         const std::function<void()>& before_check = {});

// "已打包到 OUT：复制 N 个文件（M 个已在目标盘上且未改动，不再复制），清单 manifest-sha256.txt。"
// with the links, contents_text and the files --clean removed before it.
std::string packed_text(const Packed& packed, const Prepared& prepared, const std::string& out,
                        Lang lang);

} // namespace mpcheck::pack
