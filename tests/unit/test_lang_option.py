"""``--lang`` opens the window in a language without building the sub-command parsers; a wrong
value is exit 2 naming the option."""

from __future__ import annotations

import pytest

from desktop import cli


@pytest.mark.parametrize(
    ("argv", "lang", "demo"),
    [
        (["--lang", "nl"], "nl", False),
        (["--demo", "--lang=de"], "de", True),
        (["--lang", "en", "--debug"], "en", False),
        ([], None, False),
    ],
)
def test_window_flags_with_a_language_take_the_fast_path(argv, lang, demo) -> None:
    args = cli._window_only(argv)
    assert args is not None
    assert (args.lang, args.demo) == (lang, demo)


@pytest.mark.parametrize(
    "argv", [["--lang", "fr"], ["--lang"], ["--lang", "nl", "--lang", "de"], ["url", "--lang=nl"]]
)
def test_anything_else_goes_to_the_full_parser(argv) -> None:
    assert cli._window_only(argv) is None


def test_an_unknown_language_is_exit_2_naming_the_option(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--lang", "fr"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert "--lang" in error and "fr" in error and "Traceback" not in error


@pytest.mark.parametrize("argv", [["--lang", "NL"], ["--lang=De"]])
def test_the_language_is_case_insensitive(argv) -> None:
    fast = cli._window_only(argv)
    assert fast is not None and fast.lang in ("nl", "de")
    assert cli.build_parser().parse_args(argv).lang == fast.lang
