import { test } from "node:test";
import assert from "node:assert/strict";
import { TerminalProgress } from "../../src/cli/progress";
import { progressText } from "../../src/core";

const WIPE = "\r\x1b[2K";

/** A progress line writing to a list, on a clock the test sets. */
function terminal(columns: number | undefined = 80) {
  const written: string[] = [];
  let now = 0;
  const progress = new TerminalProgress((t) => written.push(t), () => columns, () => now, 100);
  return { written, progress, at: (ms: number) => void (now = ms) };
}

test("progress text: what the editor's notification and the CLI's line say", () => {
  assert.equal(progressText({ phase: "analysing", done: 4200, total: 10000 }), "analysing 4,200 of 10,000");
  assert.equal(progressText({ phase: "reading", done: 3, total: 12 }), "reading 3 of 12");
  assert.equal(progressText({ phase: "grouping", done: 0, total: 0 }), "grouping claims and checking them against each other");
  // A phase that does not know its total says so, not "of 0".
  assert.equal(progressText({ phase: "caching", done: 17, total: 0 }), "caching…");
});

test("terminal progress: redrawn in place, at most every 100 ms", () => {
  const { written, progress, at } = terminal();
  progress.show("analysing 1 of 9");
  at(60);
  progress.show("analysing 2 of 9"); // too soon: not drawn
  at(100);
  progress.show("analysing 3 of 9");
  assert.deepEqual(written, [`${WIPE}claimscope: analysing 1 of 9`, `${WIPE}claimscope: analysing 3 of 9`]);
  at(120);
  progress.show("writing the report…", true); // a step of its own, drawn whatever the time
  assert.equal(written.at(-1), `${WIPE}claimscope: writing the report…`);
});

test("terminal progress: cut to the terminal's width, which a terminal may not give", () => {
  const narrow = terminal(30);
  narrow.progress.show("grouping claims and checking them against each other");
  const line = narrow.written[0]!.slice(WIPE.length);
  assert.equal(line.length, 29, "one column short of the width: a full line would wrap on some terminals");
  assert.ok(line.endsWith("…") && line.startsWith("claimscope: grouping"), line);
  for (const columns of [0, undefined]) {
    const unknown = terminal(columns);
    unknown.progress.show("analysing 4,200 of 10,000");
    assert.equal(unknown.written[0], `${WIPE}claimscope: analysing 4,200 of 10,000`, `columns ${columns}: taken as 80`);
  }
});

test("terminal progress: wiped before the report, and only when a line is shown", () => {
  const { written, progress } = terminal();
  progress.clear();
  assert.deepEqual(written, [], "nothing shown, nothing wiped");
  progress.show("analysing 1 of 2");
  progress.clear();
  progress.clear();
  assert.deepEqual(written, [`${WIPE}claimscope: analysing 1 of 2`, WIPE]);
});
