import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { readFileSync } from "node:fs";
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const c of cases) {
  const r = cedar.validate({ schema: c.schema, policies: { staticPolicies: c.policies ?? "permit(principal,action,resource);" }, validationSettings: { mode: "strict" } });
  const out = r.type === "success" ? { errors: r.validationErrors.map(e => e.error.message), warnings: r.validationWarnings.map(e => e.error.message) } : { failure: r.errors.map(e => e.message) };
  const t = typeof c.schema === "string" ? null : cedar.schemaToText(c.schema);
  console.log(c.label ?? "", JSON.stringify(out), t && t.type === "success" ? "\n" + t.text : t ? JSON.stringify(t.errors.map(e=>e.message)) : "");
}
