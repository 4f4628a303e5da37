// Kubernetes resource quantities ("500m", "8Gi", "1.5", "1e3"), as the API writes them in
// ResourceQuota and LimitRange objects. Parsed to plain numbers (cores, bytes) for usage reports;
// precision beyond a double's is not needed there.

const BINARY_SI: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SI: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// sign, number, then one suffix: binary SI, a decimal exponent (e3, E-2), or decimal SI. The
// exponent comes before the single letters so "1E3" is 1000 while a bare "1E" stays exa.
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]|)$/;

/**
 * The value of a Kubernetes quantity in base units: cores for CPU ("250m" → 0.25), bytes for
 * memory ("1Gi" → 1073741824, "1G" → 1e9). Throws on anything the API would not accept.
 */
export function parseQuantity(text: string): number {
  const match = QUANTITY.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a Kubernetes quantity`);
  const [, sign, digits, suffix = ''] = match;
  const number = Number(digits) * (sign === '-' ? -1 : 1);
  if (suffix in BINARY_SI) return number * BINARY_SI[suffix]!;
  if (suffix in DECIMAL_SI) return number * DECIMAL_SI[suffix]!;
  // a decimal exponent: scale by a power of ten
  return number * 10 ** Number(suffix.slice(1));
}

/** A CPU quantity for a number of cores: whole cores as "2", fractions in millicores ("500m"). */
export function cpuQuantity(cores: number): string {
  if (Number.isInteger(cores)) return String(cores);
  return `${Math.round(cores * 1000)}m`;
}

/**
 * A memory quantity for a size in GiB (a slot's memory is granted in Gi): whole GiB as "8Gi",
 * fractions in MiB ("512Mi") so the API keeps the value exactly as written.
 */
export function memoryQuantity(gib: number): string {
  if (Number.isInteger(gib)) return `${gib}Gi`;
  return `${Math.round(gib * 1024)}Mi`;
}
