import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CorpusIndex, createAnalyzer, mostConfident, type Contradiction, type DocumentAnalysis } from "../../src/core";

// Pieces of deal reporting and of hostile or broken text, glued at random.
const PIECES = [
  "$110 billion", "$1.25B", "US$2bn", "€5 billion", "up to $5 billion", "27%", "a 27% stake", "owns 49 percent of", "2.3%",
  "March 9, 2026", "late February", "Tuesday", "2 days ago", "18 months", "Q3 2025", "2019", "Microsoft", "OpenAI", "AWS",
  "Halvorsen Industries Inc.", "agreed to acquire Northwind", "exclusive license", "revenue-share agreement", "stake", "merger",
  "terminated", "retains", "no longer", "still holds", "if", "could", "completed", "pending", "break-up fee", "—", "–", ",", ".",
  ". ", "? ", "; ", " and ", " ", "  ", "\n", "\r\n", "\n\n", "\t", "# ", "## ", "- ", "* ", "> ", "1. ", "```\n", "`", "[link](https://x.test/$5-billion)",
  "<script>alert(1)</script>", "<b>", "---\n", "title: [oops\n", "date: 2026-01-12\n", "😀", "🏦", "\u200b", "\uFEFF", "é", "中文", "\u0000", "\\", "\"", "“", "’s",
];
const article = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(""));
const path = fc.constantFrom("a.txt", "b.md");

// Deal reporting that changes as the story goes on (figures, stakes, closing dates of two deals), so that
// corpora have flags and the properties about flags are tried; lines of `article` are mixed in.
const PAIRS = [["Halvorsen Industries", "Northwind Robotics"], ["Pinecrest Resources", "Alder Energy"]] as const;
const TEMPLATES: Array<(b: string, t: string, n: number) => string> = [
  (b, t, n) => `${b} agreed to acquire ${t} for $${n}.${n} billion.`,
  (b, t, n) => `${b} raised its offer for ${t} to $${n + 1}.${n} billion.`,
  (b, t, n) => `${b} will own a ${n * 7}% stake in ${t}.`,
  (b, t, n) => `${b} and ${t} expect the deal to close by the end of ${2025 + (n % 3)}.`,
  (b, t) => `${b} and ${t} terminated their merger agreement.`,
];
const dealLine = fc.tuple(fc.constantFrom(...PAIRS), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: TEMPLATES.length - 1 }))
  .map(([[b, t], n, k]) => TEMPLATES[k]!(b, t, n));
const dealArticle = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.array(fc.oneof({ weight: 4, arbitrary: dealLine }, { weight: 1, arbitrary: article }), { minLength: 1, maxLength: 5 }))
  .map(([day, lines]) => `---\ndate: 2026-03-${String(day).padStart(2, "0")}\n---\n${lines.join("\n")}\n`);
const anyArticle = fc.oneof({ weight: 1, arbitrary: article }, { weight: 3, arbitrary: dealArticle });

function assertWellFormed(text: string, a: DocumentAnalysis): void {
  for (const f of a.facts) {
    assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `fact ${JSON.stringify(f)} out of range`);
    assert.equal(text.slice(f.start, f.end), f.text, "a fact's text is the text at its offsets");
  }
  for (const c of a.claims) {
    assert.ok(c.start >= 0 && c.start < c.end && c.end <= text.length);
    assert.equal(text.slice(c.start, c.end), c.text);
    for (const i of c.facts) assert.ok(a.facts[i], "claim facts index the document's facts");
  }
  for (let i = 0; i < a.sentences.length; i += 2) {
    const start = a.sentences[i]!, end = a.sentences[i + 1]!;
    assert.ok(start < end && end <= text.length && (i === 0 || start >= a.sentences[i - 1]!), "sentence spans in text order, inside the text");
  }
}

test("property: for any text the analysis never throws and every span slices to its text", () => {
  const analyzer = createAnalyzer();
  fc.assert(fc.property(article, path, (text, p) => assertWellFormed(text, analyzer.analyzeDocument({ path: p, text }))), { numRuns: 400 });
});

test("property: any Unicode at all, astral characters included", () => {
  const analyzer = createAnalyzer();
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), path, (text, p) => assertWellFormed(text, analyzer.analyzeDocument({ path: p, text }))), { numRuns: 300 });
});

test("property: offsets are UTF-16 offsets — astral characters before a fact shift it by two per character", () => {
  const analyzer = createAnalyzer();
  fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), (n) => {
    const base = "Halvorsen paid $5 billion for a 12% stake in Northwind on March 9, 2026.\n";
    const plain = analyzer.analyzeDocument({ path: "a.txt", text: base });
    const emoji = analyzer.analyzeDocument({ path: "a.txt", text: "🏦".repeat(n) + base });
    assert.deepEqual(emoji.facts.map((f) => [f.kind, f.text, f.start - 2 * n]), plain.facts.map((f) => [f.kind, f.text, f.start]));
  }), { numRuns: 5 });
});

test("property: a document's analysis does not depend on the other documents in the corpus", () => {
  fc.assert(fc.property(article, fc.array(article, { maxLength: 3 }), (text, others) => {
    const alone = new CorpusIndex();
    alone.set({ path: "doc.md", text });
    const crowd = new CorpusIndex();
    others.forEach((t, i) => crowd.set({ path: `other-${i}.txt`, text: t }));
    crowd.set({ path: "doc.md", text });
    const a = alone.get("doc.md")!, b = crowd.get("doc.md")!;
    assert.deepEqual(b.facts, a.facts);
    assert.deepEqual(b.claims.map(({ topic: _t, ...c }) => c), a.claims.map(({ topic: _t, ...c }) => c));
    crowd.result();
  }), { numRuns: 150 });
});

test("property: the corpus result is well-formed for any mix of documents", () => {
  let runs = 0, flagged = 0;
  fc.assert(fc.property(fc.array(fc.tuple(anyArticle, path), { minLength: 1, maxLength: 6 }), (docs) => {
    const index = new CorpusIndex();
    docs.forEach(([text, p], i) => index.set({ path: `${i}-${p}`, text }));
    const snap = index.result();
    runs++;
    if (snap.contradictions.length) flagged++;
    for (const x of snap.contradictions) {
      const e = snap.claims.get(x.earlier)!, l = snap.claims.get(x.later)!;
      assert.ok(e && l && e.topic === x.topic && l.topic === x.topic);
      assert.ok(snap.documentOf.get(e.id)!.order < snap.documentOf.get(l.id)!.order, "earlier comes first in corpus order");
    }
    for (const t of snap.topics) for (const id of t.claims) assert.equal(snap.claims.get(id)!.topic, t.id);
  }), { numRuns: 150 });
  // The flag assertions above ran: enough generated corpora have flags.
  assert.ok(flagged / runs > 0.3, `${flagged} of ${runs} corpora have flags`);
});

test("property: after any sequence of edits and deletions, regrouped at once or in steps, the incremental index equals one built afresh", () => {
  const story = fc.constantFrom(
    "Halvorsen Industries agreed to acquire Northwind Robotics for $6.8 billion.", "Halvorsen completed its acquisition of Northwind on June 29, 2026.",
    "Halvorsen owns a 12% stake in Northwind.", "Halvorsen holds a 15% stake in Northwind.", "Lumen Labs ends Northwind's exclusive license.",
    "Northwind still holds an exclusive license to Lumen Labs' software.", "Contoso Cloud remains the exclusive cloud provider for Northwind.",
    "Pinecrest Resources and Alder Energy terminated their merger agreement.", "Pinecrest agreed to merge with Alder Energy.", "The deal was called off.",
  );
  const doc = fc.tuple(fc.array(story, { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }))
    .map(([lines, day]) => `${day ? `---\ndate: 2026-03-${String(day).padStart(2, "0")}\n---\n` : ""}${lines.join("\n")}\n`);
  // After each change: the result, or a few steps of the regrouping it leaves (one topic per step), so that
  // changes also arrive while some topics are still to be rebuilt.
  const steps = fc.integer({ min: 0, max: 3 });
  const op = fc.oneof(fc.tuple(fc.constant("set" as const), fc.integer({ min: 0, max: 5 }), doc, steps), fc.tuple(fc.constant("delete" as const), fc.integer({ min: 0, max: 5 }), fc.constant(""), steps));
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
    const index = new CorpusIndex();
    const final = new Map<string, string>();
    for (const [kind, n, text, k] of ops) {
      const p = `${n}.md`;
      if (kind === "set") { index.set({ path: p, text }); final.set(p, text); } else { index.delete(p); final.delete(p); }
      if (k === 3) index.result();
      else for (let i = 0; i < k; i++) index.regroupSome(-Infinity);
    }
    const fresh = new CorpusIndex();
    for (const [p, text] of final) fresh.set({ path: p, text });
    const view = (s: ReturnType<CorpusIndex["result"]>) => ({
      order: s.documents.map((d) => `${d.order}:${d.analysis.path}`),
      topics: s.topics.map((t) => `${t.id}=${t.claims.join(",")}`).sort(),
      contradictions: s.contradictions.map((c) => `${c.kind}:${c.earlier}>${c.later}`).sort(),
    });
    assert.deepEqual(view(index.result()), view(fresh.result()));
  }), { numRuns: 300 });
});

test("property: the most confident flags are the ones a full sort picks (confidence, then list order), kept in list order", () => {
  const confidence = fc.constantFrom(0.5, 0.6, 0.75, 0.9, 1);
  fc.assert(fc.property(fc.array(confidence, { maxLength: 60 }), fc.integer({ min: -1, max: 70 }), (cs, n) => {
    const list = cs.map((c, i) => ({ confidence: c, explanation: String(i) }) as Contradiction);
    const want = list.map((x, i) => ({ x, i })).sort((a, b) => b.x.confidence - a.x.confidence || a.i - b.i).slice(0, Math.max(0, n)).sort((a, b) => a.i - b.i);
    assert.deepEqual(mostConfident(list, n).map((x) => x.explanation), want.map((r) => r.x.explanation));
  }), { numRuns: 500 });
});
