// Brown corpus (Form C, POS-tagged) to dpcurate private messages, one JSON object a line:
//   {"text": ..., "label": <genre group>, "language": "en", "split": "train"|"test", "source": "<file>"}
// Tags are stripped and tokens rejoined as running text; consecutive sentences form a passage. Every fifth file of
// a genre is held out ("test"), so no passage of a held-out document is on any device.
//   node brown.mjs <package dir> <passages per file> <sentences per passage>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, perFile, perPassage] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
// The 15 genres in four coarse groups: 15 labels would leave a few dozen passages for some.
const GROUP = { a: "press", b: "press", c: "press", d: "nonfiction", e: "nonfiction", f: "nonfiction",
  g: "nonfiction", h: "learned", j: "learned", k: "fiction", l: "fiction", m: "fiction", n: "fiction",
  p: "fiction", r: "fiction" };

function sentenceText(line) {
  const words = [];
  let attach = false;
  for (const token of line.trim().split(/\s+/)) {
    const slash = token.lastIndexOf("/");
    const word = slash > 0 ? token.slice(0, slash) : token;
    if (word === "``") { words.push('"'); attach = true; continue; }
    if (word === "''") { if (words.length) words[words.length - 1] += '"'; else words.push('"'); continue; }
    if (attach && words.length) { words[words.length - 1] += word; attach = false; continue; }
    if (word === "." && words.length && words[words.length - 1].endsWith(".")) continue;
    if (/^[,.;:?!)\]]+$/.test(word) && words.length) { words[words.length - 1] += word; continue; }
    words.push(word);
  }
  return words.join(" ").replace(/([(\[]) /g, "$1");
}

const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
const seen = {};
for (const file of files) {
  const genre = file[1];
  seen[genre] = (seen[genre] ?? 0) + 1;
  const split = seen[genre] % 5 === 0 ? "test" : "train";
  const sentences = readFileSync(join(dir, file), "utf8").split("\n")
    .filter((l) => l.trim().length > 0).map(sentenceText).filter((s) => s.split(" ").length >= 4);
  const passages = Math.min(perFile, Math.floor(sentences.length / perPassage));
  // Passages spread over the whole document rather than its first paragraphs.
  const stride = Math.floor(sentences.length / Math.max(passages, 1));
  for (let p = 0; p < passages; p++) {
    const text = sentences.slice(p * stride, p * stride + perPassage).join(" ");
    process.stdout.write(JSON.stringify({ text, label: GROUP[genre], language: "en", split, source: file }) + "\n");
  }
}
