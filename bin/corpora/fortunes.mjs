// Debian fortunes to a dpcurate candidate pool, one JSON object a line: {"text": ..., "category": <file>}.
// Quotations are separated by "%" lines; whitespace is collapsed, and art, very short and very long entries are
// left out. The order is the files' order, so the same package gives the same pool.
//   node fortunes.mjs <fortunes dir>
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const SKIP = new Set(["art", "ascii-art", "translate-me"]);
const seen = new Set();
for (const file of readdirSync(dir).sort()) {
  const path = join(dir, file);
  if (file.includes(".") || SKIP.has(file) || !statSync(path).isFile()) continue;
  for (const entry of readFileSync(path, "utf8").split(/^%$/m)) {
    const text = entry.replace(/\s+/g, " ").trim();
    if (text.length < 20 || text.length > 400 || seen.has(text)) continue;
    seen.add(text);
    process.stdout.write(JSON.stringify({ text, category: file }) + "\n");
  }
}
