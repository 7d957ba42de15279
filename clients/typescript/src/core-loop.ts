// The core loop of Attune, as an app's code would walk it: two partners register and pair,
// one checks in, the other reads the prompts and responds, the first says it landed, the
// week's summary, and the daily question both answer.
//
// The types come from the server's /openapi.json (openapi-typescript, into src/generated)
// and every call goes through openapi-fetch. No casts, no `any`, no `!`: if the document
// does not let plain code compile, the document is wrong. `make client-check` runs it.
import createClient, { type Client } from "openapi-fetch";

import type { components, paths } from "./generated/attune.js";

type Api = Client<paths>;
type CheckIn = components["schemas"]["CheckIn"];

const baseUrl = process.env.ATTUNE_URL ?? "http://127.0.0.1:5000";
const run = Date.now().toString(36);

/** One client per signed-in person, as a phone holds one. */
function signedIn(accessToken?: string): Api {
  const headers: Record<string, string> = { "Accept-Language": "en" };
  if (accessToken !== undefined) {
    headers.Authorization = `Bearer ${accessToken}`;
  }
  return createClient<paths>({ baseUrl, headers });
}

/** The answer's body, or a stop that says which call failed and what the server said. */
function ok<R extends { data?: unknown; error?: unknown; response: Response }>(
  what: string,
  outcome: R,
): NonNullable<R["data"]> {
  const { data, error, response } = outcome;
  if (data === undefined || data === null) {
    throw new Error(`${what}: ${response.status} ${JSON.stringify(error)}`);
  }
  return data;
}

function say(line: string): void {
  console.log(line);
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`expected ${what}`);
  }
}

async function register(name: string): Promise<{ api: Api; userId: string; email: string }> {
  const email = `${name.toLowerCase()}-${run}@example.com`;
  const account = ok(
    `register ${name}`,
    await signedIn().POST("/api/v1/auth/register", {
      body: { email, password: "a long passphrase", display_name: name, timezone: "Europe/Berlin" },
    }),
  );
  say(`${account.user.display_name} registered (${account.user.timezone}, ${account.user.locale})`);
  return { api: signedIn(account.access_token), userId: account.user.id, email };
}

function describe(checkin: CheckIn): string {
  const need = checkin.need === null ? "" : `, needs ${checkin.need}`;
  return `${checkin.tone} at energy ${checkin.energy}${need} (${checkin.quadrant})`;
}

async function main(): Promise<void> {
  const alex = await register("Alex");
  const sam = await register("Sam");

  const taken = await signedIn().POST("/api/v1/auth/register", {
    body: { email: alex.email, password: "a long passphrase", display_name: "Alex" },
  });
  expect(taken.error?.code === "email_taken", "a second account with Alex's email to be refused");
  say(`a second account with the same email: ${taken.response.status} ${taken.error?.code}`);

  const invite = ok("create an invite", await alex.api.POST("/api/v1/invites"));
  const couple = ok(
    "redeem the invite",
    await sam.api.POST("/api/v1/couple", { body: { code: invite.code } }),
  );
  say(`Sam redeemed ${invite.code}: paired with ${couple.partner.display_name}`);

  const checkin = ok(
    "check in",
    await sam.api.POST("/api/v1/checkins", {
      body: { tone: "overwhelmed", energy: 2, need: "to_be_heard", note: "Deadline week." },
    }),
  );
  say(`Sam checked in: ${describe(checkin)}, visible to the ${checkin.visibility}`);

  const prompts = ok(
    "read the prompts",
    await alex.api.GET("/api/v1/prompts", { params: { query: { detail: "brief" } } }),
  );
  const seen = prompts.partner_checkin;
  expect(seen !== null && seen.id === checkin.id, "the prompts to be about Sam's check-in");
  say(`Alex's prompts: ${prompts.prompts.map((prompt) => `[${prompt.kind}] ${prompt.title}`).join("; ")}`);
  const first = prompts.prompts[0];
  if (first !== undefined && first.phrases.length > 0) {
    say(`  try: "${first.phrases[0]}"`);
  }

  const response = ok(
    "respond",
    await alex.api.POST("/api/v1/checkins/{checkin_id}/responses", {
      params: { path: { checkin_id: checkin.id } },
      body: { kind: "reflect", message: "That sounds like a lot to carry. I'm here." },
    }),
  );
  say(`Alex responded (${response.kind}); felt heard: ${response.felt_heard ?? "not rated yet"}`);

  const rated = ok(
    "say it landed",
    await sam.api.PUT("/api/v1/responses/{response_id}/felt-heard", {
      params: { path: { response_id: response.id } },
      body: { felt_heard: true },
    }),
  );
  expect(rated.felt_heard === true, "the rating to be stored");
  say(`Sam felt heard: ${rated.felt_heard}`);

  const summary = ok("read the week", await alex.api.GET("/api/v1/couple/summary"));
  const [you, partner] = summary.partners;
  expect(partner !== undefined && partner.checkins === 1, "Sam's one check-in in the week");
  const rate = summary.together.response_rate;
  say(
    `the week ${summary.week} in ${summary.timezone}: ${you?.display_name} ${you?.checkins} check-ins, ` +
      `${partner?.display_name} ${partner?.checkins}; ${summary.together.responses} response(s); ` +
      `response rate ${rate === null ? "not yet known" : `${Math.round(rate * 100)}%`}`,
  );
  say(`next week, try: ${summary.suggestion.title}`);

  const today = ok("read today's question", await alex.api.GET("/api/v1/questions/today"));
  say(`today's question (${today.date}, ${today.question.depth}): ${today.question.text}`);
  const mine = ok(
    "answer it",
    await alex.api.PUT("/api/v1/questions/{question_id}/answer", {
      params: { path: { question_id: today.id } },
      body: { text: "When you brought me tea without asking." },
    }),
  );
  expect(mine.partner_answer === null, "Sam's answer to stay hidden until Sam answers");
  say(`Alex answered; Sam answered: ${mine.partner_answered}`);

  const samsToday = ok("Sam reads today's question", await sam.api.GET("/api/v1/questions/today"));
  expect(samsToday.id === today.id, "one question for the two of them");
  const theirs = ok(
    "Sam answers",
    await sam.api.PUT("/api/v1/questions/{question_id}/answer", {
      params: { path: { question_id: samsToday.id } },
      body: { text: "When you let me talk without fixing it." },
    }),
  );
  if (theirs.partner_answer === null) {
    throw new Error("expected Alex's answer to open once Sam answered");
  }
  say(`Sam answered and now sees Alex's: "${theirs.partner_answer.text}"`);

  const locked = await alex.api.PUT("/api/v1/questions/{question_id}/answer", {
    params: { path: { question_id: today.id } },
    body: { text: "Something else." },
  });
  expect(locked.error?.code === "answer_locked", "answers to be locked once both answered");
  say(`Alex changing the answer now: ${locked.response.status} ${locked.error?.code}`);

  const anonymous = await signedIn().GET("/api/v1/me");
  expect(anonymous.error?.code === "missing_token", "a call without a token to be refused");
  say(`a call without a token: ${anonymous.response.status} ${anonymous.error?.code}`);

  say("the core loop works from the generated client");
}

main().catch((error: unknown) => {
  console.error(`client check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
