/**
 * The source text of the numbers written directly in a JSON object's top level (`{"minus": 1e2}` →
 * `minus: "1e2"`), so amounts are judged on what was sent rather than on the double JSON.parse made of
 * it (DESIGN §3: exponent notation and excess precision are refused, never rounded). Expects text that
 * JSON.parse already accepted; nested values are skipped. A repeated key keeps its last value, as in
 * JSON.parse.
 */
export function topLevelNumberTexts(json: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = skipWs(json, 0);
  if (json[i] !== '{') return found;
  i++;
  for (;;) {
    i = skipWs(json, i);
    if (json[i] !== '"') return found;
    const keyEnd = stringEnd(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipWs(json, keyEnd);
    i = skipWs(json, i + 1); // ':'
    const valueEnd = valueEndAt(json, i);
    const c = json[i];
    if (c === '-' || (c >= '0' && c <= '9')) found.set(key, json.slice(i, valueEnd));
    else found.delete(key);
    i = skipWs(json, valueEnd);
    if (json[i] !== ',') return found;
    i++;
  }
}

function skipWs(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  return i;
}

/** Index just past the string starting at `i` (a '"'). */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j + 1;
  }
  return s.length;
}

function valueEndAt(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return stringEnd(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = stringEnd(s, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !',}] \n\r\t'.includes(s[j])) j++;
  return j;
}
