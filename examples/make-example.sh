#!/usr/bin/env bash
# shellcheck disable=SC1111  # the Chinese quotation marks “” in the forms are meant
# Builds a complete, correct submission for 常组通〔2024〕40号 (rule set changzhou-2024) from the
# test fixtures: what a district's USB drive should hold. `mpcheck check OUTDIR --rules
# changzhou-2024` must report no error and no warning on it. See README.md beside this script.
#
#   usage: make-example.sh OUTDIR [FIXTURES_DIR]
#
# FIXTURES_DIR defaults to $MPCHECK_FIXTURES, else build/fixtures; missing fixtures are made
# there with tests/fixtures/make-fixtures.sh. OUTDIR is built beside itself under a temporary
# name and swapped in when complete; an existing OUTDIR is replaced only if it holds nothing but
# the three folders this script makes.
set -euo pipefail

OUT=${1:?usage: make-example.sh OUTDIR [FIXTURES_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
FIX=${2:-${MPCHECK_FIXTURES:-$HERE/../build/fixtures}}
UNIT=钟楼区委组织部

die() { printf 'make-example: %s\n' "$*" >&2; exit 1; }

OUT=${OUT%/}
if [[ -e $OUT ]]; then
  [[ -d $OUT ]] || die "$OUT exists and is not a directory"
  for entry in "$OUT"/* "$OUT"/.[!.]*; do
    [[ -e $entry ]] || continue
    case ${entry##*/} in 作品 | 表格 | 文本) ;; *) die "$OUT holds '${entry##*/}': not an example tree, not replacing it" ;; esac
  done
fi

# The two works: title, fixture stem (clean; subtitled is STEM-subtitled.mp4).
WORKS=("奋斗者之歌:h264-1080p25-8M" "初心如磐:h264-1080p25-8M-prog2")
need=()
for work in "${WORKS[@]}"; do
  need+=("$FIX/${work#*:}.mp4" "$FIX/${work#*:}-subtitled.mp4")
done
for file in "${need[@]}"; do
  if [[ ! -s $file ]]; then
    bash "$HERE/../tests/fixtures/make-fixtures.sh" "$FIX" >/dev/null
    break
  fi
done

TMP=$OUT.partial-$$
trap 'rm -rf -- "$TMP"' EXIT
mkdir -p "$TMP/作品" "$TMP/表格" "$TMP/文本"

docx() { python3 "$HERE/make-docx.py" "$1"; }

for work in "${WORKS[@]}"; do
  title=${work%%:*} stem=${work#*:}
  cp -- "$FIX/$stem-subtitled.mp4" "$TMP/作品/$title-微视频-$UNIT（有字幕）.mp4"
  cp -- "$FIX/$stem.mp4" "$TMP/作品/$title-微视频-$UNIT（无字幕）.mp4"
done

# 附件2 报名表（一）, one table per work.
docx "$TMP/表格/报名表-$UNIT.docx" <<EOF
# 全市党员教育作品观摩交流活动报名表（一）
（典型事迹片、纪录片、培训片、文艺片、微视频和“党课开讲啦”视频）
报送单位：$UNIT
名 称 | 奋斗者之歌
制作单位 | $UNIT
类 别 | 微视频 | 总 集 数 | 1集 | 每集时长 | 3秒
主创人员 | 张三、李四
内容简介 | 讲述新时代奋斗者扎根基层、服务群众的故事。
报送单位意见 | （盖章） 年 月 日

名 称 | 初心如磐
制作单位 | $UNIT
类 别 | 微视频 | 总 集 数 | 1集 | 每集时长 | 3秒
主创人员 | 王五、赵六
内容简介 | 一名老党员五十年如一日践行入党誓言。
报送单位意见 | （盖章） 年 月 日
注：本表纸质版报送 1 式 2 份。
EOF

# 附件4 汇总表.
docx "$TMP/表格/汇总表-$UNIT.docx" <<EOF
# 全市党员教育作品观摩交流活动汇总表
报送单位：$UNIT
联系人：张三
联系电话：0519-00000000
序号 | 作品名称 | 类别 | 制作单位
1 | 奋斗者之歌 | 微视频 | $UNIT
2 | 初心如磐 | 微视频 | $UNIT
注：本表纸质版报送 1 式 2 份。“类别”栏根据作品分类填写。
EOF

# 解说词, one per work.
docx "$TMP/文本/奋斗者之歌-解说词-$UNIT.docx" <<EOF
# 《奋斗者之歌》解说词
在城市的每一个角落，都有共产党员奋斗的身影。
他们扎根基层，服务群众，用实干诠释初心。
学习二十大，永远跟党走。
EOF
docx "$TMP/文本/初心如磐-解说词-$UNIT.docx" <<EOF
# 《初心如磐》解说词
五十年前，他在党旗下庄严宣誓。
五十年来，他用一生践行入党誓言。
不忘初心，牢记使命。
EOF

if [[ -e $OUT ]]; then rm -rf -- "$OUT"; fi
mv -- "$TMP" "$OUT"
trap - EXIT
find "$OUT" -type f | LC_ALL=C sort
