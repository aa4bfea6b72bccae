import { test } from "node:test";
import { spawn } from "node:child_process";
import { once } from "node:events";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, runThreaded, type CliResult } from "../../src/cli/main";
import { POOL_THRESHOLD } from "../../src/node/analysisPool";
import { generateCorpus } from "../../bench/generate";
import { applyEdits, CorpusIndex, emptyAnnotationFile, reviewContradiction, serializeAnnotationFile } from "../../src/core";
import { SAMPLES } from "./helpers";

const json = (args: string[]) => {
  const r = run(["analyze", ...args, "--format", "json"]);
  return { ...r, data: JSON.parse(r.stdout) };
};

test("cli json: follows the claimscope/analysis@1 contract exactly", () => {
  const { code, data } = json([SAMPLES]);
  assert.equal(code, 0);
  assert.deepEqual(Object.keys(data), ["schema", "documents", "claims", "topics", "contradictions", "deals", "notices"], "no annotations file, no annotations field");
  assert.equal(data.schema, "claimscope/analysis@1");
  const kinds = new Set(["money", "stake", "percent", "date", "duration", "term", "org"]);
  for (const d of data.documents) {
    assert.deepEqual(Object.keys(d), ["path", "published", "order", "facts"]);
    assert.ok(typeof d.path === "string" && !d.path.includes("\\"));
    assert.ok(d.published === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.published));
    const text = readFileSync(join(SAMPLES, d.path), "utf8");
    for (const f of d.facts) {
      assert.ok(kinds.has(f.kind), f.kind);
      assert.equal(text.slice(f.start, f.end), f.text, "offsets are UTF-16 offsets into the file");
      if (f.kind === "money") assert.ok(typeof f.value === "number" && typeof f.currency === "string");
      if (f.kind === "stake" || f.kind === "percent") assert.ok(typeof f.value === "number" && f.value <= 1.5);
      if (f.kind === "date") assert.ok(f.value === null || /^\d{4}/.test(f.value));
      if (f.kind === "term" || f.kind === "org") assert.match(f.value, /^[a-z0-9-]+$/);
    }
  }
  const ids = new Set(data.claims.map((c: { id: string }) => c.id));
  for (const c of data.claims) {
    for (const k of ["id", "document", "start", "end", "text", "topic", "polarity", "facts"]) assert.ok(k in c, k);
    assert.ok(["affirms", "denies", "neutral"].includes(c.polarity));
    const doc = data.documents.find((d: { path: string }) => d.path === c.document);
    for (const i of c.facts) assert.ok(doc.facts[i], "fact indexes point into the document's facts");
    assert.ok(data.topics.some((t: { id: string }) => t.id === c.topic));
  }
  for (const t of data.topics) assert.deepEqual(Object.keys(t), ["id", "label", "claims"]);
  const deals = new Map(data.deals.map((d: { id: string }) => [d.id, d]));
  let changes = 0;
  for (const x of data.contradictions) {
    const base = ["topic", "earlier", "later", "kind", "confidence", "explanation"];
    // A flag on an arrangement adds its nature; one on a deal's slot adds the change it is.
    if (x.slot === undefined) assert.deepEqual(Object.keys(x), [...base, "nature"]);
    else {
      changes++;
      assert.deepEqual(Object.keys(x), [...base, "deal", "slot", "earlierValue", "laterValue", "nature", "alsoEarlier"]);
      assert.ok(["superseded", "conflict"].includes(x.nature));
      assert.ok(deals.has(x.deal), "a flag's deal is in the deals list");
      for (const id of x.alsoEarlier) assert.ok(ids.has(id));
      const slot = (deals.get(x.deal) as { slots: Array<{ slot: string; values: Array<{ claim: string }> }> }).slots.find((s) => s.slot === x.slot)!;
      assert.ok(slot.values.some((v) => v.claim === x.earlier) && slot.values.some((v) => v.claim === x.later), "both sides are values of the deal's slot");
    }
    assert.ok(ids.has(x.earlier) && ids.has(x.later));
    assert.ok(["polarity", "value", "status", "date"].includes(x.kind));
    assert.ok(x.confidence > 0 && x.confidence <= 1);
  }
  assert.ok(changes >= 3, "the sample's price, stake and closing date changes are deal flags");
  for (const d of data.deals) {
    assert.deepEqual(Object.keys(d), ["id", "label", "parties", "slots"]);
    assert.equal(d.id, d.parties.join("+"));
    for (const s of d.slots) for (const v of s.values) assert.ok(ids.has(v.claim) && (typeof v.value === "number" || typeof v.value === "string"));
  }
  assert.ok(!data.documents.some((d: { path: string }) => /README/.test(d.path)), "README files are not articles");
});

test("cli text: topics, claims and contradictions for a terminal", () => {
  const r = run(["analyze", SAMPLES]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Claimscope — 6 documents, \d+ facts, \d+ claims, \d+ topics, 11 contradictions/);
  assert.match(r.stdout, /Exclusive license · Lumen, Northwind/);
  // A deal's flag is told as its change.
  assert.match(r.stdout, /\[value 0\.80\] Deal value: \$6\.8 billion → \$7\.4 billion \(superseded\)/);
  assert.match(r.stdout, /\[date 0\.70\] Completed on: June 29, 2026 → July 2, 2026 \(conflict\)/);
  assert.match(r.stdout, /⚠ affirms “Northwind keeps its exclusive license/);
  assert.ok(!r.stdout.includes("\x1b["), "no colour unless a terminal");
});

test("cli sarif: SARIF 2.1.0, one result per contradiction at both statements", () => {
  const r = run(["analyze", SAMPLES, "--format", "sarif"]);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, "2.1.0");
  const results = sarif.runs[0].results;
  assert.equal(results.length, json([SAMPLES]).data.contradictions.length);
  const license = results.find((x: { message: { text: string } }) => x.message.text.includes("ends or does not hold"));
  const uris = license.locations.map((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri);
  assert.equal(uris.length, 2);
  assert.ok(uris.every((u: string) => readdirSync(SAMPLES).includes(decodeURI(u))));
  assert.ok(license.locations[0].physicalLocation.region.startLine >= 1);
});

test("cli: --fail-on-contradiction exits 1 when something is flagged", () => {
  assert.equal(run(["analyze", SAMPLES, "--fail-on-contradiction"]).code, 1);
  const dir = mkdtempSync(join(tmpdir(), "cs-"));
  writeFileSync(join(dir, "a.txt"), "Halvorsen agreed to acquire Northwind for $5 billion.\n");
  assert.equal(run(["analyze", dir, "--fail-on-contradiction"]).code, 0);
});

test("cli: bad input gets a clear message and the rest is analysed", () => {
  const dir = mkdtempSync(join(tmpdir(), "cs-"));
  writeFileSync(join(dir, "good.txt"), "Halvorsen agreed to acquire Northwind for $5 billion.\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x1a]));
  writeFileSync(join(dir, "broken.md"), "---\ndate: [oops\n---\nNorthwind paid $2 billion.\n");
  writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x24, 0x35, 0x20, 0x62, 0x69, 0x6c, 0x6c, 0x69, 0x6f, 0x6e, 0x0a]));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "huge.txt"), "x".repeat(2000));
  writeFileSync(join(dir, ".claimscope.json"), JSON.stringify({ tolerance: "lots" }));
  mkdirSync(join(dir, "node_modules"));
  writeFileSync(join(dir, "node_modules", "x.txt"), "$1 billion");
  const r = run(["analyze", dir, "--format", "json", "--max-size", "1000"]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /binary\.txt: binary file \(contains NUL bytes\); skipped/);
  assert.match(r.stderr, /broken\.md: front matter is not valid YAML/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  assert.match(r.stderr, /huge\.txt: file is .* above the .* limit/);
  assert.match(r.stderr, /\.claimscope\.json: "tolerance" should be a number/);
  const data = JSON.parse(r.stdout);
  assert.deepEqual(data.documents.map((d: { path: string }) => d.path).sort(), ["broken.md", "empty.txt", "good.txt", "latin1.txt"]);
  assert.equal(data.documents.find((d: { path: string }) => d.path === "broken.md").facts.find((f: { kind: string }) => f.kind === "money").value, 2e9);
  const said = (n: { path: string; reason: string }) => `${n.path} ${n.reason}`;
  const expected = ["binary.txt binary", "broken.md front-matter", "empty.txt empty", "huge.txt too-large", "latin1.txt not-utf8"];
  assert.deepEqual(data.notices.map(said), expected, "the JSON says which files were skipped or read with a problem; good.txt is not among them");
  assert.match(data.notices.find((n: { path: string }) => n.path === "binary.txt").message, /binary file/);
  assert.equal(r.stderr.match(/binary\.txt/g)?.length, 1, "the binary file is said once");
  const sarif = JSON.parse(run(["analyze", dir, "--format", "sarif", "--max-size", "1000"]).stdout);
  const told = sarif.runs[0].invocations[0].toolExecutionNotifications;
  assert.deepEqual(told.map((n: { descriptor: { id: string } }) => n.descriptor.id), expected.map((e) => `notice/${e.split(" ")[1]}`));
  assert.deepEqual(told.map((n: { level: string }) => n.level), ["warning", "note", "note", "warning", "note"], "a skipped file is a warning, one read with a problem a note");
  assert.equal(told[0].locations[0].physicalLocation.artifactLocation.uri, "binary.txt");
  const text = run(["analyze", dir, "--max-size", "1000"]);
  assert.match(text.stdout, /Files skipped or read with a problem \(5\)\n {2}binary\.txt {2}\[binary\] binary file[^\n]*\n(?:.*\n){4}$/, "the text report ends with them");
  assert.doesNotMatch(text.stderr, /binary\.txt/, "said in the report, not again on stderr");
});

test("cli: a folder whose files are all fine has no notices", () => {
  const dir = mkdtempSync(join(tmpdir(), "cs-"));
  writeFileSync(join(dir, "good.txt"), "Halvorsen agreed to acquire Northwind for $5 billion.\n");
  assert.deepEqual(json([dir]).data.notices, []);
  assert.deepEqual(JSON.parse(run(["analyze", dir, "--format", "sarif"]).stdout).runs[0].invocations[0].toolExecutionNotifications, []);
  assert.doesNotMatch(run(["analyze", dir]).stdout, /Files skipped/);
});

test("cli: usage errors", () => {
  assert.equal(run(["analyze", "/no/such/folder"]).code, 2);
  assert.match(run(["analyze", "/no/such/folder"]).stderr, /folder not found/);
  assert.equal(run(["analyze"]).code, 2);
  assert.match(run(["analyze", SAMPLES, "--format", "xml"]).stderr, /--format takes text, json or sarif/);
  assert.equal(run(["frobnicate"]).code, 2);
  assert.equal(run(["--help"]).code, 0);
});

/** A copy of the samples with reviews of the given flags (by index) written where the CLI reads them. */
function reviewedCopy(states: Array<"superseded" | "conflict" | "dismissed" | null>): { dir: string; flags: Array<{ earlier: string; later: string }> } {
  const dir = mkdtempSync(join(tmpdir(), "cs-review-"));
  for (const f of readdirSync(SAMPLES)) writeFileSync(join(dir, f), readFileSync(join(SAMPLES, f)));
  const { data } = json([dir]);
  const index = new CorpusIndex();
  for (const d of readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f) && !f.startsWith("README"))) index.set({ path: d, text: readFileSync(join(dir, d), "utf8") });
  const snap = index.result();
  const edits = states.flatMap((state, i) => {
    if (!state) return [];
    const x = data.contradictions[i];
    const c = snap.contradictions.find((y) => y.earlier === x.earlier && y.later === x.later)!;
    return [{ type: "put" as const, annotation: reviewContradiction(snap, c, state, `${state} by the desk`, { id: `id-${i}`, now: "2026-11-21T00:00:00Z" }) }];
  });
  mkdirSync(join(dir, ".claimscope"));
  writeFileSync(join(dir, ".claimscope", "annotations.json"), serializeAnnotationFile(applyEdits(emptyAnnotationFile(), edits)));
  return { dir, flags: data.contradictions };
}

test("cli reviews: --fail-on-contradiction ignores reviewed flags; every format shows the states", () => {
  const all = json([SAMPLES]).data.contradictions.length;
  const states = Array.from({ length: all }, (_, i) => (["superseded", "conflict", "dismissed"] as const)[i % 3]);
  const done = reviewedCopy(states);
  assert.equal(run(["analyze", done.dir, "--fail-on-contradiction"]).code, 0, "every flag reviewed");
  const partly = reviewedCopy([null, ...states.slice(1)]);
  assert.equal(run(["analyze", partly.dir, "--fail-on-contradiction"]).code, 1, "one flag left open");

  const { data } = json([partly.dir]);
  assert.equal(data.contradictions[0].review, undefined);
  assert.deepEqual(data.contradictions[1].review, { state: "conflict", note: "conflict by the desk", annotation: "id-1" });
  assert.equal(data.annotations.length, all - 1);
  assert.ok(data.annotations.every((a: { status: string }) => a.status === "anchored"));

  const text = run(["analyze", partly.dir]).stdout;
  assert.match(text, new RegExp(`${all} contradictions \\(${all - 1} reviewed\\)`));
  assert.match(text, /\[dismissed: “dismissed by the desk”\]/);

  const sarif = JSON.parse(run(["analyze", partly.dir, "--format", "sarif"]).stdout).runs[0].results;
  const dismissed = sarif.filter((r: { suppressions?: unknown[] }) => r.suppressions);
  assert.equal(dismissed.length, states.slice(1).filter((s) => s === "dismissed").length);
  assert.equal(sarif[0].suppressions, undefined);
  assert.deepEqual(dismissed[0].suppressions, [{ kind: "external", status: "accepted", justification: "dismissed by the desk" }]);
  assert.equal(sarif[1].properties.review, "conflict");
});

test("cli reviews: an orphaned annotation is reported, a corrupt file is reported and left as it is", () => {
  const { dir, flags } = reviewedCopy(["dismissed"]);
  const earlier = flags[0]!.earlier.split("#")[0]!;
  const data = json([dir]).data;
  const claim = data.claims.find((c: { id: string }) => c.id === flags[0]!.earlier);
  writeFileSync(join(dir, earlier), readFileSync(join(dir, earlier), "utf8").replace(claim.text, "This paragraph was rewritten entirely."));
  const r = run(["analyze", dir, "--format", "json"]);
  assert.match(r.stderr, /annotation id-0 is orphaned/);
  assert.equal(JSON.parse(r.stdout).annotations[0].status, "orphaned");

  const path = join(dir, ".claimscope", "annotations.json");
  writeFileSync(path, "{ \"schema\": \"claimscope/annotations@1\", \"annotations\": [ {");
  const bad = run(["analyze", dir, "--fail-on-contradiction"]);
  assert.match(bad.stderr, /annotations\.json: not valid JSON .*reviews not applied \(the file is left as it is\)/);
  assert.equal(bad.code, 1, "with no readable reviews every flag counts");
  assert.equal(run(["annotations", "import", dir, path]).code, 2, "import refuses to write over a file it cannot read");
  assert.equal(readFileSync(path, "utf8"), "{ \"schema\": \"claimscope/annotations@1\", \"annotations\": [ {");
});

test("cli annotations: export to W3C Web Annotation JSON-LD and import into another copy of the corpus", () => {
  const { dir } = reviewedCopy(["dismissed", "conflict"]);
  const exported = run(["annotations", "export", dir]);
  assert.equal(exported.code, 0);
  const collection = JSON.parse(exported.stdout);
  assert.equal(collection.type, "AnnotationCollection");
  assert.equal(collection.first.items.length, 2);
  const other = mkdtempSync(join(tmpdir(), "cs-import-"));
  for (const f of readdirSync(SAMPLES)) writeFileSync(join(other, f), readFileSync(join(SAMPLES, f)));
  const file = join(other, "..", `${other.split("/").pop()}.jsonld`);
  writeFileSync(file, exported.stdout);
  const imported = run(["annotations", "import", other, file]);
  assert.equal(imported.stdout, "imported 2 new, 0 updated, 0 already present, 0 skipped\n");
  assert.equal(run(["annotations", "import", other, file]).stdout, "imported 0 new, 0 updated, 2 already present, 0 skipped\n");
  const reviewed = json([other]).data.contradictions.filter((x: { review?: { state: string } }) => x.review).map((x: { review: { state: string } }) => x.review.state);
  assert.deepEqual(reviewed.sort(), ["conflict", "dismissed"]);
  assert.equal(readFileSync(join(other, ".claimscope", "annotations.json"), "utf8"), readFileSync(join(dir, ".claimscope", "annotations.json"), "utf8"));
});

test("cli: --cache keeps analyses, reuses them for unchanged articles, and survives a damaged cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-cache-"));
  for (const f of readdirSync(SAMPLES)) if (/\.(md|txt)$/.test(f)) writeFileSync(join(dir, f), readFileSync(join(SAMPLES, f)));
  const cache = join(dir, ".claimscope-cache.json");
  const plain = json([dir]);
  const first = json([dir, "--cache", cache]);
  assert.deepEqual(first.data, plain.data);
  const written = readFileSync(cache, "utf8");
  const [header, ...all] = written.trimEnd().split("\n");
  const lines = all.filter((l) => !l.startsWith("*corpus\t"));
  assert.equal(lines.length, plain.data.documents.length, "one line per article…");
  assert.ok(all.slice(lines.length).every((l) => l.startsWith("*corpus\t")) && all.length > lines.length, "…then the corpus");
  // A cached analysis is used as it is: changed in the cache (and only there), the change shows.
  const [pathJson, hash, analysis] = lines[0]!.split("\t") as [string, string, string];
  const path = JSON.parse(pathJson) as string;
  const entry = JSON.parse(analysis) as unknown[];
  entry[2] = "1999-12-31"; // published
  const file = [header, [pathJson, hash, JSON.stringify(entry)].join("\t"), ...all.slice(1)].join("\n") + "\n";
  writeFileSync(cache, file);
  const reused = json([dir, "--cache", cache]);
  assert.equal(reused.data.documents.find((d: { path: string }) => d.path === path).published, "1999-12-31");
  // An edited article is analysed afresh and its entry replaced.
  const text = readFileSync(join(dir, path), "utf8");
  writeFileSync(join(dir, path), text + "\n");
  const edited = json([dir, "--cache", cache]);
  assert.notEqual(edited.data.documents.find((d: { path: string }) => d.path === path).published, "1999-12-31");
  assert.notEqual(readFileSync(cache, "utf8"), file, "the cache was brought up to date");
  writeFileSync(join(dir, path), text);
  writeFileSync(cache, "{ not json");
  const damaged = json([dir, "--cache", cache]);
  assert.match(damaged.stderr, /not a readable cache/);
  assert.deepEqual(damaged.data, plain.data);
  assert.equal(readFileSync(cache, "utf8").trimEnd().split("\n").length, all.length + 1, "rewritten whole");
  assert.match(run(["analyze", dir, "--cache"]).stderr, /--cache takes/);
});

test("cli: with nothing changed, the corpus is reported as the cache kept it; any change and it is analysed again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-warm-"));
  for (const f of readdirSync(SAMPLES)) if (/\.(md|txt)$/.test(f)) writeFileSync(join(dir, f), readFileSync(join(SAMPLES, f)));
  const cache = join(dir, ".claimscope-cache.json");
  const plain = run(["analyze", dir, "--format", "json"]);
  const out = (r: CliResult) => r.stdout + [...(r.pieces ?? [])].join("");
  assert.equal(out(run(["analyze", dir, "--format", "json", "--cache", cache])), out(plain));
  const kept = readFileSync(cache, "utf8");
  for (const format of ["json", "text", "sarif"]) {
    assert.equal(out(run(["analyze", dir, "--format", format, "--cache", cache])), out(run(["analyze", dir, "--format", format])), `${format}: the same report`);
    assert.equal(out(await runThreaded(["analyze", dir, "--format", format, "--cache", cache])), out(run(["analyze", dir, "--format", format])), `${format}: the same, threaded entry point`);
  }
  assert.equal(readFileSync(cache, "utf8"), kept, "nothing to write back");
  // The corpus shown is the one kept: a topic renamed in the cache (and only there) shows…
  const topic = JSON.parse(plain.stdout + [...(plain.pieces ?? [])].join("")).topics[0];
  // (The section's lines after its head hold the topics, each as [topic, its contradictions].)
  const renamed = kept.replace(/^\*corpus\t(\[.*)$/gm, (_, json: string) => {
    const part = JSON.parse(json) as Array<[{ id: string; label: string }, unknown[]]>;
    for (const [t] of part) if (t.id === topic.id) t.label += " (kept)";
    return `*corpus\t${JSON.stringify(part)}`;
  });
  const label = (r: CliResult) => JSON.parse(out(r)).topics.find((t: { id: string }) => t.id === topic.id).label;
  writeFileSync(cache, renamed);
  assert.equal(label(run(["analyze", dir, "--format", "json", "--cache", cache])), `${topic.label} (kept)`);
  // …until anything changes: an article, or the order the settings give.
  const first = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort()[0]!;
  writeFileSync(cache, renamed);
  writeFileSync(join(dir, ".claimscope.json"), JSON.stringify({ order: [first] }));
  assert.equal(label(run(["analyze", dir, "--format", "json", "--cache", cache])), topic.label, "another order");
  rmSync(join(dir, ".claimscope.json"));
  writeFileSync(cache, renamed);
  writeFileSync(join(dir, first), readFileSync(join(dir, first), "utf8") + "\n");
  assert.equal(label(run(["analyze", dir, "--format", "json", "--cache", cache])), topic.label, "an article edited");
});

test("cli: a large corpus analysed on worker threads gives exactly what one thread gives, in every format", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-threads-"));
  const n = POOL_THRESHOLD + 40;
  for (const d of generateCorpus(n, 11, 30)) writeFileSync(join(dir, d.path), d.text);
  const out = (r: CliResult) => r.stdout + [...(r.pieces ?? [])].join("");
  for (const format of ["json", "text", "sarif"]) {
    const one = run(["analyze", dir, "--format", format]);
    const threaded = await runThreaded(["analyze", dir, "--format", format, "--jobs", "2"]);
    // The threads ran: two of them, each answering for part of the corpus, all of it between them.
    assert.equal(threaded.threads?.length, 2, `${format}: two threads`);
    assert.ok(threaded.threads!.every((k) => k > 0), `${format}: each thread analysed documents (${threaded.threads})`);
    assert.equal(threaded.threads!.reduce((a, b) => a + b, 0), n, `${format}: every document on a thread`);
    assert.equal(threaded.stderr, one.stderr);
    assert.equal(out(threaded), out(one), `${format}: the same report`);
    assert.equal(one.threads, undefined, "run() stays on this thread");
  }
  assert.equal(JSON.parse(out(run(["analyze", dir, "--format", "json"]))).documents.length, n);
  assert.match(run(["analyze", dir, "--jobs", "0"]).stderr, /--jobs takes/);
});

test("cli: a small corpus is not worth threads (the near miss: below the threshold one thread answers)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-few-"));
  for (const d of generateCorpus(20, 11, 30)) writeFileSync(join(dir, d.path), d.text);
  const r = await runThreaded(["analyze", dir, "--format", "json", "--jobs", "2"]);
  assert.equal(r.threads, undefined);
  assert.equal(r.code, 0);
});

test("cli: the threaded entry point tells how the analysis is getting on, and the report is the same for it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-progress-"));
  const n = 200;
  for (const d of generateCorpus(n, 7, 30)) writeFileSync(join(dir, d.path), d.text);
  const told: string[] = [];
  const r = await runThreaded(["analyze", dir, "--format", "json", "--jobs", "1"], { progress: (text) => told.push(text) });
  const counts = told.map((t) => /^analysing (\d+) of (\d+)$/.exec(t)).filter((m) => m !== null);
  assert.ok(counts.length > 0, `some articles analysed between reports (told: ${told.join(" | ")})`);
  assert.ok(counts.every((m) => Number(m[2]) === n && Number(m[1]) >= 1 && Number(m[1]) <= n), "counted out of every article");
  assert.deepEqual(counts.map((m) => Number(m[1])), counts.map((m) => Number(m[1])).sort((a, b) => a - b), "counts only go up");
  const out = (x: CliResult) => x.stdout + [...(x.pieces ?? [])].join("");
  const quiet = run(["analyze", dir, "--format", "json"]);
  assert.equal(out(r), out(quiet));
  assert.equal(r.stderr, "", "progress goes to the caller, never into the messages");
});

test("cli: a cache that holds some of the articles (others added, edited, removed) gives what a fresh run gives", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-partial-"));
  for (const f of readdirSync(SAMPLES)) if (/\.(md|txt)$/.test(f)) writeFileSync(join(dir, f), readFileSync(join(SAMPLES, f)));
  const cache = join(dir, ".claimscope-cache.json");
  const out = (r: CliResult) => r.stdout + [...(r.pieces ?? [])].join("");
  assert.equal(run(["analyze", dir, "--format", "json", "--cache", cache]).code, 0);
  const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort();
  // One article edited (a figure changed, so flags change too), one removed, one added: the rest comes from the cache.
  writeFileSync(join(dir, files[1]!), readFileSync(join(dir, files[1]!), "utf8").replace(/\$6\.8 billion/g, "$7.1 billion") + "\nHalvorsen said on Friday it now holds a 14% stake in Northwind.\n");
  rmSync(join(dir, files[2]!));
  writeFileSync(join(dir, "07-late-report.txt"), "Late report\nJuly 3, 2026\n\nHalvorsen paid $7.4 billion for Northwind and owns 100% of it, the company said.\n");
  const kept = readFileSync(cache, "utf8");
  for (const format of ["json", "text", "sarif"]) {
    writeFileSync(cache, kept);
    const fresh = out(run(["analyze", dir, "--format", format]));
    assert.equal(out(run(["analyze", dir, "--format", format, "--cache", cache])), fresh, `${format}: partly cached = fresh`);
    writeFileSync(cache, kept);
    assert.equal(out(await runThreaded(["analyze", dir, "--format", format, "--cache", cache])), fresh, `${format}: partly cached, threaded entry point = fresh`);
  }
  // The cache was used: unchanged articles' analyses are still in it, and the edited one's changed.
  assert.notEqual(readFileSync(cache, "utf8"), kept, "the cache is brought up to date");
  const fresh = JSON.parse(out(run(["analyze", dir, "--format", "json"])));
  assert.ok(fresh.documents.some((d: { path: string }) => d.path === "07-late-report.txt") && !fresh.documents.some((d: { path: string }) => d.path === files[2]));
});

// The program as installed: the output written in pieces is the whole report, and a reader that stops early ends it quietly.
test("cli process: output written piece by piece is the whole report; a closed pipe ends the run without an error", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-bin-"));
  for (const d of generateCorpus(550, 5)) writeFileSync(join(dir, d.path), d.text);
  const bin = join(import.meta.dirname, "..", "..", "src", "cli", "bin.ts");
  const spawnCli = (args: string[]) => spawn(process.execPath, ["--import", "tsx", bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const collect = async (child: ReturnType<typeof spawnCli>) => {
    // Bytes, decoded once at the end: a chunk may end inside a character ("→", "“").
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const [code] = (await once(child, "close")) as [number];
    return { code, out: Buffer.concat(out).toString("utf8"), err: Buffer.concat(err).toString("utf8") };
  };
  const reports = new Map<string, string>();
  for (const format of [["json"], ["json", "--pretty"], ["text"], ["sarif"]]) {
    const whole = await collect(spawnCli(["analyze", dir, "--format", ...format, "--no-color"]));
    const expected = run(["analyze", dir, "--format", ...format, "--no-color"]).stdout;
    reports.set(format.join(" "), expected);
    assert.ok(Buffer.byteLength(expected) > 2 ** 20, `a report of ${expected.length} characters is written in several chunks of a megabyte`);
    assert.deepEqual({ code: whole.code, err: whole.err, same: whole.out === expected }, { code: 0, err: "", same: true }, format.join(" "));
  }
  // Compact unless asked: the same content either way.
  const compact = reports.get("json")!, pretty = reports.get("json --pretty")!;
  assert.equal(compact.split("\n").length, 2);
  assert.ok(pretty.length > compact.length);
  assert.deepEqual(JSON.parse(compact), JSON.parse(pretty));
  const early = spawnCli(["analyze", dir, "--format", "json"]);
  early.stdout.once("data", () => early.stdout.destroy());
  const ended = await collect(early);
  assert.equal(ended.code, 0);
  assert.doesNotMatch(ended.err, /EPIPE|Error/);
});
