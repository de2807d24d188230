import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { readFileSync } from "node:fs";
for (const c of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  const t = cedar.schemaToText(c.schema);
  console.log(c.label, JSON.stringify(t));
  if (t.type === "success") { const r = cedar.validate({schema: t.text, policies: {staticPolicies: c.policies ?? ""}}); console.log(JSON.stringify(r.type === "success" ? r.validationErrors : r.errors)); }
}
