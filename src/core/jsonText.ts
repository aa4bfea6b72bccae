/**
 * `JSON.stringify(value, null, pretty ? 2 : undefined) + "\n"`, character for character, in pieces: where `shape`
 * holds one of `lists`' marker strings, that list is written item by item instead. A large corpus's report is
 * hundreds of megabytes of text, written as it is made rather than held whole with the objects it is made from.
 * Markers must appear in `shape` in the order `lists` gives them, and nowhere else.
 */
export function* jsonText(shape: unknown, lists: Array<[marker: string, items: () => Iterable<unknown>]>, pretty: boolean): Generator<string> {
  const text = JSON.stringify(shape, null, pretty ? 2 : undefined);
  let at = 0;
  for (const [marker, items] of lists) {
    const found = text.indexOf(JSON.stringify(marker), at);
    if (found < 0) throw new Error(`jsonText: ${JSON.stringify(marker)} is not in the shape after offset ${at}`);
    yield text.slice(at, found);
    at = found + JSON.stringify(marker).length;
    // Pretty, an item sits one level deeper than the line that holds the list.
    const line = text.lastIndexOf("\n", found) + 1;
    const indent = pretty ? text.slice(line, line + text.slice(line).search(/\S|$/)) : "";
    const open = pretty ? `\n${indent}  ` : "";
    let first = true;
    for (const item of items()) {
      const json = JSON.stringify(item, null, pretty ? 2 : undefined);
      yield `${first ? "[" : ","}${open}${pretty ? json.replace(/\n/g, open) : json}`;
      first = false;
    }
    yield first ? "[]" : pretty ? `\n${indent}]` : "]";
  }
  yield `${text.slice(at)}\n`;
}
