// The deal sheet's page script: draws each moving figure's chart and turns clicks into requests to the
// extension, which checks and carries them out. Loaded with the page's nonce; it adds no code or markup
// from data: chart labels are drawn on a canvas, values are read from data attributes.
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

interface Series { unit: string; points: Array<{ value: number; label: string; claim: string }> }

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();

const css = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

function axisText(unit: string, v: number): string {
  if (unit === "%") return `${Number(v.toFixed(2))}%`;
  if (unit === "count") return String(v);
  const abs = Math.abs(v);
  const [d, s] = abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e3 ? [1e3, "K"] : [1, ""];
  return `${unit === "USD" ? "$" : `${unit} `}${Number((v / d).toFixed(2))}${s}`;
}

function draw(canvas: HTMLCanvasElement): void {
  let series: Series;
  try { series = JSON.parse(canvas.dataset.series ?? "") as Series; } catch { return; }
  if (!Array.isArray(series.points) || !series.points.length) return;
  const line = css("--vscode-charts-blue", "#3794ff");
  const text = css("--vscode-descriptionForeground", "#888888");
  const grid = css("--vscode-widget-border", "rgba(128,128,128,0.25)");
  new Chart(canvas, {
    type: "line",
    data: {
      labels: series.points.map((p) => p.label),
      datasets: [{ data: series.points.map((p) => p.value), borderColor: line, backgroundColor: line, stepped: "before", pointRadius: 4, pointHoverRadius: 6 }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => axisText(series.unit, item.parsed.y ?? 0) } } },
      scales: {
        x: { ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { color: grid } },
        y: { ticks: { color: text, callback: (v) => axisText(series.unit, Number(v)) }, grid: { color: grid } },
      },
      onClick: (_event, elements) => {
        const claim = elements[0] ? series.points[elements[0].index]?.claim : undefined;
        if (claim) vscode.postMessage({ type: "open", claim });
      },
    },
  });
}

for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>("canvas[data-series]"))) draw(canvas);
document.body.dataset.charts = String(document.querySelectorAll("canvas[data-series]").length);

document.addEventListener("click", (event) => {
  const el = event.target instanceof Element ? event.target.closest("[data-claim], [data-earlier]") : null;
  if (!el || el instanceof HTMLCanvasElement) return;
  event.preventDefault();
  if (el.classList.contains("review-flag")) vscode.postMessage({ type: "reviewFlag", earlier: el.getAttribute("data-earlier"), later: el.getAttribute("data-later") });
  else if (el.classList.contains("open")) vscode.postMessage({ type: "open", claim: el.getAttribute("data-claim") });
});
