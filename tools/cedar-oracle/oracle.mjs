#!/usr/bin/env node
// Reference Cedar decisions from @cedar-policy/cedar-wasm (Cedar 4.13), for Dome's differential
// tests. One process answers a whole batch.
//
//   node oracle.mjs authorize [FILE]   batch of cases -> decisions        (stdin when no FILE)
//   node oracle.mjs to-json   [FILE]   policy / template texts -> JSON policy format (EST)
//   node oracle.mjs validate  [FILE]   strict validation of policies against schemas
//   node oracle.mjs version            the Cedar versions cedar-wasm reports
//
// authorize input:
//   { "cases": [ { "name": "...",
//                  "policies": { "staticPolicies": <text, or { id: text|EST }>, "templates": { id: text|EST },
//                                "templateLinks": [ { templateId, newId, values: { "?principal": uid } } ] },
//                  "entities": [ ...entity JSON... ],
//                  "schema": <optional schema, text or JSON>,
//                  "requests": [ { "principal": {"type","id"}, "action": ..., "resource": ..., "context": {...} } ] } ] }
// authorize output:
//   { "cases": [ { "name": "...", "parseErrors": [ "..." ]?,
//                  "responses": [ { "decision": "allow"|"deny", "reason": [ids], "errors": [ids] }
//                                 | { "failure": [ "message", ... ] } ] } ] }
//   reason and errors are sorted policy ids. A case whose policies do not parse has parseErrors
//   and no responses.
//
// to-json input:  { "policies": { "<id>": "<policy text>" }, "templates": { "<id>": "<template text>" } }
// to-json output: { "policies": { "<id>": <EST> }, "templates": { "<id>": <EST> }, "errors": { "<id>": [ "..." ] } }
//
// validate input:
//   { "cases": [ { "name": "...", "policies": "<static policies text>", "templates": { "<id>": "<template text>" }?,
//                  "schemas": [ <schema: cedar text, or a JSON-format schema object>, ... ] } ] }
// validate output:
//   { "cases": [ { "name": "...",
//                  "results": [ { "failure": [ "..." ] }        (schema or policies do not parse)
//                             | { "errors": [ { "policyId", "message" } ], "warnings": [ { "policyId", "message" } ] } ],
//                  "text": "<cedar text of schemas[0]>"? } ] }
//   one result per schema, in order; "text" is cedar-wasm's schemaToText of the first schema when it is JSON
//   (so the caller can check its own parser on the reference's printing).
//
// Integers beyond 2^53 stay exact end to end (see bigjson.mjs).

import { readFileSync } from "node:fs";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { parse, stringify, withExactJson } from "./bigjson.mjs";

const messages = (errors) => (errors ?? []).map((e) => (typeof e === "string" ? e : e.message));

function readInput(file) {
  const text = readFileSync(file ?? 0, "utf8");
  return parse(text);
}

function authorizeCase(testCase) {
  const name = testCase.name ?? "";
  const parsed = cedar.preparsePolicySet("oracle-case", testCase.policies);
  if (parsed.type !== "success") {
    return { name, parseErrors: messages(parsed.errors) };
  }
  const hasSchema = testCase.schema !== undefined && testCase.schema !== null;
  if (hasSchema) {
    const schema = cedar.preparseSchema("oracle-schema", testCase.schema);
    if (schema.type !== "success") {
      return { name, parseErrors: messages(schema.errors).map((m) => `schema: ${m}`) };
    }
  }
  const responses = [];
  for (const request of testCase.requests ?? []) {
    const call = {
      principal: request.principal,
      action: request.action,
      resource: request.resource,
      context: request.context ?? {},
      entities: testCase.entities ?? [],
      preparsedPolicySetId: "oracle-case",
      validateRequest: hasSchema && request.validateRequest !== false,
    };
    if (hasSchema) call.preparsedSchemaName = "oracle-schema";
    const answer = cedar.statefulIsAuthorized(call);
    if (answer.type !== "success") {
      responses.push({ failure: messages(answer.errors) });
      continue;
    }
    const { decision, diagnostics } = answer.response;
    responses.push({
      decision,
      reason: [...diagnostics.reason].sort(),
      errors: [...new Set(diagnostics.errors.map((e) => e.policyId))].sort(),
    });
  }
  return { name, responses };
}

function authorize(input) {
  const cases = withExactJson(() =>
    (input.cases ?? []).map((testCase) => {
      try {
        return authorizeCase(testCase);
      } catch (error) {
        return { name: testCase.name ?? "", parseErrors: [`oracle: ${error.message}`] };
      }
    }),
  );
  return { cases };
}

function toJson(input) {
  const policies = {};
  const templates = {};
  const errors = {};
  withExactJson(() => {
    for (const [id, text] of Object.entries(input.policies ?? {})) {
      const answer = cedar.policyToJson(text);
      if (answer.type === "success") policies[id] = answer.json;
      else errors[id] = messages(answer.errors);
    }
    for (const [id, text] of Object.entries(input.templates ?? {})) {
      const answer = cedar.templateToJson(text);
      if (answer.type === "success") templates[id] = answer.json;
      else errors[id] = messages(answer.errors);
    }
  });
  return { policies, templates, errors };
}

const diagnostics = (list) => (list ?? []).map((d) => ({ policyId: d.policyId, message: d.error.message }));

function validateCase(testCase) {
  const name = testCase.name ?? "";
  const results = (testCase.schemas ?? []).map((schema) => {
    const answer = cedar.validate({
      schema,
      policies: { staticPolicies: testCase.policies, templates: testCase.templates ?? {} },
      validationSettings: { mode: "strict" },
    });
    if (answer.type !== "success") return { failure: messages(answer.errors) };
    return { errors: diagnostics(answer.validationErrors), warnings: diagnostics(answer.validationWarnings) };
  });
  const out = { name, results };
  const first = (testCase.schemas ?? [])[0];
  if (first !== undefined && typeof first !== "string") {
    const text = cedar.schemaToText(first);
    if (text.type === "success") out.text = text.text;
  }
  return out;
}

function validate(input) {
  const cases = withExactJson(() =>
    (input.cases ?? []).map((testCase) => {
      try {
        return validateCase(testCase);
      } catch (error) {
        return { name: testCase.name ?? "", results: [{ failure: [`oracle: ${error.message}`] }] };
      }
    }),
  );
  return { cases };
}

function main(argv) {
  const [mode, file] = argv;
  switch (mode) {
    case "authorize":
      return authorize(readInput(file));
    case "to-json":
      return toJson(readInput(file));
    case "validate":
      return validate(readInput(file));
    case "version":
      return {
        cedar: cedar.getCedarVersion(),
        sdk: cedar.getCedarSDKVersion(),
        lang: cedar.getCedarLangVersion(),
      };
    default:
      process.stderr.write("usage: node oracle.mjs authorize|to-json|validate|version [FILE]\n");
      process.exit(64);
  }
}

try {
  process.stdout.write(stringify(main(process.argv.slice(2))) + "\n");
} catch (error) {
  process.stderr.write(`cedar-oracle: ${error.message}\n`);
  process.exit(1);
}
