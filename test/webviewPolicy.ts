import { parse, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** A Content-Security-Policy, directive by directive (names lower-cased, sources as written). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // A repeated directive is ignored by browsers: the first one counts.
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

export interface PageRules {
  /** The webview's own source (`webview.cspSource`, one or more sources): the only hosts a directive may name. */
  cspSource: string;
  /** Where the page's own script and stylesheet live; anything else it loads is remote. */
  resourceRoot: string;
}

const KEYWORDS = new Set(["'none'", "'self'"]);
const FETCH_DIRECTIVES = ["default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "media-src", "frame-src", "object-src", "worker-src", "child-src", "manifest-src", "form-action"];

function elements(node: Node, out: Element[] = []): Element[] {
  if ("tagName" in node) out.push(node);
  const kids = "childNodes" in node ? node.childNodes : [];
  for (const k of kids) elements(k, out);
  if ("content" in node && node.content) elements(node.content as unknown as Node, out);
  return out;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function text(el: Element): string {
  return el.childNodes.map((c) => ("value" in c && c.nodeName === "#text" ? c.value : "tagName" in c ? text(c) : "")).join("");
}

/**
 * What is wrong with a webview page's policy and markup, parsed as a browser would: one policy, in
 * `<meta>`, that loads nothing by default, names no host but the webview's own, allows no inline
 * or evaluated code; scripts only from files under the resource root, each with the policy's nonce;
 * no event-handler attribute, no `javascript:` URL, no inline style. Empty when the page is sound.
 */
export function pageProblems(html: string, rules: PageRules): string[] {
  const problems: string[] = [];
  // VS Code's own source is several sources in some hosts (code-server's is "'self' https://*.vscode-cdn.net").
  const own = new Set(rules.cspSource.split(/\s+/).filter(Boolean));
  const all = elements(parse(html) as unknown as Node);
  const metas = all.filter((e) => e.tagName === "meta" && attr(e, "http-equiv")?.toLowerCase() === "content-security-policy");
  if (metas.length !== 1) problems.push(`${metas.length} Content-Security-Policy <meta> elements (one expected)`);
  const csp = parseCsp(metas[0] ? attr(metas[0], "content") ?? "" : "");
  if ((csp.get("default-src") ?? []).join(" ") !== "'none'") problems.push(`default-src is "${(csp.get("default-src") ?? []).join(" ")}", not 'none'`);
  let nonces: string[] = [];
  for (const [name, sources] of csp) {
    for (const s of sources) {
      const lower = s.toLowerCase();
      if (lower.startsWith("'nonce-")) {
        if (name === "script-src" || name === "style-src") { if (name === "script-src") nonces.push(s.slice(7, -1)); }
        else problems.push(`${name}: a nonce outside script-src/style-src (${s})`);
      } else if (lower.startsWith("'unsafe-") || lower === "'strict-dynamic'" || lower.startsWith("'sha")) problems.push(`${name}: ${s} is allowed`);
      else if (!KEYWORDS.has(lower) && !own.has(s)) problems.push(`${name}: remote or unknown source ${s}`);
    }
    if (!FETCH_DIRECTIVES.includes(name)) problems.push(`unknown directive ${name}`);
  }
  nonces = [...new Set(nonces)];
  if (nonces.length !== 1) problems.push(`script-src has ${nonces.length} nonces (one expected)`);
  else if (nonces[0]!.length < 16) problems.push(`the nonce "${nonces[0]}" is too short to be unguessable`);
  if ((csp.get("script-src") ?? []).some((s) => own.has(s) || s.toLowerCase() === "'self'")) problems.push("script-src allows every file of the webview's source, not only the script with the nonce");
  for (const el of all) {
    for (const a of el.attrs) {
      if (a.name.startsWith("on")) problems.push(`<${el.tagName} ${a.name}=…>: an event-handler attribute`);
      if (a.name === "style") problems.push(`<${el.tagName} style=…>: inline style`);
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(a.name) && /^\s*(?:javascript|vbscript|data):/i.test(a.value)) problems.push(`<${el.tagName} ${a.name}="${a.value.slice(0, 40)}">: a script URL`);
      if (["href", "src"].includes(a.name) && el.tagName !== "a" && !a.value.startsWith(rules.resourceRoot)) problems.push(`<${el.tagName} ${a.name}="${a.value.slice(0, 60)}">: loaded from outside ${rules.resourceRoot}`);
      if (a.name === "href" && el.tagName === "a" && a.value !== "#") problems.push(`<a href="${a.value.slice(0, 60)}">: a link that leaves the page`);
    }
    if (el.tagName === "script") {
      const src = attr(el, "src");
      if (!src) problems.push(`an inline <script> (${text(el).trim().slice(0, 40)})`);
      else if (text(el).trim()) problems.push(`a <script src> with inline text`);
      if (attr(el, "nonce") !== nonces[0]) problems.push(`a <script> whose nonce (${attr(el, "nonce")}) is not the policy's (${nonces[0]})`);
    }
    if (["style", "iframe", "object", "embed", "base", "form", "frame"].includes(el.tagName)) problems.push(`a <${el.tagName}> element`);
    if (el.tagName === "meta" && attr(el, "http-equiv")?.toLowerCase() === "refresh") problems.push("a <meta http-equiv=refresh>");
  }
  return problems;
}

/** The page's visible text (scripts' and styles' excluded), as a browser would show it. */
export function pageText(html: string): string {
  const body = elements(parse(html) as unknown as Node).find((e) => e.tagName === "body");
  return body ? text(body) : "";
}

/** Every element of a page, by tag name, for assertions on what markup it has. */
export function pageElements(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  return elements(parse(html) as unknown as Node).map((e) => ({ tag: e.tagName, attrs: Object.fromEntries(e.attrs.map((a) => [a.name, a.value])) }));
}
