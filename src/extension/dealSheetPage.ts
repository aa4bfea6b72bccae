// The deal sheet's page, built from the core's DealSheet: pure (no `vscode`), so its policy and escaping
// are tested without an editor.
import { shortSource, snippet, STATE_LABEL, type DealSheet, type SheetFlag, type SheetSlot, type SheetValue } from "../core";
import { escapeHtml } from "./escape";

export interface PageResources {
  /** The webview's source for our own files (`webview.cspSource`). */
  csp: string;
  nonce: string;
  style: string;
  script: string;
}

/** The policy: our stylesheet, our one script by its nonce, images and fonts from the extension; nothing else. */
export function pagePolicy(r: Pick<PageResources, "csp" | "nonce">): string {
  return `default-src 'none'; img-src ${r.csp}; style-src ${r.csp}; script-src 'nonce-${r.nonce}'; font-src ${r.csp}`;
}

const esc = escapeHtml;

export function dealSheetHtml(sheet: DealSheet | undefined, r: PageResources): string {
  const body = sheet ? sheetBody(sheet) : `<p class="empty">This deal is no longer in the corpus (the articles changed). Open another from the Claims view.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(r.style)}">
<title>Deal sheet</title>
</head>
<body>
${body}
<script nonce="${r.nonce}" src="${esc(r.script)}"></script>
</body>
</html>`;
}

function sheetBody(d: DealSheet): string {
  const changed = d.slots.filter((s) => s.flags.length);
  const steady = d.slots.filter((s) => !s.flags.length);
  return `<header>
<h1>${esc(d.label)}</h1>
<p class="summary">${d.slots.length} fact${d.slots.length === 1 ? "" : "s"} tracked · ${d.flagCount} flagged change${d.flagCount === 1 ? "" : "s"}${d.flagCount ? ` (${d.openCount} open)` : ""}</p>
</header>
${changed.map(slotHtml).join("\n")}
${d.arrangementFlags.length ? `<section class="slot changed"><h2>Arrangements</h2><ul class="flags">${d.arrangementFlags.map(flagHtml).join("")}</ul></section>` : ""}
${steady.length ? `<h2 class="steady-title">Unchanged</h2>\n${steady.map(slotHtml).join("\n")}` : ""}`;
}

function slotHtml(s: SheetSlot): string {
  const flagOf = new Map<string, SheetFlag[]>();
  for (const f of s.flags) flagOf.set(f.flag.later, [...(flagOf.get(f.flag.later) ?? []), f]);
  const chart = s.series
    ? `<div class="chart"><canvas role="img" aria-label="${esc(`${s.label} over time: ${s.series.points.map((p) => p.label).join(", ")}`)}" data-series="${esc(JSON.stringify(s.series))}"></canvas></div>`
    : "";
  return `<section class="slot${s.flags.length ? " changed" : ""}" data-slot="${esc(s.slot)}">
<h2>${esc(s.label)} <span class="current">${esc(s.current.text)}</span></h2>
${chart}
<table>
<thead><tr><th scope="col">#</th><th scope="col">Published</th><th scope="col">Source</th><th scope="col">Value</th><th scope="col">Statement</th><th scope="col">Flag</th></tr></thead>
<tbody>
${s.values.map((v) => rowHtml(v, flagOf.get(v.claim) ?? [])).join("\n")}
</tbody>
</table>
</section>`;
}

function rowHtml(v: SheetValue, flags: SheetFlag[]): string {
  const cls = ["row", v.modality, ...flags.map((f) => (f.status.state === "open" ? f.status.nature : f.status.state))].join(" ");
  return `<tr class="${cls}">
<td class="order">${v.order + 1}</td>
<td>${v.published ? `<time>${esc(v.published)}</time>` : `<span class="undated">undated</span>`}</td>
<td><a href="#" class="open" data-claim="${esc(v.claim)}" title="${esc(v.source)}">${esc(shortSource(v.source))}</a></td>
<td class="value">${esc(v.text)}${v.modality === "reported" ? "" : ` <span class="badge modality">${esc(v.modality)}</span>`}</td>
<td class="statement">${esc(snippet(v.statement, 220))}</td>
<td>${flags.length ? `<ul class="flags">${flags.map(flagHtml).join("")}</ul>` : ""}</td>
</tr>`;
}

function flagHtml(f: SheetFlag): string {
  const state = f.status.state;
  const look = state === "open" ? f.status.nature : state;
  const title = state === "open" ? (f.status.nature === "conflict" ? "Open: the sources disagree" : "Open: a later event changed the fact") : STATE_LABEL[state];
  return `<li class="flag ${esc(look)}">
<span class="badge nature ${esc(look)}" title="${esc(title)}">${esc(state === "open" ? f.status.nature : `${state} ✓`)}</span>
<span class="change">${esc(f.change)}</span>
<span class="sources">earlier <a href="#" class="open" data-claim="${esc(f.flag.earlier)}">${esc(shortSource(f.earlierSource))}</a>${f.flag.alsoEarlier?.length ? ` +${f.flag.alsoEarlier.length}` : ""}, later <a href="#" class="open" data-claim="${esc(f.flag.later)}">${esc(shortSource(f.laterSource))}</a></span>
${f.status.review?.annotation.note ? `<span class="note"><span class="label">Note:</span> ${esc(f.status.review.annotation.note)}</span>` : ""}
<button type="button" class="review-flag" data-earlier="${esc(f.flag.earlier)}" data-later="${esc(f.flag.later)}">${state === "open" ? "Review…" : "Change review"}</button>
</li>`;
}
