// The timeline page: clicks become messages to the extension, which checks and carries them out.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener("click", (event) => {
    const el = event.target instanceof Element ? event.target.closest("[data-claim], [data-earlier]") : null;
    if (!el) return;
    event.preventDefault();
    if (el.classList.contains("review-flag")) vscode.postMessage({ type: "reviewFlag", earlier: el.getAttribute("data-earlier"), later: el.getAttribute("data-later") });
    else if (el.classList.contains("review-claim")) vscode.postMessage({ type: "reviewClaim", claim: el.getAttribute("data-claim") });
    else if (el.classList.contains("open")) vscode.postMessage({ type: "open", claim: el.getAttribute("data-claim") });
  });
})();
