// JSON that can sit inside <script type="application/json"> whatever its strings hold.

/** JSON text with `<`, `>`, `&`, U+2028 and U+2029 as \u escapes: still the same JSON, but `</script>` or `<!--`
 * in a request name can no longer end or confuse the script element. */
export function jsonForScriptTag(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('Cannot embed a value that has no JSON form.');
  // These characters only ever occur inside JSON strings, where a \u escape means the same character.
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
