// JSON that keeps integers exact.
//
// Cedar longs are 64-bit; a JavaScript number is exact only up to 2^53. cedar-wasm receives its
// arguments through the global JSON.stringify (its glue code serializes every call object and
// Rust parses the text with serde_json) and returns its answers through the global JSON.parse.
// So the oracle parses its input with `parse` below (integers outside the safe range become
// BigInt), and installs `stringify`/`parse` as the globals while it calls cedar-wasm: a BigInt is
// written back as its plain digits, never as a float or a string.

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);

/** Parses JSON text; integers beyond ±(2^53 - 1) become BigInt. Throws SyntaxError with offset. */
export function parse(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`invalid json at offset ${i}: ${what}`);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = () => {
    // text[i] === '"'
    const start = i;
    i++;
    let simple = true;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        simple = false;
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) fail("unterminated string");
    i++;
    const raw = text.slice(start, i);
    return simple ? raw.slice(1, -1) : nativeParse(raw);
  };
  const num = () => {
    const start = i;
    if (text[i] === "-") i++;
    while (i < text.length && /[0-9]/.test(text[i])) i++;
    let integer = true;
    if (text[i] === ".") {
      integer = false;
      i++;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      integer = false;
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
    }
    const raw = text.slice(start, i);
    if (raw === "" || raw === "-") fail("expected a number");
    if (integer) {
      const big = BigInt(raw);
      if (big > SAFE_MAX || big < SAFE_MIN) return big;
    }
    return Number(raw);
  };
  // Iterative, so deep nesting cannot overflow the JavaScript stack.
  const stack = [];
  let result;
  let haveResult = false;
  const emit = (value) => {
    if (stack.length === 0) {
      result = value;
      haveResult = true;
      return;
    }
    const top = stack[stack.length - 1];
    if (Array.isArray(top.container)) top.container.push(value);
    else Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (;;) {
    ws();
    if (i >= text.length) fail("unexpected end");
    const c = text[i];
    let value;
    let scalar = true;
    if (c === "{") {
      i++;
      ws();
      const frame = { container: {}, key: null };
      if (text[i] === "}") {
        i++;
        value = frame.container;
      } else {
        if (text[i] !== '"') fail("expected a key");
        frame.key = str();
        ws();
        if (text[i] !== ":") fail("expected `:`");
        i++;
        stack.push(frame);
        scalar = false;
      }
    } else if (c === "[") {
      i++;
      ws();
      const frame = { container: [], key: null };
      if (text[i] === "]") {
        i++;
        value = frame.container;
      } else {
        stack.push(frame);
        scalar = false;
      }
    } else if (c === '"') value = str();
    else if (text.startsWith("true", i)) { i += 4; value = true; }
    else if (text.startsWith("false", i)) { i += 5; value = false; }
    else if (text.startsWith("null", i)) { i += 4; value = null; }
    else value = num();
    if (!scalar) continue;
    emit(value);
    // Close containers / move to the next element.
    for (;;) {
      if (stack.length === 0) {
        ws();
        if (i !== text.length) fail("trailing characters");
        if (!haveResult) fail("no value");
        return result;
      }
      ws();
      const top = stack[stack.length - 1];
      const isArray = Array.isArray(top.container);
      if (text[i] === ",") {
        i++;
        if (!isArray) {
          ws();
          if (text[i] !== '"') fail("expected a key");
          top.key = str();
          ws();
          if (text[i] !== ":") fail("expected `:`");
          i++;
        }
        break;
      }
      if ((isArray && text[i] === "]") || (!isArray && text[i] === "}")) {
        i++;
        stack.pop();
        emit(top.container);
        continue;
      }
      fail("expected `,` or a closing bracket");
    }
  }
}

/** Serializes like JSON.stringify (no indentation), writing BigInt as plain digits. */
export function stringify(value) {
  const out = [];
  // Iterative walk: a work list of strings to write and values to expand.
  const work = [value];
  while (work.length > 0) {
    const item = work.pop();
    if (item instanceof Literal) {
      out.push(item.text);
      continue;
    }
    if (item === null || item === undefined) {
      out.push("null");
    } else if (typeof item === "bigint") {
      out.push(item.toString());
    } else if (typeof item === "number") {
      out.push(Number.isFinite(item) ? String(item) : "null");
    } else if (typeof item === "string" || typeof item === "boolean") {
      out.push(nativeStringify(item));
    } else if (Array.isArray(item)) {
      const parts = [new Literal("[")];
      item.forEach((element, index) => {
        if (index > 0) parts.push(new Literal(","));
        parts.push(element === undefined || typeof element === "function" ? null : element);
      });
      parts.push(new Literal("]"));
      for (let k = parts.length - 1; k >= 0; k--) work.push(parts[k]);
    } else if (typeof item === "object") {
      const source = typeof item.toJSON === "function" ? item.toJSON() : item;
      if (source !== item) {
        work.push(source);
        continue;
      }
      const parts = [new Literal("{")];
      let first = true;
      for (const key of Object.keys(item)) {
        const element = item[key];
        if (element === undefined || typeof element === "function") continue;
        parts.push(new Literal((first ? "" : ",") + nativeStringify(key) + ":"));
        parts.push(element);
        first = false;
      }
      parts.push(new Literal("}"));
      for (let k = parts.length - 1; k >= 0; k--) work.push(parts[k]);
    } else {
      out.push("null");
    }
  }
  return out.join("");
}

class Literal {
  constructor(text) {
    this.text = text;
  }
}

const nativeStringify = JSON.stringify.bind(JSON);
const nativeParse = JSON.parse.bind(JSON);

/**
 * Runs `action` with the exact-integer stringify/parse installed as the JSON globals (which is
 * how cedar-wasm's glue code (de)serializes), and restores the originals afterwards.
 */
export function withExactJson(action) {
  const savedStringify = JSON.stringify;
  const savedParse = JSON.parse;
  JSON.stringify = (v, replacer, space) => (replacer || space ? nativeStringify(v, replacer, space) : stringify(v));
  JSON.parse = (t, reviver) => (reviver ? nativeParse(t, reviver) : parse(t));
  try {
    return action();
  } finally {
    JSON.stringify = savedStringify;
    JSON.parse = savedParse;
  }
}
