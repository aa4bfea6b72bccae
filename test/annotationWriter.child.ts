// A second process for the annotation writer's tests: `node --import tsx test/annotationWriter.child.ts MODE DIR PREFIX COUNT [PEERS]`.
//   sync / async  COUNT notes added one write at a time, with the CLI's writer or the editor's, once PEERS
//                 processes are ready (each leaves a file ready-PREFIX in DIR), so that processes started one
//                 after the other write at the same time
//   crash         one note, the process killed between writing the temporary file and renaming it
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { applyEdits, noteOn } from "../src/core";
import { ANNOTATION_LOCK, updateAnnotationFile, updateAnnotationFileSync } from "../src/node/annotationWriter";

const [mode, dir, prefix, count, peers] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const TEXT = "Quillon agreed to buy Maple Rock Labs for $4.2 billion.";
const note = (i: number) => noteOn("a.txt", TEXT, 0, 7, `${prefix} ${i}`, { id: randomUUID(), now: new Date().toISOString(), creator: prefix });

if (mode === "crash") {
  fs.renameSync = () => process.kill(process.pid, "SIGKILL") as never;
  updateAnnotationFileSync(dir, (f) => applyEdits(f, [{ type: "put", annotation: note(0) }]), ANNOTATION_LOCK);
} else {
  const n = Number(count);
  void (async () => {
    fs.writeFileSync(`${dir}/ready-${prefix}`, "");
    while (fs.readdirSync(dir).filter((f) => f.startsWith("ready-")).length < Number(peers ?? 1)) await new Promise((r) => setTimeout(r, 1));
    for (let i = 0; i < n; i++) {
      const edit = (f: Parameters<typeof applyEdits>[0]) => applyEdits(f, [{ type: "put", annotation: note(i) }]);
      const r = mode === "sync" ? updateAnnotationFileSync(dir, edit, ANNOTATION_LOCK) : await updateAnnotationFile(dir, edit, ANNOTATION_LOCK);
      if (!r.ok) throw new Error(r.error);
    }
  })();
}
