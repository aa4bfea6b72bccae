import * as vscode from "vscode";

const lineStarts = new WeakMap<object, number[]>();

/** Position of an offset in an analysed text (which may belong to a file that is not open). */
export function positionIn(owner: { text: string }, offset: number): vscode.Position {
  let starts = lineStarts.get(owner);
  if (!starts) {
    starts = [0];
    for (let i = owner.text.indexOf("\n"); i !== -1; i = owner.text.indexOf("\n", i + 1)) starts.push(i + 1);
    lineStarts.set(owner, starts);
  }
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - starts[lo]!);
}

export function rangeIn(owner: { text: string }, start: number, end: number): vscode.Range {
  return new vscode.Range(positionIn(owner, start), positionIn(owner, end));
}
