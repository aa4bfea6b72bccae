import * as vscode from "vscode";
import { CLAIM_STATES, FLAG_STATES, hoverArgumentRefusal, isClaimState, isFlagState, isRecord, STATE_LABEL, snippet, type Annotation, type Contradiction, type HoverCommand, type KnownIds, type ReviewState } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { dealOf } from "./dealSheet";

/** What a review command may be given: a claim id, a tree node, a flag ({earlier, later}), or nothing (the cursor). */
type Subject = unknown;

/** Review commands: each asks only for what it was not given, so the tree, hovers, code actions and tests share them. */
export function registerReviewCommands(corpus: CorpusService, reviews: ReviewService): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  const guard = <A extends unknown[]>(work: (...args: A) => Promise<unknown>) => async (...args: A) => {
    try {
      await corpus.ready;
      await reviews.ready;
      return await work(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`Claimscope: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  return [
    reg("claimscope.reviewContradiction", guard(async (subject?: Subject, state?: unknown, note?: unknown) => {
      if (isRecord(subject) && ("earlier" in subject || "later" in subject) && refused("claimscope.reviewContradiction", subject, knownIds(corpus, reviews))) return undefined;
      // A change (the tree's node for one statement changing several earlier ones) is reviewed as one.
      const change = isRecord(subject) && Array.isArray(subject.flags) ? flagsOf(corpus, subject) : undefined;
      const flag = change ? change[0] : await pickFlag(corpus, flagsOf(corpus, subject));
      if (!flag) return undefined;
      const review = await askReview(FLAG_STATES, isFlagState, reviews.index().ofContradiction(flag)?.annotation, state, note, "Review the flag");
      if (!review) return undefined;
      let last: Annotation | undefined;
      for (const f of change ?? [flag]) last = await reviews.reviewContradiction(f, review.state, review.note);
      return last;
    })),
    reg("claimscope.reviewClaim", guard(async (subject?: Subject, state?: unknown, note?: unknown) => {
      if (typeof subject === "string" && refused("claimscope.reviewClaim", subject, knownIds(corpus, reviews))) return undefined;
      const id = claimOf(corpus, subject);
      if (!id) { void vscode.window.showInformationMessage("Claimscope: put the cursor on a claim (a statement with a deal term) to review it."); return undefined; }
      const review = await askReview(CLAIM_STATES, isClaimState, reviews.index().ofClaim(id)?.annotation, state, note, "Review the claim");
      return review && reviews.reviewClaim(id, review.state, review.note);
    })),
    reg("claimscope.addNote", guard(async (where?: unknown, note?: unknown) => {
      const range = rangeOf(corpus, where);
      if (!range) { void vscode.window.showInformationMessage("Claimscope: select some text of an article to note on it."); return undefined; }
      const text = typeof note === "string" ? note : await vscode.window.showInputBox({ title: "Claimscope: Add Note", prompt: `Note on “${snippet(range.quote, 60)}”`, validateInput: (v) => (v.trim() ? undefined : "A note needs some text") });
      if (!text?.trim()) return undefined;
      return reviews.addNote(range.path, range.start, range.end, text);
    })),
    reg("claimscope.removeAnnotation", guard(async (subject?: unknown) => {
      const id = isRecord(subject) && "annotation" in subject ? subject.annotation : subject;
      if (refused("claimscope.removeAnnotation", id, knownIds(corpus, reviews))) return;
      await reviews.remove(id as string);
    })),
    reg("claimscope.exportAnnotations", guard(async (target?: unknown) => {
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({ title: "Export annotations (W3C Web Annotation JSON-LD)", filters: { "Web Annotation": ["jsonld", "json"] }, defaultUri: defaultExport() });
      if (!uri) return undefined;
      const data = reviews.exportWeb() as { total?: number };
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`));
      void vscode.window.showInformationMessage(`Claimscope: exported ${data.total ?? 0} annotations to ${vscode.workspace.asRelativePath(uri)}.`);
      return uri;
    })),
    reg("claimscope.importAnnotations", guard(async (source?: unknown) => {
      const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({ title: "Import annotations (W3C Web Annotation JSON-LD)", filters: { "Web Annotation": ["jsonld", "json"] }, canSelectMany: false }))?.[0];
      if (!uri) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      } catch (e) {
        throw new Error(`${vscode.workspace.asRelativePath(uri)} is not a JSON file (${e instanceof Error ? e.message : String(e)})`);
      }
      const r = await reviews.importWeb(json);
      const msg = `Claimscope: imported ${r.added} new and ${r.updated} updated annotations${r.unchanged ? `, ${r.unchanged} already here` : ""}${r.skipped.length ? `; ${r.skipped.length} could not be placed` : ""}.`;
      if (r.skipped.length) void vscode.window.showWarningMessage(msg, { detail: r.skipped.slice(0, 20).join("\n"), modal: false });
      else void vscode.window.showInformationMessage(msg);
      return r;
    })),
    reg("claimscope.openAnnotationsFile", guard(async () => {
      const store = reviews.allStores()[0];
      if (!store) return;
      await vscode.window.showTextDocument(store.uri).then(undefined, () => vscode.window.showInformationMessage("Claimscope: no annotations yet — review a flag or a claim, or add a note, and the file is created."));
    })),
  ];
}

/** The ids a hover's command may be given, as the corpus and the reviews hold them now. */
export function knownIds(corpus: CorpusService, reviews: ReviewService): KnownIds {
  return {
    claim: (id) => !!corpus.claim(id),
    deal: (id) => dealOf(corpus.snapshot(), id) !== undefined,
    flag: (earlier, later) => corpus.snapshot().contradictions.some((c) => c.earlier === earlier && c.later === later),
    annotation: (id) => reviews.index().all.some((r) => r.annotation.id === id),
  };
}

/** Refuses (with the reason, as an error message) an argument the hover could not have written. */
export function refused(command: HoverCommand, arg: unknown, known: KnownIds): boolean {
  const why = hoverArgumentRefusal(command, arg, known);
  if (why) void vscode.window.showErrorMessage(`Claimscope: ${why}`);
  return why !== undefined;
}

function defaultExport(): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? vscode.Uri.joinPath(root, "claimscope-annotations.jsonld") : undefined;
}

/** The flags a subject stands for: the flag itself, those of a claim, or those of the claims under the cursor. */
export function flagsOf(corpus: CorpusService, subject: Subject): Contradiction[] {
  const snap = corpus.snapshot();
  if (isRecord(subject) && Array.isArray(subject.flags)) {
    const pairs = subject.flags.slice(0, 1000).filter((p): p is { earlier: string; later: string } => isRecord(p) && typeof p.earlier === "string" && typeof p.later === "string");
    const wanted = new Set(pairs.map((p) => `${p.earlier}\u0000${p.later}`));
    return snap.contradictions.filter((c) => wanted.has(`${c.earlier}\u0000${c.later}`));
  }
  if (isRecord(subject) && typeof subject.earlier === "string" && typeof subject.later === "string") {
    return snap.contradictions.filter((c) => c.earlier === subject.earlier && c.later === subject.later);
  }
  const ids = subject === undefined ? claimsUnderCursor(corpus) : [claimOf(corpus, subject)].filter((x): x is string => !!x);
  return snap.contradictions.filter((c) => ids.includes(c.earlier) || ids.includes(c.later));
}

function claimOf(corpus: CorpusService, subject: Subject): string | undefined {
  if (typeof subject === "string") return corpus.claim(subject) ? subject : undefined;
  if (isRecord(subject) && subject.type === "claim" && typeof subject.id === "string") return corpus.claim(subject.id) ? subject.id : undefined;
  if (subject === undefined) return claimsUnderCursor(corpus)[0];
  return undefined;
}

function claimsUnderCursor(corpus: CorpusService): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const a = corpus.fresh(editor.document);
  if (!a) return [];
  const at = editor.document.offsetAt(editor.selection.active);
  return a.claims.filter((c) => c.start <= at && at <= c.end).map((c) => c.id);
}

function rangeOf(corpus: CorpusService, where: unknown): { path: string; start: number; end: number; quote: string } | undefined {
  if (isRecord(where) && typeof where.path === "string" && Number.isInteger(where.start) && Number.isInteger(where.end)) {
    const doc = corpus.document(where.path);
    const start = where.start as number, end = where.end as number;
    if (!doc || start < 0 || end <= start || end > doc.text.length) return undefined;
    return { path: where.path, start, end, quote: doc.text.slice(start, end) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return undefined;
  const a = corpus.fresh(editor.document);
  if (!a) return undefined;
  const start = editor.document.offsetAt(editor.selection.start), end = editor.document.offsetAt(editor.selection.end);
  return { path: a.path, start, end, quote: a.text.slice(start, end) };
}

async function pickFlag(corpus: CorpusService, flags: Contradiction[]): Promise<Contradiction | undefined> {
  if (!flags.length) {
    void vscode.window.showInformationMessage("Claimscope: no flagged contradiction here. Put the cursor on a flagged statement (Alt+F8 goes to the next).");
    return undefined;
  }
  if (flags.length === 1) return flags[0];
  const snap = corpus.snapshot();
  const pick = await vscode.window.showQuickPick(
    flags.map((c) => ({ label: `$(warning) ${snap.topicById.get(c.topic)?.label ?? c.topic}`, description: c.kind, detail: c.explanation, flag: c })),
    { title: "Which flag?", matchOnDetail: true },
  );
  return pick?.flag;
}

/** The state and note of a review: what the caller gave, else asked for; undefined when the reviewer cancels. */
async function askReview<S extends ReviewState>(states: readonly S[], isState: (s: unknown) => s is S, current: Annotation | undefined, state: unknown, note: unknown, title: string): Promise<{ state: S; note: string } | undefined> {
  const now = current && current.kind !== "note" && isState(current.state) ? current.state : undefined;
  const chosen = isState(state) ? state : await pickState(states, now, title);
  if (!chosen) return undefined;
  const text = await askNote(note, current?.note);
  return text === undefined ? undefined : { state: chosen, note: text };
}

async function pickState<S extends ReviewState>(states: readonly S[], current: S | undefined, title: string): Promise<S | undefined> {
  const pick = await vscode.window.showQuickPick(
    states.map((s) => ({ label: STATE_LABEL[s].split(" — ")[0]!, description: STATE_LABEL[s].split(" — ")[1], detail: s === current ? "current review" : undefined, state: s })),
    { title, placeHolder: current ? `Now: ${current}` : "Choose a review state" },
  );
  return pick?.state;
}

/** The note: given, or asked for (empty is fine); undefined means the reviewer cancelled. */
async function askNote(note: unknown, current: string | undefined): Promise<string | undefined> {
  if (typeof note === "string") return note;
  if (note === null) return "";
  return vscode.window.showInputBox({ title: "Note (optional)", prompt: "Why — a source, a date, a reason. Enter to save, Escape to cancel.", value: current ?? "" });
}
