import * as vscode from "vscode";
import type { Contradiction, DocumentAnalysis } from "../core";
import type { ShownFlags } from "./highlighting";
import type { CorpusService } from "./corpusService";
import { rangeIn } from "./positions";

/** Opens a file and selects a span of its text. */
export async function openAt(uri: vscode.Uri, a: DocumentAnalysis, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const r = doc.getText() === a.text ? new vscode.Range(doc.positionAt(start), doc.positionAt(end)) : rangeIn(a, start, end);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Opens a claim by id; anything that is not a known claim id is refused. */
export async function openClaim(corpus: CorpusService, id: unknown): Promise<boolean> {
  if (typeof id !== "string" || id.length > 4096) return false;
  const claim = corpus.claim(id);
  if (!claim) {
    void vscode.window.showWarningMessage("Claimscope: that claim is no longer in the corpus (the article changed).");
    return false;
  }
  const uri = corpus.uriFor(claim.document);
  const a = corpus.document(claim.document);
  if (!uri || !a) return false;
  await openAt(uri, a, claim.start, claim.end);
  return true;
}

/** Opens a range of an article (an annotation's anchor); anything that is not a range of a known article is refused. */
export async function openRange(corpus: CorpusService, path: unknown, start: unknown, end: unknown): Promise<boolean> {
  if (typeof path !== "string" || !Number.isInteger(start) || !Number.isInteger(end)) return false;
  const uri = corpus.uriFor(path);
  const a = corpus.document(path);
  if (!uri || !a || (start as number) < 0 || (end as number) > a.text.length || (start as number) > (end as number)) return false;
  await openAt(uri, a, start as number, end as number);
  return true;
}

/** Contradicted statements (earlier and later) of the shown flags in corpus order, for next/previous navigation. */
function stops(corpus: CorpusService, flags: readonly Contradiction[]): Array<{ id: string; order: number; start: number }> {
  const snap = corpus.snapshot();
  const ids = new Set<string>();
  for (const x of flags) { ids.add(x.earlier); ids.add(x.later); }
  const all = [...ids].map((id) => ({ id, order: snap.documentOf.get(id)!.order, start: snap.claims.get(id)!.start }))
    .sort((a, b) => a.order - b.order || a.start - b.start || (a.id < b.id ? -1 : 1));
  // Two claims from one sentence are one place to go to.
  return all.filter((s, i) => i === 0 || s.order !== all[i - 1]!.order || s.start !== all[i - 1]!.start);
}

/** Goes to the next (or previous) contradicted statement after the cursor, wrapping around the corpus; dismissed flags are skipped. */
export async function stepContradiction(corpus: CorpusService, flags: ShownFlags, direction: 1 | -1): Promise<string | undefined> {
  await corpus.ready;
  await flags.reviews.ready;
  const list = stops(corpus, flags.list());
  if (!list.length) {
    void vscode.window.showInformationMessage("Claimscope: no contradictions in this corpus.");
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const key = editor ? corpus.keyFor(editor.document.uri) : undefined;
  const snap = corpus.snapshot();
  const here = key ? { order: snap.documentAt.get(key)?.order ?? -1, start: editor!.document.offsetAt(editor!.selection.start) } : { order: -1, start: -1 };
  const cmp = (s: { order: number; start: number }) => (s.order - here.order) || (s.start - here.start);
  const target = direction === 1
    ? list.find((s) => cmp(s) > 0) ?? list[0]!
    : [...list].reverse().find((s) => cmp(s) < 0) ?? list[list.length - 1]!;
  await openClaim(corpus, target.id);
  return target.id;
}
