/** UTF-16 halves without their pair: JSON can carry them (`"\uD800"`), UTF-8 and PostgreSQL cannot. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL refuses to store (in text and jsonb alike): a NUL character or a lone surrogate. */
export function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || loneSurrogate.test(text);
}

/**
 * The path (`spec.name`) of the first string, value or key, that PostgreSQL cannot store, '' for the
 * value itself, or null when all of it can be stored. Iterative: a deeply nested body cannot exhaust
 * the stack.
 */
export function unstorableTextPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [item, at] = stack.pop()!;
    if (typeof item === 'string') {
      if (isUnstorable(item)) return at;
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const path = at ? `${at}.${key}` : key;
        if (isUnstorable(key)) return path;
        stack.push([child, path]);
      }
    }
  }
  return null;
}
