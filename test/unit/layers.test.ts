import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

test("layers: src/core imports neither vscode nor Node's file system, paths or process", () => {
  const core = join(__dirname, "..", "..", "src", "core");
  for (const f of files(core)) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)/g)) {
      const mod = m[1] ?? m[2]!;
      assert.ok(!/^(vscode|fs|path|child_process|os|node:)/.test(mod), `${f} imports ${mod}`);
    }
    assert.ok(!/\bprocess\./.test(src), `${f} uses process`);
  }
});

test("layers: src/node (shared by the CLI and the extension) imports neither vscode nor either of them", () => {
  for (const f of files(join(__dirname, "..", "..", "src", "node"))) {
    for (const m of readFileSync(f, "utf8").matchAll(/from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)/g)) {
      const mod = m[1] ?? m[2]!;
      assert.ok(!/^vscode$|\/(cli|extension)\//.test(mod), `${f} imports ${mod}`);
    }
  }
});
