import { isJsonObject, JSON_PARSE_COMPATIBLE, JsonNumber, parseLosslessJson } from '@app/common';

/**
 * The source text of the numbers written directly in a JSON object's top level (`{"minus": 1e2}` →
 * `minus: "1e2"`), so amounts are judged on what was sent rather than on the double JSON.parse made of
 * it (DESIGN §3: exponent notation and excess precision are refused, never rounded). Expects text that
 * JSON.parse already accepted; nested values are skipped. A repeated key keeps its last value, as in
 * JSON.parse.
 */
export function topLevelNumberTexts(json: string): Map<string, string> {
  const found = new Map<string, string>();
  const value = parseLosslessJson(json, JSON_PARSE_COMPATIBLE);
  if (!isJsonObject(value)) return found;
  for (const [key, member] of Object.entries(value)) {
    if (member instanceof JsonNumber) found.set(key, member.text);
  }
  return found;
}
