"""`make client-check`: does a client generated from /openapi.json compile and run?

Starts the app on a fresh SQLite database, generates TypeScript types from its
/openapi.json with openapi-typescript, refuses app code that silences the compiler
(`any`, casts, non-null assertions, ts-ignore), compiles clients/typescript with
`tsc --strict`, and runs the core loop (clients/typescript/src/core-loop.ts) with node
against that server. A document that plain code cannot compile against is a bug in the
document: fix the spec, not the app.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.serve import gunicorn, migrate  # noqa: E402 - after making the repo importable

CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"
GENERATED = CLIENT / "src" / "generated" / "attune.ts"

# What a mobile developer reaches for when the types are wrong. None of it is allowed here.
SILENCERS = {
    "an `any`": re.compile(r"\bany\b"),
    "a cast (`as T`, `<T>x`)": re.compile(r"\bas\s+(?!const\b)[A-Za-z_{\[(]|<[A-Z]\w*>\s*\w"),
    "a non-null assertion (`x!`)": re.compile(r"[\w\)\]]!(?=[.\[\),;:\s])(?!=)"),
}
# ...and in comments, where TypeScript reads it.
DIRECTIVE = re.compile(r"@ts-(ignore|expect-error|nocheck)")


def _blank(match: re.Match[str]) -> str:
    return '""' + "\n" * match.group().count("\n")  # keeps the line numbers


# Strings and comments, matched left to right so that "http://" is a string, not a comment.
_NOT_CODE = re.compile(
    r"`(?:\\.|[^`\\])*`|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|//[^\n]*|/\*.*?\*/",
    re.S,
)


def _code_only(source: str) -> str:
    """The source without comments and string literals, which may say anything."""
    return _NOT_CODE.sub(_blank, source)


def silencers(source: str) -> list[str]:
    """`line N: what: code` for each place the source silences the compiler."""
    found = []
    lines = zip(source.split("\n"), _code_only(source).split("\n"), strict=True)
    for number, (line, code) in enumerate(lines, start=1):
        said = [what for what, pattern in SILENCERS.items() if pattern.search(code)]
        if DIRECTIVE.search(line):
            said.append("a ts-ignore, ts-expect-error or ts-nocheck")
        found.extend(f"line {number}: {what}: {line.strip()}" for what in said)
    return found


def step(title: str, args: list[str], **env: str) -> None:
    print(f"== {title}", flush=True)
    done = subprocess.run(args, cwd=CLIENT, env={**os.environ, **env}, check=False)  # noqa: S603
    if done.returncode != 0:
        raise SystemExit(f"client-check failed at: {title}")


def main() -> None:
    if not (BIN / "tsc").exists():
        raise SystemExit("run `npm ci` in clients/typescript first (`make client-check` does)")
    found = [
        f"{source.relative_to(ROOT)} {finding}"
        for source in sorted(CLIENT.glob("src/*.ts"))
        for finding in silencers(source.read_text())
    ]
    if found:
        raise SystemExit("the client code silences the compiler:\n" + "\n".join(found))
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "APP_ENV": "development",
            "DATABASE_URL": f"sqlite:///{tmp}/client-check.sqlite",
            "ARGON2_MEMORY_COST": "1024",
            "ARGON2_TIME_COST": "1",
            "LOG_JSON": "false",
        }
        migrate(env)
        with gunicorn("wsgi:app", env) as base:
            GENERATED.parent.mkdir(exist_ok=True)
            step(
                f"openapi-typescript {base}/openapi.json",
                [str(BIN / "openapi-typescript"), f"{base}/openapi.json", "-o", str(GENERATED)],
            )
            step("tsc --strict", [str(BIN / "tsc"), "-p", ".", "--strict"])
            step("node dist/core-loop.js", ["node", "dist/core-loop.js"], ATTUNE_URL=base)
    print("client-check: the generated client compiles under --strict and runs the core loop")


if __name__ == "__main__":
    main()
