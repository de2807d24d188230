// Parses Bicep files with tree-sitter-bicep's WebAssembly grammar (no native build, no network) and prints one JSON
// object on stdout: { files: [{ file, nodes, problems: [{ kind, line, column, text }] }] }. Lines and columns are
// 1-based. An ERROR node is text the grammar could not place; a MISSING node is a token the parser had to invent.
// Exit code 0 when every file parsed without problems, 1 when some did, 2 on a usage or load failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Parser, Language } = require('web-tree-sitter');

async function main(files) {
  if (files.length === 0) {
    process.stderr.write('usage: node parse.cjs <file.bicep>...\n');
    return 2;
  }
  await Parser.init();
  const wasm = path.join(path.dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm');
  const bicep = await Language.load(fs.readFileSync(wasm));
  const parser = new Parser();
  parser.setLanguage(bicep);
  const results = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const tree = parser.parse(text);
    const problems = [];
    let nodes = 0;
    const cursor = tree.walk();
    for (let more = true; more;) {
      const node = cursor.currentNode;
      nodes++;
      if (node.isError || node.isMissing) {
        problems.push({
          kind: node.isMissing ? 'MISSING' : 'ERROR',
          line: node.startPosition.row + 1,
          column: node.startPosition.column + 1,
          text: node.isMissing ? node.type : text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 60)),
        });
      }
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) {
        continue;
      }
      more = false;
      while (cursor.gotoParent()) {
        if (cursor.gotoNextSibling()) {
          more = true;
          break;
        }
      }
    }
    tree.delete();
    return { file, nodes, problems };
  });
  process.stdout.write(JSON.stringify({ files: results }) + '\n');
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`bicep-parse: ${error && error.message ? error.message : error}\n`); process.exitCode = 2; });
