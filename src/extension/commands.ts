import * as vscode from "vscode";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { knownIds, refused } from "./reviewCommands";
import type { ClaimsTree, Node } from "./claimsTree";
import { lookUpFact } from "./lookup";
import { openClaim, openRange, stepContradiction } from "./navigation";
import type { ShownFlags } from "./highlighting";

/** The palette commands, each validating what it is given. */
export function registerCommands(corpus: CorpusService, tree: ClaimsTree, view: vscode.TreeView<Node>, flags: ShownFlags, reviews: ReviewService): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg("claimscope.lookUpFact", (query?: unknown) => lookUpFact(corpus, query)),
    reg("claimscope.openClaim", (id: unknown) => (refused("claimscope.openClaim", id, knownIds(corpus, reviews)) ? false : openClaim(corpus, id))),
    reg("claimscope.openRange", (path: unknown, start: unknown, end: unknown) => openRange(corpus, path, start, end)),
    reg("claimscope.nextContradiction", () => stepContradiction(corpus, flags, 1)),
    reg("claimscope.previousContradiction", () => stepContradiction(corpus, flags, -1)),
    reg("claimscope.groupByDeal", () => tree.setGrouping("deal")),
    reg("claimscope.groupByTopic", () => tree.setGrouping("topic")),
    reg("claimscope.groupByDocument", () => tree.setGrouping("document")),
    reg("claimscope.groupByOrganization", () => tree.setGrouping("organization")),
    reg("claimscope.reanalyze", () => corpus.reindex()),
    reg("claimscope.openSettings", () => vscode.commands.executeCommand("workbench.action.openSettings", "claimscope")),
    reg("claimscope.clearFilter", () => tree.setFilter("")),
    reg("claimscope.filter", async (text?: unknown) => {
      const value = typeof text === "string" ? text : await vscode.window.showInputBox({ title: "Filter claims", prompt: "Words every shown claim contains (text, topic, file, company; “contradicted” for flagged ones)", value: tree.filter });
      if (value !== undefined) tree.setFilter(value.slice(0, 500));
    }),
    reg("claimscope.showTopic", async (topicId?: unknown) => {
      await corpus.ready;
      const snap = corpus.snapshot();
      let id = typeof topicId === "string" && snap.topicById.has(topicId) ? topicId : undefined;
      if (!id) {
        const flagged = new Set(snap.contradictions.map((c) => c.topic));
        const pick = await vscode.window.showQuickPick(
          snap.topics.map((t) => ({ label: `${flagged.has(t.id) ? "$(warning) " : ""}${t.label}`, description: `${t.claims.length} claims`, id: t.id })),
          { title: "Claimscope: Show Topic", matchOnDescription: true },
        );
        id = pick?.id;
      }
      if (!id) return;
      tree.setGrouping("topic");
      const topic = snap.topicById.get(id)!;
      const node = tree.nodeOf(topic.claims[0]!);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      await openClaim(corpus, topic.claims[0]);
    }),
  ];
}
