import * as vscode from "vscode";
import {
  fromWebAnnotations, mergeEdits, noteOn, resolveReviews, reviewClaim, reviewContradiction, toWebAnnotations,
  type Annotation, type AnnotationEdit, type AnnotationFile, type ClaimState, type Contradiction, type CorpusSnapshot, type FlagState, type ReviewIndex,
} from "../core";
import { AnnotationStore } from "./annotationStore";
import type { CorpusService } from "./corpusService";

/**
 * The reviewers' judgements over the whole workspace: each folder's annotations file, placed on the
 * corpus as it reads now. Fires when either the corpus or an annotations file changes.
 */
export class ReviewService implements vscode.Disposable {
  private stores: AnnotationStore[] = [];
  private version = 0;
  private memo: { snap: CorpusSnapshot; version: number; index: ReviewIndex } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private loaded: Promise<void> = Promise.resolve();

  constructor(private readonly corpus: CorpusService) {
    this.disposables.push(
      corpus.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.openStores()),
    );
    this.openStores();
  }

  /** Resolves when every annotations file has been read once. */
  get ready(): Promise<void> {
    return this.loaded;
  }

  /** The annotations placed on the current corpus (recomputed only when one of them changed). */
  index(): ReviewIndex {
    const snap = this.corpus.snapshot();
    if (this.memo?.snap !== snap || this.memo.version !== this.version) this.memo = { snap, version: this.version, index: resolveReviews(snap, this.combined()) };
    return this.memo.index;
  }

  /** Folders whose annotations file cannot be read, with why. */
  problems(): Array<{ store: AnnotationStore; problem: string }> {
    return this.stores.filter((s) => s.problem).map((s) => ({ store: s, problem: s.problem! }));
  }

  allStores(): readonly AnnotationStore[] {
    return this.stores;
  }

  async reviewContradiction(c: Contradiction, state: FlagState, note: string | undefined): Promise<Annotation> {
    const previous = this.index().ofContradiction(c)?.annotation;
    const a = reviewContradiction(this.corpus.snapshot(), c, state, note, this.stamp(), previous);
    await this.put(a);
    return a;
  }

  async reviewClaim(claimId: string, state: ClaimState, note: string | undefined): Promise<Annotation> {
    const previous = this.index().ofClaim(claimId)?.annotation;
    const a = reviewClaim(this.corpus.snapshot(), claimId, state, note, this.stamp(), previous);
    await this.put(a);
    return a;
  }

  async addNote(path: string, start: number, end: number, note: string): Promise<Annotation> {
    const doc = this.corpus.document(path);
    if (!doc) throw new Error(`${path} is not an article of the corpus`);
    const a = noteOn(path, doc.text, start, end, note, this.stamp());
    await this.put(a);
    return a;
  }

  async remove(id: string): Promise<void> {
    const found = this.index().all.find((r) => r.annotation.id === id);
    if (!found) return;
    await this.edit(this.storeOf(found.annotation.target[0].source), [{ type: "delete", id }]);
  }

  /** Every annotation as a W3C Web Annotation collection, sources as the articles' URIs. */
  exportWeb(): object {
    return toWebAnnotations(this.combined(), rootBase());
  }

  /** Adds Web Annotations (newer versions of ours replace them); returns what was done. */
  async importWeb(json: unknown): Promise<{ added: number; updated: number; unchanged: number; skipped: string[] }> {
    const got = fromWebAnnotations(json, {
      base: rootBase(),
      paths: this.corpus.paths(),
      newId: () => globalThis.crypto.randomUUID(),
      now: new Date().toISOString(),
    });
    const merge = mergeEdits(this.combined(), got.annotations);
    const byStore = new Map<AnnotationStore, AnnotationEdit[]>();
    for (const e of merge.edits) {
      if (e.type !== "put") continue;
      const store = this.storeOf(e.annotation.target[0].source);
      byStore.set(store, [...(byStore.get(store) ?? []), e]);
    }
    for (const [store, edits] of byStore) await this.edit(store, edits);
    return { added: merge.added, updated: merge.updated, unchanged: merge.unchanged, skipped: got.skipped };
  }

  private stamp() {
    const reviewer = vscode.workspace.getConfiguration("claimscope").get<unknown>("reviewer");
    return { id: globalThis.crypto.randomUUID(), now: new Date().toISOString(), ...(typeof reviewer === "string" && reviewer.trim() ? { creator: reviewer.trim().slice(0, 200) } : {}) };
  }

  private put(a: Annotation): Promise<void> {
    return this.edit(this.storeOf(a.target[0].source), [{ type: "put", annotation: a }]);
  }

  /** Writes edits to a folder's file, with corpus paths turned back into paths inside the folder. */
  private async edit(store: AnnotationStore, edits: AnnotationEdit[]): Promise<void> {
    const prefix = this.prefixOf(store);
    const local = edits.map((e): AnnotationEdit => (e.type === "delete" ? e : { type: "put", annotation: retarget(e.annotation, (s) => s.slice(prefix.length)) }));
    await store.update(local);
  }

  /** All folders' annotations with sources as corpus paths (prefixed by the folder's name in a multi-root workspace). */
  private combined(): AnnotationFile {
    return {
      schema: "claimscope/annotations@1",
      annotations: this.stores.flatMap((s) => {
        const prefix = this.prefixOf(s);
        return prefix ? s.file.annotations.map((a) => retarget(a, (src) => prefix + src)) : s.file.annotations;
      }),
    };
  }

  private prefixOf(store: AnnotationStore): string {
    return this.stores.length > 1 ? `${store.folder.name}/` : "";
  }

  private storeOf(path: string): AnnotationStore {
    const store = this.stores.length > 1 ? this.stores.find((s) => path.startsWith(this.prefixOf(s))) : this.stores[0];
    if (!store) throw new Error("open a folder to keep annotations");
    return store;
  }

  private openStores(): void {
    for (const s of this.stores) s.dispose();
    this.stores = (vscode.workspace.workspaceFolders ?? []).map((f) => new AnnotationStore(f));
    for (const s of this.stores) {
      s.onDidChange(() => {
        this.version++;
        this.changed.fire();
        if (s.problem) void reportUnreadable(s);
      });
    }
    this.loaded = Promise.all(this.stores.map((s) => s.load())).then(() => undefined);
    this.version++;
  }

  dispose(): void {
    for (const s of this.stores) s.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** The IRI corpus paths are relative to in exported annotations: the first workspace folder, ending in "/". */
function rootBase(): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? root.toString().replace(/\/?$/, "/") : "";
}

function retarget<T extends Annotation>(a: T, map: (source: string) => string): T {
  return { ...a, target: a.target.map((t) => ({ ...t, source: map(t.source) })) } as T;
}

async function reportUnreadable(store: AnnotationStore): Promise<void> {
  const pick = await vscode.window.showErrorMessage(
    `Claimscope: the annotations file of “${store.folder.name}” cannot be read (${store.problem}). It is left as it is; reviews are not saved until it is fixed or moved.`,
    "Open File",
  );
  if (pick) await vscode.window.showTextDocument(store.uri);
}
