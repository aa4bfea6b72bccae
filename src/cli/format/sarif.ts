import { pathToFileURL } from "node:url";
import { changeSummary, flagStatus, jsonText, lineColumn, sarifLevel, SKIPPING, type Claim, type Contradiction, type CorpusSnapshot, type FlagSeverity, type Notice, type ReviewIndex } from "../../core";

const RULES: Record<string, string> = {
  polarity: "A later article says an arrangement ended (or still holds) where an earlier one said the opposite.",
  value: "A later article gives a different figure for the same quantity of a deal (superseded: it changed; conflict: the reports disagree).",
  status: "A later article says a deal took another course: blocked, terminated, cleared or revived.",
  date: "A later article gives a different date for the same event of a deal (a deadline moved, or the reports disagree).",
};

/**
 * SARIF 2.1.0: one result per contradiction, located at the earlier and the later statement, at the level
 * the settings give its nature. A reviewed flag carries its review; a dismissed one is suppressed, so
 * code-scanning tools hide it. The files skipped or read with a problem are the invocation's tool
 * execution notifications. Written in pieces, one result each (indented when `pretty`).
 */
export function formatSarif(snap: CorpusSnapshot, dir: string, version: string, severity: FlagSeverity, reviews: ReviewIndex | undefined, notices: Notice[], pretty: boolean): Generator<string> {
  const location = (claim: Claim, id: number, text: string) => {
    const doc = snap.documentOf.get(claim.id)!.analysis;
    const a = lineColumn(doc.text, claim.start), b = lineColumn(doc.text, claim.end);
    return {
      id,
      physicalLocation: {
        artifactLocation: { uri: encodeURI(doc.path), uriBaseId: "CORPUS" },
        region: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, charOffset: claim.start, charLength: claim.end - claim.start },
      },
      message: { text },
    };
  };
  const result = (x: Contradiction) => {
    const e = snap.claims.get(x.earlier)!, l = snap.claims.get(x.later)!;
    const status = flagStatus(x, reviews, severity);
    const state = status.state === "open" ? undefined : status.state;
    const note = status.review?.annotation.note;
    return {
      ruleId: `contradiction/${x.kind}`,
      // A dismissed result keeps the level of its nature: its suppression is what hides it.
      level: sarifLevel(status.level ?? severity[status.nature]),
      message: { text: `${changeSummary(x, snap.claims) ?? x.explanation} ([earlier statement](0), [later statement](1))` },
      locations: [location(e, 0, "earlier statement"), location(l, 1, "later statement")],
      relatedLocations: [location(e, 0, "earlier statement"), location(l, 1, "later statement")],
      properties: { topic: x.topic, confidence: x.confidence, earlier: x.earlier, later: x.later, ...(x.nature ? { deal: x.deal, slot: x.slot, nature: x.nature, earlierValue: x.earlierValue, laterValue: x.laterValue } : {}), ...(state ? { review: state, ...(note ? { reviewNote: note } : {}) } : {}) },
      ...(state === "dismissed" ? { suppressions: [{ kind: "external", status: "accepted", ...(note ? { justification: note } : {}) }] } : {}),
    };
  };
  const base = pathToFileURL(dir).href.replace(/\/?$/, "/");
  const RESULTS = "\u0000results";
  return jsonText({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "claimscope", version, rules: Object.entries(RULES).map(([k, text]) => ({ id: `contradiction/${k}`, shortDescription: { text }, defaultConfiguration: { level: "warning" } })) } },
      originalUriBaseIds: { CORPUS: { uri: base } },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: notices.map((n) => ({
          descriptor: { id: `notice/${n.reason}` },
          level: SKIPPING.has(n.reason) ? "warning" : "note",
          message: { text: `${n.path}: ${n.message}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(n.path), uriBaseId: "CORPUS" } } }],
        })),
      }],
      columnKind: "utf16CodeUnits",
      results: RESULTS,
    }],
  }, [[RESULTS, function* () { for (const x of snap.contradictions) yield result(x); }]], pretty);
}
