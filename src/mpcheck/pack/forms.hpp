#pragma once
// The forms a notice asks the unit to fill in, generated as Word documents for `pack`:
// Changzhou's 汇总表 and a 报名表 per work (附件2 video, 附件3 new media with its QR image),
// Jiaozuo's 统计表, the branch plan's 授课记录. Filled from the works manifest.

#include <optional>
#include <string>
#include <vector>

#include "mpcheck/docs/docx.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/pack/plan.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::pack {

// Reads the PNG or JPEG file at `path` into `out` (pixel size from its header). Returns false
// with `error` = "PATH: reason" when it cannot be read or is neither PNG nor JPEG.
bool load_image(const std::string& path, docs::Image& out, std::string& error);

// What to do with a form the unit filled in by hand (it carries their seal and signatures):
// keep it and generate only the forms not given (the default), generate every form and leave
// the unit's out, or both (the generated one beside the unit's, "（生成）" added to its name
// when the two names would be the same).
enum class FormsMode { keep, generate, both };

// The kind of form pack can generate that `file_name` names (汇总表, 报名表, 统计表, 师资库统计表,
// 授课记录, as the rule set's document patterns and aliases say), or "".
std::string form_kind(const rules::RuleSet& rules, const std::string& file_name);

// Whether generate_forms makes the 授课记录: the rule set asks for it and, with `keep`, the plan
// carries none of the unit's own.
bool generates_lecture_record(const rules::RuleSet& rules, const layout::PackPlan& plan,
                              FormsMode mode);

// The forms for `rules`, under their folders (表格/汇总表-单位.docx, ...). With `keep`, a form
// whose kind the plan already carries (the unit's own 报名表) is not generated again. Every form is
// dated `date` (docProps/core.xml and its zip entries: pack's --as-of, else today), so the same
// input gives the same bytes. Throws std::runtime_error when a form cannot be written (no temporary
// space).
std::vector<GeneratedFile> generate_forms(const rules::RuleSet& rules,
                                          const std::optional<manifest::Manifest>& manifest,
                                          const std::string& unit, const layout::PackPlan& plan,
                                          Date date, FormsMode mode = FormsMode::keep);

} // namespace mpcheck::pack
