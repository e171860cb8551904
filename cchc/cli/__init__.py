"""The ``cchc`` command: options -> core call -> reporter -> exit code.

Exit codes: 0 success (warnings allowed); 1 the plan has errors, or a look-up
found nothing for a name, id or section (or warnings under ``--strict``); 2
usage or I/O problems (bad option, missing or unreadable file, an output that
would overwrite something); 3 an internal error (a bug; no traceback is shown).

Only this package prints and exits, and only it imports typer. The language
is chosen before anything runs: ``--lang`` anywhere on the command line, else
``CCHC_LANG``, else Vietnamese. Help texts, the framework's own words (Usage,
Options, "No such option" …) and every message then come from that
language's catalogue: cchc formats usage errors itself and translates the
help page, so it does not depend on how a typer release words or translates
them. Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from functools import lru_cache

# typer builds pydantic adapters for the options, and pydantic then looks for plugins through every installed
# package's entry points (some 20 ms of each command): cchc uses none, so the search is turned off before typer
# runs, as cchc.model does for the plan's models. An explicit PYDANTIC_DISABLE_PLUGINS still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

from cchc.cli.app import app
from cchc.cli.common import CURRENT, EXIT_INTERNAL, EXIT_PROBLEMS, EXIT_USAGE, Settings
from cchc.messages import DEFAULT_LANG, LANGS, catalogue, language, t
from cchc.text import escape_controls

def _register() -> None:
    # Each module adds its commands to ``app`` when imported, in this order (the help's order).
    from cchc.cli import validate  # noqa: F401
    from cchc.cli import query  # noqa: F401
    from cchc.cli import budget  # noqa: F401
    from cchc.cli import render  # noqa: F401
    from cchc.cli import init  # noqa: F401
    from cchc.cli import imports  # noqa: F401
    from cchc.cli import progress  # noqa: F401
    from cchc.cli import report  # noqa: F401
    from cchc.cli import calendar  # noqa: F401


_register()


# ---------------------------------------------------------------- language


class LanguageError(Exception):
    """``--lang`` (or ``CCHC_LANG``) was given a language cchc does not speak, or no value; *key* says which."""

    def __init__(self, value: str, key: str = "cli.bad-lang", lang: str | None = None):
        super().__init__(value)
        self.key, self.lang = key, lang  # lang: the one already asked for, to say it in


def split_lang(args: list[str], environ=os.environ) -> tuple[str, list[str]]:
    """The language asked for (``--lang X`` anywhere before ``--``, else ``CCHC_LANG``) and the other arguments."""
    chosen = None
    rest: list[str] = []
    asks_help = any(arg in ("-h", "--help") for arg in args[: args.index("--") if "--" in args else len(args)])
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang":
                if i + 1 >= len(args):
                    raise LanguageError("", "cli.lang-missing")
                value, i = args[i + 1], i + 2
            else:
                value, i = arg.split("=", 1)[1], i + 1
            if value.strip().lower() not in LANGS:
                raise LanguageError(value, lang=chosen)
            if chosen is not None and not asks_help:  # as any option of one value (the help page wins over it)
                raise LanguageError(value, "cli.lang-twice", chosen)
            chosen = chosen or value.strip().lower()
            continue
        rest.append(arg)
        i += 1
    if chosen is None:
        from_env = (environ.get("CCHC_LANG") or "").strip()
        chosen = _known_language(from_env)
        if from_env and chosen is None:
            raise LanguageError(from_env, "cli.bad-lang-env")
    return chosen or DEFAULT_LANG, rest


def _known_language(value: str | None) -> str | None:
    """The language *value* names (as CCHC_LANG is read: "en", "en_US.UTF-8"), or None when it names none."""
    if not value or not value.strip():
        return None
    found = language(value)
    return found if found != DEFAULT_LANG or value.strip().lower().startswith(DEFAULT_LANG) else None


# The framework's words on a help page, and cchc's own (vi) for them.
_HELP_WORDS = (
    (re.compile(r"^Usage:", re.M), "help.usage"),
    (re.compile(r"^(\s*)Options:", re.M), "help.options"),
    (re.compile(r"^(\s*)Arguments:", re.M), "help.arguments"),
    (re.compile(r"^(\s*)Commands:", re.M), "help.commands"),
    (re.compile(r"\[OPTIONS\]"), "help.options-metavar"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "help.command-metavar"),
    (re.compile(r"\[default: "), "help.default"),
    (re.compile(r"\brequired\]"), "help.required"),
    (re.compile(r"Show this message and exit\."), "help.help"),
)


# The English words of a placeholder ("DATE", "PLAN" in "PLAN.docx"); the catalogue's "metavar:WORD" gives each in a
# language. Formats (YYYY-MM) and choices (vi|en) have none and are shown as they are.
_PLACEHOLDER = re.compile(r"\b[A-Z]{2,}\b")


# Python type names typer prints beside arguments ("ID <str>", "<list[Path]>"): not for a
# clerk. Blanked (not removed) so that the help column stays aligned.
_TYPE_NAMES = re.compile(r" <(?:str|[Pp]ath|file|directory|int|list\[Path\])>(?=\s)")
_LIST_OF = re.compile(r"<list\[([^\]<>]*)\]>( *)")


def printable(text: str, stream=None) -> str:
    """*text* as a stream that cannot encode all of it (PYTHONIOENCODING=ascii) shows it: what it cannot hold escaped."""
    stream = sys.stdout if stream is None else stream
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # pragma: no cover - a stream naming an encoding Python does not know
        return text


#: The usage line, where typer writes a required argument in braces ("cchc show [OPTIONS] {ID}"), which a person may
#: type too: written bare, as man pages and click write it ("cchc show [OPTIONS] ID").
_USAGE_LINE = re.compile(r"^Usage:.*$", re.M)
_BRACED = re.compile(r"(?<=\s)\{([^{}\s]+)\}(?=\.\.\.|\s|$)")


def translate_help(text: str, lang: str) -> str:
    """A help or usage text with the framework's English words in *lang*."""
    text = _USAGE_LINE.sub(lambda m: _BRACED.sub(r"\1", m.group()), text)
    text = _TYPE_NAMES.sub(lambda m: " " * len(m.group()), text)
    text = _LIST_OF.sub(lambda m: f"<{m.group(1)}>" + (m.group(2) + " " * 6 if m.group(2) else ""), text)
    if lang == "en":
        return text
    for pattern, key in _HELP_WORDS:
        word = t(key, lang)
        text = pattern.sub(lambda m, word=word: (m.group(1) if m.groups() else "") + word, text)
    return text


@lru_cache(maxsize=None)
def command(lang: str = DEFAULT_LANG):
    """The command tree with every help text in *lang*."""
    root = typer.main.get_command(app)
    entries = catalogue()
    index = LANGS.index(lang)

    def localize(cmd, name: str) -> None:
        entry = entries.get(f"help:{name}")
        if entry is not None:
            cmd.help = entry[index]
            cmd.short_help = entry[index].split("\n", 1)[0]
        for param in cmd.params:
            found = entries.get(f"help:{name} {param.opts[0] if param.opts else param.name}")
            if found is not None:
                param.help = found[index]
            if param.metavar:
                # Set on the parameter, so that the usage line, the help and a usage error all name it alike.
                param.metavar = _PLACEHOLDER.sub(lambda m: entries.get(f"metavar:{m.group()}", (m.group(),) * 2)[index], param.metavar)
        if not getattr(cmd, "commands", None):
            cmd.parse_args = _once_each(cmd, lang)
        cmd.get_help_option = _help_through_out(cmd.get_help_option)
        get_help, get_usage = cmd.get_help, cmd.get_usage
        # click writes a help page through a stream of its own, in UTF-8 whatever stdout's encoding:
        # escaped here, it reads as the rest of cchc's text does there (\u1ea3).
        cmd.get_help = lambda ctx: printable(translate_help(get_help(ctx), lang))
        cmd.get_usage = lambda ctx: translate_help(get_usage(ctx), lang)
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            localize(sub, f"{name} {sub_name}")

    localize(root, "cchc")
    return root


def _help_through_out(get_help_option):
    """A command's ``get_help_option``, its option printing the help page as cchc prints everything (``out``): the
    framework's echo said nothing when standard output was closed (exit 0) and, to a full disk, a message naming
    no file."""

    def help_option(ctx):
        option = get_help_option(ctx)
        if option is not None and option.callback is not _show_help:
            option.callback = _show_help
        return option

    return help_option


def _show_help(ctx, param, value) -> None:
    if value and not ctx.resilient_parsing:
        from cchc.cli.common import out

        out(ctx.get_help() + "\n")
        ctx.exit()


def _once_each(cmd, lang: str):
    """*cmd*'s ``parse_args``, refusing an option of one value given twice: the framework keeps the last without a
    word (``progress -p a.yaml -p b.yaml`` wrote b's log; ``list -p x -p y`` answered from y)."""
    parse_args = cmd.parse_args

    def once_each(ctx, args):
        try:
            _, _, order = cmd.make_parser(ctx).parse_args(args=list(args))
        except Exception:  # the framework's own parse says what is wrong, in its words
            return parse_args(ctx, args)
        if any(getattr(param, "is_eager", False) for param in order):  # --help shows the page whatever else is given
            return parse_args(ctx, args)
        singles = [p for p in order if getattr(p, "param_type_name", "") == "option" and not (p.multiple or p.count or p.is_flag)]
        counts = Counter(map(id, singles))
        repeated = next((param for param in singles if counts[id(param)] > 1), None)
        if repeated is not None:
            from cchc.text import escape_controls

            given = _values_of(repeated, args)  # as written, for the message; the count is the parse's
            ctx.fail(t("usage.repeated", lang, name=" / ".join(repeated.opts), count=counts[id(repeated)],
                       values=", ".join(escape_controls(value) for value in given[:5])[:200]))
        return parse_args(ctx, args)

    return once_each


def _values_of(param, args: list[str]) -> list[str]:
    """The values *args* give the option *param* ("-p x", "--plan=x", "-px"), in order."""
    values, at = [], 0
    while at < len(args):
        arg = args[at]
        if arg == "--":
            break
        for opt in param.opts:
            if arg == opt and at + 1 < len(args):
                values.append(args[at + 1])
                at += 1
                break
            if arg.startswith(opt + "=") and opt.startswith("--") or (not opt.startswith("--") and arg.startswith(opt) and len(arg) > len(opt)):
                values.append(arg[len(opt) + 1 :] if opt.startswith("--") else arg[len(opt) :])
                break
        at += 1
    return values


# ---------------------------------------------------------------- running


def usage_error_text(exc, lang: str) -> str:
    """A usage error as cchc shows it: the usage line, where to find help, and the error in *lang*."""
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        help_option = (ctx.help_option_names or ["--help"])[0]
        lines.append(t("help.try", lang, command=ctx.command_path, option=help_option))
        lines.append("")
    lines.append(t("help.error", lang, message=_usage_message(exc, lang)))
    return "\n".join(lines) + "\n"


_CHOICE = re.compile(r"^(?:Value error, )?'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?$", re.S)
_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.S)
_NO_COMMAND = re.compile(r"^No such command '(?P<name>.*?)'\.?(?: Did you mean '(?P<close>[^']*)'\?)?$", re.S)


#: Options as a Vietnamese user may name them (folded): `--thang 2021-06` is --month, not the --plan that
#: click's likeness of spelling finds.
_OPTION_WORDS = {
    "thang": "--month", "tu": "--from", "tu-thang": "--from", "den": "--to", "den-thang": "--to",
    "co-quan": "--agency", "don-vi": "--agency", "ke-hoach": "--plan", "dinh-dang": "--format",
    "trang-thai": "--status", "tinh-trang": "--status", "vai-tro": "--role", "muc": "--section", "tim": "--search",
    "tim-kiem": "--search", "hom-nay": "--today", "ky": "--period", "ky-bao-cao": "--period", "ngay": "--on",
    "minh-chung": "--evidence", "ghi-chu": "--note", "tep": "--output", "dau-ra": "--output", "nam": "--year",
    "tien-do": "--progress", "so-theo-doi": "--progress", "ngon-ngu": "--lang", "chua-xong": "--pending",
}


def _option_in_other_words(exc) -> None:
    """An unknown option that is the command's option in Vietnamese words is offered that option alone."""
    from cchc.text import fold

    meant = _OPTION_WORDS.get(fold(exc.option_name.lstrip("-")).replace(" ", "-").replace("_", "-"))
    command = getattr(getattr(exc, "ctx", None), "command", None)
    if meant and command is not None and any(meant in getattr(param, "opts", ()) for param in command.params):
        exc.possibilities = [meant]


def _usage_message(exc, lang: str) -> str:
    """The message of a usage error in *lang* (cchc's own messages come localized already)."""
    from cchc.text import escape_controls

    kind = type(exc).__name__
    if kind == "NoSuchOption":
        _option_in_other_words(exc)
    message = escape_controls(exc.format_message() if lang == "en" else getattr(exc, "message", "") or "")
    if lang == "en":
        return message.replace(": Value error, ", ": ", 1)  # pydantic's word for a choice typer checks through it
    hint = getattr(exc, "param_hint", None)
    param = getattr(exc, "param", None)
    if hint is None and param is not None:
        if type(param).__name__.endswith("Argument"):
            hint = getattr(param, "metavar", None) or (param.name or "").upper()
        else:
            hint = " / ".join(f"'{o}'" for o in getattr(param, "opts", [])) or param.name
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    if kind == "NoSuchOption":
        found = t("usage.no-such-option", lang, name=escape_controls(exc.option_name))
        if getattr(exc, "possibilities", None):
            found += " " + t("usage.possible", lang, names=", ".join(sorted(exc.possibilities)))
        return found
    if kind == "MissingParameter":
        param_type = getattr(exc, "param_type", None) or getattr(param, "param_type_name", "")
        return t("usage.missing-" + ("argument" if param_type == "argument" else "option"), lang, name=hint or "")
    if kind == "BadParameter":
        choice = _CHOICE.match(message)
        if choice:
            message = t("usage.choice", lang, value=choice["value"], choices=choice["choices"])
        return t("usage.invalid-for", lang, hint=hint, message=message) if hint else t("usage.invalid", lang, message=message)
    if kind == "BadOptionUsage" and "requires an argument" in message:
        return t("usage.needs-value", lang, name=escape_controls(getattr(exc, "option_name", "")))
    if kind == "BadOptionUsage" and "does not take a value" in message:
        return t("usage.takes-no-value", lang, name=escape_controls(getattr(exc, "option_name", "")))
    extra = _EXTRA.match(message)
    if extra:
        args = extra["args"] if len(extra["args"]) <= 120 else extra["args"][:119] + "…"
        return t("usage.extra", lang, args=args)
    no_command = _NO_COMMAND.match(message)
    if no_command:
        found = t("usage.no-command", lang, name=no_command["name"])
        return found + ("; " + t("usage.did-you-mean", lang, name=no_command["close"]) if no_command["close"] else "")
    if message.startswith("Missing command"):
        return t("usage.missing-command", lang)
    return message


class Entry:
    """The whole ``cchc`` command as an object with ``main(args)``, for the console script and for test runners."""

    name = "cchc"

    def __init__(self, environ=None):
        self.environ = os.environ if environ is None else environ

    def main(self, args=None, prog_name: str | None = None, **_ignored) -> None:
        run(list(sys.argv[1:] if args is None else args), self.environ)


def run(args: list[str], environ=os.environ) -> None:
    """Run cchc with *args*; always ends with SystemExit carrying the exit code."""
    try:
        lang, rest = split_lang(args, environ)
    except LanguageError as exc:
        # In the language already asked for, else the one CCHC_LANG asks for; when neither is known, in both: the
        # reader who typed "--lang english" reads no Vietnamese.
        asked = exc.lang or _known_language(environ.get("CCHC_LANG"))
        said = [t(exc.key, lang, value=str(exc)) for lang in ([asked] if asked else LANGS)]
        sys.stderr.write(escape_controls("\n".join(said)) + "\n")
        raise SystemExit(EXIT_USAGE) from None
    settings = Settings(lang)
    token = CURRENT.set(settings)
    try:
        raise SystemExit(_invoke(command(lang), rest, settings, environ))
    finally:
        CURRENT.reset(token)


def _invoke(root, args: list[str], settings: Settings, environ) -> int:
    import gc

    # A command builds a large tree of objects and lets it go when it ends: the cyclic
    # collector would walk it again and again for nothing (10-20 % of a large query).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _invoke_collected(root, args, settings, environ)
    finally:
        if collecting:
            gc.enable()


def _invoke_collected(root, args: list[str], settings: Settings, environ) -> int:
    lang = settings.lang
    try:
        # Without standalone mode, click hands back the code of an Exit instead of raising it.
        code = root.main(args, prog_name="cchc", standalone_mode=False, obj=settings)
        return code if isinstance(code, int) else 0
    except KeyboardInterrupt:
        _to_stderr("\n")
        return 130
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_PROBLEMS
    except Exception as exc:  # noqa: BLE001 - typer's exception classes differ between releases
        kind = {c.__name__ for c in type(exc).__mro__}
        if "Exit" in kind:  # typer.Exit, click's Exit
            return getattr(exc, "exit_code", 0)
        if "NoArgsIsHelpError" in kind:
            from cchc.cli.common import out

            try:
                out(exc.ctx.get_help() + "\n")
            except Exception as stopped:  # noqa: BLE001 - typer.Exit: the output closed or full, already told
                return getattr(stopped, "exit_code", EXIT_USAGE)
            return 0
        if "UsageError" in kind:
            _to_stderr(escape_controls(usage_error_text(exc, lang)))
            return EXIT_USAGE
        if "Abort" in kind:
            _to_stderr(t("help.aborted", lang) + "\n")
            return EXIT_PROBLEMS
        if "ClickException" in kind:
            _to_stderr(t("help.error", lang, message=exc.format_message()) + "\n")
            return getattr(exc, "exit_code", EXIT_PROBLEMS)
        if environ.get("CCHC_DEBUG"):
            raise
        if isinstance(exc, OSError):
            # A file cchc was asked to use cannot be: an I/O problem, not a bug.
            reason = exc.strerror or str(exc)
            if exc.filename is None:  # no name to give (the working folder deleted since it was entered)
                _to_stderr(t("cli.os-error-nameless", lang, reason=reason) + "\n")
            else:
                _to_stderr(escape_controls(t("cli.os-error", lang, path=str(exc.filename), reason=reason)) + "\n")
            return EXIT_USAGE
        _to_stderr(t("cli.internal", lang, kind=type(exc).__name__) + "\n")
        return EXIT_INTERNAL


def _to_stderr(text: str) -> None:
    """Write a message to standard error; when that is closed or full there is no one to tell, and the exit code
    stays the one the message goes with."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``cchc`` console script."""
    from cchc.cli.common import safe_streams

    safe_streams()
    run(sys.argv[1:], os.environ)
