"""cchc speaks Vietnamese by default and English on request: the catalogue, help, errors and outputs."""

from __future__ import annotations

import json
from pathlib import Path
import re
import string

import pytest

from cchc.cli import command
from cchc.messages import LANGS, catalogue, date_text, money_text, render
from conftest import DATA, PLAN, ROOT

# Words that must never show in Vietnamese output: English words of messages and the framework.
ENGLISH = re.compile(
    r"\b(?:Usage|Options|Arguments|Commands|Error|Invalid|Missing|No such|Show this|required|default|"
    r"error|warning|file|files|checked|valid|invalid|items?|due|agency|section|budget|declared|itemized|"
    r"difference|total|not|the|and|with|Try|help|wrote|cannot|unknown|missing|month|date)\b"
)
# Words of cchc's Vietnamese messages that must never show in English output (plan data aside).
VIETNAMESE = re.compile(r"\b(?:lỗi|cảnh báo|Đã kiểm tra|tệp|Cách dùng|Tùy chọn|không có|Chênh lệch|Đến hạn|Tổng kinh phí công bố|hạn chót|chủ trì|phối hợp)\b", re.I)


#: Arguments only the English template shows: libyaml's, pydantic's and the XML parser's own words, which no
#: Vietnamese message may carry.
ENGLISH_ONLY = {"yaml-syntax": {"detail"}, "schema.other": {"detail"}, "docx.xml": {"detail"}}


def test_every_message_has_both_languages():
    for key, entry in catalogue().items():
        assert isinstance(entry, tuple) and len(entry) == len(LANGS), key
        vi, en = entry
        assert vi.strip() and en.strip(), key
        # Both templates ask for the same arguments.
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in entry
        ] if not key.startswith("help:") else [set(), set()]
        assert fields[0] <= fields[1] | {"reason"} and fields[1] <= fields[0] | {"reason"} | ENGLISH_ONLY.get(key, set()), key


def _walk(cmd, name="cchc"):
    yield name, cmd
    for sub_name, sub in getattr(cmd, "commands", {}).items():
        yield from _walk(sub, f"{name} {sub_name}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_and_option_has_help_in_both_languages(lang):
    entries = catalogue()
    for name, cmd in _walk(command(lang)):
        assert f"help:{name}" in entries, name
        for param in cmd.params:
            key = f"help:{name} {param.opts[0] if param.opts else param.name}"
            assert key in entries, key


def test_language_does_not_depend_on_the_locale(run):
    for env in ({"LANG": "C", "LC_ALL": "C"}, {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}, {}):
        result = run("validate", PLAN, env=env)
        assert "cảnh báo" in result.stdout and "warning" not in result.stdout, result


def test_lang_option_and_environment(run):
    assert "warning [total-mismatch]" in run("--lang", "en", "validate", PLAN).stdout
    assert "warning [total-mismatch]" in run("validate", PLAN, "--lang", "en").stdout
    assert "warning [total-mismatch]" in run("validate", PLAN, env={"CCHC_LANG": "en"}).stdout
    assert "cảnh báo [total-mismatch]" in run("validate", PLAN, "--lang=vi", env={"CCHC_LANG": "en"}).stdout
    bad = run("--lang", "fr", "validate", PLAN)
    assert bad.exit_code == 2 and "--lang" in bad.stderr


BROAD = [
    ("--help",),
    ("validate", "--help"),
    ("due", "--help"),
    ("list", "--help"),
    ("render", "--help"),
    ("validate", PLAN),
    ("validate", DATA / "invalid" / "unknown-agency.yaml"),
    ("validate", DATA / "invalid" / "unknown-field.yaml"),
    ("validate", DATA / "invalid" / "bad-deadline.yaml"),
    ("budget",),
    ("due", "--month", "2021-06"),
    ("due", "--month", "2021-07"),
    ("due", "--month", "2021-13"),
    ("due", "--month", "bogus"),
    ("list", "--nope"),
    ("list", "--format", "xml"),
    ("list", "--agency", "không có ai"),
    ("list", "--agency", "sở"),
    ("list", "--role", "lead"),
    ("show",),
    ("show", "VII-44"),
    ("show", "VII-4"),
    ("sections",),
    ("agencies",),
    ("bogus",),
    ("validate", "/nonexistent/plan.yaml"),
]


def _visible(result) -> str:
    # Plan data (names, products, notes) is Vietnamese in both languages: look at cchc's own words.
    return result.stdout + result.stderr


@pytest.mark.parametrize("args", BROAD, ids=lambda a: " ".join(map(str, a)))
def test_vietnamese_output_has_no_english_words(run, args):
    result = run(*args)
    text = _visible(result)
    assert "Traceback" not in text
    # Paths, option names, codes in brackets and commands in backticks are not words a clerk reads.
    cleaned = re.sub(r"(/\S+|\[[a-z0-9-]+\]|--?[a-z-]+|`[^`]*`|cchc \w+|\b[A-Z_]{2,}\b|'[^']*'|\b[a-z]+\|[a-z|]+\b)", " ", text)
    cleaned = re.sub(r"(?m)^  [a-z]+  ", " ", cleaned)  # command names in the list of commands
    found = ENGLISH.findall(cleaned)
    assert not found, (found, text)


@pytest.mark.parametrize("args", BROAD, ids=lambda a: " ".join(map(str, a)))
def test_english_output_has_no_vietnamese_message_words(run, args):
    result = run("--lang", "en", *args)
    text = _visible(result)
    assert "Traceback" not in text
    # Only cchc's words: drop the plan's own text (the 2021 plan's products, titles and agencies).
    plan_text = PLAN.read_text(encoding="utf-8")
    text = re.sub(r'"[^"]*"', " ", text)  # what the user typed, quoted back
    words = [w for w in VIETNAMESE.findall(text) if w.lower() not in plan_text.lower()]
    assert not words, (words, text)


def test_machine_output_does_not_change_with_the_language(run):
    for args in (("budget", "-f", "json"), ("list", "-f", "json"), ("agencies", "-f", "json"), ("due", "-m", "2021-06", "-f", "csv")):
        assert run(*args).stdout == run("--lang", "en", *args).stdout, args
    vi = json.loads(run("validate", PLAN, "-f", "json").stdout)
    en = json.loads(run("validate", PLAN, "-f", "json", "--lang", "en").stdout)
    strip = lambda doc: [{k: v for k, v in d.items() if k != "message"} for d in doc["diagnostics"]]  # noqa: E731
    assert strip(vi) == strip(en) and vi["valid"] == en["valid"]
    assert [d["message"] for d in vi["diagnostics"]] != [d["message"] for d in en["diagnostics"]]


def test_github_annotations_stay_valid_in_both_languages(run):
    path = DATA / "invalid" / "unknown-field.yaml"
    for lang in LANGS:
        line = run("validate", path, "-f", "github", "--lang", lang).stdout.splitlines()[0]
        assert re.fullmatch(r"::error file=[^,]+,line=\d+,col=\d+,title=cchc schema::.+", line), line


def test_human_dates_and_amounts_the_vietnamese_way(run):
    table = run("due", "--month", "2021-06").stdout
    assert "30/06/2021" in table and "2021-06-30" not in table
    assert date_text("2021-06-30", "vi") == "30/06/2021"
    assert money_text(__import__("decimal").Decimal("2.5"), "vi") == "2,5 triệu đồng"
    assert money_text(1500, "en") == "1,500 million VND"
    budget = run("budget").stdout
    assert "200.000.000 đ" in budget and "Bằng chữ: Hai trăm triệu đồng chẵn" in budget


def test_unknown_key_never_hides_a_problem():
    assert render("no.such.key", {"id": "I-3"}) == "no.such.key(id='I-3')"


def test_system_reasons_are_in_the_chosen_language(run, tmp_path):
    too_long = tmp_path / ("x" * 300 + ".md")
    vi = run("render", "-o", too_long)
    assert vi.exit_code == 2 and "tên tệp quá dài" in vi.stderr and "File name too long" not in vi.stderr, vi
    en = run("--lang", "en", "render", "-o", too_long)
    assert en.exit_code == 2 and "File name too long" in en.stderr


@pytest.mark.parametrize(
    "command",
    ["validate", "due", "list", "show", "agencies", "sections", "budget", "render", "init", "import", "progress", "report", "calendar"],
)
def test_help_shows_no_python_type_names(run, command):
    for lang in ("vi", "en"):
        text = run("--lang", lang, command, "--help").stdout
        assert "{" not in text.splitlines()[0], text  # "cchc show [OPTIONS] ID": a person would type the braces
        assert not re.search(r"(?i)<(str|path|file|directory|int|float|bool|list\[)", text), text  # "KẾ_HOẠCH.docx <Path>" showed
        assert not re.search(r"[ \t]+$", text, re.M)


def test_a_language_cchc_does_not_speak_is_a_usage_error(run, monkeypatch):
    monkeypatch.setenv("CCHC_LANG", "fr")
    result = run("sections")
    assert result.exit_code == 2 and "CCHC_LANG" in result.stderr and result.stdout == ""
    monkeypatch.setenv("CCHC_LANG", "en_US.UTF-8")
    assert run("sections").exit_code == 0
    monkeypatch.delenv("CCHC_LANG")
    missing = run("--lang")
    assert missing.exit_code == 2 and "--lang cần một giá trị" in missing.stderr
    # Said in the language CCHC_LANG asks for, when the command line's is the one that is wrong.
    monkeypatch.setenv("CCHC_LANG", "en")
    wrong = run("--lang", "fr", "sections")
    assert wrong.exit_code == 2 and 'no language "fr"' in wrong.stderr, wrong
    assert "không có" not in wrong.stderr
    # Asked for in no language cchc knows: said in both, for a reader of either ("--lang english" read Vietnamese only).
    for lang_env, args in (("", ("--lang", "english", "sections")), ("english", ("sections",)), ("", ("--lang",))):
        monkeypatch.setenv("CCHC_LANG", lang_env)
        told = run(*args)
        assert told.exit_code == 2 and len(told.stderr.splitlines()) == 2, told
        vietnamese, english = told.stderr.splitlines()
        assert ("không" in vietnamese or "cần" in vietnamese) and ("language" in english or "needs a value" in english), told.stderr


@pytest.mark.parametrize("lang, expected", [("vi", "tùy chọn --pending không nhận giá trị"), ("en", "Option '--pending' does not take a value")])
def test_a_flag_given_a_value_is_a_usage_error_in_the_language(run, lang, expected):
    result = run("--lang", lang, "list", "--pending=yes")
    assert result.exit_code == 2 and expected in result.stderr, result


# ---------------------------------------------------------------- usage lines and placeholders

USAGE = {"vi": ("Cách dùng", "[TÙY CHỌN]"), "en": ("Usage", "[OPTIONS]")}


def _usage_line(run, lang, *command):
    return run("--lang", lang, *command, "--help").stdout.splitlines()[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_usage_line_brackets_each_argument_once(run, lang):
    usage, options = USAGE[lang]
    for name, cmd in _walk(command(lang)):
        if name == "cchc":
            continue
        line = _usage_line(run, lang, *name.split()[1:])
        # Options, then each argument once: REQUIRED (bare, as man pages write it: typer's "{ID}" had people type the
        # braces) or [OPTIONAL], "..." when it repeats.
        pattern = rf"{usage}: {re.escape(name)} {re.escape(options)}(?: [^\[\]{{}}\s]+| \[[^\[\]{{}}\s]+\](?:\.\.\.)?)*"
        assert re.fullmatch(pattern, line), line


def test_validate_usage_line(run):
    assert _usage_line(run, "en", "validate") == "Usage: cchc validate [OPTIONS] [PLAN]..."
    assert "\n  PLAN  " in run("--lang", "en", "validate", "--help").stdout


def _options_and_arguments(help_text):
    """(option, placeholder) for each option of a help page that takes a value, and the arguments' placeholders."""
    options = re.findall(r"^  (?:-[a-zA-Z], )?(--[a-z-]+) ([^\s<]+)", help_text, re.M)
    after_options = help_text.splitlines()[0].split("] ", 1)[1:]  # a group's "COMMAND [ARGS]..." names no value
    arguments = re.findall(r"[\[{]([^\[\]{}\s]+)[\]}]", after_options[0]) if after_options and "[ARGS]" not in after_options[0] else []
    return options, arguments


def _is_placeholder(word):
    """Whether a word of a command line in a README stands for a value (KẾ_HOẠCH, [PLAN]..., PLAN.docx), not an example (I, 2021)."""
    word = word.strip("[].").split(".")[0]
    return len(word) > 1 and word == word.upper() and re.fullmatch(r"[^\W\d]+", word) and not re.fullmatch("[IVX]+", word)


def test_placeholders_are_in_the_language_of_the_help(run):
    english = {"DATE", "NAME", "TEXT", "ID", "PLAN", "LOG", "FILE", "DIR", "SECTION", "PERIOD"}
    for name, _ in _walk(command("vi")):
        args = name.split()[1:]
        vi = _options_and_arguments(run(*args, "--help").stdout)
        en = _options_and_arguments(run("--lang", "en", *args, "--help").stdout)
        assert [o for o, _ in vi[0]] == [o for o, _ in en[0]] and len(vi[1]) == len(en[1]), name
        shown_vi = {word for _, m in vi[0] for word in re.findall(r"\w+", m)} | {w for a in vi[1] for w in re.findall(r"\w+", a)}
        shown_en = {word for _, m in en[0] for word in re.findall(r"\w+", m)} | {w for a in en[1] for w in re.findall(r"\w+", a)}
        assert not shown_vi & english, (name, shown_vi & english)
        assert shown_en <= english | {"YYYY", "MM", "vi", "en", "docx"}, (name, shown_en - english)


@pytest.mark.parametrize(
    "args, vi, en",
    [
        (("progress",), ["--on NGÀY", "-e, --evidence CHỮ", "-n, --note CHỮ", "-p, --plan KẾ_HOẠCH", "--progress TỆP", "--today NGÀY",
                         "cchc progress [TÙY CHỌN] MÃ", "\n  MÃ  "],
         ["--on DATE", "-e, --evidence TEXT", "-n, --note TEXT", "-p, --plan PLAN", "--progress LOG", "--today DATE",
          "cchc progress [OPTIONS] ID", "\n  ID  "]),
        (("report",), ["--period KỲ", "--as-of NGÀY", "-o, --output TỆP", "--bands TỆP"],
         ["--period PERIOD", "--as-of DATE", "-o, --output FILE", "--bands FILE"]),
        (("list",), ["-a, --agency TÊN", "-s, --section MỤC", "-q, --search CHỮ", "--today NGÀY"],
         ["-a, --agency NAME", "-s, --section SECTION", "-q, --search TEXT", "--today DATE"]),
        (("render",), ["--template-dir THƯ_MỤC", "-s, --section MỤC", "-a, --agency TÊN"], ["--template-dir DIR", "-s, --section SECTION", "-a, --agency NAME"]),
        (("import",), ["cchc import [TÙY CHỌN] KẾ_HOẠCH.docx", "--agencies TỆP", "-o, --output TỆP"],
         ["cchc import [OPTIONS] PLAN.docx", "--agencies FILE", "-o, --output FILE"]),
        (("validate",), ["cchc validate [TÙY CHỌN] [KẾ_HOẠCH]...", "\n  KẾ_HOẠCH  ", "-p, --plan KẾ_HOẠCH", "--today NGÀY"],
         ["cchc validate [OPTIONS] [PLAN]...", "\n  PLAN  ", "-p, --plan PLAN", "--today DATE"]),
        (("due",), ["-m, --month YYYY-MM", "--today NGÀY"], ["-m, --month YYYY-MM", "--today DATE"]),
        ((), ["--lang vi|en"], ["--lang vi|en"]),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else None,
)
def test_what_a_help_page_shows_for_values(run, args, vi, en):
    shown = run(*args, "--help").stdout
    for text in vi:
        assert text in shown, (text, shown)
    shown = run("--lang", "en", *args, "--help").stdout
    for text in en:
        assert text in shown, (text, shown)


def test_a_missing_argument_is_named_as_the_help_names_it(run):
    assert "Lỗi: thiếu tham số MÃ" in run("show").stderr and "cchc show [TÙY CHỌN] MÃ" in run("show").stderr
    assert "Lỗi: thiếu tham số KẾ_HOẠCH.docx" in run("import").stderr
    assert "Error: Missing argument 'ID'." in run("--lang", "en", "progress").stderr


def test_the_readmes_placeholders_are_those_the_help_shows(run):
    for readme, lang in (("README.vi.md", "vi"), ("README.md", "en")):
        pages = {name: run("--lang", lang, *name.split()[1:], "--help").stdout for name, _ in _walk(command(lang))}
        options = {o: m for page in pages.values() for o, m in _options_and_arguments(page)[0]}
        code = " ".join(re.findall(r"`([^`\n]+)`", (ROOT / readme).read_text(encoding="utf-8")))
        placeholder = r"([^\s`a-z|][^\s`|]*)"
        written = re.findall(rf"(--[a-z-]+) \[?{placeholder}", code)
        checked = [(o, m.strip("[]")) for o, m in written if _is_placeholder(m)]
        assert checked, readme
        for option, shown in checked:
            assert options.get(option) == shown, (readme, option, shown, options.get(option))
        for name, shown in re.findall(rf"cchc ([a-z]+) {placeholder}", code):
            if _is_placeholder(shown):
                usage = pages[f"cchc {name}"].splitlines()[0]
                assert re.search(rf" [\[{{]?{re.escape(shown.strip('[].'))}[\]}}]?", usage), (readme, name, shown, usage)


def test_a_standard_output_closed_under_cchc_is_told_in_vietnamese():
    # stdout's descriptor closed after Python started (a parent that closed it, a daemon): "Bad file descriptor"
    # came through in English in the Vietnamese message.
    import subprocess
    import sys

    code = "import os, sys, runpy; os.close(1); sys.argv = ['cchc', 'sections']; runpy.run_module('cchc', run_name='__main__')"
    result = subprocess.run([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2 and result.stderr == "cchc: không ghi được kết quả: đầu ra không còn mở để ghi\n", result


@pytest.mark.parametrize("number", ["EBADF", "ENOMEM", "EMFILE", "ENOSPC", "EACCES", "EROFS", "EDQUOT", "EIO", "EPIPE", "EFBIG"])
def test_the_systems_reasons_a_write_fails_for_are_in_vietnamese(number):
    import errno
    import os

    from cchc.messages import t

    reason = os.strerror(getattr(errno, number))
    assert reason not in t("cli.cannot-write-output", "vi", reason=reason)


def _schema_words(node, inside_properties=False):
    """Every title and description of a schema, with where it stands."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_properties and key in ("title", "description") and isinstance(value, str):
                yield key, value
            else:
                yield from _schema_words(value, key == "properties")
    elif isinstance(node, list):
        for value in node:
            yield from _schema_words(value)


def _schema_structure(node, inside_properties=False):
    """A schema without its titles and descriptions."""
    if isinstance(node, dict):
        return {k: _schema_structure(v, k == "properties") for k, v in node.items() if inside_properties or k not in ("title", "description")}
    if isinstance(node, list):
        return [_schema_structure(v) for v in node]
    return node


def test_the_schema_has_a_title_and_description_for_every_part_and_key_in_both_languages(run):
    """An editor shows them when a clerk points at a key: every part and key has both, from the catalogue."""
    from cchc.model import Plan

    schemas = {lang: json.loads(run("--lang", lang, "schema").stdout) for lang in LANGS}
    generated = Plan.model_json_schema()
    parts = {"Plan": generated, **generated["$defs"]}
    used = set()
    for lang, schema in schemas.items():
        for name, generated_part in parts.items():
            part = schema if name == "Plan" else schema["$defs"][name]
            assert (part["title"], part["description"]) == (render(f"schema.{name}", lang=lang), render(f"schema.{name}.about", lang=lang))
            used |= {f"schema.{name}", f"schema.{name}.about"}
            assert set(part["properties"]) == set(generated_part["properties"])
            for field, value in part["properties"].items():
                key = f"schema.{name}.{field}"
                assert value["title"] == render(key, lang=lang) != key and value["description"] == render(f"{key}.about", lang=lang), key
                used |= {key, f"{key}.about"}
    assert used == {key for key in catalogue() if key.startswith("schema.") and key.split(".")[1][:1].isupper()}, "an entry no key uses"
    # Only the words follow the language: the structure an editor or validator checks against is the same.
    assert _schema_structure(schemas["vi"]) == _schema_structure(schemas["en"])
    assert run("schema").stdout == run("--lang", "vi", "schema").stdout


def test_the_schemas_vietnamese_words_have_no_english(run):
    schema = json.loads(run("schema").stdout)
    words = [text for _, text in _schema_words(schema)]
    assert len(words) > 100
    # Examples quoted from the source and key values ('so-ban-nganh', YYYY-MM-DD) are not words a clerk reads.
    cleaned = re.sub(r'("[^"]*"|\'[^\']*\'|\b[a-z]+(?:-[a-z]+)+\b|YYYY-MM-DD|\btrue\b)', " ", "\n".join(words))
    assert not ENGLISH.findall(cleaned), ENGLISH.findall(cleaned)
    english = json.loads(run("--lang", "en", "schema").stdout)
    assert not VIETNAMESE.findall(re.sub(r'("[^"]*"|\'[^\']*\')', " ", "\n".join(text for _, text in _schema_words(english))))


def test_english_counts_take_their_noun_s_number():
    # "7 progress entry(ies)", "1 more error(s)": a count's noun is singular for 1, plural otherwise; Vietnamese
    # nouns do not change.
    from cchc.messages import t

    assert t("report.done-in-period", "en", entries=1, count=0).startswith("In the period: 1 progress entry, 0 of which record done")
    assert t("report.done-in-period", "en", entries=1, count=1).startswith("In the period: 1 progress entry, 1 of which records done")
    assert t("report.done-in-period", "en", entries=12, count=5).startswith("In the period: 12 progress entries, 5 of which record done")
    assert t("report.rate-basis", "en", done=0, total=1) == "0 of the 1 dated item that is done or overdue"
    assert t("report.rate-basis", "en", done=3, total=7) == "3 of the 7 dated items that are done or overdue"
    assert t("cli.more-errors", "en", count=1) == "… and 1 more error"
    assert t("cli.more-errors", "en", count=1234) == "… and 1,234 more errors"
    assert t("cli.more-errors", "vi", count=1234) == "… và 1.234 lỗi nữa"
    assert t("budget.unpriced", "en", count=0) == "No amount: 0 items"


def test_a_schema_message_in_vietnamese_names_the_key_with_its_name_in_the_form(run):
    # "product không được để trống": a clerk who reads no English met a bare English key as the sentence's subject.
    from cchc.messages import field_text

    assert field_text("product", "vi") == "product (sản phẩm)" and field_text("product", "en") == "product"
    assert field_text("budget", "vi") == "budget (kinh phí)"  # its name, not its unit
    assert field_text("name", "vi") == "name"  # an agency's and a signer's: no one name to give it
    path = Path(__file__).parent / "data" / "invalid" / "empty-product.yaml"
    assert "product (sản phẩm) không được để trống" in run("validate", path).stdout
    assert "product must not be empty" in run("--lang", "en", "validate", path).stdout
