"""`make client-check` refuses app code that silences the compiler instead of trusting it."""

from __future__ import annotations

import pytest

from devtools.client_check import CLIENT, silencers


@pytest.mark.parametrize(
    "line",
    [
        "const user: any = data;",
        "const user = data as User;",
        "const user = <User>data;",
        "console.log(data!.user);",
        "use(prompts.partner_checkin!);",
        "const first = items![0];",
        "// @ts-ignore",
        "// @ts-expect-error the spec is wrong",
    ],
)
def test_a_cast_an_any_or_a_non_null_assertion_is_refused(line):
    assert silencers(line)


@pytest.mark.parametrize(
    "line",
    [
        "if (data !== undefined && !error) {",
        "say(`answered: ${answer.text}! (as many do)`);",
        "// no `any`, no casts, no non-null assertions: data as the server sent it",
        "const mapping = { many: 1, company: 2 };",
        "const headers: Record<string, string> = {};",
        "const kinds = ['a', 'b'] as const;",
    ],
)
def test_plain_code_passes(line):
    assert silencers(line) == []


def test_the_app_itself_is_plain():
    for source in CLIENT.glob("src/*.ts"):
        assert silencers(source.read_text()) == [], source.name


def test_a_url_in_a_string_hides_no_code_after_it():
    source = 'const base = "http://127.0.0.1:5000";\nconst user = data as User;\n'
    assert silencers(source) == ["line 2: a cast (`as T`, `<T>x`): const user = data as User;"]
