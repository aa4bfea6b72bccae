// One cold analysis in a fresh process, as the first one in bench/size.ts runs: node --import tsx bench/coldRun.ts DIR
// Prints its milliseconds and stages as JSON. (Run in the measuring process, a second analysis would share its heap
// with the first one's index and lookup and be slowed by their garbage collection.)
import { coldAnalysis } from "./coldAnalysis";

const { ms, stages } = coldAnalysis(process.argv[2]!);
process.stdout.write(JSON.stringify({ ms, stages }));
