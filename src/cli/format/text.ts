import { changeSummary, lineColumn, quoted, reviewState, type Claim, type CorpusSnapshot, type Notice, type ResolvedAnnotation, type ReviewIndex } from "../../core";

/**
 * A terminal report: corpus order, topics with their claims, the contradictions with their reviews, and orphaned
 * annotations, then the files skipped or read with a problem; line by line (each ending in a newline), written as it is made: a large corpus's runs to tens of megabytes.
 */
export function* textReport(snap: CorpusSnapshot, color: boolean, reviews?: ReviewIndex, notices: Notice[] = []): Generator<string> {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const facts = snap.documents.reduce((n, d) => n + d.analysis.facts.length, 0);
  const reviewed = reviews ? snap.contradictions.length - reviews.open(snap.contradictions).length : 0;
  yield* lines(c("1", `Claimscope — ${snap.documents.length} documents, ${facts} facts, ${snap.claims.size} claims, ${snap.topics.length} topics, ${snap.contradictions.length} contradictions${reviews ? ` (${reviewed} reviewed)` : ""}`));
  const judged = (r: ResolvedAnnotation | undefined) => {
    const state = reviewState(r);
    return state ? c("36", ` [${state}${r!.annotation.note ? `: ${quoted(r!.annotation.note, 80)}` : ""}]`) : "";
  };
  yield* lines("", c("1", "Corpus order"));
  for (const d of snap.documents) {
    const how = d.analysis.published ? `${d.analysis.published} (${d.analysis.publishedSource})` : "undated (file name)";
    // Numbered from 1, as the editor numbers them (the JSON contract's `order` is the position, from 0).
    yield* lines(`  ${String(d.order + 1).padStart(3)}  ${d.analysis.path}  ${c("2", how)}`);
  }
  const flagged = new Map<string, string[]>();
  for (const x of snap.contradictions) {
    flagged.set(x.earlier, [...(flagged.get(x.earlier) ?? []), x.later]);
  }
  const where = (claim: Claim) => {
    const doc = snap.documentOf.get(claim.id)!.analysis;
    const { line, column } = lineColumn(doc.text, claim.start);
    return `${doc.path}:${line}:${column}`;
  };
  yield* lines("", c("1", "Topics"));
  const topics = [...snap.topics].sort((a, b) => b.claims.length - a.claims.length || a.id.localeCompare(b.id));
  for (const t of topics) {
    const n = t.claims.filter((id) => flagged.has(id)).length;
    yield* lines(`  ${c("36", t.label)}  ${c("2", `${t.claims.length} claim${t.claims.length === 1 ? "" : "s"}${n ? `, ${n} contradicted` : ""}`)}`);
    for (const id of t.claims) {
      const claim = snap.claims.get(id)!;
      const mark = flagged.has(id) ? c("33", "⚠") : " ";
      const pol = claim.polarity === "denies" ? c("31", "denies ") : claim.polarity === "affirms" ? c("32", "affirms") : c("2", "neutral");
      const status = claim.status ? ` [${claim.status}]` : "";
      yield* lines(`   ${mark} ${pol}${status} ${quoted(claim.text, 100)}  ${c("2", where(claim))}${judged(reviews?.ofClaim(id))}`);
      if (flagged.has(id)) for (const later of flagged.get(id)!) yield* lines(`       ${c("33", `contradicted by ${where(snap.claims.get(later)!)}`)}`);
    }
  }
  yield* lines("", c("1", `Contradictions (${snap.contradictions.length})`));
  for (const x of snap.contradictions) {
    const e = snap.claims.get(x.earlier)!, l = snap.claims.get(x.later)!;
    const topic = snap.topicById.get(x.topic)?.label ?? x.topic;
    const change = changeSummary(x, snap.claims);
    yield* lines(`  ${c("33", `[${x.kind} ${x.confidence.toFixed(2)}]`)} ${change ? `${change} ${c("2", `· ${topic}`)}` : topic}${judged(reviews?.ofContradiction(x))}`);
    yield* lines(`     earlier ${where(e)}  ${quoted(e.text, 90)}`);
    yield* lines(`     later   ${where(l)}  ${quoted(l.text, 90)}`);
  }
  if (reviews?.orphans.length) {
    yield* lines("", c("1", `Orphaned annotations (${reviews.orphans.length})`));
    for (const o of reviews.orphans) {
      const what = o.annotation.kind === "note" ? "note" : `${o.annotation.kind} ${o.annotation.state}`;
      yield* lines(`  ${what} on ${quoted(o.annotation.target[0].quote.exact, 70)} in ${o.annotation.target[0].source} — ${o.reason}`);
    }
  }
  if (notices.length) {
    yield* lines("", c("1", `Files skipped or read with a problem (${notices.length})`));
    for (const n of notices) yield* lines(`  ${n.path}  ${c("2", `[${n.reason}]`)} ${n.message}`);
  }
}

function* lines(...text: string[]): Generator<string> {
  for (const t of text) yield `${t}\n`;
}
