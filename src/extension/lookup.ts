import * as vscode from "vscode";
import { type LookupEntry } from "../core";
import type { CorpusService } from "./corpusService";
import { snippet } from "./escape";
import { openAt } from "./navigation";

const ICONS: Record<string, string> = { money: "$(symbol-number)", stake: "$(pie-chart)", percent: "$(percentage)", date: "$(calendar)", duration: "$(watch)", term: "$(symbol-key)", org: "$(organization)", claim: "$(quote)" };

export function lookupItems(corpus: CorpusService, query: string): Array<vscode.QuickPickItem & { entry: LookupEntry }> {
  return corpus.lookup().search(query, 60).map((entry) => ({
    entry,
    label: `${ICONS[entry.kind] ?? ""} ${snippet(entry.label, 80)}`,
    description: `${entry.kind} · ${entry.value}`,
    detail: `${entry.path}${entry.published ? ` · ${entry.published}` : ""} — ${snippet(entry.context, 140)}`,
    alwaysShow: true,
  }));
}

/** Claimscope: Look Up Fact… — fuzzy search over every fact and claim; picking one opens it. */
export async function lookUpFact(corpus: CorpusService, initial?: unknown): Promise<void> {
  await corpus.ready;
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { entry: LookupEntry }>();
  pick.title = "Claimscope: Look Up Fact";
  pick.placeholder = "amounts, stakes, dates, terms, companies, claims — e.g. “amazon 50”, “stake”, “exclusive”";
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = () => { pick.items = lookupItems(corpus, pick.value); };
  pick.onDidChangeValue(update);
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (!chosen) return;
    const uri = corpus.uriFor(chosen.entry.path);
    const a = corpus.document(chosen.entry.path);
    if (uri && a) await openAt(uri, a, chosen.entry.start, chosen.entry.end);
  });
  pick.onDidHide(() => pick.dispose());
  pick.value = typeof initial === "string" ? initial : "";
  update();
  pick.show();
}
