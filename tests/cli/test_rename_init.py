"""mpcheck rename (in place, never overwriting, undo journal) and mpcheck init (works.yaml
guessed from a folder), end to end."""
import os
import re
import shlex
import shutil
import tempfile
import unittest
import zipfile

from check_tree import UNIT, docx, ffmpeg, place
from mpcheck_test import fill_todos, fixture, run, run_json
from test_pack import office


def names(folder):
    return sorted(os.listdir(folder))


class RenameTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-rename-")
        self.dir = os.path.join(self.tmp, "u")
        self.works = os.path.join(self.dir, "作品")
        src = fixture("h264-720p25.mp4")
        place(src, f"{self.works}/奋斗者之歌－微视频－{UNIT} 有字幕版.mp4")
        place(src, f"{self.works}/奋斗者之歌-微视频-{UNIT}(纯净版).mp4")
        place(src, f"{self.works}/随手拍.mp4")
        self.before = names(self.works)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_dry_run_changes_nothing(self):
        p = run("rename", self.dir, "--rules", "changzhou-2024", "--dry-run")
        self.assertEqual(p.returncode, 1, p.stderr)  # 随手拍.mp4 would be left as it is
        self.assertIn(f"奋斗者之歌-微视频-{UNIT}（有字幕）.mp4", p.stdout)
        self.assertEqual(names(self.works), self.before)

    def test_rename_and_undo(self):
        journal = os.path.join(self.tmp, "j.json")
        p = run("rename", self.dir, "--rules", "changzhou-2024", "--journal", journal)
        self.assertEqual(p.returncode, 1, p.stderr)  # the others renamed, 随手拍.mp4 left
        self.assertEqual(names(self.works), sorted([f"奋斗者之歌-微视频-{UNIT}（有字幕）.mp4",
                                                    f"奋斗者之歌-微视频-{UNIT}（无字幕）.mp4", "随手拍.mp4"]))
        self.assertIn("随手拍.mp4", p.stdout)  # listed as not understood, left alone
        _, report = run_json("check", "--rules", "changzhou-2024", "--format", "json", self.dir)
        self.assertEqual([f["path"] for f in report["findings"] if f["check"] == "name.pattern"], ["作品/随手拍.mp4"])
        p = run("rename", "--undo", journal)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(names(self.works), self.before)

    def test_check_offers_rename_only_where_it_can_and_rename_says_what_it_left(self):
        # check used to say "（可用 mpcheck rename 批量改名）" for every bad name; rename then
        # answered "请手工改名", exit 0. rename can mend look-alike separators only.
        d = os.path.join(self.tmp, "rn")
        src = fixture("h264-720p25.mp4")
        long = "长" * 75
        for name in ("我的 微党课 最终版.mp4", f"初心—微视频—{UNIT}.mp4", f"{long}.mp4"):
            place(src, f"{d}/{name}")
        _, report = run_json("check", d, "--rules", "changzhou-2024", "--fast", "--format", "json")
        hints = {f["path"]: f["hint"] for f in report["findings"] if f["check"] == "name.pattern"}
        self.assertNotIn("mpcheck rename", hints["我的 微党课 最终版.mp4"])
        self.assertNotIn("mpcheck rename", hints[f"{long}.mp4"])
        self.assertIn("mpcheck rename", hints[f"初心—微视频—{UNIT}.mp4"])
        # 75 characters fit now, but not once a category and a unit are filled in (261 bytes
        # with -微视频-钟楼区委组织部.mp4; pack refuses over 255).
        self.assertIn("作品名太长", hints[f"{long}.mp4"])
        self.assertIn("255 字节", hints[f"{long}.mp4"])
        self.assertNotIn("作品名太长", hints["我的 微党课 最终版.mp4"])
        p = run("rename", d, "--rules", "changzhou-2024", "--unit", UNIT,
                "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("有 2 个文件没有改名", p.stdout)
        self.assertIn("典型事迹片", p.stdout)  # the categories to choose from
        self.assertIn("mpcheck init", p.stdout)  # or a works.yaml, which rename follows
        self.assertIn(f"初心-微视频-{UNIT}.mp4", names(d))
        p = run("rename", d, "--rules", "changzhou-2024", "--dry-run", "--lang", "en")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("2 files were left as they are", p.stdout)

    def test_refuses_on_a_collision_and_never_overwrites(self):
        place(fixture("h264-1080p25-8M.mp4"), f"{self.works}/奋斗者之歌-微视频-{UNIT}（有字幕）.MP4")
        before = names(self.works)
        p = run("rename", self.dir, "--rules", "changzhou-2024", "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 1)
        self.assertEqual(names(self.works), before)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "j.json")))

    def test_unit_is_replaced(self):
        p = run("rename", self.dir, "--rules", "changzhou-2024", "--unit", "天宁区委组织部",
                "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 1, p.stderr)  # 随手拍.mp4 left as it is
        self.assertIn("奋斗者之歌-微视频-天宁区委组织部（无字幕）.mp4", names(self.works))


class InitTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-init-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_guess_then_refuse_to_overwrite(self):
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{src}/奋斗者之歌-微视频-{UNIT} 字幕版.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/奋斗者之歌-微视频-{UNIT}（无字幕）.mp4")
        place(fixture("h264-720p25.mp4"), f"{src}/党课录像.mp4")
        p = run("init", src, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn(f'unit: "{UNIT}"', text)
        self.assertIn('subtitled: "奋斗者之歌-微视频-钟楼区委组织部 字幕版.mp4"', text)
        self.assertIn('category: "微视频"', text)
        self.assertIn('title: "党课录像"', text)
        self.assertIn("TODO", text)
        self.assertEqual(run("init", src, "--rules", "changzhou-2024").returncode, 2)
        # What init left TODO stops pack, with its line, before anything is written.
        out = os.path.join(self.tmp, "out")
        p = run("pack", src, "--rules", "changzhou-2024", "--out", out)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertRegex(p.stderr, r"works.yaml:\d+:\d+: '\w+' 还是 TODO")
        self.assertFalse(os.path.exists(out))

    def test_draft_marks_stay_out_of_the_titles_and_the_drive_said_in_a_comment(self):
        # The tester's 初心如磐（定稿）.mp4 and 奋斗者之歌 最终版.mp4: init suggests the titles without
        # 定稿 and 最终版, says so where the clerk reads the title, and pack names the drive's
        # files by them.
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心如磐（定稿）.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/奋斗者之歌 最终版.mp4")
        p = run("init", src, "--rules", "changzhou-2024", "--unit", UNIT)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn('  - title: "初心如磐"   # 请核对：文件名里的“（定稿）”是草稿或版本字样，没有写进作品名\n', text)
        self.assertIn('  - title: "奋斗者之歌"   # 请核对：文件名里的“最终版”是草稿或版本字样，没有写进作品名\n', text)
        self.assertIn('video: "初心如磐（定稿）.mp4"', text)
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(text.replace('category: "TODO"', 'category: "微视频"'), "张三"))
        p = run("pack", src, "--rules", "changzhou-2024", "--out", os.path.join(self.tmp, "u"), "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(f"初心如磐-微视频-{UNIT}.mp4", p.stdout)
        self.assertIn(f"奋斗者之歌-微视频-{UNIT}.mp4", p.stdout)
        self.assertNotIn("（定稿）-微视频", p.stdout)
        self.assertNotIn("最终版-微视频", p.stdout)
        en = os.path.join(self.tmp, "en.yaml")
        p = run("init", src, "--rules", "changzhou-2024", "--lang", "en", "-o", en)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(en) as f:
            self.assertIn("# check: '（定稿）' in the file name is a draft or version mark, left out of the title",
                          f.read())

    def test_a_camera_name_is_no_title_and_a_script_finds_the_work_its_name_begins(self):
        # liaoning-2023 has no naming pattern: a name is the title, but a camera's VID_001 is
        # none (TODO, saying why); 奋斗者之歌解说词.docx belongs to "奋斗者之歌 最终版", the one
        # work whose title it begins; 初心解说词 beside 初心如磐 and 初心如磐 第二版 to neither.
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/VID_001.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/奋斗者之歌 最终版.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心如磐.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心如磐 第二版.mp4")
        for doc in ("奋斗者之歌解说词.docx", "初心解说词.docx"):
            with open(f"{src}/{doc}", "wb") as f:
                f.write(b"PK")
        p = run("init", src, "--rules", "liaoning-2023")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn('title: "TODO"   # TODO：作品名（文件名“VID_001.mp4”看不出作品名）', text)
        self.assertNotIn('title: "VID_001"', text)
        self.assertIn('script: "奋斗者之歌解说词.docx"', text)
        self.assertNotIn('script: "初心解说词.docx"', text)
        self.assertNotIn("# TODO: ", text)  # one colon in Chinese comments: the full-width one

    def test_one_version_where_two_are_asked_leaves_a_todo_for_the_other(self):
        # changzhou-2024 asks a 微视频 for 有字幕 and 无字幕 (qa5 N3). A work of one file gets
        # subtitled: and clean:, the file under the key its name gives (or subtitled:, said
        # so), and "TODO" for the other, which pack refuses at its line; a 典型事迹片 keeps
        # video:, and a work of no category yet gets video: with what to change for 微视频.
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/甲-微视频-{UNIT}（无字幕）.mp4")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{src}/乙-微视频-{UNIT}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/丙-典型事迹片-{UNIT}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心如磐（定稿）.mp4")
        p = run("init", src, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        todo = '"TODO"   # TODO：通知要求有字幕和无字幕两个版本，这里填另一个版本的文件'
        self.assertIn(f'      subtitled: {todo}（有字幕版）\n'
                      f'      clean: "甲-微视频-{UNIT}（无字幕）.mp4"\n', text)
        self.assertIn(f'      subtitled: "乙-微视频-{UNIT}.mp4"\n'
                      f'      clean: {todo}（文件名看不出上一行的文件是哪个版本：它没有字幕的话，'
                      '把这两行开头的 subtitled 和 clean 对调）\n', text)
        self.assertIn(f'      video: "丙-典型事迹片-{UNIT}.mp4"\n', text)
        self.assertIn('      video: "初心如磐（定稿）.mp4"   # TODO：分类是微视频的话，通知要求有字幕和无字幕两个'
                      '版本。文件名看不出这是哪个版本：它有字幕的话把 video 改成 subtitled，再加一行 clean: '
                      '无字幕版的文件；没有字幕的话把 video 改成 clean，再加一行 subtitled: 有字幕版的文件\n', text)
        self.assertEqual(text.count("video:"), 2, text)
        en = os.path.join(self.tmp, "en.yaml")
        self.assertEqual(run("init", src, "--rules", "changzhou-2024", "--lang", "en", "-o", en).returncode, 0)
        with open(en) as f:
            self.assertIn('"TODO"   # TODO: the notice asks for a subtitled and a clean version; the other '
                          "version's file goes here", f.read())
        # pack refuses both TODOs, each at its line and column, before writing anything.
        lines = text.splitlines()
        out = os.path.join(self.tmp, "u")
        p = run("pack", src, "--rules", "changzhou-2024", "--out", out)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertFalse(os.path.exists(out))
        for key, title in (("subtitled", "甲"), ("clean", "乙")):
            n = next(i for i, l in enumerate(lines) if l.startswith(f'      {key}: "TODO"'))
            col = lines[n].index('"TODO"') + 1
            self.assertIn(f"works.yaml:{n + 1}:{col}: '{key}' 还是 TODO：请填写（mpcheck init 留给您填的），"
                          "写上文件的路径", p.stderr)
        # Filled as the comments say: the two versions of each 微视频, nothing missing.
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{src}/甲 有字幕.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/乙 无字幕.mp4")
        text = text.replace(f"subtitled: {todo}（有字幕版）", 'subtitled: "甲 有字幕.mp4"', 1)
        text = re.sub(r'clean: "TODO" .*', 'clean: "乙 无字幕.mp4"', text, count=1)
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(text, "张三").replace('category: "张三"', 'category: "纪录片"'))
        p = run("pack", src, "--rules", "changzhou-2024", "--out", out, "--fast", "--as-of", "2024-09-01")
        self.assertIn(p.returncode, (0, 1), p.stdout + p.stderr)
        self.assertNotIn("subtitles.pair-missing", p.stdout)
        for name in (f"甲-微视频-{UNIT}（有字幕）.mp4", f"甲-微视频-{UNIT}（无字幕）.mp4",
                     f"乙-微视频-{UNIT}（有字幕）.mp4", f"乙-微视频-{UNIT}（无字幕）.mp4"):
            self.assertTrue(os.path.exists(f"{out}/作品/{name}"), p.stdout)

    def test_branch_record_gets_a_lecture_per_work_each_cell_todo(self):
        # branch-everyone's 授课记录 (授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况):
        # init wrote only a comment, and the clerk who filled every TODO handed over a record
        # with 授课时间, 授课人, 参与人员 and 讨论交流情况 blank (QA N8). Now each work has a lecture
        # with each cell: the theme and the day guessed (请核对), the others TODO, which pack refuses.
        src = os.path.join(self.tmp, "材料")
        os.makedirs(src)
        ffmpeg("-i", fixture("h264-720p25.mp4"), "-c", "copy", "-metadata",
               "creation_time=2024-05-01T08:00:00Z", f"{src}/红色足迹.mp4")
        p = run("init", src, "--rules", "branch-everyone", "--unit", "第一党支部")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        lecture = text[text.index("\nlectures:\n"):]
        for line in ('  - title: "红色足迹"   # 授课主题（取自作品名，请核对）',
                     '    date: "2024-05-01"   # 授课时间（取自录像文件里记下的拍摄日期，请核对）',
                     '    speaker: "TODO"   # TODO：授课人姓名',
                     '    content: "TODO"   # TODO：主要内容（讲了哪些要点）',
                     '    audience: "TODO"   # TODO：参与人员（如：第一党小组全体党员（12人））',
                     '    discussion: "TODO"   # TODO：讨论交流情况（大家谈了什么体会、建议）'):
            self.assertIn(line + "\n", lecture)
        # The work's TODOs filled, the record's left: pack names each at its line, writes nothing.
        head, tail = text.split("\nlectures:\n")
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(head, "张三") + "\nlectures:\n" + tail)
        out = os.path.join(self.tmp, "U盘")
        p = run("pack", src, "--rules", "branch-everyone", "--out", out, "--fast")
        self.assertEqual(p.returncode, 2, p.stderr)
        for key in ("speaker", "content", "audience", "discussion"):
            self.assertRegex(p.stderr, rf"works.yaml:\d+:\d+: '{key}' 还是 TODO")
        self.assertFalse(os.path.exists(out))
        # Filled in, the record carries them.
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(text, "李明"))
        p = run("pack", src, "--rules", "branch-everyone", "--out", out, "--fast")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        with zipfile.ZipFile(os.path.join(out, "授课记录-第一党支部.docx")) as z:
            xml = z.read("word/document.xml").decode()
        for cell in ("2024年5月1日", "李明", "红色足迹"):
            self.assertIn(f">{cell}<", xml)

    def test_written_elsewhere_its_paths_lead_into_the_folder(self):
        # init -o FILE outside SRC, then pack --manifest FILE: the paths are relative to the
        # file's folder, as its header says and as pack reads them.
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{src}/初心-微视频-{UNIT}（有字幕）.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心-微视频-{UNIT}（无字幕）.mp4")
        yaml = os.path.join(self.tmp, "清单", "w.yaml")
        os.makedirs(os.path.dirname(yaml))
        p = run("init", src, "--rules", "changzhou-2024", "-o", yaml)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(yaml) as f:
            text = f.read()
        self.assertIn(f'subtitled: "../材料/初心-微视频-{UNIT}（有字幕）.mp4"', text)
        with open(yaml, "w") as f:
            f.write(fill_todos(text, "张三"))
        p = run("pack", src, "--rules", "changzhou-2024", "--manifest", yaml,
                "--out", os.path.join(self.tmp, "usb"), "--dry-run")
        self.assertNotIn("不在源文件夹", p.stderr)
        self.assertIn(f"初心-微视频-{UNIT}（有字幕）.mp4", p.stdout + p.stderr)

    def test_init_run_inside_the_folder_prints_a_drive_beside_it(self):
        # QA R1: after `init .` the printed `--out "U盘"` lay inside the material, which pack
        # refuses. The drive goes beside it; works.yaml's first lines give the command too.
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心.mp4")
        p = run("init", ".", "--rules", "liaoning-2023", cwd=src)
        self.assertEqual(p.returncode, 0, p.stderr)
        said = re.search(r"然后运行 (mpcheck pack .*?)（把“U盘”换成U盘或一个空文件夹）", p.stderr)
        self.assertIsNotNone(said, p.stderr)
        printed = shlex.split(said.group(1))
        self.assertEqual(printed, ["mpcheck", "pack", ".", "--rules", "liaoning-2023", "--out", "../U盘"])
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn("然后运行 `mpcheck pack 本文件夹 --rules liaoning-2023 --out U盘`", text)
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(text, "张三"))
        p = run(*printed[1:], "--as-of", "2023-06-10", cwd=src)
        self.assertNotIn("不能在源目录里", p.stderr)
        self.assertIn(p.returncode, (0, 1), p.stdout + p.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "U盘", "manifest-sha256.txt")))

    def test_jiaozuo_county_report_goes_from_init_to_a_passing_drive(self):
        # 焦作: a 区委宣传部 hands in, besides its lesson and the lesson's PPT, the 情况报告 of its
        # demonstration lectures, a document of the unit, of no work. init writes a line for
        # each (documents: 情况报告, the work's courseware:, no 解说词 jiaozuo does not ask for);
        # the clerk fills them; pack names the report as the notice does, and the drive passes.
        unit = "解放区委宣传部"
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心.mp4")
        office(f"{src}/幻灯片.pptx", "ppt/presentation.xml")
        docx(f"{src}/文本/我区示范宣讲活动总结.docx", "情况报告")
        p = run("init", src, "--rules", "jiaozuo-2019", "--unit", unit)
        self.assertEqual(p.returncode, 0, p.stderr)
        # The whole pack command to paste once filled (QA N1: a bare "mpcheck pack" exited 2).
        said = re.search(r"然后运行 (mpcheck pack .*?)（把“U盘”换成U盘或一个空文件夹）", p.stderr)
        self.assertIsNotNone(said, p.stderr)
        printed = shlex.split(said.group(1))
        self.assertEqual(printed, ["mpcheck", "pack", src, "--rules", "jiaozuo-2019", "--unit", unit,
                                   "--out", "U盘"])
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn(f'\ndocuments:   # 单位的文档（不属于哪个作品），路径同作品的文件\n'
                      f'  情况报告: "TODO"   # TODO：情况报告的文件（.docx/.doc/.wps/.pdf），'
                      f'打包后名为“情况报告-{unit}.docx”\n', text)
        self.assertIn('      courseware: "TODO"   # TODO：课件的文件（.pptx/.ppt/.dps），通知要求每部作品都有\n', text)
        self.assertNotIn("script", text)
        # Left TODO, pack says where, before writing anything.
        out = os.path.join(self.tmp, "U盘")
        p = run("pack", src, "--rules", "jiaozuo-2019", "--out", out, "--as-of", "2019-06-20")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertRegex(p.stderr, r"works.yaml:\d+:\d+: '情况报告' 还是 TODO")
        self.assertRegex(p.stderr, r"works.yaml:\d+:\d+: 'courseware' 还是 TODO")
        self.assertFalse(os.path.exists(out))
        text = (text.replace('情况报告: "TODO"', '情况报告: "文本/我区示范宣讲活动总结.docx"')
                .replace('courseware: "TODO"', 'courseware: "幻灯片.pptx"').replace('"TODO"', '"张三"'))
        with open(f"{src}/works.yaml", "w") as f:
            f.write(text)
        p = run(*printed[1:-1], out, "--as-of", "2019-06-20")  # as printed, the drive named
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotIn("未打包的源文件", p.stdout)
        self.assertEqual(sorted(n for n in os.listdir(out) if n.endswith((".docx", ".pptx", ".mp4"))),
                         sorted([f"情况报告-{unit}.docx", f"统计表-{unit}.docx", f"师资库统计表-{unit}.docx",
                                 f"初心-课件-{unit}.pptx", "初心.mp4"]))
        with open(f"{src}/文本/我区示范宣讲活动总结.docx", "rb") as a, open(f"{out}/情况报告-{unit}.docx", "rb") as b:
            self.assertEqual(a.read(), b.read())
        p = run("check", out, "--rules", "jiaozuo-2019", "--as-of", "2019-06-20")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotIn("document.missing", p.stdout)


if __name__ == "__main__":
    unittest.main()


class RenameFromManifestTest(unittest.TestCase):
    def test_names_come_from_works_yaml(self):
        tmp = tempfile.mkdtemp(prefix="mpcheck-rename-m-")
        try:
            src = os.path.join(tmp, "材料")
            place(fixture("h264-720p25.mp4"), f"{src}/素材/成片A.mp4")
            place(fixture("h264-720p25.mp4"), f"{src}/素材/成片B.mp4")
            with open(f"{src}/works.yaml", "w") as f:
                f.write(f"unit: {UNIT}\nworks:\n  - title: 星火\n    category: 微视频\n"
                        "    files: {subtitled: 素材/成片A.mp4, clean: 素材/成片B.mp4}\n")
            journal = os.path.join(tmp, "j.json")
            p = run("rename", src, "--rules", "changzhou-2024", "--journal", journal)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(names(f"{src}/素材"), sorted([f"星火-微视频-{UNIT}（有字幕）.mp4", f"星火-微视频-{UNIT}（无字幕）.mp4"]))
            with open(f"{src}/works.yaml") as f:
                self.assertIn(f"素材/星火-微视频-{UNIT}（有字幕）.mp4", f.read())  # the manifest follows
            out = os.path.join(tmp, "usb")
            p = run("pack", src, "--rules", "changzhou-2024", "--out", out, "--as-of", "2024-09-01")
            self.assertIn(p.returncode, (0, 1), p.stderr)  # still packs (documents are missing)
            self.assertEqual(run("rename", "--undo", journal).returncode, 0)
            self.assertEqual(names(f"{src}/素材"), ["成片A.mp4", "成片B.mp4"])
            with open(f"{src}/works.yaml") as f:
                self.assertIn("素材/成片A.mp4", f.read())
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
