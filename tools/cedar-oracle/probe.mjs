import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { readFileSync } from "node:fs";
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const c of cases) {
  const r = cedar.validate({ schema: c.schema, policies: { staticPolicies: c.policies ?? "permit(principal,action,resource);" }, validationSettings: { mode: "strict" } });
  const f = (l) => l.map(e => e.policyId + ": " + e.error.message);
  console.log(c.label ?? "", JSON.stringify(r.type === "success" ? { errors: f(r.validationErrors), warnings: f(r.validationWarnings) } : { failure: r.errors.map(e => e.message) }, null, 1));
}
