// The workbench driven like a person: open an article, see its highlighting, the claims tree with a
// flagged claim, a hover card, the palette's fact lookup, the Problems panel, reviewing a flag and the
// topic timeline; a screenshot of each.
import { join } from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";

export async function uiTest(browser, url, shots) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(30000);
  const results = [];
  const screenshots = [];
  const shot = async (name) => { await page.screenshot({ path: join(shots, name) }); screenshots.push(name); };
  const step = async (name, fn) => {
    const t = Date.now();
    try { await fn(); results.push(true); console.log(`ui: PASS ${name} (${Date.now() - t} ms)`); }
    catch (e) {
      results.push(false);
      console.log(`ui: FAIL ${name}: ${String(e.message).split("\n")[0]}`);
      await page.screenshot({ path: join(shots, `fail-${name.replace(/\W+/g, "-")}.png`) }).catch(() => {});
    }
  };
  const palette = async (text) => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor();
    await input.fill(text);
    return input;
  };

  await step("workbench loads and the extension indexes the corpus", async () => {
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor();
    await page.locator(".statusbar-item", { hasText: "6 articles" }).waitFor({ timeout: 60000 });
  });

  await step("an article opens with facts highlighted", async () => {
    const input = await palette("01-halvorsen");
    await input.press("Home");
    await input.fill("01-halvorsen-agrees");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "01-halvorsen-agrees-to-buy-northwind.md" }).first().waitFor();
    await page.keyboard.press("Enter");
    const line = page.locator(".monaco-editor .view-line", { hasText: "already owns a 12% stake" });
    await line.waitFor();
    // Semantic highlighting gives the stake its own coloured token.
    const stake = line.locator("span span", { hasText: /^12%$/ });
    await stake.waitFor({ timeout: 20000 });
    const [stakeColor, plainColor] = await Promise.all([
      stake.evaluate((el) => getComputedStyle(el).color),
      line.locator("span span", { hasText: /already\s+owns/ }).first().evaluate((el) => getComputedStyle(el).color),
    ]);
    if (stakeColor === plainColor) throw new Error(`stake not highlighted (${stakeColor})`);
    await shot("article.png");
  });

  await step("the claims tree shows topics with a flagged claim", async () => {
    await page.locator(".activitybar .action-item a[aria-label^='Claimscope'], .activitybar .action-item[aria-label^='Claimscope']").first().click();
    await page.locator(".monaco-list-row", { hasText: "Exclusive license · Lumen, Northwind" }).first().waitFor();
    await page.locator(".monaco-list-row", { hasText: "Northwind keeps its exclusive license" }).locator(".codicon-warning").first().waitFor();
    await page.waitForTimeout(500);
    await shot("claims-tree.png");
  });

  await step("a hover card on a stake shows its value, topic and the contradicting source", async () => {
    const stake = page.locator(".monaco-editor .view-line", { hasText: "already owns a 12% stake" }).locator("span span", { hasText: /^12%$/ });
    const box = await stake.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator(".monaco-hover", { hasText: "Ownership stake" });
    await hover.waitFor({ timeout: 15000 });
    const text = await hover.innerText();
    if (!/Stake · Halvorsen, Northwind/.test(text) || !/04-lumen-ends-exclusive-license/.test(text)) throw new Error(`hover: ${text}`);
    await page.waitForTimeout(300);
    await shot("hover.png");
  });

  await step("the palette's fact lookup finds a figure and opens it", async () => {
    await page.mouse.move(5, 450);
    const input = await palette(">Claimscope: Look Up Fact");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Claimscope: Look Up Fact" }).first().waitFor();
    await input.press("Enter");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Look Up Fact" }).waitFor();
    await page.locator(".quick-input-widget input").fill("halvorsen 7.4");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "$7.4 billion" }).first().waitFor();
    await page.waitForTimeout(300);
    await shot("fact-lookup.png");
    await page.keyboard.press("Enter");
    await page.locator(".tabs-container .tab.active", { hasText: /03-brussels|06-six/ }).waitFor();
  });

  await step("Problems lists the contradicted statements", async () => {
    await page.keyboard.press("Escape");
    await palette(">View: Focus Problems");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Focus Problems" }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".markers-panel .monaco-list-row", { hasText: "Contradicted by a later article" }).first().waitFor();
    await page.waitForTimeout(300);
    await shot("problems.png");
  });

  await step("a flag is reviewed from the editor: Review Flag, a state and a note", async () => {
    await page.keyboard.press("Escape");
    const input = await palette("01-halvorsen-agrees");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "01-halvorsen-agrees-to-buy-northwind.md" }).first().waitFor();
    await input.press("Enter");
    const line = page.locator(".monaco-editor .view-line", { hasText: "already owns a 12% stake" });
    await line.waitFor();
    await line.locator("span span", { hasText: /^12%$/ }).click();
    await page.keyboard.press("Control+Alt+r");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Review the flag" }).waitFor();
    await page.locator(".quick-input-widget input").fill("Dismissed");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Dismissed" }).first().waitFor();
    await page.waitForTimeout(300);
    await shot("review.png");
    await page.keyboard.press("Enter");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Note (optional)" }).waitFor();
    await page.locator(".quick-input-widget input").fill("Same stake, counted before the April share issue");
    await page.keyboard.press("Enter");
    await page.locator(".statusbar-item", { hasText: "10 open of 11" }).waitFor({ timeout: 15000 });
  });

  await step("the topic timeline shows a topic's statements in corpus order with their reviews", async () => {
    const input = await palette(">Claimscope: Show Topic Timeline");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Show Topic Timeline" }).first().waitFor();
    await input.press("Enter");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Topic Timeline" }).waitFor();
    await page.locator(".quick-input-widget input").fill("Stake Halvorsen");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Stake · Halvorsen" }).first().waitFor();
    await page.keyboard.press("Enter");
    const frame = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
    await frame.locator("h1", { hasText: "Stake · Halvorsen, Northwind" }).waitFor({ timeout: 20000 });
    await frame.locator(".badge.review.dismissed").first().waitFor();
    await page.waitForTimeout(500);
    await shot("timeline.png");
  });

  await step("a workspace without articles shows the welcome view", async () => {
    const empty = join(shots, "..", "ws-empty");
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, "README.md"), "# Not an article\n");
    await page.goto(url.replace(/folder=[^&]*/, `folder=${encodeURIComponent(empty)}`));
    await page.locator(".monaco-workbench").waitFor();
    await page.locator(".activitybar .action-item a[aria-label^='Claimscope'], .activitybar .action-item[aria-label^='Claimscope']").first().click();
    await page.locator(".welcome-view-content", { hasText: "No articles found in this workspace" }).waitFor();
    await shot("welcome.png");
  });

  await page.context().close();
  const passed = results.filter(Boolean).length;
  console.log(`ui: ${passed} passing, ${results.length - passed} failing`);
  return { passed, failed: results.length - passed, screenshots };
}
