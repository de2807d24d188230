// Verifies a Dome access token with panva/jose, independently of the .NET code that signed it.
// usage: node verify.mjs <jwks.json> <token-file> <issuer> <audience>
// Prints {"header":…,"payload":…} and exits 0 when the token verifies; prints the error and exits 3 when not.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [jwksPath, tokenPath, issuer, audience] = process.argv.slice(2);
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksPath, 'utf8')));
const token = readFileSync(tokenPath, 'utf8').trim();
try {
  const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer, audience, algorithms: ['ES256'], typ: 'at+jwt' });
  process.stdout.write(JSON.stringify({ header: protectedHeader, payload }));
} catch (error) {
  process.stderr.write(`${error.code ?? error.name}: ${error.message}\n`);
  process.exit(3);
}
