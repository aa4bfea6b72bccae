import { test } from "node:test";
import assert from "node:assert/strict";
import { recognizeDates } from "../../src/core/recognize/dates";

const PUBLISHED = "2026-03-11"; // a Wednesday
// [text, [kind, matched text, value]]
const cases: Array<[string, Array<["date" | "duration", string, string | null]>]> = [
  ["on March 9, 2026", [["date", "March 9, 2026", "2026-03-09"]]],
  ["9 March 2026", [["date", "9 March 2026", "2026-03-09"]]],
  ["2026-03-09", [["date", "2026-03-09", "2026-03-09"]]],
  ["in October 2025", [["date", "October 2025", "2025-10"]]],
  ["in late February", [["date", "late February", "2026-02"]]],
  ["began in late October when", [["date", "late October", "2025-10"]]],
  ["mid-October", [["date", "mid-October", "2025-10"]]],
  ["In November, it disclosed", [["date", "November", "2025-11"]]],
  ["by the end of June", [["date", "the end of June", "2026-06"]]],
  // Said to be still to come: the next such date, however far ahead.
  ["regulators have until 3 February to decide", [["date", "3 February", "2027-02-03"]]],
  ["a deadline of September 30", [["date", "September 30", "2026-09-30"]]],
  ["it met on 3 February", [["date", "3 February", "2026-02-03"]]],
  ["it expects to close the deal by November", [["date", "November", "2026-11"]]],
  ["By November it had sold", [["date", "November", "2025-11"]]],
  ["talks ran until 3 February", [["date", "3 February", "2026-02-03"]]],
  ["On Tuesday, it said", [["date", "Tuesday", "2026-03-10"]]],
  ["next Tuesday", [["date", "next Tuesday", "2026-03-17"]]],
  ["2 days ago", [["date", "2 days ago", "2026-03-09"]]],
  ["three weeks ago", [["date", "three weeks ago", "2026-W08"]]],
  ["last week", [["date", "last week", "2026-W10"]]],
  ["yesterday", [["date", "yesterday", "2026-03-10"]]],
  ["this year", [["date", "this year", "2026"]]],
  ["in 2019", [["date", "2019", "2019"]]],
  ["the 2025 pact", [["date", "2025", "2025"]]],
  ["Q3 2025", [["date", "Q3 2025", "2025-07/2025-09"]]],
  ["the third quarter of 2025", [["date", "the third quarter of 2025", "2025-07/2025-09"]]],
  ["the first half of 2026", [["date", "the first half of 2026", "2026-01/2026-06"]]],
  ["fiscal 2025", [["date", "fiscal 2025", "2025"]]],
  ["by mid-2026", [["date", "mid-2026", "2026"]]],
  ["in early 2026", [["date", "early 2026", "2026"]]],
  ["Updated 3 hours ago", [["date", "3 hours ago", "2026-03-11"]]],
  ["for 18 months", [["duration", "18 months", "P18M"]]],
  ["six months of access", [["duration", "six months", "P6M"]]],
  ["a 10-year deal", [["duration", "10-year", "P10Y"]]],
  ["two decades", [["duration", "two decades", "P20Y"]]],
];

const none = ["she may go", "2 min read", "a decade-old bond", "over 30,000 attendees", "a $2019 fee", "a 5-year-old company", "march forward", "288 GB of memory"];

test("dates: absolute, partial, relative and weekday dates resolve against the article's date", () => {
  for (const [text, want] of cases) {
    const got = recognizeDates(text, PUBLISHED);
    assert.deepEqual(got.map((f) => [f.kind, f.text, f.value]), want, text);
    for (const f of got) assert.equal(text.slice(f.start, f.end), f.text);
  }
});

test("dates: without an article date, relative dates are found but left unresolved", () => {
  const got = recognizeDates("2 days ago, last week, on Tuesday, in late February, and in October 2025", null);
  assert.deepEqual(got.map((f) => f.value), [null, null, null, null, "2025-10"]);
});

test("dates: near-misses are not dates", () => {
  for (const text of none) assert.deepEqual(recognizeDates(text, PUBLISHED), [], text);
});
