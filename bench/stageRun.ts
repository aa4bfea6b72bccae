// One cold analysis in a fresh process, with the contract's compact JSON made and dropped as the CLI writes it:
// node --import tsx bench/stageRun.ts DIR — prints each stage's milliseconds, the flags and the output's size.
import { contractJsonText } from "../src/core";
import { coldAnalysis } from "./coldAnalysis";

const { snap, ms, stages } = coldAnalysis(process.argv[2]!);
const t = performance.now();
let bytes = 0;
for (const piece of contractJsonText(snap, undefined, [], false)) bytes += Buffer.byteLength(piece);
const output = performance.now() - t;
process.stdout.write(JSON.stringify({ ms: ms + output, stages: { ...stages, output }, articles: snap.documents.length, flags: snap.contradictions.length, outputMb: bytes / 1048576 }));
