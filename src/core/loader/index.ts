export { CorpusLoader, LIST_PIECE, type AnalysisThreads, type LoaderOptions, type LoadOptions, type Loaded, type Change } from "./corpusLoader";
export { ChangeQueue } from "./changeQueue";
export { CONFIG_FILE, parseConfigFile } from "./config";
export { runSync, runSteps, all, attempt, progressText, SLICE_MS, type Step, type Steps, type Progress, type Driver } from "./steps";
export { SKIPPING, type ArticleSource, type Io, type Notice, type NoticeReason } from "./source";
