#!/usr/bin/env node
// cedar-wasm's side of Dome's Cedar benchmarks (see bench/run-cedar-bench).
//
//   node bench.mjs single FILE [SAMPLES]  time statefulIsAuthorized on the file's first request
//                                         (policy set preparsed once; entities passed per call, as
//                                         the API requires); prints JSON with the median in µs
//   node bench.mjs batch FILE             decide every request of the file and print a JSON array of
//                                         {decision, reasons, errors}, as `dome cedar authorize --requests` does
//
// FILE is a scenario written by `Dome.Cedar.Bench export`:
//   { "policies": "<text>", "entities": [...], "requests": [ { principal, action, resource, context } ] }

import { readFileSync } from "node:fs";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";

const [mode, file, samplesArg] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(file, "utf8"));
const prepared = cedar.preparsePolicySet("bench", { staticPolicies: scenario.policies });
if (prepared.type !== "success") {
  process.stderr.write(`bench: policies do not parse: ${JSON.stringify(prepared.errors)}\n`);
  process.exit(1);
}

const call = (request) => ({
  principal: request.principal,
  action: request.action,
  resource: request.resource,
  context: request.context,
  entities: scenario.entities,
  preparsedPolicySetId: "bench",
});

const answer = (request) => {
  const result = cedar.statefulIsAuthorized(call(request));
  if (result.type !== "success") throw new Error(JSON.stringify(result.errors));
  return result.response;
};
const decide = (request) => answer(request).decision;

if (mode === "single") {
  const request = scenario.requests[0];
  const samples = Number(samplesArg ?? 30);
  // Warm up, then pick a per-sample iteration count that takes about 100 ms.
  let iterations = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) decide(request);
    const elapsed = Number(process.hrtime.bigint() - start);
    if (elapsed > 100e6) break;
    iterations *= 2;
  }
  const perCall = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) decide(request);
    perCall.push(Number(process.hrtime.bigint() - start) / iterations / 1000);
  }
  perCall.sort((a, b) => a - b);
  const median = perCall[Math.floor(perCall.length / 2)];
  process.stdout.write(
    JSON.stringify({ decision: decide(request), medianMicroseconds: median, samples, iterationsPerSample: iterations }) + "\n",
  );
} else if (mode === "batch") {
  const answers = scenario.requests.map((request) => {
    const { decision, diagnostics } = answer(request);
    return { decision, reasons: diagnostics.reason, errors: diagnostics.errors.map((e) => e.policyId) };
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
} else {
  process.stderr.write("usage: node bench.mjs single|batch FILE [SAMPLES]\n");
  process.exit(64);
}
